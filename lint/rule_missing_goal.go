package lint

import (
	"strings"

	"github.com/journeymap/journeymap/journey"
)

type missingGoal struct{ base }

func newMissingGoal() *missingGoal {
	return &missingGoal{base{Meta{
		ID:       "missing-goal",
		Severity: journey.Info,
		Summary:  "a journey with no customer `goal`",
		Rationale: "Work outside-in: start from the customer's goal and expectations, not from the organisation " +
			"chart. The goal is what every touchpoint is judged against.",
		Bad: `version: 1
title: Open a savings account
channels:
  app: {name: App, kind: digital}
stages:
  - id: open
    touchpoints:
      - {id: choose-account, channel: app}
`,
		Good: `version: 1
title: Open a savings account
goal: Start saving for a holiday in under five minutes
channels:
  app: {name: App, kind: digital}
stages:
  - id: open
    touchpoints:
      - {id: choose-account, channel: app}
`,
	}}}
}

func (r *missingGoal) Check(p *Pass) {
	if strings.TrimSpace(p.Journey.Goal.Value) == "" {
		p.Report(journey.SubjectJourney, p.Journey.At("goal"), "journey %q has no customer `goal`; say what the customer is trying to achieve", p.Journey.ID.Value)
	}
}
