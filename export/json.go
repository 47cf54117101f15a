package export

import (
	"encoding/json"
	"io"

	"github.com/journeymap/journeymap/journey"
)

// The resolved model as JSON (docs/export.md): every key of the journey
// format, owners resolved, workspace definitions inlined, and the flow.
type (
	model struct {
		Version  int        `json:"version"`
		Journeys []jJourney `json:"journeys"`
	}
	jJourney struct {
		File       string                `json:"file"`
		ID         string                `json:"id"`
		Title      string                `json:"title"`
		Owner      string                `json:"owner"`
		Persona    *jPersona             `json:"persona"`
		Segment    string                `json:"segment"`
		Goal       string                `json:"goal"`
		Outcome    string                `json:"outcome"`
		Principles []jItem               `json:"principles"`
		Reviewed   *string               `json:"reviewed"`
		Metrics    map[string]jMetric    `json:"metrics"`
		Listening  map[string]jListening `json:"listening"`
		Channels   map[string]jChannel   `json:"channels"`
		Stages     []jStage              `json:"stages"`
		Flow       jFlow                 `json:"flow"`
	}
	jPersona struct {
		ID      string  `json:"id"`
		Name    string  `json:"name"`
		Segment string  `json:"segment"`
		Needs   []jItem `json:"needs"`
	}
	jItem struct {
		Text  string `json:"text"`
		Owner string `json:"owner"`
	}
	jMetric struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Kind   string `json:"kind"`
		Target string `json:"target"`
	}
	jListening struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Kind string `json:"kind"`
	}
	jChannel struct {
		ID    string `json:"id"`
		Name  string `json:"name"`
		Kind  string `json:"kind"`
		Owner string `json:"owner"`
	}
	jStage struct {
		ID           string        `json:"id"`
		Name         string        `json:"name"`
		Owner        string        `json:"owner"`
		Expectations []jItem       `json:"expectations"`
		Touchpoints  []jTouchpoint `json:"touchpoints"`
	}
	jTouchpoint struct {
		ID                string       `json:"id"`
		Name              string       `json:"name"`
		Channel           jChannel     `json:"channel"`
		Owner             string       `json:"owner"`
		Handoff           *jHandoff    `json:"handoff"`
		MomentOfTruth     bool         `json:"moment_of_truth"`
		MomentOfTruthText string       `json:"moment_of_truth_text"`
		Emotion           jEmotion     `json:"emotion"`
		Metrics           []jMetric    `json:"metrics"`
		Listening         []jListening `json:"listening"`
		PainPoints        []jItem      `json:"pain_points"`
		Opportunities     []jItem      `json:"opportunities"`
		Backstage         []jItem      `json:"backstage"`
		Next              []string     `json:"next"`
	}
	jHandoff struct {
		Carries []jItem `json:"carries"`
		Owner   string  `json:"owner"`
	}
	jEmotion struct {
		Score   *int   `json:"score"`
		Feeling string `json:"feeling"`
	}
	jFlow struct {
		Edges       []jEdge  `json:"edges"`
		MainPath    []string `json:"main_path"`
		Ends        []string `json:"ends"`
		Unreachable []string `json:"unreachable"`
	}
	jEdge struct {
		From       string `json:"from"`
		To         string `json:"to"`
		Handoff    bool   `json:"handoff"`
		Documented bool   `json:"documented"`
	}
)

