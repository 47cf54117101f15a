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

// Check compares each scored touchpoint with the next scored touchpoints
// along the flow, skipping over touchpoints without a score.
func (r *emotionalCliff) Check(p *Pass) {
	f := p.Journey.Flow
	for _, from := range p.Journey.Touchpoints() {
		if from.Emotion == nil {
			continue
		}
		seen := map[*journey.Touchpoint]bool{}
		var visit func(t *journey.Touchpoint)
		visit = func(t *journey.Touchpoint) {
			for _, e := range f.Out[t] {
				to := e.To
				if seen[to] {
					continue
				}
				seen[to] = true
				if to.Emotion == nil {
					visit(to)
					continue
				}
				if drop := from.Emotion.Score - to.Emotion.Score; drop >= 3 {
					p.Report(to.At("emotion"), "emotion falls by %d from %q (%+d) to %q (%+d); soften the fall or design a recovery",
						drop, from.ID.Value, from.Emotion.Score, to.ID.Value, to.Emotion.Score)
				}
			}
		}
		visit(from)
	}
}
