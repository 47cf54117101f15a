package lint_test

import "testing"

func TestRuleUndocumentedHandoff(t *testing.T) {
	checkRule(t, "undocumented-handoff", []ruleCase{
		{name: "a channel change with no handoff, at the receiving - id: line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: phone
`,
			want: []string{"8:9"}},
		{name: "a documented handoff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: phone
        handoff:
          carries: [case number]
`},
		{name: "the same channel needs no handoff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: app
`},
		{name: "across a stage boundary",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: app
  - id: two
    touchpoints:
      - id: b
        channel: store
`,
			want: []string{"10:9"}},
		{name: "flow-style touchpoints",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
      - {id: b, channel: web}
      - {id: c, channel: web}
`,
			want: []string{"7:9"}},
		{name: "only flow edges count: next skips a document-order change",
			// a → c changes channel; a → b is not an edge and b ends.
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [c]
      - id: b
        channel: web
        next: []
      - id: c
        channel: phone
`,
			want: []string{"12:9"}},
		{name: "every channel-changing edge into a touchpoint is reported",
			// a → b (app → web), a → c (app → phone), b → c (web → phone).
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [b, c]
      - id: b
        channel: web
      - id: c
        channel: phone
`,
			want: []string{"9:9", "11:9", "11:9"}},
		{name: "each change along the journey",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
        handoff: {carries: [basket]}
      - id: c
        channel: phone
      - id: d
        channel: app
`,
			want: []string{"11:9", "13:9"}},

		// Suppression.
		{name: "ignore above the touchpoint covers the handoff into it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      # journeymap:ignore undocumented-handoff -- the call centre sees the app session
      - id: b
        channel: phone
`},
		{name: "ignore at the end of the - id: line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b  # journeymap:ignore undocumented-handoff -- known seam
        channel: phone
`},
		{name: "ignore above the sending touchpoint does not cover the next one",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      # journeymap:ignore undocumented-handoff
      - id: a
        channel: app
      - id: b
        channel: phone
`,
			want: []string{"9:9"}},
		{name: "ignore-file",
			src: `# journeymap:ignore-file undocumented-handoff -- as-is map
version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: phone
`},
		{name: "ignoring it does not silence other rules at the same line",
			rule: "missing-emotion",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 0
      # journeymap:ignore undocumented-handoff -- known seam
      - id: b
        channel: phone
`,
			want: []string{"10:9"}},
		{name: "ignoring another rule does not silence it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      # journeymap:ignore missing-emotion
      - id: b
        channel: phone
`,
			want: []string{"9:9"}},
	})
}
