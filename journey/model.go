package journey

import "time"

// Pos is a 1-based line and column in a source file. The zero Pos means unknown.
type Pos struct {
	Line int
	Col  int
}

// Text is a scalar value with the position it was written at.
// An absent or null value has Set false.
type Text struct {
	Value string
	Pos   Pos
	Set   bool
}

// Keys records where each key of a mapping was written, so that findings can
// point at the key that shows a problem.
type Keys map[string]Pos

// Item is an entry of a free-text list (pain points, opportunities,
// expectations, backstage, principles, carries): a plain string or {text, owner}.
type Item struct {
	Text  string
	Owner Text
	Pos   Pos
}

// Emotion is how the customer feels at a touchpoint, from -2 to 2.
type Emotion struct {
	Score   int
	Feeling string
	Pos     Pos
}

// MomentOfTruth marks a touchpoint that decides the relationship. Why is the
// sentence explaining it, empty when written as `true`.
type MomentOfTruth struct {
	Why string
	Pos Pos
}

// Handoff documents the seam when a customer changes channel.
type Handoff struct {
	Pos     Pos
	Keys    Keys
	Carries []Item // nil when missing or empty
	Owner   Text
}

// Touchpoint is one interaction between the customer and the organisation.
type Touchpoint struct {
	ID            Text
	Name          Text
	Channel       Text
	Owner         Text
	Emotion       *Emotion
	MomentOfTruth *MomentOfTruth
	Metrics       []Text
	Listening     []Text
	Handoff       *Handoff
	PainPoints    []Item
	Opportunities []Item
	Backstage     []Item
	Next          []Text
	HasNext       bool   // `next:` given (an empty list marks an ending)
	Pos           Pos    // the touchpoint's first key: its `- id:` line
	Extent        Extent // where the touchpoint's block lies in the file
	Keys          Keys
	Stage         *Stage
}

// Label is the touchpoint's name, or its id when it has none.
func (t *Touchpoint) Label() string {
	if t.Name.Value != "" {
		return t.Name.Value
	}
	return t.ID.Value
}

// ResolvedOwner is the touchpoint's owner, else its stage's owner. The journey
// owner is not a fallback (SPEC §5).
func (t *Touchpoint) ResolvedOwner() Text {
	if t.Owner.Value != "" {
		return t.Owner
	}
	if t.Stage != nil && t.Stage.Owner.Value != "" {
		return t.Stage.Owner
	}
	return Text{}
}

// Contains says whether p lies inside the touchpoint's block. Touchpoints
// written side by side on one line (flow style) do not contain each
// other's positions.
func (t *Touchpoint) Contains(p Pos) bool { return t.Extent.Contains(p) }

// At returns where key was written in the touchpoint, or the touchpoint itself.
func (t *Touchpoint) At(key string) Pos { return t.Keys.At(key, t.Pos) }

// Stage is a phase of the journey, holding touchpoints in order.
type Stage struct {
	ID           Text
	Name         Text
	Owner        Text
	Expectations []Item
	Touchpoints  []*Touchpoint
	Pos          Pos
	Keys         Keys
}

// Label is the stage's name, or its id.
func (s *Stage) Label() string {
	if s.Name.Value != "" {
		return s.Name.Value
	}
	return s.ID.Value
}

// Channel is a way the customer and organisation meet: app, store, phone…
type Channel struct {
	ID    Text
	Name  Text
	Kind  Text
	Owner Text
	Pos   Pos
	Keys  Keys
	File  string // the file that declares it (a journey or the workspace)
}

// Label is the channel's name, or its id.
func (c *Channel) Label() string {
	if c.Name.Value != "" {
		return c.Name.Value
	}
	return c.ID.Value
}

// Metric is a measure of experience or business outcome.
type Metric struct {
	ID     Text
	Name   Text
	Kind   Text
	Target Text
	Pos    Pos
	Keys   Keys
}

// ListeningPost is a source of customer feedback, structured or not.
type ListeningPost struct {
	ID   Text
	Name Text
	Kind Text
	Pos  Pos
	Keys Keys
}

// Persona is the customer the journey is told for.
type Persona struct {
	ID      Text
	Name    Text
	Segment Text
	Needs   []Item
	Pos     Pos
	Keys    Keys
}

// Owner is an accountable team or person in the workspace registry.
type Owner struct {
	ID      Text
	Name    Text
	Contact Text
	Pos     Pos
	Keys    Keys
}

// Date is a calendar date with its position.
type Date struct {
	Time time.Time
	Pos  Pos
	Set  bool
}

// Journey is one customer journey, read from one file.
type Journey struct {
	File       string  // path as given or found: the Source's name
	Source     *Source // the file as read; its Root is nil if it did not parse
	ID         Text    // explicit, or derived from the file name (Set false)
	Version    Text
	Title      Text
	Owner      Text
	Persona    *Persona // inline or resolved from the workspace; nil if none
	PersonaRef Text     // the persona id when given by reference
	Segment    Text
	Goal       Text
	Outcome    Text
	Principles []Item
	Reviewed   Date
	Metrics    []*Metric
	Listening  []*ListeningPost
	Channels   []*Channel // declared in this journey
	Stages     []*Stage
	Keys       Keys
	// malformed marks top-level keys whose value had the wrong shape, so
	// checks that depend on them do not pile up follow-on findings.
	malformed map[string]bool

	// Set by Resolve.
	Workspace *Workspace
	Flow      *Flow
}

// At returns where a top-level key was written, or line 1 when it is missing.
func (j *Journey) At(key string) Pos { return j.Keys.At(key, Pos{1, 1}) }

// Touchpoints returns every touchpoint in document order.
func (j *Journey) Touchpoints() []*Touchpoint {
	n := 0
	for _, s := range j.Stages {
		n += len(s.Touchpoints)
	}
	if n == 0 {
		return nil
	}
	out := make([]*Touchpoint, 0, n) // rules ask for it often: one allocation
	for _, s := range j.Stages {
		out = append(out, s.Touchpoints...)
	}
	return out
}

// Channel looks up a channel by id: the journey's own declaration first, then
// the workspace catalogue.
func (j *Journey) Channel(id string) *Channel {
	for _, c := range j.Channels {
		if c.ID.Value == id {
			return c
		}
	}
	if j.Workspace != nil {
		return j.Workspace.Channel(id)
	}
	return nil
}

// Metric looks up a metric by id in the journey, then the workspace.
func (j *Journey) Metric(id string) *Metric {
	for _, m := range j.Metrics {
		if m.ID.Value == id {
			return m
		}
	}
	if j.Workspace != nil {
		for _, m := range j.Workspace.Metrics {
			if m.ID.Value == id {
				return m
			}
		}
	}
	return nil
}

// ListeningPost looks up a listening post by id in the journey, then the workspace.
func (j *Journey) ListeningPost(id string) *ListeningPost {
	for _, l := range j.Listening {
		if l.ID.Value == id {
			return l
		}
	}
	if j.Workspace != nil {
		for _, l := range j.Workspace.Listening {
			if l.ID.Value == id {
				return l
			}
		}
	}
	return nil
}

// At returns where key was written, or def when it was not.
func (k Keys) At(key string, def Pos) Pos {
	if p, ok := k[key]; ok {
		return p
	}
	return def
}
