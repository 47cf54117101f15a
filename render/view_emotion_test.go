package render

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// dotEdges lists the edges of a DOT text as "from>to" of their unquoted
// node names, with their attributes.
func dotEdges(dot []byte) map[string]string {
	edge := regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[(.*)\]$`)
	out := map[string]string{}
	for _, m := range edge.FindAllStringSubmatch(string(dot), -1) {
		out[graphvizName(m[1])+">"+graphvizName(m[2])] = m[3]
	}
	return out
}

// TestEmotionDrawsEveryStep: every flow edge between scored touchpoints is
// an edge of the emotion DOT, whatever its height (the −2 → +2 swing that
// emotional-cliff warns about included), across rows too; the main path is
// solid and thick, other paths lighter, loops dotted with an arrow.
func TestEmotionDrawsEveryStep(t *testing.T) {
	dir := t.TempDir()
	mk := func(name, tps string) *journey.Journey {
		p := filepath.Join(dir, name+".journey.yaml")
		writeFile(t, p, "version: 1\ntitle: "+name+"\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: ["+tps+"]}]\n")
		return load(t, p)
	}
	var long []string
	for i := range 30 {
		long = append(long, fmt.Sprintf("{id: t%d, channel: web, emotion: %d}", i, []int{2, -2, 0, 2, -2, 1}[i%6]))
	}
	cases := map[string]*journey.Journey{
		"swing":    mk("swing", "{id: a, channel: web, emotion: 0}, {id: b, channel: web, emotion: 2}, {id: c, channel: web, emotion: -2}, {id: d, channel: web, emotion: 1}"),
		"branches": mk("branches", "{id: a, channel: web, emotion: 2, next: [c, b]}, {id: b, channel: web, emotion: -2, next: []}, {id: gap, channel: web}, {id: c, channel: web, emotion: -2, next: [d, a]}, {id: d, channel: web, emotion: 2}"),
		"long":     mk("long", strings.Join(long, ", ")),
	}
	for _, p := range examples(t) {
		j := load(t, p)
		cases[j.ID.Value] = j
	}
	for name, j := range cases {
		dot, _, err := DOT([]*journey.Journey{j}, Options{View: "emotion"})
		if err != nil {
			t.Fatal(err)
		}
		edges := dotEdges(dot)
		main := map[string]bool{}
		var prev *journey.Touchpoint
		for _, tp := range j.Flow.MainPath() {
			if tp.Emotion != nil {
				if prev != nil {
					main[prev.ID.Value+">"+tp.ID.Value] = true
				}
				prev = tp
			}
		}
		for _, s := range j.Flow.ScoredSteps() {
			key := s[0].ID.Value + ">" + s[1].ID.Value
			attrs, ok := edges[key]
			if !ok {
				// A step that crosses rows runs out of its row and into the next.
				out, okOut := edges[s[0].ID.Value+">wrap "+key]
				in, okIn := edges["wrap "+key+" in>"+s[1].ID.Value]
				if !okOut || !okIn || out != in {
					t.Errorf("%s: step %s (%s → %s) is not drawn", name, key, signed(s[0].Emotion.Score), signed(s[1].Emotion.Score))
					continue
				}
				attrs = out
			}
			backwards := false
			for _, tp := range j.Touchpoints() {
				if tp == s[1] {
					break
				}
				backwards = backwards || tp == s[0]
			}
			backwards = !backwards
			switch {
			case backwards:
				if !strings.Contains(attrs, "style=dotted") || !strings.Contains(attrs, "dir=forward") {
					t.Errorf("%s: loop %s is not dotted with an arrow: %s", name, key, attrs)
				}
			case main[key]:
				if !strings.Contains(attrs, "penwidth=2.5") || !strings.Contains(attrs, "style=solid") {
					t.Errorf("%s: main-path step %s is not solid: %s", name, key, attrs)
				}
			default:
				if !strings.Contains(attrs, "penwidth=1.5") {
					t.Errorf("%s: other-path step %s is not lighter: %s", name, key, attrs)
				}
			}
		}
	}
	// Ends, unscored touchpoints and feelings are in the picture.
	dot, _, _ := DOT([]*journey.Journey{cases["branches"]}, Options{View: "emotion"})
	for _, want := range []string{`"end-b"`, `"end-d"`, `○ not scored`, `loops back`, `other paths`} {
		if !strings.Contains(string(dot), want) {
			t.Errorf("branches: no %s in the emotion DOT", want)
		}
	}
	if strings.Contains(string(dot), `"end-a"`) || strings.Contains(string(dot), `"end-c"`) {
		t.Error("branches: an end mark on a touchpoint that leads on")
	}
}

// TestEmotionOverlayGaps: a touchpoint one journey lacks is a gap in its
// curve, never a line across it; each curve is named by its label, and
// the other journey's touchpoints label the x axis too.
func TestEmotionOverlayGaps(t *testing.T) {
	dir := t.TempDir()
	mk := func(name, tps string) *journey.Journey {
		p := filepath.Join(dir, name+".journey.yaml")
		writeFile(t, p, "version: 1\ntitle: "+name+"\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: ["+tps+"]}]\n")
		return load(t, p)
	}
	asIs := mk("as-is", "{id: find, channel: web, emotion: -1}, {id: call, name: Calls the helpline, channel: web, emotion: -2}, {id: refund, channel: web, emotion: 1}")
	toBe := mk("to-be", "{id: find, channel: web, emotion: 1}, {id: scan, name: Scans the receipt, channel: web, emotion: 2}, {id: refund, channel: web, emotion: 2}")
	dot, _, err := DOT([]*journey.Journey{asIs, toBe}, Options{View: "emotion", Labels: []string{"As-is", "To-be"}})
	if err != nil {
		t.Fatal(err)
	}
	edges := dotEdges(dot)
	// Slots: find, scan, call, refund. As-is lacks scan, to-be lacks call.
	for _, gap := range []string{"1/find>1/call", "2/scan>2/refund"} {
		if _, ok := edges[gap]; ok {
			t.Errorf("edge %s crosses a touchpoint its journey lacks", gap)
		}
	}
	for _, want := range []string{"1/call>1/refund", "2/find>2/scan"} {
		if _, ok := edges[want]; !ok {
			t.Errorf("no edge %s", want)
		}
	}
	for _, want := range []string{"&#160;&#160;As-is<", "&#160;&#160;To-be<", "× not in To-be", "× not in As-is", "Calls the helpline", "Scans the receipt"} {
		if !strings.Contains(string(dot), want) {
			t.Errorf("overlay lacks %q", want)
		}
	}
	// The curves' hues are their own: not the moment of truth's, nor a severity's.
	for _, name := range Themes() {
		th := FindTheme(name)
		if name == "mono" {
			continue
		}
		for i, c := range th.Curves {
			for _, other := range []string{th.Moment, th.Problem, th.Warning, th.Notice} {
				if c == other {
					t.Errorf("%s theme: curve %d is %s, a colour with another meaning", name, i+1, c)
				}
			}
		}
	}
}

// TestMapGrid: the map is a column per touchpoint under stage headers; an
// empty stage keeps a column; a lane nobody filled is left out; the
// emotion lane draws the curve along every scored step, with the feeling
// under each point; every chip names its channel (so mono tells channels
// apart without colour); owners show by their registry name.
func TestMapGrid(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "grid.journey.yaml")
	writeFile(t, p, `version: 1
title: Grid
channels: {web: {name: Website, kind: digital}, phone: {name: Phone line, kind: assisted}}
stages:
  - id: one
    touchpoints:
      - {id: a, channel: web, emotion: {score: 2, feeling: keen}, pain_points: [slow page]}
      - {id: b, channel: phone, emotion: -2, next: [d, a]}
  - id: empty
  - id: two
    touchpoints:
      - {id: c, channel: web}
      - {id: d, channel: web, emotion: 1}
`)
	j := load(t, p)
	for _, theme := range Themes() {
		dot, _, err := DOT([]*journey.Journey{j}, Options{View: "map", Theme: FindTheme(theme)})
		if err != nil {
			t.Fatal(err)
		}
		s := string(dot)
		// 4 touchpoints + 1 empty stage = 5 columns, in every lane.
		lanes := 0
		for li := 0; strings.Contains(s, fmt.Sprintf(`"lane-%d"`, li)); li++ {
			lanes++
			for ci := 0; ci < 5; ci++ {
				if !strings.Contains(s, fmt.Sprintf(`"cell-%d-%d"`, li, ci)) {
					t.Errorf("%s: lane %d has no cell %d", theme, li, ci)
				}
			}
			if strings.Contains(s, fmt.Sprintf(`"cell-%d-5"`, li)) {
				t.Errorf("%s: lane %d has a sixth column", theme, li)
			}
		}
		// Touchpoint, Emotion, Pain points — nothing else is filled.
		if lanes != 3 {
			t.Errorf("%s: %d lanes, want 3 (touchpoint, emotion, pain points)", theme, lanes)
		}
		for _, absent := range []string{"<B>Opportunities</B>", "<B>Moment of truth</B>", "<B>Owner</B>", "<B>Measured by</B>"} {
			if strings.Contains(s, absent) {
				t.Errorf("%s: empty lane %s drawn", theme, absent)
			}
		}
		for _, want := range []string{"(no touchpoints)", "▪ Website", "▪ Phone line", "<I>keen</I>", "○ not scored", `"end-d"`} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: map lacks %s", theme, want)
			}
		}
		edges := dotEdges(dot)
		for _, st := range j.Flow.ScoredSteps() {
			if _, ok := edges[st[0].ID.Value+">"+st[1].ID.Value]; !ok {
				t.Errorf("%s: emotion lane lacks the step %s>%s", theme, st[0].ID.Value, st[1].ID.Value)
			}
		}
	}
}
