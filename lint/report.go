package lint

import (
	"github.com/journeymap/journeymap/journey"
)

// Report is what a run found: the findings, sorted, and what was read.
type Report struct {
	Findings []journey.Finding
	Files    int
	Journeys int
	// Sources maps a file name to its content, for showing source lines.
	Sources map[string][]byte
	// Custom describes the custom rules of the run's workspaces.
	Custom []*Meta
	// Baseline, when a baseline or --new-from-rev was applied, says how
	// many findings it left out and how many it lists no longer occur.
	Baseline *BaselineResult
}

// Summary counts findings by severity.
type Summary struct {
	Files    int `json:"files"`
	Journeys int `json:"journeys"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Info     int `json:"info"`
	// Baselined and Stale are set when a baseline was applied.
	Baselined *int `json:"baselined,omitempty"`
	Stale     *int `json:"baseline_stale,omitempty"`
}

// Summary counts the report's findings by severity.
func (r *Report) Summary() Summary {
	s := Summary{Files: r.Files, Journeys: r.Journeys}
	if r.Baseline != nil {
		s.Baselined, s.Stale = &r.Baseline.Baselined, &r.Baseline.Stale
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case journey.Error:
			s.Errors++
		case journey.Warning:
			s.Warnings++
		default:
			s.Info++
		}
	}
	return s
}

// NewReport builds a report from a loaded set and the findings of a run.
func NewReport(set *journey.Set, findings []journey.Finding) *Report {
	r := &Report{Findings: journey.SortFindings(findings), Files: set.Files, Journeys: len(set.Journeys), Sources: map[string][]byte{}}
	for _, j := range set.Journeys {
		r.Sources[j.File] = j.Src
	}
	for _, w := range set.Workspaces {
		r.Sources[w.File] = w.Src
	}
	return r
}
