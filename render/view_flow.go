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
	colors, order := channelColors(j, o)
	placed := placeFindings(j, o.Findings)
	w := &dotWriter{}
	w.open("digraph %s", id(j.ID.Value))
	graphHeader(w, o)
	// A grid: stages are columns left to right, a stage's touchpoints stack
	// top to bottom in document order. Invisible edges hold the grid; the
	// real flow edges do not move nodes (constraint=false), so a long
	// journey keeps the proportions of a slide instead of becoming a strip.
	w.line(`graph [rankdir=LR, newrank=true, nodesep=0.45, ranksep=0.6, labelloc=t, labeljust=l, outputorder=edgesfirst]`)
	w.line(`node [shape=box, style="rounded,filled", penwidth=1.2, margin="0.1,0.06"]`)
	w.line(`graph [label=<%s>]`, flowHeading(j, o, order, colors, placed))

	taken := names{}
	for _, tp := range j.Touchpoints() {
		taken.reserve(tp.ID.Value)
	}
	ratio := slideRatio(o.Size)
	if ratio == 0 {
		ratio = 16.0 / 9.0 // a slide-like shape even when no slide is named
	}
	var texts []string
	for _, tp := range j.Touchpoints() {
		texts = append(texts, tp.Label())
	}
	for _, s := range j.Stages {
		texts = append(texts, s.Label())
	}
	o.textCap = capTexts(o, "flow", j, texts)
	rows := flowRows(j, ratio, o.Size != "")
	var tops []string                         // the first node of each column, left to right
	columnOf := map[*journey.Touchpoint]int{} // the grid column a touchpoint is in
	for si, s := range j.Stages {
		w.open("subgraph %s", id(fmt.Sprintf("cluster_%d", si)))
		stageName := fmt.Sprintf("%d · %s", o.stageNumber(j, si)+1, cutText(s.Label(), o.textCap))
		label := fmt.Sprintf(`<TR><TD%s><B>%s</B></TD></TR>`, textWidth(stageName, 34, 13, true, 0), wrapCentered(stageName, 34))
		if s.Owner.Value != "" {
			label += fmt.Sprintf(`<TR><TD><FONT POINT-SIZE="9" COLOR=%s>%s</FONT></TD></TR>`, id(t.Muted), html(ownerName(j, s.Owner.Value)))
		}
		if len(s.Touchpoints) == 0 {
			label += fmt.Sprintf(`<TR><TD><FONT POINT-SIZE="9" COLOR=%s>(no touchpoints)</FONT></TD></TR>`, id(t.Muted))
		}
		if fs := placed.stage[s]; len(fs) > 0 {
			label += fmt.Sprintf(`<TR><TD><FONT POINT-SIZE="9">%s</FONT></TD></TR>`, findingMark(fs, t, 32))
		}
		label = `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">` + label + `</TABLE>`
		w.line(`graph [label=<%s>, style="rounded,filled", fillcolor=%s, color=%s, fontsize=13, margin=12]`, label, id(t.stageFill(o.stageNumber(j, si))), id(t.StageBorder))
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
				columnOf[tp] = len(tops)
				w.line("%s %s", id(tp.ID.Value), flowNode(j, tp, colors, placed.touchpoint[tp], o))
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
	if o.straight || flowCost(j.Flow.Edges, columnOf) > maxRoutedFlowCost {
		// Too many edges cross too many columns for dot to route in the
		// budget: the grid is laid out alone, and the edges drawn
		// straight over it (see layoutStraight).
		w.line(straightEdgesMarker)
	}
	for _, e := range j.Flow.Edges {
		// A label gets a box in the colour behind it, so the edge line it
		// sits on does not run through its text.
		bg := t.Background
		if e.From.Stage == e.To.Stage {
			bg = t.stageFill(o.stageNumber(j, stageIndex[e.From.Stage]))
		}
		fs := placed.handoff[handoffKey{e.From.ID.Value, e.To.ID.Value}]
		w.line("%s -> %s [constraint=false, weight=0, %s]", id(e.From.ID.Value), id(e.To.ID.Value), flowEdge(e, o, bg, fs))
	}
	w.close()
	return w.bytes()
}

