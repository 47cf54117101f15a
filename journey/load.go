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
)

// StdinName is the file name findings carry for a journey read from `-`.
const StdinName = "<stdin>"

// LoadOptions controls Load. The zero value reads from the file system and
// discovers workspaces by walking up from each journey.
type LoadOptions struct {
	Config string    // workspace file to use instead of discovery
	Stdin  io.Reader // read for the path "-"
	// Each, when set, is called for every journey in the set's order as
	// soon as it is resolved, with whether it is valid. After it returns
	// the journey keeps only its file name, id, workspace and text: the
	// set holds no models or YAML trees, and memory stays proportional to
	// the input however many journeys there are (lint.Stream).
	Each func(j *Journey, valid bool)
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

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
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

	parse := func(i int) parsedFile {
		if explicitWorkspaces[files[i]] {
			return parsedFile{}
		}
		return parseFile(files[i], opts.Stdin)
	}
	inOrder(len(files), parse, func(i int, p parsedFile) {
		l.set.Files++
		if explicitWorkspaces[files[i]] {
			l.workspaceAt(files[i])
			return
		}
		j := p.journey
		l.set.Journeys = append(l.set.Journeys, j)
		ws := l.fixed
		if ws == nil && p.dir != "" {
			ws = l.workspaceFor(p.dir)
		}
		fs := CapFindings(append(p.findings, Resolve(j, ws)...))
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

// inOrder runs work for 0..n-1 on one goroutine per CPU and hands each
// result to done in order, in the calling goroutine. At most a few results
// per CPU wait at any time, so a run over thousands of files holds only a
// handful of parsed files at once.
func inOrder[T any](n int, work func(int) T, done func(int, T)) {
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan T, n)
	for i := range results {
		results[i] = make(chan T, 1)
	}
	next := make(chan int)
	window := make(chan struct{}, 4*workers)
	go func() {
		defer close(next)
		for i := range n {
			window <- struct{}{}
			next <- i
		}
	}()
	for range workers {
		go func() {
			for i := range next {
				results[i] <- work(i)
			}
		}()
	}
	for i := range n {
		r := <-results[i]
		<-window
		done(i, r)
	}
}

// release drops what a journey holds beyond its name, id, workspace and
// text, once a streaming caller is done with it.
func (j *Journey) release() {
	*j = Journey{File: j.File, Src: j.Src, ID: j.ID, Workspace: j.Workspace}
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
		File: file, Line: 1, Column: 1, Rule: RuleFile, Severity: Error, Message: msg,
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
		l.set.Findings = append(l.set.Findings, Finding{File: display, Line: 1, Column: 1, Rule: RuleFile, Severity: Error, Message: msg})
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
