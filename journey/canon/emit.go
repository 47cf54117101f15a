package canon

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/journeymap/journeymap/journey"
	"gopkg.in/yaml.v3"
)

// maxWidth is the widest a flow collection may run before it becomes block.
const maxWidth = 100

// printer writes the canonical text of one document. Its own emitter,
// rather than yaml.v3's encoder, because the encoder drops blank lines,
// moves comments and re-indents sequences.
type printer struct {
	src []string // the source's lines, without line ends, for blank lines and block scalars
	out []string // lines written
	// kept is how many lines must stay even if blank: a block scalar that
	// keeps its trailing blank lines (`|+`) owns them.
	kept int
	// levels are the block collections being written: their column in
	// the source and their indentation in the output.
	levels [][2]int
	// keyLine is the source line of the key or dash being written, where
	// its end-of-line comment was.
	keyLine int
	err     error
}

func emit(src []byte, doc *yaml.Node, kind Kind) ([]byte, error) {
	p := &printer{src: splitLines(src)}
	r := role{fields, journey.ObjJourney, newTable()}
	if kind == Workspace {
		r.obj = journey.ObjWorkspace
	}
	p.document(doc, r)
	if p.err != nil {
		return nil, p.err
	}
	for len(p.out) > p.kept && p.out[len(p.out)-1] == "" {
		p.out = p.out[:len(p.out)-1]
	}
	eol := "\n"
	if crlf(src) {
		eol = "\r\n"
	}
	var b bytes.Buffer
	for _, l := range p.out {
		b.WriteString(l)
		b.WriteString(eol)
	}
	return b.Bytes(), nil
}

