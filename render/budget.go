package render

// Large journeys within the budget.
//
// Graphviz has a time budget per layout (render/internal/graphviz), and a
// journey within the input limits (journey/limits.go) must still get a
// picture inside it. Two layouts do not scale to the limits as the views
// first write them, and each is replaced by a cheaper one chosen up front
// from the size of the graph, not after the budget is spent:
//
//   - The map and emotion views pin every node, but neato's default stress
//     model still builds a matrix of the distances between all pairs of
//     nodes: 2,600 cells of a 500-touchpoint map took 22 s and 50 MB inside
//     the engine. Its stochastic gradient descent model does not, and with
//     every node pinned draws the same picture (edge ends move by at most
//     0.01 pt) in about a second. It is used above pinnedStressNodes nodes,
//     so the examples' output is unchanged.
//   - The flow view's edges do not move nodes (constraint=false), but dot
//     still threads each through every column it crosses as a chain of
//     virtual nodes, orders them all to reduce crossings and routes
//     splines around them: 1,000 edges between random touchpoints of 100
//     stages ran for more than a minute and 650 MB, and its time grows
//     faster than the square of the columns the edges cross. Above
//     maxRoutedFlowCost
//     the grid of stages and touchpoints is laid out by dot without the
//     edges, and the edges are drawn over it as straight lines by neato
//     with every node kept where dot put it (layoutStraight). The user is
//     told (straightEdgesWarning).
//
// Text is the other cost: Graphviz spends seconds on a map whose cells hold
// hundreds of thousands of characters (500 names of 1,000), mostly writing
// the drawing out, so a view whose texts hold more than textBudget
// characters cuts the longest (capTexts), and says so.
//
// The layouts of one picture share a budget of time (renderBudget, a
// graphviz.TimeShare), so that a render ends within about 10 s whatever it
// draws; the engine's own budget bounds each layout. If a routed flow goes over its part of the
// budget anyway, Render draws it again with straight edges, in the
// straightBudget kept for that.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render/internal/graphviz"
)

// renderBudget is how long the layouts of one picture may take in all:
// less for a PNG, which is painted after its layout (painting is bounded
// by paintBudget, a few seconds).
func renderBudget(format string) time.Duration {
	if format == "png" {
		return 7 * time.Second
	}
	return 9 * time.Second
}

// straightBudget is the part of renderBudget kept for drawing a flow with
// straight edges after its routed layout went over the rest: at the input
// limits that takes about 2 s.
const straightBudget = 3 * time.Second

// pinnedStressNodes is the most nodes a pinned neato view lays out with
// neato's default (stress) model. The largest example map has 150.
const pinnedStressNodes = 400

// pinnedLayoutMode ends a view whose every node is pinned with the cheaper
// layout model when it has more than pinnedStressNodes nodes.
func pinnedLayoutMode(w *dotWriter) {
	if strings.Count(w.b.String(), `pos="`) > pinnedStressNodes {
		w.line(`graph [mode=sgd]`)
	}
}

// maxRoutedFlowCost is the most columns the flow view's edges may cross in
// all (flowCost) for dot to route them. Measured with the embedded engine
// on 2 busy cores, flows of random edges: cost 86 took 0.09 s, 403 0.27 s,
// 785 0.7 s, 1,872 2.5 s, 2,985 7.5 s. The examples cost at most 30; a
// journey of 60 touchpoints with a few loops back costs a few hundred.
const maxRoutedFlowCost = 1000

// flowCost is how many columns of the flow grid the edges cross in all:
// dot makes a virtual node in each, and its work grows faster than their
// number.
func flowCost(edges []*journey.Edge, column map[*journey.Touchpoint]int) int {
	cost := 0
	for _, e := range edges {
		d := column[e.To] - column[e.From]
		cost += max(d, -d)
	}
	return cost
}

// straightEdges is the layout of a flow whose edges are drawn straight: dot
// places the grid, neato draws the edges over it.
const straightEdges Engine = "dot, then straight edges"

// straightEdgesMarker is the DOT comment after which the flow view writes
// the edges that layoutStraight draws straight.
const straightEdgesMarker = "// journeymap: the edges below are drawn straight over the grid laid out above"

// engineOf names the layout a view's DOT needs.
func engineOf(dot []byte, engine Engine) Engine {
	if engine == Dot && bytes.Contains(dot, []byte(straightEdgesMarker)) {
		return straightEdges
	}
	return engine
}

