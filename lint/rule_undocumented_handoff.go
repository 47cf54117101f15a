package lint

import "github.com/journeymap/journeymap/journey"

type undocumentedHandoff struct{ base }

func newUndocumentedHandoff() *undocumentedHandoff {
	return &undocumentedHandoff{base{Meta{
		ID:       "undocumented-handoff",
		Severity: journey.Warning,
		Summary:  "a flow edge that changes channel, whose receiving touchpoint has no `handoff`",
		Rationale: "McKinsey found that journeys spanning several channels gave a markedly worse experience than " +
			"single-channel ones; the root cause is silos. Every change of channel is a handoff, and an " +
			"undocumented handoff is where customers repeat themselves.",
		Bad: `version: 1
title: Report a broken streetlight
channels:
  app: {name: City app, kind: digital}
  phone: {name: Call centre, kind: assisted}
stages:
  - id: report
    touchpoints:
      - id: report-in-app
        channel: app
      - id: call-for-update
        channel: phone
`,
		Good: `version: 1
title: Report a broken streetlight
channels:
  app: {name: City app, kind: digital}
  phone: {name: Call centre, kind: assisted}
stages:
  - id: report
    touchpoints:
      - id: report-in-app
        channel: app
      - id: call-for-update
        channel: phone
        handoff:
          carries: [case number, photo of the light]
`,
	}}}
}

func (r *undocumentedHandoff) Check(p *Pass) {
	for _, e := range p.Journey.Flow.Handoffs() {
		if e.To.Handoff != nil {
			continue
		}
		p.Report(e.To.Subject(), e.To.Pos, "the customer moves from channel %q (%q) to %q here with no `handoff`; document what carries over and who owns the seam",
			e.From.Channel.Value, e.From.ID.Value, e.To.Channel.Value)
	}
}