// flowRows chooses how many touchpoints a column holds at most: the number
// that brings the whole grid closest to the shape of the slide, given
// the typical size of a touchpoint box. A column holds at least five, so
// short stages always keep one column each.
func flowRows(j *journey.Journey, ratio float64, slide bool) int {
	const boxW, boxH, heading = 230.0, 125.0, 160.0 // points, with spacing
	longest := 1
	for _, s := range j.Stages {
		longest = max(longest, len(s.Touchpoints))
	}
	best, bestScore := longest, math.Inf(1)
	least := min(5, longest)
	if slide {
		least = min(2, longest) // laid out for a slide: the shape that makes text largest
	}
	for r := longest; r >= least; r-- {
		cols := 0
		for _, s := range j.Stages {
			cols += max(1, (len(s.Touchpoints)+r-1)/r)
		}
		w, h := float64(cols)*boxW, float64(r)*boxH+heading
		score := math.Abs(math.Log(w / h / ratio))
		if slide {
			score = max(w/ratio, h) // the scale it must shrink by to fit the slide
		}
		if score < bestScore-1e-9 {
			best, bestScore = r, score
		}
	}
	return best
}

func flowNode(j *journey.Journey, tp *journey.Touchpoint, colors map[string]string, findings []journey.Finding, o *Options) string {
	t := o.Theme
	var rows []string
	name := cutText(tp.Label(), o.textCap)
	rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"%s><B>%s</B></TD></TR>`, textWidth(name, 26, 11, true, 2), wrap(name, 26)))
	meta := channelLabel(j, tp.Channel.Value)
	if owner := tp.ResolvedOwner().Value; owner != "" {
		meta += " · " + ownerName(j, owner)
	}
	rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"%s><FONT POINT-SIZE="9" COLOR=%s>%s</FONT></TD></TR>`, textWidth(meta, 34, 9, false, 2), id(t.Muted), wrap(meta, 34)))
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
		rows = append(rows, findingsRow(findings, t, 34, 9))
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

func flowEdge(e *journey.Edge, o *Options, bg string, findings []journey.Finding) string {
	t := o.Theme
	boxed := func(text string) string {
		return fmt.Sprintf(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" BGCOLOR=%s><TR><TD>%s</TD></TR></TABLE>`, id(bg), text)
	}
	if len(findings) > 0 {
		// A finding about the handoff marks the edge itself, the rule named.
		style := "solid"
		if e.Handoff && e.To.Handoff == nil {
			style = "dashed"
		}
		return fmt.Sprintf(`color=%s, penwidth=2.5, style=%s, label=<%s>`, id(t.SeverityColor(worst(findings))), style,
			fmt.Sprintf(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" BGCOLOR=%s><TR><TD><FONT POINT-SIZE="9">%s</FONT></TD></TR></TABLE>`, id(t.ProblemFill), findingMark(findings, t, 24)))
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
func flowHeading(j *journey.Journey, o *Options, order []string, colors map[string]string, placed *placement) string {
	t := o.Theme
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	b.WriteString(titleRows(j, o, "flow"))
	// Legend: one swatch per channel, then the edge and marker key.
	b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>`)
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10"><B>Channels</B></FONT></TD>`)
	b.WriteString(channelLegend(j, t, order, colors, placed))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s>   <B>——</B>&#160;&#160;handoff</FONT></TD>`, id(t.Handoff))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s><B>- - -</B>&#160;&#160;undocumented handoff</FONT></TD>`, id(t.Problem))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s><B>♦</B>&#160;moment of truth</FONT></TD>`, id(t.Moment))
	if o.Findings != nil {
		fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10">%s</FONT></TD>`, severityKey(t))
	}
	b.WriteString(`</TR></TABLE></TD></TR>`)
	b.WriteString(journeyFindingsRows(placed.list(j), t))
	b.WriteString(`</TABLE>`)
	return b.String()
}

func emotionTextColor(score int, t *Theme) string {
	return textOn(t.EmotionColor(score))
}
