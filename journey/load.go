package journey

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/journeymap/journeymap/internal/fileerr"
	"github.com/journeymap/journeymap/internal/parallel"
)

// StdinName is the file name findings carry for a journey read from `-`.
const StdinName = "<stdin>"

// LoadOptions controls Load. The zero value reads from the file system and
// discovers workspaces by walking up from each journey.
type LoadOptions struct {
	Config string    // workspace file to use instead of discovery
	Stdin  io.Reader // read for the path "-"
	Today  time.Time // a `reviewed` date after it is a range finding; zero means now
	// Each, when set, is called for every journey in the set's order as
	// soon as it is resolved, with whether it is valid. After it returns
	// the journey keeps only its file name, id, workspace and text: the
	// set holds no models or YAML trees, and memory stays proportional to
	// the input however many journeys there are (lint.Stream).
	Each func(j *Journey, valid bool)
	// Overlay holds text to use instead of a file's content on disk, by the
	// path as given: an editor's unsaved buffers (the language server).
	Overlay map[string][]byte
}

// read is ReadFile, with an editor's unsaved text in place of a file's.
func (o *LoadOptions) read(path string) ([]byte, error) {
	if text, ok := o.Overlay[path]; ok {
		if len(text) > MaxFileSize {
			return nil, ErrTooLarge
		}
		return text, nil
	}
	return ReadFile(path)
}

// Set is everything one run reads: journeys, the workspaces they use, and
// every validation finding.
type Set struct {
	Journeys   []*Journey
	Workspaces []*Workspace
	Findings   []Finding
	Files      int
	invalid    map[*Journey]bool
	inputs     []string
}

// Inputs are the files the run read or tried to read: journeys, workspace
// files and --config, as named in findings (standard input excluded). No
// output may be one of them.
func (s *Set) Inputs() []string { return append([]string(nil), s.inputs...) }

// Valid says whether a journey has no validation findings of its own.
// Journey rules run only on valid journeys.
func (s *Set) Valid(j *Journey) bool { return !s.invalid[j] }

// PathError is a command-line path that cannot be used: a usage error.
type PathError struct {
	Path string
	Err  error
}

// ErrNoJourneys is a directory PATH under which no journey file was found.
var ErrNoJourneys = errors.New("no journey files (*.journey.yaml, *.journey.yml)")

