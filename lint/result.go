package lint

import (
	"github.com/journeymap/journeymap/journey"
)

// Result is what a run found, as every output format writes it: the
// findings, sorted, whether they fail the run, and what was read.
type Result struct {
	// Findings are the validation findings and the lint findings, sorted.
	Findings []journey.Finding
	// Failed says whether any finding is at or above its fail-on severity.
	Failed   bool
	Files    int
	Journeys int
	// Sources maps a file name to the file as read, for showing source lines.
	Sources map[string]*journey.Source
	// Custom describes the workspaces' custom rules, for output formats
	// that describe every rule (SARIF).
	Custom []*Meta
	// Baseline, when a baseline or --new-from-rev was applied, says how
	// many findings it left out and how many it lists no longer occur.
	Baseline *BaselineResult
	// threshold is the fail-on severity for a file's findings.
	threshold func(file string) journey.Severity
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

// Summary counts the result's findings by severity.
func (r *Result) Summary() Summary {
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

// NewResult holds findings about a loaded set, sorted, with what was
// read; Failed is left for the caller to decide. validate uses it for the
// set's own findings; Run for those and the rules'.
func NewResult(set *journey.Set, findings []journey.Finding) *Result {
	r := &Result{Findings: journey.SortFindings(findings), Files: set.Files, Journeys: len(set.Journeys), Sources: map[string]*journey.Source{}}
	for _, j := range set.Journeys {
		r.Sources[j.File] = j.Source
	}
	for _, w := range set.Workspaces {
		r.Sources[w.File] = w.Source
	}
	return r
}
