package render

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// slideInches are the slide shapes Size accepts, width and height in inches
// (PowerPoint's and Keynote's defaults).
var slideInches = map[string][2]float64{"16:9": {13.333, 7.5}, "4:3": {10, 7.5}}

// SlideSizes lists the slide shapes Options.Size accepts.
func SlideSizes() []string { return []string{"16:9", "4:3"} }

// slideRatio is width over height of a slide size, or 0 for none.
func slideRatio(size string) float64 {
	if in, ok := slideInches[size]; ok {
		return in[0] / in[1]
	}
	return 0
}

// MinTextPoints is the smallest text a slide should have once the picture
// fills it; journeymap warns below it.
const MinTextPoints = 9.0

// smallestViewText is the smallest font size the views use, in points.
const smallestViewText = 9.0

var padAttr = lazyre.New(`pad="[^"]*"`)

// bounds lays dot out and returns its drawing's width and height in points,
// with the views' own margin.
func bounds(ctx context.Context, dot []byte, engine Engine) (w, h float64, err error) {
	out, err := layout(ctx, dot, engine, "json")
	if err != nil {
		return 0, 0, err
	}
	var g struct {
		BB string `json:"bb"`
	}
	if err := json.Unmarshal(out, &g); err != nil {
		return 0, 0, fmt.Errorf("reading layout: %v", err)
	}
	f := strings.Split(g.BB, ",")
	if len(f) != 4 {
		return 0, 0, fmt.Errorf("layout has no bounding box")
	}
	var v [4]float64
	for i := range v {
		v[i], _ = strconv.ParseFloat(f[i], 64)
	}
	const margin = 0.3 * 72 // the views' own pad, in points
	return v[2] - v[0] + 2*margin, v[3] - v[1] + 2*margin, nil
}

// textOnSlide is the size the smallest text of a w×h drawing reaches when
// the drawing is fitted (whole, centred) onto a slide of size.
func textOnSlide(w, h float64, size string) float64 {
	in := slideInches[size]
	return smallestViewText * min(in[0]*72/w, in[1]*72/h)
}

// fitToSlide pads the drawing so that its shape is the slide's, centred,
// and says how large its smallest text is on the slide. Text is never
// stretched or distorted. (The views themselves lay out for the slide's
// shape first: Options.Size.)
func fitToSlide(ctx context.Context, dot []byte, engine Engine, size string) ([]byte, float64, error) {
	return fitToSlideMeasured(ctx, dot, engine, size, bounds)
}

// measureFunc gives the size of a drawing as bounds does.
type measureFunc func(ctx context.Context, dot []byte, engine Engine) (w, h float64, err error)

// fitToSlideMeasured is fitToSlide with the drawing measured by measure.
func fitToSlideMeasured(ctx context.Context, dot []byte, engine Engine, size string, measure measureFunc) ([]byte, float64, error) {
	ratio := slideRatio(size)
	if ratio == 0 {
		return nil, 0, fmt.Errorf("unknown size %q (use 16:9 or 4:3)", size)
	}
	w, h, err := measure(ctx, dot, engine)
	if err != nil {
		return nil, 0, err
	}
	const margin = 0.3 * 72
	padX, padY := margin, margin
	if w/h > ratio {
		padY += (w/ratio - h) / 2
	} else {
		padX += (h*ratio - w) / 2
	}
	pad := fmt.Sprintf(`pad="%.3f,%.3f"`, padX/72, padY/72)
	loc := padAttr().FindIndex(dot) // the first is graphHeader's
	if loc == nil {
		return nil, 0, fmt.Errorf("view has no pad attribute")
	}
	out := append(append(append([]byte{}, dot[:loc[0]]...), pad...), dot[loc[1]:]...)
	return out, textOnSlide(w, h, size), nil
}

// smallTextWarning names the view, the slide and the size text reaches.
func smallTextWarning(view, size string, pt float64, slides int) string {
	msg := fmt.Sprintf("the %s view on a %s slide puts its smallest text at %.1f pt, under %g pt", view, size, pt, MinTextPoints)
	if slides > 1 {
		msg = fmt.Sprintf("the %s view split into %d %s slides (one stage or more each) still puts its smallest text at %.1f pt, under %g pt", view, slides, size, pt, MinTextPoints)
	}
	switch {
	case slides > 1:
		return msg + "; a stage with fewer touchpoints would help"
	case view == "channels":
		return msg
	}
	return msg + "; --split spreads the stages over several slides"
}
