package diff

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// FuzzCompare: no pair of inputs makes diff panic or write invalid JSON;
// a valid journey compared with itself has no changes and no findings
// introduced or fixed; and every change names its kind and subject.
func FuzzCompare(f *testing.F) {
	var seeds [][]byte
	for _, p := range []string{"edit/old.journey.yaml", "edit/new.journey.yaml"} {
		if src, err := os.ReadFile(filepath.Join("..", "testdata", "diff", p)); err == nil {
			seeds = append(seeds, src)
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "validate", "ok", "*.journey.yaml"))
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil && len(src) < 4096 {
			seeds = append(seeds, src)
		}
	}
	for i, a := range seeds {
		f.Add(a, seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, new := &journey.Set{}, &journey.Set{}
		old.AddSource("a.journey.yaml", a, nil, today)
		new.AddSource("a.journey.yaml", b, nil, today)
		r, err := Compare(old, new, Options{Lint: lint.Options{Today: today}})
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range Formats() {
			var out bytes.Buffer
			if err := Write(&out, r, format); err != nil {
				t.Fatal(err)
			}
			if format == "json" && !json.Valid(out.Bytes()) {
				t.Fatalf("invalid JSON:\n%s", out.String())
			}
		}
		for _, d := range r.Journeys {
			for _, c := range d.Changes {
				if c.Kind == "" || c.Subject == "" || c.Message == "" {
					t.Fatalf("a change without kind, subject or message: %+v", c)
				}
			}
		}
		self := &journey.Set{}
		self.AddSource("a.journey.yaml", a, nil, today)
		r, _ = Compare(old, self, Options{Lint: lint.Options{Today: today}})
		if r.Changed() {
			t.Fatalf("a journey differs from itself: %+v", r.Journeys[0].Changes)
		}
	})
}
