package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/gittest"
)

// A small portfolio with existing findings: two touchpoints without an
// owner (missing-owner, error) and one without an emotion score.
const baselineWorkspace = `version: 1
channels:
  app: {name: App, kind: digital, owner: digital}
  phone: {name: Phone, kind: assisted, owner: care}
`

const baselineJourney = `version: 1
title: Renew a permit
owner: city
goal: Renew without queueing
persona: {name: Resident}
reviewed: 2026-10-01
stages:
  - id: renew
    touchpoints:
      - id: apply
        channel: app
        emotion: 1
      - id: pay
        channel: app
        emotion: 0
      - id: confirm
        channel: app
        owner: city
`

func baselineDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{"journeymap.yaml": baselineWorkspace, "j/permit.journey.yaml": baselineJourney} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

// TestBaselineAdoption: a portfolio with findings adopts lint through a
// baseline, keeps passing when every line of a file moves, and fails only
// on a new finding.
func TestBaselineAdoption(t *testing.T) {
	dir := baselineDir(t)
	if r := cliRunArgs(t, "lint", "j"); r.code != 1 {
		t.Fatalf("the portfolio should fail before the baseline: %s", r)
	}
	r := cliRunArgs(t, "lint", "--write-baseline", "lint-baseline.json", "j")
	if r.code != 0 || !strings.Contains(r.stderr, "wrote lint-baseline.json: 3 findings") {
		t.Fatalf("--write-baseline: %s", r)
	}
	var b struct {
		Version  int
		Findings []map[string]any
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "lint-baseline.json"))
	if err := json.Unmarshal(raw, &b); err != nil || b.Version != 1 || len(b.Findings) != 3 {
		t.Fatalf("baseline %s: %v", raw, err)
	}
	if got := b.Findings[0]; got["file"] != "j/permit.journey.yaml" || got["journey"] != "permit" || got["rule"] != "missing-emotion" || got["subject"] != "touchpoint:confirm" || got["count"] != 1.0 {
		t.Errorf("first entry %v", got)
	}

	// Every line moves: a comment block on top and the touchpoints reordered.
	moved := "# Renewal journey, as researched in October.\n# Owners are being agreed.\n\n" +
		strings.Replace(baselineJourney, "      - id: apply\n        channel: app\n        emotion: 1\n", "", 1) +
		"      - id: apply\n        channel: app\n        emotion: 1\n        next: [pay]\n"
	os.WriteFile(filepath.Join(dir, "j/permit.journey.yaml"), []byte(moved), 0o644)
	r = cliRunArgs(t, "lint", "--baseline", "lint-baseline.json", "j")
	if r.code != 0 || !strings.Contains(r.stdout, "3 baselined") {
		t.Fatalf("the baseline should hold after lines move: %s", r)
	}

	// Running from another directory still matches: paths are relative to
	// the baseline file.
	t.Chdir(filepath.Join(dir, "j"))
	r = cliRunArgs(t, "lint", "--baseline", "../lint-baseline.json", ".")
	if r.code != 0 {
		t.Fatalf("from another directory: %s", r)
	}
	t.Chdir(dir)

	// A new finding in a pull request fails, and only it is reported.
	grown := moved + "      - id: call\n        channel: phone\n        emotion: -1\n        handoff: {carries: [case number], owner: care}\n"
	os.WriteFile(filepath.Join(dir, "j/permit.journey.yaml"), []byte(strings.Replace(grown, "        next: [pay]\n", "        next: [pay, call]\n", 1)), 0o644)
	r = cliRunArgs(t, "lint", "--baseline", "lint-baseline.json", "--format", "json", "j")
	var out struct {
		Findings []struct{ Rule, Subject string }
		Summary  map[string]int
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r)
	}
	if r.code != 1 || len(out.Findings) != 2 || out.Summary["baselined"] != 3 || out.Summary["baseline_stale"] != 0 {
		t.Fatalf("new findings: %s", r)
	}
	for _, f := range out.Findings {
		if f.Subject != "touchpoint:call" {
			t.Errorf("only the new touchpoint's findings are new: %+v", f)
		}
	}
}

// TestBaselineCounts: an entry covers as many findings as its count, and
// entries that no longer occur (fixed, or their file is gone) are counted.
func TestBaselineCounts(t *testing.T) {
	dir := baselineDir(t)
	baseline := `{"version": 1, "findings": [
  {"file": "j/permit.journey.yaml", "journey": "permit", "rule": "missing-owner", "subject": "touchpoint:apply", "count": 1},
  {"file": "j/permit.journey.yaml", "journey": "permit", "rule": "missing-owner", "subject": "touchpoint:pay", "count": 2},
  {"file": "j/gone.journey.yaml", "journey": "gone", "rule": "missing-goal", "subject": "journey", "count": 4}
]}`
	os.WriteFile(filepath.Join(dir, "b.json"), []byte(baseline), 0o644)
	r := cliRunArgs(t, "lint", "--baseline", "b.json", "j")
	// missing-emotion on confirm is not listed: an info, which does not fail.
	if r.code != 0 || !strings.Contains(r.stdout, "1 info in 1 file; 2 baselined, 5 findings in the baseline no longer occur") {
		t.Fatalf("counts: %s", r)
	}
	// One stale entry: the verb agrees.
	baseline = `{"version": 1, "findings": [
  {"file": "j/gone.journey.yaml", "journey": "gone", "rule": "missing-goal", "subject": "journey", "count": 1}
]}`
	os.WriteFile(filepath.Join(dir, "b.json"), []byte(baseline), 0o644)
	r = cliRunArgs(t, "lint", "--baseline", "b.json", "j")
	if !strings.Contains(r.stdout, "; 0 baselined, 1 finding in the baseline no longer occurs (") {
		t.Fatalf("one stale entry: %s", r)
	}
}

