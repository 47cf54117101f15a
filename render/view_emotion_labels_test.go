package render

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// TestEmotionLabelsClearOfTheCurve: no feeling and no lint mark in the
// emotion view is crossed by a line of the curve (edges are drawn over
// nodes, so a crossed word is struck through on the slide). The swing, a
// peak and a trough of every height, a loop back and the examples, with
// their findings, are checked against the text as the font measures it.
func TestEmotionLabelsClearOfTheCurve(t *testing.T) {
	dir := t.TempDir()
	mk := func(name, tps string) *journey.Journey {
		p := filepath.Join(dir, name+".journey.yaml")
		writeFile(t, p, "version: 1\ntitle: "+name+"\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: ["+tps+"]}]\n")
		return load(t, p)
	}
	tp := func(id string, score int, feeling string) string {
		return fmt.Sprintf("{id: %s, channel: web, emotion: {score: %d, feeling: %s}}", id, score, feeling)
	}
	cases := map[string]*journey.Journey{
		"swing": mk("swing", strings.Join([]string{tp("a", 0, "neutral"), tp("b", 2, "delighted"), tp("c", -2, "furious"), tp("d", 1, "relieved")}, ", ")),
		"steps": mk("steps", strings.Join([]string{tp("a", -2, "angry"), tp("b", 0, "frustrated"), tp("c", 2, "very happy indeed"),
			tp("d", 1, "reassured"), tp("e", -1, "worried"), tp("f", 1, "confident")}, ", ")),
		"loop": mk("loop", tp("a", 1, "curious")+", "+tp("b", -1, "lost")+", {id: c, channel: web, emotion: {score: 2, feeling: glad}, next: [d, a]}, "+tp("d", -2, "cross")),
	}
	// A wide mark (two rules) in the narrow V of a steep trough too.
	cases["trough"] = mk("trough", strings.Join([]string{tp("a", 1, "calm"), tp("b", -2, "furious"), tp("c", 2, "glad")}, ", "))
	var findings []journey.Finding
	for _, j := range cases {
		for _, tp := range j.Touchpoints() {
			findings = append(findings, journey.Finding{Rule: "emotional-cliff", Severity: journey.Warning, Subject: tp.Subject(), File: j.File},
				journey.Finding{Rule: "undocumented-handoff", Severity: journey.Warning, Subject: tp.Subject(), File: j.File})
		}
	}
	for _, p := range examples(t) {
		j := load(t, p)
		cases[j.ID.Value] = j
	}
	m := newMeasurer()
	for name, j := range cases {
		dot, _, err := DOT([]*journey.Journey{j}, Options{View: "emotion", Findings: findings})
		if err != nil {
			t.Fatal(err)
		}
		pos := dotPositions(dot)
		for node, label := range dotLabels(dot) {
			if !strings.HasPrefix(node, "feeling-") && !strings.HasPrefix(node, "lint-") {
				continue
			}
			lines := strings.Split(label, "<BR")
			width := 0.0
			for _, l := range lines {
				width = max(width, m.width(htmlTag.ReplaceAllString("<"+l, ""), 9, false))
			}
			c := pos[node]
			box := labelBox{x: c[0], y: c[1], w: width - 2, h: float64(len(lines))*10 - 2}
			for edge := range dotEdges(dot) {
				ends := strings.SplitN(edge, ">", 2)
				a, b := pos[ends[0]], pos[ends[1]]
				if box.crossedBy(a, b) {
					t.Errorf("%s: %q (%s) is crossed by the line %s", name, node, htmlTag.ReplaceAllString(label, " "), edge)
				}
			}
		}
	}
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// dotPositions maps the DOT's pinned nodes to their positions.
func dotPositions(dot []byte) map[string][2]float64 {
	re := regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*") \[.*pos="(-?[0-9.]+),(-?[0-9.]+)!"`)
	out := map[string][2]float64{}
	for _, m := range re.FindAllStringSubmatch(string(dot), -1) {
		x, _ := strconv.ParseFloat(m[2], 64)
		y, _ := strconv.ParseFloat(m[3], 64)
		out[graphvizName(m[1])] = [2]float64{x, y}
	}
	return out
}

// dotLabels maps the DOT's plaintext nodes to their HTML labels.
func dotLabels(dot []byte) map[string]string {
	re := regexp.MustCompile(`(?m)^\s*("(?:[^"\\]|\\.)*") \[shape=plaintext, .*label=<(.*)>, fontsize=9(?:, tooltip="(?:[^"\\]|\\.)*")?\]$`)
	out := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(string(dot), -1) {
		out[graphvizName(m[1])] = m[2]
	}
	return out
}

// TestEmotionOverlayEndMarksStack: two overlaid curves that end at the same
// touchpoint with the same score each mark the end, one under the other in
// its curve's colour, instead of writing "■ end" over each other.
func TestEmotionOverlayEndMarksStack(t *testing.T) {
	dir := t.TempDir()
	var js []*journey.Journey
	for _, name := range []string{"as-is", "to-be"} {
		p := filepath.Join(dir, name+".journey.yaml")
		writeFile(t, p, "version: 1\ntitle: "+name+"\nchannels: {web: {kind: digital}}\nstages: [{id: s, touchpoints: [{id: a, channel: web, emotion: -1}, {id: b, channel: web, emotion: 1}]}]\n")
		js = append(js, load(t, p))
	}
	dot, _, err := DOT(js, Options{View: "emotion"})
	if err != nil {
		t.Fatal(err)
	}
	pos := dotPositions(dot)
	labels := dotLabels(dot)
	var ends []string
	for node := range labels {
		if strings.HasPrefix(node, "end-") {
			ends = append(ends, node)
		}
	}
	if len(ends) != 2 {
		t.Fatalf("end marks %q, want one per curve", ends)
	}
	a, b := pos[ends[0]], pos[ends[1]]
	if d := a[1] - b[1]; d > -markLine+0.5 && d < markLine-0.5 {
		t.Errorf("end marks at %v and %v overlap (%.1f pt apart)", a, b, d)
	}
	if labels[ends[0]] == labels[ends[1]] {
		t.Errorf("both end marks are %q: the curves' colours do not tell them apart", labels[ends[0]])
	}
}
