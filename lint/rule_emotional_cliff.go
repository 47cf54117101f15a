package lint

import "github.com/journeymap/journeymap/journey"

type emotionalCliff struct{ base }

func newEmotionalCliff() *emotionalCliff {
	return &emotionalCliff{base{Meta{
		ID:       "emotional-cliff",
		Severity: journey.Warning,
		Summary:  "emotion drops by 3 or more between consecutive touchpoints",
		Rationale: "Customer experience is first an emotional experience, a roller-coaster. A sudden fall from delight " +
			"to distress is remembered far longer than the steps around it.",
		Bad: `version: 1
title: Check in for a flight
channels:
  app: {name: Airline app, kind: digital}
  desk: {name: Airport desk, kind: assisted}
stages:
  - id: check-in
    touchpoints:
      - id: online-check-in
        channel: app
        emotion: 2
      - id: bag-drop-queue
        channel: desk
        handoff: {carries: [booking reference]}
        emotion: {score: -1, feeling: frustrated}
`,
		Good: `version: 1
title: Check in for a flight
channels:
  app: {name: Airline app, kind: digital}
  desk: {name: Airport desk, kind: assisted}
stages:
  - id: check-in
    touchpoints:
      - id: online-check-in
        channel: app
        emotion: 1
      - id: bag-drop-queue
        channel: desk
        handoff: {carries: [booking reference]}
        emotion: {score: -1, feeling: impatient}
`,
	}}}
}

// Check compares the scores of touchpoints consecutive along the flow,
// skipping over touchpoints without a score.
func (r *emotionalCliff) Check(p *Pass) {
	for _, step := range p.Journey.Flow.ScoredSteps() {
		from, to := step[0], step[1]
		if drop := from.Emotion.Score - to.Emotion.Score; drop >= 3 {
			p.Report(to.Subject(), to.At("emotion"), "emotion falls by %d from %q (%+d) to %q (%+d); soften the fall or design a recovery",
				drop, from.ID.Value, from.Emotion.Score, to.ID.Value, to.Emotion.Score)
		}
	}
}
