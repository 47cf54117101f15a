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

// Tests of "Lint for teams" (SPEC §5): rule sets, overrides, custom rules,
// suppression governance, run through Load and Run as the CLI does.

// teamJourney triggers missing-emotion (info), missing-persona (info) and
// missing-expectations (strict), and nothing else under recommended.
const teamJourney = `version: 1
title: T
owner: cx
goal: G
reviewed: 2026-10-01
metrics:
  done: {name: Done, kind: conversion}
stages:
  - id: s
    name: Sign up
    touchpoints:
      - id: a
        name: Fill in the form
        channel: app
        owner: cx
channels:
  app: {name: App, kind: digital, owner: cx}
`

// teamRun writes files (paths relative to a temp dir; "" content makes a
// directory), lints the directory and returns the findings as
// "file:line:col rule subject" with file relative to the directory.
func teamRun(t *testing.T, files map[string]string, opts lint.Options) []string {
	t.Helper()
	dir := writeTree(t, files)
	set, err := journey.Load([]string{dir}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if opts.Today.IsZero() {
		opts.Today = ruleToday
	}
	res, err := lint.Run(set, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return showFindings(dir, res.Findings)
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if src == "" {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		ruleWrite(t, filepath.Dir(p), filepath.Base(p), src)
	}
	return dir
}

func showFindings(dir string, fs []journey.Finding) []string {
	var out []string
	for _, f := range fs {
		file := f.File
		if rel, err := filepath.Rel(dir, f.File); err == nil && !strings.HasPrefix(rel, "..") {
			file = filepath.ToSlash(rel)
		}
		out = append(out, fmt.Sprintf("%s:%d:%d %s %s", file, f.Line, f.Column, f.Rule, f.Subject))
	}
	slices.Sort(out)
	return out
}

func wantFindings(t *testing.T, got []string, want ...string) {
	t.Helper()
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestExtendsPresets(t *testing.T) {
	base := map[string]string{"j.journey.yaml": teamJourney}
	t.Run("recommended is the default", func(t *testing.T) {
		got := teamRun(t, with(base, "journeymap.yaml", "version: 1\n"), lint.Options{})
		wantFindings(t, got, "j.journey.yaml:1:1 missing-persona journey", "j.journey.yaml:12:9 missing-emotion touchpoint:a")
	})
	t.Run("strict adds rules and raises three", func(t *testing.T) {
		got := teamRun(t, with(base, "journeymap.yaml", "version: 1\nlint:\n  extends: [strict]\n"), lint.Options{})
		wantFindings(t, got, "j.journey.yaml:1:1 missing-persona journey", "j.journey.yaml:12:9 missing-emotion touchpoint:a",
			"j.journey.yaml:9:5 missing-expectations stage:s")
	})
	t.Run("later entries win: strict then recommended is recommended", func(t *testing.T) {
		got := teamRun(t, with(base, "journeymap.yaml", "version: 1\nlint:\n  extends: [strict, recommended]\n"), lint.Options{})
		wantFindings(t, got, "j.journey.yaml:1:1 missing-persona journey", "j.journey.yaml:12:9 missing-emotion touchpoint:a")
	})
	t.Run("the workspace's own rules come after extends", func(t *testing.T) {
		got := teamRun(t, with(base, "journeymap.yaml", "version: 1\nlint:\n  extends: [strict]\n  rules: {missing-expectations: off}\n"), lint.Options{})
		wantFindings(t, got, "j.journey.yaml:1:1 missing-persona journey", "j.journey.yaml:12:9 missing-emotion touchpoint:a")
	})
}

func with(m map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func TestExtendsFiles(t *testing.T) {
	files := map[string]string{
		"repo/j.journey.yaml": teamJourney,
		"repo/journeymap.yaml": `version: 1
lint:
  extends: [../org/cx.yaml]
  rules: {missing-persona: off}
`,
		// The organisation's rule set extends another file, relative to itself.
		"org/cx.yaml": `lint:
  extends: [base/strict-ish.yaml]
  rules:
    missing-emotion: error
`,
		"org/base/strict-ish.yaml": `version: 1
lint:
  extends: [strict]
  fail_on: warning
`,
	}
	got := teamRun(t, files, lint.Options{})
	wantFindings(t, got, "repo/j.journey.yaml:12:9 missing-emotion touchpoint:a", "repo/j.journey.yaml:9:5 missing-expectations stage:s")

	dir := writeTree(t, files)
	set, _ := journey.Load([]string{filepath.Join(dir, "repo")}, journey.LoadOptions{})
	eff, err := lint.EffectiveRules(set.Workspaces[0], set.Journeys[0].File, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	whys := map[string]string{}
	for _, r := range eff.Rules {
		whys[r.Meta.ID] = r.Why
	}
	for id, want := range map[string]string{
		"missing-emotion":      "org/cx.yaml:4",
		"missing-persona":      "repo/journeymap.yaml:4",
		"missing-expectations": "preset strict (" + filepath.Join(dir, "repo", "../org/base/strict-ish.yaml") + ":3)",
	} {
		if !strings.Contains(filepath.ToSlash(whys[id]), filepath.ToSlash(want)) {
			t.Errorf("%s: why %q, want it to name %q", id, whys[id], want)
		}
	}
	if eff.FailOn != journey.Warning {
		t.Errorf("fail_on from the extended file: %s, want warning", eff.FailOn)
	}
}

func TestExtendsBadInput(t *testing.T) {
	j := map[string]string{"j.journey.yaml": teamJourney}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // besides the journey's own findings
	}{
		{"a missing file", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [org.yaml]\n"),
			[]string{"journeymap.yaml:3:13 file workspace"}},
		{"a misspelt preset", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [strikt]\n"),
			[]string{"journeymap.yaml:3:13 file workspace"}},
		{"a directory", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [org]\n", "org", ""),
			[]string{"journeymap.yaml:3:13 file workspace"}},
		{"a cycle through two files", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [a.yaml]\n",
			"a.yaml", "lint:\n  extends: [b.yaml]\n", "b.yaml", "lint:\n  extends: [a.yaml]\n"),
			[]string{"b.yaml:2:13 range file"}},
		{"a file that extends the workspace", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [a.yaml]\n",
			"a.yaml", "lint:\n  extends: [journeymap.yaml]\n"),
			[]string{"a.yaml:2:13 range file"}},
		{"a shared file with more than lint", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [a.yaml]\n",
			"a.yaml", "owners: {cx: {}}\nlint:\n  rules: {missing-emotion: off}\n"),
			[]string{"a.yaml:1:1 unknown-key file"}},
		{"a shared file that is not YAML", with(j, "journeymap.yaml", "version: 1\nlint:\n  extends: [a.yaml]\n",
			"a.yaml", "lint: [\n"),
			[]string{"a.yaml:2:1 syntax file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := teamRun(t, tc.files, lint.Options{})
			want := append([]string{"j.journey.yaml:1:1 missing-persona journey", "j.journey.yaml:12:9 missing-emotion touchpoint:a"}, tc.want...)
			wantFindings(t, got, want...)
		})
	}
}

func TestExtendsLargeFile(t *testing.T) {
	big := "lint:\n  rules: {}\n# " + strings.Repeat("x", 9<<20) + "\n"
	got := teamRun(t, map[string]string{"j.journey.yaml": teamJourney,
		"journeymap.yaml": "version: 1\nlint:\n  extends: [big.yaml]\n", "big.yaml": big}, lint.Options{})
	wantFindings(t, got, "j.journey.yaml:1:1 missing-persona journey", "j.journey.yaml:12:9 missing-emotion touchpoint:a",
		"journeymap.yaml:3:13 file workspace")
}

func TestExtendsMessages(t *testing.T) {
	dir := writeTree(t, map[string]string{"j.journey.yaml": teamJourney,
		"journeymap.yaml": "version: 1\nlint:\n  extends: [strikt, a.yaml, org]\n",
		"a.yaml":          "lint:\n  extends: [journeymap.yaml]\n", "org": ""})
	set, _ := journey.Load([]string{dir}, journey.LoadOptions{})
	fs, err := lint.ConfigFindings(set, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`"strikt" is neither a preset nor a file; did you mean the preset "strict"?`,
		`leads back to itself (journeymap.yaml → a.yaml → journeymap.yaml)`,
		`extends "org": is a directory`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("messages lack %q:\n%s", want, all)
		}
	}
}

