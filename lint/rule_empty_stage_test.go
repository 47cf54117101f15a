package lint_test

import "testing"

func TestRuleEmptyStage(t *testing.T) {
	checkRule(t, "empty-stage", []ruleCase{
		{name: "a stage without touchpoints, at its - id: line",
			src: `version: 1
title: T
stages:
  - id: apply
    touchpoints:
      - id: a
        channel: app
  - id: collect
    name: Collect the card
`,
			want: []string{"8:5"}},
		{name: "touchpoints: [] at the key",
			src: `version: 1
title: T
stages:
  - id: apply
    touchpoints:
      - id: a
        channel: app
  - id: collect
    touchpoints: []
`,
			want: []string{"9:5"}},
		{name: "touchpoints null at the key",
			src: `version: 1
title: T
stages:
  - id: apply
    touchpoints:
      - id: a
        channel: app
  - id: collect
    touchpoints:
`,
			want: []string{"9:5"}},
		{name: "every empty stage, first and last",
			src: `version: 1
title: T
stages:
  - id: discover
  - id: apply
    touchpoints:
      - id: a
        channel: app
  - {id: collect, touchpoints: []}
`,
			want: []string{"4:5", "9:19"}},
		{name: "stages with touchpoints",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - {id: a, channel: app}
  - id: two
    touchpoints:
      - {id: b, channel: app}
`},
	})
}
