package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journeymap/journeymap/diff"
	"github.com/journeymap/journeymap/internal/gitrev"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

type diffOptions struct {
	args     []string
	rev      string
	format   string
	exitCode bool
	config   string
	today    time.Time // tests pin the date; zero means now
}

func newDiffCmd(io *IO) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | --rev REV [PATH...]",
		Short: "Compare journeys by meaning: what a pull request changes",
		Long: `Diff compares journeys the way a reviewer reads them: matched by id, it lists
journey fields changed; stages and touchpoints added, removed, moved or
renamed; each touchpoint field changed (channel, owner, emotion, handoff…);
the emotion curve before and after; and lint findings introduced and fixed.

OLD NEW compares two journey files (or directories). --rev REV compares every
journey file under the PATHs as it is at git revision REV with the working
copy: a file on one side only is a journey added or removed, and a file
renamed keeps its journey id and so its match.

--format markdown writes a pull-request comment. Exit status is 0, or 1 with
--exit-code when anything changed; 1 when a side does not validate.`,
		Example: `  journeymap diff --rev HEAD
  journeymap diff --rev origin/main journeys/ --format markdown > comment.md
  journeymap diff as-is.journey.yaml to-be.journey.yaml
  journeymap diff --rev HEAD~1 --exit-code --format json .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.args = args
			return runDiff(io, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.rev, "rev", "", "compare with the journeys as they were at this git revision")
	enumFlag(cmd, &opts.format, "format", "text", "output format", diff.Formats)
	f.BoolVar(&opts.exitCode, "exit-code", false, "exit with status 1 when anything changed")
	f.StringVar(&opts.config, "config", "", "workspace file to use instead of searching for journeymap.yaml")
	cmd.RegisterFlagCompletionFunc("rev", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return gitrev.Refs("."), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func runDiff(io *IO, opts *diffOptions) error {
	load := journey.LoadOptions{Config: opts.config, Stdin: io.In, Today: opts.today}
	var old, new *journey.Set
	var err error
	if opts.rev == "" {
		if len(opts.args) != 2 {
			return usageError("diff needs two journey files, OLD and NEW, or --rev REV [PATH...]; got %d argument(s)", len(opts.args))
		}
		if old, err = journey.Load(opts.args[:1], load); err != nil {
			return err
		}
		if new, err = journey.Load(opts.args[1:], load); err != nil {
			return err
		}
	} else {
		var had map[string]bool
		if old, had, err = loadAtRevision(opts.args, opts.rev, opts.config, opts.today); err != nil {
			return err
		}
		if new, err = loadWorkingCopy(opts.args, had, load); err != nil {
			return err
		}
	}
	if len(old.Journeys) == 0 && len(new.Journeys) == 0 {
		return usageError("no journey files (*.journey.yaml, *.journey.yml) in %s", strings.Join(orDot(opts.args), ", "))
	}
	res, err := diff.Compare(old, new, diff.Options{
		Lint:       lint.Options{Today: opts.today},
		Rev:        opts.rev,
		PairSingle: opts.rev == "",
	})
	if err != nil {
		return err
	}
	// Validation findings go to standard error with their source lines,
	// so that a comment written to standard output stays a comment.
	printInvalid(io, old)
	printInvalid(io, new)
	if err := diff.Write(io.Out, res, opts.format, diff.TextOptions{Color: io.Color()}); err != nil {
		return &exitError{code: exitFindings, err: fmt.Errorf("cannot write the diff: %v", err)}
	}
	if len(res.Invalid) > 0 || (opts.exitCode && res.Changed()) {
		return errFindings
	}
	return nil
}

// loadWorkingCopy loads the journeys under paths, leaving out a PATH that
// is gone or holds no journey any more when the revision had journeys
// there: those journeys were removed, which is what the diff reports.
func loadWorkingCopy(paths []string, had map[string]bool, opts journey.LoadOptions) (*journey.Set, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for {
		set, err := journey.Load(paths, opts)
		var pe *journey.PathError
		if err == nil || !errors.As(err, &pe) || !had[pe.Path] {
			return set, err
		}
		if _, statErr := os.Stat(pe.Path); statErr == nil && !errors.Is(err, journey.ErrNoJourneys) {
			return set, err
		}
		var rest []string
		for _, p := range paths {
			if p != pe.Path {
				rest = append(rest, p)
			}
		}
		if len(rest) == 0 {
			return &journey.Set{}, nil
		}
		paths = rest
	}
}

// loadAtRevision reads the journey files under paths as they were at rev,
// each named path@rev and resolved against its workspace as it was then.
// had lists the PATHs under which the revision had journey files.
func loadAtRevision(paths []string, rev, config string, today time.Time) (set *journey.Set, had map[string]bool, err error) {
	set, err = readAtRevision(paths, rev, config, today, func(p string) {
		if had == nil {
			had = map[string]bool{}
		}
		had[p] = true
	})
	return set, had, err
}

func readAtRevision(paths []string, rev, config string, today time.Time, found func(path string)) (*journey.Set, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	set := &journey.Set{}
	var fixed *journey.Workspace
	if config != "" {
		src, err := journey.ReadFile(config) // bounded; never /dev/zero whole
		if err != nil {
			return nil, &journey.PathError{Path: config, Err: err}
		}
		fixed = set.AddWorkspace(config, src)
	}
	workspaces := map[string]*journey.Workspace{}
	workspaceFor := func(file string) (*journey.Workspace, error) {
		if fixed != nil {
			return fixed, nil
		}
		// The workspace the working copy uses, as it was at rev: a
		// registry or catalogue edited in the same change stays in step.
		p := journey.FindWorkspace(filepath.Dir(file))
		if p == "" {
			return nil, nil
		}
		if ws, ok := workspaces[p]; ok {
			return ws, nil
		}
		src, err := gitrev.Show(p, rev)
		var ws *journey.Workspace
		switch {
		case errors.Is(err, gitrev.ErrAbsent):
		case err != nil:
			return nil, usageError("--rev %s: %v", rev, err)
		default:
			ws = set.AddWorkspace(displayName(p)+"@"+rev, src)
		}
		workspaces[p] = ws
		return ws, nil
	}
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "-" {
			return nil, usageError("--rev needs journey files, not standard input")
		}
		// A PATH deleted since is looked up from the nearest directory
		// that still exists.
		if _, err := os.Stat(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, &journey.PathError{Path: p, Err: errors.Unwrap(err)}
		}
		dir, rel := gitrev.Nearest(filepath.Clean(p), "")
		var names []string
		if rel != "" {
			names = []string{rel}
		}
		if err := gitrev.Check(dir, rev); err != nil {
			return nil, usageError("--rev %s: %v", rev, err)
		}
		files, err := gitrev.List(dir, rev, names...)
		if err != nil {
			return nil, usageError("--rev %s: %v", rev, err)
		}
		var journeys, rels []string
		for _, f := range files {
			if !journey.IsJourneyFile(f) || skipped(dir, f) || seen[f] {
				continue
			}
			seen[f] = true
			rel, err := filepath.Rel(dir, f)
			if err != nil {
				return nil, usageError("--rev %s: %v", rev, err)
			}
			journeys, rels = append(journeys, f), append(rels, rel)
		}
		// One git process reads them all: a portfolio of hundreds of
		// journeys is not hundreds of processes.
		srcs, err := gitrev.ShowAll(dir, rev, rels)
		if err != nil {
			return nil, usageError("--rev %s: %v", rev, err)
		}
		for i, f := range journeys {
			src, ok := srcs[rels[i]]
			if !ok {
				continue
			}
			found(p)
			ws, err := workspaceFor(f)
			if err != nil {
				return nil, err
			}
			set.AddSource(f+"@"+rev, src, ws, today)
		}
	}
	return set, nil
}

// skipped says whether a file lies in a directory that the walk of the
// working copy skips (.git, node_modules, vendor, hidden), so both sides of
// a diff hold the same files.
func skipped(root, file string) bool {
	rel, err := filepath.Rel(root, filepath.Dir(file))
	if err != nil || rel == "." {
		return false
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == "node_modules" || part == "vendor" || (strings.HasPrefix(part, ".") && part != "..") {
			return true
		}
	}
	return false
}

// displayName shows an absolute path relative to the working directory
// when that is shorter, as Load names the files it finds.
func displayName(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && len(rel) < len(p) {
			return rel
		}
	}
	return p
}
