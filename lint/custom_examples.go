package lint

import (
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// CustomExample is a custom rule as docs/rules.md shows it: the
// `lint.custom` entry, a journey it is checked on, and the subjects it must
// find there. Tests run every example, so the docs cannot drift.
type CustomExample struct {
	Title   string
	Intro   string
	Rule    string // the `- id: ...` entry, indented for `lint.custom`
	Journey string
	Want    []journey.Subject // where the rule must fire, and nowhere else
}

// CustomExamples are the three custom rules of docs/rules.md.
func CustomExamples() []CustomExample {
	return []CustomExample{
		{
			Title: "Every moment of truth is measured with NPS",
			Intro: "A touchpoint rule with a `when` and a lookup: `metric(m)` follows each metric id " +
				"to its definition in the journey or the workspace.",
			Rule: `    - id: moment-needs-nps
      severity: warning
      on: touchpoint
      when: touchpoint.moment_of_truth
      require: touchpoint.metrics.exists(m, metric(m).kind == "nps")
      message: "moment of truth {{touchpoint.id}} is not measured with NPS (it has: {{touchpoint.metrics}})"
      help: Every moment of truth is measured with NPS, so moments compare across journeys.
`,
			Journey: `version: 1
title: Move house with broadband
owner: cx-broadband
metrics:
  nps-move: {name: NPS after the move, kind: nps}
  time-to-connect: {name: Days without internet, kind: time}
stages:
  - id: move
    touchpoints:
      - id: tell-us
        channel: app
        owner: digital-team
      - id: engineer-visit
        channel: app
        owner: field-ops
        moment_of_truth: The engineer comes on the day we promised, or trust is gone
        metrics: [time-to-connect]
      - id: first-bill
        channel: app
        owner: billing
        moment_of_truth: true
        metrics: [nps-move]
`,
			Want: []journey.Subject{"touchpoint:engineer-visit"},
		},
		{
			Title: "Every handoff carries the customer id",
			Intro: "A handoff rule: it runs on each flow edge that changes channel, documented or not " +
				"(`handoff.documented`), with both touchpoints as `handoff.from` and `handoff.to`.",
			Rule: `    - id: handoff-carries-customer-id
      severity: error
      on: handoff
      require: '"customer id" in handoff.carries'
      message: "the handoff from {{handoff.from.id}} ({{handoff.from.channel}}) to {{handoff.to.id}} ({{handoff.to.channel}}) does not carry the customer id; add it to carries"
`,
			Journey: `version: 1
title: Report a fault
owner: care
channels:
  phone: {name: Call centre, kind: assisted, owner: care}
stages:
  - id: report
    touchpoints:
      - id: chat-bot
        channel: app
        owner: digital-team
      - id: call-care
        channel: phone
        owner: care
        handoff:
          carries: [customer id, fault code]
      - id: track-repair
        channel: app
        owner: digital-team
        handoff:
          carries: [fault code]
`,
			Want: []journey.Subject{"handoff:call-care>track-repair"},
		},
		{
			Title: "A long stage has a moment of truth",
			Intro: "A stage rule whose expressions walk the stage's touchpoints, and whose message " +
				"computes a value.",
			Rule: `    - id: long-stage-needs-moment
      severity: info
      on: stage
      when: size(stage.touchpoints) >= 3
      require: stage.touchpoints.exists(t, t.moment_of_truth)
      message: "stage {{stage.id}} has {{size(stage.touchpoints)}} touchpoints and no moment of truth; mark the one that decides the relationship"
`,
			Journey: `version: 1
title: Claim travel insurance
owner: claims
stages:
  - id: prepare
    touchpoints:
      - {id: read-policy, channel: app, owner: claims}
      - {id: gather-receipts, channel: app, owner: claims}
      - {id: photograph-damage, channel: app, owner: claims}
  - id: settle
    touchpoints:
      - {id: submit, channel: app, owner: claims}
      - {id: assessor-call, channel: app, owner: claims, moment_of_truth: true}
      - {id: payout, channel: app, owner: claims}
`,
			Want: []journey.Subject{"stage:prepare"},
		},
	}
}

// Workspace is the journeymap.yaml the example is checked with.
func (e CustomExample) Workspace() string {
	return strings.TrimSuffix(ExampleWorkspace, "\n") + "\n  custom:\n" + e.Rule
}

// CheckCustomExample lints the example's journey, as example.journey.yaml,
// with its workspace, as journeymap.yaml, and returns the findings of the
// example's rule together with any configuration findings.
func CheckCustomExample(e CustomExample) []journey.Finding {
	wsFile := journey.WorkspaceFile
	ws, vf := journey.ParseWorkspace(wsFile, []byte(e.Workspace()))
	file := "example.journey.yaml"
	j, jf := journey.Parse(file, []byte(e.Journey))
	vf = append(vf, jf...)
	vf = append(vf, journey.Resolve(j, ws)...)
	if len(vf) > 0 {
		return vf
	}
	c, err := newConfig(ws, Options{})
	if err != nil {
		return []journey.Finding{{File: wsFile, Line: 1, Column: 1, Rule: journey.RuleRange, Message: err.Error()}}
	}
	out := append([]journey.Finding(nil), c.findings...)
	id := ""
	if len(c.custom) > 0 {
		id = c.custom[0].meta.ID
	}
	found, _ := lintJourney(j, c, ExampleToday(), nil)
	for _, f := range found {
		if f.Rule == id || f.File == wsFile {
			out = append(out, f)
		}
	}
	return journey.SortFindings(out)
}
