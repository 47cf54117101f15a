package render

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// segmentKind says how a step of an emotion curve is drawn.
type segmentKind int

const (
	mainSegment  segmentKind = iota // along the main path: solid
	otherSegment                    // another path: lighter
	loopSegment                     // back to an earlier touchpoint: dotted, with an arrow
	gapSegment                      // in an overlay, across a touchpoint the journey lacks: not drawn
)

// segment is a step of the curve between two scored touchpoints that are
// consecutive along the flow.
type segment struct {
	from, to *journey.Touchpoint
	kind     segmentKind
}

// emotionCurve is one journey's curve in the emotion view.
type emotionCurve struct {
	index    int // which overlaid journey
	color    string
	style    string // solid, or dashed for every second overlaid curve
	offset   float64
	byID     map[string]*journey.Touchpoint
	ends     map[*journey.Touchpoint]bool
	segments []segment
}

func newEmotionCurve(c *emotionChart, j *journey.Journey, ji, n int) *emotionCurve {
	cv := &emotionCurve{index: ji, style: "solid", byID: map[string]*journey.Touchpoint{}, ends: map[*journey.Touchpoint]bool{}}
	if ji%2 == 1 {
		cv.style = "dashed" // tells overlaid curves apart without colour
	}
	cv.offset = (float64(ji) - float64(n-1)/2) * curveOffsetY
	for _, tp := range j.Touchpoints() {
		cv.byID[tp.ID.Value] = tp
	}
	reachable := j.Flow.Reachable()
	for _, tp := range j.Touchpoints() {
		if reachable[tp] && j.Flow.IsEnd(tp) {
			cv.ends[tp] = true
		}
	}
	// The main path's consecutive scored touchpoints.
	main := map[[2]*journey.Touchpoint]bool{}
	var prev *journey.Touchpoint
	for _, tp := range j.Flow.MainPath() {
		if tp.Emotion == nil {
			continue
		}
		if prev != nil {
			main[[2]*journey.Touchpoint{prev, tp}] = true
		}
		prev = tp
	}
	for _, pair := range j.Flow.ScoredSteps() {
		a, okA := c.index[pair[0].ID.Value]
		b, okB := c.index[pair[1].ID.Value]
		if !okA || !okB {
			continue // a step to a touchpoint on another slide of a split journey
		}
		kind := otherSegment
		switch {
		case b <= a:
			kind = loopSegment
		case n > 1 && cv.lacksBetween(c, a, b):
			kind = gapSegment
		case main[pair]:
			kind = mainSegment
		}
		cv.segments = append(cv.segments, segment{pair[0], pair[1], kind})
	}
	return cv
}

// lacksBetween says whether a slot strictly between a and b is a
// touchpoint this curve's journey does not have: a line across it would
// claim the customer still passes there.
func (cv *emotionCurve) lacksBetween(c *emotionChart, a, b int) bool {
	for i := a + 1; i < b; i++ {
		if _, ok := cv.byID[c.slots[i].id]; !ok {
			return true
		}
	}
	return false
}

// has says whether the curve has a segment of kind.
func (cv *emotionCurve) has(kind segmentKind) bool {
	for _, s := range cv.segments {
		if s.kind == kind {
			return true
		}
	}
	return false
}

// withAlpha makes a #rrggbb colour translucent, for the lighter paths.
func withAlpha(color, alpha string) string {
	if len(color) == 7 && color[0] == '#' {
		return color + alpha
	}
	return color
}

