package journey

import "time"

// AddSource parses a journey read by other means than Load — a file as it
// was at a git revision, say — resolves it against ws (which may be nil) and
// adds it to the set with its validation findings, as Load would have
// (today as LoadOptions.Today: zero means now).
func (s *Set) AddSource(name string, src []byte, ws *Workspace, today time.Time) *Journey {
	j, fs := Parse(name, src)
	fs = append(fs, Resolve(j, ws)...)
	fs = append(fs, reviewedInFuture(j, today)...)
	s.Files++
	s.Journeys = append(s.Journeys, j)
	if len(fs) > 0 {
		if s.invalid == nil {
			s.invalid = map[*Journey]bool{}
		}
		s.invalid[j] = true
	}
	for _, f := range fs {
		f.Journey = j.ID.Value
		s.Findings = append(s.Findings, f)
	}
	s.Findings = SortFindings(s.Findings)
	return j
}

// AddWorkspace parses a workspace read by other means than Load and adds it
// to the set with its findings.
func (s *Set) AddWorkspace(name string, src []byte) *Workspace {
	ws, fs := ParseWorkspace(name, src)
	s.Workspaces = append(s.Workspaces, ws)
	s.Findings = SortFindings(append(s.Findings, fs...))
	return ws
}
