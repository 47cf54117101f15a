package render

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Geometry of the emotion view, in points (inputscale=72).
const (
	curveStep  = 118.0 // between touchpoints along x
	curveUnit  = 42.0  // one emotion point along y
	curveLeft  = 70.0  // room for the axis labels
	bandTop    = 3.1 * curveUnit
	bandBottom = -2.6 * curveUnit
	nameRow    = -3.3 * curveUnit
)

// emotionDOT draws the emotional curve: touchpoints in order along x,
// emotion on y, stages as bands behind, moments of truth as diamonds.
// Several journeys (or revisions of one) are overlaid, one colour each.
func emotionDOT(js []*journey.Journey, o *Options) []byte {
	t := o.Theme
	first := js[0]
	n := 0
	for _, j := range js {
		n = max(n, len(j.Touchpoints()))
	}
	x := func(i int) float64 { return curveLeft + curveStep/2 + float64(i)*curveStep }
	// Curve points are named by touchpoint id (prefixed by the journey's
	// number when overlaid); the view's own nodes take names left free.
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
	right := x(max(n, 1)-1) + curveStep/2

	w := &dotWriter{}
	w.open("digraph %s", id(first.ID.Value))
	graphHeader(w, o)
	w.line(`graph [layout=neato, inputscale=72, splines=line, outputorder=nodesfirst, labelloc=t, labeljust=l]`)
	w.line(`node [label="", fixedsize=true]`)
	w.line(`graph [label=<%s>]`, emotionHeading(js, o))

	// Stage bands of the first journey, behind everything else.
	i := 0
	for si, s := range first.Stages {
		if len(s.Touchpoints) == 0 {
			continue
		}
		x0 := x(i) - curveStep/2
		x1 := x(i+len(s.Touchpoints)-1) + curveStep/2
		i += len(s.Touchpoints)
		w.line(`%s [shape=box, style=filled, color=%s, fillcolor=%s, width=%.3f, height=%.3f, pos="%.1f,%.1f!", labelloc=t, label=<<B>%s</B>>, fontsize=11]`,
			id(taken.fresh(fmt.Sprintf("stage-%d", si))), id(t.stageFill(si)), id(t.stageFill(si)),
			(x1-x0-2)/72, (bandTop-bandBottom)/72, (x0+x1)/2, (bandTop+bandBottom)/2, wrapCentered(s.Label(), int((x1-x0)/7)))
	}
	// Axis: a grid line and a label for each score. The lines are thin
	// filled nodes, not edges, so that they lie under the points
	// (outputorder=nodesfirst draws every edge last).
	for s := -2; s <= 2; s++ {
		y := float64(s) * curveUnit
		color, thick := t.StageBorder, 0.75
		if s == 0 {
			color, thick = t.Muted, 1.0
		}
		w.line(`%s [shape=box, style=filled, penwidth=0, fillcolor=%s, width=%.3f, height=%.4f, pos="%.1f,%.1f!"]`,
			id(taken.fresh(fmt.Sprintf("grid%+d", s))), id(color), (right-curveLeft)/72, thick/72, (curveLeft+right)/2, y)
		w.line(`%s [shape=plaintext, width=0.5, height=0.3, pos="%.1f,%.1f!", label=<<FONT COLOR=%s>%s</FONT>>, fontsize=11]`,
			id(taken.fresh(fmt.Sprintf("axis%+d", s))), curveLeft-22, y, id(t.Muted), signed(s))
	}
	// Touchpoint names along the bottom, from the first journey.
	for i, tp := range first.Touchpoints() {
		name := wrapCentered(tp.Label(), 17)
		if tp.MomentOfTruth != nil {
			name = fmt.Sprintf(`<FONT COLOR=%s><B>♦ %s</B></FONT>`, id(t.Moment), name)
		}
		w.line(`%s [shape=plaintext, width=%.3f, height=0.6, pos="%.1f,%.1f!", labelloc=t, label=<%s>, fontsize=9]`,
			id(taken.fresh(fmt.Sprintf("name-%d", i))), (curveStep-6)/72, x(i), nameRow, name)
	}
	// The curves.
	for ji, j := range js {
		color := t.Curves[ji%len(t.Curves)]
		// Overlaid curves sit a few points apart, so that where they agree
		// both stay visible instead of the last hiding the others.
		offset := (float64(ji) - float64(len(js)-1)/2) * 4
		var prev string
		for i, tp := range j.Touchpoints() {
			if tp.Emotion == nil {
				continue // skipped over: the line joins the scored neighbours
			}
			name := pointName(ji, tp)
			fill := t.EmotionColor(tp.Emotion.Score)
			if len(js) > 1 {
				fill = color
			}
			y := float64(tp.Emotion.Score)*curveUnit + offset
			tip := fmt.Sprintf("%s: %s", tp.Label(), signed(tp.Emotion.Score))
			if tp.MomentOfTruth != nil {
				w.line(`%s [shape=diamond, width=0.32, height=0.32, style=filled, fillcolor=%s, color=%s, penwidth=2.5, pos="%.1f,%.1f!", tooltip=%s]`,
					id(name), id(fill), id(t.Moment), x(i), y, tooltip(tip))
			} else {
				w.line(`%s [shape=circle, width=0.2, style=filled, fillcolor=%s, color=%s, penwidth=1.5, pos="%.1f,%.1f!", tooltip=%s]`,
					id(name), id(fill), id(color), x(i), y, tooltip(tip))
			}
			if prev != "" {
				w.line(`%s -> %s [dir=none, color=%s, penwidth=2.5]`, id(prev), id(name), id(color))
			}
			prev = name
		}
	}
	w.close()
	return w.bytes()
}

func emotionHeading(js []*journey.Journey, o *Options) string {
	t := o.Theme
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	if len(js) == 1 {
		b.WriteString(titleRows(js[0], o, "emotion"))
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>Emotional curve: how the customer feels at each touchpoint, from −2 (very negative) to +2 (very positive)  ·  <FONT COLOR=%s><B>♦</B> moment of truth</FONT></FONT></TD></TR>`, id(t.Muted), id(t.Moment))
	} else {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20"><B>Emotional curves</B></FONT></TD></TR>`)
		b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2"><TR>`)
		for ji, j := range js {
			label := j.Title.Value
			if ji < len(o.Labels) && o.Labels[ji] != "" {
				label = o.Labels[ji]
			}
			fmt.Fprintf(&b, `<TD><FONT COLOR=%s POINT-SIZE="14"><B>——</B></FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="11">%s</FONT></TD>`, id(t.Curves[ji%len(t.Curves)]), html(truncate(label, 60)))
		}
		fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s>   <B>♦</B> moment of truth</FONT></TD>`, id(t.Moment))
		b.WriteString(`</TR></TABLE></TD></TR>`)
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}
