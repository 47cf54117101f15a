package journey

// Edge is a step of the journey from one touchpoint to the next.
type Edge struct {
	From, To *Touchpoint
	// Handoff is true when the customer changes channel along the edge.
	Handoff bool
}

// Flow is the journey as a graph: each touchpoint leads to the next in
// document order, unless it lists `next:`. Touchpoints with no successor
// are where the journey can end (IsEnd).
type Flow struct {
	Touchpoints []*Touchpoint
	Edges       []*Edge
	Out         map[*Touchpoint][]*Edge
}

func buildFlow(tps []*Touchpoint, ids map[string]*Touchpoint) *Flow {
	f := &Flow{Touchpoints: tps, Out: map[*Touchpoint][]*Edge{}}
	add := func(from, to *Touchpoint) {
		for _, e := range f.Out[from] {
			if e.To == to {
				return
			}
		}
		e := &Edge{From: from, To: to, Handoff: from.Channel.Value != to.Channel.Value}
		f.Edges = append(f.Edges, e)
		f.Out[from] = append(f.Out[from], e)
	}
	for i, t := range tps {
		switch {
		case t.HasNext:
			for _, n := range t.Next {
				if to, ok := ids[n.Value]; ok {
					add(t, to)
				}
			}
		case i+1 < len(tps):
			add(t, tps[i+1])
		}
	}
	return f
}

// Handoffs returns the edges along which the channel changes.
func (f *Flow) Handoffs() []*Edge {
	var out []*Edge
	for _, e := range f.Edges {
		if e.Handoff {
			out = append(out, e)
		}
	}
	return out
}

// MainPath follows document order from the first touchpoint, taking the
// first entry of `next:` where a touchpoint lists one, until the journey ends
// or a touchpoint repeats.
func (f *Flow) MainPath() []*Touchpoint {
	if len(f.Touchpoints) == 0 {
		return nil
	}
	var path []*Touchpoint
	seen := map[*Touchpoint]bool{}
	for t := f.Touchpoints[0]; t != nil && !seen[t]; {
		seen[t] = true
		path = append(path, t)
		out := f.Out[t]
		if len(out) == 0 {
			break
		}
		t = out[0].To
	}
	return path
}

// Reachable returns the touchpoints some path from the first touchpoint reaches.
func (f *Flow) Reachable() map[*Touchpoint]bool {
	seen := map[*Touchpoint]bool{}
	if len(f.Touchpoints) == 0 {
		return seen
	}
	stack := []*Touchpoint{f.Touchpoints[0]}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[t] {
			continue
		}
		seen[t] = true
		for _, e := range f.Out[t] {
			stack = append(stack, e.To)
		}
	}
	return seen
}

// IsEnd says whether the journey can end at t.
func (f *Flow) IsEnd(t *Touchpoint) bool { return len(f.Out[t]) == 0 }

// ScoredSteps lists pairs of touchpoints with an emotion score that are
// consecutive along the flow: joined by an edge, or by a path through
// touchpoints without a score, which are skipped over (SPEC §5). Each pair
// appears once, in document order of its first touchpoint.
func (f *Flow) ScoredSteps() [][2]*Touchpoint {
	var out [][2]*Touchpoint
	for _, from := range f.Touchpoints {
		if from.Emotion == nil {
			continue
		}
		seen := map[*Touchpoint]bool{}
		var visit func(t *Touchpoint)
		visit = func(t *Touchpoint) {
			for _, e := range f.Out[t] {
				to := e.To
				if seen[to] {
					continue
				}
				seen[to] = true
				if to.Emotion == nil {
					visit(to)
					continue
				}
				out = append(out, [2]*Touchpoint{from, to})
			}
		}
		visit(from)
	}
	return out
}
