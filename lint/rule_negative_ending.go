package lint

import "github.com/journeymap/journeymap/journey"

type negativeEnding struct{ base }

func newNegativeEnding() *negativeEnding {
	return &negativeEnding{base{Meta{
		ID:       "negative-ending",
		Severity: journey.Warning,
		Summary:  "a touchpoint where the journey ends has emotion below 0 (peak-end rule)",
		Rationale: "People judge an experience largely by its peak and by how it ends. Mind how the journey ends: " +
			"a bad last step colours the memory of everything before it.",
		Bad: `version: 1
title: Cancel a gym membership
channels:
  web: {name: Website, kind: digital}
stages:
  - id: cancel
    touchpoints:
      - id: request-cancellation
        channel: web
        emotion: 0
      - id: receive-final-bill
        channel: web
        emotion: {score: -2, feeling: cheated}
`,
		Good: `version: 1
title: Cancel a gym membership
channels:
  web: {name: Website, kind: digital}
stages:
  - id: cancel
    touchpoints:
      - id: request-cancellation
        channel: web
        emotion: 0
      - id: receive-confirmation
        channel: web
        emotion: {score: 1, feeling: relieved}
`,
	}}}
}

func (r *negativeEnding) Check(p *Pass) {
	f := p.Journey.Flow
	// Only reachable ends count (SPEC §5): an unreachable touchpoint is
	// unreachable-touchpoint's alone.
	reachable := f.Reachable()
	for _, t := range p.Journey.Touchpoints() {
		if reachable[t] && f.IsEnd(t) && t.Emotion != nil && t.Emotion.Score < 0 {
			p.Report(t.Subject(), t.At("emotion"), "the journey can end at %q on a negative emotion (%d); endings weigh most in memory (peak-end rule), so redesign this last step or add one that ends well",
				t.ID.Value, t.Emotion.Score)
		}
	}
}
