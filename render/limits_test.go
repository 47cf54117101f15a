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
	j := generatedJourney(t, journey.MaxStages, journey.MaxTouchpoints/journey.MaxStages, 2, name)
	if got := len(j.Flow.Edges); got != journey.MaxEdges {
		t.Fatalf("%d flow edges, want %d", got, journey.MaxEdges)
	}
	return j
}

// generatedJourney is a journey of stages stages of per touchpoints, each
// with next successors (1 or 2) drawn at random.
func generatedJourney(t testing.TB, stages, per, next int, name func(i int) string) *journey.Journey {
	t.Helper()
	n := stages * per
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
			succ := fmt.Sprintf("t%d, t%d", a, c)
			if next == 1 {
				succ = fmt.Sprintf("t%d", a)
			}
			fmt.Fprintf(&b, "      - id: t%d\n        name: %q\n        channel: %s\n        emotion: %d\n        next: [%s]\n",
				i, name(i), channels[rng.Intn(len(channels))], rng.Intn(5)-2, succ)
		}
	}
	j, fs := journey.Parse("at-limits.journey.yaml", []byte(b.String()))
	fs = append(fs, journey.Resolve(j, nil)...)
	for _, f := range fs {
		if f.Severity == journey.Error {
			t.Fatalf("the generated journey is invalid: %s", f)
		}
	}
	return j
}

// TestRenderAtLimits: a journey at every input limit gets a picture in
// every view, inside the engine's budget, and the flow view says that its
// edges are drawn straight. (It went over the budget, exit 2, before.)
func TestRenderAtLimits(t *testing.T) {
	names := map[string]func(int) string{
		"short": func(i int) string { return fmt.Sprintf("Touchpoint %d", i) },
		"long": func(i int) string {
			return (fmt.Sprintf("%d ", i) + strings.Repeat("lorem ipsum dolor sit amet ", 38))[:journey.MaxTextLength]
		},
	}
	for kind, name := range names {
		j := limitJourney(t, name)
		for _, view := range Views() {
			t.Run(kind+"/"+view, func(t *testing.T) {
				var warnings []string
				warn := func(msg string) { warnings = append(warnings, msg) }
				if raceEnabled {
					// The cheap layouts are chosen up front, in the DOT.
					dot, engine, err := DOT([]*journey.Journey{j}, Options{View: view, Warn: warn})
					if err != nil {
						t.Fatal(err)
					}
					if (engine == straightEdges) != (view == "flow") {
						t.Errorf("engine %q", engine)
					}
					if sgd := bytes.Contains(dot, []byte("mode=sgd")); sgd != (view == "map" || view == "emotion") {
						t.Errorf("mode=sgd: %v", sgd)
					}
					if kind == "long" && (view == "flow" || view == "map") && len(warnings) != 1 {
						t.Errorf("warnings %q, want the cut", warnings)
					}
					t.Skip("laid out without the race detector only")
				}
				start := time.Now()
				svg, err := Render(context.Background(), []*journey.Journey{j}, Options{View: view, Warn: warn})
				took := time.Since(start)
				if err != nil {
					t.Fatalf("%v after %v", err, took)
				}
				t.Logf("%v, %d KB", took, len(svg)>>10)
				checkSVGElements(t, view, svg)
				if !bytes.Contains(svg, []byte(`class="node"`)) {
					t.Error("the SVG has no nodes")
				}
				// What is drawn more cheaply is said, once, naming the view.
				var want []string
				if kind == "long" && (view == "flow" || view == "map") {
					want = append(want, "the "+view+" view of at-limits cuts texts longer than")
				}
				straight := view == "flow"
				if straight {
					want = append(want, "the flow view of at-limits draws its 1000 flow edges as straight lines over the stages")
				}
				if len(warnings) != len(want) {
					t.Errorf("warnings %q, want %d", warnings, len(want))
				}
				for i := range min(len(want), len(warnings)) {
					if !strings.HasPrefix(warnings[i], want[i]) {
						t.Errorf("warning %q, want one starting %q", warnings[i], want[i])
					}
				}
				if straight {
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

// TestPNGFitsThePaintBudget: a map too wide to paint at 96 dpi (300
// touchpoints) is painted at the dpi that fits, with a warning; an
// asked-for dpi is kept.
func TestPNGFitsThePaintBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("painting 8 million pixels takes most of a minute under the race detector")
	}
	j := generatedJourney(t, 60, 6, 1, func(i int) string { return fmt.Sprintf("Touchpoint %d", i) })
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

// TestCapTexts: the cut keeps the texts within textBudget characters,
// cuts only the longest, and is never shorter than minTextCap.
func TestCapTexts(t *testing.T) {
	j := &journey.Journey{}
	j.ID.Value = "j"
	many := func(n, length int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = strings.Repeat("x", length)
		}
		return out
	}
	for _, c := range []struct {
		name  string
		texts []string
		want  int
	}{
		{"within the budget", many(100, 1000), 0},
		{"exactly the budget", many(textBudget/1000, 1000), 0},
		{"all long, cut evenly", many(500, 1000), textBudget / 500},
		{"short ones kept whole", append(many(1000, 10), many(100, 2000)...), (textBudget - 1000*10) / 100},
		{"never under the floor", many(10000, 1000), minTextCap},
	} {
		var warned []string
		o := &Options{Warn: func(s string) { warned = append(warned, s) }}
		got := capTexts(o, "map", j, c.texts)
		if got != c.want {
			t.Errorf("%s: cut %d, want %d", c.name, got, c.want)
		}
		if (got != 0) != (len(warned) == 1) {
			t.Errorf("%s: cut %d, warnings %q", c.name, got, warned)
		}
	}
	if got := cutText("abcdef", 4); got != "abc…" {
		t.Errorf("cutText = %q", got)
	}
	if got := cutText("abc", 4); got != "abc" {
		t.Errorf("cutText = %q", got)
	}
}
