package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/lint"
)

var today = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

const testWorkspace = `version: 1
owners:
  web-team: {name: Web team}
  care-team: {name: Care team}
personas:
  busy-parent: {name: Busy parent, segment: high-value}
channels:
  web: {name: Website, kind: digital, owner: web-team}
  phone: {name: Call centre, kind: assisted, owner: care-team}
metrics:
  csat: {name: CSAT, kind: csat}
`

const testJourney = `version: 1
id: pay-bill
title: Pay a bill
owner: web-team
persona: busy-parent
reviewed: 2026-10-01
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: open-bill
        name: Opens the bill
        channel: web
        owner: web-team
        emotion: 0
      - id: call
        name: Calls about a charge
        channel: phone
        owner: care-team
        emotion: -1
        next: []
`

// typoJourney has a misspelt key: a validation error, so no lint rule runs.
var typoJourney = strings.Replace(testJourney, "        emotion: 0\n", "        emotion: 0\n        tittle: typo\n", 1)

// client speaks LSP to a server running in the test.
type client struct {
	t      *testing.T
	in     io.WriteCloser
	out    *bufio.Reader
	nextID int
	mu     sync.Mutex
	resps  map[int]chan message
	notes  chan message
	done   chan error
}

func startServer(t *testing.T, opts Options) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	if opts.Today.IsZero() {
		opts.Today = today
	}
	c := &client{t: t, in: inW, out: bufio.NewReader(outR), resps: map[int]chan message{}, notes: make(chan message, 10000), done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		c.done <- Run(ctx, inR, outW, opts)
		outW.Close()
	}()
	go c.readLoop()
	t.Cleanup(func() { cancel(); inW.Close() })
	return c
}

func (c *client) readLoop() {
	rd := &reader{r: c.out}
	for {
		body, err := rd.read()
		if err != nil {
			close(c.notes)
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent non-JSON: %q", body)
			continue
		}
		if m.Method != "" {
			c.notes <- m
			continue
		}
		var id int
		json.Unmarshal(m.ID, &id)
		c.mu.Lock()
		ch := c.resps[id]
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		} else if string(m.ID) == "null" {
			c.notes <- m // an error about a message with no id
		}
	}
}

func (c *client) raw(body string) {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	c.raw(string(b))
}

func (c *client) request(method string, params any) message {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan message, 1)
	c.resps[id] = ch
	c.mu.Unlock()
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	c.raw(string(b))
	select {
	case m := <-ch:
		return m
	case <-time.After(20 * time.Second):
		c.t.Fatalf("no response to %s", method)
		return message{}
	}
}

func (c *client) initialize() {
	c.t.Helper()
	m := c.request("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}})
	if m.Error != nil {
		c.t.Fatalf("initialize: %v", m.Error)
	}
	c.notify("initialized", map[string]any{})
}

// diagnostics waits for the diagnostics of uri at a version at least v.
func (c *client) diagnostics(uri string, v int) []Diagnostic {
	c.t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatal("server closed")
			}
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p PublishDiagnosticsParams
			json.Unmarshal(m.Params, &p)
			if p.URI == uri && p.Version != nil && *p.Version >= v {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, v)
			return nil
		}
	}
}

// workspaceDir writes the workspace and the journey, returning the
// journey's path and URI.
func workspaceDir(t *testing.T, src string) (string, string) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "journeymap.yaml"), []byte(testWorkspace), 0o644)
	path := filepath.Join(dir, "pay.journey.yaml")
	os.WriteFile(path, []byte(src), 0o644)
	return path, uriOf(path)
}

func (c *client) open(uri, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
}

// TestDiagnosticsEqualLint: what the editor shows is exactly what
// `journeymap lint` finds in the same file.
func TestDiagnosticsEqualLint(t *testing.T) {
	for _, tc := range []struct {
		name, src, rule string
	}{
		{"a lint finding", testJourney, "undocumented-handoff"},
		{"a validation finding", typoJourney, "unknown-key"},
	} {
		t.Run(tc.name, func(t *testing.T) { diagnosticsEqualLint(t, tc.src, tc.rule) })
	}
}

