package render

import (
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// labelBox is where a label's text lies in the emotion chart, in points:
// its centre and size.
type labelBox struct{ x, y, w, h float64 }

// overlaps says whether two boxes share any area.
func (b labelBox) overlaps(o labelBox) bool {
	return b.x-b.w/2 < o.x+o.w/2 && o.x-o.w/2 < b.x+b.w/2 &&
		b.y-b.h/2 < o.y+o.h/2 && o.y-o.h/2 < b.y+b.h/2
}

// crossedBy says whether the straight line from a to b passes through the
// box (Liang–Barsky clipping).
func (b labelBox) crossedBy(a, c [2]float64) bool {
	dx, dy := c[0]-a[0], c[1]-a[1]
	lo, hi := 0.0, 1.0
	for _, e := range [4][2]float64{
		{-dx, a[0] - (b.x - b.w/2)}, {dx, (b.x + b.w/2) - a[0]},
		{-dy, a[1] - (b.y - b.h/2)}, {dy, (b.y + b.h/2) - a[1]},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false // parallel to this edge and outside it
			}
			continue
		}
		r := q / p
		if p < 0 {
			lo = max(lo, r)
		} else {
			hi = min(hi, r)
		}
		if lo > hi {
			return false
		}
	}
	return true
}

// labelSpot finds room for a label near the point at (x, y): on side
// (+1 above, −1 below) at distance dist from the point to the label's
// centre, else deeper on that side, else shifted sideways, so that no line
// of the curve crosses it and it does not cover the point's other labels.
// The curve is drawn over the labels, so a crossed word reads as struck
// through; a peak leaves room deeper under it between its two lines, a
// slope beside the line that leaves the point; with mayFlip, the other
// side will do. When nothing is free the label keeps its usual place.
func labelSpot(x, y, w, h, side, dist float64, mayFlip bool, lines [][2][2]float64, taken []labelBox) labelBox {
	free := func(b labelBox) bool {
		for _, l := range lines {
			if b.crossedBy(l[0], l[1]) {
				return false
			}
		}
		for _, o := range taken {
			if b.overlaps(o) {
				return false
			}
		}
		return true
	}
	at := func(dx, extra float64) labelBox {
		return labelBox{x: x + dx, y: y + side*(dist+extra), w: w, h: h}
	}
	// Deeper first (the label stays centred under or over its point), then
	// beside the line, then deeper still: about one emotion point at most.
	var tries []labelBox
	for extra := 0.0; extra <= 24; extra += 4 {
		tries = append(tries, at(0, extra))
	}
	for _, extra := range []float64{0, 8, 16} {
		tries = append(tries, at(-w/2+4, extra), at(w/2-4, extra))
	}
	for extra := 28.0; extra <= curveUnit; extra += 4 {
		tries = append(tries, at(0, extra))
	}
	if mayFlip {
		// A label too wide for the V of a trough goes under it, below
		// what is there already.
		for extra := 0.0; extra <= 2*curveUnit; extra += 4 {
			tries = append(tries, labelBox{x: x, y: y - side*(dist+extra), w: w, h: h})
		}
	}
	for _, b := range tries {
		if free(b) {
			return b
		}
	}
	return at(0, 0)
}

var markupTag = lazyre.New(`<[^>]*>`)

// markSize is the size of an HTML label of lines at size points as the
// font draws it: its widest line and its height.
func markSize(m *measurer, label string, size, lineHeight float64) (w, h float64) {
	lines := strings.Split(label, "<BR")
	for _, l := range lines {
		w = max(w, m.width(unescapeHTML(markupTag().ReplaceAllString("<"+l, "")), size, false))
	}
	return w, float64(len(lines)) * lineHeight
}

// unescapeHTML turns the entities html writes back into characters, for
// measuring.
func unescapeHTML(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}
