package portfolio

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/journeymap/journeymap/internal/termstyle"
	"github.com/journeymap/journeymap/internal/words"
)

// Formats lists the output formats of report.
func Formats() []string { return []string{"text", "markdown", "json", "csv"} }

// TextOptions controls the terminal table.
type TextOptions struct {
	Width int  // the terminal's width in columns; 0 means 100
	Color bool // bold headings; only on a terminal
}

// Write prints the table in format.
func Write(w io.Writer, t *Table, format string, o TextOptions) error {
	switch format {
	case "json":
		return WriteJSON(w, t)
	case "csv":
		return WriteCSV(w, t)
	case "markdown":
		return WriteMarkdown(w, t)
	default:
		return WriteText(w, t, o)
	}
}

// WriteJSON prints {"by": ..., "rows": [...], "total": {...}} with the
// columns' snake_case keys in column order.
func WriteJSON(w io.Writer, t *Table) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"by\": %q,\n  \"rows\": [", t.By)
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    " + object(t.Columns, r))
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]")
	if t.Total != nil {
		b.WriteString(",\n  \"total\": " + object(t.Columns, t.Total))
	}
	b.WriteString("\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

func object(cols []Column, r Row) string {
	var parts []string
	for _, c := range cols {
		v, _ := json.Marshal(r[c.Key])
		k, _ := json.Marshal(c.Key)
		parts = append(parts, string(k)+": "+string(v))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// WriteCSV prints the columns' keys, then a row each and the total (RFC 4180).
func WriteCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	var head []string
	for _, c := range t.Columns {
		head = append(head, c.Key)
	}
	cw.Write(head)
	rows := t.Rows
	if t.Total != nil {
		rows = append(rows[:len(rows):len(rows)], t.Total)
	}
	for _, r := range rows {
		var rec []string
		for _, c := range t.Columns {
			rec = append(rec, raw(r[c.Key]))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func raw(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// display is a column as people read it: pairs shown as "3/5", the lowest
// emotion with where it is.
type display struct {
	header string
	value  func(Row) string
}

func displayColumns(cols []Column) []display {
	keys := map[string]bool{}
	for _, c := range cols {
		keys[c.Key] = true
	}
	var out []display
	for _, c := range cols {
		switch {
		case keys[c.Key+"_documented"] || c.Key == "moments" && keys["moments_measured"]:
			continue // shown with its "of all" partner
		case strings.HasSuffix(c.Key, "_documented") || c.Key == "moments_measured":
			part := strings.TrimSuffix(strings.TrimSuffix(c.Key, "_documented"), "_measured")
			header := map[string]string{"handoffs": "Handoffs documented", "moments": "Moments measured",
				"handoffs_in": "Handoffs in (documented)", "handoffs_out": "Handoffs out (documented)"}[part]
			k := c.Key
			out = append(out, display{header, func(r Row) string { return fmt.Sprintf("%s/%s", cellText(r[k]), cellText(r[part])) }})
		case c.Key == "emotion_low_at":
			continue
		case c.Key == "emotion_low":
			out = append(out, display{"Lowest emotion", func(r Row) string {
				if r["emotion_low"] == nil {
					return "–"
				}
				return fmt.Sprintf("%s at %s", cellText(r["emotion_low"]), r["emotion_low_at"])
			}})
		default:
			k := c.Key
			out = append(out, display{c.Header, func(r Row) string { return cellText(r[k]) }})
		}
	}
	return out
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return "–"
	case float64:
		return strconv.FormatFloat(x, 'f', 2, 64)
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}

// WriteText prints a table sized to the terminal: columns shrink and
// cells wrap to fit the width.
func WriteText(w io.Writer, t *Table, o TextOptions) error {
	width := o.Width
	if width <= 0 {
		width = 100
	}
	r := termstyle.Renderer(w, o.Color)
	cols := displayColumns(t.Columns)
	var head, legend []string
	for _, c := range cols {
		// Short headings leave the width to the values; a legend follows.
		h := c.header
		if short, ok := shortHeaders[h]; ok {
			h = short
			legend = append(legend, short+" = "+strings.ToLower(c.header))
		}
		head = append(head, h)
	}
	rows := t.Rows
	if t.Total != nil {
		rows = append(rows[:len(rows):len(rows)], t.Total)
	}
	// The table takes the room its cells need, with a space either side
	// when that fits the terminal; else without; else it shrinks to the
	// width, wrapping cells.
	build := func(pad int) *table.Table {
		header := r.NewStyle().Bold(true).Padding(0, pad)
		cell := r.NewStyle().Padding(0, pad)
		tb := table.New().Border(lipgloss.NormalBorder()).BorderColumn(true).Headers(head...).
			StyleFunc(func(row, col int) lipgloss.Style {
				if row == table.HeaderRow || (t.Total != nil && row == len(rows)-1) {
					return header
				}
				return cell
			})
		for _, row := range rows {
			var rec []string
			for _, c := range cols {
				rec = append(rec, c.value(row))
			}
			tb.Row(rec...)
		}
		return tb
	}
	fits := func(s string) bool {
		first, _, _ := strings.Cut(s, "\n")
		return lipgloss.Width(first) <= width
	}
	out := build(1).Render()
	if !fits(out) {
		out = build(0).Render()
	}
	if !fits(out) {
		out = build(0).Width(width).Render()
	}
	out += "\n"
	if len(legend) > 0 {
		out += strings.Join(words.Wrap(strings.Join(legend, "; "), width), "\n") + "\n"
	}
	_, err := io.WriteString(w, out)
	return err
}

// shortHeaders are the text table's headings where the full one is long.
var shortHeaders = map[string]string{
	"Touchpoints": "TPs", "Channels": "Chans", "Channel changes": "Hops", "Handoffs documented": "Handoffs",
	"Owned %": "Owned%", "Moments measured": "MoTs", "Emotion avg": "Avg", "Lowest emotion": "Lowest",
	"Errors": "Err", "Warnings": "Warn", "Days since review": "Days", "Unowned seams": "Unowned",
	"Handoffs in (documented)": "In", "Handoffs out (documented)": "Out", "Inconsistent": "Incons",
	"Journeys": "Jnys", "Findings": "Finds", "Moments": "MoTs",
}

// WriteMarkdown prints a GitHub table, the total row in bold.
func WriteMarkdown(w io.Writer, t *Table) error {
	cols := displayColumns(t.Columns)
	var b strings.Builder
	fmt.Fprintf(&b, "### Portfolio by %s\n\n|", t.By)
	for _, c := range cols {
		b.WriteString(" " + c.header + " |")
	}
	b.WriteString("\n|")
	for range cols {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	row := func(r Row, bold bool) {
		b.WriteString("|")
		for _, c := range cols {
			v := mdCell(c.value(r))
			if bold {
				v = "**" + v + "**"
			}
			b.WriteString(" " + v + " |")
		}
		b.WriteString("\n")
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	if t.Total != nil {
		row(t.Total, true)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "\n", " ").Replace(s)
}
