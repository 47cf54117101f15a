package lint

import "github.com/journeymap/journeymap/journey"

type handoffContextLost struct{ base }

func newHandoffContextLost() *handoffContextLost {
	return &handoffContextLost{base{Meta{
		ID:       "handoff-context-lost",
		Severity: journey.Warning,
		Summary:  "a `handoff` block whose `carries` is missing or empty: the customer repeats themselves",
		Rationale: "A handoff that carries nothing makes the customer start again: repeat their account number, " +
			"re-explain the problem. Naming what travels with the customer (case id, offer code, history) is " +
			"what makes a seam invisible to them.",
		Bad: `version: 1
title: Move a broadband line
channels:
  web: {name: Website, kind: digital}
  phone: {name: Call centre, kind: assisted}
stages:
  - id: move
    touchpoints:
      - id: book-online
        channel: web
      - id: confirm-by-phone
        channel: phone
        handoff:
          owner: care-team
`,
		Good: `version: 1
title: Move a broadband line
channels:
  web: {name: Website, kind: digital}
  phone: {name: Call centre, kind: assisted}
stages:
  - id: move
    touchpoints:
      - id: book-online
        channel: web
      - id: confirm-by-phone
        channel: phone
        handoff:
          carries: [order number, new address]
          owner: care-team
`,
	}}}
}

func (r *handoffContextLost) Check(p *Pass) {
	for _, t := range p.Journey.Touchpoints() {
		h := t.Handoff
		if h == nil || len(h.Carries) > 0 {
			continue
		}
		at, ok := h.Keys["carries"]
		if !ok {
			at = t.At("handoff")
		}
		p.Report(t.Subject(), Inside(t, at), "the handoff into %q carries nothing; list under `carries` what travels with the customer so they need not repeat themselves", t.ID.Value)
	}
}
