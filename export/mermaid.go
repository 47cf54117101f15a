package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// WriteMermaid writes a Mermaid `journey` diagram: a section per stage, a
// task per touchpoint scored emotion + 3 with the channel's name as actor,
// and %% comments for what Mermaid cannot show. Several journeys make a
// Markdown document with a heading and a mermaid block each.
func WriteMermaid(w io.Writer, js []*journey.Journey) error {
	var b strings.Builder
	if len(js) == 1 {
		mermaid(&b, js[0])
	} else {
		b.WriteString("# Customer journeys\n")
		for _, j := range js {
			fmt.Fprintf(&b, "\n## %s\n\n", markdownText(j.Title.Value))
			b.WriteString("```mermaid\n")
			mermaid(&b, j)
			b.WriteString("```\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mermaid(b *strings.Builder, j *journey.Journey) {
	b.WriteString("journey\n")
	fmt.Fprintf(b, "  title %s\n", line(j.Title.Value))
	fmt.Fprintf(b, "  accTitle: %s\n", free(j.Title.Value+" — customer journey"))
	fmt.Fprintf(b, "  accDescr: %s\n", free(description(j)))
	b.WriteString("  %% Mermaid cannot show owners, handoffs, moments of truth or metrics: they are noted\n")
	b.WriteString("  %% under each task. Scores are emotion + 3 (1 very negative .. 5 very positive).\n")
	if j.Owner.Value != "" {
		fmt.Fprintf(b, "  %%%% journey owner: %s\n", comment(j.Owner.Value))
	}
	for _, s := range j.Stages {
		fmt.Fprintf(b, "  section %s\n", section(s.Label()))
		if len(s.Touchpoints) == 0 {
			b.WriteString("    %% this stage has no touchpoints yet\n")
		}
		for _, t := range s.Touchpoints {
			actor := t.Channel.Value
			if c := j.Channel(t.Channel.Value); c != nil {
				actor = c.Label()
			}
			fmt.Fprintf(b, "    %s: %d: %s\n", task(t.Label()), Score(t), actorName(actor))
			for _, n := range notes(j, t) {
				fmt.Fprintf(b, "    %%%% %s\n", comment(n))
			}
		}
	}
}

// notes lists what the task cannot show.
func notes(j *journey.Journey, t *journey.Touchpoint) []string {
	var out []string
	if t.Emotion == nil {
		out = append(out, "no emotion score: drawn as 3 (neutral)")
	}
	if o := t.ResolvedOwner().Value; o != "" {
		out = append(out, "owner: "+o)
	}
	if h := t.Handoff; h != nil {
		var carries []string
		for _, c := range h.Carries {
			carries = append(carries, c.Text)
		}
		n := "handoff"
		if len(carries) > 0 {
			n += " carries " + strings.Join(carries, ", ")
		}
		if h.Owner.Value != "" {
			n += ", owned by " + h.Owner.Value
		}
		out = append(out, n)
	}
	if m := t.MomentOfTruth; m != nil {
		n := "moment of truth"
		if m.Why != "" {
			n += ": " + m.Why
		}
		out = append(out, n)
	}
	if len(t.Metrics) > 0 {
		var ids []string
		for _, m := range t.Metrics {
			ids = append(ids, m.Value)
		}
		out = append(out, "metrics: "+strings.Join(ids, ", "))
	}
	return out
}

func description(j *journey.Journey) string {
	parts := []string{words.Count(len(j.Touchpoints()), "touchpoint") + " in " + words.Count(len(j.Stages), "stage")}
	if p := j.Persona; p != nil && p.Name.Value != "" {
		parts = append(parts, "persona "+p.Name.Value)
	}
	if j.Goal.Value != "" {
		parts = append(parts, "goal: "+j.Goal.Value)
	}
	return strings.Join(parts, "; ") + ". Each task is scored by how the customer feels, 1 (very negative) to 5 (very positive)."
}

// Mermaid's journey grammar reads a line up to a character that ends the
// field: `#` and `;` end every field, `:` ends a section or a task name,
// `,` separates actors, and `%` starts a comment anywhere (`%%{` a
// directive, wherever it is in the text). Each field gets look-alikes a
// reader will not notice instead, chosen from what the fonts browsers fall
// back to can draw (DejaVu, Arial, Segoe UI Symbol; fullwidth forms would
// be boxes on many machines), and `%` is spelt out.
var (
	lineSafe  = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "#", "♯", ";", ",", "%", " percent")
	colonSafe = strings.NewReplacer(":", "∶")
	commaSafe = strings.NewReplacer(",", "‚")
	// Free text (accTitle, accDescr, comments) runs to the end of its line;
	// only line breaks and directives need care.
	freeSafe = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "%", " percent")
)

// keyword is a word Mermaid's lexer takes as a statement when a task name
// starts with it (case-insensitively): such a name gets a zero-width space
// in front, which the lexer does not skip and a reader does not see.
var keyword = lazyre.New(`(?i)^(journey\b|title\s|section\s|acctitle\s*:|accdescr\s*[:{])`)

func line(s string) string    { return fallback(strings.Join(strings.Fields(lineSafe.Replace(s)), " ")) }
func free(s string) string    { return strings.Join(strings.Fields(freeSafe.Replace(s)), " ") }
func section(s string) string { return colonSafe.Replace(line(s)) }
func task(s string) string {
	t := colonSafe.Replace(line(s))
	if keyword().MatchString(t) {
		t = "\u200b" + t
	}
	return t
}
func actorName(s string) string { return commaSafe.Replace(colonSafe.Replace(line(s))) }
func comment(s string) string   { return strings.TrimLeft(free(s), "{") }

func fallback(s string) string {
	if s == "" {
		return "untitled"
	}
	return s
}

func markdownText(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "#", "\\#", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[").Replace(s)
}
