package render

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
)

// ErrTooLarge is returned for a PNG too large to paint at the chosen dpi.
var ErrTooLarge = errors.New("the PNG is too large")

const (
	maxDPI = 2400
	// maxPixels bounds the canvas (~480 MB of RGBA) so an absurd dpi or graph
	// size fails cleanly instead of exhausting memory.
	maxPixels = 120_000_000
	// defaultPad is Graphviz's default pad (4 points) around the drawing.
	defaultPad = 4.0
)

var (
	defaultBackground = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	black             = color.NRGBA{0, 0, 0, 0xff}
)

// paintPNG draws the xdot operations of g onto a canvas at dpi and encodes it.
func paintPNG(g *xdotGraph, dpi float64, filledBezier string) ([]byte, error) {
	width, height, s, err := canvasSize(g, dpi)
	if err != nil {
		return nil, err
	}
	if float64(width)*float64(height) > maxPixels {
		return nil, fmt.Errorf("%w: it would be %dx%d pixels; lower --dpi", ErrTooLarge, width, height)
	}
	llx, _, _, ury, _ := parseBB(g.BB)
	padX, padY := defaultPad, defaultPad
	if x, y, _, ok := parsePointPair(g.Pad); ok {
		padX, padY = x*72, y*72
	}
	faces, err := newFaceCache()
	if err != nil {
		return nil, err
	}
	defer faces.close()
	// rotate=90 (or landscape) turns the drawing a quarter counterclockwise.
	rotated := strings.TrimSpace(g.Rotate) == "90" || isTrue(g.Landscape)
	var dc *gg.Context
	if rotated {
		dc = gg.NewContext(height, width)
		dc.Translate(0, float64(width))
		dc.Rotate(-math.Pi / 2)
	} else {
		dc = gg.NewContext(width, height)
	}
	p := &painter{
		dc:    dc,
		s:     s,
		ox:    (padX - llx) * s,
		oy:    (padY + ury) * s,
		faces: faces,

		filledBezier: filledBezier,
	}
	bg := defaultBackground
	if c, ok := parseColor(g.BgColor); ok {
		bg = c
	}
	p.dc.SetColor(bg)
	p.dc.Clear()
	p.dc.SetLineCapButt()
	p.dc.SetLineJoinRound()

	p.paintGraph(g)

	img, ok := p.dc.Image().(*image.RGBA)
	if !ok {
		return nil, fmt.Errorf("render: canvas is a %T, not RGBA", p.dc.Image())
	}
	out, err := encodePNG(img)
	if err != nil {
		return nil, fmt.Errorf("render: encoding png: %w", err)
	}
	return out, nil
}

func isTrue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1":
		return true
	}
	return false
}

// paintGraph draws in Graphviz's emit order: background and graph label,
// clusters (parents before children), then nodes and edges.
func (p *painter) paintGraph(g *xdotGraph) {
	p.ops(g.Draw)
	p.ops(g.LDraw)

	drawnSub := make([]bool, len(g.Objects))
	var sub func(i int)
	sub = func(i int) {
		if i < 0 || i >= len(g.Objects) || drawnSub[i] {
			return
		}
		drawnSub[i] = true
		o := &g.Objects[i]
		p.ops(o.Draw)
		p.ops(o.LDraw)
		for _, c := range o.Subgraphs {
			sub(c)
		}
	}
	for _, c := range g.Subgraphs {
		sub(c)
	}
	for i := 0; i < g.SubgraphCnt && i < len(g.Objects); i++ {
		sub(i) // any subgraph not reachable from the root list
	}

	first := min(max(g.SubgraphCnt, 0), len(g.Objects))
	nodes := g.Objects[first:]
	drawn := make([]bool, len(g.Objects))
	node := func(i int) {
		if i < first || i >= len(g.Objects) || drawn[i] {
			return
		}
		drawn[i] = true
		p.ops(g.Objects[i].Draw)
		p.ops(g.Objects[i].LDraw)
	}
	edge := func(e *xdotEdge) {
		p.ops(e.Draw)
		p.ops(e.TDraw)
		p.ops(e.HDraw)
		p.ops(e.LDraw)
		p.ops(e.TLDraw)
		p.ops(e.HLDraw)
	}
	switch g.OutputOrder {
	case "nodesfirst":
		for i := range nodes {
			node(first + i)
		}
		for i := range g.Edges {
			edge(&g.Edges[i])
		}
	case "edgesfirst":
		for i := range g.Edges {
			edge(&g.Edges[i])
		}
		for i := range nodes {
			node(first + i)
		}
	default: // breadthfirst: each node, then its out-edges with their heads
		out := make(map[int][]int, len(nodes))
		for i, e := range g.Edges {
			out[e.Tail] = append(out[e.Tail], i)
		}
		for i := range nodes {
			n := first + i
			node(n)
			for _, ei := range out[n] {
				e := &g.Edges[ei]
				node(e.Head)
				edge(e)
			}
		}
		// edges whose tail is not a known node (should not happen)
		for i := range g.Edges {
			if t := g.Edges[i].Tail; t < first || t >= len(g.Objects) {
				edge(&g.Edges[i])
			}
		}
	}
}

