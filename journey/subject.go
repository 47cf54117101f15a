package journey

import "strings"

// Subject names what a finding is about (SPEC §5): `journey`, `stage:ID`,
// `touchpoint:ID`, `handoff:FROM>TO` (a flow edge), `channel:ID`,
// `listening:ID`, `metric:ID`, `workspace`, or `file` when nothing better
// applies. Renderers place findings by subject, and baselines and diff match
// them by subject, never by line: a subject survives edits that move lines.
type Subject string

// Subjects that name no particular element.
const (
	SubjectJourney   Subject = "journey"
	SubjectWorkspace Subject = "workspace"
	SubjectFile      Subject = "file"
)

// Subject kinds, the part of a subject before its colon.
const (
	KindStage      = "stage"
	KindTouchpoint = "touchpoint"
	KindHandoff    = "handoff"
	KindChannel    = "channel"
	KindListening  = "listening"
	KindMetric     = "metric"
)

func subjectOf(kind, id string) Subject { return Subject(kind + ":" + id) }

// Subject is `stage:ID`.
func (s *Stage) Subject() Subject { return subjectOf(KindStage, s.ID.Value) }

// Subject is `touchpoint:ID`.
func (t *Touchpoint) Subject() Subject { return subjectOf(KindTouchpoint, t.ID.Value) }

// Subject is `handoff:FROM>TO`, the flow edge.
func (e *Edge) Subject() Subject {
	return subjectOf(KindHandoff, e.From.ID.Value+">"+e.To.ID.Value)
}

// Subject is `channel:ID`.
func (c *Channel) Subject() Subject { return subjectOf(KindChannel, c.ID.Value) }

// Subject is `listening:ID`.
func (l *ListeningPost) Subject() Subject { return subjectOf(KindListening, l.ID.Value) }

// Subject is `metric:ID`.
func (m *Metric) Subject() Subject { return subjectOf(KindMetric, m.ID.Value) }

// Split returns the subject's kind and id: ("touchpoint", "call-care"), or
// ("journey", "") for a subject that names no element.
func (s Subject) Split() (kind, id string) {
	kind, id, _ = strings.Cut(string(s), ":")
	return kind, id
}

// Edge returns the two touchpoint ids of a `handoff:FROM>TO` subject.
func (s Subject) Edge() (from, to string, ok bool) {
	kind, id := s.Split()
	if kind != KindHandoff {
		return "", "", false
	}
	return strings.Cut(id, ">")
}

// SubjectTouchpoint is the touchpoint a subject is drawn on: the one
// `touchpoint:ID` names, or the receiving end of `handoff:FROM>TO`, where
// the handoff block lives. It is nil for every other subject.
func (j *Journey) SubjectTouchpoint(s Subject) *Touchpoint {
	kind, id := s.Split()
	switch kind {
	case KindHandoff:
		_, to, ok := s.Edge()
		if !ok {
			return nil
		}
		id = to
	case KindTouchpoint:
	default:
		return nil
	}
	for _, t := range j.Touchpoints() {
		if t.ID.Value == id {
			return t
		}
	}
	return nil
}

// Defines says whether s names something of this journey or the
// workspace it uses: an existing stage, touchpoint, flow edge, channel,
// listening post or metric, or the journey, the file or the workspace.
func (j *Journey) Defines(s Subject) bool {
	kind, id := s.Split()
	switch Subject(kind) {
	case SubjectJourney, SubjectFile:
		return id == ""
	case SubjectWorkspace:
		return id == "" && j.Workspace != nil
	}
	switch kind {
	case KindStage:
		for _, st := range j.Stages {
			if st.ID.Value == id {
				return true
			}
		}
	case KindTouchpoint:
		return j.SubjectTouchpoint(s) != nil
	case KindHandoff:
		from, to, _ := s.Edge()
		if j.Flow == nil {
			return false
		}
		for _, e := range j.Flow.Edges {
			if e.From.ID.Value == from && e.To.ID.Value == to {
				return true
			}
		}
	case KindChannel:
		return j.Channel(id) != nil
	case KindListening:
		return j.ListeningPost(id) != nil
	case KindMetric:
		return j.Metric(id) != nil
	}
	return false
}
