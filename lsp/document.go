package lsp

import (
	"errors"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// document is an open editor buffer.
type document struct {
	uri     string
	path    string // the file it stands for, absolute
	version int
	text    string
}

// pathOf turns a file: URI into a path.
func pathOf(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", errors.New("journeymap reads only file: documents")
	}
	p := u.Path
	if windowsDrive().MatchString(p) {
		p = p[1:] // file:///C:/x is C:/x
	}
	return filepath.FromSlash(p), nil
}

// windowsDrive is a URI path that starts with a drive letter.
var windowsDrive = lazyre.New(`^/[A-Za-z]:`)

// uriOf turns an absolute path into a file: URI.
func uriOf(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x is file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// offset turns an LSP position (UTF-16 columns) into a byte offset of text.
// ok is false for a position past the end of its line or of the text.
func offset(text string, p Position) (int, bool) {
	if p.Line < 0 || p.Character < 0 {
		return 0, false
	}
	start := 0
	for line := 0; line < p.Line; line++ {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return len(text), false
		}
		start += i + 1
	}
	end := len(text)
	if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
		end = start + i
	}
	if end > start && text[end-1] == '\r' {
		end-- // a CRLF line ends before its \r
	}
	units := 0
	for i, r := range text[start:end] {
		if units >= p.Character {
			return start + i, units == p.Character
		}
		units += utf16Len(r)
	}
	return end, units == p.Character
}

// utf16Len is how many UTF-16 code units LSP counts for r.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2 // a surrogate pair
	}
	return 1
}

// position turns a 1-based line and a 1-based byte column (journeymap's
// finding positions, yaml.v3's) into an LSP position.
func position(text string, line, col int) Position {
	if line < 1 {
		line = 1
	}
	start := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	lineText := text[start:]
	if i := strings.IndexByte(lineText, '\n'); i >= 0 {
		lineText = lineText[:i]
	}
	// yaml.v3 counts columns in runes; journeymap's findings too.
	units, runes := 0, 1
	for _, r := range lineText {
		if runes >= col {
			break
		}
		units += utf16Len(r)
		runes++
	}
	return Position{Line: line - 1, Character: units}
}

// apply applies one content change. A range past the end is clamped to
// the end: an edit is never refused, so the buffer stays in step with the
// editor's.
func (d *document) apply(c TextDocumentContentChangeEvent) {
	if c.Range == nil {
		d.text = c.Text
		return
	}
	start, _ := offset(d.text, c.Range.Start)
	end, _ := offset(d.text, c.Range.End)
	if end < start {
		start, end = end, start
	}
	d.text = d.text[:start] + c.Text + d.text[end:]
}

// lineAt returns line n (0-based) of text, without its newline.
func lineAt(text string, n int) string {
	lines := strings.Split(text, "\n")
	if n < 0 || n >= len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n], "\r")
}

// wordRange finds the id-like word around a byte column of a line.
func wordRange(line string, col int) (start, end int) {
	isWord := func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf
	}
	start, end = col, col
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:start])
		if !isWord(r) {
			break
		}
		start -= size
	}
	for end < len(line) {
		r, size := utf8.DecodeRuneInString(line[end:])
		if !isWord(r) {
			break
		}
		end += size
	}
	return start, end
}
