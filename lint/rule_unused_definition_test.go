package lint_test

import "testing"

func TestRuleUnusedDefinition(t *testing.T) {
	checkRule(t, "unused-definition", []ruleCase{
		{name: "an unused journey channel, at its id",
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
  fax: {name: Fax, kind: other, owner: back-office}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`,
			want: []string{"5:3"}},
		{name: "an unused journey listening post, at its id",
			src: `version: 1
title: T
listening:
  survey: {name: Survey, kind: structured}
  reviews: {name: App store reviews, kind: unstructured}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app, listening: [survey]}
`,
			want: []string{"5:3"}},
		{name: "journey metrics are KPIs of the whole journey",
			src: `version: 1
title: T
metrics:
  completion: {name: Completion rate, kind: conversion, target: ">= 85%"}
  csat: {name: CSAT, kind: csat}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app, metrics: [csat]}
`},
		{name: "workspace definitions are never reported",
			ws: ruleWorkspace + `listening:
  nps-survey: {name: NPS survey, kind: structured}
metrics:
  nps: {name: NPS, kind: nps}
`,
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
		{name: "a journey channel that shadows a workspace one and is unused",
			src: `version: 1
title: T
channels:
  phone: {name: Call centre, kind: assisted, owner: care-team}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"4:3"}},
		{name: "used by an unreachable touchpoint is still used",
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app, next: []}
      - {id: b, channel: kiosk}
`},
		{name: "everything used",
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
listening:
  survey: {name: Survey, kind: structured}
stages:
  - id: s
    touchpoints:
      - id: a
        channel: kiosk
      - id: b
        channel: app
        listening: [survey]
`},
		{name: "several unused definitions",
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
listening:
  survey: {name: Survey, kind: structured}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"4:3", "6:3"}},
	})
}
