package lint

import "github.com/journeymap/journeymap/journey"

type noPositivePeak struct{ base }

func newNoPositivePeak() *noPositivePeak {
	return &noPositivePeak{base{Meta{
		ID:       "no-positive-peak",
		Severity: journey.Info,
		OptIn:    true,
		Summary:  "a journey with at least three scored touchpoints and none at +2",
		Rationale: "CX is first an emotional experience, and pain points are only half of it. By the peak-end rule " +
			"people remember a journey by its most intense moment and its end; a journey with no high point is " +
			"remembered as merely adequate. Design at least one moment worth having.",
		Bad: `version: 1
title: Open a savings account
owner: retail-banking
stages:
  - id: open
    touchpoints:
      - id: compare
        channel: app
        owner: retail-banking
        emotion: 0
      - id: verify-id
        channel: app
        owner: retail-banking
        emotion: -1
      - id: first-deposit
        channel: app
        owner: retail-banking
        emotion: 1
`,
		Good: `version: 1
title: Open a savings account
owner: retail-banking
stages:
  - id: open
    touchpoints:
      - id: compare
        channel: app
        owner: retail-banking
        emotion: 0
      - id: verify-id
        channel: app
        owner: retail-banking
        emotion: -1
      - id: first-deposit
        channel: app
        owner: retail-banking
        emotion: {score: 2, feeling: delighted by the savings goal animation}
`,
	}}}
}

func (r *noPositivePeak) Check(p *Pass) {
	var scored int
	var best *journey.Touchpoint
	for _, t := range p.Journey.Touchpoints() {
		if t.Emotion == nil {
			continue
		}
		scored++
		if t.Emotion.Score >= 2 {
			return
		}
		if best == nil || t.Emotion.Score > best.Emotion.Score {
			best = t
		}
	}
	if scored < 3 {
		return
	}
	p.Report(journey.SubjectJourney, p.Journey.At("stages"), "none of the journey's %d scored touchpoints reaches +2 (the highest is %+d, at %q); design a moment worth having and score it",
		scored, best.Emotion.Score, best.ID.Value)
}
