package lint_test

import "testing"

func TestRuleMissingOwner(t *testing.T) {
	checkRule(t, "missing-owner", []ruleCase{
		{name: "everything owned",
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
        owner: web-team
`},
		{name: "no journey owner: line 1",
			src: `version: 1
title: T
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
`,
			want: []string{"1:1"}},
		{name: "journey owner null counts as absent: at the key",
			src: `version: 1
title: T
owner:
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
`,
			want: []string{"3:1"}},
		{name: "the journey owner is not a fallback for touchpoints",
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: app
        owner: digital-team
`,
			want: []string{"7:9"}},
		{name: "the stage default owner satisfies its touchpoints",
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: one
    owner: ops
    touchpoints:
      - id: a
        channel: app
  - id: two
    touchpoints:
      - id: b
        channel: app
`,
			want: []string{"12:9"}},
		{name: "touchpoint owner null falls back to the stage owner",
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
        owner:
`},
		{name: "stage owner null is no default",
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    owner:
    touchpoints:
      - id: a
        channel: app
`,
			want: []string{"8:9"}},
		{name: "a used journey channel with no owner, at its id",
			src: `version: 1
title: T
owner: cx-team
channels:
  kiosk: {name: Kiosk, kind: self-service}
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: kiosk
      - id: b
        channel: kiosk
`,
			want: []string{"5:3"}},
		{name: "an unused channel with no owner is not reported",
			src: `version: 1
title: T
owner: cx-team
channels:
  kiosk: {name: Kiosk, kind: self-service}
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
`},
		{name: "a used workspace channel with no owner is reported in journeymap.yaml",
			ws: `version: 1
channels:
  app: {name: Mobile app, kind: digital, owner: digital-team}
  kiosk: {name: Kiosk, kind: self-service}
`,
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: kiosk
`,
			want: []string{"journeymap.yaml:4:3"}},
		{name: "a workspace channel several journeys use is reported once",
			ws: `version: 1
channels:
  kiosk: {name: Kiosk, kind: self-service}
`,
			more: map[string]string{"o.journey.yaml": `version: 1
title: Other
owner: cx-team
stages:
  - id: s
    owner: ops
    touchpoints:
      - {id: a, channel: kiosk}
`},
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    owner: ops
    touchpoints:
      - {id: a, channel: kiosk}
`,
			want: []string{"journeymap.yaml:3:3"}},
		{name: "an unused workspace channel with no owner is not reported",
			ws: `version: 1
channels:
  app: {name: Mobile app, kind: digital, owner: digital-team}
  kiosk: {name: Kiosk, kind: self-service}
`,
			src: `version: 1
title: T
owner: cx-team
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
`},
		{name: "a channel owner null counts as absent",
			src: `version: 1
title: T
owner: cx-team
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: }
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: kiosk
`,
			want: []string{"5:3"}},
		{name: "everything missing at once",
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service}
stages:
  - id: s
    touchpoints:
      - id: a
        channel: kiosk
      - id: b
        channel: app
        owner: digital-team
      - id: c
        channel: app
`,
			want: []string{"1:1", "4:3", "8:9", "13:9"}},

		// Suppression.
		{name: "ignore above a touchpoint silences that touchpoint only",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      # journeymap:ignore missing-owner -- owner being hired
      - id: a
        channel: app
      - id: b
        channel: app
`,
			want: []string{"1:1", "9:9"}},
		{name: "ignore at the end of the journey owner line",
			src: `version: 1
title: T
owner:  # journeymap:ignore missing-owner -- decided at the Q3 review
stages:
  - id: s
    owner: ops
    touchpoints:
      - id: a
        channel: app
`},
		{name: "ignore-file",
			src: `# journeymap:ignore-file missing-owner -- draft
version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
`},
		{name: "ignore-file of several rules, this one not among them",
			src: `# journeymap:ignore-file missing-goal, missing-persona
version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
`,
			want: []string{"1:1", "7:9"}},
	})
}
