package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/journeymap/journeymap/internal/termstyle"
	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// Formats lists the output formats of diff.
func Formats() []string { return []string{"text", "markdown", "json"} }

// TextOptions controls the terminal format.
type TextOptions struct {
	Color bool // style with ANSI colours; only on a terminal and never with NO_COLOR
}

// Write prints the result in format (text, markdown or json).
func Write(w io.Writer, r *Result, format string, o ...TextOptions) error {
	switch format {
	case "json":
		return WriteJSON(w, r)
	case "markdown":
		return WriteMarkdown(w, r)
	default:
		var opts TextOptions
		if len(o) > 0 {
			opts = o[0]
		}
		return WriteText(w, r, opts)
	}
}

// WriteJSON prints the result as the JSON object of SPEC §6.
func WriteJSON(w io.Writer, r *Result) error {
	out := *r
	if out.Journeys == nil {
		out.Journeys = []*Journey{}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteText prints the changes for a terminal: a block per changed journey.
func WriteText(w io.Writer, r *Result, o TextOptions) error {
	st := newStyles(w, o.Color)
	var b strings.Builder
	for _, d := range r.Journeys {
		if d.Status == Unchanged {
			continue
		}
		fmt.Fprintf(&b, "%s  %s  %s\n", st.id.Render(d.ID), d.Status, st.faint.Render(sides(d, " → ")))
		for _, c := range d.Changes {
			fmt.Fprintf(&b, "  %s %s\n", st.mark(c.Kind).Render(mark(c.Kind)), c.Message)
		}
		if d.Status == Modified && d.Emotion.Changed() {
			before, after := sparklines(d.Emotion)
			fmt.Fprintf(&b, "  emotion  before %s  %s\n", before, statLine(d.Emotion.Average.Before, d.Emotion.Lowest.Before))
			fmt.Fprintf(&b, "           after  %s  %s\n", after, statLine(d.Emotion.Average.After, d.Emotion.Lowest.After))
		}
		for _, f := range d.Findings.Introduced {
			fmt.Fprintf(&b, "  %s  %s\n", st.removed.Render("introduced"), f)
		}
		for _, f := range d.Findings.Fixed {
			fmt.Fprintf(&b, "  %s       %s\n", st.added.Render("fixed"), f)
		}
		b.WriteString("\n")
	}
	b.WriteString(st.id.Render(summaryLine(r)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

type styles struct{ id, faint, added, removed, moved, changed lipgloss.Style }

func newStyles(w io.Writer, color bool) styles {
	r := termstyle.Renderer(w, color)
	s := r.NewStyle()
	return styles{
		id:      s.Bold(true),
		faint:   s.Faint(true),
		added:   s.Foreground(lipgloss.Color("10")).Bold(true),
		removed: s.Foreground(lipgloss.Color("9")).Bold(true),
		moved:   s.Foreground(lipgloss.Color("12")).Bold(true),
		changed: s.Foreground(lipgloss.Color("11")).Bold(true),
	}
}

func (s styles) mark(kind string) lipgloss.Style {
	switch mark(kind) {
	case "+":
		return s.added
	case "-":
		return s.removed
	case ">":
		return s.moved
	}
	return s.changed
}

func sides(d *Journey, arrow string) string {
	switch {
	case d.Old == "":
		return d.New
	case d.New == "":
		return d.Old
	case d.Old == d.New:
		return d.New
	}
	return d.Old + arrow + d.New
}

// mark is the one-character sign of a change in text output.
func mark(kind string) string {
	switch {
	case strings.HasSuffix(kind, "-added"):
		return "+"
	case strings.HasSuffix(kind, "-removed"):
		return "-"
	case strings.HasSuffix(kind, "-moved"):
		return ">"
	}
	return "~"
}

func summaryLine(r *Result) string {
	s := r.Summary
	var line string
	switch {
	case s.Changed == 0 && len(r.Invalid) == 0:
		return "No journey changes."
	case s.Changed == 0:
		line = "No changes in the journeys compared"
	default:
		line = fmt.Sprintf("%d of %s changed: %s, %s introduced, %d fixed", s.Changed, words.Count(s.Journeys, "journey"),
			words.Count(s.Changes, "change"), words.Count(s.Introduced, "finding"), s.Fixed)
	}
	switch {
	case s.Invalid == 1:
		line += "; 1 journey not compared: it does not validate"
	case s.Invalid > 1:
		line += fmt.Sprintf("; %d journeys not compared: they do not validate", s.Invalid)
	case len(r.Invalid) > 0:
		line += "; a workspace file does not validate"
	}
	return line
}

func statLine(avg, low any) string {
	if avg == nil {
		return "no scores"
	}
	l := low.(Low)
	return fmt.Sprintf("average %+.2f  lowest %s at %s", avg.(float64), signed(l.Score), l.Touchpoint)
}

// spark draws a score -2..2 as a bar; unscored is a dot, absent a space.
var spark = []string{"▁", "▂", "▄", "▆", "█"}

// sparklines draws the curves before and after on one set of columns: the
// touchpoints of both sides lined up by id (journey.AlignTouchpoints, as
// the emotion overlay does), so a column compares one touchpoint.
func sparklines(e Emotion) (before, after string) {
	ids := e.order
	line := func(ps []Point) string {
		by := map[string]*int{}
		has := map[string]bool{}
		for _, p := range ps {
			by[p.Touchpoint], has[p.Touchpoint] = p.Score, true
		}
		var b strings.Builder
		for _, id := range ids {
			switch s := by[id]; {
			case !has[id]:
				b.WriteString(" ")
			case s == nil:
				b.WriteString("·")
			default:
				b.WriteString(spark[*s+2])
			}
		}
		return b.String()
	}
	return line(e.Before), line(e.After)
}

// findingLine is a finding in one line for a comment: severity, rule, where.
func findingLine(f journey.Finding) string {
	return fmt.Sprintf("%s `%s` %s:%d — %s", f.Severity, f.Rule, f.File, f.Line, f.Message)
}
