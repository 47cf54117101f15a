package canon_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/journey/canon"
)

// FuzzFormat: whatever the input, Format does not panic; what it returns
// parses to the same journey and is a fixed point; and it never fails its
// own meaning check (ErrUnstable is a bug in fmt).
func FuzzFormat(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/fmt/*.in.yaml")
	more, _ := filepath.Glob("../../testdata/validate/*/*.journey.y*ml")
	for _, p := range append(seeds, more...) {
		if src, err := os.ReadFile(p); err == nil && len(src) < 4096 {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := canon.Format("f.journey.yaml", src, canon.Journey)
		if errors.Is(err, canon.ErrUnstable) {
			t.Fatalf("%v\ninput:\n%s", err, src)
		}
		if err != nil {
			return
		}
		checkFormatted(t, "f.journey.yaml", src, out, canon.Journey)
		if bytes.Equal(out, src) {
			return
		}
	})
}