func diagnosticsEqualLint(t *testing.T, src, rule string) {
	path, uri := workspaceDir(t, src)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize()
	c.open(uri, src)
	got := c.diagnostics(uri, 1)

	set, err := journey.Load([]string{path}, journey.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(set, lint.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range res.Findings {
		want = append(want, fmt.Sprintf("%d:%d %s %s %s", f.Line, f.Column, f.Severity, f.Rule, f.Message))
	}
	var have []string
	sev := map[int]string{1: "error", 2: "warning", 3: "info"}
	for _, d := range got {
		have = append(have, fmt.Sprintf("%d:%d %s %s %s", d.Range.Start.Line+1, d.Range.Start.Character+1, sev[d.Severity], d.Code, d.Message))
	}
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics differ from lint:\n--- lsp\n%s\n--- lint\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
	if rules := strings.Join(have, "\n"); !strings.Contains(rules, rule) {
		t.Errorf("want a %s diagnostic:\n%s", rule, rules)
	}
}

// TestEditsAndDebounce: incremental edits are applied in order, a burst of
// them costs few lints, and the last diagnostics are of the last text.
func TestEditsAndDebounce(t *testing.T) {
	_, uri := workspaceDir(t, typoJourney)
	c := startServer(t, Options{Debounce: 50 * time.Millisecond})
	c.initialize()
	c.open(uri, typoJourney)
	c.diagnostics(uri, 1)

	// Fix the typo key one keystroke at a time: delete "tittle: typo", then
	// type "x-note: typo" character by character, 1,000 edits in all.
	line := strings.Split(typoJourney, "\n")
	n := 0
	for i, l := range line {
		if strings.Contains(l, "tittle") {
			n = i
		}
	}
	col := strings.Index(line[n], "tittle")
	version := 1
	edit := func(r Range, text string) {
		version++
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []map[string]any{{"range": r, "text": text}},
		})
	}
	edit(Range{Start: Position{n, col}, End: Position{n, col + len("tittle")}}, "")
	typed := "x-note"
	for i := 0; version < 1000; i++ {
		ch := string(typed[i%len(typed)])
		edit(Range{Start: Position{n, col}, End: Position{n, col}}, ch)
		edit(Range{Start: Position{n, col}, End: Position{n, col + 1}}, "") // and delete it again
	}
	edit(Range{Start: Position{n, col}, End: Position{n, col}}, typed)
	final := version
	// Count the lints the burst cost: every publish up to the final one.
	published := 0
	var diags []Diagnostic
	deadline := time.After(20 * time.Second)
wait:
	for {
		select {
		case m := <-c.notes:
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			published++
			var p PublishDiagnosticsParams
			json.Unmarshal(m.Params, &p)
			if p.Version != nil && *p.Version == final {
				diags = p.Diagnostics
				break wait
			}
		case <-deadline:
			t.Fatalf("no diagnostics for the final version %d", final)
		}
	}
	if published > 20 {
		t.Errorf("%d lints for a burst of %d edits; the debounce should keep it to a few", published, final)
	}
	for _, d := range diags {
		if d.Code == "unknown-key" {
			t.Errorf("after the edits the typo is gone, yet: %s", d.Message)
		}
	}
	// Nothing more once the burst has settled.
	after := 0
	drain := time.After(300 * time.Millisecond)
loop:
	for {
		select {
		case m := <-c.notes:
			if m.Method == "textDocument/publishDiagnostics" {
				after++
			}
		case <-drain:
			break loop
		}
	}
	if after != 0 {
		t.Errorf("%d more lints after the diagnostics of the final version", after)
	}
}

func TestCompletion(t *testing.T) {
	_, uri := workspaceDir(t, testJourney)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize()
	c.open(uri, testJourney)
	c.diagnostics(uri, 1)

	labels := func(line, char int) []string {
		m := c.request("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{line, char}})
		if m.Error != nil {
			t.Fatalf("completion: %v", m.Error)
		}
		var list CompletionList
		json.Unmarshal(m.Result, &list)
		var out []string
		for _, it := range list.Items {
			out = append(out, it.Label)
		}
		return out
	}
	lines := strings.Split(testJourney, "\n")
	find := func(s string) int {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i
			}
		}
		t.Fatalf("no line %q", s)
		return 0
	}
	// After "channel: " the workspace's channels.
	l := find("channel: web")
	if got := strings.Join(labels(l, len("        channel: ")), " "); got != "web phone" {
		t.Errorf("channel completion: %q, want the workspace channels", got)
	}
	// After "owner: " the registry.
	l = find("owner: care-team")
	if got := strings.Join(labels(l, len("        owner: ")), " "); got != "web-team care-team" {
		t.Errorf("owner completion: %q", got)
	}
	// After "persona: " the workspace personas.
	if got := strings.Join(labels(find("persona:"), len("persona: ")), " "); got != "busy-parent" {
		t.Errorf("persona completion: %q", got)
	}
	// In next: [...] the touchpoints.
	if got := strings.Join(labels(find("next: []"), len("        next: [")), " "); got != "open-bill call" {
		t.Errorf("next completion: %q", got)
	}
}

