package graphviz

import (
	"bytes"

	gv "github.com/journeymap/journeymap/third_party/go-graphviz"
)

// go-graphviz's ParseBytes replaces every node label that is "" with "\N"
// (the node's name); these keep label="" empty.

// --- label="" protection -------------------------------------------------

// emptyLabelSentinel stands in for label="" while go-graphviz parses the
// source, so that ParseBytes does not turn empty node labels into "\N".
const emptyLabelSentinel = "__journeymap_empty_label_8f3a__"

// protectEmptyLabels rewrites every `label=""` attribute (outside strings,
// HTML strings and comments) to label="<sentinel>". It returns the source
// unchanged and "" when there is nothing to protect.
func protectEmptyLabels(src []byte) ([]byte, string) {
	if !bytes.Contains(src, []byte(`""`)) {
		return src, ""
	}
	var out []byte
	last := 0
	n := len(src)
	prevIdent := "" // last identifier/quoted ID seen, when the next token may be '='
	sawEq := false
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == '/' && i+1 < n && src[i+1] == '/', c == '#' && atLineStart(src, i):
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				i = n
			} else {
				i += end + 4
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			j := i + 1
			for j < n && src[j] != '"' {
				// As in Graphviz's scanner, only \" is an escape.
				if src[j] == '\\' && j+1 < n && src[j+1] == '"' {
					j++
				}
				j++
			}
			if j >= n { // unterminated: Graphviz will report it
				i = n
				continue
			}
			val := src[i+1 : j]
			if sawEq && prevIdent == "label" && len(val) == 0 && !followedByPlus(src, j+1) {
				out = append(out, src[last:i+1]...)
				out = append(out, emptyLabelSentinel...)
				last = j
			}
			if sawEq {
				prevIdent, sawEq = "", false
			} else {
				prevIdent = string(val)
			}
			i = j + 1
		case c == '<':
			depth := 0
			j := i
			for ; j < n; j++ {
				if src[j] == '<' {
					depth++
				} else if src[j] == '>' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			prevIdent, sawEq = "", false
			i = j + 1
		case c == '=':
			sawEq = prevIdent != ""
			if !sawEq {
				prevIdent = ""
			}
			i++
		case isIDByte(c):
			j := i
			for j < n && isIDByte(src[j]) {
				j++
			}
			if sawEq {
				prevIdent, sawEq = "", false
			} else {
				prevIdent = string(src[i:j])
			}
			i = j
		default:
			prevIdent, sawEq = "", false
			i++
		}
	}
	if out == nil {
		return src, ""
	}
	out = append(out, src[last:]...)
	return out, emptyLabelSentinel
}

func isIDByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= 0x80 ||
		(c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func atLineStart(src []byte, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch src[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

func followedByPlus(src []byte, i int) bool {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
		case '+':
			return true
		default:
			return false
		}
	}
	return false
}

// fixEmptyLabels sets label back to "" on every object whose label is the
// sentinel (set directly or inherited from a default).
func fixEmptyLabels(root *gv.Graph, sentinel string) error {
	var walk func(g *gv.Graph) error
	walk = func(g *gv.Graph) error {
		if g.GetStr("label") == sentinel {
			if err := g.Set("label", ""); err != nil {
				return err
			}
		}
		sg, err := g.FirstSubGraph()
		for sg != nil && err == nil {
			if err = walk(sg); err != nil {
				return err
			}
			sg, err = sg.NextSubGraph()
		}
		return err
	}
	if err := walk(root); err != nil {
		return err
	}
	n, err := root.FirstNode()
	for n != nil && err == nil {
		if n.GetStr("label") == sentinel {
			if err := n.Set("label", ""); err != nil {
				return err
			}
		}
		e, err2 := root.FirstOut(n)
		for e != nil && err2 == nil {
			if e.GetStr("label") == sentinel {
				if err := e.Set("label", ""); err != nil {
					return err
				}
			}
			e, err2 = root.NextOut(e)
		}
		if err2 != nil {
			return err2
		}
		n, err = root.NextNode(n)
	}
	return err
}
