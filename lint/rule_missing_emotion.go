package lint

import "github.com/journeymap/journeymap/journey"

type missingEmotion struct{ base }

func newMissingEmotion() *missingEmotion {
	return &missingEmotion{base{Meta{
		ID:       "missing-emotion",
		Severity: journey.Info,
		Summary:  "a touchpoint with no emotion score",
		Rationale: "Pain points are only half of the experience; the emotional curve shows where the journey lifts " +
			"and where it hurts. Without a score a touchpoint is a blank on that curve.",
		Bad: `version: 1
title: Return a parcel
channels:
  web: {name: Website, kind: digital}
stages:
  - id: return
    touchpoints:
      - id: print-label
        channel: web
`,
		Good: `version: 1
title: Return a parcel
channels:
  web: {name: Website, kind: digital}
stages:
  - id: return
    touchpoints:
      - id: print-label
        channel: web
        emotion: {score: -1, feeling: annoyed}
`,
	}}}
}

func (r *missingEmotion) Check(p *Pass) {
	for _, t := range p.Journey.Touchpoints() {
		if t.Emotion == nil {
			p.Report(t.Subject(), t.Pos, "touchpoint %q has no emotion score; add `emotion:` (-2..2) with how customers feel here, from research", t.ID.Value)
		}
	}
}
