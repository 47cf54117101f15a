package lint_test

import "testing"

func TestRuleUnmeasuredMoment(t *testing.T) {
	checkRule(t, "unmeasured-moment", []ruleCase{
		{name: "moment_of_truth: true with nothing measured",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: true
`,
			want: []string{"8:9"}},
		{name: "a sentence is a moment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        emotion: 1
        moment_of_truth: The decision tells the customer whether we keep our promise
`,
			want: []string{"9:9"}},
		{name: "moment_of_truth: false is no moment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: false
`},
		{name: "moment_of_truth null is no moment",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth:
`},
		{name: "no moment at all",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
`},
		{name: "a metric measures the moment",
			src: `version: 1
title: T
metrics:
  csat: {name: CSAT, kind: csat}
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: true
        metrics: [csat]
`},
		{name: "a listening post measures the moment",
			src: `version: 1
title: T
listening:
  survey: {name: Survey, kind: structured}
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: true
        listening: [survey]
`},
		{name: "a workspace metric measures the moment",
			ws: ruleWorkspace + `metrics:
  nps: {name: NPS, kind: nps}
`,
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: true
        metrics: [nps]
`},
		{name: "journey-level metrics do not measure a moment",
			src: `version: 1
title: T
metrics:
  csat: {name: CSAT, kind: csat}
listening:
  survey: {name: Survey, kind: structured}
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: true
      - id: b
        channel: app
        metrics: [csat]
        listening: [survey]
`,
			want: []string{"12:9"}},
		{name: "empty metrics and listening lists measure nothing",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        moment_of_truth: true
        metrics: []
        listening: []
`,
			want: []string{"8:9"}},
	})
}
