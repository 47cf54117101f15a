package main

import (
	"fmt"

	"github.com/journeymap/journeymap/internal/gitrev"
	"github.com/journeymap/journeymap/journey"
)

// withRevisions adds, for each journey, its content at each git revision,
// so the emotion view overlays then and now.
func withRevisions(js []*journey.Journey, revs []string) ([]*journey.Journey, []string, error) {
	var out []*journey.Journey
	var labels []string
	for _, j := range js {
		if j.File == journey.StdinName {
			return nil, nil, usageError("--rev needs journey files, not standard input")
		}
		for _, rev := range revs {
			src, err := gitShow(j.File, rev)
			if err != nil {
				return nil, nil, usageError("--rev %s: %v", rev, err)
			}
			old, fs := journey.Parse(fmt.Sprintf("%s@%s", j.File, rev), src)
			fs = append(fs, journey.Resolve(old, j.Workspace)...)
			if len(fs) > 0 {
				return nil, nil, usageError("--rev %s: %s is not a valid journey at that revision: %s", rev, j.File, fs[0])
			}
			out = append(out, old)
			labels = append(labels, fmt.Sprintf("%s @ %s", old.Title.Value, rev))
		}
		out = append(out, j)
		labels = append(labels, j.Title.Value+" (working copy)")
	}
	return out, labels, nil
}

// gitShow reads a file as it was at a revision, through gitrev: the one
// helper that render --rev and diff --rev share (bounded, with messages
// that name the path and the revision).
func gitShow(file, rev string) ([]byte, error) {
	out, err := gitrev.Show(file, rev)
	if err != nil {
		return nil, err
	}
	return out, nil
}
