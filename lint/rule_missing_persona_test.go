package lint_test

import "testing"

func TestRuleMissingPersona(t *testing.T) {
	personaWS := ruleWorkspace + `personas:
  busy-parent: {name: Busy parent, segment: high-value}
`
	checkRule(t, "missing-persona", []ruleCase{
		{name: "no persona: line 1",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"1:1"}},
		{name: "persona null counts as absent: at the key",
			src: `version: 1
title: T
persona:
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"3:1"}},
		{name: "a workspace persona",
			ws: personaWS,
			src: `version: 1
title: T
persona: busy-parent
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
		{name: "an inline persona counts",
			src: `version: 1
title: T
persona: {name: Frequent traveller, segment: adult, needs: [Passport before a trip]}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
		{name: "an inline persona with a name only",
			src: `version: 1
title: T
persona:
  name: First-time buyer
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
		{name: "a segment is not a persona",
			src: `version: 1
title: T
segment: high-value
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"1:1"}},
	})
}
