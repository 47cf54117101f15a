package lint_test

import (
	"strings"
	"testing"
)

func TestRuleEmotionalCliff(t *testing.T) {
	checkRule(t, "emotional-cliff", []ruleCase{
		{name: "a drop of 3 is reported at the lower touchpoint's emotion",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1
`,
			want: []string{"11:9"}},
		{name: "a drop of 4 written as a mapping",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: {score: 2, feeling: delighted}
      - id: b
        channel: app
        emotion: {score: -2, feeling: furious}
`,
			want: []string{"11:9"}},
		{name: "a drop of 2 is no cliff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: 0
      - id: c
        channel: app
        emotion: -2
`},
		{name: "a rise of 4 is no cliff",
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
		{name: "touchpoints without a score are skipped over",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
      - id: c
        channel: app
        emotion:
      - id: d
        channel: app
        emotion: -1
`,
			want: []string{"16:9"}},
		{name: "a scored touchpoint in between breaks the comparison",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: 0
      - id: c
        channel: app
        emotion: -1
`},
		{name: "consecutive across a stage boundary",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: app
        emotion: 1
  - id: two
    touchpoints:
      - id: b
        channel: app
        emotion: -2
`,
			want: []string{"13:9"}},
		{name: "cliffs along next branches, not document order",
			// a → c (drop 1) and a → d (drop 3); a → b is not a flow edge.
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
        next: [c, d]
      - id: b
        channel: app
        emotion: -2
      - id: c
        channel: app
        emotion: 1
      - id: d
        channel: app
        emotion: -1
        next: []
`,
			want: []string{"18:9"}},
		{name: "a next list hides a drop that document order would show",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
        next: [c]
      - id: b
        channel: app
        emotion: -2
      - id: c
        channel: app
        emotion: 1
`},
		{name: "unscored touchpoints skipped along next edges",
			// a → b (unscored) → d: drop 3 at d. c is not on b's edges.
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
        next: [b]
      - id: b
        channel: app
        next: [d]
      - id: c
        channel: app
        emotion: -2
      - id: d
        channel: app
        emotion: -1
`,
			want: []string{"18:9"}},
		{name: "a loop through unscored touchpoints ends",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        next: [c, a]
      - id: c
        channel: app
        next: [b]
`},
		{name: "unscored touchpoints at the end are no cliff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
`},

		// Suppression.
		{name: "ignore at the end of the emotion line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1  # journeymap:ignore emotional-cliff -- the fall is the point of this step
`},
		{name: "ignore at the end of another line covers only that key",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app  # journeymap:ignore emotional-cliff -- wrong line
        emotion: -1
`,
			want: []string{"11:9"}},
		{name: "ignore above the receiving touchpoint covers it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      # journeymap:ignore emotional-cliff -- known, tracked in CX-12
      - id: b
        channel: app
        emotion: -1
`},
		{name: "ignore above another touchpoint does not cover the cliff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      # journeymap:ignore emotional-cliff -- only about a
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1
`,
			want: []string{"12:9"}},
		{name: "several rules in one comment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1  # journeymap:ignore negative-ending,emotional-cliff -- both known
`},
		{name: "ignore-file",
			src: `# journeymap:ignore-file emotional-cliff -- an as-is map of a bad service
version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1
`},
		{name: "ignore-file of another rule does not silence this one",
			src: `# journeymap:ignore-file missing-emotion
version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1  # journeymap:ignore negative-ending
`,
			want: []string{"12:9"}},
		{name: "ignoring the cliff leaves other rules at the same key",
			rule: "negative-ending",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 2
      - id: b
        channel: app
        emotion: -1  # journeymap:ignore emotional-cliff
`,
			want: []string{"11:9"}},
	})
}

func TestRuleEmotionalCliffMergeKey(t *testing.T) {
	got := ruleFindings(t, "emotional-cliff", ruleCase{src: mergedPhone})
	inBlock(t, "emotional-cliff", got, 1, 15, 16)
	src := strings.Replace(mergedPhone, "      - id: b\n", "      # journeymap:ignore emotional-cliff -- known\n      - id: b\n", 1)
	if got := ruleFindings(t, "emotional-cliff", ruleCase{src: src}); len(got) != 0 {
		t.Errorf("ignore above the touchpoint left %v", got)
	}
}