// TestBaselineBadInput: a baseline that cannot be used is a usage error
// with a message that says why, never a crash.
func TestBaselineBadInput(t *testing.T) {
	dir := baselineDir(t)
	files := map[string]string{
		"garbage.json":   "this is not json\x00",
		"v2.json":        `{"version": 2, "findings": []}`,
		"noversion.json": `{"findings": []}`,
		"badentry.json":  `{"version": 1, "findings": [{"file": "a", "rule": "r", "subject": "journey", "count": 0}]}`,
		"unknown.json":   `{"version": 1, "findings": [], "extra": true}`,
		"array.json":     `[{"file": "a"}]`,
		"string.json":    `"baseline"`,
	}
	for name, src := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "garbage.json"}, "is not a journeymap baseline (not JSON"},
		{[]string{"--baseline", "v2.json"}, "is a version 2 baseline; this journeymap reads version 1"},
		{[]string{"--baseline", "noversion.json"}, `no "version"`},
		{[]string{"--baseline", "badentry.json"}, "entry 1 needs file, rule, subject and a count of 1 or more"},
		{[]string{"--baseline", "unknown.json"}, `unknown field "extra"`},
		{[]string{"--baseline", "missing.json"}, "cannot read the baseline"},
		{[]string{"--baseline", "j"}, "is a directory"},
		{[]string{"--baseline", "b.json", "--write-baseline", "c.json"}, "do not go together"},
		{[]string{"--baseline", "array.json"}, "is not a journeymap baseline (a JSON list, not an object with \"version\" and \"findings\")"},
		{[]string{"--baseline", "string.json"}, "is not a journeymap baseline (a JSON string, not an object with \"version\" and \"findings\")"},
		{[]string{"--new-from-rev", "HEAD", "--write-baseline", "c.json"}, "--new-from-rev and --write-baseline do not go together"},
		{[]string{"--new-from-rev", ""}, "--new-from-rev needs a revision"},
		{[]string{"--write-baseline", "journeymap.yaml"}, "journey or workspace file name"},
		{[]string{"--write-baseline", "j/permit.journey.yaml"}, "journey or workspace file name"},
	} {
		r := cliRunArgs(t, append([]string{"lint", "j"}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: want exit 2 and %q, got %s", tc.args, tc.want, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c.json")); err == nil {
		t.Error("a refused --write-baseline wrote its file")
	}
	// A baseline that cannot be written is a failed write, exit 1, as for
	// every output (docs/cli.md), not a usage error.
	if r := cliRunArgs(t, "lint", "j", "--write-baseline", "nodir/b.json"); r.code != 1 || !strings.Contains(r.stderr, "cannot write nodir/b.json") {
		t.Errorf("--write-baseline into a missing directory: want exit 1, got %s", r)
	}
}

// TestNewFromRev: only findings the files did not have at the revision
// are reported; outside git and with a bad revision, a clear usage error.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := baselineDir(t)
	r := cliRunArgs(t, "lint", "--new-from-rev", "HEAD", "j")
	if r.code != 2 || !strings.Contains(r.stderr, "--new-from-rev HEAD: j is not inside a git repository") || strings.Contains(r.stderr, "--rev ") {
		t.Errorf("outside git: %s", r)
	}
	git := gittest.Runner(t, dir)
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "portfolio with findings")

	for _, rev := range []string{"no-such-branch", "HEAD~5"} {
		r = cliRunArgs(t, "lint", "--new-from-rev", rev, "j")
		if r.code != 2 || !strings.Contains(r.stderr, "unknown revision") {
			t.Errorf("bad revision %s: %s", rev, r)
		}
	}
	r = cliRunArgs(t, "lint", "--new-from-rev", "--upload-pack=x", "j")
	if r.code != 2 {
		t.Errorf("a revision that looks like an option: %s", r)
	}

	r = cliRunArgs(t, "lint", "--new-from-rev", "HEAD", "j")
	if r.code != 0 || !strings.Contains(r.stdout, "3 left out (baselined or already at HEAD)") {
		t.Fatalf("nothing new since HEAD: %s", r)
	}

	// A pull request moves every line, adds a touchpoint with a problem
	// and a new journey file.
	changed := "# moved\n" + strings.Replace(baselineJourney, "      - id: confirm\n", "      - id: extra\n        channel: app\n        emotion: 2\n      - id: confirm\n", 1)
	os.WriteFile(filepath.Join(dir, "j/permit.journey.yaml"), []byte(changed), 0o644)
	os.WriteFile(filepath.Join(dir, "j/new.journey.yaml"), []byte(strings.Replace(baselineJourney, "title: Renew a permit", "title: New", 1)), 0o644)
	r = cliRunArgs(t, "lint", "--new-from-rev", "HEAD", "--format", "json", "j")
	var out struct {
		Findings []struct{ File, Rule, Subject string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, filepath.ToSlash(f.File)+" "+f.Rule+" "+f.Subject)
	}
	want := []string{
		"j/new.journey.yaml missing-owner touchpoint:apply",
		"j/new.journey.yaml missing-owner touchpoint:pay",
		"j/new.journey.yaml missing-emotion touchpoint:confirm",
		"j/permit.journey.yaml missing-owner touchpoint:extra",
	}
	if r.code != 1 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("new findings:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), r)
	}
}
