package lint_test

import "testing"

func TestRuleMissingGoal(t *testing.T) {
	checkRule(t, "missing-goal", []ruleCase{
		{name: "no goal: line 1",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"1:1"}},
		{name: "no goal after a leading comment: still line 1",
			src: `# yaml-language-server: $schema=journeymap.schema.json
version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"1:1"}},
		{name: "goal null counts as absent: at the key",
			src: `version: 1
title: T
goal:
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"3:1"}},
		{name: "an empty goal",
			src: `version: 1
title: T
goal: ""
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"3:1"}},
		{name: "a goal",
			src: `version: 1
title: T
goal: Get faster broadband in one sitting
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
	})
}
