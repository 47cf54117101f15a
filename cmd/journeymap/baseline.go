package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/internal/atomicfile"
	"github.com/journeymap/journeymap/internal/fileerr"
	"github.com/journeymap/journeymap/internal/gitrev"
	"github.com/journeymap/journeymap/internal/outpath"
	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// writeBaseline records the run's findings in path (lint --write-baseline)
// and exits 0: the portfolio adopts lint with the findings it has.
func writeBaseline(io *IO, set *journey.Set, res *lint.Result, path string) error {
	if journey.IsJourneyFile(path) || filepath.Base(path) == journey.WorkspaceFile {
		return usageError("--write-baseline %s: that is a journey or workspace file name; name a .json file", path)
	}
	// An input under any name (a hard or symbolic link to it) is refused,
	// as for every other output (docs/cli.md "Reading and writing files").
	if err := outpath.CheckNotInput(path, set.Inputs()); err != nil {
		return usageError("--write-baseline %s: that file is an input of this run; an input is never an output", path)
	}
	b := lint.NewBaseline(path, res.Findings)
	if err := atomicfile.Write(path, b.Marshal(), 0o644); err != nil {
		// As for every output that cannot be written (docs/cli.md): exit 1.
		return &exitError{code: exitFindings, err: fmt.Errorf("--write-baseline: cannot write %s: %v", path, fileerr.Reason(err))}
	}
	fmt.Fprintf(io.Err, "wrote %s: %s in %s; lint with --baseline %s to leave them out\n",
		path, words.Count(len(res.Findings), "finding"), words.Count(len(b.Findings), "entry"), path)
	return nil
}

// findingsAtRevision lints the run's journey files as they were at git
// revision rev, with today's configuration, for --new-from-rev. A file
// that did not exist then has no findings then.
func findingsAtRevision(set *journey.Set, rev string, opts lint.Options) ([]journey.Finding, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, usageError("--new-from-rev %q: a revision does not start with '-'", rev)
	}
	old := &journey.Set{Workspaces: set.Workspaces}
	checked := map[string]bool{}
	for _, j := range set.Journeys {
		if j.File == journey.StdinName {
			return nil, usageError("--new-from-rev needs journey files, not standard input")
		}
		dir := filepath.Dir(j.File)
		if !checked[dir] {
			if err := gitrev.Check(dir, rev); err != nil {
				return nil, usageError("--new-from-rev %s: %v", rev, err)
			}
			checked[dir] = true
		}
		src, err := gitShow(j.File, rev)
		if err != nil {
			if missingAtRevision(err) {
				continue // a new file: every finding in it is new
			}
			return nil, usageError("--new-from-rev %s: %s: %v", rev, j.File, err)
		}
		old.AddSource(j.File, src, j.Workspace, opts.Today)
	}
	res, err := lint.Run(old, opts)
	if err != nil {
		return nil, usageError("--new-from-rev %s: %v", rev, err)
	}
	return res.Findings, nil
}

// missingAtRevision says whether git show failed because the path did not
// exist at the revision (rather than because the revision is bad).
func missingAtRevision(err error) bool { return errors.Is(err, gitrev.ErrAbsent) }
