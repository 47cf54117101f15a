package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// flowDOT draws the journey as a flow: stages as clusters left to right, one
// node per touchpoint named by its id, coloured by channel, with emotion,
// moments of truth, handoffs and (with --lint) findings shown.
func flowDOT(j *journey.Journey, o *Options) []byte {
	t := o.Theme
	colors, order := channelColors(j, t)
	byTP, rest := findingsByTouchpoint(j, o.Findings)
	w := &dotWriter{}
	w.open("digraph %s", id(j.ID.Value))
	graphHeader(w, o)
	// A grid: stages are columns left to right, a stage's touchpoints stack
	// top to bottom in document order. Invisible edges hold the grid; the
	// real flow edges do not move nodes (constraint=false), so a long
	// journey keeps the proportions of a slide instead of becoming a strip.
	w.line(`graph [rankdir=LR, newrank=true, nodesep=0.45, ranksep=0.6, labelloc=t, labeljust=l, outputorder=edgesfirst]`)
	w.line(`node [shape=box, style="rounded,filled", penwidth=1.2, margin="0.1,0.06"]`)
	w.line(`graph [label=<%s>]`, flowHeading(j, o, order, rest))

	taken := names{}
	for _, tp := range j.Touchpoints() {
		taken.reserve(tp.ID.Value)
	}
	rows := flowRows(j)
	var tops []string // the first node of each column, left to right
	for si, s := range j.Stages {
		w.open("subgraph %s", id(fmt.Sprintf("cluster_%d", si)))
		label := fmt.Sprintf(`<B>%d · %s</B>`, si+1, wrapCentered(s.Label(), 32))
		if s.Owner.Value != "" {
			label += fmt.Sprintf(`<BR/><FONT POINT-SIZE="9" COLOR=%s>%s</FONT>`, id(t.Muted), html(s.Owner.Value))
		}
		if len(s.Touchpoints) == 0 {
			label += fmt.Sprintf(`<BR/><FONT POINT-SIZE="9" COLOR=%s>(no touchpoints)</FONT>`, id(t.Muted))
		}
		w.line(`graph [label=<%s>, style="rounded,filled", fillcolor=%s, color=%s, fontsize=13, margin=12]`, label, id(t.stageFill(si)), id(t.StageBorder))
		if len(s.Touchpoints) == 0 {
			// An empty cluster is dropped by Graphviz; an invisible point keeps
			// the stage visible without adding a touchpoint-like node.
			placeholder := id(taken.fresh(fmt.Sprintf("empty-stage-%d", si)))
			w.line(`%s [shape=point, style=invis, width=1.2, label=""]`, placeholder)
			tops = append(tops, placeholder)
		}
		// A long stage wraps into several columns inside its cluster, read
		// top to bottom then left to right, so no stage becomes a tower.
		// Columns are filled evenly: 7 touchpoints in columns of 6 are 4+3.
		n := len(s.Touchpoints)
		per := n
		if cols := (n + rows - 1) / rows; cols > 1 {
			per = (n + cols - 1) / cols
		}
		for start := 0; start < n; start += per {
			column := s.Touchpoints[start:min(start+per, n)]
			var ids []string
			for i, tp := range column {
				w.line("%s %s", id(tp.ID.Value), flowNode(j, tp, colors, byTP[tp], o))
				ids = append(ids, id(tp.ID.Value))
				if i > 0 {
					// In an LR layout a flat edge places its tail below its
					// head, so the chain runs upwards to stack the column's
					// touchpoints top to bottom in document order.
					w.line("%s -> %s [style=invis]", id(tp.ID.Value), id(column[i-1].ID.Value))
				}
			}
			tops = append(tops, ids[0])
			if len(ids) > 1 {
				w.line("{ rank=same; %s }", strings.Join(ids, "; "))
			}
		}
		w.close()
	}

	for i := 1; i < len(tops); i++ {
		w.line("%s -> %s [style=invis, weight=100]", tops[i-1], tops[i])
	}
	stageIndex := map[*journey.Stage]int{}
	for si, s := range j.Stages {
		stageIndex[s] = si
	}
	for _, e := range j.Flow.Edges {
		// A label gets a box in the colour behind it, so the edge line it
		// sits on does not run through its text.
		bg := t.Background
		if e.From.Stage == e.To.Stage {
			bg = t.stageFill(stageIndex[e.From.Stage])
		}
		w.line("%s -> %s [constraint=false, weight=0, %s]", id(e.From.ID.Value), id(e.To.ID.Value), flowEdge(e, o, bg))
	}
	w.close()
	return w.bytes()
}

// flowRows chooses how many touchpoints a column holds at most: the number
// that brings the whole grid closest to the shape of a 16:9 slide, given
// the typical size of a touchpoint box. A column holds at least five, so
// short stages always keep one column each.
func flowRows(j *journey.Journey) int {
	const boxW, boxH, heading = 230.0, 125.0, 160.0 // points, with spacing
	longest := 1
	for _, s := range j.Stages {
		longest = max(longest, len(s.Touchpoints))
	}
	best, bestScore := longest, math.Inf(1)
	for r := longest; r >= min(5, longest); r-- {
		cols := 0
		for _, s := range j.Stages {
			cols += max(1, (len(s.Touchpoints)+r-1)/r)
		}
		aspect := float64(cols) * boxW / (float64(r)*boxH + heading)
		if score := math.Abs(math.Log(aspect / (16.0 / 9.0))); score < bestScore-1e-9 {
			best, bestScore = r, score
		}
	}
	return best
}

