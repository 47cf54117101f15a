// Package portfolio gives the journeys of a workspace at a glance: who is
// accountable for what, where the seams between channels are, and how
// customers feel (SPEC §6 "report"). It builds one table — a row per
// journey, owner or channel, and a total — that the formats print.
package portfolio

import (
	"time"

	"github.com/journeymap/journeymap/journey"
)

// Groupings a report can be made by.
const (
	ByJourney = "journey"
	ByOwner   = "owner"
	ByChannel = "channel"
)

// Groupings lists them in the order the CLI offers them.
func Groupings() []string { return []string{ByJourney, ByOwner, ByChannel} }

// Column is one column: its JSON/CSV key and its heading in a table.
type Column struct {
	Key    string
	Header string
}

// Row holds a value per column key: int, float64 (nil when nothing is
// scored), string, or nil.
type Row map[string]any

// Table is a report: its rows and, for --by journey, a total row.
type Table struct {
	By      string
	Columns []Column
	Rows    []Row
	Total   Row
}

// Input is what a report reads: the valid journeys, the lint findings about
// them, the workspaces (for owner names) and today's date.
type Input struct {
	Journeys   []*journey.Journey
	Findings   []journey.Finding
	Workspaces []*journey.Workspace
	Today      time.Time
}

// Build makes the report grouped by by (journey, owner or channel).
func Build(in Input, by string) *Table {
	switch by {
	case ByOwner:
		return byOwner(in)
	case ByChannel:
		return byChannel(in)
	default:
		return byJourney(in)
	}
}

// accountable is who owns what a finding is about (its subject, SPEC §5):
// a touchpoint's resolved owner (for a handoff, the receiving touchpoint's,
// unless the handoff names its own), a stage's or a channel's owner, else
// the journey's owner.
func accountable(j *journey.Journey, f journey.Finding) string {
	kind, id := f.Subject.Split()
	owner := ""
	switch kind {
	case journey.KindTouchpoint, journey.KindHandoff:
		if t := j.SubjectTouchpoint(f.Subject); t != nil {
			owner = t.ResolvedOwner().Value
			if kind == journey.KindHandoff && t.Handoff != nil && t.Handoff.Owner.Value != "" {
				owner = t.Handoff.Owner.Value
			}
		}
	case journey.KindStage:
		for _, s := range j.Stages {
			if s.ID.Value == id {
				owner = s.Owner.Value
			}
		}
	case journey.KindChannel:
		if c := j.Channel(id); c != nil {
			owner = c.Owner.Value
		}
	}
	if owner == "" {
		owner = j.Owner.Value
	}
	return owner
}

func findingsOf(j *journey.Journey, fs []journey.Finding) []journey.Finding {
	var out []journey.Finding
	for _, f := range fs {
		if f.Journey == j.ID.Value && f.File == j.File {
			out = append(out, f)
		}
	}
	return out
}

// ownerName is the registry's name for an owner, else its id.
func ownerName(ws []*journey.Workspace, id string) string {
	for _, w := range ws {
		for _, o := range w.Owners {
			if o.ID.Value == id && o.Name.Value != "" {
				return o.Name.Value
			}
		}
	}
	return id
}
