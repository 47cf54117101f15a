package canon_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey/canon"
)

// corpusFiles lists every YAML file of the examples and test corpora.
func corpusFiles(t testing.TB) []string {
	var files []string
	for _, g := range []string{"../../examples/*.yaml", "../../testdata/*/*.yaml", "../../testdata/*/*/*.yaml", "../../testdata/*/*/*.yml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("corpus too small: %d files", len(files))
	}
	return files
}

func TestCorpusScratch(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	for _, f := range corpusFiles(t) {
		src, _ := os.ReadFile(f)
		out, err := canon.Format(f, src, canon.KindOf(f, src))
		if err != nil {
			t.Logf("%s: %v", f, err)
			continue
		}
		rel := strings.TrimPrefix(f, "../../")
		os.MkdirAll("/tmp/cf/"+filepath.Dir(rel), 0o755)
		os.WriteFile("/tmp/cf/"+rel, out, 0o644)
	}
}
