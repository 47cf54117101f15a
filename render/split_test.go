package render

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// bigJourney writes a journey of stages×per touchpoints on two channels.
func bigJourney(t testing.TB, stages, per int) *journey.Journey {
	var b strings.Builder
	b.WriteString("version: 1\ntitle: Big\nchannels: {web: {kind: digital}, phone: {kind: assisted}}\nstages:\n")
	for s := range stages {
		fmt.Fprintf(&b, "  - id: s%d\n    name: Stage %d\n    touchpoints:\n", s, s)
		for i := range per {
			ch := "web"
			if (s+i)%4 == 0 {
				ch = "phone"
			}
			fmt.Fprintf(&b, "      - {id: t%d-%d, name: Does step %d of stage %d, channel: %s, emotion: %d, handoff: {carries: [case id]}}\n", s, i, i, s, ch, (s+i)%5-2)
		}
	}
	p := filepath.Join(t.TempDir(), "big.journey.yaml")
	writeFile(t, p, b.String())
	return load(t, p)
}

// TestSplitSlides: --split writes slides that each hold whole stages, in
// order, all of them once, titled "stages 1–3 of 6", whose smallest text
// reaches 9 pt on the slide; the channel colours stay the journey's.
func TestSplitSlides(t *testing.T) {
	j := bigJourney(t, 12, 3)
	for _, view := range []string{"flow", "emotion"} {
		var warnings []string
		slides, err := RenderSlides(context.Background(), j, Options{View: view, Size: "16:9", Warn: func(s string) { warnings = append(warnings, s) }})
		if err != nil {
			t.Fatal(err)
		}
		if len(slides) < 2 {
			t.Fatalf("%s: %d slides for a 36-touchpoint journey", view, len(slides))
		}
		next := 1
		for i, s := range slides {
			if s.First != next || s.Last < s.First || s.Stages != 12 {
				t.Errorf("%s: slide %d holds stages %d–%d of %d, want to start at %d", view, i+1, s.First, s.Last, s.Stages, next)
			}
			next = s.Last + 1
			title := fmt.Sprintf("Big — stages %d–%d of 12", s.First, s.Last)
			if s.First == s.Last {
				title = fmt.Sprintf("Big — stage %d of 12", s.First)
			}
			if !strings.Contains(string(s.Data), "<title id=\"journeymap-title\">"+title+"</title>") && !strings.Contains(string(s.Data), ">"+title+"<") {
				t.Errorf("%s: slide %d is not titled %q", view, i+1, title)
			}
			if s.TextPoints < MinTextPoints-0.05 {
				t.Errorf("%s: slide %d reaches %.1f pt, under %g", view, i+1, s.TextPoints, MinTextPoints)
			}
			// Each slide draws its own stages' touchpoints and no other.
			for si, st := range j.Stages {
				in := si+1 >= s.First && si+1 <= s.Last
				has := strings.Contains(string(s.Data), ">Does step 0 of stage "+fmt.Sprint(si)+"<")
				if in != has && view == "flow" {
					t.Errorf("%s: slide %d (stages %d–%d) shows stage %s: %v", view, i+1, s.First, s.Last, st.ID.Value, has)
				}
			}
		}
		if next != 13 {
			t.Errorf("%s: slides end at stage %d of 12", view, next-1)
		}
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %q", view, warnings)
		}
	}
	if _, err := RenderSlides(context.Background(), j, Options{View: "channels"}); err == nil {
		t.Error("channels view split: no error")
	}
}