func TestOverrides(t *testing.T) {
	ws := `version: 1
lint:
  rules: {missing-persona: off}
  overrides:
    - files: ["drafts/**"]
      rules: {missing-emotion: off}
    - files: ["drafts/keep/*.journey.yaml", "**/loud.journey.yaml"]
      rules: {missing-emotion: error}
`
	got := teamRun(t, map[string]string{
		"journeymap.yaml":               ws,
		"j.journey.yaml":                teamJourney,
		"drafts/j.journey.yaml":         teamJourney,
		"drafts/deep/er/j.journey.yaml": teamJourney,
		"drafts/keep/j.journey.yaml":    teamJourney,
		"other/loud.journey.yaml":       teamJourney,
		"other/drafts/j.journey.yaml":   teamJourney, // drafts/** is relative to the workspace
	}, lint.Options{})
	wantFindings(t, got,
		"j.journey.yaml:12:9 missing-emotion touchpoint:a",
		"drafts/keep/j.journey.yaml:12:9 missing-emotion touchpoint:a",
		"other/loud.journey.yaml:12:9 missing-emotion touchpoint:a",
		"other/drafts/j.journey.yaml:12:9 missing-emotion touchpoint:a",
	)
}

func TestOverrideMistakesAreUsageErrors(t *testing.T) {
	for _, tc := range []struct{ ws, want string }{
		{"version: 1\nlint:\n  overrides:\n    - files: [\"a/**\"]\n      rules: {missing-emotoin: off}\n", `journeymap.yaml:5:15: unknown rule "missing-emotoin"; did you mean "missing-emotion"?`},
		{"version: 1\nlint:\n  overrides:\n    - files: [\"a/[\"]\n      rules: {missing-emotion: off}\n", `journeymap.yaml:4:15: override files "a/[": syntax error in pattern`},
	} {
		dir := writeTree(t, map[string]string{"journeymap.yaml": tc.ws, "j.journey.yaml": teamJourney})
		set, _ := journey.Load([]string{dir}, journey.LoadOptions{})
		_, err := lint.Run(set, lint.Options{})
		if err == nil || !strings.HasSuffix(filepath.ToSlash(err.Error()), tc.want) {
			t.Errorf("error %v, want it to end %q", err, tc.want)
		}
	}
}

