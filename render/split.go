package render

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/journeymap/journeymap/journey"
)

// Slide is one picture of a journey split over several slides.
type Slide struct {
	Data []byte
	// First and Last are the 1-based numbers of the stages it holds, of
	// Stages in all.
	First, Last, Stages int
	// TextPoints is the size its smallest text reaches on the slide.
	TextPoints float64
}

// RenderSlides draws one journey over as few slides as keep its smallest
// text at MinTextPoints once each picture fills a slide of opts.Size
// (16:9 when not given). Each slide holds whole stages, laid out for the
// slide, and is titled with the journey and "stages 1–3 of 6". When even
// a slide per stage is too small, it says so through opts.Warn, naming the
// view and the size reached.
func RenderSlides(ctx context.Context, j *journey.Journey, opts Options) ([]Slide, error) {
	opts.defaults()
	if opts.Size == "" {
		opts.Size = "16:9"
	}
	if slideRatio(opts.Size) == 0 {
		return nil, fmt.Errorf("unknown size %q (use 16:9 or 4:3)", opts.Size)
	}
	if opts.View == "channels" {
		return nil, fmt.Errorf("the channels view has no stages to split; render it without --split")
	}
	n := len(j.Stages)
	weights := make([]int, n)
	for i, s := range j.Stages {
		weights[i] = max(1, len(s.Touchpoints))
	}
	// A slide's drawing is measured while choosing the split and again
	// when it is fitted: measure each DOT once.
	measured := map[string][2]float64{}
	measure := func(ctx context.Context, dot []byte, engine Engine) (float64, float64, error) {
		key := string(engine) + "\x00" + string(dot)
		if m, ok := measured[key]; ok {
			return m[0], m[1], nil
		}
		w, h, err := bounds(ctx, dot, engine)
		if err == nil {
			measured[key] = [2]float64{w, h}
		}
		return w, h, err
	}
	try := func(k int) (*slidePlan, error) {
		p := &slidePlan{groups: splitStages(weights, k), pt: math.Inf(1)}
		for gi, g := range p.groups {
			part, po := slidePart(j, opts, g, gi == 0)
			dot, engine, err := DOT([]*journey.Journey{part}, po)
			if err != nil {
				return nil, err
			}
			w, h, err := measure(ctx, dot, engine)
			if err != nil {
				return nil, err
			}
			pt := textOnSlide(w, h, opts.Size)
			p.dots, p.pts, p.engines = append(p.dots, dot), append(p.pts, pt), append(p.engines, engine)
			p.parts = append(p.parts, part)
			p.pt = min(p.pt, pt)
		}
		return p, nil
	}
	best, err := chooseSplit(ctx, n, try)
	if err != nil {
		return nil, err
	}
	if best.pt < MinTextPoints-0.05 && opts.Warn != nil {
		opts.Warn(smallTextWarning(opts.View, opts.Size, best.pt, len(best.groups)))
	}
	if slices.Contains(best.engines, straightEdges) && opts.Warn != nil {
		opts.Warn(straightEdgesWarning(opts.View, j))
	}
	var slides []Slide
	for gi, g := range best.groups {
		out, err := finish(ctx, best.parts[gi:gi+1], best.dots[gi], best.engines[gi], opts, measure)
		if err != nil {
			return nil, err
		}
		slides = append(slides, Slide{Data: out, First: g[0] + 1, Last: g[1] + 1, Stages: n, TextPoints: best.pts[gi]})
	}
	if len(slides) == 0 { // a journey without stages: one slide
		out, err := Render(ctx, []*journey.Journey{j}, opts)
		if err != nil {
			return nil, err
		}
		slides = append(slides, Slide{Data: out, Stages: n})
	}
	return slides, nil
}

// finish fits a view's DOT to the slide and writes it in the output format.
func finish(ctx context.Context, js []*journey.Journey, dot []byte, engine Engine, opts Options, measure measureFunc) ([]byte, error) {
	if opts.Format == "dot" {
		return dot, nil
	}
	dot, _, err := fitToSlideMeasured(ctx, dot, engine, opts.Size, measure)
	if err != nil {
		return nil, err
	}
	if opts.Format == "png" {
		warnPNGText(dot, opts)
		return viewPNG(ctx, dot, engine, js[0], opts)
	}
	svg, err := SVG(ctx, dot, engine)
	if err != nil {
		return nil, err
	}
	return finishSVG(svg, js, opts), nil
}

// splitStages cuts stages of the given weights (touchpoints) into k runs
// (fewer when there are fewer stages) of weights as even as whole stages
// allow, as [first, last] indices.
func splitStages(weights []int, k int) [][2]int {
	n := len(weights)
	k = min(k, n)
	if n == 0 {
		return nil
	}
	cum := make([]int, n+1)
	for i, w := range weights {
		cum[i+1] = cum[i] + w
	}
	var groups [][2]int
	start := 0
	for g := 1; g < k; g++ {
		target := float64(cum[n]) * float64(g) / float64(k)
		cut := -1
		for c := start + 1; c <= n-(k-g); c++ {
			if cut < 0 || math.Abs(float64(cum[c])-target) < math.Abs(float64(cum[cut])-target) {
				cut = c
			}
		}
		groups = append(groups, [2]int{start, cut - 1})
		start = cut
	}
	return append(groups, [2]int{start, n - 1})
}

