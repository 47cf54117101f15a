package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestFmtKeepsFindings: formatting a journey changes none of its lint
// findings but their lines: suppression comments stay on the nodes they
// silence, and everything the rules read means the same.
func TestFmtKeepsFindings(t *testing.T) {
	cliAtRoot(t)
	files, _ := filepath.Glob("testdata/lint/err/*.journey.yaml")
	more, _ := filepath.Glob("examples/*.journey.yaml")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("corpus: %v", files)
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Format a copy, with a copy of the workspace it uses.
			dir := t.TempDir()
			if ws := journey.FindWorkspace(filepath.Dir(f)); ws != "" {
				wsSrc, err := os.ReadFile(ws)
				if err != nil {
					t.Fatal(err)
				}
				cliWriteFiles(t, dir, map[string]string{journey.WorkspaceFile: string(wsSrc)})
			}
			cp := filepath.Join(dir, filepath.Base(f))
			if err := os.WriteFile(cp, src, 0o644); err != nil {
				t.Fatal(err)
			}
			before := findingsOf(t, cp)
			if strings.Contains(f, "/err/") && before == "" {
				t.Fatalf("no findings to compare; is the workspace copied?")
			}
			if r := cliRunArgs(t, "fmt", cp); r.code != 0 {
				t.Fatalf("fmt: %s", r)
			}
			if after := findingsOf(t, cp); after != before {
				t.Errorf("findings changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// findingsOf lists a file's lint findings without their positions.
func findingsOf(t *testing.T, file string) string {
	t.Helper()
	r := cliRunArgs(t, "lint", "--format", "json", "--fail-on", "info", file)
	var doc struct {
		Findings []struct{ Rule, Subject, Message, Severity string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("lint json: %v\n%s", err, r)
	}
	var out []string
	for _, f := range doc.Findings {
		out = append(out, f.Severity+" "+f.Rule+" "+f.Subject+" "+lineRef.ReplaceAllString(f.Message, "line N"))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// lineRef is a line number quoted in a message ("first given at line 6").
var lineRef = regexp.MustCompile(`line \d+`)