// layoutStraight lays out the part of dot before straightEdgesMarker with
// dot, then adds the edges after it to the laid-out graph and draws them
// straight with every node, cluster and label where dot put it (neato's
// "nop" layout, which takes positions as given, in points).
func layoutStraight(ctx context.Context, dot []byte, format string) ([]byte, error) {
	cut := bytes.Index(dot, []byte(straightEdgesMarker))
	if cut < 0 {
		return nil, errors.New("render: straight-edge layout of a graph without the marker")
	}
	grid := append(append([]byte{}, dot[:cut]...), "}\n"...)
	laid, err := graphviz.Default().Layout(ctx, grid, string(Dot), "dot")
	if err != nil {
		return nil, err
	}
	end := bytes.LastIndexByte(laid, '}')
	if end < 0 {
		return nil, errors.New("render: dot wrote a graph without its closing brace")
	}
	var src bytes.Buffer
	src.Write(laid[:end])
	src.WriteString("graph [splines=line]\n")
	src.Write(dot[cut:]) // the edges and the original closing brace
	return graphviz.Default().Layout(ctx, src.Bytes(), "nop", format)
}

// straightEdgesWarning says that a view's edges were drawn straight, and why.
func straightEdgesWarning(view string, j *journey.Journey) string {
	return fmt.Sprintf("the %s view of %s draws its %s as straight lines over the stages: routing them around %s would take longer than the layout budget",
		view, j.ID.Value, words.Count(len(j.Flow.Edges), "flow edge"), words.Count(len(j.Touchpoints()), "touchpoint"))
}

// stepTip is the tooltip of a step of an emotion curve: the names of its
// two touchpoints, each cut to 80 characters. A journey at the limits has
// a thousand steps between names of a thousand characters, whose full
// text would be most of the graph Graphviz has to read and write.
func stepTip(from, to *journey.Touchpoint) string {
	return truncate(from.Label(), 80) + " → " + truncate(to.Label(), 80)
}

// paintBudget is the most pixels a PNG is painted with when no dpi was
// asked for: 32 MB of canvas. Painting time follows the length of the
// lines more than the pixels: a flow at the limits, its thousand edges
// drawn straight across the picture, took 10 s to render at 16 million
// pixels and 7.8 s at 8 million (quiet 2-core machine). A map of 500
// touchpoints is 100,000 pixels wide at 96 dpi; the examples' largest PNG
// has 2.3 million pixels.
const paintBudget = 8_000_000

// viewPNG lays out and paints a view's PNG at opts.DPI, or, when the dpi
// is the default one and the picture would have more than paintBudget
// pixels there, at the dpi that fits, saying so through opts.Warn.
func viewPNG(ctx context.Context, dot []byte, engine Engine, j *journey.Journey, opts Options) ([]byte, error) {
	if !opts.autoDPI {
		return PNG(ctx, dot, engine, opts.DPI)
	}
	return fittedPNG(ctx, dot, engine, opts.DPI, func(w, h int) float64 {
		px := float64(w) * float64(h)
		if px <= paintBudget {
			return opts.DPI
		}
		dpi := math.Floor(opts.DPI * math.Sqrt(paintBudget/px))
		if opts.Warn != nil {
			opts.Warn(fmt.Sprintf("the PNG of the %s view of %s is painted at %g dpi, not %g: at %g it would be %d×%d pixels; render SVG for every detail, or ask for a --dpi",
				opts.View, j.ID.Value, dpi, opts.DPI, opts.DPI, w, h))
		}
		return dpi
	})
}

// textBudget is the most characters of text a view draws; minTextCap the
// shortest a text is cut to. A map of 250 touchpoints named with 200
// characters each (50,000) lays out and paints in under 5 s; one of 500
// names of 1,000 characters took more than 7 s to lay out alone.
const (
	textBudget = 100_000
	minTextCap = 80
)

// capTexts is the length the view's texts are cut to so that together they
// hold at most textBudget characters (never under minTextCap), or 0 when
// they fit as they are; it warns through o.Warn when it cuts.
func capTexts(o *Options, view string, j *journey.Journey, texts []string) int {
	lengths := make([]int, len(texts))
	total := 0
	for i, t := range texts {
		lengths[i] = utf8.RuneCountInString(t)
		total += lengths[i]
	}
	if total <= textBudget {
		return 0
	}
	// The largest cut c with sum(min(length, c)) within the budget.
	slices.Sort(lengths)
	cut, kept := minTextCap, 0
	for i, l := range lengths {
		rest := len(lengths) - i // texts of at least this length
		if c := (textBudget - kept) / rest; c < l {
			cut = max(cut, c)
			break
		}
		kept += l
		cut = max(cut, l)
	}
	if o.Warn != nil {
		o.Warn(fmt.Sprintf("the %s view of %s cuts texts longer than %d characters, ending them with …: its %s characters of text are more than Graphviz lays out within the budget",
			view, j.ID.Value, cut, groupDigits(total)))
	}
	return cut
}

// cutText shortens text to n characters with an ellipsis when it is
// longer; n = 0 keeps it whole.
func cutText(text string, n int) string {
	if n <= 0 || utf8.RuneCountInString(text) <= n {
		return text
	}
	return truncate(text, n)
}

// groupDigits writes n with thousands separated by commas.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
