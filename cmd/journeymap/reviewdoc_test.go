package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
)

// reviewExample is a command in docs/review.md and the block of its
// output, fenced with four backticks as the markdown output holds fences.
var reviewExample = regexp.MustCompile("(?s)(<!-- example: ([^>]*) -->\n````\n)(.*?)(````\n)")

// TestReviewDocExamples: each example in docs/review.md is what the command
// prints, run from the repository root. TESTDATA_ACCEPT=1 rewrites them.
func TestReviewDocExamples(t *testing.T) {
	path := filepath.Join(cliRepoRoot, "docs", "review.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(cliRepoRoot)
	n := 0
	out := reviewExample.ReplaceAllStringFunc(string(doc), func(m string) string {
		g := reviewExample.FindStringSubmatch(m)
		r := cliRunArgs(t, strings.Fields(g[2])...)
		if r.code != 0 {
			t.Errorf("%s: %v", g[2], r)
		}
		n++
		return g[1] + r.stdout + g[4]
	})
	if n < 4 {
		t.Errorf("docs/review.md has %d examples, want 4", n)
	}
	golden.Check(t, path, []byte(out))
}
