// Package render turns resolved journeys into diagrams: each view builds
// DOT text with our own generator, which Graphviz (go-graphviz, embedded as
// WebAssembly) lays out as SVG, and our painter draws as PNG.
package render

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Views lists the diagram kinds, the default first.
func Views() []string { return []string{"flow", "map", "emotion", "channels"} }

// Formats lists the output formats, the default first.
func Formats() []string { return []string{"svg", "png", "dot"} }

// Options controls a rendering. Zero values take defaults.
type Options struct {
	View   string // flow (default), map, emotion, channels
	Format string // svg (default), png, dot
	Theme  *Theme // default light
	Font   string // default Helvetica
	DPI    float64
	// Size fits the picture to a slide: "16:9" or "4:3"; "" keeps the
	// natural shape.
	Size string
	// Findings are lint findings to overlay on the diagram; nil for none.
	Findings []journey.Finding
	// Labels name the journeys in an overlaid emotion view (e.g. revisions);
	// empty entries use the journey title.
	Labels []string
	// Warn, when set, is told about problems with the result that are not
	// errors, such as text too small to read once fitted to a slide.
	Warn func(string)
}

func (o *Options) defaults() {
	if o.View == "" {
		o.View = "flow"
	}
	if o.Format == "" {
		o.Format = "svg"
	}
	if o.Theme == nil {
		o.Theme = lightTheme()
	}
	if o.Font == "" {
		o.Font = "Helvetica"
	}
	if o.DPI <= 0 {
		o.DPI = 96
	}
}

// Render draws journeys in one picture. Only the emotion view takes more
// than one journey (their curves are overlaid).
func Render(ctx context.Context, js []*journey.Journey, opts Options) ([]byte, error) {
	opts.defaults()
	if len(js) == 0 {
		return nil, fmt.Errorf("nothing to render")
	}
	if len(js) > 1 && opts.View != "emotion" {
		return nil, fmt.Errorf("the %s view draws one journey at a time; only the emotion view overlays several", opts.View)
	}
	dot, engine, err := DOT(js, opts)
	if err != nil {
		return nil, err
	}
	if opts.Size != "" && opts.Format != "dot" {
		if dot, err = fitToSlide(ctx, dot, engine, opts.Size, opts.Warn); err != nil {
			return nil, err
		}
	}
	switch opts.Format {
	case "dot":
		return dot, nil
	case "png":
		return PNG(ctx, dot, engine, opts.DPI)
	case "svg":
		svg, err := SVG(ctx, dot, engine)
		if err != nil {
			return nil, err
		}
		return finishSVG(svg, js, opts), nil
	}
	return nil, fmt.Errorf("unknown format %q", opts.Format)
}

// DOT builds the Graphviz source of a view and names the layout engine it needs.
func DOT(js []*journey.Journey, opts Options) ([]byte, Engine, error) {
	opts.defaults()
	switch opts.View {
	case "flow":
		return flowDOT(js[0], &opts), Dot, nil
	case "map":
		return mapDOT(js[0], &opts), Dot, nil
	case "emotion":
		return emotionDOT(js, &opts), Neato, nil
	case "channels":
		return channelsDOT(js[0], &opts), Dot, nil
	}
	return nil, "", fmt.Errorf("unknown view %q (use one of %s)", opts.View, strings.Join(Views(), ", "))
}

// channelColors gives each channel a colour in order of first use, so the
// same journey always gets the same colours.
func channelColors(j *journey.Journey, t *Theme) (map[string]string, []string) {
	colors := map[string]string{}
	var order []string
	for _, tp := range j.Touchpoints() {
		c := tp.Channel.Value
		if _, ok := colors[c]; !ok {
			colors[c] = t.ChannelColor(len(order))
			order = append(order, c)
		}
	}
	return colors, order
}

func channelLabel(j *journey.Journey, id string) string {
	if c := j.Channel(id); c != nil {
		return c.Label()
	}
	return id
}

// findingsByTouchpoint assigns each finding about the journey's file to the
// touchpoint whose block holds its line; the rest are about the journey.
func findingsByTouchpoint(j *journey.Journey, fs []journey.Finding) (map[*journey.Touchpoint][]journey.Finding, []journey.Finding) {
	by := map[*journey.Touchpoint][]journey.Finding{}
	var rest []journey.Finding
	tps := j.Touchpoints()
	for _, f := range fs {
		if f.File != j.File {
			continue
		}
		var owner *journey.Touchpoint
		for _, t := range tps {
			if t.Contains(journey.Pos{Line: f.Line, Col: f.Column}) {
				owner = t
			}
		}
		if owner != nil {
			by[owner] = append(by[owner], f)
		} else {
			rest = append(rest, f)
		}
	}
	return by, rest
}

// worst is the highest severity among findings.
func worst(fs []journey.Finding) journey.Severity {
	w := journey.Info
	for _, f := range fs {
		w = max(w, f.Severity)
	}
	return w
}

// ruleList summarises findings as "rule-a, rule-b ×2".
func ruleList(fs []journey.Finding) string {
	counts := map[string]int{}
	var order []string
	for _, f := range fs {
		if counts[f.Rule] == 0 {
			order = append(order, f.Rule)
		}
		counts[f.Rule]++
	}
	sort.Strings(order)
	var parts []string
	for _, r := range order {
		if counts[r] > 1 {
			parts = append(parts, fmt.Sprintf("%s ×%d", r, counts[r]))
		} else {
			parts = append(parts, r)
		}
	}
	return strings.Join(parts, ", ")
}

// graphHeader writes the attributes every view shares.
func graphHeader(w *dotWriter, o *Options) {
	t := o.Theme
	w.line(`graph [bgcolor=%s, fontname=%s, fontcolor=%s, fontsize=12, pad="0.3"]`, id(t.Background), id(o.Font), id(t.Text))
	w.line(`node [fontname=%s, fontcolor=%s, fontsize=11, color=%s]`, id(o.Font), id(t.Text), id(t.NodeBorder))
	w.line(`edge [fontname=%s, fontcolor=%s, fontsize=9, color=%s, arrowsize=0.7]`, id(o.Font), id(t.Muted), id(t.Edge))
}

// titleRows is the heading of a diagram: title and a subtitle of persona and goal.
func titleRows(j *journey.Journey, o *Options, view string) string {
	t := o.Theme
	var b strings.Builder
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="20"><B>%s</B></FONT></TD></TR>`, wrap(j.Title.Value, 70))
	var sub []string
	if j.Persona != nil && j.Persona.Name.Value != "" {
		sub = append(sub, "Persona: "+j.Persona.Name.Value)
	}
	if j.Goal.Value != "" {
		sub = append(sub, "Goal: "+j.Goal.Value)
	}
	if j.Owner.Value != "" {
		sub = append(sub, "Owner: "+j.Owner.Value)
	}
	if len(sub) > 0 {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="11" COLOR=%s>%s</FONT></TD></TR>`, id(t.Muted), wrap(strings.Join(sub, "   ·   "), 110))
	}
	return b.String()
}
