// Package diff compares journeys the way code review compares code: by
// meaning, not by line. Journeys are matched by id, stages and touchpoints by
// id, and the result lists what a reviewer of a pull request needs to see —
// fields changed, touchpoints added, removed or moved, the emotion curve
// before and after, and lint findings introduced and fixed (SPEC §6 "diff").
package diff

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// Journey statuses.
const (
	Added     = "added"
	Removed   = "removed"
	Modified  = "modified"
	Unchanged = "unchanged"
)

// Change kinds (SPEC §6).
const (
	JourneyAdded      = "journey-added"
	JourneyRemoved    = "journey-removed"
	JourneyChanged    = "journey-changed"
	StageAdded        = "stage-added"
	StageRemoved      = "stage-removed"
	StageMoved        = "stage-moved"
	StageChanged      = "stage-changed"
	TouchpointAdded   = "touchpoint-added"
	TouchpointRemoved = "touchpoint-removed"
	TouchpointMoved   = "touchpoint-moved"
	TouchpointChanged = "touchpoint-changed"
	ChannelAdded      = "channel-added"
	ChannelRemoved    = "channel-removed"
	ChannelChanged    = "channel-changed"
)

// Options controls Compare. The zero value compares by journey id and lints
// with each workspace's configuration as of today.
type Options struct {
	// Lint configures the lint runs whose findings are compared.
	Lint lint.Options
	// Rev is the revision the old side was read at (its files are named
	// path@Rev); a journey whose path differs otherwise was renamed.
	Rev string
	// PairSingle pairs the one journey of each side when neither file names
	// an id: `diff OLD NEW` of two copies of a journey whose id is its file name.
	PairSingle bool
}

// Result is the comparison of two sets of journeys.
type Result struct {
	Journeys []*Journey `json:"journeys"`
	Summary  Summary    `json:"summary"`
	// Invalid holds the validation findings of either side; a journey that
	// does not validate on a side is not compared.
	Invalid []journey.Finding `json:"invalid,omitempty"`
}

// Summary counts what changed.
type Summary struct {
	Journeys   int `json:"journeys"`
	Changed    int `json:"changed"`
	Changes    int `json:"changes"`
	Introduced int `json:"introduced"`
	Fixed      int `json:"fixed"`
	Invalid    int `json:"invalid,omitempty"`
}

// Journey is one journey's comparison.
type Journey struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Status   string   `json:"status"`
	Old      string   `json:"old,omitempty"`
	New      string   `json:"new,omitempty"`
	Changes  []Change `json:"changes"`
	Emotion  Emotion  `json:"emotion"`
	Findings Findings `json:"findings"`
}

// Findings are the lint findings a change introduced and fixed.
type Findings struct {
	Introduced []journey.Finding `json:"introduced"`
	Fixed      []journey.Finding `json:"fixed"`
}

// Change is one difference. Before and After are the field's values (nil
// when absent) and are written to JSON only for a changed field.
type Change struct {
	Kind    string
	Subject string
	Field   string
	Before  any
	After   any
	Message string
}

// MarshalJSON writes before and after only where a field changed, where
// null means "not set" rather than "not applicable".
func (c Change) MarshalJSON() ([]byte, error) {
	type field struct {
		Kind    string `json:"kind"`
		Subject string `json:"subject"`
		Field   string `json:"field"`
		Before  any    `json:"before"`
		After   any    `json:"after"`
		Message string `json:"message"`
	}
	type plain struct {
		Kind    string `json:"kind"`
		Subject string `json:"subject"`
		Message string `json:"message"`
	}
	if c.Field == "" {
		return json.Marshal(plain{c.Kind, c.Subject, c.Message})
	}
	return json.Marshal(field{c.Kind, c.Subject, c.Field, c.Before, c.After, c.Message})
}

// Changed says whether anything differs between the two sides.
func (r *Result) Changed() bool { return r.Summary.Changed > 0 }

// Compare lints both sides and compares them journey by journey. It fails
// only when a workspace's lint configuration is wrong (a usage error).
func Compare(old, new *journey.Set, opts Options) (*Result, error) {
	if opts.Lint.Today.IsZero() {
		opts.Lint.Today = time.Now()
	}
	oldRes, err := lint.Run(old, opts.Lint)
	if err != nil {
		return nil, err
	}
	newRes, err := lint.Run(new, opts.Lint)
	if err != nil {
		return nil, err
	}
	r := &Result{}
	for _, s := range []*journey.Set{old, new} {
		r.Invalid = append(r.Invalid, s.Findings...)
	}
	r.Invalid = journey.SortFindings(r.Invalid)

	for _, p := range pairJourneys(old.Journeys, new.Journeys, opts.PairSingle) {
		if (p.old != nil && !old.Valid(p.old)) || (p.new != nil && !new.Valid(p.new)) {
			r.Summary.Invalid++
			continue
		}
		d := compareJourney(p.old, p.new, opts)
		d.Findings = compareFindings(p.old, p.new, oldRes.Findings, newRes.Findings)
		if d.Status == Unchanged && (len(d.Findings.Introduced) > 0 || len(d.Findings.Fixed) > 0) {
			d.Status = Modified
		}
		r.Journeys = append(r.Journeys, d)
		r.Summary.Journeys++
		if d.Status != Unchanged {
			r.Summary.Changed++
		}
		r.Summary.Changes += len(d.Changes)
		r.Summary.Introduced += len(d.Findings.Introduced)
		r.Summary.Fixed += len(d.Findings.Fixed)
	}
	return r, nil
}

type pair struct{ old, new *journey.Journey }

// pairJourneys matches journeys by id. A file renamed between revisions
// keeps its id and so its pair; two journeys with the same id on one side
// (a mistake lint reports elsewhere) pair by file name first, then in order.
// The pairs are sorted by id, so the output does not depend on file names.
func pairJourneys(old, new []*journey.Journey, single bool) []pair {
	if single && len(old) == 1 && len(new) == 1 && !old[0].ID.Set && !new[0].ID.Set {
		return []pair{{old[0], new[0]}}
	}
	byID := map[string][]*journey.Journey{}
	for _, j := range old {
		byID[j.ID.Value] = append(byID[j.ID.Value], j)
	}
	take := func(j *journey.Journey) *journey.Journey {
		cands := byID[j.ID.Value]
		if len(cands) == 0 {
			return nil
		}
		at := 0
		for i, c := range cands {
			if c.File == j.File {
				at = i
				break
			}
		}
		o := cands[at]
		byID[j.ID.Value] = append(cands[:at:at], cands[at+1:]...)
		return o
	}
	var out []pair
	for _, j := range new {
		out = append(out, pair{take(j), j})
	}
	var gone []*journey.Journey
	for _, js := range byID {
		gone = append(gone, js...)
	}
	sort.Slice(gone, func(a, b int) bool {
		if gone[a].ID.Value != gone[b].ID.Value {
			return gone[a].ID.Value < gone[b].ID.Value
		}
		return gone[a].File < gone[b].File
	})
	for _, j := range gone {
		out = append(out, pair{j, nil})
	}
	sort.SliceStable(out, func(a, b int) bool { return idOf(out[a]) < idOf(out[b]) })
	return out
}

func idOf(p pair) string {
	if p.new != nil {
		return p.new.ID.Value
	}
	return p.old.ID.Value
}
