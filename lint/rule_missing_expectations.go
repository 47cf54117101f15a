package lint

import "github.com/journeymap/journeymap/journey"

type missingExpectations struct{ base }

func newMissingExpectations() *missingExpectations {
	return &missingExpectations{base{Meta{
		ID:       "missing-expectations",
		Severity: journey.Info,
		OptIn:    true,
		Summary:  "a stage with no customer `expectations`",
		Rationale: "Outside-in design starts from the customer's goal and expectations at each stage, not from the " +
			"organisation chart. A stage that says only what the organisation does cannot show the gap between " +
			"what customers expect and what they get, which is where priorities come from.",
		Bad: `version: 1
title: Report a broken streetlight
owner: city-services
stages:
  - id: report
    name: Report
    touchpoints:
      - id: send-photo
        channel: app
        owner: city-services
`,
		Good: `version: 1
title: Report a broken streetlight
owner: city-services
stages:
  - id: report
    name: Report
    expectations: [Takes under a minute, Told when it will be fixed]
    touchpoints:
      - id: send-photo
        channel: app
        owner: city-services
`,
	}}}
}

func (r *missingExpectations) Check(p *Pass) {
	for _, s := range p.Journey.Stages {
		if len(s.Expectations) > 0 {
			continue
		}
		p.Report(s.Subject(), s.Pos, "stage %q lists no customer expectations; add `expectations:` with what the customer expects at this stage, in their words", s.Label())
	}
}
