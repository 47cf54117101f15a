package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// detailsAfter is how many changes a journey's table shows before the rest
// folds away: a pull-request comment stays short when the change is small
// and readable when it is not.
const detailsAfter = 12

// WriteMarkdown prints the result as a pull-request comment: a heading with
// the totals, then a section per changed journey with a table of changes,
// the emotion curve before and after, and the findings introduced and fixed.
func WriteMarkdown(w io.Writer, r *Result) error {
	var b strings.Builder
	b.WriteString("### journeymap diff\n\n")
	if r.Summary.Changed == 0 && len(r.Invalid) == 0 {
		b.WriteString("No journey changes.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(summaryLine(r) + "\n")
	if len(r.Invalid) > 0 {
		b.WriteString("\n**Does not validate** — fix these first:\n\n")
		for _, f := range r.Invalid {
			fmt.Fprintf(&b, "- %s\n", md(findingLine(f)))
		}
	}
	for _, d := range r.Journeys {
		if d.Status == Unchanged {
			continue
		}
		fmt.Fprintf(&b, "\n#### %s (`%s`) — %s\n\n", md(d.Title), d.ID, d.Status)
		fmt.Fprintf(&b, "<sub>%s</sub>\n\n", md(sides(d, " → ")))
		if d.Status == Modified && len(d.Changes) > 0 {
			table(&b, d.Changes)
		} else if d.Status != Modified {
			fmt.Fprintf(&b, "%s\n", md(d.Changes[0].Message))
		}
		if d.Status == Modified {
			emotionSection(&b, d.Emotion)
		}
		findingsSection(&b, "Findings introduced", d.Findings.Introduced)
		findingsSection(&b, "Findings fixed", d.Findings.Fixed)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func table(b *strings.Builder, cs []Change) {
	row := func(c Change) {
		before, after := "", ""
		if c.Field != "" {
			before, after = cell(c.Field, c.Before), cell(c.Field, c.After)
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", c.Subject, what(c), before, after)
	}
	head := "| Subject | Change | Before | After |\n|---|---|---|---|\n"
	b.WriteString(head)
	for i, c := range cs {
		if i == detailsAfter {
			fmt.Fprintf(b, "\n<details><summary>%d more changes</summary>\n\n%s", len(cs)-detailsAfter, head)
		}
		row(c)
	}
	if len(cs) > detailsAfter {
		b.WriteString("\n</details>\n")
	}
	b.WriteString("\n")
}

// what is a change's description for the table, without the subject the
// table already shows.
func what(c Change) string {
	switch c.Kind {
	case TouchpointChanged, StageChanged, ChannelChanged, JourneyChanged:
		return strings.ReplaceAll(c.Field, "_", " ")
	}
	// The subject has its own column: "touchpoint "x" moved…" reads "moved…".
	msg := c.Message
	if noun, id, ok := strings.Cut(c.Subject, ":"); ok {
		msg = strings.TrimPrefix(msg, fmt.Sprintf("%s %q ", noun, id))
	}
	return md(msg)
}

// cell is a value in the table: text as it reads (the column says it is a
// value), lists comma-separated, absent as a dash.
func cell(field string, v any) string {
	if field == "next" && v == nil {
		return "(document order)"
	}
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		return md(x)
	case []string:
		if len(x) == 0 {
			return "(none: the journey can end here)"
		}
		return md(strings.Join(x, ", "))
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if s, ok := e.(string); ok {
				parts[i] = s
			} else {
				parts[i] = show(e)
			}
		}
		return md(strings.Join(parts, "; "))
	}
	return md(show(v))
}

func emotionSection(b *strings.Builder, e Emotion) {
	if !e.Changed() {
		return
	}
	// The curves in a code block, where the columns line up touchpoint by
	// touchpoint as they do in a terminal.
	before, after := sparklines(e)
	fmt.Fprintf(b, "**Emotion along the flow** (▁ −2 … █ +2, · unscored)\n\n```text\nbefore  %s  %s\nafter   %s  %s\n```\n\n",
		before, statLine(e.Average.Before, e.Lowest.Before), after, statLine(e.Average.After, e.Lowest.After))
	// The touchpoints whose score changed, before and after, in the
	// columns' order of the curves above (a removed touchpoint where it was).
	type side struct {
		score *int
		has   bool
	}
	before2, after2 := map[string]side{}, map[string]side{}
	for _, p := range e.Before {
		before2[p.Touchpoint] = side{p.Score, true}
	}
	for _, p := range e.After {
		after2[p.Touchpoint] = side{p.Score, true}
	}
	var rows []string
	for _, id := range e.order {
		old, new := before2[id], after2[id]
		if old.has && new.has && same(old.score, new.score) || old.score == nil && new.score == nil {
			continue
		}
		rows = append(rows, fmt.Sprintf("| `%s` | %s | %s |", id, scoreCell(old.score, old.has), scoreCell(new.score, new.has)))
	}
	if len(rows) > 0 {
		b.WriteString("| Touchpoint | Before | After |\n|---|---|---|\n" + strings.Join(rows, "\n") + "\n\n")
	}
}

func scoreCell(s *int, present bool) string {
	switch {
	case !present:
		return "—"
	case s == nil:
		return "unscored"
	}
	return signed(*s)
}

func findingsSection(b *strings.Builder, title string, fs []journey.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "**%s** (%d)\n\n", title, len(fs))
	for _, f := range fs {
		fmt.Fprintf(b, "- %s\n", md(findingLine(f)))
	}
	b.WriteString("\n")
}

// md escapes text for a table cell or a list item: pipes, markup
// characters and HTML, and keeps it on one line.
func md(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_",
		"[", "\\[", "]", "\\]", "#", "\\#", "\n", " ", "\r", " ")
	return r.Replace(s)
}