func flowNode(j *journey.Journey, tp *journey.Touchpoint, colors map[string]string, findings []journey.Finding, o *Options) string {
	t := o.Theme
	var rows []string
	rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"><B>%s</B></TD></TR>`, wrap(tp.Label(), 26)))
	meta := channelLabel(j, tp.Channel.Value)
	if owner := tp.ResolvedOwner().Value; owner != "" {
		meta += " · " + owner
	}
	rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="9" COLOR=%s>%s</FONT></TD></TR>`, id(t.Muted), wrap(meta, 34)))
	if tp.Emotion != nil {
		feeling := ""
		if tp.Emotion.Feeling != "" {
			feeling = fmt.Sprintf(`<TD ALIGN="LEFT"><FONT POINT-SIZE="9"> %s</FONT></TD>`, html(truncate(tp.Emotion.Feeling, 24)))
		}
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD BGCOLOR=%s WIDTH="22"`+badgeBorder(t)+`><FONT POINT-SIZE="9" COLOR=%s><B>%s</B></FONT></TD>%s</TR></TABLE></TD></TR>`,
			id(t.EmotionColor(tp.Emotion.Score)), id(emotionTextColor(tp.Emotion.Score, t)), signed(tp.Emotion.Score), feeling))
	}
	if tp.MomentOfTruth != nil {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR=%s><B>♦ MOMENT OF TRUTH</B></FONT></TD></TR>`, id(t.Moment)))
	}
	if n := len(tp.PainPoints); n > 0 {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">● %s</FONT></TD></TR>`, html(words.Count(n, "pain point"))))
	}
	if j.Flow.IsEnd(tp) {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9" COLOR=%s>■ journey can end here</FONT></TD></TR>`, id(t.Muted)))
	}
	if len(findings) > 0 {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="9" COLOR=%s>▲ %s</FONT></TD></TR>`,
			id(t.ProblemFill), id(t.SeverityColor(worst(findings))), wrap(ruleList(findings), 34)))
	}
	label := `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">` + strings.Join(rows, "") + `</TABLE>>`
	attrs := []string{"label=" + label, "fillcolor=" + id(colors[tp.Channel.Value])}
	switch {
	case tp.MomentOfTruth != nil: // the gold border stays; findings show in their row
		attrs = append(attrs, "color="+id(t.Moment), "penwidth=3")
	case len(findings) > 0:
		attrs = append(attrs, "color="+id(t.SeverityColor(worst(findings))), "penwidth=2.5")
	}
	return "[" + strings.Join(attrs, ", ") + "]"
}

func flowEdge(e *journey.Edge, o *Options, bg string) string {
	t := o.Theme
	boxed := func(text string) string {
		return fmt.Sprintf(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" BGCOLOR=%s><TR><TD>%s</TD></TR></TABLE>`, id(bg), text)
	}
	switch {
	case !e.Handoff:
		return "penwidth=1.2"
	case e.To.Handoff == nil:
		return fmt.Sprintf(`color=%s, fontcolor=%s, penwidth=2.5, style=dashed, label=<%s>`, id(t.Problem), id(t.Problem), boxed("<B>▲ undocumented handoff</B>"))
	default:
		label := "handoff"
		if len(e.To.Handoff.Carries) > 0 {
			var items []string
			for _, c := range e.To.Handoff.Carries {
				items = append(items, c.Text)
			}
			label = "carries: " + strings.Join(items, ", ")
		}
		return fmt.Sprintf(`color=%s, fontcolor=%s, penwidth=2, style=bold, label=<%s>`, id(t.Handoff), id(t.Handoff), boxed(wrapCentered(truncate(label, 80), 24)))
	}
}

// flowHeading is the graph label: title, subtitle and the legend.
func flowHeading(j *journey.Journey, o *Options, order []string, rest []journey.Finding) string {
	t := o.Theme
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	b.WriteString(titleRows(j, o, "flow"))
	// Legend: one swatch per channel, then the edge and marker key.
	b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>`)
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10"><B>Channels</B></FONT></TD>`)
	for i, c := range order {
		fmt.Fprintf(&b, `<TD BGCOLOR=%s BORDER="1" COLOR=%s><FONT POINT-SIZE="10">%s</FONT></TD>`, id(t.ChannelColor(i)), id(t.NodeBorder), html(channelLabel(j, c)))
	}
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s>   <B>——</B> handoff</FONT></TD>`, id(t.Handoff))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s><B>- - -</B> undocumented handoff</FONT></TD>`, id(t.Problem))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s><B>♦</B> moment of truth</FONT></TD>`, id(t.Moment))
	if o.Findings != nil {
		fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10">▲ lint: <FONT COLOR=%s>error</FONT> <FONT COLOR=%s>warning</FONT> <FONT COLOR=%s>info</FONT></FONT></TD>`,
			id(t.SeverityColor(journey.Error)), id(t.SeverityColor(journey.Warning)), id(t.SeverityColor(journey.Info)))
	}
	b.WriteString(`</TR></TABLE></TD></TR>`)
	if len(rest) > 0 {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="10" COLOR=%s>▲ journey: %s</FONT></TD></TR>`, id(t.ProblemFill), id(t.SeverityColor(worst(rest))), wrap(ruleList(rest), 110))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

func emotionTextColor(score int, t *Theme) string {
	return textOn(t.EmotionColor(score))
}
