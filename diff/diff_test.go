package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

var today = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

func load(t *testing.T, paths ...string) *journey.Set {
	t.Helper()
	s, err := journey.Load(paths, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// source builds a set from text, as diff --rev does for a revision.
func source(name, src string) *journey.Set {
	s := &journey.Set{}
	s.AddSource(name, []byte(src), nil, today)
	return s
}

func compare(t *testing.T, old, new *journey.Set, opts Options) *Result {
	t.Helper()
	opts.Lint = lint.Options{Today: today}
	r, err := Compare(old, new, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func kinds(r *Result) string {
	var out []string
	for _, d := range r.Journeys {
		for _, c := range d.Changes {
			s := c.Kind + " " + c.Subject
			if c.Field != "" {
				s += fmt.Sprintf(" %s %v→%v", c.Field, c.Before, c.After)
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}

// TestEdit: an emotion changed, a touchpoint moved to another stage, a
// channel changed, one touchpoint added and another removed are reported as
// exactly those five changes, in every format.
func TestEdit(t *testing.T) {
	dir := filepath.Join("..", "testdata", "diff", "edit")
	r := compare(t, load(t, filepath.Join(dir, "old.journey.yaml")), load(t, filepath.Join(dir, "new.journey.yaml")), Options{PairSingle: true})
	want := strings.Join([]string{
		"touchpoint-changed touchpoint:open-app emotion -1→1",
		"touchpoint-removed touchpoint:call-agent",
		"touchpoint-moved touchpoint:book-garage stage repair→report",
		"touchpoint-added touchpoint:chat-with-bot",
		"touchpoint-changed touchpoint:collect-car channel garage→phone",
	}, "\n")
	if got := kinds(r); got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
	if !r.Changed() || r.Summary.Changes != 5 || r.Summary.Introduced != 1 || r.Summary.Fixed != 0 {
		t.Errorf("summary %+v", r.Summary)
	}
	for _, format := range Formats() {
		var b bytes.Buffer
		if err := Write(&b, r, format); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join(dir, "diff."+map[string]string{"text": "txt", "markdown": "md", "json": "json"}[format]), b.Bytes())
	}
}

func TestUnchanged(t *testing.T) {
	p := filepath.Join("..", "testdata", "diff", "edit", "old.journey.yaml")
	r := compare(t, load(t, p), load(t, p), Options{})
	if r.Changed() || len(r.Journeys) != 1 || r.Journeys[0].Status != Unchanged {
		t.Fatalf("a journey compared with itself: %+v", r.Summary)
	}
	for format, want := range map[string]string{"text": "No journey changes.\n", "markdown": "### journeymap diff\n\nNo journey changes.\n"} {
		var b bytes.Buffer
		Write(&b, r, format)
		if b.String() != want {
			t.Errorf("%s: %q, want %q", format, b.String(), want)
		}
	}
}

const base = `version: 1
id: %s
title: T
channels: {app: {name: App, kind: digital}, web: {name: Web, kind: digital}}
stages:
%s`

func j(id, stages string) string { return fmt.Sprintf(base, id, stages) }

func TestChanges(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		opts     Options
		want     string
	}{
		{"unrelated journeys", j("a", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"), j("b", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"), Options{},
			"journey-removed journey\njourney-added journey"},
		{"reorder reports the one that moved", j("a", "  - {id: s, touchpoints: [{id: p, channel: app}, {id: q, channel: app}, {id: r, channel: app}, {id: z, channel: app}]}\n"),
			j("a", "  - {id: s, touchpoints: [{id: q, channel: app}, {id: r, channel: app}, {id: p, channel: app}, {id: z, channel: app}]}\n"), Options{},
			"touchpoint-moved touchpoint:p position 1→3"},
		{"stage moved and renamed", j("a", "  - {id: s1, name: One, touchpoints: [{id: x, channel: app}]}\n  - {id: s2, touchpoints: [{id: y, channel: app}]}\n"),
			j("a", "  - {id: s2, touchpoints: [{id: y, channel: app}]}\n  - {id: s1, name: First, touchpoints: [{id: x, channel: app}]}\n"), Options{},
			"stage-moved stage:s1 position 1→2\nstage-changed stage:s1 name One→First"},
		{"stage added and removed", j("a", "  - {id: s1, touchpoints: [{id: x, channel: app}]}\n  - {id: old, touchpoints: []}\n"),
			j("a", "  - {id: s1, touchpoints: [{id: x, channel: app}]}\n  - {id: new, touchpoints: []}\n"), Options{},
			"stage-removed stage:old\nstage-added stage:new"},
		{"fields", j("a", "  - {id: s, touchpoints: [{id: x, channel: app, emotion: {score: 1, feeling: ok}, next: []}]}\n"),
			j("a", "  - {id: s, touchpoints: [{id: x, name: X, channel: web, emotion: {score: 1, feeling: glad}, moment_of_truth: true, pain_points: [slow]}]}\n"), Options{},
			"touchpoint-changed touchpoint:x name <nil>→X\ntouchpoint-changed touchpoint:x channel app→web\ntouchpoint-changed touchpoint:x feeling ok→glad\ntouchpoint-changed touchpoint:x moment_of_truth <nil>→true\ntouchpoint-changed touchpoint:x next []→<nil>\ntouchpoint-changed touchpoint:x pain_points <nil>→[slow]"},
		{"renamed file keeps its journey", j("a", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"), j("a", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"), Options{Rev: "HEAD"},
			"journey-changed journey file old.journey.yaml→new.journey.yaml"},
		{"channel definitions", j("a", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"),
			strings.Replace(j("a", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"), "web: {name: Web, kind: digital}", "web: {name: Website, kind: digital}, sms: {kind: digital}", 1), Options{},
			"channel-changed channel:web name Web→Website\nchannel-added channel:sms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oldName := "old.journey.yaml"
			if tt.opts.Rev != "" {
				oldName += "@" + tt.opts.Rev
			}
			r := compare(t, source(oldName, tt.old), source("new.journey.yaml", tt.new), tt.opts)
			if len(r.Invalid) > 0 {
				t.Fatalf("invalid test input: %v", r.Invalid)
			}
			if got := kinds(r); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestInvalidSide: a side that does not validate is not compared; its
// findings are the result's, and the other journeys are still compared.
func TestInvalidSide(t *testing.T) {
	old := source("a.journey.yaml@HEAD", j("a", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n"))
	old.AddSource("b.journey.yaml@HEAD", []byte(j("b", "  - {id: s, touchpoints: [{id: x, channel: app}]}\n")), nil, today)
	new := source("a.journey.yaml", j("a", "  - {id: s, touchpoints: [{id: x, channel: nowhere}]}\n"))
	new.AddSource("b.journey.yaml", []byte(j("b", "  - {id: s, touchpoints: [{id: x, channel: web}]}\n")), nil, today)
	r := compare(t, old, new, Options{Rev: "HEAD"})
	if r.Summary.Invalid != 1 || len(r.Invalid) != 1 || r.Invalid[0].Rule != journey.RuleUnresolved || r.Invalid[0].File != "a.journey.yaml" {
		t.Errorf("invalid: %+v %v", r.Summary, r.Invalid)
	}
	if got := kinds(r); got != "touchpoint-changed touchpoint:x channel app→web" {
		t.Errorf("the valid journey: %s", got)
	}
	var text, md bytes.Buffer
	Write(&text, r, "text")
	Write(&md, r, "markdown")
	if !strings.Contains(text.String(), "1 of 1 journey changed: 1 change, 2 findings introduced, 2 fixed; 1 journey not compared: it does not validate") {
		t.Errorf("text summary:\n%s", text.String())
	}
	if !strings.Contains(md.String(), "**Does not validate**") || !strings.Contains(md.String(), "a.journey.yaml:6") {
		t.Errorf("markdown:\n%s", md.String())
	}
}

// TestFindingsBySubject: a finding that moved lines is neither introduced
// nor fixed; one on another touchpoint is.
func TestFindingsBySubject(t *testing.T) {
	old := source("a.journey.yaml", j("a", "  - id: s\n    touchpoints:\n      - {id: x, channel: app}\n      - {id: y, channel: web}\n"))
	new := source("a.journey.yaml", "# a comment that moves every line\n\n"+j("a", "  - id: s\n    touchpoints:\n      - {id: x, channel: app}\n      - {id: y, channel: web, handoff: {carries: [order]}}\n      - {id: z, channel: app}\n"))
	r := compare(t, old, new, Options{})
	d := r.Journeys[0]
	var intro, fixed []string
	for _, f := range d.Findings.Introduced {
		if f.Rule != "undocumented-handoff" {
			continue
		}
		intro = append(intro, f.Rule+"@"+subjectOf(new.Journeys[0], f))
	}
	for _, f := range d.Findings.Fixed {
		if f.Rule != "undocumented-handoff" {
			continue
		}
		fixed = append(fixed, f.Rule+"@"+subjectOf(old.Journeys[0], f))
	}
	if got := strings.Join(intro, " "); got != "undocumented-handoff@touchpoint:z" {
		t.Errorf("introduced: %s", got)
	}
	if got := strings.Join(fixed, " "); got != "undocumented-handoff@touchpoint:y" {
		t.Errorf("fixed: %s", got)
	}
}

// TestJSONShape: the keys SPEC §6 names are there.
func TestJSONShape(t *testing.T) {
	dir := filepath.Join("..", "testdata", "diff", "edit")
	r := compare(t, load(t, filepath.Join(dir, "old.journey.yaml")), load(t, filepath.Join(dir, "new.journey.yaml")), Options{PairSingle: true})
	var b bytes.Buffer
	WriteJSON(&b, r)
	var v struct {
		Journeys []struct {
			ID, Status, Old, New string
			Changes              []map[string]any
			Emotion              struct{ Before, After []map[string]any }
			Findings             struct{ Introduced, Fixed []map[string]any }
		}
		Summary map[string]int
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	c := v.Journeys[0].Changes[0]
	if c["kind"] != "touchpoint-changed" || c["field"] != "emotion" || c["before"] != -1.0 || c["after"] != 1.0 || c["subject"] != "touchpoint:open-app" || c["message"] == "" {
		t.Errorf("first change: %v", c)
	}
	if len(v.Journeys[0].Emotion.Before) != 5 || v.Journeys[0].Findings.Fixed == nil {
		t.Errorf("emotion/findings: %+v", v.Journeys[0])
	}
	for _, k := range []string{"journeys", "changed", "changes", "introduced", "fixed"} {
		if _, ok := v.Summary[k]; !ok {
			t.Errorf("summary lacks %s", k)
		}
	}
}

// TestNextMessage: a `next` that goes away means document order again,
// and `next: []` an ending; the messages say so rather than "none".
func TestNextMessage(t *testing.T) {
	old := source("a.journey.yaml", j("a", "  - {id: s, touchpoints: [{id: x, channel: app, next: []}, {id: y, channel: app}]}\n"))
	new := source("a.journey.yaml", j("a", "  - {id: s, touchpoints: [{id: x, channel: app}, {id: y, channel: app}]}\n"))
	r := compare(t, old, new, Options{})
	c := r.Journeys[0].Changes[0]
	if c.Field != "next" || c.Message != `touchpoint "x" next: [] (the journey can end here) → the next in document order` {
		t.Errorf("%+v", c)
	}
	var md bytes.Buffer
	WriteMarkdown(&md, r)
	if !strings.Contains(md.String(), "| `touchpoint:x` | next | (none: the journey can end here) | (document order) |") {
		t.Errorf("markdown:\n%s", md.String())
	}
}

// TestEmotionTableFlowOrder: the markdown table of changed scores lists the
// touchpoints in the order of the curves above it (both sides lined up by
// id), so a removed touchpoint stays where it was in the flow rather than
// trailing after the added ones.
func TestEmotionTableFlowOrder(t *testing.T) {
	old := source("a.journey.yaml", j("a", `  - id: s
    touchpoints:
      - {id: first, channel: app, emotion: -1}
      - {id: gone, channel: app, emotion: -2}
      - {id: last, channel: app, emotion: 1}
`))
	new := source("a.journey.yaml", j("a", `  - id: s
    touchpoints:
      - {id: first, channel: app, emotion: 1}
      - {id: last, channel: app, emotion: 1}
      - {id: added, channel: app, emotion: 2}
`))
	r := compare(t, old, new, Options{PairSingle: true})
	var md bytes.Buffer
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(l, "| `") && strings.Count(l, "|") == 4 {
			rows = append(rows, strings.Split(l, "`")[1])
		}
	}
	if got, want := strings.Join(rows, " "), "first gone added"; got != want {
		t.Errorf("emotion table rows %q, want %q\n%s", got, want, md.String())
	}
}
