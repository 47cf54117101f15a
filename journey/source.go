package journey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest journey or workspace file read. Real journeys are
// a few kilobytes; the bound keeps a mistaken path from eating memory.
const MaxFileSize = 8 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readLimited reads at most MaxFileSize bytes, reporting whether there was more.
func readLimited(r io.Reader) ([]byte, bool, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, false, err
	}
	if len(src) > MaxFileSize {
		return nil, true, nil
	}
	return src, false, nil
}

// checkText reports a file that is not UTF-8 text, at the first bad byte.
func (d *decoder) checkText(src []byte) bool {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		d.errorf(Pos{1, 1}, RuleFile, "file is UTF-16; save it as UTF-8")
		return false
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			d.errorf(Pos{line, col}, RuleFile, "file is not valid UTF-8 (byte 0x%02X at offset %d); save it as UTF-8", src[i], i)
			return false
		case r == 0:
			d.errorf(Pos{line, col}, RuleFile, "file contains a NUL byte; it looks binary, not a YAML text file")
			return false
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return true
}

// document checks that src is text and parses it, returning the document
// and its top-level node; an empty document reads as an empty mapping, so
// that its missing keys are reported. A nil root means the file could not
// be read as YAML at all (already reported).
func (d *decoder) document(src []byte) (root, top *yaml.Node) {
	if !d.checkText(src) || !d.checkEntries(src) {
		return nil, nil
	}
	root = d.parseYAML(bytes.TrimPrefix(src, utf8BOM))
	if root == nil {
		return nil, nil
	}
	if len(root.Content) > 0 {
		top = deref(root.Content[0])
	}
	if top == nil || isNull(top) {
		top = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	d.budget = 20*countNodes(root, 0) + 10000
	return root, top
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses one YAML document. It reports syntax errors at their line,
// and a second document as an error: a file holds one journey.
func (d *decoder) parseYAML(src []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &yaml.Node{Kind: yaml.DocumentNode}
		}
		d.syntaxError(src, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(Pos{extra.Line, 1}, RuleSyntax, "file holds more than one YAML document; put one journey in each file")
		// The extra document's Line is 0 for an empty document; point at its marker.
		if extra.Line == 0 {
			d.findings[len(d.findings)-1].Line = documentMarkerLine(src)
		}
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(src, err)
	}
	return &doc
}

func documentMarkerLine(src []byte) int {
	for i, l := range bytes.Split(src, []byte("\n")) {
		if i > 0 && bytes.HasPrefix(l, []byte("---")) {
			return i + 1
		}
	}
	return 1
}

func (d *decoder) syntaxError(src []byte, err error) {
	msg := err.Error()
	p := Pos{1, 1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 reports parser errors (unlike scanner errors) with a
		// 0-based line: "did not find expected ',' or ']'" names the line
		// before the one holding the unclosed bracket.
		if strings.HasPrefix(msg, "did not find expected") {
			n = min(n+1, bytes.Count(src, []byte("\n"))+1)
		}
		// It also names where the enclosing construct starts (a list item,
		// a mapping), not the line at fault; find that line.
		n = firstBadLine(src, n)
		p = Pos{n, firstNonSpace(src, n)}
	} else if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	if msg == "control characters are not allowed" {
		if cp, ok := firstControl(src); ok {
			p = cp
		}
	}
	d.errorf(p, RuleSyntax, "%s", fmt.Sprint(msg))
}

// firstBadLine returns the first line, at or after from, at which the file
// stops parsing: the smallest n such that its first n lines fail. Lines
// before the real problem parse, so a binary search finds it in a few
// parses.
func firstBadLine(src []byte, from int) int {
	lines := bytes.SplitAfter(src, []byte("\n"))
	fails := func(n int) bool {
		var node yaml.Node
		return yaml.Unmarshal(bytes.Join(lines[:n], nil), &node) != nil
	}
	lo, hi := max(from, 1), len(lines)
	if lo > hi || !fails(hi) {
		return from
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func firstNonSpace(src []byte, line int) int {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return 1
	}
	for i, c := range lines[line-1] {
		if c != ' ' && c != '\t' && c != '\r' {
			return i + 1
		}
	}
	return 1
}

func firstControl(src []byte) (Pos, bool) {
	line, col := 1, 1
	for _, r := range string(src) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7F, r >= 0x80 && r <= 0x9F:
			return Pos{line, col}, true
		}
		col++
	}
	return Pos{}, false
}
