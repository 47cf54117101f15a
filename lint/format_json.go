package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON prints the result as one JSON object (SPEC §6):
// {"findings": [...], "summary": {...}}, indented by two spaces.
//
// It writes one finding at a time, byte for byte as json.Encoder with
// SetIndent("", "  ") would write the whole object, so that a corpus with
// a hundred thousand findings is not held a second and third time as
// JSON text.
func WriteJSON(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode writes v as indented under prefix, without the encoder's
	// trailing newline.
	encode := func(v any, prefix string) error {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	bw.WriteString("{\n  \"findings\": [")
	for i, f := range r.Findings {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		if err := encode(f, "    "); err != nil {
			return err
		}
	}
	if len(r.Findings) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"summary\": ")
	if err := encode(r.Summary(), "  "); err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}
