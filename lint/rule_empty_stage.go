package lint

import "github.com/journeymap/journeymap/journey"

type emptyStage struct{ base }

func newEmptyStage() *emptyStage {
	return &emptyStage{base{Meta{
		ID:       "empty-stage",
		Severity: journey.Warning,
		Summary:  "a stage with no touchpoints",
		Rationale: "Start from the customer's goal at each stage. A stage with no touchpoints is either not part of " +
			"the journey or a part nobody has looked at yet.",
		Bad: `version: 1
title: Apply for a library card
channels:
  web: {name: Website, kind: digital}
stages:
  - id: apply
    touchpoints:
      - {id: fill-form, channel: web}
  - id: collect
    name: Collect the card
`,
		Good: `version: 1
title: Apply for a library card
channels:
  web: {name: Website, kind: digital}
  desk: {name: Library desk, kind: assisted}
stages:
  - id: apply
    touchpoints:
      - {id: fill-form, channel: web}
  - id: collect
    name: Collect the card
    touchpoints:
      - {id: pick-up-card, channel: desk, handoff: {carries: [application number]}}
`,
	}}}
}

func (r *emptyStage) Check(p *Pass) {
	for _, s := range p.Journey.Stages {
		if len(s.Touchpoints) == 0 {
			p.Report(s.Subject(), s.Keys.At("touchpoints", s.Pos), "stage %q has no touchpoints; add the touchpoints where the customer meets the organisation in this stage, or remove the stage", s.ID.Value)
		}
	}
}