// painter holds the canvas and the xdot drawing state.
type painter struct {
	dc     *gg.Context
	s      float64 // pixels per point
	ox, oy float64 // pixel position of graph point (0,0)
	faces  *faceCache
	// filledBezier is the op letter of a filled bezier ("B" or "b").
	filledBezier string

	pen      color.NRGBA
	fill     color.NRGBA
	fillGrad gg.Pattern // non-nil for gradient fills
	width    float64    // pen width in points
	dash     []float64  // dash pattern in points, nil = solid
	fontSize float64
	fontName string
	fontChar int
}

func (p *painter) pt(x, y float64) (float64, float64) {
	return p.ox + x*p.s, p.oy - y*p.s
}

func (p *painter) reset() {
	p.pen, p.fill, p.fillGrad = black, black, nil
	p.width, p.dash = 1, nil
	p.fontSize, p.fontName, p.fontChar = 14, "Times-Roman", 0
}

// ops runs one xdot attribute. Each attribute is self-contained: the drawing
// state starts from the defaults.
func (p *painter) ops(list []xdotOp) {
	if len(list) == 0 {
		return
	}
	p.reset()
	for i := range list {
		p.op(&list[i])
	}
}

func (p *painter) op(o *xdotOp) {
	switch o.Op {
	case "c":
		p.pen = p.colorOf(o)
	case "C":
		p.fill, p.fillGrad = p.colorOf(o), p.gradient(o)
	case "S":
		p.style(o.Style)
	case "F":
		if o.Size > 0 {
			p.fontSize = o.Size
		}
		p.fontName = o.Face
	case "t":
		p.fontChar = o.FontChar
	case "T":
		p.text(o)
	case "E", "e":
		if len(o.Rect) == 4 {
			x, y := p.pt(o.Rect[0], o.Rect[1])
			p.dc.NewSubPath()
			p.dc.DrawEllipse(x, y, math.Abs(o.Rect[2])*p.s, math.Abs(o.Rect[3])*p.s)
			p.finish(o.Op == "E", true)
		}
	case "P", "p", "L":
		if len(o.Points) < 2 {
			return
		}
		p.dc.NewSubPath()
		for i, q := range o.Points {
			if len(q) < 2 {
				continue
			}
			x, y := p.pt(q[0], q[1])
			if i == 0 {
				p.dc.MoveTo(x, y)
			} else {
				p.dc.LineTo(x, y)
			}
		}
		if o.Op != "L" {
			p.dc.ClosePath()
		}
		p.finish(o.Op == "P", true)
	case "B", "b":
		// Graphviz's JSON writer swaps the xdot letters (filled bezier is
		// "B", unfilled "b"); filledBezierOp says which one this build uses.
		filled := o.Op == p.filledBezier
		if len(o.Points) < 4 {
			return
		}
		for _, q := range o.Points {
			if len(q) < 2 {
				return
			}
		}
		p.dc.NewSubPath()
		x, y := p.pt(o.Points[0][0], o.Points[0][1])
		p.dc.MoveTo(x, y)
		for i := 1; i+2 < len(o.Points); i += 3 {
			x1, y1 := p.pt(o.Points[i][0], o.Points[i][1])
			x2, y2 := p.pt(o.Points[i+1][0], o.Points[i+1][1])
			x3, y3 := p.pt(o.Points[i+2][0], o.Points[i+2][1])
			p.dc.CubicTo(x1, y1, x2, y2, x3, y3)
		}
		if filled {
			p.dc.ClosePath()
		}
		p.finish(filled, true)
	case "I":
		// External images are not embedded; skip.
	}
}

// finish fills (with the fill colour) and/or strokes (with the pen) the
// current path, then clears it.
func (p *painter) finish(fill, stroke bool) {
	dc := p.dc
	if fill && (p.fillGrad != nil || p.fill.A > 0) {
		if p.fillGrad != nil {
			dc.SetFillStyle(p.fillGrad)
		} else {
			dc.SetFillStyle(gg.NewSolidPattern(p.fill))
		}
		dc.FillPreserve()
	}
	if stroke && p.pen.A > 0 && p.width > 0 {
		dc.SetStrokeStyle(gg.NewSolidPattern(p.pen))
		dc.SetLineWidth(p.width * p.s)
		if p.dash != nil {
			d := make([]float64, len(p.dash))
			for i, v := range p.dash {
				d[i] = v * p.s
			}
			dc.SetDash(d...)
		} else {
			dc.SetDash()
		}
		dc.StrokePreserve()
	}
	dc.ClearPath()
}

