package render

import (
	"encoding/xml"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/journey"
)

// fuzzJourney writes a valid-looking journey that carries the fuzzed text
// in every place a diagram shows user text: title, stage name, touchpoint
// ids and names, channel name, feeling, pain point, handoff carries and
// owner. yaml.v3 quotes it, so the text arrives in the model as given.
func fuzzJourney(title, stage, idA, idB, name, channel, feeling, pain string) ([]byte, error) {
	type handoff struct {
		Carries []string `yaml:"carries"`
		Owner   string   `yaml:"owner,omitempty"`
	}
	type emotion struct {
		Score   int    `yaml:"score"`
		Feeling string `yaml:"feeling,omitempty"`
	}
	type touchpoint struct {
		ID            string   `yaml:"id"`
		Name          string   `yaml:"name,omitempty"`
		Channel       string   `yaml:"channel"`
		Owner         string   `yaml:"owner,omitempty"`
		Handoff       *handoff `yaml:"handoff,omitempty"`
		MomentOfTruth string   `yaml:"moment_of_truth,omitempty"`
		Emotion       *emotion `yaml:"emotion,omitempty"`
		PainPoints    []string `yaml:"pain_points,omitempty"`
		Next          []string `yaml:"next,omitempty"`
	}
	type stageY struct {
		ID          string       `yaml:"id"`
		Name        string       `yaml:"name,omitempty"`
		Touchpoints []touchpoint `yaml:"touchpoints"`
	}
	type channelY struct {
		Name  string `yaml:"name,omitempty"`
		Kind  string `yaml:"kind"`
		Owner string `yaml:"owner,omitempty"`
	}
	doc := struct {
		Version  int                 `yaml:"version"`
		Title    string              `yaml:"title"`
		Owner    string              `yaml:"owner,omitempty"`
		Goal     string              `yaml:"goal,omitempty"`
		Channels map[string]channelY `yaml:"channels"`
		Stages   []stageY            `yaml:"stages"`
	}{
		Version: 1, Title: title, Owner: name, Goal: pain,
		Channels: map[string]channelY{"app": {Name: channel, Kind: "digital", Owner: name}, "desk": {Name: stage, Kind: "assisted"}},
		Stages: []stageY{
			{ID: "s1", Name: stage, Touchpoints: []touchpoint{
				{ID: idA, Name: name, Channel: "app", Owner: name, Emotion: &emotion{2, feeling}, PainPoints: []string{pain}},
				{ID: idB, Name: title, Channel: "desk", Handoff: &handoff{[]string{pain, feeling}, name}, MomentOfTruth: feeling,
					Emotion: &emotion{-2, pain}, Next: []string{idA, "end"}},
			}},
			{ID: "s2", Name: channel, Touchpoints: []touchpoint{{ID: "end", Name: pain, Channel: "app"}}},
			{ID: "s3", Name: feeling, Touchpoints: []touchpoint{}},
		},
	}
	return yaml.Marshal(doc)
}

// allowedSVG are the elements Graphviz's SVG writer and our post-processing
// produce; anything else (script, foreignObject, style, image, use…) would
// mean user text became markup.
var allowedSVG = map[string]bool{
	"svg": true, "g": true, "title": true, "desc": true, "a": true, "path": true, "polygon": true,
	"polyline": true, "ellipse": true, "text": true, "defs": true, "linearGradient": true,
	"radialGradient": true, "stop": true,
}

// FuzzRenderEscaping: whatever text a journey holds, every view's SVG is
// well-formed XML made only of the elements Graphviz draws with, with no
// event-handler attribute or script link, and the flow view's DOT, read by
// native Graphviz, has exactly the nodes and edge statements it declares,
// one node per touchpoint named by its id.
func FuzzRenderEscaping(f *testing.F) {
	f.Add("Upgrade", "Discover", "see-offer", "visit-store", "Sees offer", "Mobile app", "curious", "Slow")
	f.Add(`"]; evil [label="x`, `</text><script>alert(1)</script>`, `a" -> "b`, `\N\G\L`, `<B>bold</B>`, `&amp;&#x41;&lt;`, "}\n}\ndigraph{", "\\\"\\")
	f.Add("é中文🙂", "\u202eRTL", "a b", "a\tb", "line\nbreak", "-", "{", "]]>")
	f.Fuzz(func(t *testing.T, title, stage, idA, idB, name, channel, feeling, pain string) {
		src, err := fuzzJourney(title, stage, idA, idB, name, channel, feeling, pain)
		if err != nil {
			return
		}
		j, fs := journey.Parse("f.journey.yaml", src)
		if fs = append(fs, journey.Resolve(j, nil)...); len(fs) > 0 {
			return // only valid journeys are drawn
		}
		for _, view := range Views() {
			svg := render(t, Options{View: view}, j)
			checkSVGElements(t, view, svg)
		}
		dot, _, err := DOT([]*journey.Journey{j}, Options{View: "flow"})
		if err != nil {
			t.Fatal(err)
		}
		g := parseWithNativeDot(t, nativeDot(t), dot)
		checkDeclared(t, dot, g)
		var got []string
		for _, n := range g.nodeNames() {
			if !strings.HasPrefix(n, "empty-stage-") {
				got = append(got, n)
			}
		}
		checkNodeNames(t, "flow DOT", got, []string{idA, idB, "end"})
	})
}

// checkSVGElements: the SVG parses strictly and holds only allowed elements,
// no on* attribute and no link to a script.
func checkSVGElements(t *testing.T, view string, svg []byte) {
	t.Helper()
	d := parseSVG(t, svg)
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !allowedSVG[el.Name.Local] {
			t.Errorf("%s view: unexpected SVG element <%s>", view, el.Name.Local)
		}
	}
	for _, a := range d.attrs {
		if onAttr.MatchString(a.Name.Local) {
			t.Errorf("%s view: event handler attribute %s=%q", view, a.Name.Local, a.Value)
		}
		if a.Name.Local == "href" && strings.Contains(strings.ToLower(strings.TrimSpace(a.Value)), "javascript:") {
			t.Errorf("%s view: script link %q", view, a.Value)
		}
	}
}
