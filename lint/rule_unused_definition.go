package lint

import "github.com/journeymap/journeymap/journey"

type unusedDefinition struct{ base }

func newUnusedDefinition() *unusedDefinition {
	return &unusedDefinition{base{Meta{
		ID:       "unused-definition",
		Severity: journey.Info,
		Summary:  "a channel or listening post declared in a journey that none of its touchpoints uses",
		Rationale: "A declared but unused channel or listening post suggests a touchpoint that was forgotten or a " +
			"leftover from an earlier version. Journey metrics are KPIs of the whole journey and count as used; " +
			"workspace definitions serve many journeys and are never reported.",
		Bad: `version: 1
title: Order a pizza
channels:
  app: {name: App, kind: digital}
  phone: {name: Phone order line, kind: assisted}
listening:
  reviews: {name: App store reviews, kind: unstructured}
stages:
  - id: order
    touchpoints:
      - {id: place-order, channel: app}
`,
		Good: `version: 1
title: Order a pizza
channels:
  app: {name: App, kind: digital}
listening:
  reviews: {name: App store reviews, kind: unstructured}
stages:
  - id: order
    touchpoints:
      - {id: place-order, channel: app, listening: [reviews]}
`,
	}}}
}

func (r *unusedDefinition) Check(p *Pass) {
	usedChannels, usedPosts := map[string]bool{}, map[string]bool{}
	for _, t := range p.Journey.Touchpoints() {
		usedChannels[t.Channel.Value] = true
		for _, l := range t.Listening {
			usedPosts[l.Value] = true
		}
	}
	for _, c := range p.Journey.Channels {
		if !usedChannels[c.ID.Value] {
			p.Report(c.Subject(), c.Pos, "channel %q is declared but no touchpoint uses it; remove it, or use it on the touchpoints where the customer meets it", c.ID.Value)
		}
	}
	for _, l := range p.Journey.Listening {
		if !usedPosts[l.ID.Value] {
			p.Report(l.Subject(), l.Pos, "listening post %q is declared but no touchpoint uses it; list it under `listening:` of the touchpoints it hears, or remove it", l.ID.Value)
		}
	}
}