func TestKeyAndEnumCompletion(t *testing.T) {
	src := strings.Replace(typoJourney, "        tittle: typo\n", "        \n", 1)
	_, uri := workspaceDir(t, src)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize()
	c.open(uri, src)
	c.diagnostics(uri, 1)
	lines := strings.Split(src, "\n")
	blank := 0
	for i, l := range lines {
		if l == "        " {
			blank = i
		}
	}
	m := c.request("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{blank, 8}})
	var list CompletionList
	json.Unmarshal(m.Result, &list)
	got := map[string]bool{}
	for _, it := range list.Items {
		got[it.Label] = true
	}
	for _, want := range []string{"handoff", "moment_of_truth", "pain_points", "next"} {
		if !got[want] {
			t.Errorf("touchpoint key completion lacks %q: %v", want, got)
		}
	}
	for _, present := range []string{"id", "name", "channel", "owner", "emotion"} {
		if got[present] {
			t.Errorf("touchpoint key completion offers %q, which the touchpoint already has", present)
		}
	}
	if got["stages"] || got["title"] {
		t.Errorf("touchpoint key completion offers journey keys: %v", got)
	}
}

func TestDefinitionHoverSymbolsFormatting(t *testing.T) {
	path, uri := workspaceDir(t, testJourney)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize()
	c.open(uri, testJourney)
	c.diagnostics(uri, 1)
	lines := strings.Split(testJourney, "\n")
	find := func(s string) int {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i
			}
		}
		return -1
	}

	// Definition of a workspace channel: its line in journeymap.yaml.
	l := find("channel: phone")
	m := c.request("textDocument/definition", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{l, 19}})
	var locs []Location
	json.Unmarshal(m.Result, &locs)
	wsURI := uriOf(filepath.Join(filepath.Dir(path), "journeymap.yaml"))
	if len(locs) != 1 || locs[0].URI != wsURI || locs[0].Range.Start.Line != 8 {
		t.Errorf("definition of phone: %+v, want %s line 9", locs, wsURI)
	}
	// Definition of a next target... of an owner.
	l = find("owner: web-team")
	m = c.request("textDocument/definition", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{l, 9}})
	locs = nil
	json.Unmarshal(m.Result, &locs)
	if len(locs) != 1 || locs[0].Range.Start.Line != 2 {
		t.Errorf("definition of web-team: %+v, want journeymap.yaml line 3", locs)
	}

	// Hover on a key and on a finding.
	m = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{find("reviewed:"), 2}})
	var h Hover
	json.Unmarshal(m.Result, &h)
	if !strings.Contains(h.Contents.Value, "**reviewed**") {
		t.Errorf("hover on reviewed: %q", h.Contents.Value)
	}
	m = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{find("id: call"), 9}})
	h = Hover{}
	json.Unmarshal(m.Result, &h)
	if !strings.Contains(h.Contents.Value, "undocumented-handoff") || !strings.Contains(h.Contents.Value, "Why:") {
		t.Errorf("hover on an undocumented handoff should give the rule's rationale: %q", h.Contents.Value)
	}

	// Symbols: the stage and its touchpoints.
	m = c.request("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}})
	var syms []DocumentSymbol
	json.Unmarshal(m.Result, &syms)
	if len(syms) != 1 || syms[0].Name != "Pay" || len(syms[0].Children) != 2 || syms[0].Children[1].Name != "Calls about a charge" {
		t.Errorf("symbols: %+v", syms)
	}

	// Formatting: a messy document gets one whole-document edit.
	messy := strings.Replace(testJourney, "title: Pay a bill\n", "title:    Pay a bill\n", 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": messy}}})
	m = c.request("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "options": map[string]any{"tabSize": 2, "insertSpaces": true}})
	var edits []TextEdit
	json.Unmarshal(m.Result, &edits)
	if m.Error != nil || len(edits) != 1 || !strings.Contains(edits[0].NewText, "title: Pay a bill\n") {
		t.Errorf("formatting: %v %+v", m.Error, edits)
	}
	// A document that does not parse is not formatted.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 3},
		"contentChanges": []map[string]any{{"text": "version: 1\ntitle: [broken\n"}}})
	m = c.request("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if m.Error == nil {
		t.Errorf("formatting a broken document should fail")
	}
}

