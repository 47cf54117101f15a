package render

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// mapDOT draws the classic journey-map grid as one HTML-like table: a column
// per stage and rows for touchpoints, channels, emotion, pain points,
// opportunities, moments of truth and owners.
func mapDOT(j *journey.Journey, o *Options) []byte {
	t := o.Theme
	colors, _ := channelColors(j, t)
	byTP, rest := findingsByTouchpoint(j, o.Findings)
	w := &dotWriter{}
	w.open("digraph %s", id(j.ID.Value))
	graphHeader(w, o)
	w.line(`graph [labelloc=t, labeljust=l]`)
	var head strings.Builder
	head.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	head.WriteString(titleRows(j, o, "map"))
	if len(rest) > 0 {
		fmt.Fprintf(&head, `<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="10" COLOR=%s>▲ journey: %s</FONT></TD></TR>`, id(t.ProblemFill), id(t.Problem), wrap(ruleList(rest), 110))
	}
	head.WriteString(`</TABLE>`)
	w.line(`graph [label=<%s>]`, head.String())

	const colWidth = 30 // characters per line in a stage column
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" COLOR=%s>`, id(t.StageBorder))
	// Header row: stage names.
	b.WriteString(`<TR><TD></TD>`)
	for si, s := range j.Stages {
		fmt.Fprintf(&b, `<TD BGCOLOR=%s><FONT POINT-SIZE="13"><B>%d · %s</B></FONT></TD>`, id(t.stageFill(si)), si+1, wrapCentered(s.Label(), colWidth-4))
	}
	b.WriteString(`</TR>`)

	row := func(title string, cell func(s *journey.Stage) string) {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" VALIGN="TOP" BGCOLOR=%s><B>%s</B></TD>`, id(t.stageFill(0)), html(title))
		for _, s := range j.Stages {
			c := cell(s)
			if c == "" {
				c = fmt.Sprintf(`<FONT COLOR=%s>–</FONT>`, id(t.Muted))
			}
			fmt.Fprintf(&b, `<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT">%s</TD>`, c)
		}
		b.WriteString(`</TR>`)
	}
	bullets := func(items []string) string {
		var out []string
		for _, it := range items {
			out = append(out, wrap("• "+it, colWidth))
		}
		return strings.Join(out, `<BR ALIGN="LEFT"/>`)
	}

	if hasExpectations(j) {
		row("Expectations", func(s *journey.Stage) string { return bullets(itemTexts(s.Expectations)) })
	}
	row("Touchpoints", func(s *journey.Stage) string {
		if len(s.Touchpoints) == 0 {
			return ""
		}
		var cells []string
		for _, tp := range s.Touchpoints {
			label := wrap(tp.Label(), colWidth-2)
			if fs := byTP[tp]; len(fs) > 0 {
				label += fmt.Sprintf(`<BR ALIGN="LEFT"/><FONT POINT-SIZE="9" COLOR=%s>▲ %s</FONT>`, id(t.Problem), wrap(ruleList(fs), colWidth))
			}
			cells = append(cells, fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s>%s</TD></TR>`, id(colors[tp.Channel.Value]), label))
		}
		return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="3">` + strings.Join(cells, "") + `</TABLE>`
	})
	row("Channels", func(s *journey.Stage) string {
		var names []string
		for _, c := range distinct(s.Touchpoints, func(tp *journey.Touchpoint) string { return tp.Channel.Value }) {
			names = append(names, channelLabel(j, c))
		}
		return bullets(names)
	})
	// Each score sits beside the touchpoint it belongs to (and its feeling),
	// in the order of the touchpoints above.
	row("Emotion", func(s *journey.Stage) string {
		var rows []string
		for _, tp := range s.Touchpoints {
			badge := fmt.Sprintf(`<TD BORDER="1" COLOR=%s WIDTH="24"><FONT POINT-SIZE="10" COLOR=%s>?</FONT></TD>`, id(t.StageBorder), id(t.Muted))
			if tp.Emotion != nil {
				badge = fmt.Sprintf(`<TD BGCOLOR=%s WIDTH="24"`+badgeBorder(t)+`><FONT POINT-SIZE="10" COLOR=%s><B>%s</B></FONT></TD>`,
					id(t.EmotionColor(tp.Emotion.Score)), id(emotionTextColor(tp.Emotion.Score, t)), signed(tp.Emotion.Score))
			}
			label := truncate(tp.Label(), 22)
			if tp.Emotion != nil && tp.Emotion.Feeling != "" {
				label += " (" + truncate(tp.Emotion.Feeling, 14) + ")"
			}
			rows = append(rows, fmt.Sprintf(`<TR>%s<TD ALIGN="LEFT"><FONT POINT-SIZE="9">%s</FONT></TD></TR>`, badge, html(label)))
		}
		if len(rows) == 0 {
			return ""
		}
		return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">` + strings.Join(rows, "") + `</TABLE>`
	})
	row("Pain points", func(s *journey.Stage) string {
		var items []string
		for _, tp := range s.Touchpoints {
			items = append(items, itemTexts(tp.PainPoints)...)
		}
		return bullets(items)
	})
	row("Opportunities", func(s *journey.Stage) string {
		var items []string
		for _, tp := range s.Touchpoints {
			items = append(items, itemTexts(tp.Opportunities)...)
		}
		return bullets(items)
	})
	row("Moments of truth", func(s *journey.Stage) string {
		var parts []string
		for _, tp := range s.Touchpoints {
			if tp.MomentOfTruth == nil {
				continue
			}
			p := fmt.Sprintf(`<FONT COLOR=%s><B>♦ %s</B></FONT>`, id(t.Moment), wrap(tp.Label(), colWidth-2))
			if tp.MomentOfTruth.Why != "" {
				p += `<BR ALIGN="LEFT"/>` + wrap(tp.MomentOfTruth.Why, colWidth)
			}
			parts = append(parts, p)
		}
		return strings.Join(parts, `<BR ALIGN="LEFT"/>`)
	})
	row("Owners", func(s *journey.Stage) string {
		return bullets(distinct(s.Touchpoints, func(tp *journey.Touchpoint) string { return tp.ResolvedOwner().Value }))
	})
	b.WriteString(`</TABLE>`)
	w.line(`"map" [shape=plain, label=<%s>]`, b.String())
	w.close()
	return w.bytes()
}

func hasExpectations(j *journey.Journey) bool {
	for _, s := range j.Stages {
		if len(s.Expectations) > 0 {
			return true
		}
	}
	return false
}

func itemTexts(items []journey.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return out
}

// distinct lists the non-empty values of key over touchpoints, first use first.
func distinct(tps []*journey.Touchpoint, key func(*journey.Touchpoint) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, tp := range tps {
		if k := key(tp); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
