package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// Geometry of the emotion view, in points (inputscale=72).
const (
	curveStep    = 118.0 // between touchpoints along x
	curveUnit    = 42.0  // one emotion point along y
	curveLeft    = 70.0  // room for the axis labels
	bandTop      = 3.1 * curveUnit
	bandBottom   = -2.6 * curveUnit
	nameTop      = bandBottom - 8 // touchpoint names hang below the bands
	nameLine     = 11.0           // height of a line of names
	nameWidth    = 17             // characters per line of a name
	nameLines    = 4              // longer names end in …
	rowGap       = 26.0
	maxPerRow    = 14 // touchpoints on one row of the chart before it wraps
	curveOffsetY = 4.0
)

// slot is one position along the x axis: a touchpoint id, shared by the
// overlaid journeys that have it.
type slot struct {
	id     string
	label  string
	stage  string
	moment bool
}

// emotionSlots lines the journeys' touchpoints up by id
// (journey.AlignTouchpoints): overlaid curves are then compared touchpoint by
// touchpoint, and a touchpoint a redesign removed leaves a gap in its curve.
func emotionSlots(js []*journey.Journey) ([]slot, map[string]int) {
	var slots []slot
	index := map[string]int{}
	for i, a := range journey.AlignTouchpoints(js) {
		tp := a.First()
		slots = append(slots, slot{a.ID, tp.Label(), tp.Stage.Label(), tp.MomentOfTruth != nil})
		index[a.ID] = i
	}
	return slots, index
}

