// Package lsp is journeymap's language server (LSP 3.17 over standard input
// and output) for journey and workspace files: diagnostics from the same
// code as `journeymap lint`, hover from the format's field table and the
// rules' rationale, completion of keys, enum values and ids, go to
// definition, document symbols, and formatting with `journeymap fmt`.
package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Options configures a server. Zero values take defaults.
type Options struct {
	// Debounce is how long the server waits after an edit before it lints:
	// a burst of keystrokes costs one lint (default 150ms).
	Debounce time.Duration
	// Today is the lint date; zero means now.
	Today time.Time
	// Log receives one line per problem worth knowing about; nil for none.
	Log io.Writer
}

// Server is one language server session.
type Server struct {
	opts Options
	out  *writer

	mu          sync.Mutex
	docs        map[string]*document // by URI
	results     map[string]*analysis // the latest analysis of each document
	timers      map[string]*time.Timer
	initialized bool
	shutdown    bool
	watchFiles  bool // the client can watch files for us
	cwd         string
	wg          sync.WaitGroup
}

// Run serves the protocol on in and out until the client says exit, in
// ends, or ctx ends. It returns nil after an orderly shutdown and exit.
func Run(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	if opts.Debounce <= 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	s := &Server{opts: opts, out: &writer{w: out}, docs: map[string]*document{}, results: map[string]*analysis{}, timers: map[string]*time.Timer{}}
	s.cwd, _ = os.Getwd()
	defer s.stopTimers()
	rd := &reader{r: newBufReader(in)}
	msgs := make(chan []byte)
	errc := make(chan error, 1)
	go func() {
		for {
			body, err := rd.read()
			var tooLarge errTooLarge
			if errors.As(err, &tooLarge) || errors.Is(err, errBadHeader) {
				s.reply(json.RawMessage("null"), nil, errorf(codeInvalidRequest, "%v", err))
				continue
			}
			if err != nil {
				errc <- err
				return
			}
			select {
			case msgs <- body:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-errc:
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		case body := <-msgs:
			if done, err := s.handle(body); done {
				return err
			}
		}
	}
}

// handle dispatches one message; done is true after `exit`.
func (s *Server) handle(body []byte) (done bool, err error) {
	if !json.Valid(body) {
		s.reply(json.RawMessage("null"), nil, errorf(codeParseError, "the message is not JSON"))
		return false, nil
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil || (m.Method == "" && len(m.ID) == 0) {
		s.reply(json.RawMessage("null"), nil, errorf(codeInvalidRequest, "the message is not a JSON-RPC request, notification or response"))
		return false, nil
	}
	if m.Method == "" {
		return false, nil // a response to a request of ours: none are awaited
	}
	defer func() {
		// A bug in a handler must not take the editor's server down.
		if r := recover(); r != nil {
			s.logf("internal error in %s: %v", m.Method, r)
			if m.isRequest() {
				s.reply(m.ID, nil, errorf(codeInternalError, "journeymap: internal error in %s: %v", m.Method, r))
			}
		}
	}()
	if m.Method == "exit" {
		s.mu.Lock()
		clean := s.shutdown
		s.mu.Unlock()
		s.stopTimers()
		if !clean {
			return true, errors.New("exit without shutdown")
		}
		return true, nil
	}
	result, rerr := s.dispatch(&m)
	if m.isRequest() {
		s.reply(m.ID, result, rerr)
	}
	return false, nil
}

func (s *Server) dispatch(m *message) (any, *rpcError) {
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	if m.Method == "initialize" {
		if initialized {
			return nil, errorf(codeInvalidRequest, "initialize was already called")
		}
		var p struct {
			Capabilities struct {
				Workspace struct {
					DidChangeWatchedFiles struct {
						DynamicRegistration bool `json:"dynamicRegistration"`
					} `json:"didChangeWatchedFiles"`
				} `json:"workspace"`
			} `json:"capabilities"`
		}
		json.Unmarshal(m.Params, &p) // capabilities are optional
		s.mu.Lock()
		s.initialized = true
		s.watchFiles = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
		s.mu.Unlock()
		return initializeResult(), nil
	}
	if !initialized {
		if m.isRequest() {
			return nil, errorf(codeServerNotInit, "initialize first")
		}
		return nil, nil
	}
	if shutdown && m.isRequest() {
		return nil, errorf(codeInvalidRequest, "the server is shutting down")
	}
	switch m.Method {
	case "initialized":
		s.registerWatchers()
		return nil, nil
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		s.open(p)
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		s.change(p)
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		s.saved(p.TextDocument.URI)
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		s.close(p.TextDocument.URI)
	case "workspace/didChangeWatchedFiles":
		s.relintAll()
	case "textDocument/hover":
		return s.withPosition(m, s.hover)
	case "textDocument/completion":
		return s.withPosition(m, s.completion)
	case "textDocument/definition":
		return s.withPosition(m, s.definition)
	case "textDocument/documentSymbol":
		var p struct {
			TextDocument TextDocumentIdentifier `json:"textDocument"`
		}
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.symbols(p.TextDocument.URI)
	case "textDocument/formatting":
		var p DocumentFormattingParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.format(p.TextDocument.URI)
	default:
		if m.isRequest() {
			return nil, errorf(codeMethodNotFound, "journeymap does not handle %q", m.Method)
		}
	}
	return nil, nil
}

// registerWatchers asks the client to tell the server when journey or
// workspace files change on disk (a git checkout, another editor), so open
// journeys are linted against the workspace as it now is.
func (s *Server) registerWatchers() {
	s.mu.Lock()
	ok := s.watchFiles
	s.mu.Unlock()
	if !ok {
		return
	}
	params, _ := json.Marshal(map[string]any{"registrations": []map[string]any{{
		"id": "journeymap-files", "method": "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": []map[string]any{
			{"globPattern": "**/journeymap.yaml"}, {"globPattern": "**/*.journey.{yaml,yml}"},
		}},
	}}})
	// The client's answer is a response to us, which handle ignores.
	s.out.write(&message{ID: json.RawMessage(`"journeymap-register-watchers"`), Method: "client/registerCapability", Params: params})
}

func initializeResult() any {
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": false},
			},
			"hoverProvider":              true,
			"completionProvider":         map[string]any{"triggerCharacters": []string{":", " ", "[", ",", "-"}},
			"definitionProvider":         true,
			"documentSymbolProvider":     true,
			"documentFormattingProvider": true,
		},
		"serverInfo": map[string]any{"name": "journeymap"},
	}
}

