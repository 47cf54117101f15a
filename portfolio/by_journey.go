package portfolio

import (
	"math"

	"github.com/journeymap/journeymap/journey"
)

var journeyColumns = []Column{
	{"journey", "Journey"}, {"stages", "Stages"}, {"touchpoints", "Touchpoints"}, {"channels", "Channels"},
	{"channel_changes", "Channel changes"}, {"handoffs_documented", "Handoffs documented"}, {"handoffs", "Handoffs"},
	{"owned_pct", "Owned %"}, {"moments_measured", "Moments measured"}, {"moments", "Moments"},
	{"emotion_avg", "Emotion avg"}, {"emotion_low", "Emotion low"}, {"emotion_low_at", "Lowest at"},
	{"errors", "Errors"}, {"warnings", "Warnings"}, {"info", "Info"}, {"days_since_review", "Days since review"},
}

// stats is what a row and the total add up.
type stats struct {
	stages, touchpoints, changes, handoffs, documented, owned, moments, measured int
	scored, sum                                                                  int
	low                                                                          *int
	lowAt                                                                        string
	errors, warnings, info                                                       int
	channels                                                                     map[string]bool
	days                                                                         *int
}

func byJourney(in Input) *Table {
	t := &Table{By: ByJourney, Columns: journeyColumns}
	total := stats{channels: map[string]bool{}}
	for _, j := range in.Journeys {
		s := journeyStats(j, in)
		t.Rows = append(t.Rows, s.row(j.ID.Value))
		total.add(s, j.ID.Value)
	}
	t.Total = total.row("total")
	return t
}

func journeyStats(j *journey.Journey, in Input) stats {
	s := stats{stages: len(j.Stages), channels: map[string]bool{}}
	for _, tp := range j.Touchpoints() {
		s.touchpoints++
		s.channels[tp.Channel.Value] = true
		if tp.ResolvedOwner().Value != "" {
			s.owned++
		}
		if tp.MomentOfTruth != nil {
			s.moments++
			if len(tp.Metrics) > 0 || len(tp.Listening) > 0 {
				s.measured++
			}
		}
		if tp.Emotion != nil {
			s.scored++
			s.sum += tp.Emotion.Score
			if s.low == nil || tp.Emotion.Score < *s.low {
				v := tp.Emotion.Score
				s.low, s.lowAt = &v, tp.ID.Value
			}
		}
	}
	path := j.Flow.MainPath()
	for i := 1; i < len(path); i++ {
		if path[i].Channel.Value != path[i-1].Channel.Value {
			s.changes++
		}
	}
	for _, e := range j.Flow.Handoffs() {
		s.handoffs++
		if e.To.Handoff != nil {
			s.documented++
		}
	}
	for _, f := range findingsOf(j, in.Findings) {
		switch f.Severity {
		case journey.Error:
			s.errors++
		case journey.Warning:
			s.warnings++
		default:
			s.info++
		}
	}
	if j.Reviewed.Set && !in.Today.IsZero() {
		d := int(in.Today.Sub(j.Reviewed.Time).Hours() / 24)
		s.days = &d
	}
	return s
}

// add sums a journey into the total; the lowest emotion names its journey,
// and the days since review are the stalest journey's.
func (s *stats) add(o stats, id string) {
	s.stages += o.stages
	s.touchpoints += o.touchpoints
	s.changes += o.changes
	s.handoffs += o.handoffs
	s.documented += o.documented
	s.owned += o.owned
	s.moments += o.moments
	s.measured += o.measured
	s.scored += o.scored
	s.sum += o.sum
	if o.low != nil && (s.low == nil || *o.low < *s.low) {
		s.low, s.lowAt = o.low, id+"/"+o.lowAt
	}
	s.errors += o.errors
	s.warnings += o.warnings
	s.info += o.info
	for c := range o.channels {
		s.channels[c] = true
	}
	if o.days != nil && (s.days == nil || *o.days > *s.days) {
		s.days = o.days
	}
}

func (s stats) row(name string) Row {
	r := Row{
		"journey": name, "stages": s.stages, "touchpoints": s.touchpoints, "channels": len(s.channels),
		"channel_changes": s.changes, "handoffs_documented": s.documented, "handoffs": s.handoffs,
		"owned_pct": pct(s.owned, s.touchpoints), "moments_measured": s.measured, "moments": s.moments,
		"emotion_avg": avg(s.sum, s.scored), "emotion_low": nil, "emotion_low_at": nil,
		"errors": s.errors, "warnings": s.warnings, "info": s.info, "days_since_review": nil,
	}
	if s.low != nil {
		r["emotion_low"], r["emotion_low_at"] = *s.low, s.lowAt
	}
	if s.days != nil {
		r["days_since_review"] = *s.days
	}
	return r
}

// pct is a whole percentage; nil when there is nothing to count.
func pct(n, of int) any {
	if of == 0 {
		return nil
	}
	return int(math.Round(100 * float64(n) / float64(of)))
}

// avg is rounded to two decimals; nil when nothing is scored.
func avg(sum, n int) any {
	if n == 0 {
		return nil
	}
	return math.Round(100*float64(sum)/float64(n)) / 100
}
