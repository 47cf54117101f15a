package lint

import (
	"bytes"
	"encoding/json"
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
