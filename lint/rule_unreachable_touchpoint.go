package lint

import "github.com/journeymap/journeymap/journey"

type unreachableTouchpoint struct{ base }

func newUnreachableTouchpoint() *unreachableTouchpoint {
	return &unreachableTouchpoint{base{Meta{
		ID:       "unreachable-touchpoint",
		Severity: journey.Warning,
		Summary:  "a touchpoint that no path from the first touchpoint reaches",
		Rationale: "A touchpoint that cannot be reached is usually a `next:` list that forgot a branch. The map " +
			"then tells a story the customer cannot live.",
		Bad: `version: 1
title: Pay a parking fine
channels:
  web: {name: Website, kind: digital}
stages:
  - id: pay
    touchpoints:
      - {id: open-letter, channel: web, next: [pay-online]}
      - {id: appeal, channel: web}
      - {id: pay-online, channel: web}
`,
		Good: `version: 1
title: Pay a parking fine
channels:
  web: {name: Website, kind: digital}
stages:
  - id: pay
    touchpoints:
      - {id: open-letter, channel: web, next: [pay-online, appeal]}
      - {id: appeal, channel: web, next: []}
      - {id: pay-online, channel: web}
`,
	}}}
}

func (r *unreachableTouchpoint) Check(p *Pass) {
	reached := p.Journey.Flow.Reachable()
	for _, t := range p.Journey.Touchpoints() {
		if !reached[t] {
			p.Report(t.Subject(), t.Pos, "no path from the first touchpoint reaches %q; check the `next:` lists that lead here", t.ID.Value)
		}
	}
}
