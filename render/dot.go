package render

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// dotWriter builds DOT text. Every piece of user text goes through html()
// (for HTML-like labels) or id() (for quoted identifiers), so no name, label
// or pain point can change the structure of the graph.
type dotWriter struct {
	b      strings.Builder
	indent int
}

func (w *dotWriter) line(format string, args ...any) {
	w.b.WriteString(strings.Repeat("  ", w.indent))
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w *dotWriter) open(format string, args ...any) {
	w.line(format+" {", args...)
	w.indent++
}

func (w *dotWriter) close() {
	w.indent--
	w.line("}")
}

func (w *dotWriter) bytes() []byte { return []byte(w.b.String()) }

// id quotes s as a DOT identifier (a node name or an attribute value).
// Inside quotes DOT treats only \" as an escape, and keeps \\ as two
// characters; a name with a backslash is therefore written as an HTML
// string, which keeps it literal. Entity-like text (&amp;) is escaped
// because Graphviz's SVG writer passes entities through unchanged, which
// would show "p&amp;q" as "p&q". Control characters become spaces.
func id(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = entityLike().ReplaceAllString(s, "&amp;$1")
	if strings.Contains(s, `\`) && !strings.ContainsAny(s, "<>&") {
		return "<" + s + ">"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// entityLike matches an & that starts something an XML reader would take
// for an entity or character reference.
var entityLike = lazyre.New(`&(#?[A-Za-z0-9]+;)`)

// tooltip quotes text for attributes that Graphviz reads as escString
// (\N, \G, \l... are substituted there) and writes into SVG attributes:
// a backslash must survive both, so it is written as four.
func tooltip(s string) string {
	s = strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = entityLike().ReplaceAllString(s, "&amp;$1")
	s = strings.ReplaceAll(s, `\`, `\\\\`)
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// names hands out node names for a view's own helper nodes (stage bands,
// grid lines, placeholders) that cannot collide with touchpoint ids, which
// may be any string.
type names map[string]bool

func (n names) reserve(name string) { n[name] = true }

func (n names) fresh(base string) string {
	name := base
	for i := 2; n[name]; i++ {
		name = fmt.Sprintf("%s~%d", base, i)
	}
	n[name] = true
	return name
}

// html escapes text for an HTML-like label. Besides markup, Graphviz
// substitutes \N, \G and friends even inside HTML labels, so a backslash
// is doubled to stay literal.
func html(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '[':
			b.WriteString("&#91;")
		case ']':
			b.WriteString("&#93;")
		case '{':
			b.WriteString("&#123;")
		case '}':
			b.WriteString("&#125;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if isBidiControl(r) {
				continue // an override would reorder the rest of the label
			}
			if unicode.IsControl(r) {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width runes at spaces (a long word
// is cut), escapes each line and joins them with <BR/>.
func wrap(text string, width int) string {
	lines := wrapLines(text, width)
	for i, l := range lines {
		lines[i] = html(l)
	}
	return strings.Join(lines, `<BR ALIGN="LEFT"/>`)
}

// wrapCentered is wrap for centred text.
func wrapCentered(text string, width int) string {
	lines := wrapLines(text, width)
	for i, l := range lines {
		lines[i] = html(l)
	}
	return strings.Join(lines, `<BR/>`)
}

// wrapLines breaks text into lines at most width average characters wide
// (measured with the font's real advances, so CJK text gets about half as
// many characters a line), escapes nothing. See breakLines.
func wrapLines(text string, width int) []string {
	return breakLines(newMeasurer(), text, float64(width)*avgCharEm, 1, false)
}

// textWidth is the WIDTH attribute a table cell needs so that lines of
// text at size points fit in it as the font really draws them: Graphviz
// estimates non-Latin text narrower than it is (CJK by about a sixth), so
// without it a browser shows such text crossing its box. pad is the
// cell's padding on each side.
func textWidth(text string, width int, size float64, bold bool, pad float64) string {
	m := newMeasurer()
	w := 0.0
	for _, l := range wrapLines(text, width) {
		w = max(w, m.width(l, size, bold))
	}
	return fmt.Sprintf(` WIDTH="%.0f"`, math.Ceil(w+2*pad+1))
}

// avgCharEm is the width of an average character of running text, in em:
// the unit wrap widths given in characters are converted with.
const avgCharEm = 0.52

// isBidiControl says whether r is a bidirectional embedding, override or
// isolate control. User text loses them: a stray U+202E would draw the
// rest of a label backwards (and could disguise it). Right-to-left
// scripts need none of them to be drawn right to left.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// signed spells an emotion score with a real minus sign: +1, 0, −2.
func signed(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprintf("−%d", -n)
	}
	return "0"
}
