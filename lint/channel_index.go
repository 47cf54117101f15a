package lint

import "github.com/journeymap/journeymap/journey"

// channelIndex holds the channel definitions of a run's valid journeys that
// their workspace does not define, by workspace and channel id, in the
// run's order. inconsistent-channel asks it, for one definition, which is
// the first that differs and how many differ, in constant time, so a run
// compares N journeys in time linear in N.
type channelIndex struct {
	scopes map[channelScope]*channelDefs
}

// channelScope is one channel id among the journeys of one workspace (nil:
// the journeys without a workspace). Journeys under different workspaces
// are never compared (SPEC §5).
type channelScope struct {
	ws *journey.Workspace
	id string
}

// channelValue is what inconsistent-channel compares: every field either
// side sets, which comes to all three being equal.
type channelValue struct{ name, kind, owner string }

func valueOf(c *journey.Channel) channelValue {
	return channelValue{c.Name.Value, c.Kind.Value, c.Owner.Value}
}

type channelDefs struct {
	all   []*journey.Channel // in the run's order
	count map[channelValue]int
	// other is the index in all of the first definition that differs from
	// all[0], or 0 when none does.
	other int
}

func newChannelIndex() *channelIndex {
	return &channelIndex{scopes: map[channelScope]*channelDefs{}}
}

// addJourney records the journey's own channel definitions of ids its
// workspace does not define. Only what comparing needs is kept.
func (x *channelIndex) addJourney(j *journey.Journey) {
	for _, c := range j.Channels {
		if j.Workspace != nil && j.Workspace.Channel(c.ID.Value) != nil {
			continue // the workspace is the reference (SPEC §5)
		}
		k := channelScope{j.Workspace, c.ID.Value}
		d := x.scopes[k]
		if d == nil {
			d = &channelDefs{count: map[channelValue]int{}}
			x.scopes[k] = d
		}
		v := valueOf(c)
		if d.other == 0 && len(d.all) > 0 && valueOf(d.all[0]) != v {
			d.other = len(d.all)
		}
		d.all = append(d.all, &journey.Channel{ID: c.ID, Name: c.Name, Kind: c.Kind, Owner: c.Owner, Pos: c.Pos, File: c.File})
		d.count[v]++
	}
}

// differing returns the first definition, among those of the same id in
// the journeys of ws, that differs from c, and how many differ in all.
func (x *channelIndex) differing(ws *journey.Workspace, c *journey.Channel) (*journey.Channel, int) {
	d := x.scopes[channelScope{ws, c.ID.Value}]
	if d == nil {
		return nil, 0
	}
	v := valueOf(c)
	n := len(d.all) - d.count[v]
	switch {
	case n == 0:
		return nil, 0
	case valueOf(d.all[0]) != v:
		return d.all[0], n
	default:
		return d.all[d.other], n
	}
}
