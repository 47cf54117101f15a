package lint

import "github.com/journeymap/journeymap/journey"

type unmeasuredJourney struct{ base }

func newUnmeasuredJourney() *unmeasuredJourney {
	return &unmeasuredJourney{base{Meta{
		ID:       "unmeasured-journey",
		Severity: journey.Warning,
		OptIn:    true,
		Summary:  "a journey with no journey-level `metrics`",
		Rationale: "You get what you measure: a journey without a measure of its own is optimised touchpoint by " +
			"touchpoint, if at all. One step up on a ten-point journey-satisfaction scale went with at least three " +
			"points more revenue growth, but only a journey that is measured as a whole can show that step.",
		Bad: `version: 1
title: Book a vaccination
owner: clinic-ops
stages:
  - id: book
    touchpoints:
      - id: pick-slot
        channel: app
        owner: clinic-ops
`,
		Good: `version: 1
title: Book a vaccination
owner: clinic-ops
metrics:
  booked: {name: Booking completion, kind: conversion, target: ">= 90%"}
stages:
  - id: book
    touchpoints:
      - id: pick-slot
        channel: app
        owner: clinic-ops
`,
	}}}
}

func (r *unmeasuredJourney) Check(p *Pass) {
	j := p.Journey
	if len(j.Metrics) > 0 {
		return
	}
	p.Report(journey.SubjectJourney, j.At("metrics"), "the journey has no journey-level metrics; add `metrics:` with the measures that say whether it works for the customer and the business (completion, CSAT, NPS, churn)")
}
