package portfolio

import (
	"github.com/journeymap/journeymap/journey"
)

var channelColumns = []Column{
	{"channel", "Channel"}, {"name", "Name"}, {"journeys", "Journeys"}, {"touchpoints", "Touchpoints"},
	{"handoffs_in_documented", "In documented"}, {"handoffs_in", "Handoffs in"},
	{"handoffs_out_documented", "Out documented"}, {"handoffs_out", "Handoffs out"},
	{"emotion_avg", "Emotion avg"}, {"inconsistent", "Inconsistent"},
}

type channelStats struct {
	name                                string
	journeys, touchpoints               int
	in, inDoc, out, outDoc, scored, sum int
	inconsistent                        int
}

// byChannel: a row per channel used by a journey, in order of first use:
// the journeys and touchpoints using it, handoffs into and out of it
// (documented of all), the average emotion at its touchpoints, and how many
// journeys define it inconsistently (inconsistent-channel findings).
func byChannel(in Input) *Table {
	t := &Table{By: ByChannel, Columns: channelColumns}
	stats := map[string]*channelStats{}
	var order []string
	get := func(j *journey.Journey, id string) *channelStats {
		s, ok := stats[id]
		if !ok {
			s = &channelStats{name: id}
			if c := j.Channel(id); c != nil {
				s.name = c.Label()
			}
			stats[id] = s
			order = append(order, id)
		}
		return s
	}
	for _, j := range in.Journeys {
		used := map[string]bool{}
		for _, tp := range j.Touchpoints() {
			s := get(j, tp.Channel.Value)
			s.touchpoints++
			if !used[tp.Channel.Value] {
				used[tp.Channel.Value] = true
				s.journeys++
			}
			if tp.Emotion != nil {
				s.scored++
				s.sum += tp.Emotion.Score
			}
		}
		for _, e := range j.Flow.Handoffs() {
			doc := 0
			if e.To.Handoff != nil {
				doc = 1
			}
			to, from := get(j, e.To.Channel.Value), get(j, e.From.Channel.Value)
			to.in++
			to.inDoc += doc
			from.out++
			from.outDoc += doc
		}
		for _, f := range findingsOf(j, in.Findings) {
			if f.Rule != "inconsistent-channel" {
				continue
			}
			if kind, id := f.Subject.Split(); kind == journey.KindChannel {
				get(j, id).inconsistent++
			}
		}
	}
	for _, id := range order {
		s := stats[id]
		t.Rows = append(t.Rows, Row{
			"channel": id, "name": s.name, "journeys": s.journeys, "touchpoints": s.touchpoints,
			"handoffs_in_documented": s.inDoc, "handoffs_in": s.in,
			"handoffs_out_documented": s.outDoc, "handoffs_out": s.out,
			"emotion_avg": avg(s.sum, s.scored), "inconsistent": s.inconsistent,
		})
	}
	return t
}
