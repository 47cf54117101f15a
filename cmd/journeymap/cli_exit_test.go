package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestExitCodes pins SPEC §6: 0 success, 1 findings at or above --fail-on or
// invalid journeys, 2 usage errors; never a stack trace (checked by cliRun).
func TestExitCodes(t *testing.T) {
	cliAtRoot(t)

	// A workspace whose lint.rules names a rule that does not exist.
	badWS := t.TempDir()
	cliWriteFiles(t, badWS, map[string]string{
		"journeymap.yaml": "version: 1\nlint:\n  rules:\n    no-such-rule: off\n",
		"a.journey.yaml": `version: 1
title: A
reviewed: 2026-11-01
channels:
  web: {name: Website, kind: digital}
stages:
  - id: s
    touchpoints:
      - {id: t, channel: web}
`,
	})
	// A workspace with a theme that does not exist.
	badTheme := t.TempDir()
	cliWriteFiles(t, badTheme, map[string]string{
		"journeymap.yaml": "version: 1\nrender:\n  theme: purple\n",
		"a.journey.yaml": `version: 1
title: A
channels:
  web: {name: Website, kind: digital}
stages:
  - id: s
    touchpoints:
      - {id: t, channel: web}
`,
	})
	empty := t.TempDir()
	// A workspace that is not valid YAML: its problem is a finding about
	// journeymap.yaml, and the run fails.
	brokenWS := t.TempDir()
	cliWriteFiles(t, brokenWS, map[string]string{
		"journeymap.yaml": "version: 1\nowners: [unclosed\n",
		"a.journey.yaml":  "version: 1\ntitle: A\nchannels:\n  web: {name: W, kind: digital}\nstages:\n  - id: s\n    touchpoints:\n      - {id: t, channel: web}\n",
	})

	// A journey reviewed in the future: a typo of the year.
	future := t.TempDir()
	cliWriteFiles(t, future, map[string]string{
		"a.journey.yaml": "version: 1\ntitle: A\nreviewed: 2999-01-01\nchannels:\n  web: {name: W, kind: digital}\nstages:\n  - id: s\n    touchpoints:\n      - {id: t, channel: web}\n",
	})

	// A commit that changes only journeymap.yaml, removing an owner that a
	// journey still names: the pre-commit hooks pass just that file.
	ownerGone := t.TempDir()
	cliWriteFiles(t, ownerGone, map[string]string{
		"journeymap.yaml":         "version: 1\nowners:\n  web-team: {name: Web}\n",
		"journeys/a.journey.yaml": "version: 1\ntitle: A\nowner: care-team\nchannels:\n  web: {name: W, kind: digital, owner: web-team}\nstages:\n  - id: s\n    touchpoints:\n      - {id: t, channel: web, owner: web-team}\n",
	})

	const (
		plan     = "examples/plan-upgrade.journey.yaml"
		handoffs = "testdata/lint/err/handoffs.journey.yaml"
		level    = "testdata/lint/err/journey-level.journey.yaml"
		owners   = "testdata/lint/err/owners.journey.yaml"
		invalid  = "testdata/validate/err/range.journey.yaml"
		clean    = "testdata/lint/ok/"
	)
	out := t.TempDir()

	tests := []struct {
		name   string
		args   []string
		want   int
		stderr string // substring expected on stderr
	}{
		// 0: success.
		{name: "validate examples", args: []string{"validate", "examples/"}, want: 0},
		{name: "validate ok corpus", args: []string{"validate", "testdata/validate/ok/"}, want: 0},
		{name: "lint clean", args: []string{"lint", clean}, want: 0},
		{name: "lint clean strict", args: []string{"lint", "--fail-on", "info", "--disable", "stale-review", clean}, want: 0},
		{name: "lint warnings below default fail-on", args: []string{"lint", "--disable", "stale-review", handoffs}, want: 0},
		{name: "lint info below fail-on warning", args: []string{"lint", "--disable", "stale-review", "--fail-on", "warning", level}, want: 0},
		{name: "lint disable all findings", args: []string{"lint", "--fail-on", "info", "--disable", "stale-review,undocumented-handoff,handoff-owner-gap", "--disable", "handoff-context-lost", handoffs}, want: 0},
		{name: "version", args: []string{"version"}, want: 0},
		{name: "--version", args: []string{"--version"}, want: 0},
		{name: "rules", args: []string{"rules"}, want: 0},
		{name: "rules lint rule", args: []string{"rules", "undocumented-handoff"}, want: 0},
		{name: "rules validation check", args: []string{"rules", "syntax"}, want: 0},
		{name: "no args shows help", args: nil, want: 0},
		{name: "render dot", args: []string{"render", "--format", "dot", plan}, want: 0},

		// 1: findings, invalid journeys.
		{name: "validate err file", args: []string{"validate", "testdata/validate/err/unresolved.journey.yaml"}, want: 1},
		{name: "validate err dir", args: []string{"validate", "testdata/validate/err/"}, want: 1},
		{name: "validate json err", args: []string{"validate", "--format", "json", invalid}, want: 1},
		{name: "lint examples has an error", args: []string{"lint", "examples/"}, want: 1},
		{name: "lint errors at default fail-on", args: []string{"lint", "--disable", "stale-review", owners}, want: 1},
		{name: "lint fail-on warning with only warnings", args: []string{"lint", "--fail-on", "warning", "--disable", "stale-review", handoffs}, want: 1},
		{name: "lint fail-on info with info", args: []string{"lint", "--fail-on", "info", "--disable", "stale-review", level}, want: 1},
		{name: "lint invalid journey", args: []string{"lint", invalid}, want: 1},
		{name: "lint invalid journey json", args: []string{"lint", "--format", "json", invalid}, want: 1},
		{name: "validate broken workspace", args: []string{"validate", brokenWS}, want: 1},
		{name: "lint broken workspace", args: []string{"lint", brokenWS}, want: 1},
		{name: "validate a workspace alone checks the journeys it serves", args: []string{"validate", filepath.Join(ownerGone, "journeymap.yaml")}, want: 1},
		{name: "lint a workspace alone checks the journeys it serves", args: []string{"lint", filepath.Join(ownerGone, "journeymap.yaml")}, want: 1},
		{name: "validate reviewed in the future", args: []string{"validate", future}, want: 1},
		{name: "render invalid journey", args: []string{"render", "-o", filepath.Join(out, "bad.svg"), invalid}, want: 1},

		// 2: usage errors.
		{name: "unknown command", args: []string{"bogus"}, want: 2, stderr: `unknown command "bogus"`},
		{name: "unknown help topic", args: []string{"help", "bogus"}, want: 2, stderr: `unknown help topic "bogus"`},
		{name: "unknown flag", args: []string{"lint", "--bogus", clean}, want: 2, stderr: "unknown flag --bogus"},
		{name: "unknown shorthand flag", args: []string{"validate", "-z", clean}, want: 2, stderr: "-z"},
		{name: "lint bad format", args: []string{"lint", "--format", "xml", clean}, want: 2, stderr: `"xml"`},
		{name: "validate bad format", args: []string{"validate", "--format", "sarif", clean}, want: 2, stderr: `"sarif"`},
		{name: "render bad format", args: []string{"render", "--format", "pdf", plan}, want: 2, stderr: `"pdf"`},
		{name: "render bad view", args: []string{"render", "--view", "nope", plan}, want: 2, stderr: `"nope"`},
		{name: "render bad theme", args: []string{"render", "--theme", "purple", plan}, want: 2, stderr: `"purple"`},
		{name: "render bad size", args: []string{"render", "--size", "21:9", plan}, want: 2, stderr: `"21:9"`},
		{name: "bad fail-on", args: []string{"lint", "--fail-on", "fatal", clean}, want: 2, stderr: `"fatal"`},
		{name: "validate nonexistent path", args: []string{"validate", "no/such/file.journey.yaml"}, want: 2, stderr: "no/such/file.journey.yaml"},
		{name: "lint nonexistent path", args: []string{"lint", "no-such-dir"}, want: 2, stderr: "no-such-dir"},
		{name: "render nonexistent path", args: []string{"render", "no-such.journey.yaml"}, want: 2, stderr: "no-such.journey.yaml"},
		{name: "lint --config missing", args: []string{"lint", "--config", "no-such-journeymap.yaml", clean}, want: 2, stderr: "no-such-journeymap.yaml"},
		{name: "validate --config missing", args: []string{"validate", "--config", "no-such-journeymap.yaml", clean}, want: 2, stderr: "no-such-journeymap.yaml"},
		{name: "validate --config is a directory", args: []string{"validate", "--config", "testdata", clean}, want: 2},
		{name: "lint --enable unknown rule", args: []string{"lint", "--enable", "no-such-rule", clean}, want: 2, stderr: `"no-such-rule"`},
		{name: "lint --disable unknown rule", args: []string{"lint", "--disable", "no-such-rule", clean}, want: 2, stderr: `"no-such-rule"`},
		{name: "workspace unknown rule", args: []string{"lint", badWS}, want: 2, stderr: `"no-such-rule"`},
		{name: "validate workspace unknown rule", args: []string{"validate", badWS}, want: 2, stderr: `"no-such-rule"`},
		{name: "render --lint workspace unknown rule", args: []string{"render", "--lint", "--format", "dot", badWS}, want: 2, stderr: `"no-such-rule"`},
		{name: "render workspace unknown theme", args: []string{"render", "--format", "dot", badTheme}, want: 2, stderr: `"purple"`},
		{name: "rules unknown rule", args: []string{"rules", "no-such-rule"}, want: 2, stderr: `unknown rule "no-such-rule"`},
		{name: "rules two args", args: []string{"rules", "a", "b"}, want: 2},
		{name: "version with args", args: []string{"version", "extra"}, want: 2},
		{name: "render several journeys flow view", args: []string{"render", "examples/"}, want: 2, stderr: "-O DIR"},
		{name: "render several journeys map view", args: []string{"render", "--view", "map", "examples/"}, want: 2, stderr: "-O DIR"},
		{name: "render onto a journey file", args: []string{"render", "-o", "x.journey.yaml", plan}, want: 2, stderr: "refusing"},
		{name: "render onto the workspace file", args: []string{"render", "-o", "journeymap.yaml", plan}, want: 2, stderr: "refusing"},
		{name: "render -o and -O", args: []string{"render", "-o", filepath.Join(out, "a.svg"), "-O", out, plan}, want: 2, stderr: "use either -o FILE"},
		{name: "render --watch without output", args: []string{"render", "--watch", plan}, want: 2, stderr: "--watch"},
		{name: "render --dpi 0", args: []string{"render", "--dpi", "0", plan}, want: 2, stderr: "--dpi"},
		{name: "render --dpi too high", args: []string{"render", "--dpi", "100000", "--format", "png", "-o", filepath.Join(out, "big.png"), plan}, want: 2, stderr: "--dpi"},
		{name: "render --dpi not a number", args: []string{"render", "--dpi", "abc", plan}, want: 2, stderr: `--dpi needs a number (default 96), not "abc"`},
		{name: "render --dpi NaN", args: []string{"render", "--dpi", "NaN", "--format", "png", "-o", filepath.Join(out, "nan.png"), plan}, want: 2},
		{name: "render --rev without emotion view", args: []string{"render", "--rev", "HEAD", plan}, want: 2, stderr: "--rev"},
		{name: "render --split to stdout", args: []string{"render", "--split", plan}, want: 2, stderr: "--split writes several files"},
		{name: "render --split channels", args: []string{"render", "--split", "--view", "channels", "-o", filepath.Join(out, "c.svg"), plan}, want: 2, stderr: "no stages"},
		{name: "render --label without emotion view", args: []string{"render", "--label", "As-is", plan}, want: 2, stderr: "--label"},
		{name: "render more labels than curves", args: []string{"render", "--view", "emotion", "--label", "a", "--label", "b", plan}, want: 2, stderr: "2 --label names for 1 curve:"},
		{name: "render no journeys", args: []string{"render", empty}, want: 2, stderr: "no journey files"},
		{name: "validate no journeys", args: []string{"validate", empty}, want: 2, stderr: "no journey files under " + empty},
		{name: "lint no journeys", args: []string{"lint", empty}, want: 2, stderr: "no journey files under " + empty},
		{name: "lint one PATH of two holds no journeys", args: []string{"lint", clean, empty}, want: 2, stderr: "no journey files under " + empty},
		{name: "completion unknown shell", args: []string{"completion", "tcsh"}, want: 2, stderr: `unknown shell "tcsh"`},
		{name: "completion without a shell", args: []string{"completion"}, want: 2, stderr: "bash|zsh|fish|powershell"},
		{name: "misspelt flag gets a suggestion", args: []string{"lint", "--fail_on", "error", clean}, want: 2, stderr: "did you mean --fail-on?"},
		{name: "misspelt flag with value gets a suggestion", args: []string{"lint", "--formt=json", clean}, want: 2, stderr: "did you mean --format?"},
		{name: "flag without its value", args: []string{"lint", clean, "--fail-on"}, want: 2, stderr: "--fail-on needs a value"},
		{name: "render png to terminal", args: []string{"render", "--format", "png", "--dpi", "10", plan}, want: 2, stderr: "terminal"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := cliOpts{}
			if strings.Contains(tc.name, "terminal") {
				o.terminal = true
			}
			r := cliRun(t, o, tc.args...)
			if r.code != tc.want {
				t.Fatalf("journeymap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), r.code, tc.want, r)
			}
			if tc.stderr != "" && !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr should mention %q:\n%s", tc.stderr, r)
			}
			if tc.want == exitUsage {
				if !strings.HasPrefix(r.stderr, "journeymap: ") {
					t.Errorf("a usage error should be reported on stderr as 'journeymap: ...':\n%s", r)
				}
				if r.stdout != "" {
					t.Errorf("a usage error should print nothing on stdout:\n%s", r)
				}
			}
		})
	}
}

