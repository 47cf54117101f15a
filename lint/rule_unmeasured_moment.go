package lint

import "github.com/journeymap/journeymap/journey"

type unmeasuredMoment struct{ base }

func newUnmeasuredMoment() *unmeasuredMoment {
	return &unmeasuredMoment{base{Meta{
		ID:       "unmeasured-moment",
		Severity: journey.Warning,
		Summary:  "a moment of truth with no metric and no listening post",
		Rationale: "You get what you measure. A moment that decides the relationship deserves a metric (CSAT, NPS, " +
			"conversion…) or a listening post (survey, reviews, interviews) so the organisation knows how it goes.",
		Bad: `version: 1
title: Claim on travel insurance
channels:
  web: {name: Website, kind: digital}
stages:
  - id: claim
    touchpoints:
      - id: get-decision
        channel: web
        moment_of_truth: The decision tells the customer whether the insurer keeps its promise
`,
		Good: `version: 1
title: Claim on travel insurance
channels:
  web: {name: Website, kind: digital}
listening:
  decision-survey: {name: Survey after the decision, kind: structured}
stages:
  - id: claim
    touchpoints:
      - id: get-decision
        channel: web
        moment_of_truth: The decision tells the customer whether the insurer keeps its promise
        listening: [decision-survey]
`,
	}}}
}

func (r *unmeasuredMoment) Check(p *Pass) {
	for _, t := range p.Journey.Touchpoints() {
		if t.MomentOfTruth != nil && len(t.Metrics) == 0 && len(t.Listening) == 0 {
			p.Report(t.Subject(), t.At("moment_of_truth"), "moment of truth %q is not measured; add a metric or a listening post", t.ID.Value)
		}
	}
}