func (p *painter) style(st string) {
	switch {
	case st == "solid":
		p.dash = nil
	case st == "dashed":
		p.dash = []float64{5, 2}
	case st == "dotted":
		p.dash = []float64{1, 5}
	case st == "bold":
		p.width = 2
	case st == "invis" || st == "invisible":
		p.pen.A, p.fill.A, p.fillGrad = 0, 0, nil
	default:
		var w float64
		if _, err := fmt.Sscanf(st, "setlinewidth(%g)", &w); err == nil && w >= 0 {
			p.width = w
		}
	}
}

// colorOf returns the solid colour of a c/C op (the first stop of a gradient).
func (p *painter) colorOf(o *xdotOp) color.NRGBA {
	if o.Grad == "linear" || o.Grad == "radial" {
		if len(o.Stops) > 0 {
			if c, ok := parseColor(o.Stops[0].Color); ok {
				return c
			}
		}
		return black
	}
	if c, ok := parseColor(o.Color); ok {
		return c
	}
	return black
}

func (p *painter) gradient(o *xdotOp) gg.Pattern {
	var gr gg.Gradient
	switch {
	case o.Grad == "linear" && len(o.P0) >= 2 && len(o.P1) >= 2:
		x0, y0 := p.pt(o.P0[0], o.P0[1])
		x1, y1 := p.pt(o.P1[0], o.P1[1])
		gr = gg.NewLinearGradient(x0, y0, x1, y1)
	case o.Grad == "radial" && len(o.P0) >= 3 && len(o.P1) >= 3:
		x0, y0 := p.pt(o.P0[0], o.P0[1])
		x1, y1 := p.pt(o.P1[0], o.P1[1])
		gr = gg.NewRadialGradient(x0, y0, o.P0[2]*p.s, x1, y1, o.P1[2]*p.s)
	default:
		return nil
	}
	for _, st := range o.Stops {
		if c, ok := parseColor(st.Color); ok {
			gr.AddColorStop(st.Frac, c)
		}
	}
	return gr
}

// text draws a T op: pt is the baseline anchor, align l/c/r, width is
// Graphviz's estimate of the text width in points. The embedded font is
// usually wider than the metrics Graphviz estimated with, so the text is
// shrunk to fit that width: it then stays inside its node or table cell.
func (p *painter) text(o *xdotOp) {
	if len(o.Pt) < 2 || o.Text == "" || p.pen.A == 0 {
		return
	}
	variant := fontVariant(p.fontName, p.fontChar)
	size := p.fontSize * p.s
	if p.fontChar&(fontSup|fontSub) != 0 {
		size *= 0.8
	}
	f, err := p.faces.face(variant, size)
	if err != nil {
		return
	}
	runs := splitGlyphRuns(p.faces, f, size, o.Text)
	tw := runsWidth(f, runs, size)
	// Condense rather than shrink: scaling only x keeps every line of a
	// label at the same height and weight, where shrinking made short
	// lines visibly smaller than long ones.
	sx := 1.0
	if want := o.Width * p.s; want > 0 && tw > want*1.01 {
		sx = want / tw
		tw = want
	}
	x, y := p.pt(o.Pt[0], o.Pt[1])
	switch o.Align {
	case "c", "0":
		x -= tw / 2
	case "r", "1":
		x -= tw
	}
	if sx != 1 {
		p.dc.Push()
		defer p.dc.Pop()
		p.dc.ScaleAbout(sx, 1, x, y)
	}
	p.dc.SetFontFace(f)
	p.dc.SetColor(p.pen)
	cx := x
	for _, r := range runs {
		if r.missing == 0 {
			face := f
			if r.face != nil {
				face = r.face
			}
			p.dc.SetFontFace(face)
			p.dc.DrawString(r.text, cx, y)
			cx += measure(face, r.text)
			continue
		}
		// A glyph the embedded fonts lack (emoji, dingbats): draw a
		// hollow box so that something visibly stands in for it.
		for range r.missing {
			bw, bh := tofuWidth(size), size*0.7
			p.dc.SetStrokeStyle(gg.NewSolidPattern(p.pen))
			p.dc.SetLineWidth(math.Max(1, size/16))
			p.dc.SetDash()
			p.dc.DrawRectangle(cx+bw*0.12, y-bh, bw*0.76, bh)
			p.dc.Stroke()
			cx += bw
		}
	}

	if p.fontChar&(fontUnderline|fontStrike|fontOverline) != 0 {
		lw := math.Max(1, size/14)
		line := func(dy float64) {
			p.dc.SetStrokeStyle(gg.NewSolidPattern(p.pen))
			p.dc.SetLineWidth(lw)
			p.dc.SetDash()
			p.dc.DrawLine(x, y+dy, x+tw, y+dy)
			p.dc.Stroke()
		}
		if p.fontChar&fontUnderline != 0 {
			line(size * 0.12)
		}
		if p.fontChar&fontStrike != 0 {
			line(-size * 0.3)
		}
		if p.fontChar&fontOverline != 0 {
			line(-size * 0.8)
		}
	}
}

