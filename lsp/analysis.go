package lsp

import (
	"errors"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

// analysis is what the server knows about a document from its last lint.
type analysis struct {
	version  int
	findings []journey.Finding
	// journey and workspace are the models of the last version that
	// parsed, for completion and go to definition while the text is broken.
	journey   *journey.Journey
	workspace *journey.Workspace
}

func isWorkspace(path string) bool { return filepath.Base(path) == journey.WorkspaceFile }

// ours says whether a document is a journey or workspace file.
func ours(path string) bool { return isWorkspace(path) || journey.IsJourneyFile(filepath.Base(path)) }

// lint analyses a document and publishes its diagnostics, unless the
// document changed meanwhile (a newer lint is then on its way).
func (s *Server) lint(uri string) {
	d, rerr := s.doc(uri)
	if rerr != nil {
		return
	}
	if !ours(d.path) {
		// Editors send every YAML file to a server set up for "yaml":
		// only journeys and workspaces are journeymap's to judge.
		version := d.version
		s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: []Diagnostic{}})
		return
	}
	findings, j, ws := analyse(d.path, s.overlay(), s.opts.Today)
	s.mu.Lock()
	cur := s.docs[uri]
	if cur == nil || cur.version != d.version || cur.text != d.text {
		s.mu.Unlock()
		return // stale
	}
	a := &analysis{version: d.version, findings: findings, journey: j, workspace: ws}
	if prev := s.results[uri]; prev != nil {
		if j == nil || j.Source == nil || j.Source.Root == nil {
			a.journey = prev.journey
		}
		if ws == nil {
			a.workspace = prev.workspace
		}
	}
	s.results[uri] = a
	s.mu.Unlock()
	version := d.version
	s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: diagnostics(d.text, findings)})
}

// overlay is the text of every open document, by path: lint reads an
// unsaved journeymap.yaml as the editor shows it.
func (s *Server) overlay() map[string][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]byte{}
	for _, d := range s.docs {
		out[d.path] = []byte(d.text)
	}
	return out
}

// analyse validates and lints the file at path exactly as `journeymap lint
// PATH` would, with open documents' text in place of the files', and
// returns the findings about that file.
func analyse(path string, overlay map[string][]byte, today time.Time) ([]journey.Finding, *journey.Journey, *journey.Workspace) {
	set, err := journey.Load([]string{path}, journey.LoadOptions{Overlay: overlay})
	if err != nil {
		return []journey.Finding{{File: path, Line: 1, Column: 1, Rule: journey.RuleFile, Severity: journey.Error, Message: err.Error()}}, nil, nil
	}
	all := set.Findings
	res, err := lint.Run(set, lint.Options{Today: today})
	var ce *lint.ConfigError
	switch {
	case err == nil:
		all = res.Findings
	case errors.As(err, &ce):
		// The CLI stops with exit 2; an editor shows it where it is.
		all = append(all, journey.Finding{File: path, Line: 1, Column: 1, Rule: "config", Severity: journey.Error,
			Message: "the workspace's lint configuration cannot be used: " + ce.Error()})
	default:
		all = append(all, journey.Finding{File: path, Line: 1, Column: 1, Rule: "config", Severity: journey.Error, Message: err.Error()})
	}
	var mine []journey.Finding
	for _, f := range all {
		if samePath(f.File, path) {
			mine = append(mine, f)
		}
	}
	var j *journey.Journey
	var ws *journey.Workspace
	for _, x := range set.Journeys {
		if samePath(x.File, path) {
			j, ws = x, x.Workspace
		}
	}
	for _, w := range set.Workspaces {
		if samePath(w.File, path) {
			ws = w
		}
	}
	return mine, j, ws
}

func samePath(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// diagnostics turns findings into LSP diagnostics, each spanning the token
// the finding points at.
func diagnostics(text string, fs []journey.Finding) []Diagnostic {
	out := []Diagnostic{}
	for _, f := range fs {
		start := position(text, f.Line, f.Column)
		end := Position{Line: start.Line, Character: start.Character + tokenWidth(lineAt(text, start.Line), f.Column)}
		out = append(out, Diagnostic{
			Range:    Range{Start: start, End: end},
			Severity: severity(f.Severity),
			Code:     f.Rule,
			Source:   "journeymap",
			Message:  f.Message,
		})
	}
	return out
}

func severity(s journey.Severity) int {
	switch s {
	case journey.Error:
		return 1
	case journey.Warning:
		return 2
	default:
		return 3
	}
}

// tokenWidth is the width, in UTF-16 units, of the token starting at
// 1-based rune column col of line: a key, an id, a quoted string. At least
// one, so that the diagnostic can be seen.
func tokenWidth(line string, col int) int {
	i := 0
	for n := 1; n < col && i < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	rest := line[i:]
	if rest == "" {
		return 1
	}
	end := len(rest)
	switch rest[0] {
	case '"', '\'':
		if j := strings.IndexByte(rest[1:], rest[0]); j >= 0 {
			end = j + 2
		}
	default:
		if j := strings.IndexAny(rest, ":,]} #"); j > 0 {
			end = j
		}
	}
	w := 0
	for _, r := range rest[:end] {
		w += utf16Len(r)
	}
	return max(w, 1)
}
