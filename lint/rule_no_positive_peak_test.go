package lint_test

import "testing"

func TestRuleNoPositivePeak(t *testing.T) {
	checkRule(t, "no-positive-peak", []ruleCase{
		{name: "three scored, none at +2", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, emotion: 1}
      - {id: y, channel: app, emotion: {score: -1}}
      - {id: z, channel: app}
      - {id: w, channel: app, emotion: 0}
`,
			want: []string{"3:1"}},
		{name: "a +2 anywhere", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, emotion: 1}
      - {id: y, channel: app, emotion: -1}
      - {id: z, channel: app, emotion: {score: 2, feeling: delighted}}
`},
		{name: "only two scored", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, emotion: 1}
      - {id: y, channel: app, emotion: 1}
      - {id: z, channel: app}
`},
		{name: "off under recommended",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, emotion: 1}
      - {id: y, channel: app, emotion: 1}
      - {id: z, channel: app, emotion: 1}
`},
	})
}
