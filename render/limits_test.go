package render

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/journeymap/journeymap/journey"
)

// limitJourney is a journey at the input limits: journey.MaxStages stages
// of journey.MaxTouchpoints touchpoints in all, each with two successors
// drawn at random (journey.MaxEdges flow edges in all, crossing the whole
// journey), named by name(i).
func limitJourney(t testing.TB, name func(i int) string) *journey.Journey {
	t.Helper()
	const stages, per = journey.MaxStages, journey.MaxTouchpoints / journey.MaxStages
	const n = stages * per
	rng := rand.New(rand.NewSource(7))
	channels := []string{"app", "web", "phone"}
	var b strings.Builder
	b.WriteString("version: 1\nid: at-limits\ntitle: At the limits\n")
	b.WriteString("channels: {app: {kind: digital}, web: {kind: digital}, phone: {kind: assisted}}\nstages:\n")
	for s := range stages {
		fmt.Fprintf(&b, "  - id: s%d\n    name: Stage %d\n    touchpoints:\n", s, s)
		for k := range per {
			i := s*per + k
			a, c := rng.Intn(n), rng.Intn(n)
			for a == i {
				a = rng.Intn(n)
			}
			for c == i || c == a {
				c = rng.Intn(n)
			}
			fmt.Fprintf(&b, "      - id: t%d\n        name: %q\n        channel: %s\n        emotion: %d\n        next: [t%d, t%d]\n",
				i, name(i), channels[rng.Intn(len(channels))], rng.Intn(5)-2, a, c)
		}
	}
	j, fs := journey.Parse("at-limits.journey.yaml", []byte(b.String()))
	fs = append(fs, journey.Resolve(j, nil)...)
	for _, f := range fs {
		if f.Severity == journey.Error {
			t.Fatalf("the generated journey is invalid: %s", f)
		}
	}
	if got := len(j.Flow.Edges); got != journey.MaxEdges {
		t.Fatalf("%d flow edges, want %d", got, journey.MaxEdges)
	}
	return j
}

// TestRenderAtLimits: a journey at every input limit gets a picture in
// every view, inside the engine's budget, and the flow view says that its
// edges are drawn straight. (It went over the budget, exit 2, before.)
func TestRenderAtLimits(t *testing.T) {
	names := map[string]func(int) string{
		"short": func(i int) string { return fmt.Sprintf("Touchpoint %d", i) },
		"long":  func(i int) string { return fmt.Sprintf("%d %s", i, strings.Repeat("lorem ipsum dolor sit amet ", 8)) },
	}
	for kind, name := range names {
		j := limitJourney(t, name)
		for _, view := range Views() {
			t.Run(kind+"/"+view, func(t *testing.T) {
				var warnings []string
				start := time.Now()
				svg, err := Render(context.Background(), []*journey.Journey{j}, Options{View: view,
					Warn: func(msg string) { warnings = append(warnings, msg) }})
				took := time.Since(start)
				if err != nil {
					t.Fatalf("%v after %v", err, took)
				}
				t.Logf("%v, %d KB", took, len(svg)>>10)
				checkSVGElements(t, view, svg)
				if !bytes.Contains(svg, []byte(`class="node"`)) {
					t.Error("the SVG has no nodes")
				}
				straight := view == "flow"
				if got := strings.Contains(strings.Join(warnings, "\n"), "straight lines"); got != straight {
					t.Errorf("warned of straight edges: %v, want %v (warnings %q)", got, straight, warnings)
				}
				if straight {
					if len(warnings) != 1 || !strings.Contains(warnings[0], "the flow view of at-limits draws its 1000 flow edges as straight lines") {
						t.Errorf("warnings %q, want one naming the view and the edges", warnings)
					}
					if n := bytes.Count(svg, []byte(`class="edge"`)); n < journey.MaxEdges {
						t.Errorf("%d edges drawn, want at least the %d flow edges", n, journey.MaxEdges)
					}
					if n := bytes.Count(svg, []byte(`class="cluster"`)); n != journey.MaxStages {
						t.Errorf("%d stages drawn, want %d", n, journey.MaxStages)
					}
				}
			})
		}
	}
}

// TestExamplesKeepTheirLayout: the cheap layouts are for journeys far
// larger than people write; no example uses them.
func TestExamplesKeepTheirLayout(t *testing.T) {
	for _, f := range examples(t) {
		j := load(t, f)
		for _, view := range Views() {
			dot, engine, err := DOT([]*journey.Journey{j}, Options{View: view})
			if err != nil {
				t.Fatal(err)
			}
			if engine == straightEdges || bytes.Contains(dot, []byte("mode=sgd")) {
				t.Errorf("%s %s view: drawn the cheap way (%s)", j.ID.Value, view, engine)
			}
		}
	}
}

// TestPNGAtLimitsFitsThePaintBudget: a map too wide to paint at 96 dpi is
// painted at the dpi that fits, with a warning; an asked-for dpi is kept.
func TestPNGAtLimitsFitsThePaintBudget(t *testing.T) {
	j := limitJourney(t, func(i int) string { return fmt.Sprintf("Touchpoint %d", i) })
	var warnings []string
	out := render(t, Options{View: "map", Format: "png", Warn: func(msg string) { warnings = append(warnings, msg) }}, j)
	img := decodePNG(t, out)
	px := img.Bounds().Dx() * img.Bounds().Dy()
	if px > paintBudget || px < paintBudget/2 {
		t.Errorf("%v: %d pixels, want at most %d and not far fewer", img.Bounds(), px, paintBudget)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "the PNG of the map view of at-limits is painted at") {
		t.Errorf("warnings %q, want one saying the dpi was lowered", warnings)
	}
	// Asked for explicitly, a dpi is kept, and nothing is said.
	warnings = nil
	out = render(t, Options{View: "map", Format: "png", DPI: 20, Warn: func(msg string) { warnings = append(warnings, msg) }}, j)
	small := decodePNG(t, out).Bounds()
	if len(warnings) != 0 || small.Dx() >= img.Bounds().Dx() {
		t.Errorf("at 20 dpi: %v (%v at the default), warnings %q", small, img.Bounds(), warnings)
	}
}