// TestBadInput: malformed JSON, unknown methods, positions past the end and
// a huge document get error responses, and the server keeps serving.
func TestBadInput(t *testing.T) {
	_, uri := workspaceDir(t, testJourney)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.raw(`{"jsonrpc":"2.0","id":99,"method":"textDocument/hover"}`) // before initialize
	c.initialize()
	c.raw(`{not json`)
	select {
	case m := <-c.notes:
		if m.Error == nil || m.Error.Code != codeParseError {
			t.Errorf("malformed JSON: %+v, want a parse error", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no answer to malformed JSON")
	}
	if m := c.request("textDocument/rename", map[string]any{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v", m)
	}
	if m := c.request("textDocument/hover", "not an object"); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("bad params: %+v", m)
	}
	c.open(uri, testJourney)
	c.diagnostics(uri, 1)
	// A column past the end of a line is the end of the line (LSP 3.17).
	if m := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{Line: 0, Character: 500}}); m.Error != nil {
		t.Errorf("hover past the end of a line: %v, want it clamped", m.Error)
	}
	for _, p := range []Position{{Line: 500, Character: 0}, {Line: -1, Character: 0}} {
		if m := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}); m.Error == nil {
			t.Errorf("hover at %+v past the end: %+v, want an error", p, m)
		}
	}
	if m := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///not/open.journey.yaml"}, "position": Position{}}); m.Error == nil {
		t.Errorf("hover in a document that is not open should be an error")
	}
	// An edit whose range is past the end is clamped, never fatal.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"range": Range{Start: Position{900, 0}, End: Position{901, 5}}, "text": "\n# appended\n"}}})
	c.diagnostics(uri, 2)

	// A 10 MB document: answered with its file finding, and the server lives.
	big := "version: 1\ntitle: Big\n# " + strings.Repeat("x", 10<<20) + "\n"
	bigURI := uriOf(filepath.Join(t.TempDir(), "big.journey.yaml"))
	c.open(bigURI, big)
	diags := c.diagnostics(bigURI, 1)
	if len(diags) == 0 || diags[0].Code != "file" {
		t.Errorf("a 10 MB document should get its file finding: %+v", diags)
	}
	if m := c.request("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}}); m.Error != nil {
		t.Errorf("the server should keep serving: %v", m.Error)
	}

	// Another YAML file (an editor sends every YAML file): left alone.
	other := uriOf(filepath.Join(t.TempDir(), "docker-compose.yml"))
	c.open(other, "services:\n  web: {image: nginx}\n")
	if d := c.diagnostics(other, 0); len(d) != 0 {
		t.Errorf("a YAML file that is no journey got diagnostics: %+v", d)
	}
	if m := c.request("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": other}}); m.Error != nil || string(m.Result) != "[]" {
		t.Errorf("formatting a YAML file that is no journey: %s %v", m.Result, m.Error)
	}

	if m := c.request("shutdown", nil); m.Error != nil {
		t.Fatal(m.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("exit after shutdown: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestContextAt(t *testing.T) {
	src := typoJourney + `    x-notes: |
      free text
`
	lines := strings.Split(src, "\n")
	at := func(s string, extra int) (int, int) {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i, strings.Index(l, s) + extra
			}
		}
		t.Fatalf("no %q", s)
		return 0, 0
	}
	for _, tc := range []struct {
		find   string
		extra  int
		object journey.Object
		key    string
	}{
		{"channel: web", len("channel: "), journey.ObjTouchpoint, "channel"},
		{"tittle", 0, journey.ObjTouchpoint, ""},
		{"name: Pay", len("name: "), journey.ObjStage, "name"},
		{"reviewed", 0, journey.ObjJourney, ""},
		{"id: call", len("id: "), journey.ObjTouchpoint, "id"},
	} {
		n, col := at(tc.find, tc.extra)
		ctx := contextAt(src, n, col, journey.ObjJourney)
		if ctx.Object != tc.object || ctx.Key != tc.key {
			t.Errorf("%q+%d: object %q key %q, want %q %q", tc.find, tc.extra, ctx.Object, ctx.Key, tc.object, tc.key)
		}
	}
	ws := "version: 1\nchannels:\n  web:\n    kind: \nlint:\n  fail_on: \n"
	if ctx := contextAt(ws, 3, len("    kind: "), journey.ObjWorkspace); ctx.Object != journey.ObjChannel || ctx.Key != "kind" {
		t.Errorf("workspace channel kind: %+v", ctx)
	}
	if ctx := contextAt(ws, 5, len("  fail_on: "), journey.ObjWorkspace); ctx.Object != journey.ObjLint || ctx.Key != "fail_on" {
		t.Errorf("workspace lint fail_on: %+v", ctx)
	}
}

func TestPositions(t *testing.T) {
	text := "a: é😀x\nb\n"
	// "😀" is two UTF-16 units; x is at UTF-16 column 6 (0-based).
	if off, ok := offset(text, Position{0, 6}); !ok || text[off] != 'x' {
		t.Errorf("offset of x: %d %v", off, ok)
	}
	if _, ok := offset(text, Position{0, 9}); ok {
		t.Errorf("a column past the end of the line must not be ok")
	}
	if p := position(text, 1, 6); p != (Position{0, 6}) {
		t.Errorf("position of rune column 6: %+v", p)
	}
}

