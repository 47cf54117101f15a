package lint_test

import "testing"

func TestRuleUnbalancedListening(t *testing.T) {
	ws := ruleWorkspace + `listening:
  survey: {name: Survey, kind: structured}
  reviews: {name: Reviews, kind: unstructured}
lint:
  extends: [strict]
`
	checkRule(t, "unbalanced-listening", []ruleCase{
		{name: "only structured posts, declared in the journey", ws: strictWorkspace,
			src: `version: 1
title: T
listening:
  nps: {name: NPS survey, kind: structured}
  csat: {name: CSAT survey, kind: structured}
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, listening: [nps]}
`,
			want: []string{"3:1"}},
		{name: "only unstructured posts, used from the workspace: line 1", ws: ws,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, listening: [reviews]}
`,
			want: []string{"1:1"}},
		{name: "both kinds, one declared and one used", ws: ws,
			src: `version: 1
title: T
listening:
  chats: {name: Chat transcripts, kind: unstructured}
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app, listening: [survey]}
`},
		{name: "no listening posts at all is another matter", ws: ws,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`},
		{name: "workspace posts nobody uses do not count", ws: ws,
			src: `version: 1
title: T
listening:
  nps: {name: NPS survey, kind: structured}
stages:
  - id: a
    touchpoints:
      - {id: x, channel: app}
`,
			want: []string{"3:1"}},
	})
}
