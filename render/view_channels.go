package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// channelsDOT draws channels as nodes and the handoffs between them as
// edges with counts; undocumented handoffs stand out.
func channelsDOT(j *journey.Journey, o *Options) []byte {
	t := o.Theme
	colors, order := channelColors(j, t)
	w := &dotWriter{}
	w.open("digraph %s", id(j.ID.Value))
	graphHeader(w, o)
	w.line(`graph [rankdir=LR, nodesep=0.6, ranksep=1.2, labelloc=t, labeljust=l]`)
	w.line(`node [shape=box, style="rounded,filled", penwidth=1.5, margin="0.2,0.1"]`)
	var head strings.Builder
	head.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">`)
	head.WriteString(titleRows(j, o, "channels"))
	fmt.Fprintf(&head, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR=%s>Channels and the handoffs between them  ·  <FONT COLOR=%s><B>——</B> documented</FONT>  ·  <FONT COLOR=%s><B>- - -</B> with undocumented handoffs</FONT></FONT></TD></TR>`,
		id(t.Muted), id(t.Handoff), id(t.Problem))
	problems := channelFindings(j, o.Findings)
	if rest := unplacedFindings(j, o.Findings, problems); len(rest) > 0 {
		fmt.Fprintf(&head, `<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR=%s><FONT POINT-SIZE="10" COLOR=%s>▲ journey: %s</FONT></TD></TR>`,
			id(t.ProblemFill), id(t.SeverityColor(worst(rest))), wrap(ruleList(rest), 110))
	}
	head.WriteString(`</TABLE>`)
	w.line(`graph [label=<%s>]`, head.String())

	uses := map[string]int{}
	for _, tp := range j.Touchpoints() {
		uses[tp.Channel.Value]++
	}
	for _, c := range order {
		var rows []string
		rows = append(rows, fmt.Sprintf(`<TR><TD><B>%s</B></TD></TR>`, wrapCentered(channelLabel(j, c), 24)))
		var meta []string
		if ch := j.Channel(c); ch != nil {
			if ch.Kind.Value != "" {
				meta = append(meta, ch.Kind.Value)
			}
			if ch.Owner.Value != "" {
				meta = append(meta, ch.Owner.Value)
			} else {
				meta = append(meta, "no owner")
			}
		}
		rows = append(rows, fmt.Sprintf(`<TR><TD><FONT POINT-SIZE="9" COLOR=%s>%s<BR/>%s</FONT></TD></TR>`,
			id(t.Muted), wrapCentered(strings.Join(meta, " · "), 30), html(words.Count(uses[c], "touchpoint"))))
		attrs := fmt.Sprintf("fillcolor=%s", id(colors[c]))
		if fs := problems[c]; len(fs) > 0 {
			rows = append(rows, fmt.Sprintf(`<TR><TD BGCOLOR=%s><FONT POINT-SIZE="9" COLOR=%s>▲ %s</FONT></TD></TR>`, id(t.ProblemFill), id(t.Problem), wrapCentered(ruleList(fs), 30)))
			attrs += fmt.Sprintf(", color=%s, penwidth=2.5", id(t.Problem))
		}
		w.line(`%s [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">%s</TABLE>>, %s]`, id(c), strings.Join(rows, ""), attrs)
	}

	type pair struct{ from, to string }
	total, undocumented := map[pair]int{}, map[pair]int{}
	var pairs []pair
	for _, e := range j.Flow.Handoffs() {
		p := pair{e.From.Channel.Value, e.To.Channel.Value}
		if total[p] == 0 {
			pairs = append(pairs, p)
		}
		total[p]++
		if e.To.Handoff == nil {
			undocumented[p]++
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].from != pairs[b].from {
			return pairs[a].from < pairs[b].from
		}
		return pairs[a].to < pairs[b].to
	})
	for _, p := range pairs {
		n, u := total[p], undocumented[p]
		label := words.Count(n, "handoff")
		width := 1.5 + float64(n)
		if u > 0 {
			label = fmt.Sprintf("%s<BR/><B>▲ %d undocumented</B>", html(label), u)
			w.line(`%s -> %s [label=<%s>, color=%s, fontcolor=%s, style=dashed, penwidth=%.1f]`, id(p.from), id(p.to), label, id(t.Problem), id(t.Problem), width)
			continue
		}
		w.line(`%s -> %s [label=<%s>, color=%s, fontcolor=%s, penwidth=%.1f]`, id(p.from), id(p.to), html(label), id(t.Handoff), id(t.Handoff), width)
	}
	w.close()
	return w.bytes()
}

// unplacedFindings are the journey's findings not shown on a channel.
func unplacedFindings(j *journey.Journey, fs []journey.Finding, placed map[string][]journey.Finding) []journey.Finding {
	shown := map[journey.Finding]bool{}
	for _, list := range placed {
		for _, f := range list {
			shown[f] = true
		}
	}
	var rest []journey.Finding
	for _, f := range fs {
		if f.File == j.File && !shown[f] {
			rest = append(rest, f)
		}
	}
	return rest
}

// channelFindings maps findings at a channel's declaration to the channel.
func channelFindings(j *journey.Journey, fs []journey.Finding) map[string][]journey.Finding {
	out := map[string][]journey.Finding{}
	for _, f := range fs {
		for _, c := range j.Channels {
			if f.File == c.File && f.Line == c.Pos.Line {
				out[c.ID.Value] = append(out[c.ID.Value], f)
			}
		}
		if j.Workspace != nil {
			for _, c := range j.Workspace.Channels {
				if f.File == c.File && f.Line == c.Pos.Line {
					out[c.ID.Value] = append(out[c.ID.Value], f)
				}
			}
		}
	}
	return out
}
