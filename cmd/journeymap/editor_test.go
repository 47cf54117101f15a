package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditorSchema drives yaml-language-server, the server behind VS Code's
// YAML extension (and the one Neovim and Helix run), against an `init`ed
// workspace through scripts/yls-check.js: the starter files get no
// diagnostic, a misspelt key is reported through the modeline's schema.
// It needs node and the server (npm i yaml-language-server); set
// YAML_LANGUAGE_SERVER to its bin/yaml-language-server, or put it on PATH.
func TestEditorSchema(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	server := os.Getenv("YAML_LANGUAGE_SERVER")
	if server == "" {
		if server, err = exec.LookPath("yaml-language-server"); err != nil {
			t.Skip("yaml-language-server is not installed (npm i yaml-language-server; set YAML_LANGUAGE_SERVER)")
		}
	}
	dir := t.TempDir()
	if r := cliRunArgs(t, "init", dir); r.code != 0 {
		t.Fatalf("init: %s", r)
	}
	first := filepath.Join(dir, "journeys", "first.journey.yaml")
	src, _ := os.ReadFile(first)
	typo := strings.Replace(string(src), "\n        channel: app\n", "\n        chanel: app\n", 1)
	typoFile := filepath.Join(dir, "journeys", "typo.journey.yaml")
	if err := os.WriteFile(typoFile, []byte(typo), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join(cliRepoRoot, "scripts", "yls-check.js"), server,
		"journeymap.yaml", "journeys/first.journey.yaml", "journeys/typo.journey.yaml")
	cmd.Dir = dir
	// Hover over the moment_of_truth key shows its description.
	line := 1 + strings.Count(string(src[:strings.Index(string(src), "        moment_of_truth:")]), "\n")
	cmd.Env = append(os.Environ(), fmt.Sprintf("YLS_HOVER=journeys/first.journey.yaml:%d:10", line))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("yls-check: %v\n%s", err, out)
	}
	got := string(out)
	for _, want := range []string{
		"journeymap.yaml: no diagnostics\n",
		"journeys/first.journey.yaml: no diagnostics\n",
		"journeys/typo.journey.yaml:32:9: Property chanel is not allowed.\n",
		"A moment that decides the relationship: true, or (better) a sentence saying why.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("yaml-language-server output lacks %q:\n%s", want, got)
		}
	}
}
