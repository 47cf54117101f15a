package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// findingMark names the rules of findings about one element, each in the
// colour of its severity, after a ▲ in the colour of the worst: the same
// mark in every view.
func findingMark(fs []journey.Finding, t *Theme, width int) string {
	type rule struct {
		name  string
		sev   journey.Severity
		count int
	}
	var rules []*rule
	byName := map[string]*rule{}
	for _, f := range fs {
		r := byName[f.Rule]
		if r == nil {
			r = &rule{name: f.Rule, sev: f.Severity}
			byName[f.Rule] = r
			rules = append(rules, r)
		}
		r.sev = max(r.sev, f.Severity)
		r.count++
	}
	sort.Slice(rules, func(a, b int) bool { return rules[a].name < rules[b].name })
	// Lines are filled with whole rule names, so a name is never broken.
	var lines []string
	cur, curLen := fmt.Sprintf(`<FONT COLOR=%s><B>▲</B></FONT>`, id(t.SeverityColor(worst(fs)))), 1
	for i, r := range rules {
		text := r.name
		if r.count > 1 {
			text += fmt.Sprintf(" ×%d", r.count)
		}
		if i < len(rules)-1 {
			text += ","
		}
		n := len([]rune(text))
		if curLen > 1 && curLen+1+n > width {
			lines = append(lines, cur)
			cur, curLen = "", 0
		}
		if curLen > 0 {
			cur += " "
			curLen++
		}
		cur += fmt.Sprintf(`<FONT COLOR=%s>%s</FONT>`, id(t.SeverityColor(r.sev)), html(text))
		curLen += n
	}
	lines = append(lines, cur)
	return strings.Join(lines, `<BR ALIGN="LEFT"/>`)
}

// findingsRow is the table row under an element that has findings: its
// rules on the findings background, at size points.
func findingsRow(fs []journey.Finding, t *Theme, width, size int) string {
	return fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="%d">%s</FONT></TD></TR>`,
		id(t.ProblemFill), size, findingMark(fs, t, width))
}

// journeyFindingsRows lists the findings about the journey as a whole (or
// that no element of the view shows) in a view's heading, one a line:
// rule and message, coloured by severity.
func journeyFindingsRows(fs []journey.Finding, t *Theme) string {
	if len(fs) == 0 {
		return ""
	}
	var lines []string
	for _, f := range fs {
		// Two spaces after the rule: Graphviz estimates ▲ a point or two
		// narrower than the font draws it, and the message run is placed
		// where it thinks the rule ends. (A nested table would be stretched
		// across the heading.)
		lines = append(lines, fmt.Sprintf(`<FONT COLOR=%s><B>▲ %s</B></FONT>&#160;&#160;%s`, id(t.SeverityColor(f.Severity)), html(f.Rule), wrap(truncate(f.Message, 160), 110)))
	}
	return fmt.Sprintf(`<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="10">%s</FONT></TD></TR>`,
		id(t.ProblemFill), strings.Join(lines, `<BR ALIGN="LEFT"/>`))
}

// channelLegend is the swatches of the channels in order of first use,
// each named (and marked with its findings), as cells of a legend row.
func channelLegend(j *journey.Journey, t *Theme, order []string, colors map[string]string, placed *placement) string {
	var b strings.Builder
	for _, c := range order {
		mark := ""
		if fs := placed.channel[c]; len(fs) > 0 {
			mark = " " + findingMark(fs, t, 40)
		}
		fmt.Fprintf(&b, `<TD BGCOLOR=%s BORDER="1" COLOR=%s><FONT POINT-SIZE="10">▪ %s%s</FONT></TD>`, id(colors[c]), id(t.NodeBorder), html(channelLabel(j, c)), mark)
	}
	return b.String()
}
