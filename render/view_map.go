package render

import (
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Geometry of the map view, in points (inputscale=72).
const (
	mapColumn   = 150.0 // a touchpoint's column, at least
	mapLaneHead = 112.0 // the lane titles on the left
	mapGap      = 1.0   // grid lines: the background showing between cells
	mapPad      = 4.0   // inside a cell
	mapText     = 10.0  // lane text size
	mapSmall    = 9.0   // secondary text
	mapLine     = 1.2   // line height, in font sizes (as Graphviz estimates it)
	mapUnit     = 12.0  // one emotion point in the emotion lane
)

// mapColumnOf is one column of the map: a touchpoint, or the single column
// an empty stage keeps.
type mapColumnOf struct {
	tp    *journey.Touchpoint // nil for an empty stage
	stage int
	x, w  float64 // left edge and width
}

// mapCell is the content of one cell: HTML, and its height in points.
type mapCell struct {
	html string
	h    float64
}

// mapLane is a row of the grid: a title and a cell per column.
type mapLane struct {
	title string
	cells []mapCell
	h     float64
}

// mapDOT draws the journey-map grid designers know: stages as column
// headers spanning their touchpoints, a column per touchpoint, and lanes
// for the touchpoint (in its channel's colour), the emotion curve drawn
// through the scores with the feeling under each point, pain points,
// opportunities, moments of truth, owners and what measures each
// touchpoint. An empty stage keeps a column; a lane nobody filled is left
// out. Every cell is placed by us (neato, pinned), sized with the metrics
// of the font that draws it, so nothing crosses its box.
func mapDOT(j *journey.Journey, o *Options) []byte {
	t := o.Theme
	m := newMeasurer()
	colors, order := channelColors(j, o)
	placed := placeFindings(j, o.Findings)
	byTP := map[*journey.Touchpoint][]journey.Finding{}
	for _, tp := range j.Touchpoints() {
		if fs := placed.onTouchpoint(tp); len(fs) > 0 {
			byTP[tp] = fs
		}
	}

	var texts []string
	for _, tp := range j.Touchpoints() {
		texts = append(texts, touchpointTexts(j, tp)...)
	}
	for _, s := range j.Stages {
		texts = append(texts, s.Label())
		texts = append(texts, itemTexts(s.Expectations)...)
	}
	o.textCap = capTexts(o, "map", j, texts)
	g := mapGridFor(j, o, m, mapColumn, colors, placed, byTP)
	if o.Size != "" {
		// Laid out for the slide: the column width whose grid makes text
		// largest once the picture fills it (wider columns, fewer lines).
		const heading = 110.0 // title, header and legend, roughly
		best := textOnSlide(g.right+43, g.height+heading+43, o.Size)
		for _, cw := range []float64{170, 190, 215, 240, 270, 300} {
			if c := mapGridFor(j, o, m, cw, colors, placed, byTP); textOnSlide(c.right+43, c.height+heading+43, o.Size) > best+1e-9 {
				best, g = textOnSlide(c.right+43, c.height+heading+43, o.Size), c
			}
		}
	}
	cols, lanes, right, stageH, stageText, height := g.cols, g.lanes, g.right, g.stageH, g.stageText, g.height

	w := &dotWriter{}
	w.open("digraph %s", id(j.ID.Value))
	graphHeader(w, o)
	w.line(`graph [layout=neato, inputscale=72, splines=line, outputorder=nodesfirst, labelloc=t, labeljust=l]`)
	w.line(`node [label="", fixedsize=true, shape=plain]`)
	w.line(`graph [label=<%s>]`, mapHeading(j, o, order, colors, placed))
	taken := names{}
	for _, tp := range j.Touchpoints() {
		taken.reserve(tp.ID.Value)
	}

	// The grid lines are the background showing between the cells.
	w.line(`%s [shape=box, style=filled, penwidth=0, fillcolor=%s, width=%.3f, height=%.3f, pos="%.1f,%.1f!"]`,
		id(taken.fresh("grid")), id(t.StageBorder), right/72, (height+mapGap)/72, right/2, -height/2+mapGap/2)
	y := 0.0
	for si := range j.Stages {
		first, last := -1, -1
		for ci, c := range cols {
			if c.stage == si {
				if first < 0 {
					first = ci
				}
				last = ci
			}
		}
		x0, x1 := cols[first].x, cols[last].x+cols[last].w
		mapBox(w, taken.fresh(fmt.Sprintf("stage-%d", si)), x0, y, x1-x0, stageH, t.stageFill(o.stageNumber(j, si)), stageText[si].html, mapText)
	}
	mapBox(w, taken.fresh("corner"), 0, y, mapLaneHead, stageH, t.Background, "", 10)
	y -= stageH + mapGap
	for li, l := range lanes {
		mapBox(w, taken.fresh(fmt.Sprintf("lane-%d", li)), 0, y, mapLaneHead, l.h, t.stageFill(0), "<B>"+html(l.title)+"</B>", mapText)
		for ci, c := range cols {
			bg := t.Background
			if l.title == "Emotion" {
				bg = t.stageFill(o.stageNumber(j, c.stage))
			}
			if l.title == "Touchpoint" && c.tp != nil {
				bg = colors[c.tp.Channel.Value]
			}
			mapBox(w, taken.fresh(fmt.Sprintf("cell-%d-%d", li, ci)), c.x, y, c.w, l.h, bg, l.cells[ci].html, mapText)
		}
		if l.title == "Emotion" {
			mapEmotionLane(w, j, o, cols, y, l.h, taken, byTP)
		}
		y -= l.h + mapGap
	}
	pinnedLayoutMode(w)
	w.close()
	return w.bytes()
}

// mapBox writes one cell of the grid: a box of our size at our place, its
// content at the top left.
func mapBox(w *dotWriter, name string, x, top, width, height float64, bg, content string, size float64) {
	if content == "" {
		content = " "
	}
	w.line(`%s [width=%.3f, height=%.3f, pos="%.1f,%.1f!", label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="%g" BGCOLOR=%s FIXEDSIZE="TRUE" WIDTH="%.0f" HEIGHT="%.0f"><TR><TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT"><FONT POINT-SIZE="%g">%s</FONT></TD></TR></TABLE>>]`,
		id(name), width/72, height/72, x+width/2, top-height/2, mapPad, id(bg), width, height, size, content)
}

// joinLines escapes lines and joins them with breaks.
func joinLines(lines []string, br string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = html(l)
	}
	return strings.Join(out, br)
}

