package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/journeymap/journeymap/journey"
)

// WriteJSON prints the result as one JSON object (SPEC §6):
// {"findings": [...], "summary": {...}}, indented by two spaces.
//
// It writes one finding at a time, byte for byte as json.Encoder with
// SetIndent("", "  ") would write the whole object, so that a corpus with
// a hundred thousand findings is not held a second and third time as
// JSON text.
func WriteJSON(w io.Writer, r *Result) error {
	// A corpus report runs to megabytes: write it in large pieces, not in
	// thousands of 4 KB writes.
	bw := bufio.NewWriterSize(w, 64<<10)
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
	var line []byte
	for i, f := range r.Findings {
		line = line[:0]
		if i > 0 {
			line = append(line, ',')
		}
		line = append(line, "\n    "...)
		line = appendFinding(line, &f)
		if _, err := bw.Write(line); err != nil {
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

// appendFinding appends f as json.Encoder with SetIndent("    ", "  ") and
// SetEscapeHTML(false) writes it, without the trailing newline. A corpus
// report holds tens of thousands of findings, and the reflecting encoder
// plus its indenting pass were most of the time spent writing them after
// every journey had been linted (TestWriteJSONStreams and
// TestAppendFindingIsEncoderJSON hold the two to the same bytes).
func appendFinding(b []byte, f *journey.Finding) []byte {
	b = append(b, "{\n      \"file\": "...)
	b = appendJSONString(b, f.File)
	b = append(b, ",\n      \"line\": "...)
	b = strconv.AppendInt(b, int64(f.Line), 10)
	b = append(b, ",\n      \"column\": "...)
	b = strconv.AppendInt(b, int64(f.Column), 10)
	b = append(b, ",\n      \"rule\": "...)
	b = appendJSONString(b, f.Rule)
	b = append(b, ",\n      \"severity\": "...)
	b = appendJSONString(b, f.Severity.String())
	b = append(b, ",\n      \"message\": "...)
	b = appendJSONString(b, f.Message)
	if f.Journey != "" {
		b = append(b, ",\n      \"journey\": "...)
		b = appendJSONString(b, f.Journey)
	}
	b = append(b, ",\n      \"subject\": "...)
	b = appendJSONString(b, string(f.Subject))
	return append(b, "\n    }"...)
}

// appendJSONString appends s quoted as encoding/json quotes it without
// HTML escaping: the quote and the backslash escaped, other printable
// characters and valid UTF-8 as they are. A string with a control
// character, invalid UTF-8 or U+2028/U+2029 goes through encoding/json
// itself, so those come out exactly as before.
func appendJSONString(b []byte, s string) []byte {
	mark := len(b)
	b = append(b, '"')
	start := 0 // s[start:i] is yet to be written
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, s[start:i]...)
			b = append(b, '\\', c)
			start = i + 1
			continue
		case c >= 0x20 && c < utf8.RuneSelf:
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && size == 1) && r != '\u2028' && r != '\u2029' {
				i += size - 1
				continue
			}
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s) // a string always encodes
		return append(b[:mark], bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
