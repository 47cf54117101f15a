package lint_test

import "testing"

func TestRuleHandoffOwnerGap(t *testing.T) {
	checkRule(t, "handoff-owner-gap", []ruleCase{
		{name: "different owners, handoff names no owner",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`,
			want: []string{"12:9"}},
		{name: "the handoff names an owner",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
          owner: retail-ops
`},
		{name: "handoff owner null counts as absent",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
          owner:
`,
			want: []string{"12:9"}},
		{name: "the same owner on both sides",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: omni-team
      - id: b
        channel: store
        owner: omni-team
        handoff:
          carries: [order number]
`},
		{name: "stage default owners resolve and differ",
			src: `version: 1
title: T
stages:
  - id: buy
    owner: ecommerce
    touchpoints:
      - id: a
        channel: web
  - id: collect
    owner: retail-ops
    touchpoints:
      - id: b
        channel: store
        handoff:
          carries: [order number]
`,
			want: []string{"14:9"}},
		{name: "stage default and touchpoint owner are the same",
			src: `version: 1
title: T
stages:
  - id: s
    owner: omni-team
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: store
        owner: omni-team
        handoff:
          carries: [order number]
`},
		{name: "touchpoint owner null falls back to the stage owner",
			src: `version: 1
title: T
stages:
  - id: s
    owner: retail-ops
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner:
        handoff:
          carries: [order number]
`,
			want: []string{"13:9"}},
		{name: "an owner that does not resolve: the journey owner is no fallback",
			src: `version: 1
title: T
owner: retail-ops
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`},
		{name: "the receiving owner does not resolve",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        handoff:
          carries: [order number]
`},
		{name: "an edge that keeps the channel is no handoff",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: store
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`},
		{name: "a missing handoff block is undocumented-handoff alone",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
`},
		{name: "along a next edge, not document order",
			// a → c changes channel and owner; b lists next: [], so b → c
			// is not an edge, and neither is a → b.
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
        next: [c]
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
        next: []
      - id: c
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`,
			want: []string{"19:9"}},

		// Suppression.
		{name: "ignore above the receiving touchpoint covers the handoff into it",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      # journeymap:ignore handoff-owner-gap -- retail owns every store seam
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`},
		{name: "ignore at the end of the handoff line",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
        handoff:  # journeymap:ignore handoff-owner-gap -- agreed in the seam review
          carries: [order number]
`},
		{name: "ignore-file",
			src: `version: 1
title: T
# journeymap:ignore-file handoff-owner-gap
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`},
		{name: "ignoring another rule does not silence this one",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: web
        owner: ecommerce
      # journeymap:ignore handoff-context-lost,missing-emotion -- later
      - id: b
        channel: store
        owner: retail-ops
        handoff:
          carries: [order number]
`,
			want: []string{"13:9"}},
	})
}
