package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Geometry of the emotion view, in points (inputscale=72).
const (
	curveStep    = 118.0 // between touchpoints along x
	curveUnit    = 42.0  // one emotion point along y
	curveLeft    = 70.0  // room for the axis labels
	bandTop      = 3.1 * curveUnit
	bandBottom   = -3.1 * curveUnit // room under −2 for feelings and axis marks
	nameTop      = bandBottom - 8   // touchpoint names hang below the bands
	nameLine     = 11.0             // height of a line of names
	nameWidth    = 17               // characters per line of a name
	nameLines    = 4                // longer names end in …
	rowGap       = 26.0
	maxPerRow    = 14 // touchpoints on one row of the chart before it wraps
	curveOffsetY = 4.0
	markLine     = 11.0 // height of a line of the marks on the axis
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

// emotionChart is the geometry of one emotion view: where each slot sits.
type emotionChart struct {
	slots     []slot
	index     map[string]int
	perRow    int
	rows      int
	rowHeight float64
}

func (c *emotionChart) row(i int) int { return i / c.perRow }

// at is the x of slot i and the y of its row's zero line.
func (c *emotionChart) at(i int) (x, y0 float64) {
	return curveLeft + curveStep/2 + float64(i%c.perRow)*curveStep, -float64(i/c.perRow) * c.rowHeight
}

// rowRight is the right end of row r.
func (c *emotionChart) rowRight(r int) float64 {
	n := min(c.perRow, len(c.slots)-r*c.perRow)
	return curveLeft + float64(n)*curveStep
}

// emotionDOT draws the emotional curve: touchpoints in order along x,
// emotion on y, stages as bands behind, moments of truth as diamonds, the
// line following every edge of the journey's flow between scored
// touchpoints. The main path is solid, other paths lighter, loops dotted
// with an arrow; ends, feelings and unscored touchpoints are marked. A long
// journey wraps into rows. Several journeys (or revisions of one) are
// overlaid, one colour and name each; a touchpoint a journey lacks is a gap
// in its curve.
func emotionDOT(js []*journey.Journey, o *Options) []byte {
	t := o.Theme
	slots, index := emotionSlots(js)
	c := &emotionChart{slots: slots, index: index}
	longest := 1
	for _, s := range slots {
		longest = max(longest, min(nameLines, len(wrapLines(s.label, nameWidth))))
	}
	c.rowHeight = bandTop - nameTop + float64(longest)*nameLine + rowGap
	c.rows = max(1, int(math.Ceil(float64(len(slots))/maxPerRow)))
	if size := o.Size; slideRatio(size) > 0 {
		// Laid out for the slide: as many rows as make the text largest
		// once the picture fills it (a 4:1 strip leaves half a slide blank).
		const heading = 150.0 // title, header and legend, roughly
		best := 0.0
		for r := 1; r <= max(1, len(slots)/3); r++ {
			per := int(math.Ceil(float64(len(slots)) / float64(r)))
			w := curveLeft + float64(per)*curveStep + 60
			h := heading + float64(r)*c.rowHeight
			if pt := textOnSlide(w, h, size); pt > best+1e-9 {
				best, c.rows = pt, r
			}
		}
	}
	c.perRow = max(1, int(math.Ceil(float64(len(slots))/float64(c.rows))))

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
	curves := make([]*emotionCurve, len(js))
	for ji, j := range js {
		curves[ji] = newEmotionCurve(c, j, ji, len(js))
	}

	w := &dotWriter{}
	w.open("digraph %s", id(js[0].ID.Value))
	graphHeader(w, o)
	w.line(`graph [layout=neato, inputscale=72, splines=line, outputorder=nodesfirst, labelloc=t, labeljust=l]`)
	w.line(`node [label="", fixedsize=true]`)
	var rest []journey.Finding
	byTP := map[*journey.Touchpoint][]journey.Finding{}
	for _, j := range js {
		placed := placeFindings(j, o.Findings)
		rest = append(rest, placed.list(j, "stage", "channel")...)
		for _, tp := range j.Touchpoints() {
			if fs := placed.onTouchpoint(tp); len(fs) > 0 {
				byTP[tp] = fs
			}
		}
	}
	w.line(`graph [label=<%s>]`, emotionHeading(js, o, curves, rest))

	for r := 0; r < c.rows; r++ {
		emotionRow(w, c, r, t, taken)
	}
	emotionAxisMarks(w, c, js, curves, o, taken)
	for ji, j := range js {
		drawCurve(w, c, curves[ji], j, js, o, byTP, taken, pointName)
	}
	pinnedLayoutMode(w)
	w.close()
	return w.bytes()
}

// emotionRow draws one row's stage bands, grid lines, axis labels and
// touchpoint names.
func emotionRow(w *dotWriter, c *emotionChart, r int, t *Theme, taken names) {
	slots := c.slots
	first, last := r*c.perRow, min((r+1)*c.perRow, len(slots))-1
	if first > last {
		return
	}
	_, y0 := c.at(first)
	right := c.rowRight(r)
	// Stage bands behind everything: runs of slots in the same stage.
	for a := first; a <= last; {
		b := a
		for b+1 <= last && slots[b+1].stage == slots[a].stage {
			b++
		}
		x0, _ := c.at(a)
		x1, _ := c.at(b)
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
			id(taken.fresh(fmt.Sprintf("grid%+d", s))), id(color), (right-curveLeft)/72, thick/72, (curveLeft+right)/2, y)
		w.line(`%s [shape=plaintext, width=0.5, height=0.3, pos="%.1f,%.1f!", label=<<FONT COLOR=%s>%s</FONT>>, fontsize=11]`,
			id(taken.fresh(fmt.Sprintf("axis%+d", s))), curveLeft-22, y, id(t.Muted), signed(s))
	}
	// Touchpoint names along the bottom of the row.
	for i := first; i <= last; i++ {
		x, _ := c.at(i)
		lines := wrapLines(slots[i].label, nameWidth)
		if len(lines) > nameLines {
			lines = append(lines[:nameLines-1], truncate(joinWrapped(lines[nameLines-1:]), nameWidth))
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

// emotionAxisMarks writes, at the foot of each column, what a curve does
// not show there: a touchpoint with no score ("○ not scored") and, in an
// overlay, a touchpoint a journey does not have ("× not in To-be").
func emotionAxisMarks(w *dotWriter, c *emotionChart, js []*journey.Journey, curves []*emotionCurve, o *Options, taken names) {
	t := o.Theme
	for i, s := range c.slots {
		var marks []string
		for ji, cv := range curves {
			tp, ok := cv.byID[s.id]
			color := t.Muted
			who := ""
			if len(js) > 1 {
				color = t.Curves[ji%len(t.Curves)]
				who = " · " + truncate(curveLabel(js, o, ji), 10)
			}
			switch {
			case !ok:
				marks = append(marks, fmt.Sprintf(`<FONT COLOR=%s>× not in %s</FONT>`, id(color), html(truncate(curveLabel(js, o, ji), 12))))
			case tp.Emotion == nil:
				end := ""
				if cv.ends[tp] {
					end = " · ■ end"
				}
				marks = append(marks, fmt.Sprintf(`<FONT COLOR=%s>○ not scored%s%s</FONT>`, id(color), html(who), end))
			}
		}
		if len(marks) == 0 {
			continue
		}
		x, y0 := c.at(i)
		h := float64(len(marks))*markLine + 2
		w.line(`%s [shape=plaintext, width=%.3f, height=%.3f, pos="%.1f,%.1f!", label=<%s>, fontsize=9]`,
			id(taken.fresh(fmt.Sprintf("mark-%d", i))), (curveStep-6)/72, h/72, x, y0+bandBottom+4+h/2, strings.Join(marks, "<BR/>"))
	}
}
