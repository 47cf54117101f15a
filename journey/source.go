package journey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// Source is one file as read: the name the user knows it by, its text, its
// YAML tree with comments, where its lines start, where its comments are
// and which node each belongs to, and where its list items (stages,
// touchpoints) begin and end. A Journey or Workspace holds the Source it was
// parsed from; everything that needs the text (suppression comments, the
// source lines of the text format, fmt) asks the Source, so a file is read
// by one set of rules.
type Source struct {
	// Name is the file as the user knows it: the path as given or found,
	// "<stdin>", or "plan.journey.yaml@HEAD~1" for a git revision.
	Name string
	// Text is the file's content without a leading UTF-8 byte order mark,
	// which is removed here and nowhere else; positions count from it.
	Text []byte
	// Root is the YAML document with its comments, nil when the text is
	// not YAML (the findings say why).
	Root *yaml.Node

	lineStarts []int                 // byte offset of each line's start
	extents    map[*yaml.Node]Extent // every list item that is a mapping
	comments   []Comment
	// entries are the outermost entries starting on the lines comments
	// belong to, in document order; other lines are not indexed, so a
	// file without comments costs nothing here.
	entries []Extent
}

// Extent is where a node's text lies: from its first character up to, not
// including, where the next node outside it begins (or the end of the file).
// Two items written on one line have two extents that do not overlap.
type Extent struct {
	From, To Pos
}

// Contains says whether p lies inside the extent.
func (e Extent) Contains(p Pos) bool { return !p.Before(e.From) && p.Before(e.To) }

// Before says whether p comes before q in the file.
func (p Pos) Before(q Pos) bool { return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col }

// Comment is a YAML comment: where its `#` is, its text from the `#` on,
// and whether code precedes it on its line.
type Comment struct {
	Pos      Pos
	Text     string
	Trailing bool
	// target is the line of the node the comment belongs to: its own when
	// trailing, else the next line with content (0 when there is none).
	target int
}

func newSource(name string, raw []byte) *Source {
	s := &Source{Name: name, Text: bytes.TrimPrefix(raw, utf8BOM)}
	s.lineStarts = make([]int, 1, bytes.Count(s.Text, []byte("\n"))+1)
	for i, c := range s.Text {
		if c == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	return s
}

// Lines is the number of lines in the text.
func (s *Source) Lines() int { return len(s.lineStarts) }

// Line returns line n (1-based) without its line ending.
func (s *Source) Line(n int) (string, bool) {
	if n < 1 || n > len(s.lineStarts) || len(s.Text) == 0 {
		return "", false
	}
	start, end := s.lineStarts[n-1], len(s.Text)
	if n < len(s.lineStarts) {
		end = s.lineStarts[n] - 1
	}
	return strings.TrimSuffix(string(s.Text[start:end]), "\r"), true
}

// Offset is the byte offset in Text of p, whose column counts characters
// as yaml.v3 and findings do; ok is false for a position outside the text.
func (s *Source) Offset(p Pos) (offset int, ok bool) {
	line, ok := s.Line(p.Line)
	if !ok || p.Col < 1 {
		return 0, false
	}
	col := 1
	for i := range line {
		if col == p.Col {
			return s.lineStarts[p.Line-1] + i, true
		}
		col++
	}
	if col == p.Col { // just past the line's last character
		return s.lineStarts[p.Line-1] + len(line), true
	}
	return 0, false
}

// End is the position just past the last character of the text.
func (s *Source) End() Pos { return Pos{len(s.lineStarts) + 1, 1} }

// Comments lists the file's comments in order. Only text the YAML parser
// read as a comment counts, never a `#` inside a quoted string.
func (s *Source) Comments() []Comment { return s.comments }

// Extent returns where a list item of Root that is a mapping lies (a
// stage, a touchpoint, a `{text, owner}` entry); ok is false for any other
// node. Other nodes are left out to keep a large file's index small; their
// keys' positions say where they are.
func (s *Source) Extent(n *yaml.Node) (e Extent, ok bool) {
	e, ok = s.extents[n]
	return e, ok
}

// CommentTarget returns where the node a comment belongs to lies (SPEC
// §5): for a comment at the end of a line, the node (mapping entry or list
// item, with all inside it) that starts last on that line; for a comment on
// its own line, the one that starts first on the next line with content.
// Where no node starts on that line (inside a block scalar, say), it is the
// line itself; ok is false when the comment ends the file.
func (s *Source) CommentTarget(c Comment) (e Extent, ok bool) {
	if c.target == 0 {
		return Extent{}, false
	}
	if on := s.entriesOn(c.target); len(on) > 0 {
		if c.Trailing {
			return on[len(on)-1], true
		}
		return on[0], true
	}
	return Extent{From: Pos{c.target, 1}, To: Pos{c.target + 1, 1}}, true
}

// entriesOn returns the extents of the outermost entries that start on a
// line comments belong to; entries nested in one that starts on the same
// line are inside it and not listed.
func (s *Source) entriesOn(line int) []Extent {
	i := sort.Search(len(s.entries), func(i int) bool { return s.entries[i].From.Line >= line })
	j := i
	for j < len(s.entries) && s.entries[j].From.Line == line {
		j++
	}
	return s.entries[i:j:j]
}

// index records extents and comments once the text has parsed.
func (s *Source) index(root *yaml.Node) {
	s.Root = root
	s.extents = map[*yaml.Node]Extent{}
	s.findComments(root)
	targets := make([]bool, s.Lines()+1)
	for _, c := range s.comments {
		targets[c.target] = c.target > 0
	}
	s.walk(root, s.End(), 0, 0, targets)
}

// walk records the extents under n, which ends at end. parentLine is the
// line the innermost enclosing entry starts on (0 for none), so that only
// outermost entries are listed per line.
func (s *Source) walk(n *yaml.Node, end Pos, parentLine, depth int, targets []bool) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			s.walk(c, end, parentLine, depth+1, targets)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			to := end
			if i+1 < len(n.Content) {
				to = pos(n.Content[i+1])
			}
			if c.Kind == yaml.MappingNode {
				s.extents[c] = Extent{From: pos(c), To: to}
			}
			s.entry(pos(c), c, to, parentLine, depth, targets)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			to := end
			if i+2 < len(n.Content) {
				to = pos(n.Content[i+2])
			}
			s.entry(pos(n.Content[i]), n.Content[i+1], to, parentLine, depth, targets)
		}
	}
}