func splitLines(src []byte) []string {
	lines := strings.Split(string(src), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // after the final line end: no line
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// crlf says whether the file's lines end in CRLF (judged by its first line end).
func crlf(src []byte) bool {
	i := bytes.IndexByte(src, '\n')
	return i > 0 && src[i-1] == '\r'
}

// srcLine is line n (1-based) of the source, or "" past its ends.
func (p *printer) srcLine(n int) string {
	if n < 1 || n > len(p.src) {
		return ""
	}
	return p.src[n-1]
}

func blankLine(s string) bool { return strings.TrimSpace(s) == "" }

func (p *printer) line(s string) { p.out = append(p.out, strings.TrimRight(s, " ")) }

// blank writes one empty line, never two in a row and never first.
func (p *printer) blank() {
	if len(p.out) > 0 && p.out[len(p.out)-1] != "" {
		p.out = append(p.out, "")
	}
}

// comment writes comment lines at an indentation; an empty line in the
// comment (YAML keeps one between a comment and what follows) stays one.
func (p *printer) comment(c string, indent int) {
	if c == "" {
		return
	}
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(c, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			p.blank()
			continue
		}
		p.out = append(p.out, pad+l)
	}
}

// blankBefore says whether the source had a blank line before an entry
// starting at line, above its head comment.
func (p *printer) blankBefore(line int, head string) bool {
	start := line
	if head != "" {
		start -= strings.Count(head, "\n") + 1
	}
	return start > 1 && blankLine(p.srcLine(start-1))
}

// blankBeforeFoot says whether a blank line separated a foot comment from
// the end of the node it follows.
func (p *printer) blankBeforeFoot(after int) bool {
	for n := after + 1; n <= len(p.src); n++ {
		l := strings.TrimSpace(p.srcLine(n))
		if l == "" {
			return true
		}
		if strings.HasPrefix(l, "#") {
			return false
		}
	}
	return false
}

// foot writes a foot comment after the node ending at line after. YAML
// attaches a comment below a block to its last key however far left it
// was written; it is written back at the level of the structure it was
// aligned with in the source (never deeper than the key), so that YAML
// attaches it the same way again.
func (p *printer) foot(c string, indent, after int) {
	if c == "" {
		return
	}
	if p.blankBeforeFoot(after) {
		p.blank()
	}
	if col, ok := p.commentColumn(c, after); ok {
		at := 0
		for i := len(p.levels) - 1; i >= 0; i-- {
			if p.levels[i][0] <= col {
				at = p.levels[i][1]
				break
			}
		}
		indent = min(indent, at)
	}
	p.comment(c, indent)
}

// commentColumn finds the 0-based column a comment starts at in the source,
// looking below line after.
func (p *printer) commentColumn(c string, after int) (int, bool) {
	first, _, _ := strings.Cut(strings.TrimLeft(c, "\n"), "\n")
	first = strings.TrimSpace(first)
	for n := after + 1; n <= len(p.src) && n <= after+200; n++ {
		l := p.srcLine(n)
		if t := strings.TrimSpace(l); t == first {
			return len(l) - len(strings.TrimLeft(l, " \t")), true
		}
	}
	return 0, false
}

// enter records that a block collection written at indent starts at source
// column col; leave undoes it.
func (p *printer) enter(col, indent int) { p.levels = append(p.levels, [2]int{col, indent}) }
func (p *printer) leave()                { p.levels = p.levels[:len(p.levels)-1] }

func (p *printer) document(doc *yaml.Node, r role) {
	if doc.Kind != yaml.DocumentNode {
		p.value("", doc, 0, r, "", 0)
		return
	}
	if p.explicitStart(doc) {
		p.comment(doc.HeadComment, 0)
		p.line("---")
	} else if doc.HeadComment != "" {
		p.comment(doc.HeadComment, 0)
		p.blank()
	}
	for _, c := range doc.Content {
		p.top(c, r)
	}
	p.foot(doc.FootComment, 0, lastLine(doc))
	if len(doc.Content) == 0 && doc.LineComment != "" {
		p.comment(doc.LineComment, 0)
	}
}

// explicitStart says whether the document starts with a `---` marker.
func (p *printer) explicitStart(doc *yaml.Node) bool {
	end := len(p.src)
	if len(doc.Content) > 0 && doc.Content[0].Line > 0 {
		end = doc.Content[0].Line
	}
	for n := 1; n <= end; n++ {
		l := p.srcLine(n)
		if l == "---" || strings.HasPrefix(l, "--- ") || strings.HasPrefix(l, "---\t") {
			return true
		}
	}
	return false
}

// top writes the document's top node.
func (p *printer) top(n *yaml.Node, r role) {
	switch {
	case n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0 && n.Anchor == "" && n.Style&yaml.TaggedStyle == 0:
		p.comment(n.HeadComment, 0)
		p.comment(n.LineComment, 0)
		p.entries(n, 0, "", r)
		p.foot(n.FootComment, 0, lastLine(n))
	case n.Kind == yaml.SequenceNode && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0 && n.Anchor == "" && n.Style&yaml.TaggedStyle == 0:
		p.comment(n.HeadComment, 0)
		p.comment(n.LineComment, 0)
		p.items(n, 0, r)
		p.foot(n.FootComment, 0, lastLine(n))
	default:
		if n.Kind != yaml.ScalarNode && n.Kind != yaml.AliasNode && !fitsFlow(n) {
			p.comment(n.HeadComment, 0) // value writes the others'
		}
		p.value("", n, 0, r, "", 0)
		p.foot(n.FootComment, 0, lastLine(n))
	}
}

// entries writes a block mapping's entries at indent. lead, when not
// empty, starts the first entry's line instead of the indentation (the
// "- " of a sequence item), whose head comments the caller has written.
func (p *printer) entries(m *yaml.Node, indent int, lead string, r role) {
	pad := strings.Repeat(" ", indent)
	p.enter(m.Column-1, indent)
	defer p.leave()
	ord := order(m, r)
	// An end-of-line comment on a sequence item's "- " line stays on that
	// line when the key order moves the entry it was written after: an
	// ignore comment there covers the findings that point at the item's
	// first line (SPEC §5), so moving it would bring them back.
	var dashComment string
	if lead != "" && len(ord) > 0 && ord[0] != 0 {
		k0, v0 := m.Content[0], m.Content[1]
		if v0.Line == k0.Line && (v0.Kind == yaml.ScalarNode || v0.Kind == yaml.AliasNode || fitsFlow(v0)) {
			dashComment = joinLine(k0.LineComment, v0.LineComment)
			savedK, savedV := k0.LineComment, v0.LineComment
			k0.LineComment, v0.LineComment = "", ""
			defer func() { k0.LineComment, v0.LineComment = savedK, savedV }()
		} else {
			dashComment = k0.LineComment
			saved := k0.LineComment
			k0.LineComment = ""
			defer func() { k0.LineComment = saved }()
		}
	}
	for i, at := range ord {
		k, v := m.Content[2*at], m.Content[2*at+1]
		if k.Kind != yaml.ScalarNode && k.Kind != yaml.AliasNode {
			p.fail(k, "a mapping or list used as a key cannot be formatted")
			return
		}
		keyComment := k.LineComment
		if i == 0 {
			keyComment = joinLine(dashComment, keyComment)
		}
		first := pad
		if i == 0 && lead != "" {
			first = lead
		} else {
			// In a sequence item, a blank line above the entry written
			// first in the source is above the "- ", not between entries:
			// items() keeps it there when the key order moves that entry down.
			if i > 0 && !(at == 0 && lead != "") && p.blankBefore(k.Line, k.HeadComment) {
				p.blank()
			}
			p.comment(k.HeadComment, indent)
		}
		ks := key(k)
		if k.Tag == "!!null" && k.Value == "" {
			ks = ""
		}
		if pr := props(k); pr != "" {
			// An anchor or tag ends at a space, so one separates it from the colon.
			ks = pr + " " + ks
		}
		if k.Kind == yaml.AliasNode {
			ks = "*" + k.Value + " "
		}
		p.keyLine = k.Line
		p.value(first+ks+":", v, indent, r.child(k.Value), keyComment, k.Column-1)
		p.foot(k.FootComment, indent, lastLine(v))
		p.foot(v.FootComment, indent, lastLine(v))
	}
}

// firstHead is the head comment of what a block mapping writes first,
// which a sequence item writes above its "- ".
func firstHead(m *yaml.Node, r role) (*yaml.Node, string) {
	if m.Kind != yaml.MappingNode || len(m.Content) == 0 {
		return nil, ""
	}
	k := m.Content[2*order(m, r)[0]]
	return k, k.HeadComment
}

// items writes a block sequence's items at indent.
func (p *printer) items(s *yaml.Node, indent int, r role) {
	pad := strings.Repeat(" ", indent)
	p.enter(s.Column-1, indent)
	defer p.leave()
	for i, e := range s.Content {
		head := e.HeadComment
		// A mapping item's first key may carry the comment above the item.
		var firstKey *yaml.Node
		var keyHead string
		if compactMapping(e) {
			firstKey, keyHead = firstHead(e, r.item())
		}
		origHead := head
		if compactMapping(e) && len(e.Content) > 0 && e.Content[0].HeadComment != "" {
			origHead = joinComments(head, e.Content[0].HeadComment)
		}
		if i > 0 && p.blankBefore(e.Line, origHead) {
			p.blank()
		}
		p.comment(head, indent)
		p.comment(keyHead, indent)
		if firstKey != nil {
			saved := firstKey.HeadComment
			firstKey.HeadComment = ""
			p.keyLine = e.Line
			p.value(pad+"-", e, indent, r.item(), "", s.Column-1)
			firstKey.HeadComment = saved
		} else {
			p.keyLine = e.Line
			p.value(pad+"-", e, indent, r.item(), "", s.Column-1)
		}
		p.foot(e.FootComment, indent, lastLine(e))
	}
}

func joinComments(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "\n" + b
}

// compactMapping says whether a sequence item mapping starts on the "- " line.
func compactMapping(e *yaml.Node) bool {
	return e.Kind == yaml.MappingNode && len(e.Content) > 0 && e.Anchor == "" &&
		e.Style&yaml.TaggedStyle == 0 && e.LineComment == "" && !fitsFlow(e)
}

// fitsFlow says whether a node is written in flow style: the author wrote
// it so, it has no comments inside, and it is empty or short enough.
// The width is checked where it is written; here only what the node allows.
func fitsFlow(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return false
	}
	if len(n.Content) == 0 {
		return true
	}
	return n.Style&yaml.FlowStyle != 0 && !innerComments(n, 0)
}

