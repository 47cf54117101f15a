package lint_test

import "testing"

func TestRuleUnmeasuredJourney(t *testing.T) {
	checkRule(t, "unmeasured-journey", []ruleCase{
		{name: "no journey metrics: line 1", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`,
			want: []string{"1:1"}},
		{name: "an empty metrics map: at the key", ws: strictWorkspace,
			src: `version: 1
title: T
metrics: {}
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`,
			want: []string{"3:1"}},
		{name: "touchpoint metrics alone do not measure the journey", ws: ruleWorkspace + "metrics:\n  nps: {name: NPS, kind: nps}\nlint:\n  extends: [strict]\n",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, metrics: [nps]}
`,
			want: []string{"1:1"}},
		{name: "a journey metric", ws: strictWorkspace,
			src: `version: 1
title: T
metrics:
  done: {name: Completion, kind: conversion}
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`},
		{name: "off under recommended",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`},
	})
}
