package journey

// Aligned is one position when the touchpoints of several journeys (or
// revisions of one) are lined up by id. In[i] is journey i's touchpoint with
// that id, or nil when journey i does not have it.
type Aligned struct {
	ID string
	In []*Touchpoint
}

// First is the touchpoint from the earliest journey that has this id.
func (a Aligned) First() *Touchpoint {
	for _, t := range a.In {
		if t != nil {
			return t
		}
	}
	return nil
}

// AlignTouchpoints lines up the journeys' touchpoints by id in one order:
// the first journey's document order, with a touchpoint only later journeys
// have inserted after its predecessor in that journey. The emotion overlay
// and diff both compare journeys through it, so a touchpoint one side lacks
// is a gap, never a neighbour's score. A repeated id (an invalid journey)
// keeps its first touchpoint.
func AlignTouchpoints(js []*Journey) []Aligned {
	var out []Aligned
	for ji, j := range js {
		index := make(map[string]int, len(out))
		for i, a := range out {
			index[a.ID] = i
		}
		// A touchpoint the order lacks goes after the last one of this
		// journey already in the order (-1: at the start). Collecting the
		// insertions and merging once keeps this linear.
		inserts := map[int][]Aligned{}
		added := map[string]bool{}
		prev, n := -1, 0
		for _, tp := range j.Touchpoints() {
			id := tp.ID.Value
			if i, ok := index[id]; ok {
				if out[i].In[ji] == nil {
					out[i].In[ji] = tp
				}
				prev = i
				continue
			}
			if added[id] {
				continue
			}
			added[id] = true
			a := Aligned{ID: id, In: make([]*Touchpoint, len(js))}
			a.In[ji] = tp
			inserts[prev] = append(inserts[prev], a)
			n++
		}
		if n == 0 {
			continue
		}
		merged := make([]Aligned, 0, len(out)+n)
		merged = append(merged, inserts[-1]...)
		for i, a := range out {
			merged = append(merged, a)
			merged = append(merged, inserts[i]...)
		}
		out = merged
	}
	return out
}