func innerComments(n *yaml.Node, depth int) bool {
	if depth > 10000 {
		return true
	}
	for _, c := range n.Content {
		if c.HeadComment != "" || c.LineComment != "" || c.FootComment != "" || innerComments(c, depth+1) {
			return true
		}
	}
	return false
}

// props are a node's anchor and explicit tag, as written before it.
func props(n *yaml.Node) string {
	var parts []string
	if n.Anchor != "" {
		parts = append(parts, "&"+n.Anchor)
	}
	if n.Style&yaml.TaggedStyle != 0 && n.Tag != "" {
		parts = append(parts, n.Tag)
	}
	return strings.Join(parts, " ")
}

// trail ends the line s with an end-of-line comment. The comment keeps
// the column it had in the source (on the key's line or the value's) where
// s leaves room, so comments an author aligned stay aligned; otherwise one
// space separates it.
func (p *printer) trail(valueLine int, s, c string) string {
	if c == "" || strings.Contains(c, "\n") {
		return withComment(s, c)
	}
	for _, n := range []int{p.keyLine, valueLine} {
		l := p.srcLine(n)
		at := strings.LastIndex(l, c)
		if at < 1 || strings.TrimRight(l[at:], " \t") != c || (l[at-1] != ' ' && l[at-1] != '\t') {
			continue
		}
		col := utf8.RuneCountInString(l[:at])
		if w := utf8.RuneCountInString(strings.TrimRight(s, " ")); w > 0 && w < col {
			return strings.TrimRight(s, " ") + strings.Repeat(" ", col-w) + c
		}
		break
	}
	return withComment(s, c)
}

