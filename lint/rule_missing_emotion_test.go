package lint_test

import "testing"

func TestRuleMissingEmotion(t *testing.T) {
	checkRule(t, "missing-emotion", []ruleCase{
		{name: "no emotion, at the - id: line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
`,
			want: []string{"6:9"}},
		{name: "emotion null counts as absent",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion:
`,
			want: []string{"6:9"}},
		{name: "emotion 0 is a score",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 0
`},
		{name: "emotion as a mapping",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: {score: -2, feeling: frustrated}
`},
		{name: "only the touchpoints without a score, across stages",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: app
        emotion: 1
      - id: b
        channel: app
  - id: two
    touchpoints:
      - {id: c, channel: app}
      - {id: d, channel: app, emotion: 2}
`,
			want: []string{"9:9", "13:9"}},
	})
}
