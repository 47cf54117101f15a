package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
)

// docExample is a YAML block in docs/format.md followed by the block of
// findings journeymap prints for it.
var docExample = regexp.MustCompile("(### `(syntax|unknown-key|type|required|range|duplicate-id|unresolved-reference|version|file)`[^\n]*\n\n```yaml\n)([^`]*)(```\n\n```\n)((?:[^`]|`[^`]|``[^`])*)(```\n)")

// TestFormatDocExamples: every validation example in docs/format.md shows
// exactly what journeymap prints for it, so the reference cannot drift.
// TESTDATA_ACCEPT=1 rewrites the output blocks.
func TestFormatDocExamples(t *testing.T) {
	const path = "../../docs/format.md"
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	out := docExample.ReplaceAllStringFunc(string(doc), func(m string) string {
		g := docExample.FindStringSubmatch(m)
		rule, src := g[2], g[3]
		dir := t.TempDir()
		file := filepath.Join(dir, "upgrade.journey.yaml")
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		// The examples read as journeys of the examples workspace.
		set, err := journey.Load([]string{file}, journey.LoadOptions{Config: "../../examples/journeymap.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, f := range set.Findings {
			f.File = strings.TrimPrefix(f.File, dir+string(filepath.Separator))
			b.WriteString(f.String() + "\n")
		}
		if !strings.Contains(b.String(), "["+rule+"]") {
			t.Errorf("the %s example does not produce a %s finding:\n%s", rule, rule, b.String())
		}
		seen[rule] = true
		return g[1] + src + g[4] + b.String() + g[6]
	})
	for _, r := range journey.ValidationRules() {
		if r != journey.RuleFile && !seen[r] {
			t.Errorf("docs/format.md has no example for %s", r)
		}
	}
	golden.Check(t, path, []byte(out))
}