// glyphRun is a run of text the face can draw, or a count of missing glyphs.
type glyphRun struct {
	text    string
	face    font.Face // an installed fallback font, nil for the Go font
	missing int
}

// glyphSubstitutes are look-alikes the Go fonts have for common symbols they lack.
var glyphSubstitutes = map[rune]rune{
	'✓': '√', '✔': '√', '☑': '√',
	'✗': '×', '✘': '×', '✕': '×', '✖': '×', '❌': '×',
	'★': '*', '☆': '*', '⭐': '*',
	'◆': '♦', '◇': '◊', '⚠': '!', '❗': '!',
	'🙂': '☺', '😀': '☺', '😃': '☺', '😄': '☺', '😊': '☺',
}

// splitGlyphRuns splits s into runs the Go font draws, runs an installed
// fallback font draws, and characters no font has (drawn as boxes).
func splitGlyphRuns(c *faceCache, f font.Face, px float64, s string) []glyphRun {
	var runs []glyphRun
	add := func(r rune, face font.Face) {
		if n := len(runs); n > 0 && runs[n-1].missing == 0 && runs[n-1].face == face {
			runs[n-1].text += string(r)
			return
		}
		runs = append(runs, glyphRun{text: string(r), face: face})
	}
	for _, r := range s {
		// Before the font is asked: some fonts carry a visible glyph for a
		// bidi mark or a zero-width space, which a browser never shows.
		if r < ' ' || (r >= 0xfe00 && r <= 0xfe0f) || isZeroWidth(r) {
			continue // control characters, variation selectors, joiners, bidi controls
		}
		if _, ok := f.GlyphAdvance(r); ok {
			add(r, nil)
			continue
		}
		if c != nil {
			if fb, ok := c.fallback(r, px); ok {
				add(r, fb)
				continue
			}
		}
		if sub, has := glyphSubstitutes[r]; has {
			if _, ok := f.GlyphAdvance(sub); ok {
				add(sub, nil)
				continue
			}
		}
		if n := len(runs); n > 0 && runs[n-1].missing > 0 {
			runs[n-1].missing++
		} else {
			runs = append(runs, glyphRun{missing: 1})
		}
	}
	return runs
}

// tofuWidth is the width of the box drawn for a character no font has.
func tofuWidth(size float64) float64 { return size * 0.6 }

func runsWidth(f font.Face, runs []glyphRun, size float64) float64 {
	w := 0.0
	for _, r := range runs {
		switch {
		case r.missing > 0:
			w += float64(r.missing) * tofuWidth(size)
		case r.face != nil:
			w += measure(r.face, r.text)
		default:
			w += measure(f, r.text)
		}
	}
	return w
}

// canvasSize is the size in pixels of g's picture at dpi, and the scale
// from points to pixels.
func canvasSize(g *xdotGraph, dpi float64) (width, height int, scale float64, err error) {
	llx, lly, urx, ury, ok := parseBB(g.BB)
	if !ok {
		return 0, 0, 0, fmt.Errorf("render: graphviz json has no bounding box (bb=%q)", g.BB)
	}
	padX, padY := defaultPad, defaultPad
	if x, y, _, ok := parsePointPair(g.Pad); ok {
		padX, padY = x*72, y*72
	}
	w, h := urx-llx+2*padX, ury-lly+2*padY
	// Graphviz scales the whole drawing (pad included) down to fit size, or
	// up to fill it when size ends in '!'.
	zoom := 1.0
	if sx, sy, bang, ok := parsePointPair(g.Size); ok && sx > 0 && sy > 0 {
		sx, sy = sx*72, sy*72
		if w > sx || h > sy || (bang && w < sx && h < sy) {
			zoom = math.Min(sx/w, sy/h)
		}
	}
	s := zoom * dpi / 72
	width, height = int(math.Ceil(w*s-0.01)), int(math.Ceil(h*s-0.01))
	if width < 1 {
		width = 1
	}
	if height < 1 {
		height = 1
	}
	return width, height, s, nil
}
