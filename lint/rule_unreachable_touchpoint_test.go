package lint_test

import "testing"

func TestRuleUnreachableTouchpoint(t *testing.T) {
	checkRule(t, "unreachable-touchpoint", []ruleCase{
		{name: "document order reaches everything",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - {id: a, channel: app}
      - {id: b, channel: app}
  - id: two
    touchpoints:
      - {id: c, channel: app}
`},
		{name: "a next list that skips a touchpoint, at its - id: line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [c]
      - id: b
        channel: app
      - id: c
        channel: app
`,
			want: []string{"9:9"}},
		{name: "what only an unreachable touchpoint leads to is unreachable",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [d]
      - id: b
        channel: app
      - id: c
        channel: app
      - id: d
        channel: app
`,
			want: []string{"9:9", "11:9"}},
		{name: "reached later through another next list",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [c]
      - id: b
        channel: app
        next: []
      - id: c
        channel: app
        next: [b]
`},
		{name: "next: [] on the first touchpoint ends the journey there",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: app
        next: []
  - id: two
    touchpoints:
      - id: b
        channel: app
      - id: c
        channel: app
`,
			want: []string{"11:9", "13:9"}},
		{name: "a loop back leaves the rest unreachable",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: app
        next: [a]
      - id: c
        channel: app
`,
			want: []string{"11:9"}},
		{name: "branches that rejoin",
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
        next: [d]
      - id: c
        channel: app
      - id: d
        channel: app
`},
	})
}
