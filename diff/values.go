package diff

import (
	"github.com/journeymap/journeymap/journey"
)

// The values a change reports, in the shapes JSON readers expect: nil for
// absent, strings, numbers, lists of strings, small objects.

func text(t journey.Text) any {
	if t.Value == "" {
		return nil
	}
	return t.Value
}

func texts(ts []journey.Text) any {
	if len(ts) == 0 {
		return nil
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Value
	}
	return out
}

// items lists free-text entries; an entry with an owner becomes {text, owner}.
func items(is []journey.Item) any {
	if len(is) == 0 {
		return nil
	}
	out := make([]any, len(is))
	for i, it := range is {
		if it.Owner.Value != "" {
			out[i] = map[string]any{"text": it.Text, "owner": it.Owner.Value}
		} else {
			out[i] = it.Text
		}
	}
	return out
}

func score(t *journey.Touchpoint) any {
	if t.Emotion == nil {
		return nil
	}
	return t.Emotion.Score
}

func feeling(t *journey.Touchpoint) any {
	if t.Emotion == nil || t.Emotion.Feeling == "" {
		return nil
	}
	return t.Emotion.Feeling
}

// moment is nil (no moment), true, or the sentence saying why.
func moment(t *journey.Touchpoint) any {
	switch {
	case t.MomentOfTruth == nil:
		return nil
	case t.MomentOfTruth.Why == "":
		return true
	default:
		return t.MomentOfTruth.Why
	}
}

func handoff(t *journey.Touchpoint) any {
	h := t.Handoff
	if h == nil {
		return nil
	}
	carries := []string{}
	for _, c := range h.Carries {
		carries = append(carries, c.Text)
	}
	return map[string]any{"carries": carries, "owner": text(h.Owner)}
}

// next is nil when the touchpoint leads on in document order, else the ids
// it lists (an empty list: the journey can end there).
func next(t *journey.Touchpoint) any {
	if !t.HasNext {
		return nil
	}
	out := []string{}
	for _, n := range t.Next {
		out = append(out, n.Value)
	}
	return out
}

func persona(j *journey.Journey) any {
	if j.PersonaRef.Value != "" {
		return j.PersonaRef.Value
	}
	if p := j.Persona; p != nil {
		return map[string]any{"name": text(p.Name), "segment": text(p.Segment), "needs": items(p.Needs)}
	}
	return nil
}

func date(d journey.Date) any {
	if !d.Set {
		return nil
	}
	return d.Time.Format("2006-01-02")
}

func metric(m *journey.Metric) any {
	if m == nil {
		return nil
	}
	return map[string]any{"name": text(m.Name), "kind": text(m.Kind), "target": text(m.Target)}
}

func listeningPost(l *journey.ListeningPost) any {
	if l == nil {
		return nil
	}
	return map[string]any{"name": text(l.Name), "kind": text(l.Kind)}
}
