package journey

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// StdinName is the file name findings carry for a journey read from `-`.
const StdinName = "<stdin>"

// LoadOptions controls Load. The zero value reads from the file system and
// discovers workspaces by walking up from each journey.
type LoadOptions struct {
	Config string    // workspace file to use instead of discovery
	Stdin  io.Reader // read for the path "-"
	Today  time.Time // a `reviewed` date after it is a range finding; zero means now
}

// Set is everything one run reads: journeys, the workspaces they use, and
// every validation finding.
type Set struct {
	Journeys   []*Journey
	Workspaces []*Workspace
	Findings   []Finding
	Files      int
	invalid    map[*Journey]bool
}

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
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var files []string
	explicitWorkspaces := map[string]bool{}
	seen := map[string]bool{} // absolute paths, so a file named twice is read once
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			if seen["-"] {
				return nil, &PathError{"-", errors.New("standard input can be read only once")}
			}
			seen["-"] = true
			files = append(files, "-")
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, &PathError{p, unwrapPathErr(err)}
		}
		if !st.IsDir() {
			if filepath.Base(p) == WorkspaceFile {
				explicitWorkspaces[p] = true
			}
			add(p)
			continue
		}
		found, err := walk(p)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			// SPEC §6: a CI job pointed at the wrong folder must fail loudly.
			return nil, &PathError{p, ErrNoJourneys}
		}
		for _, f := range found {
			add(f)
		}
	}

	l := &loader{set: &Set{invalid: map[*Journey]bool{}}, byPath: map[string]*Workspace{}, dirs: map[string]string{}}
	if opts.Config != "" {
		src, err := os.ReadFile(opts.Config)
		if err != nil {
			return nil, &PathError{opts.Config, unwrapPathErr(err)}
		}
		l.fixed = l.addWorkspace(opts.Config, src)
	}

	parsed := make([]parsedFile, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		if explicitWorkspaces[f] {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			parsed[i] = parseFile(f, opts.Stdin)
		}()
	}
	wg.Wait()

	for i, f := range files {
		l.set.Files++
		if explicitWorkspaces[f] {
			l.workspaceAt(f)
			continue
		}
		p := parsed[i]
		l.set.Journeys = append(l.set.Journeys, p.journey)
		if len(p.findings) > 0 {
			l.set.invalid[p.journey] = true
		}
		ws := l.fixed
		if ws == nil && p.dir != "" {
			ws = l.workspaceFor(p.dir)
		}
		rf := Resolve(p.journey, ws)
		rf = append(rf, reviewedInFuture(p.journey, opts.Today)...)
		if len(rf) > 0 {
			l.set.invalid[p.journey] = true
		}
		for _, f := range append(p.findings, rf...) {
			f.Journey = p.journey.ID.Value
			l.set.Findings = append(l.set.Findings, f)
		}
	}
	l.set.Findings = SortFindings(l.set.Findings)
	return l.set, nil
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

func parseFile(name string, stdin io.Reader) parsedFile {
	var r io.Reader
	display, dir := name, filepath.Dir(name)
	if name == "-" {
		display, dir = StdinName, "."
		r = stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fileProblem(display, dir, fmt.Sprintf("cannot read file: %v", unwrapPathErr(err)))
		}
		defer f.Close()
		r = f
	}
	src, tooLarge, err := readLimited(r)
	if err != nil {
		return fileProblem(display, dir, fmt.Sprintf("cannot read file: %v", unwrapPathErr(err)))
	}
	if tooLarge {
		return fileProblem(display, dir, fmt.Sprintf("file is larger than %d MiB; a journey file should be a few kilobytes", MaxFileSize>>20))
	}
	j, fs := Parse(display, src)
	return parsedFile{journey: j, findings: fs, dir: dir}
}

func fileProblem(file, dir, msg string) parsedFile {
	j := &Journey{File: file, ID: Text{Value: DefaultID(file)}, Keys: Keys{}}
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
	return l.workspaceAt(path)
}

func (l *loader) workspaceAt(path string) *Workspace {
	key, _ := filepath.Abs(path)
	if ws, ok := l.byPath[key]; ok {
		return ws
	}
	display := displayPath(path)
	f, err := os.Open(path)
	var src []byte
	var tooLarge bool
	if err == nil {
		src, tooLarge, err = readLimited(f)
		f.Close()
	}
	if err != nil || tooLarge {
		msg := fmt.Sprintf("cannot read workspace file: %v", unwrapPathErr(err))
		if tooLarge {
			msg = fmt.Sprintf("workspace file is larger than %d MiB", MaxFileSize>>20)
		}
		l.set.Findings = append(l.set.Findings, Finding{File: display, Line: 1, Column: 1, Rule: RuleFile, Severity: Error, Message: msg, Subject: SubjectFile})
		l.byPath[key] = nil
		return nil
	}
	ws := l.addWorkspace(display, src)
	l.byPath[key] = ws
	return ws
}

func (l *loader) addWorkspace(display string, src []byte) *Workspace {
	ws, fs := ParseWorkspace(display, src)
	l.set.Workspaces = append(l.set.Workspaces, ws)
	l.set.Findings = append(l.set.Findings, fs...)
	return ws
}

// displayPath shows a discovered file relative to the working directory
// when that is shorter, as users expect in messages.
func displayPath(p string) string {
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

var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// walk lists the journey files under root in lexical order, skipping .git,
// node_modules, vendor and hidden directories. A root that is a symbolic
// link to a directory is followed; the files keep names under root.
func walk(root string) ([]string, error) {
	var out []string
	real := root
	if r, err := filepath.EvalSymlinks(root); err == nil {
		real = r
	}
	err := filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if rel, rerr := filepath.Rel(real, p); rerr == nil {
			p = filepath.Join(root, rel)
		}
		if err != nil {
			if p == root {
				return &PathError{root, unwrapPathErr(err)}
			}
			return nil // an unreadable subdirectory is skipped, like find(1) would report but go on
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (skipDirs[name] || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if IsJourneyFile(d.Name()) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
