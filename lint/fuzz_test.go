package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// fuzzSeeds adds the lint and validation test journeys as seeds.
func fuzzSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			if src, err := os.ReadFile(p); err == nil && len(src) < 8192 {
				f.Add(src)
			}
		}
	}
}

// inside says whether a finding points at a real line and column of src
// (a column may sit one past the line's end).
func inside(src []byte, fd journey.Finding) bool {
	lines := strings.Split(string(src), "\n")
	if fd.Line < 1 || fd.Line > max(len(lines), 1) || fd.Column < 1 {
		return false
	}
	if len(lines) == 0 {
		return fd.Line == 1 && fd.Column == 1
	}
	return fd.Column <= utf8.RuneCountInString(lines[fd.Line-1])+1
}

// otherJourney declares the channel ids fuzzed journeys are likely to use
// in its own way, so that inconsistent-channel compares across journeys.
const otherJourney = `version: 1
title: Other
channels:
  kiosk: {name: Kiosk, kind: self-service}
  app: {name: App, kind: digital}
stages: [{id: s, touchpoints: [{id: a, channel: kiosk}]}]
`

// FuzzLint: any journey that validates lints without panicking, and every
// finding points inside the file it names.
func FuzzLint(f *testing.F) {
	fuzzSeeds(f, "../testdata/lint/*/*.journey.yaml", "../testdata/validate/ok/*.journey.yaml", "../examples/*.journey.yaml")
	wsSrc, err := os.ReadFile("../testdata/lint/journeymap.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ws, wf := journey.ParseWorkspace("journeymap.yaml", wsSrc)
		if len(wf) > 0 {
			t.Fatalf("the fuzz workspace is invalid: %v", wf)
		}
		j, fs := journey.Parse("f.journey.yaml", src)
		if fs = append(fs, journey.Resolve(j, ws)...); len(fs) > 0 {
			return // lint rules run only on valid journeys
		}
		other, _ := journey.Parse("o.journey.yaml", []byte(otherJourney))
		journey.Resolve(other, nil)
		set := &journey.Set{Journeys: []*journey.Journey{j, other}, Workspaces: []*journey.Workspace{ws}}
		res, err := lint.Run(set, lint.Options{Today: today})
		if err != nil {
			t.Fatalf("lint failed on a valid journey: %v", err)
		}
		perRule := map[string]int{}
		for _, fd := range res.Findings {
			var file []byte
			switch fd.File {
			case "f.journey.yaml":
				file = src
			case "o.journey.yaml":
				file = []byte(otherJourney)
			case "journeymap.yaml":
				file = wsSrc
			default:
				t.Fatalf("finding in a file that was not read: %s", fd)
			}
			if !inside(file, fd) {
				t.Errorf("finding outside its file: %s", fd)
			}
			if perRule[fd.File+fd.Rule]++; perRule[fd.File+fd.Rule] > journey.MaxFindingsPerRule+1 {
				t.Errorf("more than %d findings of %s in %s", journey.MaxFindingsPerRule+1, fd.Rule, fd.File)
			}
		}
	})
}

// FuzzWorkspace: no workspace file makes parsing or reading its lint
// configuration panic; configuration problems are errors with a position
// inside the file, and other findings point inside it too.
func FuzzWorkspace(f *testing.F) {
	fuzzSeeds(f, "../testdata/*/journeymap.yaml", "../examples/journeymap.yaml")
	f.Add([]byte("version: 1\nlint:\n  fail_on: warning\n  rules:\n    channel-hopping: {severity: error, max: 2}\n    missing-emotion: off\n"))
	f.Add([]byte("version: 1\nlint: {rules: {channel-hoping: warning, stale-review: {max_age_days: -1}}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ws, fs := journey.ParseWorkspace("journeymap.yaml", src)
		for _, fd := range fs {
			if fd.File != "journeymap.yaml" || !inside(src, fd) {
				t.Errorf("finding outside the workspace file: %s", fd)
			}
		}
		err := lint.CheckConfig(&journey.Set{Workspaces: []*journey.Workspace{ws}}, lint.Options{})
		if ce, ok := err.(*lint.ConfigError); ok {
			if ce.File != "journeymap.yaml" || !inside(src, journey.Finding{Line: ce.Pos.Line, Column: ce.Pos.Col}) {
				t.Errorf("configuration error outside the file: %v", ce)
			}
		} else if err != nil {
			t.Errorf("CheckConfig failed with %T: %v", err, err)
		}
	})
}