// TestNoCobraWording: the messages a newcomer meets first are journeymap's
// own, not the libraries' ("strconv.ParseFloat", "flags in the group").
func TestNoCobraWording(t *testing.T) {
	cliAtRoot(t)
	plan := "examples/plan-upgrade.journey.yaml"
	for _, args := range [][]string{
		{"render", "--dpi", "abc", plan},
		{"render", "-o", "a.svg", "-O", t.TempDir(), plan},
		{"lint", "--fail_on", "error", plan},
		{"completion", "tcsh"},
	} {
		r := cliRunArgs(t, args...)
		for _, leak := range []string{"strconv.", "flags in the group", "invalid syntax", "unknown flag: "} {
			if strings.Contains(r.stderr, leak) {
				t.Errorf("journeymap %s: stderr shows library wording %q:\n%s", strings.Join(args, " "), leak, r)
			}
		}
	}
}

// TestDumbTerminalHasNoColour: TERM=dumb turns colour off like NO_COLOR.
func TestDumbTerminalHasNoColour(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	os.Unsetenv("NO_COLOR")
	t.Setenv("TERM", "dumb")
	if io := DefaultIO(); !io.NoColor {
		t.Errorf("TERM=dumb: DefaultIO().NoColor = false, want true")
	}
	t.Setenv("TERM", "xterm-256color")
	if io := DefaultIO(); io.NoColor {
		t.Errorf("TERM=xterm-256color without NO_COLOR: NoColor = true, want false")
	}
}

// TestRulesFitEightyColumns: the rules table reads in a classic terminal.
func TestRulesFitEightyColumns(t *testing.T) {
	cliAtRoot(t)
	r := cliRunArgs(t, "rules")
	for i, line := range strings.Split(r.stdout, "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("rules line %d is %d columns wide (> 80): %q", i+1, n, line)
		}
	}
}
