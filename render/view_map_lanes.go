package render

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

// tags matches HTML-like markup, to measure a prefix by its text.
var tags = lazyre.New(`<[^>]*>`)

// cellText builds a cell's content line by line, wrapped to the cell and
// measured, so the lane knows how tall the cell is.
type cellText struct {
	m     *measurer
	width float64 // inside the padding
	parts []string
	h     float64
	cap   int // texts longer than this many characters are cut (textCap); 0 for none
}

// add wraps text at size points and appends it, in color when not "",
// bold or italic as asked, after prefix (a bullet, a mark) which is
// already HTML.
func (c *cellText) add(text string, size float64, bold, italic bool, color, prefix string) {
	if strings.TrimSpace(text) == "" && prefix == "" {
		return
	}
	text = cutText(text, c.cap)
	prefixW := 0.0
	if prefix != "" {
		// The prefix is HTML; measured bold, the wider, as its text.
		prefixW = c.m.width(tags().ReplaceAllString(prefix, ""), size, true)
	}
	lines := breakLines(c.m, text, c.width-prefixW, size, bold)
	s := joinLines(lines, `<BR ALIGN="LEFT"/>`)
	if italic {
		s = "<I>" + s + "</I>"
	}
	if bold {
		s = "<B>" + s + "</B>"
	}
	s = prefix + s
	if color != "" {
		s = fmt.Sprintf(`<FONT COLOR=%s>%s</FONT>`, id(color), s)
	}
	if size != mapText {
		s = fmt.Sprintf(`<FONT POINT-SIZE="%g">%s</FONT>`, size, s)
	}
	c.parts = append(c.parts, s)
	c.h += float64(len(lines)) * size * mapLine
}

func (c *cellText) cell() mapCell {
	return mapCell{html: strings.Join(c.parts, `<BR ALIGN="LEFT"/>`), h: c.h + 2*mapPad}
}

// mapLanes builds the lanes that have something in them.
func mapLanes(j *journey.Journey, o *Options, m *measurer, cols []mapColumnOf, colors map[string]string, byTP map[*journey.Touchpoint][]journey.Finding) []mapLane {
	t := o.Theme
	lane := func(title string, fill func(c *cellText, tp *journey.Touchpoint)) (mapLane, bool) {
		l := mapLane{title: title, h: 0}
		filled := false
		for _, col := range cols {
			c := &cellText{m: m, width: col.w - 2*mapPad, cap: o.textCap}
			if col.tp != nil {
				fill(c, col.tp)
			}
			filled = filled || len(c.parts) > 0
			cell := c.cell()
			l.cells = append(l.cells, cell)
			l.h = max(l.h, cell.h)
		}
		l.h = max(l.h, mapText*mapLine+2*mapPad)
		return l, filled
	}
	var lanes []mapLane
	tpLane, _ := lane("Touchpoint", func(c *cellText, tp *journey.Touchpoint) {
		c.add(tp.Label(), mapText, true, false, "", "")
		// The channel named in every chip, so the mono theme (and a
		// colour-blind reader) tells channels apart without colour.
		c.add(channelLabel(j, tp.Channel.Value), mapSmall, false, false, "", "▪ ")
		if fs := byTP[tp]; len(fs) > 0 {
			mark := findingMark(fs, t, int((c.width)/(mapSmall*avgCharEm)))
			c.parts = append(c.parts, fmt.Sprintf(`<FONT POINT-SIZE="%g">%s</FONT>`, mapSmall, mark))
			c.h += float64(strings.Count(mark, "<BR")+1) * mapSmall * mapLine
		}
	})
	lanes = append(lanes, tpLane)
	scored := false
	for _, tp := range j.Touchpoints() {
		scored = scored || tp.Emotion != nil
	}
	if scored {
		l := mapLane{title: "Emotion", h: mapEmotionHeight}
		for range cols {
			l.cells = append(l.cells, mapCell{})
		}
		lanes = append(lanes, l)
	}
	for _, spec := range []struct {
		title string
		fill  func(c *cellText, tp *journey.Touchpoint)
	}{
		{"Pain points", func(c *cellText, tp *journey.Touchpoint) {
			for _, it := range tp.PainPoints {
				c.add(it.Text, mapText, false, false, "", "• ")
			}
		}},
		{"Opportunities", func(c *cellText, tp *journey.Touchpoint) {
			for _, it := range tp.Opportunities {
				c.add(it.Text, mapText, false, false, "", "• ")
			}
		}},
		{"Moment of truth", func(c *cellText, tp *journey.Touchpoint) {
			if tp.MomentOfTruth == nil {
				return
			}
			c.add("Moment of truth", mapSmall, true, false, t.Moment, "♦ ")
			c.add(tp.MomentOfTruth.Why, mapText, false, false, "", "")
		}},
		{"Owner", func(c *cellText, tp *journey.Touchpoint) {
			c.add(ownerName(j, tp.ResolvedOwner().Value), mapText, false, false, "", "")
		}},
		{"Measured by", func(c *cellText, tp *journey.Touchpoint) {
			for _, id := range tp.Metrics {
				text := id.Value
				if mt := j.Metric(id.Value); mt != nil {
					text = metricLabel(mt)
				}
				c.add(text, mapText, false, false, "", "□ ")
			}
			for _, id := range tp.Listening {
				text := id.Value
				if lp := j.ListeningPost(id.Value); lp != nil && lp.Name.Value != "" {
					text = lp.Name.Value
				}
				c.add(text, mapText, false, false, "", "◦ ")
			}
		}},
		{"Backstage", func(c *cellText, tp *journey.Touchpoint) {
			for _, it := range tp.Backstage {
				c.add(it.Text, mapText, false, false, t.Muted, "• ")
			}
		}},
	} {
		if l, filled := lane(spec.title, spec.fill); filled {
			lanes = append(lanes, l)
		}
	}
	return lanes
}

