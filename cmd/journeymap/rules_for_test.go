package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRulesFor: an organisation preset shared by extends and an override
// for a drafts folder give the effective rules `rules --for` shows, each
// with what decided it.
func TestRulesFor(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"org/cx-lint.yaml": "lint:\n  extends: [strict]\n  suppressions: require-reason\n  rules:\n    stale-review: {severity: error, max_age_days: 90}\n",
		"repo/journeymap.yaml": "version: 1\nlint:\n  extends: [../org/cx-lint.yaml]\n  rules:\n    missing-persona: info\n" +
			"  overrides:\n    - files: [\"drafts/**\"]\n      rules: {missing-emotion: off, stale-review: off}\n" +
			"  custom:\n    - {id: needs-goal-text, on: journey, require: 'journey.goal != \"\"', message: 'say the goal'}\n",
		"repo/drafts/idea/new.journey.yaml": "version: 1\ntitle: T\nstages: []\n",
		"repo/live.journey.yaml":            "version: 1\ntitle: T\nstages: []\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(src), 0o644)
	}
	t.Chdir(filepath.Join(dir, "repo"))
	// row is a rule's severity and why, the why's wrapped lines joined.
	row := func(out, rule string) string {
		lines := strings.Split(out, "\n")
		first := regexp.MustCompile(`^│ ` + regexp.QuoteMeta(rule) + ` +│ (\S+) +│ (.*?) *│$`)
		more := regexp.MustCompile(`^│ +│ +│ (.*?) *│$`)
		for i, l := range lines {
			m := first.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			why := m[2]
			for _, next := range lines[i+1:] {
				c := more.FindStringSubmatch(next)
				if c == nil {
					break
				}
				why += " " + c[1]
			}
			return m[1] + " | " + why
		}
		return ""
	}
	r := cliRunArgs(t, "rules", "--for", "drafts/idea/new.journey.yaml")
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	for rule, want := range map[string]string{
		"missing-emotion":      `off | override files "drafts/**" (journeymap.yaml:8)`,
		"stale-review":         `off | override files "drafts/**" (journeymap.yaml:8); max_age_days: 90`,
		"missing-persona":      "info | journeymap.yaml:5",
		"missing-goal":         "warning | preset strict (" + filepath.Join("..", "org", "cx-lint.yaml") + ":2)",
		"missing-expectations": "info | preset strict (" + filepath.Join("..", "org", "cx-lint.yaml") + ":2)",
		"needs-goal-text":      "warning | custom rule (journeymap.yaml:10)",
	} {
		if got := row(r.stdout, rule); got != want {
			t.Errorf("%s: %q, want %q", rule, got, want)
		}
	}
	if !strings.Contains(r.stdout, "Ignore comments: require-reason.") {
		t.Errorf("the suppression policy from the shared file is not shown:\n%s", r.stdout)
	}

	r = cliRunArgs(t, "rules", "--for", "live.journey.yaml", "--disable", "missing-goal")
	if r.code != 2 {
		t.Errorf("rules takes no --disable: %s", r)
	}
	r = cliRunArgs(t, "rules", "--for", "live.journey.yaml")
	if got := row(r.stdout, "stale-review"); got != "error | "+filepath.Join("..", "org", "cx-lint.yaml")+":5; max_age_days: 90" {
		t.Errorf("stale-review outside drafts: %q", got)
	}
	for _, args := range [][]string{{"rules", "--for", "nope.journey.yaml"}, {"rules", "--for", "drafts"}, {"rules", "missing-goal", "--for", "live.journey.yaml"}} {
		if r := cliRunArgs(t, args...); r.code != 2 {
			t.Errorf("%v: want exit 2, got %s", args, r)
		}
	}
	if r := cliRunArgs(t, "rules"); !strings.Contains(r.stdout, "needs-goal-text") {
		t.Errorf("rules does not list the workspace's custom rule:\n%s", r.stdout)
	}
	if r := cliRunArgs(t, "rules", "needs-goal-text"); r.code != 0 || !strings.Contains(r.stdout, "custom rule") {
		t.Errorf("rules RULE does not explain a custom rule: %s", r)
	}
}

// TestValidateReportsLintConfig: validate reports a custom rule that does
// not compile and an extends that cannot be read, at their positions.
func TestValidateReportsLintConfig(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "journeymap.yaml"), []byte("version: 1\nlint:\n  extends: [missing.yaml]\n  custom:\n    - {id: r, on: journey, require: 'journey.titel != \"\"', message: x}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.journey.yaml"), []byte("version: 1\ntitle: T\nstages: []\n"), 0o644)
	t.Chdir(dir)
	r := cliRunArgs(t, "validate", ".")
	for _, want := range []string{
		`journeymap.yaml:3:13: error: extends "missing.yaml": no such file`,
		`journeymap.yaml:5:46: error: custom rule "r": require: journey has no key "titel"; did you mean "title"?`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate output lacks %q:\n%s", want, r)
		}
	}
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
}
