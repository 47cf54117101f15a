// Package export writes journeys in formats other tools read: a Mermaid
// `journey` diagram for Markdown, the resolved model as JSON for scripts,
// and a row per touchpoint as CSV for spreadsheets (SPEC §6 "export").
package export

import (
	"fmt"
	"io"

	"github.com/journeymap/journeymap/journey"
)

// Formats lists the export formats.
func Formats() []string { return []string{"mermaid", "json", "csv"} }

// Write exports the journeys in format. The journeys must be valid
// (resolved without validation findings).
func Write(w io.Writer, js []*journey.Journey, format string) error {
	switch format {
	case "mermaid":
		return WriteMermaid(w, js)
	case "json":
		return WriteJSON(w, js)
	case "csv":
		return WriteCSV(w, js)
	}
	return fmt.Errorf("unknown export format %q", format)
}

// Score is the Mermaid task score of a touchpoint: emotion + 3, so -2..2
// becomes 1..5, and 3 (neutral) when unscored. Mermaid draws a score
// outside 1..5 off the chart, so it is clamped whatever the input.
func Score(t *journey.Touchpoint) int {
	if t.Emotion == nil {
		return 3
	}
	return min(5, max(1, t.Emotion.Score+3))
}
