package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tourJourney is the first YAML block of the README's tour.
var tourJourney = regexp.MustCompile("(?s)## A short tour.*?```yaml\n(.*?)```")

// TestReadmeTourValidates: the journey the README's tour shows validates as
// printed, with the example workspace the tour names.
func TestReadmeTourValidates(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(cliRepoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := tourJourney.FindSubmatch(readme)
	if m == nil {
		t.Fatal("no YAML block in the README's tour")
	}
	if !strings.Contains(string(readme), "`journeymap validate --config examples/journeymap.yaml\ntour.journey.yaml` finds no problems") {
		t.Error("the README no longer says how the tour's journey validates; keep this test in step")
	}
	f := filepath.Join(t.TempDir(), "tour.journey.yaml")
	if err := os.WriteFile(f, m[1], 0o644); err != nil {
		t.Fatal(err)
	}
	cliAtRoot(t)
	r := cliRunArgs(t, "validate", "--config", "examples/journeymap.yaml", f)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "no problems in 1 journey") {
		t.Errorf("the README tour's journey does not validate:\n%s\n%s", m[1], r)
	}
	if r := cliRunArgs(t, "fmt", "--check", f); r.code != 0 {
		t.Errorf("the README tour's journey is not formatted: %s", r)
	}
}
