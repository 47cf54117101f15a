package journey

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/internal/fileerr"
)

// Discovery is what Discover found under the command-line paths.
type Discovery struct {
	// Files are the files to read, in command-line order and each once:
	// journey files found or named, workspace files named, and "-" for
	// standard input.
	Files []string
	// Findings are `file` findings about directories that could not be
	// searched.
	Findings []Finding
	// refused holds, for files found but not to be read, why not.
	refused map[string]string
	// workspaces are the workspace files named on the command line.
	workspaces map[string]bool
}

// IsWorkspace says whether a file was named on the command line as a
// workspace file (journeymap.yaml) rather than a journey.
func (d *Discovery) IsWorkspace(file string) bool { return d.workspaces[file] }

// Refused says why a file found while searching a directory must not be
// read ("" when it may be): a symbolic link that leads out of the
// directory searched, which could otherwise echo a secret into a CI log.
func (d *Discovery) Refused(file string) string { return d.refused[file] }

// skippedDir says whether a directory is never searched: version control,
// other tools' copies of other people's files, hidden directories.
func skippedDir(name string) bool {
	return name == ".git" || name == "node_modules" || name == "vendor" || strings.HasPrefix(name, ".")
}

// Discover finds the journey files under paths (no paths means "."), per
// SPEC §2: a file is taken as named (journeymap.yaml as a workspace), a
// directory is searched recursively for *.journey.yaml and *.journey.yml,
// skipping .git, node_modules, vendor and hidden directories, and "-" is
// standard input. It fails only for a path that does not exist, cannot be
// searched at all or holds no journey file (ErrNoJourneys), or "-" named
// twice.
func Discover(paths []string) (*Discovery, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d := &Discovery{refused: map[string]string{}, workspaces: map[string]bool{}}
	seen := map[string]bool{} // absolute paths, so a file named twice is read once
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			d.Files = append(d.Files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			if seen["-"] {
				return nil, &PathError{"-", errors.New("standard input can be read only once")}
			}
			seen["-"] = true
			d.Files = append(d.Files, "-")
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, &PathError{p, fileerr.Reason(err)}
		}
		if !st.IsDir() {
			if filepath.Base(p) == WorkspaceFile {
				d.workspaces[p] = true
				// A workspace named as a PATH stands for the journeys it
				// serves: a commit that changes only journeymap.yaml
				// (removing an owner still in use) is checked against them.
				served, err := d.servedBy(p)
				if err != nil {
					return nil, err
				}
				for _, f := range served {
					add(f)
				}
			}
			add(p)
			continue
		}
		problems := len(d.Findings)
		found, err := d.walk(p)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 && len(d.Findings) == problems {
			// SPEC §6: a CI job pointed at the wrong folder must fail
			// loudly. (One with a folder it cannot search gets that
			// finding instead.)
			return nil, &PathError{p, ErrNoJourneys}
		}
		for _, f := range found {
			add(f)
		}
	}
	return d, nil
}

// servedBy lists the journey files under a workspace file's directory
// whose nearest workspace is that file.
func (d *Discovery) servedBy(workspace string) ([]string, error) {
	abs, err := filepath.Abs(workspace)
	if err != nil {
		return nil, &PathError{workspace, err}
	}
	found, err := d.walk(filepath.Dir(workspace))
	if err != nil {
		return nil, err
	}
	nearest := map[string]string{} // directory -> its workspace
	var out []string
	for _, f := range found {
		dir := filepath.Dir(f)
		ws, ok := nearest[dir]
		if !ok {
			ws = FindWorkspace(dir)
			nearest[dir] = ws
		}
		if ws == abs {
			out = append(out, f)
		}
	}
	return out, nil
}

// walk lists the journey files under root in lexical order. A root that is
// a symbolic link to a directory is followed; the files keep names under
// root. Links inside are not followed into directories, and a link to a
// file is read only when the file lies inside root.
func (d *Discovery) walk(root string) ([]string, error) {
	var out []string
	// Walk the real, absolute directory, so that where a link leads can be
	// compared with it.
	real := root
	if r, err := filepath.EvalSymlinks(root); err == nil {
		real = r
	}
	if a, err := filepath.Abs(real); err == nil {
		real = a
	}
	err := filepath.WalkDir(real, func(p string, e fs.DirEntry, err error) error {
		realP := p
		if rel, rerr := filepath.Rel(real, p); rerr == nil {
			p = filepath.Join(root, rel)
		}
		if err != nil {
			if p == root {
				return &PathError{root, fileerr.Reason(err)}
			}
			// A directory that cannot be listed may hold journeys: say so,
			// so a CI job does not pass for want of reading them.
			d.Findings = append(d.Findings, Finding{File: p, Line: 1, Column: 1, Rule: RuleFile, Severity: Error, Subject: SubjectFile,
				Message: fmt.Sprintf("cannot search directory: %v; its journeys are not checked", fileerr.Reason(err))})
			return nil
		}
		if e.IsDir() {
			if p != root && skippedDir(e.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !IsJourneyFile(e.Name()) {
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 && linkLeaves(realP, real) {
			d.refused[p] = fmt.Sprintf("symbolic link to a file outside %s; not read (name the file itself on the command line to check it)", root)
		}
		out = append(out, p)
		return nil
	})
	sort.Strings(out)
	return out, err
}

// linkLeaves says whether the symbolic link at link (a real path) resolves
// to somewhere outside the directory tree dir (a real path). A dangling
// link does not leave: reading it fails with a plain "no such file".
func linkLeaves(link, dir string) bool {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, target)
	return err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel)
}
