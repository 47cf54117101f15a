package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// compareJourney lists the changes from old to new in flow order: journey
// fields, channel definitions, stages, then touchpoints. Either side may be
// nil (a journey added or removed).
func compareJourney(old, new *journey.Journey, opts Options) *Journey {
	d := &Journey{Changes: []Change{}}
	switch {
	case old == nil:
		d.ID, d.Title, d.Status, d.New = new.ID.Value, new.Title.Value, Added, new.File
		d.Changes = append(d.Changes, Change{Kind: JourneyAdded, Subject: string(journey.SubjectJourney),
			Message: fmt.Sprintf("journey %q added (%s)", new.ID.Value, words.Count(len(new.Touchpoints()), "touchpoint"))})
	case new == nil:
		d.ID, d.Title, d.Status, d.Old = old.ID.Value, old.Title.Value, Removed, old.File
		d.Changes = append(d.Changes, Change{Kind: JourneyRemoved, Subject: string(journey.SubjectJourney),
			Message: fmt.Sprintf("journey %q removed (had %s)", old.ID.Value, words.Count(len(old.Touchpoints()), "touchpoint"))})
	default:
		d.ID, d.Title, d.Old, d.New = new.ID.Value, new.Title.Value, old.File, new.File
		c := &changes{}
		c.journey(old, new, opts)
		c.channels(old, new)
		c.stages(old, new)
		c.touchpoints(old, new)
		d.Changes = append(d.Changes, c.list...)
		d.Status = Unchanged
		if len(d.Changes) > 0 {
			d.Status = Modified
		}
	}
	d.Emotion = compareEmotion(old, new)
	return d
}

// changes collects the differences of one pair of journeys.
type changes struct{ list []Change }

// field records a change of one field when its values differ.
func (c *changes) field(kind, subject, field string, before, after any, what string) {
	if same(before, after) {
		return
	}
	c.list = append(c.list, Change{Kind: kind, Subject: subject, Field: field, Before: before, After: after,
		Message: fmt.Sprintf("%s %s: %s → %s", what, strings.ReplaceAll(field, "_", " "), showField(field, before), showField(field, after))})
}

// showField is show, except where absent means something: a touchpoint
// without `next` leads on in document order, and `next: []` ends there.
func showField(field string, v any) string {
	if field == "next" {
		switch x := v.(type) {
		case nil:
			return "the next in document order"
		case []string:
			if len(x) == 0 {
				return "[] (the journey can end here)"
			}
		}
	}
	return show(v)
}

