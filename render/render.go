// Package render turns resolved journeys into diagrams: each view builds
// DOT text with our own generator, which Graphviz (go-graphviz, embedded as
// WebAssembly) lays out as SVG, and our painter draws as PNG.
package render

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/render/fonts"
	"github.com/journeymap/journeymap/render/internal/graphviz"
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
	Font   string // default Liberation Sans (Helvetica's metrics; see render/fonts)
	DPI    float64
	// Size fits the picture to a slide: "16:9" or "4:3"; "" keeps the
	// natural shape.
	Size string
	// Findings are lint findings to overlay on the diagram; nil for none.
	Findings []journey.Finding
	// Labels name the journeys in an overlaid emotion view (e.g. revisions);
	// empty entries use the journey title.
	Labels []string
	// Today is the date review ages are counted to; zero means now. The
	// output is the same for the same input on the same day.
	Today time.Time
	// whole is the journey a slide of a split journey is part of: its
	// channel colours and stage numbers are the whole journey's.
	whole *journey.Journey
	// brief leaves the header under the title out: the second and later
	// slides of a split journey (the first has it).
	brief bool
	// Warn, when set, is told about problems with the result that are not
	// errors, such as text too small to read once fitted to a slide.
	Warn func(string)
	// straight draws the flow view's edges straight (budget.go) whatever
	// the journey's size: its routed layout went over the budget.
	straight bool
	// textCap is the length a view cuts its texts to (capTexts); 0 for none.
	textCap int
	// autoDPI: no DPI was asked for, so a picture too large to paint at
	// 96 dpi within the budget is painted at a lower one (viewPNG).
	autoDPI bool
}

// stageNumber is the 0-based index of stage si of j in the whole journey.
func (o *Options) stageNumber(j *journey.Journey, si int) int {
	if o.whole == nil || len(j.Stages) == 0 {
		return si
	}
	for i, s := range o.whole.Stages {
		if s == j.Stages[0] {
			return i + si
		}
	}
	return si
}

// today is the date review ages are counted to.
func (o *Options) today() time.Time {
	if o.Today.IsZero() {
		return time.Now()
	}
	return o.Today
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
		o.Font = fonts.Family
	}
	if o.DPI <= 0 {
		o.DPI, o.autoDPI = 96, true
	}
}

// Render draws journeys in one picture. Only the emotion view takes more
// than one journey (their curves are overlaid).
//
// Its layouts share one time budget (renderBudget); a flow whose routed
// layout goes over its part is drawn again with straight edges.
func Render(ctx context.Context, js []*journey.Journey, opts Options) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if len(js) == 0 {
		return nil, fmt.Errorf("nothing to render")
	}
	total := renderBudget(opts.Format)
	fallback := false
	if opts.View == "flow" && opts.Format != "dot" && len(js) == 1 {
		// A flow drawn with straight edges from the start has nothing
		// cheaper to fall back to: it gets the whole budget.
		probe := opts
		probe.Warn = nil
		_, engine, err := DOT(js, probe)
		fallback = err == nil && engine != straightEdges
	}
	if !fallback {
		share, _ := graphviz.WithTimeShare(ctx, total)
		return render1(share, js, opts)
	}
	if warn := opts.Warn; warn != nil {
		said := map[string]bool{} // the second attempt repeats the first's warnings
		opts.Warn = func(msg string) {
			if !said[msg] {
				said[msg] = true
				warn(msg)
			}
		}
	}
	first, share := graphviz.WithTimeShare(ctx, total-straightBudget)
	out, err := render1(first, js, opts)
	if errors.Is(err, ErrBudget) && ctx.Err() == nil {
		// Over the budget although the journey looked cheap enough to
		// route: draw it the cheap way rather than not at all.
		opts.straight = true
		again, _ := graphviz.WithTimeShare(ctx, straightBudget+max(0, share.Left()))
		out, err = render1(again, js, opts)
	}
	return out, err
}

func render1(ctx context.Context, js []*journey.Journey, opts Options) ([]byte, error) {
	opts.defaults()
	if len(js) == 0 {
		return nil, fmt.Errorf("nothing to render")
	}
	if opts.Size != "" && slideRatio(opts.Size) == 0 {
		return nil, fmt.Errorf("unknown size %q (use 16:9 or 4:3)", opts.Size)
	}
	if len(js) > 1 && opts.View != "emotion" {
		return nil, fmt.Errorf("the %s view draws one journey at a time; only the emotion view overlays several", opts.View)
	}
	dot, engine, err := DOT(js, opts)
	if err != nil {
		return nil, err
	}
	if engine == straightEdges && opts.Warn != nil {
		opts.Warn(straightEdgesWarning(opts.View, js[0]))
	}
	if opts.Size != "" && opts.Format != "dot" {
		var pt float64
		if dot, pt, err = fitToSlide(ctx, dot, engine, opts.Size); err != nil {
			return nil, err
		}
		if pt < MinTextPoints-0.05 && opts.Warn != nil {
			opts.Warn(smallTextWarning(opts.View, opts.Size, pt, 1))
		}
	}
	switch opts.Format {
	case "dot":
		return dot, nil
	case "png":
		warnPNGText(dot, opts)
		return viewPNG(ctx, dot, engine, js[0], opts)
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
		dot := flowDOT(js[0], &opts)
		return dot, engineOf(dot, Dot), nil
	case "map":
		return mapDOT(js[0], &opts), Neato, nil
	case "emotion":
		return emotionDOT(js, &opts), Neato, nil
	case "channels":
		return channelsDOT(js[0], &opts), Dot, nil
	}
	return nil, "", fmt.Errorf("unknown view %q (use one of %s)", opts.View, strings.Join(Views(), ", "))
}

