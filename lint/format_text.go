package lint

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"

	"github.com/journeymap/journeymap/internal/termstyle"
	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// TextOptions controls the human-readable format.
type TextOptions struct {
	Color bool // style with ANSI colours; only on a terminal and never with NO_COLOR
}

type textStyles struct {
	pos, err, warn, info, rule, gutter, caret, summary lipgloss.Style
}

func newTextStyles(w io.Writer, color bool) textStyles {
	r := termstyle.Renderer(w, color)
	s := r.NewStyle()
	return textStyles{
		pos:     s.Bold(true),
		err:     s.Foreground(lipgloss.Color("9")).Bold(true),
		warn:    s.Foreground(lipgloss.Color("11")).Bold(true),
		info:    s.Foreground(lipgloss.Color("12")),
		rule:    s.Faint(true),
		gutter:  s.Faint(true),
		caret:   s.Foreground(lipgloss.Color("10")).Bold(true),
		summary: s.Bold(true),
	}
}

// WriteText prints each finding as `file:line:col: severity: message [rule]`
// followed by the source line and a caret under the offending column, then
// a summary line.
func WriteText(w io.Writer, r *Result, opts TextOptions) error {
	st := newTextStyles(w, opts.Color)
	var b bytes.Buffer
	for _, f := range r.Findings {
		sev := st.info
		switch f.Severity {
		case journey.Error:
			sev = st.err
		case journey.Warning:
			sev = st.warn
		}
		fmt.Fprintf(&b, "%s %s %s %s\n",
			st.pos.Render(fmt.Sprintf("%s:%d:%d:", printable(f.File), f.Line, f.Column)),
			sev.Render(f.Severity.String()+":"), printable(f.Message), st.rule.Render("["+f.Rule+"]"))
		if line, ok := sourceLine(r.Sources[f.File], f.Line); ok {
			gutter := fmt.Sprintf("%5d | ", f.Line)
			fmt.Fprintf(&b, "%s%s\n", st.gutter.Render(gutter), line)
			pad := strings.Repeat(" ", len(gutter)-2)
			fmt.Fprintf(&b, "%s%s%s\n", st.gutter.Render(pad+"| "), caretIndent(line, f.Column), st.caret.Render(underline(line, f.Column)))
		}
	}
	s := r.Summary()
	line := ""
	if len(r.Findings) == 0 {
		line = fmt.Sprintf("no problems in %s (%s)", words.Count(s.Journeys, "journey"), words.Count(s.Files, "file"))
	} else {
		line = fmt.Sprintf("%s, %s, %s in %s",
			words.Count(s.Errors, "error"), words.Count(s.Warnings, "warning"), words.Count(s.Info, "info"), words.Count(s.Files, "file"))
	}
	if bl := r.Baseline; bl != nil {
		if bl.Rev != "" {
			line += fmt.Sprintf("; %d left out (baselined or already at %s)", bl.Baselined, bl.Rev)
		} else {
			line += fmt.Sprintf("; %d baselined", bl.Baselined)
		}
		if bl.Stale > 0 {
			verb := "occur"
			if bl.Stale == 1 {
				verb = "occurs"
			}
			line += fmt.Sprintf(", %s in the baseline no longer %s (--write-baseline drops them)", words.Count(bl.Stale, "finding"), verb)
		}
	}
	fmt.Fprintf(&b, "%s\n", st.summary.Render(line))
	_, err := w.Write(b.Bytes())
	return err
}

// sourceLine returns line n (1-based) of src without its line ending; tabs
// are kept, and caretIndent copies them so that the caret lines up.
func sourceLine(src *journey.Source, n int) (string, bool) {
	if src == nil {
		return "", false
	}
	line, ok := src.Line(n)
	if !ok || !utf8.ValidString(line) || len(line) > 400 {
		return "", false
	}
	return printable(line), true
}

// printable replaces control characters (other than tab) with a visible
// placeholder of the same width, so that a hostile file cannot send escape
// sequences to the terminal through the quoted source line or a message.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && (r < 0x20 || r == 0x7F || r >= 0x80 && r <= 0x9F) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// caretIndent is the whitespace that puts the caret under column col,
// keeping tabs so the terminal aligns it the same way.
func caretIndent(line string, col int) string {
	var b strings.Builder
	i := 0
	for _, r := range line {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	return b.String()
}

// underline is a caret followed by tildes under the rest of the word at col.
func underline(line string, col int) string {
	runes := []rune(line)
	if col < 1 || col > len(runes) {
		return "^"
	}
	n := 0
	for _, r := range runes[col-1:] {
		if r == ' ' || r == '\t' || r == ':' || r == ',' || r == ']' || r == '}' || n >= 40 {
			break
		}
		n++
	}
	if n < 1 {
		n = 1
	}
	return "^" + strings.Repeat("~", n-1)
}
