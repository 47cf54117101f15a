package lint

import "github.com/journeymap/journeymap/journey"

type negativeMoment struct{ base }

func newNegativeMoment() *negativeMoment {
	return &negativeMoment{base{Meta{
		ID:       "negative-moment",
		Severity: journey.Warning,
		Summary:  "a moment of truth with emotion below 0 and no opportunities",
		Rationale: "A moment of truth that feels bad is where relationships end. Define the moments that matter and " +
			"design them: a negative one with no improvement idea is a known problem nobody is working on.",
		Bad: `version: 1
title: Report a lost card
channels:
  phone: {name: Call centre, kind: assisted}
stages:
  - id: report
    touchpoints:
      - id: block-card
        channel: phone
        moment_of_truth: true
        emotion: {score: -2, feeling: panicked}
`,
		Good: `version: 1
title: Report a lost card
channels:
  phone: {name: Call centre, kind: assisted}
stages:
  - id: report
    touchpoints:
      - id: block-card
        channel: phone
        moment_of_truth: true
        emotion: {score: -2, feeling: panicked}
        opportunities: [Freeze the card from the app in one tap]
`,
	}}}
}

func (r *negativeMoment) Check(p *Pass) {
	for _, t := range p.Journey.Touchpoints() {
		if t.MomentOfTruth != nil && t.Emotion != nil && t.Emotion.Score < 0 && len(t.Opportunities) == 0 {
			p.Report(t.Subject(), t.At("moment_of_truth"), "moment of truth %q feels negative (emotion %d) and lists no opportunities; say how it could be better",
				t.ID.Value, t.Emotion.Score)
		}
	}
}
