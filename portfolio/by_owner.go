package portfolio

import (
	"sort"
)

var ownerColumns = []Column{
	{"owner", "Owner"}, {"name", "Name"}, {"journeys", "Journeys"}, {"touchpoints", "Touchpoints"},
	{"channels", "Channels"}, {"seams", "Seams"}, {"moments", "Moments"},
	{"unowned_seams", "Unowned seams"}, {"findings", "Findings"},
}

type ownerStats struct {
	journeys, touchpoints, seams, moments, unowned, findings int
	channels                                                 map[string]bool
}

// byOwner answers who is accountable for what: a row per owner — the
// registry's in its order (those that own nothing included), then any other
// owner named, by id. A seam is a flow edge that changes channel; its owner
// is the `handoff` block's. "Unowned seams" are the seams into an owner's
// touchpoints whose handoff names no owner (or is missing). A finding
// counts for the owner of what it is about (accountable).
func byOwner(in Input) *Table {
	t := &Table{By: ByOwner, Columns: ownerColumns}
	stats := map[string]*ownerStats{}
	var order []string
	get := func(id string) *ownerStats {
		s, ok := stats[id]
		if !ok {
			s = &ownerStats{channels: map[string]bool{}}
			stats[id] = s
			order = append(order, id)
		}
		return s
	}
	for _, w := range in.Workspaces {
		for _, o := range w.Owners {
			get(o.ID.Value)
		}
	}
	registered := len(order)
	for _, j := range in.Journeys {
		if o := j.Owner.Value; o != "" {
			get(o).journeys++
		}
		seen := map[string]bool{}
		for _, tp := range j.Touchpoints() {
			if o := tp.ResolvedOwner().Value; o != "" {
				s := get(o)
				s.touchpoints++
				if tp.MomentOfTruth != nil {
					s.moments++
				}
			}
			if seen[tp.Channel.Value] {
				continue
			}
			seen[tp.Channel.Value] = true
			if c := j.Channel(tp.Channel.Value); c != nil && c.Owner.Value != "" {
				get(c.Owner.Value).channels[c.File+"#"+c.ID.Value] = true
			}
		}
		for _, c := range j.Channels {
			if c.Owner.Value != "" {
				get(c.Owner.Value).channels[c.File+"#"+c.ID.Value] = true
			}
		}
		for _, e := range j.Flow.Handoffs() {
			h := e.To.Handoff
			if h != nil && h.Owner.Value != "" {
				get(h.Owner.Value).seams++
			} else if o := e.To.ResolvedOwner().Value; o != "" {
				get(o).unowned++
			}
		}
		for _, f := range findingsOf(j, in.Findings) {
			if o := accountable(j, f); o != "" {
				get(o).findings++
			}
		}
	}
	others := append([]string(nil), order[registered:]...)
	sort.Strings(others)
	order = append(order[:registered], others...)
	for _, id := range order {
		s := stats[id]
		t.Rows = append(t.Rows, Row{
			"owner": id, "name": ownerName(in.Workspaces, id), "journeys": s.journeys, "touchpoints": s.touchpoints,
			"channels": len(s.channels), "seams": s.seams, "moments": s.moments,
			"unowned_seams": s.unowned, "findings": s.findings,
		})
	}
	return t
}
