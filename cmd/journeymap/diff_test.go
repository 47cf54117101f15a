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

// diffRepo makes a git repository holding the edit test's old journey,
// committed, with the new journey in the working copy; the test runs in it.
func diffRepo(t *testing.T) (git func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	edit := filepath.Join(cliRepoRoot, "testdata", "diff", "edit")
	oldSrc, _ := os.ReadFile(filepath.Join(edit, "old.journey.yaml"))
	newSrc, _ := os.ReadFile(filepath.Join(edit, "new.journey.yaml"))
	dir := t.TempDir()
	git = gittest.Runner(t, dir)
	os.MkdirAll(filepath.Join(dir, "journeys"), 0o755)
	os.WriteFile(filepath.Join(dir, "journeys", "claim.journey.yaml"), oldSrc, 0o644)
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "as-is")
	os.WriteFile(filepath.Join(dir, "journeys", "claim.journey.yaml"), newSrc, 0o644)
	t.Chdir(dir)
	return git
}

type diffJSON struct {
	Journeys []struct {
		ID, Status, Old, New string
		Changes              []struct{ Kind, Subject, Field string }
	}
	Summary struct{ Journeys, Changed, Changes, Introduced, Fixed int }
}

func changeList(t *testing.T, out string) string {
	t.Helper()
	var v diffJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var s []string
	for _, j := range v.Journeys {
		for _, c := range j.Changes {
			s = append(s, strings.TrimSpace(c.Kind+" "+c.Subject+" "+c.Field))
		}
	}
	return strings.Join(s, "\n")
}

const editChanges = `touchpoint-changed touchpoint:open-app emotion
touchpoint-removed touchpoint:call-agent
touchpoint-moved touchpoint:book-garage stage
touchpoint-added touchpoint:chat-with-bot
touchpoint-changed touchpoint:collect-car channel`

// TestDiffRev: --rev HEAD after an edit says what diff OLD NEW says, in
// every format, with --exit-code 1; without --exit-code it exits 0.
func TestDiffRev(t *testing.T) {
	diffRepo(t)
	r := cliRunArgs(t, "diff", "--rev", "HEAD", "--exit-code", "--format", "json")
	if r.code != 1 {
		t.Fatalf("%v", r)
	}
	if got := changeList(t, r.stdout); got != editChanges {
		t.Errorf("changes:\n%s\nwant:\n%s", got, editChanges)
	}
	if !strings.Contains(r.stdout, `"old": "journeys/claim.journey.yaml@HEAD"`) || !strings.Contains(r.stdout, `"new": "journeys/claim.journey.yaml"`) {
		t.Errorf("sides are not named path@REV and path:\n%s", r.stdout)
	}
	for _, format := range []string{"text", "markdown"} {
		r := cliRunArgs(t, "diff", "--rev", "HEAD", "--exit-code", "--format", format, "journeys")
		if r.code != 1 {
			t.Fatalf("%s: %v", format, r)
		}
		for _, want := range []string{"open-app", "call-agent", "book-garage", "chat-with-bot", "collect-car", "1 finding introduced"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s output lacks %q:\n%s", format, want, r.stdout)
			}
		}
	}
	if r := cliRunArgs(t, "diff", "--rev", "HEAD"); r.code != 0 {
		t.Errorf("without --exit-code: %v", r)
	}
	if r := cliRunArgs(t, "diff", "--rev", "HEAD", "--exit-code", filepath.Join("journeys", "claim.journey.yaml")); r.code != 1 || !strings.Contains(r.stdout, "5 changes") {
		t.Errorf("a file PATH: %v", r)
	}
}

// TestDiffRevRenamed: a journey whose file was renamed is matched by id.
func TestDiffRevRenamed(t *testing.T) {
	git := diffRepo(t)
	git("mv", "journeys/claim.journey.yaml", "journeys/motor-claim.journey.yaml")
	r := cliRunArgs(t, "diff", "--rev", "HEAD", "--format", "json")
	if r.code != 0 {
		t.Fatalf("%v", r)
	}
	want := "journey-changed journey file\n" + editChanges
	if got := changeList(t, r.stdout); got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
}

// TestDiffRevDeleted: a directory deleted since the revision, or one that
// no longer holds a journey, is a journey removed, not a usage error.
func TestDiffRevDeleted(t *testing.T) {
	diffRepo(t)
	os.RemoveAll("journeys")
	for _, args := range [][]string{{"diff", "--rev", "HEAD", "journeys"}, {"diff", "--rev", "HEAD", "journeys/claim.journey.yaml"}, {"diff", "--rev", "HEAD", "--format", "json"}} {
		r := cliRunArgs(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "removed") {
			t.Errorf("%v: %v", args, r)
		}
	}
	os.Mkdir("journeys", 0o755)
	if r := cliRunArgs(t, "diff", "--rev", "HEAD", "--exit-code", "journeys"); r.code != 1 || !strings.Contains(r.stdout, `journey "claim" removed`) {
		t.Errorf("an empty directory: %v", r)
	}
	if r := cliRunArgs(t, "diff", "--rev", "HEAD", "elsewhere"); r.code != 2 {
		t.Errorf("a PATH that never held journeys: %v", r)
	}
}

// TestDiffBadInput: clear messages and the right exit codes, never a crash.
func TestDiffBadInput(t *testing.T) {
	diffRepo(t)
	if r := cliRunArgs(t, "diff", "--rev", "no-such-rev"); r.code != 2 || !strings.Contains(r.stderr, `unknown revision "no-such-rev"`) {
		t.Errorf("unknown revision: %v", r)
	}
	if r := cliRunArgs(t, "diff", "one.journey.yaml"); r.code != 2 || !strings.Contains(r.stderr, "OLD and NEW") {
		t.Errorf("one argument: %v", r)
	}
	os.WriteFile(filepath.Join("journeys", "claim.journey.yaml"), []byte("version: 1\nid: claim\ntitle: Claim\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, channel: nowhere}\n"), 0o644)
	r := cliRunArgs(t, "diff", "--rev", "HEAD", "--format", "markdown")
	if r.code != 1 || !strings.Contains(r.stderr, "journeys/claim.journey.yaml:7:") || !strings.Contains(r.stderr, "unresolved-reference") {
		t.Errorf("a side that does not validate: %v", r)
	}

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	os.WriteFile(filepath.Join(outside, "a.journey.yaml"), []byte("version: 1\ntitle: A\nstages: [{id: s, touchpoints: []}]\n"), 0o644)
	if r := cliRunArgs(t, "diff", "--rev", "HEAD", outside); r.code != 2 || !strings.Contains(r.stderr, "not inside a git repository") {
		t.Errorf("outside git: %v", r)
	}
}
