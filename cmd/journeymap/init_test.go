package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/journey"
)

// TestInit: init writes the four files with their modelines; the starter
// journey is a real one (8-10 touchpoints, two channels, a documented
// handoff, a measured moment of truth), validates, lints clean with every
// recommended rule down to info, and is already formatted.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "maps")
	r := cliRunArgs(t, "init", dir)
	if r.code != 0 {
		t.Fatalf("init: %s", r)
	}
	for _, f := range []string{"journeymap.yaml", "journeys/first.journey.yaml", ".journeymap/journey.schema.json", ".journeymap/workspace.schema.json"} {
		if !strings.Contains(r.stdout, "created  "+filepath.Join(dir, f)+"\n") {
			t.Errorf("init did not report creating %s:\n%s", f, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "Next, try:\n  journeymap lint "+dir+"\n  journeymap render "+filepath.Join(dir, "journeys", "first.journey.yaml")+" -o first.svg\n  journeymap fmt --check "+dir+"\n") {
		t.Errorf("init does not end with the next three commands:\n%s", r.stdout)
	}
	ws, _ := os.ReadFile(filepath.Join(dir, "journeymap.yaml"))
	jf, _ := os.ReadFile(filepath.Join(dir, "journeys", "first.journey.yaml"))
	if !strings.HasPrefix(string(ws), "# yaml-language-server: $schema=.journeymap/workspace.schema.json\n") {
		t.Errorf("workspace modeline missing:\n%s", ws)
	}
	if !strings.HasPrefix(string(jf), "# yaml-language-server: $schema=../.journeymap/journey.schema.json\n") {
		t.Errorf("journey modeline missing:\n%s", jf)
	}
	for _, schema := range []string{"journey.schema.json", "workspace.schema.json"} {
		// The modelines name files that exist, relative to each file.
		if _, err := os.Stat(filepath.Join(dir, ".journeymap", schema)); err != nil {
			t.Error(err)
		}
	}

	if r := cliRunArgs(t, "validate", dir); r.code != 0 {
		t.Errorf("validate: %s", r)
	}
	if r := cliRunArgs(t, "lint", "--fail-on", "info", dir); r.code != 0 || !strings.HasPrefix(r.stdout, "no problems in 1 journey") {
		t.Errorf("the starter does not lint clean: %s", r)
	}
	if r := cliRunArgs(t, "fmt", "--check", dir); r.code != 0 {
		t.Errorf("the starter is not formatted: %s", r)
	}

	set, err := journey.Load([]string{dir}, journey.LoadOptions{})
	if err != nil || len(set.Journeys) != 1 {
		t.Fatalf("load: %v", err)
	}
	j := set.Journeys[0]
	tps := j.Touchpoints()
	channels := map[string]bool{}
	handoffs, measuredMoments := 0, 0
	for _, tp := range tps {
		channels[tp.Channel.Value] = true
		if tp.Handoff != nil && len(tp.Handoff.Carries) > 0 && tp.Handoff.Owner.Value != "" {
			handoffs++
		}
		if tp.MomentOfTruth != nil && len(tp.Metrics) > 0 && len(tp.Listening) > 0 {
			measuredMoments++
		}
	}
	if len(tps) < 8 || len(tps) > 10 || len(channels) < 2 || handoffs < 1 || measuredMoments < 1 {
		t.Errorf("starter: %d touchpoints, %d channels, %d documented handoffs, %d measured moments of truth", len(tps), len(channels), handoffs, measuredMoments)
	}
	if want := time.Now().Format("2006-01-02"); !strings.Contains(string(jf), "reviewed: "+want+"\n") {
		t.Errorf("reviewed is not today (%s)", want)
	}
}

// TestInitNeverOverwrites: a second init, or one into a folder that has
// some of the files, names each existing file and leaves it as it is.
func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"journeymap.yaml": "version: 1\n# mine\n"})
	r := cliRunArgs(t, "init", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "kept     "+filepath.Join(dir, "journeymap.yaml")+" (it already exists; not overwritten)") {
		t.Fatalf("init: %s", r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "journeymap.yaml")); string(got) != "version: 1\n# mine\n" {
		t.Errorf("journeymap.yaml was overwritten")
	}
	first := filepath.Join(dir, "journeys", "first.journey.yaml")
	if err := os.WriteFile(first, []byte("changed by the user\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = cliRunArgs(t, "init", dir)
	if r.code != 0 || strings.Count(r.stdout, "kept     ") != 4 || strings.Contains(r.stdout, "created") {
		t.Errorf("second init: %s", r)
	}
	if got, _ := os.ReadFile(first); string(got) != "changed by the user\n" {
		t.Errorf("the journey was overwritten")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "journeys"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestInitFailures: a file where the directory should be is a usage error;
// a directory that cannot be written is exit 1 with the file named.
func TestInitFailures(t *testing.T) {
	dir := t.TempDir()
	cliWriteFiles(t, dir, map[string]string{"file": "x"})
	if r := cliRunArgs(t, "init", filepath.Join(dir, "file")); r.code != 2 || !strings.Contains(r.stderr, "is not a directory") {
		t.Errorf("init into a file: %s", r)
	}
	if r := cliRunArgs(t, "init", "a", "b"); r.code != 2 {
		t.Errorf("two directories: %s", r)
	}
	if os.Getuid() == 0 {
		t.Skip("root writes read-only directories")
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	if r := cliRunArgs(t, "init", ro); r.code != 1 || !strings.Contains(r.stderr, "cannot write "+filepath.Join(ro, "journeymap.yaml")) {
		t.Errorf("read-only dir: %s", r)
	}
}
