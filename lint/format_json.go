package lint

import (
	"encoding/json"
	"io"

	"github.com/journeymap/journeymap/journey"
)

type jsonOutput struct {
	Findings []journey.Finding `json:"findings"`
	Summary  Summary           `json:"summary"`
}

// WriteJSON prints the result as one JSON object (SPEC §6):
// {"findings": [...], "summary": {...}}.
func WriteJSON(w io.Writer, r *Result) error {
	out := jsonOutput{Findings: r.Findings, Summary: r.Summary()}
	if out.Findings == nil {
		out.Findings = []journey.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
