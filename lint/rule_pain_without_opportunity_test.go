package lint_test

import "testing"

func TestRulePainWithoutOpportunity(t *testing.T) {
	checkRule(t, "pain-without-opportunity", []ruleCase{
		{name: "pain points and no opportunities, at pain_points",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        pain_points: [Line is busy for 40 minutes]
`,
			want: []string{"8:9"}},
		{name: "pain points as {text, owner} in block style",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        emotion: -1
        pain_points:
          - text: Line is busy
            owner: care-team
          - Nobody calls back
`,
			want: []string{"9:9"}},
		{name: "an opportunity answers them",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        pain_points: [Line is busy for 40 minutes]
        opportunities: [Offer a call-back slot]
`},
		{name: "an empty opportunities list is none",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        opportunities: []
        pain_points: [Line is busy for 40 minutes]
`,
			want: []string{"9:9"}},
		{name: "an empty pain points list lists none",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        pain_points: []
`},
		{name: "opportunities alone",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        opportunities: [Offer a call-back slot]
`},
		{name: "each touchpoint on its own",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        pain_points: [Busy line]
      - id: b
        channel: phone
        pain_points: [Long hold]
        opportunities: [Call-back]
      - id: c
        channel: phone
        pain_points: [Dropped call]
`,
			want: []string{"8:9", "15:9"}},

		// Suppression.
		{name: "ignore at the end of the pain_points line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        pain_points: [Line is busy]  # journeymap:ignore pain-without-opportunity -- fixed by the new IVR
      - id: b
        channel: phone
        pain_points: [Nobody calls back]
`,
			want: []string{"11:9"}},
		{name: "ignore text inside a block scalar is not a comment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        name: |
          Agent notes # journeymap:ignore-file pain-without-opportunity
        pain_points: [Line is busy]
`,
			want: []string{"10:9"}},
	})
}
