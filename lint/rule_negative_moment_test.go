package lint_test

import "testing"

func TestRuleNegativeMoment(t *testing.T) {
	checkRule(t, "negative-moment", []ruleCase{
		{name: "a negative moment with no opportunities",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: true
        emotion: {score: -2, feeling: panicked}
`,
			want: []string{"8:9"}},
		{name: "a sentence moment at -1",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        emotion: -1
        moment_of_truth: Staff must honour the offer or trust is lost
`,
			want: []string{"9:9"}},
		{name: "an opportunity answers it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: true
        emotion: -2
        opportunities: [Freeze the card in one tap]
`},
		{name: "an opportunity as {text, owner}",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: true
        emotion: -2
        opportunities:
          - {text: Freeze the card in one tap, owner: digital-team}
`},
		{name: "an empty opportunities list is none",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: true
        emotion: -1
        opportunities: []
`,
			want: []string{"8:9"}},
		{name: "emotion 0 is not negative",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: true
        emotion: 0
`},
		{name: "no emotion score",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: true
`},
		{name: "moment_of_truth: false is no moment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        moment_of_truth: false
        emotion: -2
`},
		{name: "a negative touchpoint that is no moment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: phone
        emotion: -2
`},
	})
}
