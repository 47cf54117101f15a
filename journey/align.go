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
	index := map[string]int{}
	for ji, j := range js {
		prev := -1
		for _, tp := range j.Touchpoints() {
			id := tp.ID.Value
			if i, ok := index[id]; ok {
				if out[i].In[ji] == nil {
					out[i].In[ji] = tp
				}
				prev = i
				continue
			}
			at := prev + 1
			a := Aligned{ID: id, In: make([]*Touchpoint, len(js))}
			a.In[ji] = tp
			out = append(out[:at], append([]Aligned{a}, out[at:]...)...)
			for k, i := range index {
				if i >= at {
					index[k] = i + 1
				}
			}
			index[id] = at
			prev = at
		}
	}
	return out
}
