package canon

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxCompare bounds the nodes sameData visits, so aliases cannot make the
// check explode (the decoder has already refused alias bombs).
const maxCompare = 2_000_000

// tooLarge is sameData's answer when the bound is reached.
const tooLarge = "too large to compare"

// sameData says how two documents differ as data ("" when they do not):
// aliases and merge keys resolved, mappings compared key by key, scalars by
// tag and value. Styles, comments and layout are not data.
func sameData(a, b *yaml.Node) string {
	c := &comparer{}
	if !c.equal(a, b, "") {
		if c.why == "" {
			c.why = "the data differ"
		}
		return c.why
	}
	return ""
}

type comparer struct {
	visited int
	why     string
}

func (c *comparer) differ(path, format string, args ...any) bool {
	if c.why == "" {
		c.why = "at " + strings.TrimPrefix(path, ".") + ": " + fmt.Sprintf(format, args...)
	}
	return false
}

func (c *comparer) equal(a, b *yaml.Node, path string) bool {
	c.visited++
	if c.visited > maxCompare {
		c.why = tooLarge
		return false
	}
	a, b = resolve(a), resolve(b)
	a, b = emptyDocument(a), emptyDocument(b)
	if a == nil || b == nil {
		if a != b {
			return c.differ(path, "one side is missing")
		}
		return true
	}
	if a.Kind != b.Kind {
		return c.differ(path, "kind %v became %v", a.Kind, b.Kind)
	}
	switch a.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		if len(a.Content) != len(b.Content) {
			return c.differ(path, "%d entries became %d", len(a.Content), len(b.Content))
		}
		for i := range a.Content {
			if !c.equal(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", path, i)) {
				return false
			}
		}
	case yaml.MappingNode:
		ma, mb := c.merged(a, 0), c.merged(b, 0)
		if c.visited > maxCompare {
			c.why = tooLarge
			return false
		}
		if len(ma) != len(mb) {
			return c.differ(path, "%d keys became %d", len(ma), len(mb))
		}
		for k, va := range ma {
			vb, ok := mb[k]
			if !ok {
				return c.differ(path, "key %q is gone", k.value)
			}
			if !c.equal(va, vb, path+"."+k.value) {
				return false
			}
		}
	case yaml.ScalarNode:
		if a.Tag != b.Tag {
			return c.differ(path, "type %s became %s", a.Tag, b.Tag)
		}
		if a.Tag != "!!null" && a.Value != b.Value {
			return c.differ(path, "%q became %q", a.Value, b.Value)
		}
	}
	return true
}

func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

type mapKey struct{ tag, value string }

// merged is a mapping's entries with merge keys applied as the decoder
// applies them: explicit keys win, earlier merges over later ones.
func (c *comparer) merged(m *yaml.Node, depth int) map[mapKey]*yaml.Node {
	out := map[mapKey]*yaml.Node{}
	c.visited += len(m.Content)
	if c.visited > maxCompare {
		return out
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := resolve(m.Content[i])
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, m.Content[i+1])
			continue
		}
		key := mapKey{k.Tag, k.Value}
		if k.Kind != yaml.ScalarNode {
			key = mapKey{"complex", fmt.Sprint(k.Line, ":", k.Column)}
		}
		if _, dup := out[key]; !dup {
			out[key] = m.Content[i+1]
		}
	}
	if depth > 16 {
		return out
	}
	for _, v := range merges {
		v = resolve(v)
		var srcs []*yaml.Node
		if v.Kind == yaml.SequenceNode {
			srcs = v.Content
		} else {
			srcs = []*yaml.Node{v}
		}
		for _, s := range srcs {
			s = resolve(s)
			if s == nil || s.Kind != yaml.MappingNode {
				continue
			}
			for k, val := range c.merged(s, depth+1) {
				if _, ok := out[k]; !ok {
					out[k] = val
				}
			}
		}
	}
	return out
}

// commentsIn lists the comments in a file's text, found by reading it
// line by line, outside quoted and block scalars (whose extents the tree
// gives). It is independent of where yaml.v3 attaches comments, so it
// notices one the parser dropped.
func commentsIn(src []byte, doc *yaml.Node) []string {
	lines := splitLines(src)
	skip := map[int][][2]int{} // line -> byte ranges inside scalars
	wholeLine := map[int]bool{}
	var walk func(n *yaml.Node, parent int, depth int)
	walk = func(n *yaml.Node, parent int, depth int) {
		if n == nil || depth > 10000 {
			return
		}
		switch n.Kind {
		case yaml.ScalarNode:
			switch {
			case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
				for l := range blockLines(lines, n, parent) {
					wholeLine[l] = true
				}
			case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
				quotedExtent(lines, n, skip)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i], parent, depth+1)
				walk(n.Content[i+1], n.Content[i].Column-1, depth+1)
			}
			return
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, n.Column-1, depth+1)
			}
			return
		}
		for _, c := range n.Content {
			walk(c, parent, depth+1)
		}
	}
	walk(doc, -1, 0)
	var out []string
	for i, l := range lines {
		if wholeLine[i+1] {
			continue
		}
		for j := 0; j < len(l); j++ {
			if l[j] != '#' || (j > 0 && l[j-1] != ' ' && l[j-1] != '\t') || inRanges(skip[i+1], j) {
				continue
			}
			out = append(out, strings.TrimSpace(l[j:]))
			break
		}
	}
	return out
}