// channelColors gives each channel a colour in order of first use, so the
// same journey always gets the same colours.
func channelColors(j *journey.Journey, o *Options) (map[string]string, []string) {
	t := o.Theme
	if o.whole != nil {
		j = o.whole // a slide of a split journey keeps the whole journey's colours
	}
	colors := map[string]string{}
	var order []string
	for _, tp := range j.Touchpoints() {
		c := tp.Channel.Value
		if _, ok := colors[c]; !ok {
			colors[c] = t.ChannelColor(len(order))
			if own, ok := t.ChannelByID[c]; ok {
				colors[c] = own
			}
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

// titleRows is the heading of a diagram: the title, and under it what a
// board asks first: whose journey (persona, segment), the goal, the
// outcome the business wants, the KPIs with their targets, the owner by
// registry name, and how long ago the map was checked against reality.
func titleRows(j *journey.Journey, o *Options, view string) string {
	t := o.Theme
	var b strings.Builder
	// On a slide the header is set a point smaller: its height is what
	// keeps the first slide's text from reaching 9 pt.
	titleSize, headerSize := 20, 11
	if o.Size != "" {
		titleSize, headerSize = 18, 10
	}
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"%s><FONT POINT-SIZE="%d"><B>%s</B></FONT></TD></TR>`, textWidth(j.Title.Value, 70, float64(titleSize), true, 3), titleSize, wrap(j.Title.Value, 70))
	var rows []string
	row := func(parts ...string) {
		var kept []string
		for _, p := range parts {
			if p != "" {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 {
			rows = append(rows, strings.Join(kept, "   ·   "))
		}
	}
	field := func(name, value string) string {
		if strings.TrimSpace(value) == "" {
			return ""
		}
		return fmt.Sprintf(`<B>%s</B> %s`, html(name), wrap(value, 100))
	}
	persona, segment := "", j.Segment.Value
	if j.Persona != nil {
		persona = j.Persona.Name.Value
		if persona == "" {
			persona = j.Persona.ID.Value
		}
		if segment == "" {
			segment = j.Persona.Segment.Value
		}
	}
	if segment != "" && persona != "" {
		persona += " (" + segment + ")"
	} else if segment != "" {
		persona = "segment " + segment
	}
	if o.brief {
		return b.String()
	}
	row(field("Persona", persona), field("Goal", j.Goal.Value))
	var kpis []string
	for _, m := range j.Metrics {
		kpis = append(kpis, metricLabel(m))
	}
	row(field("Outcome", j.Outcome.Value), field("KPIs", strings.Join(kpis, "; ")))
	row(field("Owner", ownerName(j, j.Owner.Value)), reviewAge(j, o.today()))
	// One cell holding a table of one column, its rows padded by a point:
	// rows of the heading itself would be padded by three.
	var cells strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&cells, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%d" COLOR=%s>%s</FONT></TD></TR>`, headerSize, id(t.Muted), r)
	}
	if cells.Len() > 0 {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">%s</TABLE></TD></TR>`, cells.String())
	}
	return b.String()
}

// reviewAge says how long ago the journey was reviewed, in the largest
// unit that reads naturally: "Reviewed 2026-10-01 (2 months ago)".
func reviewAge(j *journey.Journey, today time.Time) string {
	if !j.Reviewed.Set {
		return "<B>Reviewed</B> never"
	}
	r := j.Reviewed.Time
	days := int(today.Sub(time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, today.Location())).Hours() / 24)
	var ago string
	switch {
	case days < 0:
		ago = "in the future"
	case days == 0:
		ago = "today"
	case days < 14:
		ago = words.Count(days, "day") + " ago"
	case days < 61:
		ago = words.Count(days/7, "week") + " ago"
	case days < 730:
		ago = words.Count(days/30, "month") + " ago"
	default:
		ago = words.Count(days/365, "year") + " ago"
	}
	return fmt.Sprintf(`<B>Reviewed</B> %s (%s)`, r.Format("2006-01-02"), ago)
}
