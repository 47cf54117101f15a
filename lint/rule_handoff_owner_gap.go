package lint

import "github.com/journeymap/journeymap/journey"

type handoffOwnerGap struct{ base }

func newHandoffOwnerGap() *handoffOwnerGap {
	return &handoffOwnerGap{base{Meta{
		ID:       "handoff-owner-gap",
		Severity: journey.Warning,
		Summary:  "a `handoff` between touchpoints with different owners that names no `owner`",
		Rationale: "42 % of firms surveyed had little or no coordination of CX work across the business. When two " +
			"teams meet at a seam, someone must be accountable for the seam itself, or each side assumes the " +
			"other one is.",
		Bad: `version: 1
title: Collect an online order in store
channels:
  web: {name: Web shop, kind: digital}
  store: {name: Store, kind: physical}
stages:
  - id: collect
    touchpoints:
      - id: order-online
        channel: web
        owner: ecommerce
      - id: pick-up
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`,
		Good: `version: 1
title: Collect an online order in store
channels:
  web: {name: Web shop, kind: digital}
  store: {name: Store, kind: physical}
stages:
  - id: collect
    touchpoints:
      - id: order-online
        channel: web
        owner: ecommerce
      - id: pick-up
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
          owner: retail-ops
`,
	}}}
}

func (r *handoffOwnerGap) Check(p *Pass) {
	for _, e := range p.Journey.Flow.Handoffs() {
		h := e.To.Handoff
		if h == nil || h.Owner.Value != "" {
			continue
		}
		from, to := e.From.ResolvedOwner().Value, e.To.ResolvedOwner().Value
		if from == "" || to == "" || from == to {
			continue
		}
		p.Report(e.Subject(), e.To.At("handoff"), "the handoff from %q (owned by %q) to %q (owned by %q) names no owner; say who is accountable for the seam with `owner:`",
			e.From.ID.Value, from, e.To.ID.Value, to)
	}
}
