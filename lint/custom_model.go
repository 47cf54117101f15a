package lint

import (
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// The model custom rules see (SPEC §5): maps of the resolved journey, keys
// as in the format, every key present. Absent lists are empty, absent
// strings "", `emotion` is {score, feeling} with score null when unscored,
// `moment_of_truth` a bool with its sentence in `moment_of_truth_text`,
// owners resolved (a touchpoint's owner falls back to its stage's).

// shape describes the keys of a model map, for checking expressions before
// they run.
type shape struct {
	name   string
	fields map[string]*shape
	elem   *shape // for lists of maps
}

func leaf() *shape { return &shape{} }

func record(name string, keys ...string) *shape {
	s := &shape{name: name, fields: map[string]*shape{}}
	for _, k := range keys {
		s.fields[k] = leaf()
	}
	return s
}

func touchpointShape() *shape {
	t := record("touchpoint", "id", "name", "channel", "owner", "moment_of_truth", "moment_of_truth_text",
		"metrics", "listening", "pain_points", "opportunities", "backstage", "next", "stage")
	t.fields["emotion"] = record("emotion", "score", "feeling")
	t.fields["handoff"] = record("handoff", "carries", "owner", "documented")
	return t
}

func stageShape() *shape {
	s := record("stage", "id", "name", "owner", "expectations")
	s.fields["touchpoints"] = &shape{elem: touchpointShape()}
	return s
}

func journeyShape() *shape {
	j := record("journey", "id", "title", "owner", "segment", "goal", "outcome", "principles", "reviewed",
		"metrics", "listening", "channels", "file")
	j.fields["persona"] = record("persona", "id", "name", "segment", "needs")
	j.fields["stages"] = &shape{elem: stageShape()}
	j.fields["touchpoints"] = &shape{elem: touchpointShape()}
	return j
}

func handoffShape() *shape {
	h := record("handoff", "carries", "owner", "documented")
	h.fields["from"] = touchpointShape()
	h.fields["to"] = touchpointShape()
	return h
}

// modelShape is the shape of a model variable, nil for other names.
func modelShape(name string) *shape {
	switch name {
	case "journey":
		return journeyShape()
	case "stage":
		return stageShape()
	case "touchpoint":
		return touchpointShape()
	case "handoff":
		return handoffShape()
	}
	return nil
}

// lookupShape is the shape of what metric(id), listening(id), channel(id)
// and owner(id) return.
func lookupShape(hidden string) *shape {
	switch hidden {
	case "__metrics":
		return record("metric(id)", "id", "name", "kind", "target")
	case "__listening":
		return record("listening(id)", "id", "name", "kind")
	case "__channels":
		return record("channel(id)", "id", "name", "kind", "owner")
	case "__owners":
		return record("owner(id)", "id", "name", "contact")
	}
	return nil
}

func suggestKey(key string, keys []string) string { return journey.Suggest(key, keys) }

// model holds one journey's maps, built once per journey and shared by
// every custom rule and target.
type model struct {
	j           *journey.Journey
	journey     map[string]any
	stages      map[*journey.Stage]map[string]any
	touchpoints map[*journey.Touchpoint]map[string]any
	lookups     map[string]any
}

// lazyModel builds a journey's model the first time a custom rule needs it.
type lazyModel struct{ m *model }

func (l *lazyModel) get(j *journey.Journey) *model {
	if l == nil {
		return newModel(j)
	}
	if l.m == nil {
		l.m = newModel(j)
	}
	return l.m
}

func newModel(j *journey.Journey) *model {
	m := &model{j: j, stages: map[*journey.Stage]map[string]any{}, touchpoints: map[*journey.Touchpoint]map[string]any{}}
	var stages, tps []any
	for _, s := range j.Stages {
		var stps []any
		for _, t := range s.Touchpoints {
			tm := touchpointMap(t)
			m.touchpoints[t] = tm
			stps = append(stps, tm)
			tps = append(tps, tm)
		}
		sm := map[string]any{
			"id": s.ID.Value, "name": s.Name.Value, "owner": s.Owner.Value,
			"expectations": itemTexts(s.Expectations), "touchpoints": list(stps),
		}
		m.stages[s] = sm
		stages = append(stages, sm)
	}
	persona := map[string]any{"id": j.PersonaRef.Value, "name": "", "segment": "", "needs": []any{}}
	if p := j.Persona; p != nil {
		persona = map[string]any{"id": p.ID.Value, "name": p.Name.Value, "segment": p.Segment.Value, "needs": itemTexts(p.Needs)}
	}
	reviewed := ""
	if j.Reviewed.Set {
		reviewed = j.Reviewed.Time.Format("2006-01-02")
	}
	metrics, listening, channels := map[string]any{}, map[string]any{}, map[string]any{}
	for _, x := range j.Metrics {
		metrics[x.ID.Value] = metricMap(x)
	}
	for _, x := range j.Listening {
		listening[x.ID.Value] = listeningMap(x)
	}
	for _, x := range j.Channels {
		channels[x.ID.Value] = channelMap(x)
	}
	m.journey = map[string]any{
		"id": j.ID.Value, "title": j.Title.Value, "owner": j.Owner.Value, "persona": persona,
		"segment": j.Segment.Value, "goal": j.Goal.Value, "outcome": j.Outcome.Value,
		"principles": itemTexts(j.Principles), "reviewed": reviewed,
		"metrics": metrics, "listening": listening, "channels": channels,
		"stages": list(stages), "touchpoints": list(tps), "file": j.File,
	}
	m.lookups = m.buildLookups()
	return m
}

// buildLookups gathers the definitions metric(), listening(), channel()
// and owner() see: the workspace's, then the journey's, which win.
func (m *model) buildLookups() map[string]any {
	j, ws := m.j, m.j.Workspace
	metrics := map[string]any{"": metricMap(&journey.Metric{})}
	listening := map[string]any{"": listeningMap(&journey.ListeningPost{})}
	channels := map[string]any{"": channelMap(&journey.Channel{})}
	owners := map[string]any{"": map[string]any{"id": "", "name": "", "contact": ""}}
	if ws != nil {
		for _, x := range ws.Metrics {
			metrics[x.ID.Value] = metricMap(x)
		}
		for _, x := range ws.Listening {
			listening[x.ID.Value] = listeningMap(x)
		}
		for _, x := range ws.Channels {
			channels[x.ID.Value] = channelMap(x)
		}
		for _, o := range ws.Owners {
			owners[o.ID.Value] = map[string]any{"id": o.ID.Value, "name": o.Name.Value, "contact": o.Contact.Value}
		}
	}
	for _, x := range j.Metrics {
		metrics[x.ID.Value] = metricMap(x)
	}
	for _, x := range j.Listening {
		listening[x.ID.Value] = listeningMap(x)
	}
	for _, x := range j.Channels {
		channels[x.ID.Value] = channelMap(x)
	}
	return map[string]any{"__metrics": metrics, "__listening": listening, "__channels": channels, "__owners": owners}
}

// vars are the variables for one evaluation; s, t and e may be nil.
func (m *model) vars(s *journey.Stage, t *journey.Touchpoint, e *journey.Edge) map[string]any {
	out := map[string]any{"journey": m.journey}
	for k, v := range m.lookups {
		out[k] = v
	}
	if s != nil {
		out["stage"] = m.stages[s]
	}
	if t != nil {
		out["touchpoint"] = m.touchpoints[t]
	}
	if e != nil {
		h := map[string]any{"from": m.touchpoints[e.From], "to": m.touchpoints[e.To], "carries": []any{}, "owner": "", "documented": false}
		if e.To.Handoff != nil {
			h["carries"] = itemTexts(e.To.Handoff.Carries)
			h["owner"] = e.To.Handoff.Owner.Value
			h["documented"] = true
		}
		out["handoff"] = h
	}
	return out
}

func touchpointMap(t *journey.Touchpoint) map[string]any {
	emotion := map[string]any{"score": nil, "feeling": ""}
	if t.Emotion != nil {
		emotion = map[string]any{"score": int64(t.Emotion.Score), "feeling": t.Emotion.Feeling}
	}
	mot, why := false, ""
	if t.MomentOfTruth != nil {
		mot, why = true, t.MomentOfTruth.Why
	}
	handoff := map[string]any{"carries": []any{}, "owner": "", "documented": false}
	if t.Handoff != nil {
		handoff = map[string]any{"carries": itemTexts(t.Handoff.Carries), "owner": t.Handoff.Owner.Value, "documented": true}
	}
	stage := ""
	if t.Stage != nil {
		stage = t.Stage.ID.Value
	}
	return map[string]any{
		"id": t.ID.Value, "name": t.Name.Value, "channel": t.Channel.Value, "owner": t.ResolvedOwner().Value,
		"emotion": emotion, "moment_of_truth": mot, "moment_of_truth_text": why,
		"metrics": texts(t.Metrics), "listening": texts(t.Listening), "handoff": handoff,
		"pain_points": itemTexts(t.PainPoints), "opportunities": itemTexts(t.Opportunities),
		"backstage": itemTexts(t.Backstage), "next": texts(t.Next), "stage": stage,
	}
}

func metricMap(x *journey.Metric) map[string]any {
	return map[string]any{"id": x.ID.Value, "name": x.Name.Value, "kind": x.Kind.Value, "target": x.Target.Value}
}

func listeningMap(x *journey.ListeningPost) map[string]any {
	return map[string]any{"id": x.ID.Value, "name": x.Name.Value, "kind": x.Kind.Value}
}

func channelMap(x *journey.Channel) map[string]any {
	return map[string]any{"id": x.ID.Value, "name": x.Name.Value, "kind": x.Kind.Value, "owner": x.Owner.Value}
}

func texts(ts []journey.Text) []any {
	out := []any{}
	for _, t := range ts {
		out = append(out, t.Value)
	}
	return out
}

func itemTexts(items []journey.Item) []any {
	out := []any{}
	for _, it := range items {
		out = append(out, strings.TrimSpace(it.Text))
	}
	return out
}

func list(xs []any) []any {
	if xs == nil {
		return []any{}
	}
	return xs
}