// entry records a mapping entry (from its key) or list item that ends at
// to, and walks its value. targets marks the lines comments belong to.
func (s *Source) entry(from Pos, value *yaml.Node, to Pos, parentLine, depth int, targets []bool) {
	e := Extent{From: from, To: to}
	if from.Line != parentLine && from.Line < len(targets) && targets[from.Line] {
		// The walk is in document order, so entries stay sorted.
		s.entries = append(s.entries, e)
	}
	s.walk(value, to, from.Line, depth+1, targets)
}

// maxDepth bounds the walks over a tree; yaml.v3 refuses deeper documents.
const maxDepth = 10000

// findComments finds each comment's position. yaml.v3 keeps comments on
// nodes but not where they were written (and attaches some to surprising
// nodes), so the lines are scanned for a `#` whose text the parser read as
// a comment.
func (s *Source) findComments(root *yaml.Node) {
	if !bytes.Contains(s.Text, []byte("#")) {
		return
	}
	known := map[string]bool{}
	var collect func(n *yaml.Node, depth int)
	collect = func(n *yaml.Node, depth int) {
		if n == nil || depth > maxDepth {
			return
		}
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for c != "" {
				var l string
				l, c, _ = strings.Cut(c, "\n")
				if l = strings.TrimSpace(l); l != "" {
					known[l] = true
				}
			}
		}
		for _, c := range n.Content {
			collect(c, depth+1)
		}
	}
	collect(root, 0)
	if len(known) == 0 {
		return
	}
	for n := 1; n <= s.Lines(); n++ {
		start, end := s.lineStarts[n-1], len(s.Text)
		if n < len(s.lineStarts) {
			end = s.lineStarts[n]
		}
		if bytes.IndexByte(s.Text[start:end], '#') < 0 {
			continue
		}
		line, _ := s.Line(n)
		for i := strings.IndexByte(line, '#'); i >= 0; {
			text := strings.TrimSpace(line[i:])
			if (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') && known[text] {
				c := Comment{Pos: Pos{n, utf8.RuneCountInString(line[:i]) + 1}, Text: text, Trailing: strings.TrimSpace(line[:i]) != ""}
				if c.Trailing {
					c.target = n
				}
				s.comments = append(s.comments, c)
				break
			}
			next := strings.IndexByte(line[i+1:], '#')
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	// A comment on its own line belongs to the next line with content:
	// one pass from the end finds it for every comment.
	next, k := 0, len(s.comments)-1
	for n := s.Lines(); n >= 1 && k >= 0; n-- {
		for ; k >= 0 && s.comments[k].Pos.Line == n; k-- {
			if !s.comments[k].Trailing {
				s.comments[k].target = next
			}
		}
		start, end := s.lineStarts[n-1], len(s.Text)
		if n < len(s.lineStarts) {
			end = s.lineStarts[n]
		}
		if t := bytes.TrimSpace(s.Text[start:end]); len(t) > 0 && t[0] != '#' {
			next = n
		}
	}
}

// MaxFileSize is the largest journey or workspace file read. Real journeys are
// a few kilobytes; the bound keeps a mistaken path from eating memory.
const MaxFileSize = 8 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkText reports a file that is not UTF-8 text, at the first bad byte.
func (d *decoder) checkText(src []byte) bool {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		d.errorf(Pos{1, 1}, RuleFile, "file is UTF-16; save it as UTF-8")
		return false
	}
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return true // the common case, checked fast; the walk below finds where a bad file goes wrong
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

// document checks that the source is text and parses it, indexing it and
// returning its top-level node; an empty document reads as an empty
// mapping, so that its missing keys are reported. A nil top means the file
// could not be read as YAML at all (already reported; src.Root stays nil).
func (d *decoder) document(src *Source) (top *yaml.Node) {
	d.src = src
	if !d.checkText(src.Text) || !d.checkEntries(src.Text) {
		return nil
	}
	root := d.parseYAML(src.Text)
	if root == nil {
		return nil
	}
	src.index(root)
	if len(root.Content) > 0 {
		top = deref(root.Content[0])
	}
	if top == nil || isNull(top) {
		top = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	d.budget = 20*countNodes(root, 0) + 10000
	return top
}

var yamlLine = lazyre.New(`^yaml: line (\d+): (.*)$`)

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
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
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
	} else {
		p, msg = explainSyntax(src, p, msg)
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
