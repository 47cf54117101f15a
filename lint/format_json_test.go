package lint

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestWriteJSONStreams: the finding-by-finding writer prints exactly what
// one json.Encoder (two-space indent, no HTML escaping) prints for the
// whole object, for no findings, one, and several with markup and Unicode.
func TestWriteJSONStreams(t *testing.T) {
	f := journey.Finding{File: "a <b>.journey.yaml", Line: 3, Column: 7, Rule: "missing-owner", Severity: journey.Warning,
		Message: `touchpoint "x & y" has no owner → <fix>`, Journey: "j", Subject: "touchpoint:x & y"}
	for _, fs := range [][]journey.Finding{nil, {f}, {f, f, {File: "b", Line: 1, Column: 1, Rule: "syntax", Message: "é\u2028\t"}}} {
		r := &Result{Findings: fs, Files: 2, Journeys: 1}
		var got bytes.Buffer
		if err := WriteJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		want := struct {
			Findings []journey.Finding `json:"findings"`
			Summary  Summary           `json:"summary"`
		}{fs, r.Summary()}
		if want.Findings == nil {
			want.Findings = []journey.Finding{}
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(want); err != nil {
			t.Fatal(err)
		}
		if got.String() != b.String() {
			t.Errorf("%d findings: got\n%s\nwant\n%s", len(fs), got.String(), b.String())
		}
	}
}

// TestAppendFindingIsEncoderJSON: the hand-written finding encoder gives
// json.Encoder's bytes for strings that need every kind of escape, and
// without a journey (omitempty).
func TestAppendFindingIsEncoderJSON(t *testing.T) {
	strs := []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x00\x01\x08\x0c\x1f\x7f",
		"<html> & 'apos'", "del \x7f", `\"\\n`, "é → ✓", "\u2028\u2029", "bad \xff\xfe utf-8", "emoji 😀"}
	for i, s := range strs {
		f := journey.Finding{File: s, Line: i, Column: -i, Rule: s, Severity: journey.Severity(i % 3), Message: s, Journey: strs[(i+1)%len(strs)], Subject: journey.Subject(s)}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
		if got := string(appendFinding(nil, &f)) + "\n"; got != want.String() {
			t.Errorf("%q: got\n%s\nwant\n%s", s, got, want.String())
		}
	}
}

// FuzzJSONString: the hand-written string quoting of the JSON report gives
// encoding/json's bytes (no HTML escaping) for any string.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `a "quoted" \ path`, "é → ✓", "a\u2028b", "é\"\\", "\xe2\x80", "\xff", "tab\t", "del\x7f", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString([]byte("x"), s)); got != "x"+strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("%q: got %s, want %s", s, got, want.String())
		}
	})
}
