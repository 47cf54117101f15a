package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
)

// The lint golden set: handoff warnings, missing-owner errors (one of them in
// the workspace file) and journey-level info findings. stale-review is
// disabled because its findings depend on today's date.
var cliLintSet = []string{
	"--disable", "stale-review",
	"testdata/lint/err/handoffs.journey.yaml",
	"testdata/lint/err/owners.journey.yaml",
	"testdata/lint/err/journey-level.journey.yaml",
}

// cliStable replaces what depends on the machine (the absolute repository
// root in SARIF's originalUriBaseIds) and the build (the tool version when
// it is not "dev") with fixed placeholders.
func cliStable(s string) string {
	root := filepath.ToSlash(cliRepoRoot)
	if !strings.HasPrefix(root, "/") {
		root = "/" + root
	}
	s = strings.ReplaceAll(s, "file://"+root+"/", "file:///REPO/")
	s = strings.ReplaceAll(s, "file://"+root, "file:///REPO")
	if v := version(); v != "dev" {
		s = strings.ReplaceAll(s, `"version": "`+v+`"`, `"version": "dev"`)
		s = strings.ReplaceAll(s, "journeymap "+v+"\n", "journeymap dev\n")
	}
	return s
}

// TestGolden compares stdout of commands with testdata/cli/*. Run with
// TESTDATA_ACCEPT=1 to rewrite them.
func TestGolden(t *testing.T) {
	cliAtRoot(t)
	const (
		unresolved = "testdata/validate/err/unresolved.journey.yaml"
		clean      = "testdata/validate/ok/full.journey.yaml"
	)
	tests := []struct {
		golden string
		args   []string
		want   int
	}{
		{"validate-unresolved.txt", []string{"validate", unresolved}, 1},
		{"validate-unresolved.json", []string{"validate", "--format", "json", unresolved}, 1},
		{"validate-clean.txt", []string{"validate", clean}, 0},
		{"validate-clean.json", []string{"validate", "--format", "json", clean}, 0},
		{"lint.txt", append([]string{"lint"}, cliLintSet...), 1},
		{"lint.json", append([]string{"lint", "--format", "json"}, cliLintSet...), 1},
		{"lint.sarif", append([]string{"lint", "--format", "sarif"}, cliLintSet...), 1},
		{"lint.github.txt", append([]string{"lint", "--format", "github"}, cliLintSet...), 1},
		{"lint.gitlab.json", append([]string{"lint", "--format", "gitlab"}, cliLintSet...), 1},
		{"lint.checkstyle.xml", append([]string{"lint", "--format", "checkstyle"}, cliLintSet...), 1},
		{"rules.txt", []string{"rules"}, 0},
		{"rules-undocumented-handoff.txt", []string{"rules", "undocumented-handoff"}, 0},
		{"rules-syntax.txt", []string{"rules", "syntax"}, 0},
		{"version.txt", []string{"version"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			r := cliRunArgs(t, tc.args...)
			if r.code != tc.want {
				t.Errorf("journeymap %s: exit %d, want %d\n%s", strings.Join(tc.args, " "), r.code, tc.want, r)
			}
			if r.stderr != "" {
				t.Errorf("unexpected stderr:\n%s", r.stderr)
			}
			if cliHasANSI(r.stdout) {
				t.Errorf("output to a non-terminal contains ANSI escapes")
			}
			golden.Check(t, filepath.Join(cliGolden, tc.golden), []byte(cliStable(r.stdout)))
		})
	}
}

// TestSARIFPaths checks that SARIF locates files relative to the working
// directory (the repository root in CI) with %SRCROOT%, never as absolute
// URIs, when journeymap runs at the root.
func TestSARIFPaths(t *testing.T) {
	cliAtRoot(t)
	r := cliRunArgs(t, append([]string{"lint", "--format", "sarif"}, cliLintSet...)...)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r)
	}
	for _, want := range []string{
		`"uri": "testdata/lint/err/handoffs.journey.yaml"`,
		`"uri": "testdata/lint/journeymap.yaml"`,
		`"uriBaseId": "%SRCROOT%"`,
		`"version": "2.1.0"`,
		`"name": "journeymap"`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	// The only absolute URI is the base of %SRCROOT% itself.
	if n := strings.Count(r.stdout, `"uri": "file://`); n != 1 {
		t.Errorf("SARIF has %d absolute file: URIs, want 1 (originalUriBaseIds)", n)
	}
}

var cliVersionLine = regexp.MustCompile(`^journeymap \S+\n$`)

func TestVersionFormat(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		r := cliRunArgs(t, args...)
		if r.code != 0 || !cliVersionLine.MatchString(r.stdout) || r.stderr != "" {
			t.Errorf("journeymap %s: want exit 0 and one line 'journeymap <ver>':\n%s", strings.Join(args, " "), r)
		}
		if want := "journeymap " + version() + "\n"; r.stdout != want {
			t.Errorf("journeymap %s printed %q, want %q", strings.Join(args, " "), r.stdout, want)
		}
	}
}