// touchpointTexts are the texts a touchpoint shows in the map, for sizing
// its column.
func touchpointTexts(j *journey.Journey, tp *journey.Touchpoint) []string {
	texts := []string{tp.Label(), channelLabel(j, tp.Channel.Value), ownerName(j, tp.ResolvedOwner().Value)}
	texts = append(texts, itemTexts(tp.PainPoints)...)
	texts = append(texts, itemTexts(tp.Opportunities)...)
	texts = append(texts, itemTexts(tp.Backstage)...)
	if tp.MomentOfTruth != nil {
		texts = append(texts, tp.MomentOfTruth.Why)
	}
	return texts
}

// ownerName is an owner as a board reads it: the registry's name for the
// id, else the id.
func ownerName(j *journey.Journey, id string) string {
	if id == "" || j.Workspace == nil {
		return id
	}
	for _, o := range j.Workspace.Owners {
		if o.ID.Value == id && o.Name.Value != "" {
			return o.Name.Value
		}
	}
	return id
}

func itemTexts(items []journey.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return out
}

// mapGrid is the geometry of a map: its columns, lanes and stage headers.
type mapGrid struct {
	cols      []mapColumnOf
	lanes     []mapLane
	right     float64 // right edge of the last column
	stageH    float64
	stageText map[int]mapCell
	height    float64 // of the grid, headers included
}

// mapGridFor lays the grid out with columns at least colW wide.
func mapGridFor(j *journey.Journey, o *Options, m *measurer, colW float64, colors map[string]string, placed *placement, byTP map[*journey.Touchpoint][]journey.Finding) *mapGrid {
	t := o.Theme
	// Columns: as wide as the longest word in them needs, at least colW.
	var cols []mapColumnOf
	x := mapLaneHead + mapGap
	for si, s := range j.Stages {
		if len(s.Touchpoints) == 0 {
			cols = append(cols, mapColumnOf{stage: si, x: x, w: colW})
			x += colW + mapGap
			continue
		}
		for _, tp := range s.Touchpoints {
			w := colW
			for _, text := range touchpointTexts(j, tp) {
				for _, u := range textUnits(text) {
					if uw := m.width(u.text, mapText, true) + 2*mapPad; uw <= 3*colW {
						w = max(w, uw)
					}
				}
			}
			cols = append(cols, mapColumnOf{tp: tp, stage: si, x: x, w: w})
			x += w + mapGap
		}
	}
	right := x

	lanes := mapLanes(j, o, m, cols, colors, byTP)

	// The header row: a stage over its columns.
	stageH := 0.0
	stageText := map[int]mapCell{}
	for si, s := range j.Stages {
		var span float64
		for _, c := range cols {
			if c.stage == si {
				span += c.w + mapGap
			}
		}
		c := &cellText{m: m, width: span - mapGap - 2*mapPad, cap: o.textCap}
		c.add(fmt.Sprintf("%d · %s", o.stageNumber(j, si)+1, s.Label()), 12, true, false, "", "")
		if len(s.Touchpoints) == 0 {
			c.add("(no touchpoints)", mapSmall, false, false, t.Muted, "")
		}
		if fs := placed.stage[s]; len(fs) > 0 {
			mark := findingMark(fs, t, int(c.width/(mapSmall*avgCharEm)))
			c.parts = append(c.parts, fmt.Sprintf(`<FONT POINT-SIZE="%g">%s</FONT>`, mapSmall, mark))
			c.h += float64(strings.Count(mark, "<BR")+1) * mapSmall * mapLine
		}
		for i, e := range s.Expectations {
			prefix := "• "
			if i == 0 {
				prefix = "<B>Expects</B> • "
			}
			c.add(e.Text, mapSmall, false, false, t.Muted, prefix)
		}
		stageText[si] = c.cell()
		stageH = max(stageH, stageText[si].h)
	}
	height := stageH + mapGap
	for _, l := range lanes {
		height += l.h + mapGap
	}
	return &mapGrid{cols: cols, lanes: lanes, right: right, stageH: stageH, stageText: stageText, height: height}
}