// TestExitWithLintsPending: exit, or the end of input, while lints still
// wait for their debounce ends the server at once (no orphan process).
func TestExitWithLintsPending(t *testing.T) {
	_, uri := workspaceDir(t, testJourney)
	for _, how := range []string{"shutdown and exit", "input closed"} {
		t.Run(how, func(t *testing.T) {
			c := startServer(t, Options{Debounce: 10 * time.Second})
			c.initialize()
			c.open(uri, testJourney)
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
				"contentChanges": []map[string]any{{"text": testJourney + "# edited\n"}}})
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			c.open(uri, testJourney)
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
				"contentChanges": []map[string]any{{"text": testJourney + "# edited again\n"}}})
			if how == "input closed" {
				c.in.Close()
			} else {
				c.request("shutdown", nil)
				c.notify("exit", nil)
			}
			select {
			case err := <-c.done:
				if err != nil {
					t.Errorf("%s: %v", how, err)
				}
			case <-time.After(3 * time.Second):
				t.Fatalf("%s with a lint pending: the server did not end", how)
			}
		})
	}
}

// TestFramingAndRequests: bad headers, bodies that are not requests and a
// second initialize are answered, and the server goes on.
func TestFramingAndRequests(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize()
	expect := func(what string, code int) {
		t.Helper()
		select {
		case m := <-c.notes:
			if m.Error == nil || m.Error.Code != code {
				t.Errorf("%s: %+v, want error %d", what, m, code)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no answer", what)
		}
	}
	fmt.Fprint(c.in, "Content-Length: abc\r\n\r\n{}")
	expect("a bad Content-Length", codeInvalidRequest)
	c.raw(`[]`)
	expect("a JSON array", codeInvalidRequest)
	c.raw(`null`)
	expect("JSON null", codeInvalidRequest)
	if m := c.request("initialize", map[string]any{"capabilities": map[string]any{}}); m.Error == nil {
		t.Errorf("a second initialize should be an error")
	}
	if m := c.request("shutdown", nil); m.Error != nil {
		t.Errorf("after bad input the server should still answer: %v", m.Error)
	}
}

// TestWorkspaceDocument: journeymap.yaml is checked as a workspace, with
// the findings lint places in it, and its unsaved text applies to open
// journeys until it is closed.
func TestWorkspaceDocument(t *testing.T) {
	path, uri := workspaceDir(t, testJourney)
	wsPath := filepath.Join(filepath.Dir(path), "journeymap.yaml")
	wsURI := uriOf(wsPath)
	c := startServer(t, Options{Debounce: 10 * time.Millisecond})
	c.initialize()
	c.open(wsURI, testWorkspace)
	if d := c.diagnostics(wsURI, 1); len(d) != 0 {
		t.Errorf("a valid workspace got diagnostics: %+v", d)
	}
	// A channel without an owner: missing-owner is placed in the workspace.
	noOwner := strings.Replace(testWorkspace, "kind: assisted, owner: care-team", "kind: assisted", 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": wsURI, "version": 2},
		"contentChanges": []map[string]any{{"text": noOwner}}})
	found := false
	for _, d := range c.diagnostics(wsURI, 2) {
		found = found || d.Code == "missing-owner"
		if d.Code == "required" || d.Code == "unknown-key" {
			t.Errorf("the workspace was checked as a journey: %s", d.Message)
		}
	}
	if !found {
		t.Errorf("the channel without an owner should be reported in journeymap.yaml")
	}
	// Rename a channel in the unsaved workspace: the open journey sees it.
	c.open(uri, testJourney)
	c.diagnostics(uri, 1)
	renamed := strings.Replace(testWorkspace, "  phone:", "  telephone:", 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": wsURI, "version": 3},
		"contentChanges": []map[string]any{{"text": renamed}}})
	waitCode := func(want bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case m := <-c.notes:
				var p PublishDiagnosticsParams
				json.Unmarshal(m.Params, &p)
				if p.URI != uri {
					continue
				}
				has := false
				for _, d := range p.Diagnostics {
					has = has || d.Code == "unresolved-reference"
				}
				if has == want {
					return
				}
			case <-deadline:
				t.Fatalf("the journey's unresolved channel should be %v", want)
			}
		}
	}
	waitCode(true)
	// Closing it unsaved: the journey reads the file on disk again.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": wsURI}})
	waitCode(false)
}
