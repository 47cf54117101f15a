package lint_test

import "testing"

// strictWorkspace is ruleWorkspace under the strict preset.
const strictWorkspace = ruleWorkspace + "lint:\n  extends: [strict]\n"

func TestRuleMissingExpectations(t *testing.T) {
	checkRule(t, "missing-expectations", []ruleCase{
		{name: "a stage without expectations", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    expectations: [Quick]
    touchpoints:
      - {id: x, channel: app}
  - id: b
    touchpoints:
      - {id: y, channel: app}
`,
			want: []string{"8:5"}},
		{name: "an empty list counts as none", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    expectations: []
    touchpoints:
      - {id: x, channel: app}
`,
			want: []string{"4:5"}},
		{name: "off under recommended",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`},
		{name: "enabled one by one", ws: ruleWorkspace + "lint:\n  rules: {missing-expectations: info}\n",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`,
			want: []string{"4:5"}},
	})
}
