package journey_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
)

const corpus = "../testdata/validate"

// TestValidOK: every journey under ok/ validates with no findings.
func TestValidOK(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "ok", "*.journey.y*ml"))
	if len(files) < 4 {
		t.Fatalf("expected the ok corpus, found %d files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			set, err := journey.Load([]string{f}, journey.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range set.Findings {
				t.Errorf("unexpected finding: %s", fd)
			}
			if len(set.Journeys) != 1 || !set.Valid(set.Journeys[0]) {
				t.Errorf("journey not loaded as valid")
			}
		})
	}
}

// TestValidErr: each journey under err/ gives exactly the findings in its .out file.
func TestValidErr(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "err", "*.journey.y*ml"))
	if len(files) < 10 {
		t.Fatalf("expected the err corpus, found %d files", len(files))
	}
	rulesSeen := map[string]bool{}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			set, err := journey.Load([]string{f}, journey.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Findings) == 0 {
				t.Fatalf("no findings for an invalid journey")
			}
			var b strings.Builder
			for _, fd := range set.Findings {
				if fd.File != f || fd.Severity != journey.Error {
					t.Errorf("finding with wrong file or severity: %s", fd)
				}
				rulesSeen[fd.Rule] = true
				fmt.Fprintf(&b, "%d:%d: %s [%s] {%s}\n", fd.Line, fd.Column, fd.Message, fd.Rule, fd.Subject)
			}
			golden.Check(t, strings.TrimSuffix(strings.TrimSuffix(f, ".yaml"), ".yml")+".out", []byte(b.String()))
		})
	}
	for _, r := range journey.ValidationRules() {
		if !rulesSeen[r] {
			t.Errorf("validation rule %q has no err/ case", r)
		}
	}
}