// metricLabel is a metric as a board reads it: its name and target.
func metricLabel(mt *journey.Metric) string {
	name := mt.Name.Value
	if name == "" {
		name = mt.ID.Value
	}
	if mt.Target.Value != "" {
		name += " (target " + mt.Target.Value + ")"
	}
	return name
}

// The emotion lane: room above +2, four steps, and room under −2 for the
// feeling.
const (
	mapEmotionTop    = 11.0
	mapEmotionHeight = mapEmotionTop + 4*mapUnit + 27
)

// mapEmotionLane draws the curve through the touchpoints' scores, in the
// emotion lane whose top is at top: the same marks as the emotion view.
func mapEmotionLane(w *dotWriter, j *journey.Journey, o *Options, cols []mapColumnOf, top, h float64, taken names, byTP map[*journey.Touchpoint][]journey.Finding) {
	t := o.Theme
	yOf := func(score int) float64 { return top - mapEmotionTop - float64(2-score)*mapUnit }
	right := cols[len(cols)-1].x + cols[len(cols)-1].w
	// The zero line and the scale, in the lane's title cell.
	w.line(`%s [shape=box, style=filled, penwidth=0, fillcolor=%s, width=%.3f, height=%.4f, pos="%.1f,%.1f!"]`,
		id(taken.fresh("zero")), id(t.StageBorder), (right-mapLaneHead)/72, 1.0/72, (mapLaneHead+right)/2, yOf(0))
	for _, s := range []int{2, 0, -2} {
		w.line(`%s [shape=plaintext, width=0.3, height=0.18, pos="%.1f,%.1f!", label=<<FONT POINT-SIZE="9" COLOR=%s>%s</FONT>>]`,
			id(taken.fresh(fmt.Sprintf("scale%+d", s))), mapLaneHead-14, yOf(s), id(t.Muted), signed(s))
	}
	index := map[string]int{}
	x := map[*journey.Touchpoint]float64{}
	for ci, c := range cols {
		if c.tp != nil {
			index[c.tp.ID.Value] = ci
			x[c.tp] = c.x + c.w/2
		}
	}
	cv := newEmotionCurve(&emotionChart{index: index}, j, 0, 1)
	color := t.Curves[0]
	for _, c := range cols {
		tp := c.tp
		if tp == nil {
			continue
		}
		cx := x[tp]
		if tp.Emotion == nil {
			w.line(`%s [shape=plaintext, width=%.3f, height=0.18, pos="%.1f,%.1f!", label=<<FONT POINT-SIZE="9" COLOR=%s>○ not scored</FONT>>]`,
				id(taken.fresh("unscored-"+tp.ID.Value)), (c.w-2*mapPad)/72, cx, top-h+10, id(t.Muted))
			continue
		}
		y := yOf(tp.Emotion.Score)
		border := color
		if tp.MomentOfTruth != nil {
			border = t.Moment
		}
		if fs := byTP[tp]; len(fs) > 0 {
			border = t.SeverityColor(worst(fs))
		}
		tip := fmt.Sprintf("%s: %s", tp.Label(), signed(tp.Emotion.Score))
		shape := `shape=circle, width=0.17, height=0.17`
		if tp.MomentOfTruth != nil {
			shape = `shape=diamond, width=0.28, height=0.28`
		}
		w.line(`%s [%s, style=filled, fillcolor=%s, color=%s, penwidth=2, pos="%.1f,%.1f!", tooltip=%s]`,
			id(tp.ID.Value), shape, id(t.EmotionColor(tp.Emotion.Score)), id(border), cx, y, tooltip(tip))
		label := fmt.Sprintf(`<B>%s</B>`, signed(tp.Emotion.Score))
		if f := tp.Emotion.Feeling; f != "" {
			lines := breakLines(newMeasurer(), truncate(f, 40), c.w-2*mapPad, mapSmall, false)
			if len(lines) > 2 {
				lines = append(lines[:1], truncate(joinWrapped(lines[1:]), 20))
			}
			label += " <I>" + joinLines(lines, "<BR/>") + "</I>"
		}
		lh := 2*mapSmall*mapLine + 2
		w.line(`%s [shape=plaintext, width=%.3f, height=%.3f, pos="%.1f,%.1f!", label=<<FONT POINT-SIZE="9" COLOR=%s>%s</FONT>>]`,
			id(taken.fresh("feeling-"+tp.ID.Value)), (c.w-2*mapPad)/72, lh/72, cx, y-10-lh/2, id(t.Muted), label)
		if cv.ends[tp] {
			w.line(`%s [shape=plaintext, width=0.45, height=0.18, pos="%.1f,%.1f!", label=<<FONT POINT-SIZE="9" COLOR=%s><B>■</B> end</FONT>>]`,
				id(taken.fresh("end-"+tp.ID.Value)), cx+30, y+7, id(t.Muted))
		}
	}
	for _, s := range cv.segments {
		attrs := fmt.Sprintf(`dir=none, color=%s, penwidth=2.5, style=solid`, id(color))
		switch s.kind {
		case otherSegment:
			attrs = fmt.Sprintf(`dir=none, color=%s, penwidth=1.5, style=solid`, id(withAlpha(color, "99")))
		case loopSegment:
			attrs = fmt.Sprintf(`dir=forward, color=%s, penwidth=1.5, style=dotted`, id(withAlpha(color, "b3")))
		}
		w.line(`%s -> %s [%s, tooltip=%s]`, id(s.from.ID.Value), id(s.to.ID.Value), attrs, tooltip(stepTip(s.from, s.to)))
	}
}

// mapHeading is the map's title, header, channel legend, key and the
// journey-level findings.
func mapHeading(j *journey.Journey, o *Options, order []string, colors map[string]string, placed *placement) string {
	t := o.Theme
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	b.WriteString(titleRows(j, o, "map"))
	b.WriteString(`<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>`)
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10"><B>Channels</B></FONT></TD>`)
	b.WriteString(channelLegend(j, t, order, colors, placed))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s>   <B>♦</B>&#160;moment of truth</FONT></TD>`, id(t.Moment))
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10" COLOR=%s>□ metric   ◦ listening post</FONT></TD>`, id(t.Muted))
	if o.Findings != nil {
		fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="10">%s</FONT></TD>`, severityKey(t))
	}
	b.WriteString(`</TR></TABLE></TD></TR>`)
	b.WriteString(journeyFindingsRows(placed.list(j), t))
	b.WriteString(`</TABLE>`)
	return b.String()
}
