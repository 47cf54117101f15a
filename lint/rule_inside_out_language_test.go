package lint_test

import (
	"reflect"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

func TestRuleInsideOutLanguage(t *testing.T) {
	vocab := ruleWorkspace + `lint:
  extends: [strict]
  vocabulary:
    reject: [CRM, SKU, back office, Tier-2]
    accept: [sku]
`
	checkRule(t, "inside-out-language", []ruleCase{
		{name: "whole words, any case, in stage and touchpoint names", ws: vocab,
			src: `version: 1
title: T
stages:
  - id: a
    name: Back Office check
    touchpoints:
      - id: x
        name: crm lookup
        channel: app
      - id: y
        name: CRMs and acrm are other words
        channel: app
      - id: z
        name: Escalated to tier-2
        channel: app
`,
			want: []string{"5:5", "8:9", "14:9"}},
		{name: "accept wins over reject", ws: vocab,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, name: Scan the SKU label, channel: app}
`},
		{name: "an accepted phrase shields the rejected word inside it", ws: ruleWorkspace + `lint:
  extends: [strict]
  vocabulary: {reject: [ticket, CRM], accept: [Ticket office]}
`,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, name: Buys at the ticket office, channel: app}
      - {id: y, name: Ticket office closed so raises a ticket, channel: app}
      - {id: z, name: Ticket offices, channel: app}
`,
			want: []string{"7:17", "8:17"}},
		{name: "the terms parameter adds terms", ws: ruleWorkspace + "lint:\n  rules:\n    inside-out-language: {terms: [ticket]}\n",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, name: Ticket raised, channel: app}
      - {id: y, name: Tickets, channel: app}
`,
			want: []string{"6:17"}},
		{name: "no vocabulary, no findings", ws: strictWorkspace,
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, name: CRM lookup, channel: app}
`},
		{name: "off under recommended", ws: ruleWorkspace + "lint:\n  vocabulary: {reject: [CRM]}\n",
			src: `version: 1
title: T
stages:
  - id: a
    touchpoints:
      - {id: x, name: CRM lookup, channel: app}
`},
	})
}

func TestInsideOutLanguageMessage(t *testing.T) {
	src := "version: 1\ntitle: T\nstages:\n  - id: a\n    touchpoints:\n      - {id: x, name: CRM case for Tier-2, channel: app, owner: o}\n"
	got := lint.CheckExample("inside-out-language", "t.journey.yaml", src)
	var msgs []string
	for _, f := range got {
		msgs = append(msgs, f.Message)
	}
	want := []string{`touchpoint name "CRM case for Tier-2" uses inside-out terms "CRM", "Tier-2"; name it by what the customer does or sees there`}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("messages %q, want %q", msgs, want)
	}
	if len(got) == 1 && got[0].Subject != journey.Subject("touchpoint:x") {
		t.Errorf("subject %q", got[0].Subject)
	}
}
