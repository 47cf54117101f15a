package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportAndReportInvalid: an invalid journey gets its validation
// findings and exit 1; the others are still exported and reported.
func TestExportAndReportInvalid(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.journey.yaml"), []byte("version: 1\nid: good\ntitle: Good\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app, emotion: 1}]}]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.journey.yaml"), []byte("version: 1\nid: bad\ntitle: Bad\nstages: [{id: s, touchpoints: [{id: a, channel: nowhere}]}]\n"), 0o644)
	for _, args := range [][]string{{"export", dir, "--format", "csv"}, {"export", dir, "--format", "mermaid"}, {"report", dir, "--format", "csv"}} {
		r := cliRunArgs(t, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "bad.journey.yaml:4:") || !strings.Contains(r.stderr, "unresolved-reference") {
			t.Errorf("%v: %v", args, r)
		}
		if low := strings.ToLower(r.stdout); !strings.Contains(low, "good") || strings.Contains(low, "bad") {
			t.Errorf("%v: the valid journey only should be in the output: %v", args, r)
		}
	}
}

// TestExportOutput: -o writes the file (atomically, by atomicfile) and
// never over an input.
func TestExportOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "good.journey.yaml")
	src := []byte("version: 1\nid: good\ntitle: Good\nchannels: {app: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n")
	os.WriteFile(in, src, 0o644)
	out := filepath.Join(dir, "good.mmd")
	if r := cliRunArgs(t, "export", in, "--format", "mermaid", "-o", out); r.code != 0 || r.stdout != "" {
		t.Fatalf("%v", r)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "journey\n") {
		t.Errorf("-o wrote %q", b)
	}
	r := cliRunArgs(t, "export", in, "--format", "json", "-o", in)
	if r.code != 2 || !strings.Contains(r.stderr, "it is an input of this run") {
		t.Errorf("-o over the input: %v", r)
	}
	link := filepath.Join(dir, "other-name.json")
	if err := os.Link(in, link); err == nil {
		if r := cliRunArgs(t, "export", in, "--format", "json", "-o", link); r.code != 2 || !strings.Contains(r.stderr, "same file as the input") {
			t.Errorf("-o over a hard link to the input: %v", r)
		}
	}
	if b, _ := os.ReadFile(in); string(b) != string(src) {
		t.Error("the input was changed")
	}
	if r := cliRunArgs(t, "export", in, "--format", "csv", "-o", "-"); r.code != 0 || !strings.HasPrefix(r.stdout, "journey,stage,") {
		t.Errorf("-o - is standard output: %v", r)
	}
	if r := cliRunArgs(t, "export", in); r.code != 2 || !strings.Contains(r.stderr, "--format") {
		t.Errorf("no --format: %v", r)
	}
}

// TestReportByOwner: the CLI path of report --by owner, JSON keys as SPEC
// §6 names them, registry owners that own nothing included.
func TestReportByOwner(t *testing.T) {
	r := cliRunArgs(t, "report", filepath.Join(cliRepoRoot, "testdata", "report"), "--by", "owner", "--format", "json")
	if r.code != 0 {
		t.Fatalf("%v", r)
	}
	var v struct {
		By   string
		Rows []map[string]any
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v.By != "owner" || len(v.Rows) != 4 || v.Rows[3]["owner"] != "idle" || v.Rows[3]["name"] != "Owns nothing" || v.Rows[2]["unowned_seams"] != 2.0 {
		t.Errorf("%s", r.stdout)
	}
	if r := cliRunArgs(t, "report", filepath.Join(cliRepoRoot, "testdata", "report"), "--by", "team"); r.code != 2 {
		t.Errorf("--by team: %v", r)
	}
}