// drawCurve writes one journey's points, feelings, end marks and segments.
func drawCurve(w *dotWriter, c *emotionChart, cv *emotionCurve, j *journey.Journey, js []*journey.Journey, o *Options,
	byTP map[*journey.Touchpoint][]journey.Finding, names names, pointName func(int, *journey.Touchpoint) string) {
	t := o.Theme
	ji := cv.index
	color := t.Curves[ji%len(t.Curves)]
	overlay := len(js) > 1
	pos := map[*journey.Touchpoint][2]float64{}
	for _, tp := range j.Touchpoints() {
		if i, ok := c.index[tp.ID.Value]; ok && tp.Emotion != nil {
			x, y0 := c.at(i)
			pos[tp] = [2]float64{x, y0 + float64(tp.Emotion.Score)*curveUnit + cv.offset}
		}
	}
	lines := cv.lines(c, pos)
	m := newMeasurer()
	for _, tp := range j.Touchpoints() {
		if tp.Emotion == nil {
			continue // marked on the axis; the line joins the scored neighbours
		}
		x, y := pos[tp][0], pos[tp][1]
		fill := t.EmotionColor(tp.Emotion.Score)
		if overlay {
			fill = color
		}
		border, width := color, 1.5
		fs := byTP[tp]
		if len(fs) > 0 {
			border, width = t.SeverityColor(worst(fs)), 3
		}
		tip := fmt.Sprintf("%s: %s", tp.Label(), signed(tp.Emotion.Score))
		if tp.Emotion.Feeling != "" {
			tip += " (" + tp.Emotion.Feeling + ")"
		}
		if len(fs) > 0 {
			tip += " — " + ruleList(fs)
		}
		if overlay {
			tip = curveLabel(js, o, ji) + " · " + tip
		}
		if tp.MomentOfTruth != nil {
			if len(fs) == 0 {
				border = t.Moment
			}
			w.line(`%s [shape=diamond, width=0.32, height=0.32, style=filled, fillcolor=%s, color=%s, penwidth=2.5, pos="%.1f,%.1f!", tooltip=%s]`,
				id(pointName(ji, tp)), id(fill), id(border), x, y, tooltip(tip))
		} else {
			w.line(`%s [shape=circle, width=0.2, style=filled, fillcolor=%s, color=%s, penwidth=%.1f, pos="%.1f,%.1f!", tooltip=%s]`,
				id(pointName(ji, tp)), id(fill), id(border), width, x, y, tooltip(tip))
		}
		// Under the point: its feeling; beside it, where the journey ends;
		// above it, its findings; each clear of the curve's lines.
		below := 19.0
		if overlay {
			below += float64(ji) * markLine // overlaid curves of equal score stack their words
		}
		taken := []labelBox{{x: x, y: y, w: 16, h: 16}} // the point itself
		endY, endColor := y+9, t.Muted
		if overlay {
			endY, endColor = y-cv.offset+9+float64(ji)*markLine, color // overlaid curves ending at one touchpoint stack their marks, clear of the grid line
		}
		if cv.ends[tp] {
			taken = append(taken, labelBox{x: x + 30, y: endY, w: 36, h: 11})
		}
		if tp.Emotion.Feeling != "" {
			words := wrapLines(truncate(tp.Emotion.Feeling, 30), 16)
			if len(words) > 2 {
				words = append(words[:1], truncate(joinWrapped(words[1:]), 16))
			}
			for k, l := range words {
				words[k] = html(l)
			}
			fc := t.Muted
			if overlay {
				fc = color
			}
			label := fmt.Sprintf(`<FONT COLOR=%s><I>%s</I></FONT>`, id(fc), strings.Join(words, "<BR/>"))
			h := float64(len(words))*10 + 2
			tw, th := markSize(m, label, 9, 10)
			b := labelSpot(x, y, tw, th, -1, below+h/2-5, false, lines, taken)
			taken = append(taken, b)
			w.line(`%s [shape=plaintext, width=%.3f, height=%.3f, pos="%.1f,%.1f!", label=<%s>, fontsize=9]`,
				id(names.fresh("feeling-"+pointName(ji, tp))), (curveStep-14)/72, h/72, b.x, b.y, label)
		}
		if cv.ends[tp] {
			w.line(`%s [shape=plaintext, width=0.45, height=0.18, pos="%.1f,%.1f!", label=<<FONT COLOR=%s><B>■</B> end</FONT>>, fontsize=9, tooltip=%s]`,
				id(names.fresh("end-"+pointName(ji, tp))), x+30, endY, id(endColor), tooltip("the journey can end at "+tp.Label()))
		}
		if len(fs) > 0 {
			// The finding named where it applies, above the point.
			mark := findingMark(fs, t, 18)
			tw, th := markSize(m, mark, 9, 11)
			b := labelSpot(x, y, tw, th, 1, 16+(th-11)/2, true, lines, taken)
			w.line(`%s [shape=plaintext, width=%.3f, height=0.18, pos="%.1f,%.1f!", label=<%s>, fontsize=9]`,
				id(names.fresh("lint-"+pointName(ji, tp))), (curveStep-10)/72, b.x, b.y, mark)
		}
	}

	for _, s := range cv.segments {
		if s.kind == gapSegment {
			continue // no line across a touchpoint this journey does not have
		}
		a, b := pos[s.from], pos[s.to]
		attrs := fmt.Sprintf(`dir=none, color=%s, penwidth=2.5, style=%s`, id(color), cv.style)
		switch s.kind {
		case otherSegment:
			attrs = fmt.Sprintf(`dir=none, color=%s, penwidth=1.5, style=%s`, id(withAlpha(color, "99")), cv.style)
		case loopSegment:
			attrs = fmt.Sprintf(`dir=forward, color=%s, penwidth=1.5, style=dotted`, id(withAlpha(color, "b3")))
		}
		tip := tooltip(stepTip(s.from, s.to))
		from, to := id(pointName(ji, s.from)), id(pointName(ji, s.to))
		ra, rb := c.row(c.index[s.from.ID.Value]), c.row(c.index[s.to.ID.Value])
		if ra == rb {
			w.line(`%s -> %s [%s, tooltip=%s]`, from, to, attrs, tip)
			continue
		}
		// The step crosses to another row, as a sentence runs on to the
		// next line: out to the end of its row, in from the start of the
		// other, each end marked with the name of the touchpoint it joins.
		_, y0a := c.at(c.index[s.from.ID.Value])
		_, y0b := c.at(c.index[s.to.ID.Value])
		out := id(names.fresh(fmt.Sprintf("wrap %s>%s", pointName(ji, s.from), pointName(ji, s.to))))
		in := id(names.fresh(fmt.Sprintf("wrap %s>%s in", pointName(ji, s.from), pointName(ji, s.to))))
		outY := a[1] - y0a
		inY := b[1] - y0b
		w.line(`%s [shape=plaintext, width=0.9, height=0.18, pos="%.1f,%.1f!", label=<<FONT COLOR=%s>→ %s</FONT>>, fontsize=9]`,
			out, c.rowRight(ra)+36, y0a+outY, id(t.Muted), html(truncate(s.to.Label(), 14)))
		w.line(`%s [shape=plaintext, width=0.9, height=0.18, pos="%.1f,%.1f!", label=<<FONT COLOR=%s>%s →</FONT>>, fontsize=9]`,
			in, curveLeft-40, y0b+inY+21, id(t.Muted), html(truncate(s.from.Label(), 14)))
		w.line(`%s -> %s [%s, tooltip=%s]`, from, out, attrs, tip)
		w.line(`%s -> %s [%s, tooltip=%s]`, in, to, attrs, tip)
	}
}

// lines are the straight lines the curve draws, in chart points: a step
// within a row from point to point, a step to another row out to the end
// of its row and in from the start of the other (as drawCurve draws them).
func (cv *emotionCurve) lines(c *emotionChart, pos map[*journey.Touchpoint][2]float64) [][2][2]float64 {
	var out [][2][2]float64
	for _, s := range cv.segments {
		if s.kind == gapSegment {
			continue
		}
		a, b := pos[s.from], pos[s.to]
		ra, rb := c.row(c.index[s.from.ID.Value]), c.row(c.index[s.to.ID.Value])
		if ra == rb {
			out = append(out, [2][2]float64{a, b})
			continue
		}
		out = append(out, [2][2]float64{a, {c.rowRight(ra) + 36, a[1]}}, [2][2]float64{{curveLeft - 40, b[1] + 21}, b})
	}
	return out
}
