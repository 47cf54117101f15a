package render

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// slideRatios are the slide shapes Size accepts (width:height).
var slideRatios = map[string]float64{"16:9": 16.0 / 9.0, "4:3": 4.0 / 3.0}

// SlideSizes lists the slide shapes Options.Size accepts.
func SlideSizes() []string { return []string{"16:9", "4:3"} }

var padAttr = regexp.MustCompile(`pad="[^"]*"`)

// fitToSlide pads the drawing so that its shape is the slide's, centred:
// it lays the graph out once to learn its size, then sets Graphviz's `pad`
// in each direction. Text is never stretched or distorted.
func fitToSlide(ctx context.Context, dot []byte, engine Engine, size string, warn func(string)) ([]byte, error) {
	ratio, ok := slideRatios[size]
	if !ok {
		return nil, fmt.Errorf("unknown size %q (use 16:9 or 4:3)", size)
	}
	out, err := layout(ctx, dot, engine, "json")
	if err != nil {
		return nil, err
	}
	var g struct {
		BB string `json:"bb"`
	}
	if err := json.Unmarshal(out, &g); err != nil {
		return nil, fmt.Errorf("reading layout: %v", err)
	}
	f := strings.Split(g.BB, ",")
	if len(f) != 4 {
		return nil, fmt.Errorf("layout has no bounding box")
	}
	x0, _ := strconv.ParseFloat(f[0], 64)
	y0, _ := strconv.ParseFloat(f[1], 64)
	x1, _ := strconv.ParseFloat(f[2], 64)
	y1, _ := strconv.ParseFloat(f[3], 64)
	const margin = 0.3 * 72 // the views' own pad, in points
	w, h := x1-x0+2*margin, y1-y0+2*margin
	padX, padY := margin, margin
	if w/h > ratio {
		padY += (w/ratio - h) / 2
	} else {
		padX += (h*ratio - w) / 2
	}
	// The smallest text the views use is 9 pt; the picture is scaled to fit
	// a slide 13.33 inches wide (10 inches for 4:3).
	slideW := 13.333 * 72
	if size == "4:3" {
		slideW = 10 * 72
	}
	if smallest := 9 * slideW / (w + 2*(padX-margin)); smallest < 6 && warn != nil {
		warn(fmt.Sprintf("on a %s slide the smallest text would be %.1f pt; consider the map view, fewer touchpoints per journey, or a larger slide", size, smallest))
	}
	pad := fmt.Sprintf(`pad="%.3f,%.3f"`, padX/72, padY/72)
	loc := padAttr.FindIndex(dot) // the first is graphHeader's
	if loc == nil {
		return nil, fmt.Errorf("view has no pad attribute")
	}
	return append(append(append([]byte{}, dot[:loc[0]]...), pad...), dot[loc[1]:]...), nil
}
