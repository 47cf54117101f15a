package render

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestContrast: every text meets WCAG AA (4.5:1) against everything it can
// sit on, in every theme. The views' text is at most 20 pt bold in titles
// on the background, and mostly 9-11 pt, so 4.5 applies throughout.
func TestContrast(t *testing.T) {
	for _, name := range Themes() {
		th := FindTheme(name)
		for role, p := range textPairs(th) {
			for _, fg := range p[0] {
				for _, bg := range p[1] {
					if r := contrast(fg, bg); r < 4.5 {
						t.Errorf("%s theme: %s text %s on %s has contrast %.2f, under 4.5", name, role, fg, bg, r)
					}
				}
			}
		}
	}
}

// TestDistinctHues: moments of truth, each severity and each overlay
// curve have a hue of their own (mono excepted: it has no hues, and tells
// them apart by shape and line style).
func TestDistinctHues(t *testing.T) {
	for _, name := range []string{"light", "dark"} {
		th := FindTheme(name)
		colours := map[string]string{"moment of truth": th.Moment, "error": th.Problem, "warning": th.Warning, "info": th.Notice}
		for i, c := range th.Curves {
			colours[fmt.Sprintf("curve %d", i+1)] = c
		}
		for a, ca := range colours {
			for b, cb := range colours {
				if a >= b {
					continue
				}
				if d := hueDistance(ca, cb); d < 25 {
					t.Errorf("%s theme: %s %s and %s %s are %.0f° apart in hue", name, a, ca, b, cb, d)
				}
			}
		}
	}
}

// hueDistance is the angle between two colours' hues, in degrees. A grey
// (no saturation) is far from every hue, and from another grey by their
// lightness.
func hueDistance(a, b string) float64 {
	ha, sa, la := hsl(a)
	hb, sb, lb := hsl(b)
	if sa < 0.15 || sb < 0.15 {
		if sa < 0.15 && sb < 0.15 {
			return math.Abs(la-lb) * 360
		}
		return 180
	}
	d := math.Abs(ha - hb)
	return math.Min(d, 360-d)
}

func hsl(c string) (h, s, l float64) {
	var rgb [3]float64
	for i := range rgb {
		v, _ := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
		rgb[i] = float64(v) / 255
	}
	mx := math.Max(rgb[0], math.Max(rgb[1], rgb[2]))
	mn := math.Min(rgb[0], math.Min(rgb[1], rgb[2]))
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	s = d / (1 - math.Abs(2*l-1))
	switch mx {
	case rgb[0]:
		h = math.Mod((rgb[1]-rgb[2])/d, 6)
	case rgb[1]:
		h = (rgb[2]-rgb[0])/d + 2
	default:
		h = (rgb[0]-rgb[1])/d + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h, s, l
}

var fontColor = regexp.MustCompile(`(?:<FONT[^>]* COLOR="(#[0-9a-fA-F]{6,8})"|fontcolor="(#[0-9a-fA-F]{6,8})")`)

// TestTextColoursAreKnown: every colour any view writes text in, for every
// example with findings overlaid and every theme, is one TestContrast
// checks.
func TestTextColoursAreKnown(t *testing.T) {
	var js []*journey.Journey
	for _, p := range append(examples(t), adversarialYML) {
		js = append(js, load(t, p))
	}
	for _, name := range Themes() {
		th := FindTheme(name)
		known := map[string]bool{}
		for _, p := range textPairs(th) {
			for _, fg := range p[0] {
				known[fg] = true
			}
		}
		for _, j := range js {
			var fs []journey.Finding
			for i, tp := range j.Touchpoints() {
				fs = append(fs, journey.Finding{File: j.File, Line: tp.Pos.Line, Rule: "r", Severity: journey.Severity(i % 3), Message: "m"})
			}
			fs = append(fs, journey.Finding{File: j.File, Line: 1, Rule: "j", Severity: journey.Warning, Message: "m"})
			for _, view := range Views() {
				dot, _, err := DOT([]*journey.Journey{j}, Options{View: view, Theme: th, Findings: fs})
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range fontColor.FindAllStringSubmatch(string(dot), -1) {
					c := m[1] + m[2]
					if !known[c] {
						t.Errorf("%s theme, %s view of %s: text in %s, which the contrast test does not check", name, view, j.ID.Value, c)
					}
				}
			}
		}
	}
}