// TestSplitOneHugeStage: a stage too large for one slide is still whole on
// its slide, and the warning names the view, the slide and the size reached.
func TestSplitOneHugeStage(t *testing.T) {
	j := bigJourney(t, 1, 60)
	var warnings []string
	slides, err := RenderSlides(context.Background(), j, Options{View: "flow", Size: "4:3", Format: "dot", Warn: func(s string) { warnings = append(warnings, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(slides) != 1 {
		t.Errorf("%d slides for one stage", len(slides))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "flow view") || !strings.Contains(warnings[0], "4:3") || !strings.Contains(warnings[0], " pt") {
		t.Errorf("warnings %q, want one naming the view, the slide and the size reached", warnings)
	}
}

// TestSplitStages: stages are cut into runs of even weight, whole.
func TestSplitStages(t *testing.T) {
	tests := []struct {
		weights []int
		k       int
		want    string
	}{
		{[]int{3, 3, 3, 3}, 2, "[[0 1] [2 3]]"},
		{[]int{1, 1, 10, 1, 1}, 3, "[[0 1] [2 2] [3 4]]"},
		{[]int{5}, 3, "[[0 0]]"},
		{[]int{2, 2, 2}, 3, "[[0 0] [1 1] [2 2]]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(splitStages(tt.weights, tt.k)); got != tt.want {
			t.Errorf("splitStages(%v, %d) = %s, want %s", tt.weights, tt.k, got, tt.want)
		}
	}
}

// TestSmallTextWarning: fitted to a slide, text under 9 pt is a warning
// naming the view, the slide and the size reached.
func TestSmallTextWarning(t *testing.T) {
	j := bigJourney(t, 6, 6)
	var warnings []string
	if _, err := Render(context.Background(), []*journey.Journey{j}, Options{View: "map", Size: "16:9", Warn: func(s string) { warnings = append(warnings, s) }}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "map view on a 16:9 slide") || !strings.Contains(warnings[0], " pt, under 9 pt") || !strings.Contains(warnings[0], "--split") {
		t.Errorf("warnings %q, want one naming the view, the slide, the size reached and --split", warnings)
	}
}

// TestExamplesSplitReachNinePoints: every example, in the flow, map and
// emotion views split for a 16:9 slide, has text of at least 9 pt on every
// slide (the acceptance bar for a board deck).
func TestExamplesSplitReachNinePoints(t *testing.T) {
	for _, p := range examples(t) {
		j := load(t, p)
		for _, view := range []string{"flow", "map", "emotion"} {
			var warnings []string
			slides, err := RenderSlides(context.Background(), j, Options{View: view, Format: "dot", Warn: func(s string) { warnings = append(warnings, s) }})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range slides {
				if s.TextPoints < MinTextPoints-0.05 {
					t.Errorf("%s %s: stages %d–%d reach %.1f pt", j.ID.Value, view, s.First, s.Last, s.TextPoints)
				}
			}
			if len(warnings) > 0 {
				t.Errorf("%s %s: %q", j.ID.Value, view, warnings)
			}
		}
	}
}

// TestSplitJourneyTooLargeToLayOutWhole: a journey whose layout goes over
// the engine's budget when laid out whole or on a few slides (a
// 200-touchpoint map) still gets its split: the fewest slides that lay out
// and reach 9 pt, not a failure.
func TestSplitJourneyTooLargeToLayOutWhole(t *testing.T) {
	const stages = 20
	for _, c := range []struct {
		name          string
		tooLargeBelow int     // k slides under this go over the budget
		ptPerSlide    float64 // text on one slide grows with the slides
		want          int
	}{
		{"whole too large, per stage reaches", 2, 0.5, 18},
		{"a few too large", 6, 1, 9},
		{"nothing too large", 0, 1, 9},
		{"per stage too small", 2, 0.4, 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			var tried []int
			try := func(k int) (*slidePlan, error) {
				tried = append(tried, k)
				if k < c.tooLargeBelow {
					return nil, fmt.Errorf("laying out: %w", ErrBudget)
				}
				return &slidePlan{groups: splitStages(make([]int, stages), k), pt: float64(k) * c.ptPerSlide}, nil
			}
			best, err := chooseSplit(context.Background(), stages, try)
			if err != nil {
				t.Fatalf("%v (tried %v)", err, tried)
			}
			if len(best.groups) != c.want {
				t.Errorf("%d slides, want %d (tried %v)", len(best.groups), c.want, tried)
			}
			if len(tried) > 12 {
				t.Errorf("%d layouts tried (%v): the search should take a few", len(tried), tried)
			}
		})
	}
	// Any other failure is still one.
	_, err := chooseSplit(context.Background(), stages, func(int) (*slidePlan, error) { return nil, errors.New("broken") })
	if err == nil || errors.Is(err, ErrBudget) {
		t.Errorf("error %v, want the layout's own", err)
	}
}