// emotionDOT draws the emotional curve: touchpoints in order along x,
// emotion on y, stages as bands behind, moments of truth as diamonds, the
// line following the journey's flow. A long journey wraps into rows.
// Several journeys (or revisions of one) are overlaid, one colour each.
func emotionDOT(js []*journey.Journey, o *Options) []byte {
	t := o.Theme
	slots, index := emotionSlots(js)
	rows := max(1, int(math.Ceil(float64(len(slots))/maxPerRow)))
	perRow := max(1, int(math.Ceil(float64(len(slots))/float64(rows))))
	longest := 1
	for _, s := range slots {
		longest = max(longest, min(nameLines, len(words.Wrap(s.label, nameWidth))))
	}
	rowHeight := bandTop - nameTop + float64(longest)*nameLine + rowGap
	at := func(i int) (x, y0 float64) {
		return curveLeft + curveStep/2 + float64(i%perRow)*curveStep, -float64(i/perRow) * rowHeight
	}

	pointName := func(ji int, tp *journey.Touchpoint) string {
		if len(js) > 1 {
			return fmt.Sprintf("%d/%s", ji+1, tp.ID.Value)
		}
		return tp.ID.Value
	}
	taken := names{}
	for ji, j := range js {
		for _, tp := range j.Touchpoints() {
			taken.reserve(pointName(ji, tp))
		}
	}

	w := &dotWriter{}
	w.open("digraph %s", id(js[0].ID.Value))
	graphHeader(w, o)
	w.line(`graph [layout=neato, inputscale=72, splines=line, outputorder=nodesfirst, labelloc=t, labeljust=l]`)
	w.line(`node [label="", fixedsize=true]`)
	var rest []journey.Finding
	byTP := map[*journey.Touchpoint][]journey.Finding{}
	for _, j := range js {
		b, r := findingsByTouchpoint(j, o.Findings)
		rest = append(rest, r...)
		for tp, fs := range b {
			byTP[tp] = fs
		}
	}
	w.line(`graph [label=<%s>]`, emotionHeading(js, o, rest))

	for r := 0; r < rows; r++ {
		first, last := r*perRow, min((r+1)*perRow, len(slots))-1
		if first > last {
			break
		}
		_, y0 := at(first)
		rowRight := curveLeft + float64(last-first+1)*curveStep
		// Stage bands behind everything: runs of slots in the same stage.
		for a := first; a <= last; {
			b := a
			for b+1 <= last && slots[b+1].stage == slots[a].stage {
				b++
			}
			x0, _ := at(a)
			x1, _ := at(b)
			x0, x1 = x0-curveStep/2, x1+curveStep/2
			w.line(`%s [shape=box, style=filled, color=%s, fillcolor=%s, width=%.3f, height=%.3f, pos="%.1f,%.1f!", labelloc=t, label=<<B>%s</B>>, fontsize=11]`,
				id(taken.fresh(fmt.Sprintf("stage-%d", a))), id(t.stageFill(a)), id(t.stageFill(a)),
				(x1-x0-2)/72, (bandTop-bandBottom)/72, (x0+x1)/2, y0+(bandTop+bandBottom)/2, wrapCentered(truncate(slots[a].stage, 60), max(8, int((x1-x0)/7))))
			a = b + 1
		}
		// Axis: a grid line and a label for each score. The lines are thin
		// filled nodes, not edges, so that they lie under the points
		// (outputorder=nodesfirst draws every edge last).
		for s := -2; s <= 2; s++ {
			y := y0 + float64(s)*curveUnit
			color, thick := t.StageBorder, 0.75
			if s == 0 {
				color, thick = t.Muted, 1.0
			}
			w.line(`%s [shape=box, style=filled, penwidth=0, fillcolor=%s, width=%.3f, height=%.4f, pos="%.1f,%.1f!"]`,
				id(taken.fresh(fmt.Sprintf("grid%+d", s))), id(color), (rowRight-curveLeft)/72, thick/72, (curveLeft+rowRight)/2, y)
			w.line(`%s [shape=plaintext, width=0.5, height=0.3, pos="%.1f,%.1f!", label=<<FONT COLOR=%s>%s</FONT>>, fontsize=11]`,
				id(taken.fresh(fmt.Sprintf("axis%+d", s))), curveLeft-22, y, id(t.Muted), signed(s))
		}
		// Touchpoint names along the bottom of the row.
		for i := first; i <= last; i++ {
			x, _ := at(i)
			lines := words.Wrap(slots[i].label, nameWidth)
			if len(lines) > nameLines {
				lines = append(lines[:nameLines-1], truncate(strings.Join(lines[nameLines-1:], " "), nameWidth))
			}
			for k, l := range lines {
				lines[k] = html(l)
			}
			name := strings.Join(lines, "<BR/>")
			if slots[i].moment {
				name = fmt.Sprintf(`<FONT COLOR=%s><B>♦ %s</B></FONT>`, id(t.Moment), name)
			}
			h := float64(len(lines))*nameLine + 4
			w.line(`%s [shape=plaintext, width=%.3f, height=%.3f, pos="%.1f,%.1f!", label=<%s>, fontsize=9]`,
				id(taken.fresh(fmt.Sprintf("name-%d", i))), (curveStep-6)/72, h/72, x, y0+nameTop-h/2, name)
		}
	}

	// The curves: one point per scored touchpoint, joined along the flow.
	for ji, j := range js {
		color := t.Curves[ji%len(t.Curves)]
		style := "solid"
		if ji%2 == 1 {
			style = "dashed" // tells overlaid curves apart without colour
		}
		offset := (float64(ji) - float64(len(js)-1)/2) * curveOffsetY
		pos := map[*journey.Touchpoint][2]float64{}
		for _, tp := range j.Touchpoints() {
			if tp.Emotion == nil {
				continue // skipped over: the line joins the scored neighbours
			}
			x, y0 := at(index[tp.ID.Value])
			y := y0 + float64(tp.Emotion.Score)*curveUnit + offset
			pos[tp] = [2]float64{x, y}
			fill := t.EmotionColor(tp.Emotion.Score)
			if len(js) > 1 {
				fill = color
			}
			border, width := color, 1.5
			if len(byTP[tp]) > 0 {
				border, width = t.Problem, 3
			}
			tip := fmt.Sprintf("%s: %s", tp.Label(), signed(tp.Emotion.Score))
			if fs := byTP[tp]; len(fs) > 0 {
				tip += " — " + ruleList(fs)
			}
			if tp.MomentOfTruth != nil {
				if len(byTP[tp]) == 0 {
					border = t.Moment
				}
				w.line(`%s [shape=diamond, width=0.32, height=0.32, style=filled, fillcolor=%s, color=%s, penwidth=2.5, pos="%.1f,%.1f!", tooltip=%s]`,
					id(pointName(ji, tp)), id(fill), id(border), x, y, tooltip(tip))
			} else {
				w.line(`%s [shape=circle, width=0.2, style=filled, fillcolor=%s, color=%s, penwidth=%.1f, pos="%.1f,%.1f!", tooltip=%s]`,
					id(pointName(ji, tp)), id(fill), id(border), width, x, y, tooltip(tip))
			}
		}
		for _, pair := range j.Flow.ScoredSteps() {
			a, b := pos[pair[0]], pos[pair[1]]
			if a[1] > b[1]+rowHeight/2 || b[1] > a[1]+rowHeight/2 {
				continue // the step crosses to another row: the rows read like lines of text
			}
			st := style
			if b[0] < a[0] {
				st = "dotted" // a step back (a loop)
			}
			w.line(`%s -> %s [dir=none, color=%s, penwidth=2.5, style=%s]`, id(pointName(ji, pair[0])), id(pointName(ji, pair[1])), id(color), st)
		}
	}
	w.close()
	return w.bytes()
}

