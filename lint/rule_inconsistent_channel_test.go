package lint_test

import (
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

func TestRuleInconsistentChannel(t *testing.T) {
	// other declares its own kiosk and app exactly as in the workspace.
	const other = `version: 1
title: Other
channels:
  kiosk: {name: Self-service kiosk, kind: self-service, owner: retail-ops}
  app: {name: Mobile app, kind: digital, owner: digital-team}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
      - {id: b, channel: app, handoff: {carries: [x]}}
`
	checkRule(t, "inconsistent-channel", []ruleCase{
		{name: "the same definition as the workspace",
			src: `version: 1
title: T
channels:
  app: {name: Mobile app, kind: digital, owner: digital-team}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
		{name: "a different name from the workspace, at the channel id",
			src: `version: 1
title: T
channels:
  app: {name: Top-up app, kind: digital, owner: digital-team}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"4:3"}},
		{name: "a field only the workspace sets",
			src: `version: 1
title: T
channels:
  web:
    name: Website
    owner: web-team
stages:
  - id: s
    touchpoints:
      - {id: a, channel: web}
`,
			want: []string{"4:3"}},
		{name: "a field only the journey sets",
			ws: `version: 1
channels:
  kiosk: {name: Kiosk, kind: self-service}
`,
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`,
			want: []string{"4:3"}},
		{name: "an unused channel is compared too",
			src: `version: 1
title: T
channels:
  app: {name: Mobile app, kind: digital, owner: digital-team}
  phone: {name: Phone, kind: assisted, owner: care-team}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`,
			want: []string{"5:3"}},
		{name: "a channel of the journey's own",
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`},
		{name: "another journey defines the id differently: both are reported",
			more: map[string]string{"o.journey.yaml": other},
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`,
			want: []string{"4:3", "o.journey.yaml:4:3"}},
		{name: "another journey leaves out a field",
			more: map[string]string{"o.journey.yaml": other},
			src: `version: 1
title: T
channels:
  kiosk: {name: Self-service kiosk, kind: self-service}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`,
			want: []string{"4:3", "o.journey.yaml:4:3"}},
		{name: "another journey defines the id the same way",
			more: map[string]string{"o.journey.yaml": other},
			src: `version: 1
title: T
channels:
  kiosk: {name: Self-service kiosk, kind: self-service, owner: retail-ops}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`},
		{name: "another journey that uses the workspace definition",
			more: map[string]string{"o.journey.yaml": `version: 1
title: Other
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
`},
			src: `version: 1
title: T
channels:
  kiosk: {name: Kiosk, kind: self-service, owner: retail-ops}
stages:
  - id: s
    touchpoints:
      - {id: a, channel: kiosk}
`},
	})
}

// TestInconsistentChannelNotSet: a field one side leaves out reads "not
// set", never `kind ""` (issue 11 item 6).
func TestInconsistentChannelNotSet(t *testing.T) {
	dir := t.TempDir()
	ruleWrite(t, dir, journey.WorkspaceFile, "version: 1\nchannels:\n  app: {name: Mobile app, kind: digital, owner: digital-team}\n")
	ruleWrite(t, dir, "t.journey.yaml", "version: 1\ntitle: T\nchannels:\n  app: {name: Mobile app, owner: digital-team}\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, channel: app}\n")
	set, err := journey.Load([]string{dir}, journey.LoadOptions{Today: ruleToday})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(set, lint.Options{Today: ruleToday})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == "inconsistent-channel" {
			if !strings.HasSuffix(f.Message, `:3 (kind not set vs "digital"); use the shared definition or rename the channel`) {
				t.Errorf("message %q: an absent kind should read \"not set\"", f.Message)
			}
			return
		}
	}
	t.Fatalf("no inconsistent-channel finding in %v", res.Findings)
}
