package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// ciCommand is a journeymap command line in docs/ci.md or action.yml, up to
// a shell redirection or operator.
var ciCommand = regexp.MustCompile(`(?:^|[\s:-])journeymap ((?:lint|validate|render|diff|report|export|fmt|rules|schema)\b[^>|&#\n]*)`)

// TestCIDocsCommandsRun runs every journeymap command that docs/ci.md and
// action.yml tell a CI job to run, on the examples, so that a renamed flag
// or a changed default cannot leave the CI set-up broken: none of them may be
// a usage error (exit 2) or a fault (exit 3).
func TestCIDocsCommandsRun(t *testing.T) {
	cliAtRoot(t)
	out := t.TempDir()
	vars := strings.NewReplacer(
		`"$BASE"`, "HEAD", `"$FAIL_ON"`, "warning", `"$FORMAT"`, "github",
		"$PATHS", "examples/", "journeys/", "examples/", "maps/", out+"/",
	)
	var commands []string
	for _, file := range []string{"docs/ci.md", "action.yml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ciCommand.FindAllStringSubmatch(string(src), -1) {
			commands = append(commands, strings.TrimSpace(m[1]))
		}
	}
	if len(commands) < 8 {
		t.Fatalf("found only %d journeymap commands in docs/ci.md and action.yml: %q", len(commands), commands)
	}
	for _, c := range commands {
		args := strings.Fields(vars.Replace(c))
		r := cliRunArgs(t, args...)
		if r.code != exitOK && r.code != exitFindings {
			t.Errorf("journeymap %s (from %q): exit %d, want 0 or 1\n%s", strings.Join(args, " "), c, r.code, r)
		}
	}
}

// TestActionInputsDocumented: every input of the composite action is in
// docs/ci.md's table, and the table lists no input the action lacks.
func TestActionInputsDocumented(t *testing.T) {
	cliAtRoot(t)
	src, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Description string `yaml:"description"`
			Default     string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(src, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("action.yml runs.using = %q, want composite", action.Runs.Using)
	}
	doc, err := os.ReadFile("docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|")
	documented := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]] = true
	}
	for name, in := range action.Inputs {
		if in.Description == "" {
			t.Errorf("action input %q has no description", name)
		}
		if !documented[name] {
			t.Errorf("action input %q is not in docs/ci.md's table of inputs", name)
		}
		delete(documented, name)
	}
	for name := range documented {
		t.Errorf("docs/ci.md documents an input %q that action.yml does not have", name)
	}
	for _, want := range []string{"paths", "format", "fail-on", "version"} {
		if _, ok := action.Inputs[want]; !ok {
			t.Errorf("action.yml lacks the input %q", want)
		}
	}
}