// TestParseTable checks the model the parser builds, value by value.
func TestParseTable(t *testing.T) {
	src := `version: 1
title: T
persona: {name: Inline, segment: s, needs: [a]}
stages:
  - id: s
    owner: stage-owner
    touchpoints:
      - id: a
        channel: app
        emotion: {score: -2, feeling: furious}
        moment_of_truth: Why it matters
        pain_points: [p1, {text: p2, owner: o}]
        next: [c, b]
      - id: b
        channel: web
        owner: tp-owner
        emotion: 2
        moment_of_truth: true
        handoff: {carries: []}
        next: []
      - id: c
        channel: app
        moment_of_truth: false
`
	j, fs := journey.Parse("x.journey.yaml", []byte(src))
	if len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	tps := j.Touchpoints()
	a, b, c := tps[0], tps[1], tps[2]
	tests := []struct {
		name      string
		got, want any
	}{
		{"id from file name", j.ID.Value, "x"},
		{"inline persona", j.Persona.Name.Value, "Inline"},
		{"emotion score", a.Emotion.Score, -2},
		{"emotion feeling", a.Emotion.Feeling, "furious"},
		{"emotion position", a.Emotion.Pos, journey.Pos{Line: 10, Col: 18}},
		{"moment sentence", a.MomentOfTruth.Why, "Why it matters"},
		{"moment true", b.MomentOfTruth != nil && b.MomentOfTruth.Why == "", true},
		{"moment false", c.MomentOfTruth == nil, true},
		{"item owner", a.PainPoints[1].Owner.Value, "o"},
		{"touchpoint position", a.Pos, journey.Pos{Line: 8, Col: 9}},
		{"stage owner fallback", a.ResolvedOwner().Value, "stage-owner"},
		{"own owner", b.ResolvedOwner().Value, "tp-owner"},
		{"empty carries", b.Handoff != nil && b.Handoff.Carries == nil, true},
		{"next: [] is an ending", b.HasNext && len(b.Next) == 0, true},
		{"emotion key position", a.At("emotion"), journey.Pos{Line: 10, Col: 9}},
		{"missing key falls back to touchpoint", c.At("emotion"), c.Pos},
	}
	for _, tt := range tests {
		if fmt.Sprint(tt.got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}

	ws, _ := journey.ParseWorkspace("journeymap.yaml", []byte("version: 1\nchannels: {app: {kind: digital}, web: {kind: digital}}\n"))
	if rf := journey.Resolve(j, ws); len(rf) != 0 {
		t.Fatalf("resolve: %v", rf)
	}
	var edges []string
	for _, e := range j.Flow.Edges {
		edges = append(edges, fmt.Sprintf("%s>%s/%v", e.From.ID.Value, e.To.ID.Value, e.Handoff))
	}
	if got, want := strings.Join(edges, " "), "a>c/false a>b/true"; got != want {
		t.Errorf("flow edges: got %s, want %s", got, want)
	}
	var ends []string
	for _, t := range j.Touchpoints() {
		if j.Flow.IsEnd(t) {
			ends = append(ends, t.ID.Value)
		}
	}
	if got := strings.Join(ends, ","); got != "b,c" {
		t.Errorf("ends: got %s, want b,c", got)
	}
	var main []string
	for _, t := range j.Flow.MainPath() {
		main = append(main, t.ID.Value)
	}
	if got := strings.Join(main, ","); got != "a,c" {
		t.Errorf("main path: got %s, want a,c", got)
	}
}

// TestMomentOfTruthWords: YAML 1.1 booleans written as words mean what the
// user meant, not a sentence.
func TestMomentOfTruthWords(t *testing.T) {
	for word, moment := range map[string]bool{"no": false, "No": false, "off": false, `""`: false, "false": false,
		"yes": true, "on": true, "true": true, "Staff must honour the offer": true} {
		src := "version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: app, moment_of_truth: " + word + "}]}]\n"
		j, fs := journey.Parse("m.journey.yaml", []byte(src))
		if len(fs) > 0 {
			t.Fatalf("%s: %v", word, fs)
		}
		if got := j.Touchpoints()[0].MomentOfTruth != nil; got != moment {
			t.Errorf("moment_of_truth: %s gives a moment = %v, want %v", word, got, moment)
		}
	}
}

// TestLoadPaths covers directory walking, stdin and bad paths.
func TestLoadPaths(t *testing.T) {
	dir := t.TempDir()
	mk := func(p, s string) {
		t.Helper()
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ok := "version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n"
	mk("journeymap.yaml", "version: 1\nchannels: {app: {kind: digital}}\n")
	mk("a.journey.yaml", ok)
	mk("sub/b.journey.yml", ok)
	mk(".hidden/c.journey.yaml", ok)
	mk("node_modules/d.journey.yaml", ok)
	mk("vendor/e.journey.yaml", ok)
	mk("notes.yaml", "not: a journey")
	set, err := journey.Load([]string{dir}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range set.Journeys {
		rel, _ := filepath.Rel(dir, j.File)
		names = append(names, rel)
	}
	if got := strings.Join(names, ","); got != "a.journey.yaml,sub/b.journey.yml" {
		t.Errorf("walked %s", got)
	}
	if len(set.Findings) != 0 {
		t.Errorf("findings: %v", set.Findings)
	}
	if len(set.Workspaces) != 1 {
		t.Errorf("workspace read %d times, want once", len(set.Workspaces))
	}

	set, err = journey.Load([]string{"-"}, journey.LoadOptions{Stdin: strings.NewReader("version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Journeys) != 1 || set.Journeys[0].File != journey.StdinName || set.Journeys[0].ID.Value != "stdin" {
		t.Errorf("stdin journey: %+v", set.Journeys)
	}

	// A symbolic link to a directory is followed; a file named twice is read once.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	set, err = journey.Load([]string{link, filepath.Join(link, "a.journey.yaml"), link + "/"}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Journeys) != 2 || !strings.HasPrefix(set.Journeys[0].File, link) {
		t.Errorf("through a link: %d journeys, first %q", len(set.Journeys), set.Journeys[0].File)
	}
	if _, err := journey.Load([]string{"-", "-"}, journey.LoadOptions{Stdin: strings.NewReader(ok)}); err == nil {
		t.Error("standard input named twice must be an error")
	}

	// A workspace that is not YAML gets one finding, not one per reference.
	broken := t.TempDir()
	mk2 := func(p, s string) { os.WriteFile(filepath.Join(broken, p), []byte(s), 0o644) }
	mk2("journeymap.yaml", "version: 1\nowners: {a: {}}\nchannels: [unclosed\n")
	mk2("j.journey.yaml", "version: 1\ntitle: T\nowner: x\npersona: p\nstages: [{id: s, touchpoints: [{id: a, channel: app, metrics: [m]}]}]\n")
	set, err = journey.Load([]string{broken}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Findings) != 1 || set.Findings[0].Rule != journey.RuleSyntax {
		t.Errorf("broken workspace: %v, want its one syntax finding", set.Findings)
	}

	if _, err := journey.Load([]string{filepath.Join(dir, "missing")}, journey.LoadOptions{}); err == nil {
		t.Errorf("a missing path must be an error")
	}
	if _, err := journey.Load([]string{dir}, journey.LoadOptions{Config: filepath.Join(dir, "nope.yaml")}); err == nil {
		t.Errorf("a missing --config must be an error")
	}
}
