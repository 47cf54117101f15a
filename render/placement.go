package render

import (
	"sort"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// placement sorts a journey's lint findings by what they are about (their
// subject, SPEC §5), so that every view marks the same element for the
// same finding: a touchpoint, a handoff (flow edge), a stage or a
// channel. Whatever a view has no element for goes into its list of
// journey-level findings (rest).
type placement struct {
	touchpoint map[*journey.Touchpoint][]journey.Finding
	handoff    map[handoffKey][]journey.Finding
	stage      map[*journey.Stage][]journey.Finding
	channel    map[string][]journey.Finding
	journey    []journey.Finding
}

// handoffKey names a flow edge by its touchpoints' ids.
type handoffKey struct{ from, to string }

// placeFindings places the findings about journey j (its file, or the
// workspace declarations it uses); findings about other files are left out.
func placeFindings(j *journey.Journey, fs []journey.Finding) *placement {
	p := &placement{
		touchpoint: map[*journey.Touchpoint][]journey.Finding{},
		handoff:    map[handoffKey][]journey.Finding{},
		stage:      map[*journey.Stage][]journey.Finding{},
		channel:    map[string][]journey.Finding{},
	}
	tps := map[string]*journey.Touchpoint{}
	for _, tp := range j.Touchpoints() {
		tps[tp.ID.Value] = tp
	}
	used := map[string]bool{}
	for _, tp := range j.Touchpoints() {
		used[tp.Channel.Value] = true
	}
	stages := map[string]*journey.Stage{}
	for _, s := range j.Stages {
		stages[s.ID.Value] = s
	}
	for _, f := range fs {
		subject, ok := findingSubject(j, f)
		if !ok {
			continue
		}
		kind, what, _ := strings.Cut(subject, ":")
		switch kind {
		case "touchpoint":
			if tp := tps[what]; tp != nil {
				p.touchpoint[tp] = append(p.touchpoint[tp], f)
				continue
			}
		case "handoff":
			if from, to, ok := strings.Cut(what, ">"); ok && tps[from] != nil && tps[to] != nil {
				k := handoffKey{from, to}
				p.handoff[k] = append(p.handoff[k], f)
				continue
			}
		case "stage":
			if s := stages[what]; s != nil {
				p.stage[s] = append(p.stage[s], f)
				continue
			}
		case "channel":
			if used[what] { // an unused channel is in no picture: it is listed
				p.channel[what] = append(p.channel[what], f)
				continue
			}
		}
		p.journey = append(p.journey, f)
	}
	return p
}

// handoffsInto lists the findings about handoffs into tp, for views that
// show a handoff on the touchpoint that receives it.
func (p *placement) handoffsInto(tp *journey.Touchpoint) []journey.Finding {
	var out []journey.Finding
	for _, k := range sortedHandoffs(p.handoff) {
		if k.to == tp.ID.Value {
			out = append(out, p.handoff[k]...)
		}
	}
	return out
}

// onTouchpoint lists the findings a view without edges shows on tp: its
// own and those about the handoffs into it.
func (p *placement) onTouchpoint(tp *journey.Touchpoint) []journey.Finding {
	return append(append([]journey.Finding(nil), p.touchpoint[tp]...), p.handoffsInto(tp)...)
}

// sortedHandoffs orders handoff keys so views are deterministic.
func sortedHandoffs(m map[handoffKey][]journey.Finding) []handoffKey {
	var keys []handoffKey
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].from != keys[b].from {
			return keys[a].from < keys[b].from
		}
		return keys[a].to < keys[b].to
	})
	return keys
}

// list is what a view shows in its heading: the journey-level findings,
// then those of the kinds it has no element for ("stage", "touchpoint",
// "handoff", "channel"), each kind in the journey's order.
func (p *placement) list(j *journey.Journey, kinds ...string) []journey.Finding {
	out := append([]journey.Finding(nil), p.journey...)
	for _, k := range kinds {
		switch k {
		case "stage":
			for _, s := range j.Stages {
				out = append(out, p.stage[s]...)
			}
		case "touchpoint":
			for _, tp := range j.Touchpoints() {
				out = append(out, p.touchpoint[tp]...)
			}
		case "handoff":
			for _, h := range sortedHandoffs(p.handoff) {
				out = append(out, p.handoff[h]...)
			}
		case "channel":
			for _, c := range sortedKeys(p.channel) {
				out = append(out, p.channel[c]...)
			}
		}
	}
	return out
}

func sortedKeys(m map[string][]journey.Finding) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// findingSubject is what a finding is about (its subject, SPEC §5), and
// whether it concerns journey j at all: a finding in j's file, or in its
// workspace file about a channel j uses. Never the line: two items on one
// line of flow-style YAML each keep their own findings. A finding made
// without a subject (by a caller of this package) is placed by where it
// points: the touchpoint block holding its line, a stage's or channel's
// declaration, else the journey.
func findingSubject(j *journey.Journey, f journey.Finding) (string, bool) {
	inWorkspace := j.Workspace != nil && f.File == j.Workspace.File && f.File != j.File
	if f.File != j.File && !inWorkspace {
		return "", false
	}
	if f.Subject != "" {
		kind, id := f.Subject.Split()
		if inWorkspace && (kind != journey.KindChannel || j.Channel(id) == nil) {
			return "", false
		}
		return string(f.Subject), true
	}
	if inWorkspace {
		for _, c := range j.Workspace.Channels {
			if f.Line == c.Pos.Line && j.Channel(c.ID.Value) != nil {
				return "channel:" + c.ID.Value, true
			}
		}
		return "", false
	}
	for _, c := range j.Channels {
		if f.Line == c.Pos.Line {
			return "channel:" + c.ID.Value, true
		}
	}
	var owner *journey.Touchpoint
	for _, tp := range j.Touchpoints() {
		if tp.Contains(journey.Pos{Line: f.Line, Col: f.Column}) {
			owner = tp
		}
	}
	if owner != nil {
		return "touchpoint:" + owner.ID.Value, true
	}
	for _, s := range j.Stages {
		if f.Line == s.Pos.Line {
			return "stage:" + s.ID.Value, true
		}
	}
	return "journey", true
}
