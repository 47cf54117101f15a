package lint_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.json")
	f := func(file, rule string, subject journey.Subject, line int) journey.Finding {
		return journey.Finding{File: filepath.Join(dir, file), Journey: "j", Rule: rule, Subject: subject, Line: line, Column: 1}
	}
	findings := []journey.Finding{
		f("z.journey.yaml", "missing-owner", "touchpoint:b", 9),
		f("a.journey.yaml", "missing-owner", "touchpoint:b", 3),
		f("a.journey.yaml", "missing-owner", "touchpoint:b", 30),
		f("a.journey.yaml", "emotional-cliff", "touchpoint:a", 1),
	}
	b := lint.NewBaseline(path, findings)
	want := `{
  "version": 1,
  "findings": [
    {
      "file": "a.journey.yaml",
      "journey": "j",
      "rule": "emotional-cliff",
      "subject": "touchpoint:a",
      "count": 1
    },
    {
      "file": "a.journey.yaml",
      "journey": "j",
      "rule": "missing-owner",
      "subject": "touchpoint:b",
      "count": 2
    },
    {
      "file": "z.journey.yaml",
      "journey": "j",
      "rule": "missing-owner",
      "subject": "touchpoint:b",
      "count": 1
    }
  ]
}
`
	if got := string(b.Marshal()); got != want {
		t.Fatalf("baseline:\n%s\nwant:\n%s", got, want)
	}
	back, err := lint.ParseBaseline(path, b.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	// Lines moved, and one more finding of a baselined kind appeared.
	later := append([]journey.Finding{f("a.journey.yaml", "missing-owner", "touchpoint:b", 99)}, findings...)
	for i := range later {
		later[i].Line += 7
	}
	res := back.Apply(path, later)
	if res.Baselined != 4 || len(res.Findings) != 1 || res.Stale != 0 {
		t.Errorf("apply: %+v", res)
	}
	res = back.Apply(path, findings[:1])
	if res.Baselined != 1 || len(res.Findings) != 0 || res.Stale != 3 {
		t.Errorf("apply after fixes: %+v", res)
	}
}

func FuzzParseBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"file": "a", "journey": "j", "rule": "r", "subject": "journey", "count": 2}]}`))
	f.Add([]byte(`{"version": 2}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, src []byte) {
		b, err := lint.ParseBaseline("b.json", src)
		if err != nil {
			return
		}
		// What parses applies without trouble and writes back the same entries.
		b.Apply("b.json", []journey.Finding{{File: "a", Journey: "j", Rule: "r", Subject: "journey"}})
		again, err := lint.ParseBaseline("b.json", b.Marshal())
		if err != nil || !bytes.Equal(again.Marshal(), b.Marshal()) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