func TestSuppressionGovernance(t *testing.T) {
	src := func(comment string) string {
		if comment == "" {
			return strings.Replace(teamJourney, "        channel: app\n", "        channel: app  # journeymap:ignore missing-emotoin -- later\n", 1)
		}
		return strings.Replace(teamJourney, "      - id: a\n", comment+"\n      - id: a\n", 1)
	}
	ws := func(lintBlock string) string {
		if !strings.Contains(lintBlock, "rules:") {
			lintBlock += "  rules: {missing-persona: off}\n"
		}
		return "version: 1\nlint:\n" + lintBlock
	}
	for _, tc := range []struct {
		name, ws, comment string
		want              []string
	}{
		{"allowed, with no reason", ws(""), "      # journeymap:ignore missing-emotion", nil},
		{"a misspelt rule is reported and silences nothing", ws(""), "      # journeymap:ignore missing-emotoin -- later",
			[]string{"j.journey.yaml:12:7 bad-suppression journey", "j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
		{"a validation id cannot be silenced", ws(""), "      # journeymap:ignore missing-emotion,type -- later",
			[]string{"j.journey.yaml:12:7 bad-suppression journey"}},
		{"require-reason: no reason", ws("  suppressions: require-reason\n"), "      # journeymap:ignore missing-emotion",
			[]string{"j.journey.yaml:12:7 bad-suppression journey", "j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
		{"require-reason: a reason", ws("  suppressions: require-reason\n"), "      # journeymap:ignore missing-emotion -- scored in May", nil},
		{"forbid", ws("  suppressions: forbid\n"), "      # journeymap:ignore missing-emotion -- scored in May",
			[]string{"j.journey.yaml:12:7 bad-suppression journey", "j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
		{"until a later date still silences", ws(""), "      # journeymap:ignore missing-emotion until=2026-11-01 -- May", nil},
		{"expired", ws(""), "      # journeymap:ignore missing-emotion until=2026-10-31 -- May",
			[]string{"j.journey.yaml:12:7 bad-suppression journey", "j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
		{"a malformed date", ws(""), "      # journeymap:ignore missing-emotion until=31.10.2026 -- May",
			[]string{"j.journey.yaml:12:7 bad-suppression journey", "j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
		{"no rule named", ws(""), "      # journeymap:ignore -- May",
			[]string{"j.journey.yaml:12:7 bad-suppression journey", "j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
		{"silencing nothing is fine under recommended", ws(""), "      # journeymap:ignore missing-emotion,negative-ending -- May", nil},
		{"silencing nothing is reported under strict", ws("  extends: [strict]\n  rules: {missing-persona: off, missing-expectations: off}\n"),
			"      # journeymap:ignore missing-emotion,negative-ending -- May",
			[]string{"j.journey.yaml:12:7 bad-suppression journey"}},
		{"a comment at the end of a touchpoint's line is about the touchpoint", ws(""), "",
			[]string{"j.journey.yaml:14:23 bad-suppression touchpoint:a", "j.journey.yaml:12:9 missing-emotion touchpoint:a"}},
		{"bad-suppression can be turned off", ws("  suppressions: forbid\n  rules: {bad-suppression: off, missing-persona: off}\n"), "      # journeymap:ignore missing-emotion -- May",
			[]string{"j.journey.yaml:13:9 missing-emotion touchpoint:a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := teamRun(t, map[string]string{"journeymap.yaml": tc.ws, "j.journey.yaml": src(tc.comment)}, lint.Options{})
			wantFindings(t, got, tc.want...)
		})
	}
}

func TestSuppressionMessages(t *testing.T) {
	dir := writeTree(t, map[string]string{"journeymap.yaml": "version: 1\n",
		"j.journey.yaml": strings.Replace(teamJourney, "      - id: a\n",
			"      # journeymap:ignore missing-emotoin until=2026-01-01 -- old\n      - id: a\n", 1)})
	set, _ := journey.Load([]string{dir}, journey.LoadOptions{})
	res, err := lint.Run(set, lint.Options{Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		if f.Rule == "bad-suppression" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "expired on 2026-01-01") {
		t.Errorf("an expired comment is reported once, for expiring: %q", msgs)
	}
}
