package lint

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

type channelHopping struct{ base }

func newChannelHopping() *channelHopping {
	return &channelHopping{base{Meta{
		ID:       "channel-hopping",
		Severity: journey.Warning,
		Summary:  "more than `max` (default 3) channel changes along the main path",
		Rationale: "Journeys that wander across channels gave a markedly worse experience than single-channel ones, " +
			"digital or not (McKinsey, telecom). One step up on a ten-point journey-satisfaction scale went with at " +
			"least three points more revenue growth. Each change of channel is a chance to drop the customer.",
		Params: []ParamInfo{{Name: "max", Default: 3, Doc: "channel changes allowed along the main path"}},
		Bad: `version: 1
title: Upgrade a mobile plan
channels:
  app: {name: App, kind: digital}
  web: {name: Website, kind: digital}
  phone: {name: Call centre, kind: assisted}
  store: {name: Store, kind: physical}
stages:
  - id: upgrade
    touchpoints:
      - {id: see-offer, channel: app}
      - {id: compare-plans, channel: web, handoff: {carries: [offer code]}}
      - {id: ask-question, channel: phone, handoff: {carries: [offer code]}}
      - {id: sign-contract, channel: store, handoff: {carries: [offer code]}}
      - {id: activate, channel: app, handoff: {carries: [contract id]}}
`,
		Good: `version: 1
title: Upgrade a mobile plan
channels:
  app: {name: App, kind: digital}
  phone: {name: Call centre, kind: assisted}
stages:
  - id: upgrade
    touchpoints:
      - {id: see-offer, channel: app}
      - {id: compare-plans, channel: app}
      - {id: ask-question, channel: phone, handoff: {carries: [offer code]}}
      - {id: sign-contract, channel: app, handoff: {carries: [offer code]}}
      - {id: activate, channel: app}
`,
	}}}
}

func (r *channelHopping) Check(p *Pass) {
	path := p.Journey.Flow.MainPath()
	max := p.Param("max")
	changes := 0
	var at *journey.Touchpoint
	chain := []string{}
	for i, t := range path {
		switch {
		case i == 0:
			chain = append(chain, t.Channel.Value)
		case t.Channel.Value != path[i-1].Channel.Value:
			// Name the touchpoint where the change happens, so the reader
			// can find the seams to remove.
			chain = append(chain, fmt.Sprintf("%s at %q", t.Channel.Value, t.ID.Value))
		}
		if i > 0 && t.Channel.Value != path[i-1].Channel.Value {
			changes++
			if changes == max+1 {
				at = t
			}
		}
	}
	if at == nil {
		return
	}
	p.Report(journey.SubjectJourney, at.At("channel"), "the main path changes channel %d times (more than %d): %s; keep the customer in fewer channels, for example by finishing a step in the channel where it started",
		changes, max, strings.Join(chain, " → "))
}
