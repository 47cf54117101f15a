package lint_test

import (
	"fmt"
	"testing"
)

func TestRuleHandoffContextLost(t *testing.T) {
	checkRule(t, "handoff-context-lost", []ruleCase{
		{name: "carries: [] is reported at carries",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          carries: []
          owner: care-team
`,
			want: []string{"11:11"}},
		{name: "a missing carries is reported at handoff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          owner: care-team
`,
			want: []string{"10:9"}},
		{name: "an empty handoff mapping",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff: {}
`,
			want: []string{"10:9"}},
		{name: "carries null counts as absent",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          carries:
          owner: care-team
`,
			want: []string{"11:11"}},
		{name: "carries lists something",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          carries: [order number]
`},
		{name: "carries entries as {text, owner}",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          carries:
            - {text: case history, owner: care-team}
`},
		{name: "a handoff block on an edge that keeps the channel still needs carries",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
      - id: b
        channel: phone
        handoff: {carries: []}
`,
			want: []string{"10:19"}},
		{name: "handoff: null is no block",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
`},
		{name: "handoff: null is an undocumented handoff",
			rule: "undocumented-handoff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
`,
			want: []string{"8:9"}},
		{name: "each handoff block is checked",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff: {owner: care-team}
  - id: two
    touchpoints:
      - id: c
        channel: store
        handoff:
          carries: []
`,
			want: []string{"10:9", "16:11"}},

		// Suppression.
		{name: "ignore on the line above handoff covers the handoff block",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        # journeymap:ignore handoff-context-lost -- the caller is authenticated again anyway
        handoff:
          carries: []
`},
		{name: "ignore at the end of the carries line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          carries: []  # journeymap:ignore handoff-context-lost -- nothing to carry
`},
		{name: "ignore at the end of the handoff line covers its value",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:  # journeymap:ignore handoff-context-lost -- nothing to carry
          carries: []
`},
		{name: "ignore above the touchpoint covers the handoff into it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      # journeymap:ignore handoff-context-lost -- known
      - id: b
        channel: phone
        handoff:
          owner: care-team
`},
		{name: "ignore at the end of another line does not cover it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone  # journeymap:ignore handoff-context-lost
        handoff:
          carries: []
`,
			want: []string{"11:11"}},
		{name: "ignore-file",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: phone
        handoff:
          carries: []
# journeymap:ignore-file handoff-context-lost -- reason
`},
		{name: "other rules inside the silenced touchpoint still report",
			rule: "handoff-owner-gap",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: web-team
      # journeymap:ignore handoff-context-lost -- known
      - id: b
        channel: phone
        owner: care-team
        handoff:
          carries: []
`,
			want: []string{"13:9"}},
	})
}

// mergedPhone gives touchpoint b its channel, emotion and handoff through a
// YAML merge key; b's block is lines 15-16.
const mergedPhone = `version: 1
title: T
x-phone: &phone
  channel: phone
  emotion: -2
  handoff: {owner: care-team}
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: c
        channel: app
      - id: b
        <<: *phone
`

// inBlock fails unless every position ("line:col") lies within lines from..to.
func inBlock(t *testing.T, rule string, got []string, n, from, to int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("%s: %d findings %v, want %d", rule, len(got), got, n)
	}
	for _, p := range got {
		var line, col int
		if _, err := fmt.Sscanf(p, "%d:%d", &line, &col); err != nil || line < from || line > to {
			t.Errorf("%s finding at %s, want a line inside the touchpoint's block (%d-%d)", rule, p, from, to)
		}
	}
}

func TestRuleHandoffContextLostMergeKey(t *testing.T) {
	got := ruleFindings(t, "handoff-context-lost", ruleCase{src: mergedPhone})
	inBlock(t, "handoff-context-lost", got, 1, 15, 16)
}
