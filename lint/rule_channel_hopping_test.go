package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// Helpers shared by the per-rule tests (lint/rule_*_test.go).

// ruleWorkspace is the workspace rule tests use unless a case gives its own:
// four shared channels, each with an owner.
const ruleWorkspace = `version: 1
channels:
  app: {name: Mobile app, kind: digital, owner: digital-team}
  web: {name: Website, kind: digital, owner: web-team}
  phone: {name: Call centre, kind: assisted, owner: care-team}
  store: {name: Store, kind: physical, owner: retail-ops}
`

// ruleToday is the date rule tests lint on, unless a case gives its own.
var ruleToday = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// ruleCase is one journey and the findings one rule must make on it.
type ruleCase struct {
	name string
	ws   string            // journeymap.yaml; "" means ruleWorkspace
	src  string            // the journey, written as t.journey.yaml
	more map[string]string // further files in the same directory
	rule string            // the rule to check; "" means the test's rule
	// today is the lint date; zero means ruleToday.
	today time.Time
	// want lists the findings as "line:col" in t.journey.yaml, or
	// "file:line:col" for findings in another file.
	want []string
	// skip, when set, skips the case (used to mark SPEC disagreements).
	skip string
}

// checkRule runs each case and compares the positions of rule's findings.
func checkRule(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.skip != "" {
				t.Skip(c.skip)
			}
			r := rule
			if c.rule != "" {
				r = c.rule
			}
			got := ruleFindings(t, r, c)
			want := append([]string(nil), c.want...)
			slices.Sort(want)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: findings at %v, want %v\n%s", r, got, want, numbered(c.src))
			}
		})
	}
}

// ruleFindings lints the case and returns the positions of rule's findings,
// sorted. It fails the test if the journeys do not validate.
func ruleFindings(t *testing.T, rule string, c ruleCase) []string {
	t.Helper()
	dir := t.TempDir()
	ws := c.ws
	if ws == "" {
		ws = ruleWorkspace
	}
	ruleWrite(t, dir, journey.WorkspaceFile, ws)
	ruleWrite(t, dir, "t.journey.yaml", c.src)
	for name, src := range c.more {
		ruleWrite(t, dir, name, src)
	}
	opts := lint.Options{Today: c.today}
	if opts.Today.IsZero() {
		opts.Today = ruleToday
	}
	set, err := journey.Load([]string{dir}, journey.LoadOptions{Today: opts.Today})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range set.Findings {
		t.Fatalf("the test journey is invalid: %s\n%s", f, numbered(c.src))
	}
	res, err := lint.Run(set, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule != rule {
			continue
		}
		if f.Message == "" {
			t.Errorf("%s finding with no message", rule)
		}
		pos := fmt.Sprintf("%d:%d", f.Line, f.Column)
		if base := filepath.Base(f.File); base != "t.journey.yaml" {
			pos = base + ":" + pos
		}
		got = append(got, pos)
	}
	slices.Sort(got)
	return got
}

func ruleWrite(t *testing.T, dir, name, src string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// numbered shows a source with line numbers, for failure messages.
func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
		fmt.Fprintf(&b, "%3d %s\n", i+1, l)
	}
	return b.String()
}

// withLint is ruleWorkspace with a lint section appended.
func withLint(section string) string { return ruleWorkspace + section }

func TestRuleChannelHopping(t *testing.T) {
	checkRule(t, "channel-hopping", []ruleCase{
		{name: "four changes exceed the default max of 3, reported at the fourth change's channel",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
        handoff: {carries: [x]}
      - id: c
        channel: phone
        handoff: {carries: [x]}
      - id: d
        channel: store
        handoff: {carries: [x]}
      - id: e
        channel: app
        handoff: {carries: [x]}
`,
			want: []string{"18:9"}},
		{name: "three changes are allowed by default",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
      - {id: b, channel: web}
      - {id: c, channel: phone}
      - {id: d, channel: store}
`},
		{name: "coming back to a channel is a change; counted across stages",
			src: `version: 1
title: T
stages:
  - id: one
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
  - id: two
    touchpoints:
      - id: c
        channel: app
      - id: d
        channel: web
      - id: e
        channel: web
      - id: f
        channel: app
`,
			want: []string{"19:9"}},
		{name: "max parameter lowers the limit",
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 1}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
      - id: c
        channel: web
      - id: d
        channel: phone
`,
			want: []string{"13:9"}},
		{name: "max parameter raises the limit",
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 4}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
      - {id: b, channel: web}
      - {id: c, channel: phone}
      - {id: d, channel: store}
      - {id: e, channel: app}
`},
		{name: "max 0 allows no change at all",
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 0}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
`,
			want: []string{"9:9"}},
		{name: "the main path takes the first entry of next",
			// Main path a → c → d (document order after c): app, phone, store
			// = 2 changes, the second at d. Through b it would be 3 changes,
			// the second at c.
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 1}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [c, b]
      - id: b
        channel: web
      - id: c
        channel: phone
      - id: d
        channel: store
`,
			want: []string{"14:9"}},
		{name: "changes on branches off the main path do not count",
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 0}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: [b, x]
      - id: b
        channel: app
        next: []
      - id: x
        channel: phone
      - id: y
        channel: store
`},
		{name: "the main path stops where a touchpoint repeats",
			// a → b → c → b: the path is a, b, c (2 changes); it does not
			// go round the loop again.
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 2}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
      - id: b
        channel: web
      - id: c
        channel: phone
        next: [b]
`},
		{name: "the main path ends at next: []",
			ws: withLint("lint:\n  rules:\n    channel-hopping: {max: 0}\n"),
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - id: a
        channel: app
        next: []
      - id: b
        channel: web
`},
		{name: "a single channel never hops",
			src: `version: 1
title: T
stages:
  - id: s
    touchpoints:
      - {id: a, channel: app}
      - {id: b, channel: app}
      - {id: c, channel: app}
`},
	})
}