// slidePart is the journey as one slide shows it: stages g[0]..g[1], its
// flow restricted to their touchpoints, its title naming the stages, and
// the findings about what the slide shows (journey-level ones on the
// first slide only).
func slidePart(j *journey.Journey, opts Options, g [2]int, first bool) (*journey.Journey, Options) {
	part := *j
	part.Stages = j.Stages[g[0] : g[1]+1]
	n := len(j.Stages)
	what := fmt.Sprintf("stages %d–%d of %d", g[0]+1, g[1]+1, n)
	if g[0] == g[1] {
		what = fmt.Sprintf("stage %d of %d", g[0]+1, n)
	}
	part.Title.Value = j.Title.Value + " — " + what
	in := map[*journey.Touchpoint]bool{}
	for _, s := range part.Stages {
		for _, tp := range s.Touchpoints {
			in[tp] = true
		}
	}
	flow := &journey.Flow{Out: j.Flow.Out} // ends stay where the whole journey ends
	for _, tp := range j.Flow.Touchpoints {
		if in[tp] {
			flow.Touchpoints = append(flow.Touchpoints, tp)
		}
	}
	for _, e := range j.Flow.Edges {
		if in[e.From] && in[e.To] {
			flow.Edges = append(flow.Edges, e)
		}
	}
	part.Flow = flow
	po := opts
	po.whole = j
	po.brief = !first
	if opts.Findings != nil {
		po.Findings = []journey.Finding{}
		for _, f := range opts.Findings {
			if onSlide(j, &part, f, first) {
				po.Findings = append(po.Findings, f)
			}
		}
	}
	return &part, po
}

// onSlide says whether a finding belongs on a slide: one about a stage,
// touchpoint or handoff of the slide, or (on the first slide) the rest.
func onSlide(j, part *journey.Journey, f journey.Finding, first bool) bool {
	subject, ok := findingSubject(j, f)
	if !ok {
		return false
	}
	kind, id := journey.Subject(subject).Split()
	has := func(tid string) bool {
		for _, tp := range part.Flow.Touchpoints {
			if tp.ID.Value == tid {
				return true
			}
		}
		return false
	}
	switch kind {
	case journey.KindTouchpoint:
		return has(id)
	case journey.KindHandoff:
		_, to, _ := journey.Subject(subject).Edge()
		return has(to)
	case journey.KindStage:
		for _, s := range part.Stages {
			if s.ID.Value == id {
				return true
			}
		}
		return false
	}
	return first
}

// slidePlan is a way of spreading a journey's stages over slides, laid out:
// the stages of each slide, its DOT and the text size it reaches.
type slidePlan struct {
	groups  [][2]int
	dots    [][]byte
	parts   []*journey.Journey
	pts     []float64
	engines []Engine
	pt      float64 // the smallest text of any slide, in points
}

// chooseSplit finds the fewest slides, of n stages, whose text reaches
// MinTextPoints, or the split that comes closest; try(k) lays out the
// stages on k slides.
func chooseSplit(ctx context.Context, n int, try func(k int) (*slidePlan, error)) (*slidePlan, error) {
	// A plan whose layout goes over the engine's budget is too large for
	// one slide anyway: it counts as one that does not reach the size.
	overBudget := func(err error) bool { return errors.Is(err, ErrBudget) }
	best, err := try(1)
	lastPt := 0.0
	switch {
	case overBudget(err):
		// Too large to lay out whole (a 200-touchpoint map): start from a
		// slide per stage and narrow down from there.
		if best, err = try(n); err != nil {
			return nil, err
		}
		lastPt = best.pt
	case err != nil:
		return nil, err
	default:
		lastPt = best.pt
	}
	// Splitting into k slides makes each about k times narrower, so the next
	// k to try is the one that would reach the size if text grew with k; a
	// split that reaches it is then narrowed down to the fewest slides. A
	// few layouts of a few stages each, not one per possible split.
	reached := func(p *slidePlan) bool { return p.pt >= MinTextPoints-0.05 }
	lo, last := 1, len(best.groups)
	for tries := 0; !reached(best) && tries < 8 && last < n; tries++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		k := min(n, max(last+1, int(math.Ceil(float64(last)*MinTextPoints/lastPt))))
		p, err := try(k)
		if overBudget(err) {
			lo, last, lastPt = k, k, 0.5*lastPt // still too large: more slides
			continue
		}
		if err != nil {
			return nil, err
		}
		if !reached(p) {
			lo = k
		}
		if reached(p) || p.pt > best.pt {
			best = p
		}
		last, lastPt = k, p.pt
	}
	for hi := len(best.groups); reached(best) && hi-lo > 1; {
		mid := (lo + hi) / 2
		p, err := try(mid)
		if overBudget(err) {
			lo = mid
			continue
		}
		if err != nil {
			return nil, err
		}
		if reached(p) {
			best, hi = p, len(p.groups)
		} else {
			lo = mid
		}
	}
	return best, nil
}