func (e *PathError) Error() string {
	if e.Err == ErrNoJourneys {
		return fmt.Sprintf("no journey files under %s (looked for *.journey.yaml and *.journey.yml)", e.Path)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}
func (e *PathError) Unwrap() error { return e.Err }

// Load finds the journey files under paths (no paths means "."), parses and
// resolves them against their workspaces, and returns them with every
// validation finding. It fails only for paths that do not exist or a
// --config that cannot be read.
func Load(paths []string, opts LoadOptions) (*Set, error) {
	// An editor's journey buffer is a journey whether or not it is saved;
	// the other paths are searched as SPEC §2 says.
	var buffers, rest []string
	for _, p := range paths {
		if _, ok := opts.Overlay[p]; ok && IsJourneyFile(filepath.Base(p)) {
			buffers = append(buffers, p)
		} else {
			rest = append(rest, p)
		}
	}
	found := &Discovery{}
	if len(rest) > 0 || len(buffers) == 0 {
		var err error
		if found, err = Discover(rest); err != nil {
			return nil, err
		}
	}
	files := append(buffers, found.Files...)

	l := &loader{set: &Set{invalid: map[*Journey]bool{}}, byPath: map[string]*Workspace{}, dirs: map[string]string{}, opts: &opts}
	l.set.Findings = append(l.set.Findings, found.Findings...)
	if opts.Config != "" {
		l.set.inputs = append(l.set.inputs, opts.Config)
		src, err := ReadFile(opts.Config)
		if err != nil {
			return nil, &PathError{opts.Config, fileerr.Reason(err)}
		}
		l.fixed = l.addWorkspace(opts.Config, src)
	}

	for _, f := range files {
		if !found.IsWorkspace(f) && f != "-" {
			l.set.inputs = append(l.set.inputs, f)
		}
	}
	// Files are parsed on every core and resolved in order as they come,
	// so that with Each only a few parsed files are held at once.
	parse := func(i int) parsedFile {
		switch f := files[i]; {
		case found.IsWorkspace(f):
			return parsedFile{}
		case found.Refused(f) != "":
			return fileProblem(f, filepath.Dir(f), found.Refused(f))
		default:
			return parseFile(f, &opts)
		}
	}
	parallel.InOrder(len(files), parse, func(i int, p parsedFile) {
		l.set.Files++
		if f := files[i]; found.IsWorkspace(f) {
			l.workspaceAt(f, false)
			return
		}
		j := p.journey
		l.set.Journeys = append(l.set.Journeys, j)
		ws := l.fixed
		if ws == nil && p.dir != "" {
			ws = l.workspaceFor(p.dir)
		}
		fs := append(p.findings, Resolve(j, ws)...)
		fs = CapFindings(append(fs, reviewedInFuture(j, opts.Today)...))
		if len(fs) > 0 {
			l.set.invalid[j] = true
		}
		for _, f := range fs {
			f.Journey = j.ID.Value
			l.set.Findings = append(l.set.Findings, f)
		}
		if opts.Each != nil {
			opts.Each(j, len(fs) == 0)
			j.release()
		}
	})
	l.set.Findings = SortFindings(l.set.Findings)
	return l.set, nil
}

// release drops what a journey holds beyond its name, id, workspace and
// text, once a streaming caller is done with it.
func (j *Journey) release() {
	*j = Journey{File: j.File, Source: j.Source.withoutTree(), ID: j.ID, Workspace: j.Workspace}
}

// reviewedInFuture reports a `reviewed` date after today: a typo of the
// year, which would also keep stale-review quiet for years. A day of slack
// allows for time zones.
func reviewedInFuture(j *Journey, today time.Time) []Finding {
	if !j.Reviewed.Set {
		return nil
	}
	if today.IsZero() {
		today = time.Now()
	}
	if j.Reviewed.Time.After(today.UTC().AddDate(0, 0, 1)) {
		return []Finding{{
			File: j.File, Line: j.Reviewed.Pos.Line, Column: j.Reviewed.Pos.Col,
			Rule: RuleRange, Severity: Error, Subject: SubjectJourney,
			Message: fmt.Sprintf("reviewed %s is in the future; write the date the journey was last checked against reality", j.Reviewed.Time.Format("2006-01-02")),
		}}
	}
	return nil
}

type parsedFile struct {
	journey  *Journey
	findings []Finding
	dir      string // where to look for the workspace
}

func parseFile(name string, opts *LoadOptions) parsedFile {
	display, dir := name, filepath.Dir(name)
	var src []byte
	var err error
	if name == "-" {
		display, dir = StdinName, "."
		stdin := opts.Stdin
		if stdin == nil {
			stdin = os.Stdin
		}
		src, err = ReadAll(stdin)
	} else {
		src, err = opts.read(name)
	}
	if err != nil {
		return fileProblem(display, dir, readProblem(err))
	}
	j, fs := Parse(display, src)
	return parsedFile{journey: j, findings: fs, dir: dir}
}

func fileProblem(file, dir, msg string) parsedFile {
	j := &Journey{File: file, Source: &Source{Name: file}, ID: Text{Value: DefaultID(file)}, Keys: Keys{}}
	return parsedFile{journey: j, dir: dir, findings: []Finding{{
		File: file, Line: 1, Column: 1, Rule: RuleFile, Severity: Error, Message: msg, Subject: SubjectFile,
	}}}
}

// loader caches workspaces by path so each is read and reported once.
type loader struct {
	set    *Set
	fixed  *Workspace
	byPath map[string]*Workspace
	dirs   map[string]string // journey directory -> workspace path found from it
	opts   *LoadOptions      // for reading: editors' unsaved text in place of files
}

func (l *loader) workspaceFor(dir string) *Workspace {
	path, ok := l.dirs[dir]
	if !ok {
		path = FindWorkspace(dir)
		l.dirs[dir] = path
	}
	if path == "" {
		return nil
	}
	return l.workspaceAt(path, true)
}

// workspaceAt reads the workspace file at path once. A workspace found by
// walking up (found) that is a symbolic link is read only when it leads to
// a file in its own directory tree: a link planted in a pull request must
// not make journeymap print another file's lines.
func (l *loader) workspaceAt(path string, found bool) *Workspace {
	key, _ := filepath.Abs(path)
	if ws, ok := l.byPath[key]; ok {
		return ws
	}
	display := DisplayPath(path)
	l.set.inputs = append(l.set.inputs, display)
	var src []byte
	var err error
	msg := ""
	if found && workspaceLinkLeaves(key) {
		msg = "symbolic link to a file outside its directory; not read (name it with --config to use it)"
	} else if src, err = l.opts.read(path); err != nil {
		msg = strings.Replace(readProblem(err), "cannot read file", "cannot read workspace file", 1)
	}
	if msg != "" {
		l.set.Findings = append(l.set.Findings, Finding{File: display, Line: 1, Column: 1, Rule: RuleFile, Severity: Error, Message: msg, Subject: SubjectFile})
		l.byPath[key] = nil
		return nil
	}
	ws := l.addWorkspace(display, src)
	l.byPath[key] = ws
	return ws
}

// workspaceLinkLeaves says whether the workspace file at abs is a symbolic
// link to a file outside the directory that holds the link.
func workspaceLinkLeaves(abs string) bool {
	st, err := os.Lstat(abs)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	dir := filepath.Dir(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return linkLeaves(abs, dir)
}

func (l *loader) addWorkspace(display string, src []byte) *Workspace {
	ws, fs := ParseWorkspace(display, src)
	l.set.Workspaces = append(l.set.Workspaces, ws)
	l.set.Findings = append(l.set.Findings, fs...)
	return ws
}

// DisplayPath shows a discovered file relative to the working directory
// when that is shorter, as users expect in messages.
func DisplayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && len(rel) < len(p) {
			return rel
		}
	}
	return p
}

// IsJourneyFile says whether a file name is a journey file's.
func IsJourneyFile(name string) bool {
	return strings.HasSuffix(name, ".journey.yaml") || strings.HasSuffix(name, ".journey.yml")
}

// withoutTree is the source with its text and line index only: what
// showing a finding's line needs, without the YAML tree and its index.
func (s *Source) withoutTree() *Source {
	if s == nil {
		return nil
	}
	return &Source{Name: s.Name, Text: s.Text, lineStarts: s.lineStarts}
}