func withComment(s, c string) string {
	if c == "" {
		return s
	}
	c = strings.ReplaceAll(c, "\n", " ")
	if s == "" {
		return c
	}
	return s + " " + c
}

// value writes v after the text head ("key:" or "-"), which starts the
// current line, at the indentation of the key or dash. keyComment is the
// key's end-of-line comment; parentIndent is the source column of the key
// or dash, for block scalars with an explicit indentation.
func (p *printer) value(head string, v *yaml.Node, indent int, r role, keyComment string, parentIndent int) {
	sep := " "
	if head == "" {
		sep = ""
	}
	pr := props(v)
	lineComments := joinLine(keyComment, v.LineComment)
	if !strings.HasSuffix(head, "-") && (v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode) {
		// A comment YAML gave the value of a key, written between the two:
		// it goes above the key. (A sequence item's is written by items.)
		p.comment(v.HeadComment, indent)
	}
	switch {
	case v.Kind == yaml.AliasNode:
		p.line(p.trail(v.Line, head+sep+"*"+v.Value, lineComments))
	case v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		prefix := head + sep
		if pr != "" {
			prefix += pr + " "
		}
		p.blockScalar(prefix, v, indent, lineComments, parentIndent)
	case v.Kind == yaml.ScalarNode:
		text := scalar(v, false)
		if v.Tag == "!!null" && v.Value == "" && pr == "" {
			p.line(p.trail(v.Line, head, lineComments))
			return
		}
		p.line(p.trail(v.Line, head+sep+joinSpace(pr, text), lineComments))
	case fitsFlow(v):
		text := head + sep + joinSpace(pr, flowText(v, r))
		if len(v.Content) == 0 || utf8.RuneCountInString(text) <= maxWidth {
			if !strings.HasSuffix(head, "-") {
				p.comment(v.HeadComment, indent)
			}
			p.line(p.trail(v.Line, text, lineComments))
			return
		}
		p.blockCollection(head, pr, v, indent, r, lineComments)
	default:
		p.blockCollection(head, pr, v, indent, r, lineComments)
	}
}

