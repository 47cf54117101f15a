package journey

// RevisionSet builds a set from journeys read some other way than Load,
// such as from a git revision: each journey with the validation findings
// of its own file (nil when it validates), and the workspaces they use.
// Journeys with findings are invalid, as Load would mark them.
func RevisionSet(workspaces []*Workspace, journeys []*Journey, findings [][]Finding) *Set {
	s := &Set{Workspaces: workspaces, invalid: map[*Journey]bool{}}
	for i, j := range journeys {
		s.Journeys = append(s.Journeys, j)
		s.Files++
		if i < len(findings) && len(findings[i]) > 0 {
			s.invalid[j] = true
			for _, f := range findings[i] {
				f.Journey = j.ID.Value
				s.Findings = append(s.Findings, f)
			}
		}
	}
	s.Findings = SortFindings(s.Findings)
	return s
}