func decode(raw json.RawMessage, v any) *rpcError {
	if err := json.Unmarshal(raw, v); err != nil {
		return errorf(codeInvalidParams, "bad params: %v", err)
	}
	return nil
}

// withPosition decodes a position request, finds its document and checks
// that the position is inside it.
func (s *Server) withPosition(m *message, f func(d *document, p Position, at int) (any, *rpcError)) (any, *rpcError) {
	var p TextDocumentPositionParams
	if err := decode(m.Params, &p); err != nil {
		return nil, err
	}
	d, err := s.doc(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	if p.Position.Line < 0 || p.Position.Character < 0 || p.Position.Line > strings.Count(d.text, "\n") {
		return nil, errorf(codeInvalidParams, "position %d:%d is past the end of the document", p.Position.Line+1, p.Position.Character+1)
	}
	// A column past the end of its line means the end of the line (LSP 3.17).
	at, _ := offset(d.text, p.Position)
	return f(d, p.Position, at)
}

func newBufReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }

func (s *Server) reply(id json.RawMessage, result any, rerr *rpcError) {
	m := &message{ID: id}
	if rerr != nil {
		m.Error = rerr
	} else {
		b, err := json.Marshal(result)
		if err != nil {
			m.Error = errorf(codeInternalError, "%v", err)
		} else {
			m.Result = b
		}
	}
	if err := s.out.write(m); err != nil {
		s.logf("cannot write a response: %v", err)
	}
}

func (s *Server) notify(method string, params any) {
	b, err := json.Marshal(params)
	if err != nil {
		s.logf("cannot encode %s: %v", method, err)
		return
	}
	if err := s.out.write(&message{Method: method, Params: b}); err != nil {
		s.logf("cannot write %s: %v", method, err)
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "journeymap lsp: "+format+"\n", args...)
	}
}

// stopTimers drops the lints still waiting for their debounce and waits
// for those already running.
func (s *Server) stopTimers() {
	s.mu.Lock()
	for uri, t := range s.timers {
		if t.Stop() {
			s.wg.Done() // it will never run
		}
		delete(s.timers, uri)
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// doc returns an open document by URI.
func (s *Server) doc(uri string) (*document, *rpcError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return nil, errorf(codeInvalidParams, "document %s is not open", uri)
	}
	copied := *d
	return &copied, nil
}

func (s *Server) open(p DidOpenTextDocumentParams) {
	path, err := pathOf(p.TextDocument.URI)
	if err != nil {
		s.logf("%s: %v", p.TextDocument.URI, err)
		return
	}
	abs, _ := filepath.Abs(path)
	s.mu.Lock()
	s.docs[p.TextDocument.URI] = &document{uri: p.TextDocument.URI, path: abs, version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.mu.Unlock()
	s.schedule(p.TextDocument.URI, 0)
}

func (s *Server) change(p DidChangeTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil {
		for _, c := range p.ContentChanges {
			d.apply(c)
		}
		d.version = p.TextDocument.Version
	}
	s.mu.Unlock()
	if d != nil {
		s.schedule(p.TextDocument.URI, s.opts.Debounce)
		if isWorkspace(d.path) {
			s.relintAll()
		}
	}
}

func (s *Server) saved(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	s.mu.Unlock()
	if d != nil && isWorkspace(d.path) {
		s.relintAll()
	}
}

func (s *Server) close(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	delete(s.docs, uri)
	delete(s.results, uri)
	if t := s.timers[uri]; t != nil {
		if t.Stop() {
			s.wg.Done() // it will never run
		}
		delete(s.timers, uri)
	}
	s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	if isWorkspace(d.path) {
		s.relintAll() // the journeys now read the workspace from disk again
	}
}

// relintAll lints every open journey again, after its workspace changed.
func (s *Server) relintAll() {
	s.mu.Lock()
	var uris []string
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	for _, uri := range uris {
		s.schedule(uri, s.opts.Debounce)
	}
}

// schedule lints a document after delay, replacing a lint already waiting:
// a burst of edits costs one lint, of the latest text.
func (s *Server) schedule(uri string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	s.wg.Add(1)
	var t *time.Timer
	t = time.AfterFunc(delay, func() {
		defer s.wg.Done()
		s.mu.Lock()
		current := s.timers[uri] == t
		s.mu.Unlock()
		if current {
			s.lint(uri)
		}
	})
	if old := s.timers[uri]; old != nil && old.Stop() {
		s.wg.Done() // the replaced timer will never run
	}
	s.timers[uri] = t
}