func emotionHeading(js []*journey.Journey, o *Options, rest []journey.Finding) string {
	t := o.Theme
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	if len(js) == 1 {
		b.WriteString(titleRows(js[0], o, "emotion"))
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>Emotional curve: how the customer feels at each touchpoint, from −2 (very negative) to +2 (very positive)  ·  <FONT COLOR=%s><B>♦</B> moment of truth</FONT></FONT></TD></TR>`, id(t.Muted), id(t.Moment))
	} else {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="20"><B>%s</B></FONT></TD></TR>`, wrap(overlayTitle(js, o), 80))
		b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2"><TR>`)
		for ji := range js {
			dash := "———"
			if ji%2 == 1 {
				dash = "- - -"
			}
			fmt.Fprintf(&b, `<TD><FONT COLOR=%s POINT-SIZE="14"><B>%s</B></FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="11">%s</FONT></TD>`, id(t.Curves[ji%len(t.Curves)]), dash, html(truncate(curveLabel(js, o, ji), 60)))
		}
		fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s>   <B>♦</B> moment of truth</FONT></TD>`, id(t.Moment))
		b.WriteString(`</TR></TABLE></TD></TR>`)
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>Touchpoints are matched by id; a gap in a curve is a touchpoint that journey does not have.</FONT></TD></TR>`, id(t.Muted))
	}
	if len(rest) > 0 {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="10" COLOR=%s>▲ journey: %s</FONT></TD></TR>`, id(t.ProblemFill), id(t.SeverityColor(worst(rest))), wrap(ruleList(rest), 110))
	}
	// Say why a picture is empty rather than leave the reader guessing.
	touchpoints, scored := 0, 0
	for _, j := range js {
		for _, tp := range j.Touchpoints() {
			touchpoints++
			if tp.Emotion != nil {
				scored++
			}
		}
	}
	switch {
	case touchpoints == 0:
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR=%s>No touchpoints yet: there is no curve to draw.</FONT></TD></TR>`, id(t.Muted))
	case scored == 0:
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR=%s>No touchpoint has an emotion score yet: add emotion: -2..2 to draw the curve.</FONT></TD></TR>`, id(t.Muted))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// curveLabel names an overlaid journey: its label from the options (a
// revision, say), else its title.
func curveLabel(js []*journey.Journey, o *Options, i int) string {
	if i < len(o.Labels) && o.Labels[i] != "" {
		return o.Labels[i]
	}
	return js[i].Title.Value
}

// overlayTitle is the heading of an overlay: "A vs B".
func overlayTitle(js []*journey.Journey, o *Options) string {
	var parts []string
	for i := range js {
		parts = append(parts, curveLabel(js, o, i))
	}
	return truncate(strings.Join(parts, " vs "), 160)
}
