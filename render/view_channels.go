package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// channelPair is an edge of the channels view: handoffs from one channel
// to another.
type channelPair struct{ from, to string }

// channelsDOT draws channels as nodes and the handoffs between them as
// edges with counts; undocumented handoffs stand out.
func channelsDOT(j *journey.Journey, o *Options) []byte {
	t := o.Theme
	colors, order := channelColors(j, o)
	placed := placeFindings(j, o.Findings)

	total, undocumented := map[channelPair]int{}, map[channelPair]int{}
	findings := map[channelPair][]journey.Finding{}
	shown := map[handoffKey]bool{}
	var pairs []channelPair
	for _, e := range j.Flow.Handoffs() {
		p := channelPair{e.From.Channel.Value, e.To.Channel.Value}
		if total[p] == 0 {
			pairs = append(pairs, p)
		}
		total[p]++
		if e.To.Handoff == nil {
			undocumented[p]++
		}
		k := handoffKey{e.From.ID.Value, e.To.ID.Value}
		findings[p] = append(findings[p], placed.handoff[k]...)
		shown[k] = true
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].from != pairs[b].from {
			return pairs[a].from < pairs[b].from
		}
		return pairs[a].to < pairs[b].to
	})
	// The list: what has no element here, including findings about a flow
	// edge that does not change channel.
	rest := placed.list(j, "stage", "touchpoint")
	for _, k := range sortedHandoffs(placed.handoff) {
		if !shown[k] {
			rest = append(rest, placed.handoff[k]...)
		}
	}

	w := &dotWriter{}
	w.open("digraph %s", id(j.ID.Value))
	graphHeader(w, o)
	w.line(`graph [rankdir=LR, nodesep=0.6, ranksep=1.2, labelloc=t, labeljust=l]`)
	w.line(`node [shape=box, style="rounded,filled", penwidth=1.5, margin="0.2,0.1"]`)
	var head strings.Builder
	head.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	head.WriteString(titleRows(j, o, "channels"))
	key := fmt.Sprintf(`Channels and the handoffs between them  ·  <FONT COLOR=%s><B>——</B>&#160;&#160;documented</FONT>  ·  <FONT COLOR=%s><B>- - -</B>&#160;&#160;with undocumented handoffs</FONT>`, id(t.Handoff), id(t.Problem))
	if o.Findings != nil {
		key += "  ·  " + severityKey(t)
	}
	fmt.Fprintf(&head, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>%s</FONT></TD></TR>`, id(t.Muted), key)
	head.WriteString(journeyFindingsRows(rest, t))
	head.WriteString(`</TABLE>`)
	w.line(`graph [label=<%s>]`, head.String())

	uses := map[string]int{}
	for _, tp := range j.Touchpoints() {
		uses[tp.Channel.Value]++
	}
	for _, c := range order {
		var rows []string
		rows = append(rows, fmt.Sprintf(`<TR><TD%s><B>%s</B></TD></TR>`, textWidth(channelLabel(j, c), 24, 11, true, 2), wrapCentered(channelLabel(j, c), 24)))
		var meta []string
		if ch := j.Channel(c); ch != nil {
			if ch.Kind.Value != "" {
				meta = append(meta, ch.Kind.Value)
			}
			if ch.Owner.Value != "" {
				meta = append(meta, ownerName(j, ch.Owner.Value))
			} else {
				meta = append(meta, "no owner")
			}
		}
		rows = append(rows, fmt.Sprintf(`<TR><TD><FONT POINT-SIZE="9" COLOR=%s>%s<BR/>%s</FONT></TD></TR>`,
			id(t.Muted), wrapCentered(strings.Join(meta, " · "), 30), html(words.Count(uses[c], "touchpoint"))))
		attrs := fmt.Sprintf("fillcolor=%s", id(colors[c]))
		if fs := placed.channel[c]; len(fs) > 0 {
			rows = append(rows, findingsRow(fs, t, 30, 9))
			attrs += fmt.Sprintf(", color=%s, penwidth=2.5", id(t.SeverityColor(worst(fs))))
		}
		w.line(`%s [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">%s</TABLE>>, %s]`, id(c), strings.Join(rows, ""), attrs)
	}

	for _, p := range pairs {
		n, u := total[p], undocumented[p]
		label := html(words.Count(n, "handoff"))
		width := 1.5 + float64(n)
		color, style := t.Handoff, "solid"
		if u > 0 {
			label += fmt.Sprintf("<BR/><B>▲ %d undocumented</B>", u)
			color, style = t.Problem, "dashed"
		}
		if fs := findings[p]; len(fs) > 0 {
			label += "<BR/>" + findingMark(fs, t, 30)
			color = t.SeverityColor(worst(fs))
		}
		w.line(`%s -> %s [label=<%s>, color=%s, fontcolor=%s, style=%s, penwidth=%.1f]`, id(p.from), id(p.to), label, id(color), id(color), style, width)
	}
	w.close()
	return w.bytes()
}
