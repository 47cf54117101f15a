package journey_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// FuzzParse: no input makes parsing, resolving or the flow graph panic, and
// every finding points at a real position.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"ok", "err"} {
		files, _ := filepath.Glob(filepath.Join(corpus, dir, "*.journey.y*ml"))
		for _, p := range files {
			if src, err := os.ReadFile(p); err == nil && len(src) < 4096 {
				f.Add(src)
			}
		}
	}
	ws, _ := journey.ParseWorkspace("journeymap.yaml", []byte("version: 1\nowners: {a: {}}\nchannels: {app: {kind: digital, owner: a}}\npersonas: {p: {}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		j, fs := journey.Parse("f.journey.yaml", src)
		fs = append(fs, journey.Resolve(j, ws)...)
		for _, fd := range fs {
			if fd.Line < 1 || fd.Column < 1 {
				t.Fatalf("finding without a position: %s", fd)
			}
			if fd.Subject == "" {
				t.Fatalf("finding without a subject: %s", fd)
			}
		}
		for _, tp := range j.Touchpoints() {
			if !tp.Contains(tp.Pos) {
				t.Fatalf("touchpoint %q at %+v lies outside its extent %+v", tp.ID.Value, tp.Pos, tp.Extent)
			}
		}
		j.Flow.MainPath()
		j.Flow.Reachable()
	})
}
