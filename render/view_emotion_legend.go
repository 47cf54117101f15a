package render

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// emotionHeading is the emotion view's title, header, legend and
// journey-level findings. The legend names only what the picture shows.
func emotionHeading(js []*journey.Journey, o *Options, curves []*emotionCurve, rest []journey.Finding) string {
	t := o.Theme
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	if len(js) == 1 {
		b.WriteString(titleRows(js[0], o, "emotion"))
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>Emotional curve: how the customer feels at each touchpoint, from −2 (very negative) to +2 (very positive)</FONT></TD></TR>`, id(t.Muted))
	} else {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="20"><B>%s</B></FONT></TD></TR>`, wrap(overlayTitle(js, o), 80))
		// One line of text, not a nested table: Graphviz would stretch a
		// table's cells across the heading's width.
		var names []string
		for ji := range js {
			dash := "———"
			if ji%2 == 1 {
				dash = "- - -"
			}
			names = append(names, fmt.Sprintf(`<FONT COLOR=%s><B>%s&#160;&#160;%s</B></FONT>`,
				id(t.Curves[ji%len(t.Curves)]), dash, html(truncate(curveLabel(js, o, ji), 60))))
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">%s</FONT></TD></TR>`, strings.Join(names, "&#160;&#160;&#160;&#160;&#160;&#160;"))
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>Touchpoints are matched by id; a gap in a curve is a touchpoint that journey does not have (×).</FONT></TD></TR>`, id(t.Muted))
	}
	b.WriteString(emotionKey(js, curves, o))
	b.WriteString(journeyFindingsRows(rest, t))
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

// emotionKey explains the marks the curves use: the main path and other
// paths, loops, ends, unscored touchpoints, moments of truth, feelings.
func emotionKey(js []*journey.Journey, curves []*emotionCurve, o *Options) string {
	t := o.Theme
	line := t.Curves[0]
	if len(js) > 1 {
		line = t.Text
	}
	var has = func(k segmentKind) bool {
		for _, cv := range curves {
			if cv.has(k) {
				return true
			}
		}
		return false
	}
	var keys []string
	if has(otherSegment) {
		keys = append(keys, fmt.Sprintf(`<FONT COLOR=%s><B>——</B></FONT>&#160;&#160;main path`, id(line)),
			fmt.Sprintf(`<FONT COLOR=%s>─ ─</FONT> other paths (lighter)`, id(line)))
	}
	if has(loopSegment) {
		keys = append(keys, fmt.Sprintf(`<FONT COLOR=%s><B>···›</B></FONT> loops back to an earlier touchpoint`, id(line)))
	}
	ends, unscored, moments, feelings := false, false, false, false
	for _, j := range js {
		reachable := j.Flow.Reachable()
		for _, tp := range j.Touchpoints() {
			ends = ends || (reachable[tp] && j.Flow.IsEnd(tp))
			unscored = unscored || tp.Emotion == nil
			moments = moments || tp.MomentOfTruth != nil
			feelings = feelings || (tp.Emotion != nil && tp.Emotion.Feeling != "")
		}
	}
	if ends {
		keys = append(keys, `<B>■</B> journey can end here`)
	}
	if unscored {
		keys = append(keys, `○ touchpoint not scored`)
	}
	if moments {
		keys = append(keys, fmt.Sprintf(`<FONT COLOR=%s><B>♦</B>&#160;moment of truth</FONT>`, id(t.Moment)))
	}
	if feelings {
		keys = append(keys, `<I>feeling</I> under each point`)
	}
	if o.Findings != nil {
		keys = append(keys, severityKey(t))
	}
	if len(keys) == 0 {
		return ""
	}
	return fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>%s</FONT></TD></TR>`, id(t.Muted), strings.Join(keys, "   ·   "))
}

// severityKey explains the colours of lint marks.
func severityKey(t *Theme) string {
	return fmt.Sprintf(`▲ lint: <FONT COLOR=%s>error</FONT> <FONT COLOR=%s>warning</FONT> <FONT COLOR=%s>info</FONT>`,
		id(t.SeverityColor(journey.Error)), id(t.SeverityColor(journey.Warning)), id(t.SeverityColor(journey.Info)))
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
