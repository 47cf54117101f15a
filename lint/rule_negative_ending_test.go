package lint_test

import "testing"

func TestRuleNegativeEnding(t *testing.T) {
	checkRule(t, "negative-ending", []ruleCase{
		{name: "the last touchpoint ends negative",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 1
      - id: b
        channel: app
        emotion: {score: -1, feeling: cheated}
`,
			want: []string{"11:9"}},
		{name: "the last touchpoint of the last stage",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: app
        emotion: -2
  - id: two
    touchpoints:
      - id: b
        channel: app
        emotion: -2
`,
			want: []string{"13:9"}},
		{name: "a neutral ending is fine",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: -2
      - id: b
        channel: app
        emotion: 0
`},
		{name: "an unscored ending is not negative",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: -2
      - id: b
        channel: app
`},
		{name: "next: [] marks an ending in the middle",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 0
        next: [b, c]
      - id: b
        channel: app
        emotion: -1
        next: []
      - id: c
        channel: app
        emotion: 1
`,
			want: []string{"12:9"}},
		{name: "next: [] and the last touchpoint both end",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [b, c]
      - id: b
        channel: app
        emotion: -2
        next: []
      - id: c
        channel: app
        emotion: -1
`,
			want: []string{"11:9", "15:9"}},
		{name: "a touchpoint with a next list is not an ending",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: -2
        next: [c]
      - id: b
        channel: app
        emotion: -2
        next: [c]
      - id: c
        channel: app
        emotion: 1
`},
		{name: "a touchpoint in the middle without next is not an ending",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: -2
      - id: b
        channel: app
        emotion: 2
`},
		{name: "next: null counts as absent, so document order continues",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: -2
        next:
      - id: b
        channel: app
        emotion: 2
`},
		{name: "an unreachable end is unreachable-touchpoint's alone",
			// a ends the journey well; b can end it badly but no path reaches it.
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 1
        next: []
      - id: b
        channel: app
        emotion: -2
`},
		{name: "the same unreachable end is reported as unreachable",
			rule: "unreachable-touchpoint",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 1
        next: []
      - id: b
        channel: app
        emotion: -2
`,
			want: []string{"10:9"}},
		{name: "a reachable end after a branch still counts",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 1
        next: [c]
      - id: b
        channel: app
        emotion: -2
      - id: c
        channel: app
        emotion: -1
`,
			want: []string{"15:9"}},
	})
}
