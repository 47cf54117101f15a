package journey

import "slices"

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
// appears once, in document order of its first touchpoint, then in the
// order a depth-first walk along the edges meets the second.
//
// The scored touchpoints each unscored one leads to are worked out once
// (for a loop of unscored touchpoints, once for the whole loop), not again
// from every scored touchpoint: a dense flow costs the size of its answer,
// not touchpoints times edges.
func (f *Flow) ScoredSteps() [][2]*Touchpoint {
	index := make(map[*Touchpoint]int, len(f.Touchpoints))
	for i, t := range f.Touchpoints {
		index[t] = i
	}
	ahead := f.scoredAhead(index)
	var out [][2]*Touchpoint
	met := make([]int, len(f.Touchpoints)) // i+1 when met from touchpoint i
	for i, from := range f.Touchpoints {
		if from.Emotion == nil {
			continue
		}
		meet := func(to *Touchpoint) {
			if k := index[to]; met[k] != i+1 {
				met[k] = i + 1
				out = append(out, [2]*Touchpoint{from, to})
			}
		}
		for _, e := range f.Out[from] {
			if e.To.Emotion != nil {
				meet(e.To)
				continue
			}
			for _, to := range ahead[index[e.To]] {
				meet(to)
			}
		}
	}
	return out
}

// scoredAhead lists, for each touchpoint without a score, the scored
// touchpoints it reaches through touchpoints without a score, in the order
// a depth-first walk meets them. Touchpoints without a score that reach
// each other (a loop) share one list: the strongly connected components
// of the unscored touchpoints (Tarjan's algorithm) are finished after
// every component they lead to, so each list is built from finished ones.
func (f *Flow) scoredAhead(index map[*Touchpoint]int) [][]*Touchpoint {
	n := len(f.Touchpoints)
	ahead := make([][]*Touchpoint, n)
	order := make([]int, n) // visit order + 1; 0 = not visited
	low := make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	visited := 0
	var connect func(v int)
	connect = func(v int) {
		visited++
		order[v], low[v] = visited, visited
		stack = append(stack, v)
		onStack[v] = true
		for _, e := range f.Out[f.Touchpoints[v]] {
			if e.To.Emotion != nil {
				continue
			}
			w := index[e.To]
			if order[w] == 0 {
				connect(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], order[w])
			}
		}
		if low[v] != order[v] {
			return
		}
		// v is the root of a component: pop it and build its list.
		var members []int
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			members = append(members, w)
			if w == v {
				break
			}
		}
		slices.Sort(members) // document order
		inComponent := map[int]bool{}
		for _, m := range members {
			inComponent[m] = true
		}
		var list []*Touchpoint
		seen := map[*Touchpoint]bool{}
		add := func(t *Touchpoint) {
			if !seen[t] {
				seen[t] = true
				list = append(list, t)
			}
		}
		for _, m := range members {
			for _, e := range f.Out[f.Touchpoints[m]] {
				switch w := index[e.To]; {
				case e.To.Emotion != nil:
					add(e.To)
				case !inComponent[w]:
					for _, t := range ahead[w] {
						add(t)
					}
				}
			}
		}
		for _, m := range members {
			ahead[m] = list
		}
	}
	for v, t := range f.Touchpoints {
		if t.Emotion == nil && order[v] == 0 {
			connect(v)
		}
	}
	return ahead
}