func joinLine(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

func joinSpace(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// blockCollection writes a non-empty mapping or sequence in block style.
func (p *printer) blockCollection(head, pr string, v *yaml.Node, indent int, r role, lineComments string) {
	item := strings.HasSuffix(head, "-")
	child := indent + 2
	if head == "" {
		child = indent
	}
	// A sequence item's head comment is written above its "- " by items.
	if item && v.Kind == yaml.MappingNode && pr == "" && lineComments == "" {
		// "- key: value", the rest of the mapping under the key.
		p.entries(v, child, head+" ", r)
		return
	}
	if head != "" || pr != "" || lineComments != "" {
		p.line(p.trail(v.Line, joinSpace(head, pr), lineComments))
	}
	if !item {
		p.comment(v.HeadComment, child)
	}
	if v.Kind == yaml.MappingNode {
		p.entries(v, child, "", r)
	} else {
		p.items(v, child, r)
	}
}

// flowText writes a flow collection on one line.
func flowText(n *yaml.Node, r role) string {
	var b strings.Builder
	switch n.Kind {
	case yaml.MappingNode:
		b.WriteByte('{')
		for i, at := range order(n, r) {
			if i > 0 {
				b.WriteString(", ")
			}
			k, v := n.Content[2*at], n.Content[2*at+1]
			if k.Kind == yaml.AliasNode {
				b.WriteString("*" + k.Value + " :")
			} else {
				b.WriteString(joinSpace(props(k), flowScalarKey(k)) + ":")
			}
			if s := flowValue(v, r.child(k.Value)); s != "" {
				b.WriteString(" " + s)
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, e := range n.Content {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(flowValue(e, r.item()))
		}
		b.WriteByte(']')
	}
	return b.String()
}

func flowScalarKey(k *yaml.Node) string {
	if k.Tag == "!!merge" && k.Style == 0 {
		return "<<"
	}
	return scalar(k, true)
}

func flowValue(v *yaml.Node, r role) string {
	pr := props(v)
	switch v.Kind {
	case yaml.AliasNode:
		return "*" + v.Value
	case yaml.ScalarNode:
		if v.Tag == "!!null" && v.Value == "" && pr == "" {
			return ""
		}
		if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return joinSpace(pr, doubleQuoted(v.Value))
		}
		return joinSpace(pr, scalar(v, true))
	}
	return joinSpace(pr, flowText(v, r))
}

// fail records the first construct that cannot be formatted.
func (p *printer) fail(n *yaml.Node, msg string) {
	if p.err == nil {
		p.err = &Unsupported{Line: n.Line, Column: n.Column, Message: msg}
	}
}

// lastLine is the last source line a node's text reaches, block scalars
// included. It does not follow aliases.
func lastLine(n *yaml.Node) int {
	return lastLineDepth(n, 0)
}

func lastLineDepth(n *yaml.Node, depth int) int {
	if n == nil || depth > 10000 {
		return 0
	}
	end := n.Line
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		end += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
	}
	for _, c := range n.Content {
		end = max(end, lastLineDepth(c, depth+1))
	}
	return end
}

// blockScalar copies a literal (|) or folded (>) scalar from the source,
// re-indented: re-folding it from its value could change where its lines
// break, and the author chose them.
func (p *printer) blockScalar(prefix string, v *yaml.Node, indent int, comments string, parentIndent int) {
	hdr := p.srcLine(v.Line)
	at := -1
	if c := v.Column - 1; c >= 0 && c < len(hdr) {
		if i := strings.IndexAny(hdr[c:], "|>"); i >= 0 {
			at = c + i
		}
	}
	if at < 0 {
		p.fail(v, "cannot find this block scalar's indicator")
		return
	}
	ind := hdr[at : at+1]
	digit := 0
	for j := at + 1; j < len(hdr) && strings.IndexByte("+-0123456789", hdr[j]) >= 0; j++ {
		ind += hdr[j : j+1]
		if hdr[j] >= '1' && hdr[j] <= '9' {
			digit = int(hdr[j] - '0')
		}
	}
	keep := strings.Contains(ind, "+")
	if !keep && !strings.Contains(ind, "-") && v.Value != "" && !strings.HasSuffix(v.Value, "\n") {
		// Clipped text at the very end of a file without a final newline
		// has none; the newline fmt adds must not join it.
		ind += "-"
	}
	from := -1
	if digit > 0 {
		from = parentIndent + digit
	}
	var body []string
	for n := v.Line + 1; n <= len(p.src); n++ {
		l := p.srcLine(n)
		if blankLine(l) {
			body = append(body, l)
			continue
		}
		sp := len(l) - len(strings.TrimLeft(l, " "))
		if from < 0 {
			if sp <= parentIndent {
				break // an empty scalar; this line is the next entry
			}
			from = sp
		}
		if sp < from {
			break
		}
		body = append(body, l)
	}
	if !keep {
		for len(body) > 0 && blankLine(body[len(body)-1]) {
			body = body[:len(body)-1]
		}
	}
	to := indent + 2
	if digit > 0 {
		to = indent + digit
	}
	p.line(p.trail(v.Line, prefix+ind, comments))
	pad := strings.Repeat(" ", to)
	for _, l := range body {
		if from >= 0 && len(l) > from {
			p.out = append(p.out, pad+l[from:])
		} else {
			p.out = append(p.out, "")
		}
	}
	if keep {
		p.kept = len(p.out)
	}
}
