package journey

import "fmt"

// resolver checks a journey's references against the journey itself and its
// workspace.
type resolver struct {
	*decoder
	ws            *Workspace
	wsBroken      bool     // the workspace did not parse
	touchpointIDs []string // in document order, for suggestions
}

// Resolve attaches the workspace (which may be nil), resolves the persona,
// checks every reference (channels, persona, metrics, listening posts, next,
// and owners when the workspace registers them) and builds the flow graph.
func Resolve(j *Journey, ws *Workspace) []Finding {
	// A workspace that could not be read as YAML has its own finding;
	// checking references against its empty catalogues would only bury
	// that one finding under false ones.
	r := &resolver{decoder: &decoder{file: j.File, subject: SubjectJourney}, ws: ws, wsBroken: ws != nil && ws.Source.Root == nil}
	j.Workspace = ws
	r.persona(j)
	r.owner(j.Owner, "journey")
	r.ownedItems(j.Principles, "principles")
	for _, c := range j.Channels {
		restore := r.about(c.Subject())
		r.owner(c.Owner, "channel "+quote(c.ID.Value))
		restore()
	}
	ids := map[string]*Touchpoint{}
	for _, t := range j.Touchpoints() {
		if _, dup := ids[t.ID.Value]; !dup {
			ids[t.ID.Value] = t
			r.touchpointIDs = append(r.touchpointIDs, t.ID.Value)
		}
	}
	for _, s := range j.Stages {
		restore := r.about(stageSubject(s))
		r.owner(s.Owner, "stage "+quote(s.ID.Value))
		r.ownedItems(s.Expectations, "expectations")
		restore()
		for _, t := range s.Touchpoints {
			r.touchpoint(j, t, ids)
		}
	}
	j.Flow = buildFlow(j.Touchpoints(), ids)
	r.checkEdges(j.Flow)
	return r.findings
}

func (r *resolver) persona(j *Journey) {
	if j.Persona != nil {
		r.ownedItems(j.Persona.Needs, "needs")
		return
	}
	ref := j.PersonaRef
	if ref.Value == "" {
		return
	}
	if r.ws != nil {
		if p := r.ws.Persona(ref.Value); p != nil {
			j.Persona = p
			return
		}
	}
	if r.wsBroken {
		return
	}
	var known []string
	if r.ws != nil {
		for _, p := range r.ws.Personas {
			known = append(known, p.ID.Value)
		}
	}
	r.unresolved(ref, "persona", known, "declare it under `personas` in "+WorkspaceFile)
}

func (r *resolver) touchpoint(j *Journey, t *Touchpoint, ids map[string]*Touchpoint) {
	defer r.about(touchpointSubject(t))()
	what := "touchpoint " + quote(t.ID.Value)
	if t.Channel.Value != "" && j.Channel(t.Channel.Value) == nil && !j.malformed["channels"] && !r.wsBroken {
		r.unresolved(t.Channel, "channel", channelIDs(j), "declare it under `channels` in the journey or "+WorkspaceFile)
	}
	r.owner(t.Owner, what)
	for _, m := range t.Metrics {
		if j.Metric(m.Value) == nil && !j.malformed["metrics"] && !r.wsBroken {
			r.unresolved(m, "metric", metricIDs(j), "declare it under `metrics`")
		}
	}
	for _, l := range t.Listening {
		if j.ListeningPost(l.Value) == nil && !j.malformed["listening"] && !r.wsBroken {
			r.unresolved(l, "listening post", listeningIDs(j), "declare it under `listening`")
		}
	}
	for _, n := range t.Next {
		if _, ok := ids[n.Value]; !ok {
			r.unresolved(n, "touchpoint", r.touchpointIDs, "`next` lists touchpoint ids of this journey")
		}
	}
	if t.Handoff != nil {
		r.owner(t.Handoff.Owner, "handoff into "+what)
		r.ownedItems(t.Handoff.Carries, "carries")
	}
	r.ownedItems(t.PainPoints, "pain_points")
	r.ownedItems(t.Opportunities, "opportunities")
	r.ownedItems(t.Backstage, "backstage")
}

func (r *resolver) ownedItems(items []Item, what string) {
	for _, it := range items {
		r.owner(it.Owner, what+" entry")
	}
}

// owner checks a named owner against the workspace registry, when there is one.
func (r *resolver) owner(o Text, what string) {
	if o.Value == "" || r.ws == nil || r.wsBroken || !r.ws.HasOwners || r.ws.HasOwner(o.Value) {
		return
	}
	r.unresolved(o, "owner", r.ws.OwnerIDs(), fmt.Sprintf("owner of %s; register it under `owners` in %s", what, WorkspaceFile))
}

func (r *resolver) unresolved(ref Text, kind string, known []string, hint string) {
	msg := fmt.Sprintf("unknown %s %q", kind, ref.Value)
	if s := Suggest(ref.Value, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += " (" + hint + ")"
	}
	r.errorf(ref.Pos, RuleUnresolved, "%s", msg)
}

func channelIDs(j *Journey) []string {
	var ws []*Channel
	if j.Workspace != nil {
		ws = j.Workspace.Channels
	}
	return idsOf(func(c *Channel) string { return c.ID.Value }, j.Channels, ws)
}

func metricIDs(j *Journey) []string {
	var ws []*Metric
	if j.Workspace != nil {
		ws = j.Workspace.Metrics
	}
	return idsOf(func(m *Metric) string { return m.ID.Value }, j.Metrics, ws)
}

func listeningIDs(j *Journey) []string {
	var ws []*ListeningPost
	if j.Workspace != nil {
		ws = j.Workspace.Listening
	}
	return idsOf(func(l *ListeningPost) string { return l.ID.Value }, j.Listening, ws)
}

// idsOf lists the ids of definitions from the journey and the workspace, for
// "did you mean" suggestions.
func idsOf[T any](id func(T) string, lists ...[]T) []string {
	var out []string
	for _, l := range lists {
		for _, x := range l {
			out = append(out, id(x))
		}
	}
	return out
}

// stageSubject is the stage's subject, or the journey's for a stage
// without an id (already reported).
func stageSubject(s *Stage) Subject {
	if s == nil || s.ID.Value == "" {
		return SubjectJourney
	}
	return s.Subject()
}

// touchpointSubject is the touchpoint's subject, or its stage's for a
// touchpoint without an id (already reported).
func touchpointSubject(t *Touchpoint) Subject {
	if t.ID.Value == "" {
		return stageSubject(t.Stage)
	}
	return t.Subject()
}