func same(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func (c *changes) journey(old, new *journey.Journey, opts Options) {
	f := func(field string, before, after any) {
		c.field(JourneyChanged, string(journey.SubjectJourney), field, before, after, "journey")
	}
	if opts.Rev != "" {
		if was := strings.TrimSuffix(old.File, "@"+opts.Rev); was != new.File {
			f("file", was, new.File)
		}
	}
	f("title", text(old.Title), text(new.Title))
	f("owner", text(old.Owner), text(new.Owner))
	f("persona", persona(old), persona(new))
	f("segment", text(old.Segment), text(new.Segment))
	f("goal", text(old.Goal), text(new.Goal))
	f("outcome", text(old.Outcome), text(new.Outcome))
	f("principles", items(old.Principles), items(new.Principles))
	f("reviewed", date(old.Reviewed), date(new.Reviewed))
	for _, id := range union(idsOf(old.Metrics, metricID), idsOf(new.Metrics, metricID)) {
		c.field(JourneyChanged, journey.KindMetric+":"+id, "metrics", metric(findMetric(old, id)), metric(findMetric(new, id)), fmt.Sprintf("journey metric %q", id))
	}
	for _, id := range union(idsOf(old.Listening, listeningID), idsOf(new.Listening, listeningID)) {
		c.field(JourneyChanged, journey.KindListening+":"+id, "listening", listeningPost(findListening(old, id)), listeningPost(findListening(new, id)), fmt.Sprintf("journey listening post %q", id))
	}
}

// channels compares the channels the journey itself declares. Workspace
// channels belong to every journey of the workspace, and a touchpoint
// switching to one is the touchpoint's change, not a channel added.
func (c *changes) channels(old, new *journey.Journey) {
	for _, id := range union(idsOf(old.Channels, channelID), idsOf(new.Channels, channelID)) {
		a, b := findChannel(old, id), findChannel(new, id)
		subject := journey.KindChannel + ":" + id
		switch {
		case a == nil:
			c.list = append(c.list, Change{Kind: ChannelAdded, Subject: subject, Message: fmt.Sprintf("channel %q declared (%s)", id, b.Label())})
		case b == nil:
			c.list = append(c.list, Change{Kind: ChannelRemoved, Subject: subject, Message: fmt.Sprintf("channel %q no longer declared", id)})
		default:
			what := fmt.Sprintf("channel %q", id)
			c.field(ChannelChanged, subject, "name", text(a.Name), text(b.Name), what)
			c.field(ChannelChanged, subject, "kind", text(a.Kind), text(b.Kind), what)
			c.field(ChannelChanged, subject, "owner", text(a.Owner), text(b.Owner), what)
		}
	}
}

func (c *changes) stages(old, new *journey.Journey) {
	oldIDs, newIDs := idsOf(old.Stages, stageID), idsOf(new.Stages, stageID)
	moved := movedIDs(oldIDs, newIDs)
	for _, id := range mergeOrder(newIDs, oldIDs) {
		a, b := findStage(old, id), findStage(new, id)
		subject := journey.KindStage + ":" + id
		switch {
		case a == nil:
			c.list = append(c.list, Change{Kind: StageAdded, Subject: subject,
				Message: fmt.Sprintf("stage %q added%s (%s)", id, placed(newIDs, id, "stage"), words.Count(len(b.Touchpoints), "touchpoint"))})
		case b == nil:
			c.list = append(c.list, Change{Kind: StageRemoved, Subject: subject, Message: fmt.Sprintf("stage %q removed", id)})
		default:
			if moved[id] {
				c.list = append(c.list, Change{Kind: StageMoved, Subject: subject, Field: "position",
					Before: index(oldIDs, id) + 1, After: index(newIDs, id) + 1,
					Message: fmt.Sprintf("stage %q moved%s", id, placed(newIDs, id, "stage"))})
			}
			what := fmt.Sprintf("stage %q", id)
			c.field(StageChanged, subject, "name", text(a.Name), text(b.Name), what)
			c.field(StageChanged, subject, "owner", text(a.Owner), text(b.Owner), what)
			c.field(StageChanged, subject, "expectations", items(a.Expectations), items(b.Expectations), what)
		}
	}
}

func (c *changes) touchpoints(old, new *journey.Journey) {
	// Reordering within a stage: the touchpoints of a stage that are in it
	// on both sides and are not in the longest run kept in order.
	reordered := map[string]bool{}
	for _, s := range new.Stages {
		os := findStage(old, s.ID.Value)
		if os == nil {
			continue
		}
		var before, after []string
		for _, t := range os.Touchpoints {
			if nt := findTouchpoint(new, t.ID.Value); nt != nil && nt.Stage.ID.Value == s.ID.Value {
				before = append(before, t.ID.Value)
			}
		}
		for _, t := range s.Touchpoints {
			if ot := findTouchpoint(old, t.ID.Value); ot != nil && ot.Stage.ID.Value == s.ID.Value {
				after = append(after, t.ID.Value)
			}
		}
		for id := range movedIDs(before, after) {
			reordered[id] = true
		}
	}

	for _, a := range journey.AlignTouchpoints([]*journey.Journey{new, old}) {
		nt, ot := a.In[0], a.In[1]
		id := a.ID
		subject := journey.KindTouchpoint + ":" + id
		what := fmt.Sprintf("touchpoint %q", id)
		switch {
		case ot == nil:
			c.list = append(c.list, Change{Kind: TouchpointAdded, Subject: subject,
				Message: fmt.Sprintf("touchpoint %q added to stage %q%s: %s on %s%s", id, nt.Stage.ID.Value,
					placed(touchpointIDs(nt.Stage), id, "touchpoint"), quoteName(nt), nt.Channel.Value, emotionNote(nt))})
			continue
		case nt == nil:
			c.list = append(c.list, Change{Kind: TouchpointRemoved, Subject: subject,
				Message: fmt.Sprintf("touchpoint %q removed from stage %q", id, ot.Stage.ID.Value)})
			continue
		}
		// A touchpoint that inherits its owner from its stage takes the new
		// stage's owner when it moves: one change, told in the move.
		inherits := ot.Owner.Value == "" && nt.Owner.Value == ""
		if from, to := ot.Stage.ID.Value, nt.Stage.ID.Value; from != to {
			msg := fmt.Sprintf("touchpoint %q moved from stage %q to %q", id, from, to)
			if inherits && ot.ResolvedOwner().Value != nt.ResolvedOwner().Value {
				msg += fmt.Sprintf(" (owner, from the stage: %s → %s)", show(text(ot.ResolvedOwner())), show(text(nt.ResolvedOwner())))
			}
			c.list = append(c.list, Change{Kind: TouchpointMoved, Subject: subject, Field: "stage", Before: from, After: to, Message: msg})
		} else {
			inherits = false
			if reordered[id] {
				c.list = append(c.list, Change{Kind: TouchpointMoved, Subject: subject, Field: "position",
					Before: index(touchpointIDs(ot.Stage), id) + 1, After: index(touchpointIDs(nt.Stage), id) + 1,
					Message: fmt.Sprintf("touchpoint %q moved%s in stage %q", id, placed(touchpointIDs(nt.Stage), id, "touchpoint"), nt.Stage.ID.Value)})
			}
		}
		f := func(field string, before, after any) {
			c.field(TouchpointChanged, subject, field, before, after, what)
		}
		f("name", text(ot.Name), text(nt.Name))
		f("channel", text(ot.Channel), text(nt.Channel))
		if !inherits {
			f("owner", text(ot.ResolvedOwner()), text(nt.ResolvedOwner()))
		}
		f("emotion", score(ot), score(nt))
		f("feeling", feeling(ot), feeling(nt))
		f("moment_of_truth", moment(ot), moment(nt))
		f("handoff", handoff(ot), handoff(nt))
		f("next", next(ot), next(nt))
		f("pain_points", items(ot.PainPoints), items(nt.PainPoints))
		f("opportunities", items(ot.Opportunities), items(nt.Opportunities))
		f("metrics", texts(ot.Metrics), texts(nt.Metrics))
		f("listening", texts(ot.Listening), texts(nt.Listening))
		f("backstage", items(ot.Backstage), items(nt.Backstage))
	}
}

func emotionNote(t *journey.Touchpoint) string {
	if t.Emotion == nil {
		return ""
	}
	return fmt.Sprintf(", emotion %s", signed(t.Emotion.Score))
}

func quoteName(t *journey.Touchpoint) string { return fmt.Sprintf("%q", t.Label()) }

// placed says where an id sits among its neighbours: " after X", or " first".
func placed(ids []string, id, what string) string {
	i := index(ids, id)
	switch {
	case i < 0:
		return ""
	case i == 0:
		return " (first)"
	default:
		return fmt.Sprintf(" after %q", ids[i-1])
	}
}

func touchpointIDs(s *journey.Stage) []string {
	var out []string
	for _, t := range s.Touchpoints {
		out = append(out, t.ID.Value)
	}
	return out
}

func signed(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	return fmt.Sprint(n)
}
