package canon

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// scalar writes a scalar that is not a block scalar: plain where YAML reads
// the text back as the same string, else in the author's quotes (single
// quotes where they can hold the text, double quotes otherwise).
func scalar(n *yaml.Node, flow bool) string {
	v := n.Value
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	switch {
	case n.Style&yaml.TaggedStyle != 0:
		// The tag decides the type; keep the author's style.
		if !quoted && !strings.Contains(v, "\n") && strings.TrimSpace(v) == v {
			return v
		}
	case !quoted && n.Tag != "!!str":
		// A plain number, boolean, null or date: written as it was.
		return v
	case !quoted:
		// YAML read this very text, plain, as this string: it can be
		// written back as it is (the flow context only narrows what plain
		// text may hold), unless its lines were folded around a blank one.
		// A byte-order mark read inside the text would be dropped at the
		// start of a file, so that text is checked too.
		if !strings.ContainsAny(v, "\n\uFEFF") || plainOK(v, flow, "") {
			return v
		}
	default:
		if plainOK(v, flow, "") && !readsOtherwise(v) {
			return v
		}
	}
	if n.Style&yaml.DoubleQuotedStyle == 0 && singleQuotable(v) {
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return doubleQuoted(v)
}

// key writes a mapping key.
func key(k *yaml.Node) string {
	if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" && k.Style == 0 {
		return "<<"
	}
	return scalar(k, false)
}

// plainOK says whether s can be written plain and read back as the string
// s with the given tag ("!!str" when empty).
func plainOK(s string, flow bool, tag string) bool {
	if s == "" || len(s) > 1000 || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF || r == 0x2028 || r == 0x2029 || !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	first, size := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(",[]{}#&*!|>'\"%@`", first) {
		return false
	}
	if strings.ContainsRune("-?:", first) && (len(s) == size || s[size] == ' ') {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}:") {
		return false
	}
	// Let YAML itself say what the text reads as.
	doc := "k: " + s
	if flow {
		doc = "[" + s + "]"
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(doc), &n) != nil || len(n.Content) != 1 {
		return false
	}
	c := n.Content[0]
	if len(c.Content) < 1 {
		return false
	}
	c = c.Content[len(c.Content)-1]
	if tag == "" {
		tag = "!!str"
	}
	return c.Kind == yaml.ScalarNode && c.Style == 0 && c.Tag == tag && c.Value == s
}

// otherTypes are texts that YAML 1.1 readers (and people) take for numbers,
// booleans, nulls or dates; quoted, they keep their quotes.
var otherTypes = lazyre.New(`(?i)^(y|yes|n|no|on|off|true|false|null|~|[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9][0-9_]*([eE][-+]?[0-9]+)?|0[box][0-9a-f_]+|[-+]?[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|nan)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$`)

func readsOtherwise(s string) bool { return otherTypes().MatchString(s) }

// singleQuotable says whether single quotes can hold s on one line.
func singleQuotable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return utf8.ValidString(s)
}

// doubleQuoted writes s in double quotes with YAML escapes.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		case 0xFEFF:
			b.WriteString(`\uFEFF`)
		case utf8.RuneError:
			b.WriteString(`\uFFFD`)
		default:
			if r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) {
				fmt.Fprintf(&b, `\x%02X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