// WriteJSON writes the resolved model: {"version": 1, "journeys": [...]}.
// Every key is present (absent lists are empty, absent text is ""), so a
// script need not test for missing keys; `next` is null where the
// touchpoint leads on in document order.
func WriteJSON(w io.Writer, js []*journey.Journey) error {
	m := model{Version: 1, Journeys: []jJourney{}}
	for _, j := range js {
		m.Journeys = append(m.Journeys, toJSON(j))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}

func toJSON(j *journey.Journey) jJourney {
	out := jJourney{
		File: j.File, ID: j.ID.Value, Title: j.Title.Value, Owner: j.Owner.Value,
		Segment: j.Segment.Value, Goal: j.Goal.Value, Outcome: j.Outcome.Value,
		Principles: jItems(j.Principles),
		Metrics:    map[string]jMetric{}, Listening: map[string]jListening{}, Channels: map[string]jChannel{},
		Stages: []jStage{},
	}
	if p := j.Persona; p != nil {
		out.Persona = &jPersona{ID: j.PersonaRef.Value, Name: p.Name.Value, Segment: p.Segment.Value, Needs: jItems(p.Needs)}
	}
	if j.Reviewed.Set {
		d := j.Reviewed.Time.Format("2006-01-02")
		out.Reviewed = &d
	}
	for _, m := range j.Metrics {
		out.Metrics[m.ID.Value] = jMetricOf(m)
	}
	for _, l := range j.Listening {
		out.Listening[l.ID.Value] = jListeningOf(l)
	}
	// Channels: the journey's own and the workspace's it uses.
	for _, c := range j.Channels {
		out.Channels[c.ID.Value] = jChannelOf(j, c.ID.Value)
	}
	for _, s := range j.Stages {
		js := jStage{ID: s.ID.Value, Name: s.Name.Value, Owner: s.Owner.Value, Expectations: jItems(s.Expectations), Touchpoints: []jTouchpoint{}}
		for _, t := range s.Touchpoints {
			out.Channels[t.Channel.Value] = jChannelOf(j, t.Channel.Value)
			js.Touchpoints = append(js.Touchpoints, jTouchpointOf(j, t))
		}
		out.Stages = append(out.Stages, js)
	}
	out.Flow = jFlowOf(j)
	return out
}

func jTouchpointOf(j *journey.Journey, t *journey.Touchpoint) jTouchpoint {
	jt := jTouchpoint{
		ID: t.ID.Value, Name: t.Name.Value, Channel: jChannelOf(j, t.Channel.Value), Owner: t.ResolvedOwner().Value,
		Metrics: []jMetric{}, Listening: []jListening{},
		PainPoints: jItems(t.PainPoints), Opportunities: jItems(t.Opportunities), Backstage: jItems(t.Backstage),
	}
	if h := t.Handoff; h != nil {
		jt.Handoff = &jHandoff{Carries: jItems(h.Carries), Owner: h.Owner.Value}
	}
	if m := t.MomentOfTruth; m != nil {
		jt.MomentOfTruth, jt.MomentOfTruthText = true, m.Why
	}
	if e := t.Emotion; e != nil {
		s := e.Score
		jt.Emotion = jEmotion{Score: &s, Feeling: e.Feeling}
	}
	for _, id := range t.Metrics {
		m := jMetric{ID: id.Value}
		if d := j.Metric(id.Value); d != nil {
			m = jMetricOf(d)
		}
		jt.Metrics = append(jt.Metrics, m)
	}
	for _, id := range t.Listening {
		l := jListening{ID: id.Value}
		if d := j.ListeningPost(id.Value); d != nil {
			l = jListeningOf(d)
		}
		jt.Listening = append(jt.Listening, l)
	}
	if t.HasNext {
		jt.Next = []string{}
		for _, n := range t.Next {
			jt.Next = append(jt.Next, n.Value)
		}
	}
	return jt
}

func jFlowOf(j *journey.Journey) jFlow {
	f := jFlow{Edges: []jEdge{}, MainPath: []string{}, Ends: []string{}, Unreachable: []string{}}
	if j.Flow == nil {
		return f
	}
	for _, e := range j.Flow.Edges {
		f.Edges = append(f.Edges, jEdge{From: e.From.ID.Value, To: e.To.ID.Value, Handoff: e.Handoff, Documented: e.To.Handoff != nil})
	}
	for _, t := range j.Flow.MainPath() {
		f.MainPath = append(f.MainPath, t.ID.Value)
	}
	reach := j.Flow.Reachable()
	for _, t := range j.Flow.Touchpoints {
		if !reach[t] {
			f.Unreachable = append(f.Unreachable, t.ID.Value)
		} else if j.Flow.IsEnd(t) {
			f.Ends = append(f.Ends, t.ID.Value)
		}
	}
	return f
}

func jItems(is []journey.Item) []jItem {
	out := []jItem{}
	for _, i := range is {
		out = append(out, jItem{Text: i.Text, Owner: i.Owner.Value})
	}
	return out
}

func jMetricOf(m *journey.Metric) jMetric {
	return jMetric{ID: m.ID.Value, Name: m.Name.Value, Kind: m.Kind.Value, Target: m.Target.Value}
}

func jListeningOf(l *journey.ListeningPost) jListening {
	return jListening{ID: l.ID.Value, Name: l.Name.Value, Kind: l.Kind.Value}
}

func jChannelOf(j *journey.Journey, id string) jChannel {
	c := j.Channel(id)
	if c == nil {
		return jChannel{ID: id}
	}
	return jChannel{ID: id, Name: c.Name.Value, Kind: c.Kind.Value, Owner: c.Owner.Value}
}
