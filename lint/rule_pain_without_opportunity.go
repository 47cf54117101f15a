package lint

import (
	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

type painWithoutOpportunity struct{ base }

func newPainWithoutOpportunity() *painWithoutOpportunity {
	return &painWithoutOpportunity{base{Meta{
		ID:       "pain-without-opportunity",
		Severity: journey.Info,
		Summary:  "pain points listed, no opportunity",
		Rationale: "A journey map is a tool for change: prioritise the gaps and fix root causes. A pain point with no " +
			"opportunity next to it is an observation that has not yet become work.",
		Bad: `version: 1
title: Book a doctor's appointment
channels:
  phone: {name: Reception phone line, kind: assisted}
stages:
  - id: book
    touchpoints:
      - id: call-at-eight
        channel: phone
        pain_points: [Line is busy for 40 minutes]
`,
		Good: `version: 1
title: Book a doctor's appointment
channels:
  phone: {name: Reception phone line, kind: assisted}
stages:
  - id: book
    touchpoints:
      - id: call-at-eight
        channel: phone
        pain_points: [Line is busy for 40 minutes]
        opportunities: [Offer a call-back slot]
`,
	}}}
}

func (r *painWithoutOpportunity) Check(p *Pass) {
	for _, t := range p.Journey.Touchpoints() {
		if len(t.PainPoints) > 0 && len(t.Opportunities) == 0 {
			p.Report(t.Subject(), t.At("pain_points"), "touchpoint %q lists %s but no opportunities; add `opportunities:` saying how the pain could be removed or eased", t.ID.Value, words.Count(len(t.PainPoints), "pain point"))
		}
	}
}