func inRanges(rs [][2]int, j int) bool {
	for _, r := range rs {
		if j >= r[0] && j < r[1] {
			return true
		}
	}
	return false
}

// byteCol turns a 1-based character column into a byte offset in line.
func byteCol(line string, col int) int {
	off := 0
	for i := 1; i < col && off < len(line); i++ {
		_, size := utf8.DecodeRuneInString(line[off:])
		off += size
	}
	return off
}

// quotedExtent marks the bytes a quoted scalar covers, from its opening
// quote to its closing one, across lines.
func quotedExtent(lines []string, n *yaml.Node, skip map[int][][2]int) {
	ln := n.Line
	if ln < 1 || ln > len(lines) {
		return
	}
	q := byte('"')
	if n.Style&yaml.SingleQuotedStyle != 0 {
		q = '\''
	}
	start := byteCol(lines[ln-1], n.Column)
	if i := strings.IndexByte(lines[ln-1][start:], q); i >= 0 {
		start += i
	}
	j := start + 1
	for ln <= len(lines) {
		l := lines[ln-1]
		for ; j < len(l); j++ {
			switch {
			case q == '"' && l[j] == '\\':
				j++
			case l[j] == q && q == '\'' && j+1 < len(l) && l[j+1] == '\'':
				j++
			case l[j] == q:
				skip[ln] = append(skip[ln], [2]int{start, j + 1})
				return
			}
		}
		skip[ln] = append(skip[ln], [2]int{start, len(l)})
		ln, start, j = ln+1, 0, 0
	}
}

// blockLines lists the source lines a block scalar's text takes, after its header.
func blockLines(lines []string, n *yaml.Node, parent int) map[int]bool {
	out := map[int]bool{}
	from := -1
	for ln := n.Line + 1; ln <= len(lines); ln++ {
		l := lines[ln-1]
		if blankLine(l) {
			out[ln] = true
			continue
		}
		sp := len(l) - len(strings.TrimLeft(l, " "))
		if from < 0 {
			if sp <= parent {
				break
			}
			from = sp
		}
		if sp < from {
			break
		}
		out[ln] = true
	}
	return out
}

// treeComments lists the comments yaml.v3 attached to the tree.
func treeComments(n *yaml.Node, depth int) []string {
	if n == nil || depth > 10000 {
		return nil
	}
	var out []string
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for _, l := range strings.Split(c, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	for _, c := range n.Content {
		out = append(out, treeComments(c, depth+1)...)
	}
	return out
}

// sameComments says how two lists of comments differ as multisets.
func sameComments(a, b []string) string {
	count := map[string]int{}
	for _, c := range a {
		count[c]++
	}
	for _, c := range b {
		count[c]--
	}
	var lost, gained []string
	for c, n := range count {
		if n > 0 {
			lost = append(lost, c)
		}
		if n < 0 {
			gained = append(gained, c)
		}
	}
	sort.Strings(lost)
	sort.Strings(gained)
	switch {
	case len(lost) > 0:
		return fmt.Sprintf("the comment %q would be lost", lost[0])
	case len(gained) > 0:
		return fmt.Sprintf("the comment %q would appear twice", gained[0])
	}
	return ""
}

// keptComments refuses a file with a comment the YAML parser does not
// attach to any node (so fmt could not write it back).
func keptComments(src []byte, doc *yaml.Node) error {
	inText := commentsIn(src, doc)
	if why := sameComments(inText, treeComments(doc, 0)); why != "" {
		line := 1
		for i, l := range splitLines(src) {
			if c := strings.Index(l, "#"); c >= 0 && strings.Contains(why, fmt.Sprintf("%q", strings.TrimSpace(l[c:]))) {
				line = i + 1
				break
			}
		}
		return &Unsupported{Line: line, Column: 1, Message: "this comment is in a place fmt cannot keep it (" + why + "); move it above the key it is about"}
	}
	return nil
}

// emptyDocument reads a document holding only an empty null (`!` alone, say)
// as the empty document it is written as.
func emptyDocument(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == 0 { // what yaml.v3 gives for an empty text
		return &yaml.Node{Kind: yaml.DocumentNode}
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		c := n.Content[0]
		if c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Anchor == "" {
			return &yaml.Node{Kind: yaml.DocumentNode}
		}
	}
	return n
}
