package lsp

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journey/canon"
	"github.com/journeymap/journeymap/lint"
)

func rootObject(path string) journey.Object {
	if isWorkspace(path) {
		return journey.ObjWorkspace
	}
	return journey.ObjJourney
}

func (s *Server) result(uri string) *analysis {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.results[uri]
}

// ---- hover ----

// hover explains the key under the cursor from the field table, and any
// finding there with its rule's rationale.
func (s *Server) hover(d *document, p Position, at int) (any, *rpcError) {
	if !ours(d.path) {
		return nil, nil
	}
	line := lineAt(d.text, p.Line)
	lineStart := at - byteColumn(d.text, at)
	col := at - lineStart
	var parts []string
	var rng *Range
	if m := keyLine().FindStringSubmatchIndex(line); m != nil {
		keyStart, keyEnd := m[6], m[7]
		if col >= keyStart && col <= keyEnd {
			key := strings.Trim(line[keyStart:keyEnd], `"'`)
			ctx := contextAt(d.text, p.Line, keyStart, rootObject(d.path))
			if f, ok := journey.FieldOf(ctx.Object, key); ok {
				parts = append(parts, fieldDoc(ctx.Object, f))
				rng = &Range{Start: Position{p.Line, utf16Width(line[:keyStart])}, End: Position{p.Line, utf16Width(line[:keyEnd])}}
			}
		}
	}
	if a := s.result(d.uri); a != nil {
		for _, f := range a.findings {
			diag := diagnostics(d.text, []journey.Finding{f})[0]
			if within(p, diag.Range) {
				parts = append(parts, findingDoc(f))
			}
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return Hover{Contents: MarkupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}, Range: rng}, nil
}

func fieldDoc(o journey.Object, f journey.Field) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s)", f.Key, o)
	if f.Required {
		b.WriteString(", required")
	}
	fmt.Fprintf(&b, "\n\n%s", f.Description)
	if len(f.Enum) > 0 {
		fmt.Fprintf(&b, "\n\nOne of: `%s`.", strings.Join(f.Enum, "`, `"))
	}
	return b.String()
}

func findingDoc(f journey.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** `%s`: %s", f.Severity, f.Rule, f.Message)
	if r := lint.FindRule(f.Rule); r != nil {
		m := r.Meta()
		fmt.Fprintf(&b, "\n\n*Finds* %s.\n\n*Why:* %s", m.Summary, m.Rationale)
	} else {
		for _, m := range lint.ValidationMeta() {
			if m.ID == f.Rule {
				fmt.Fprintf(&b, "\n\n%s", m.Rationale)
			}
		}
	}
	return b.String()
}

func within(p Position, r Range) bool {
	after := p.Line > r.Start.Line || (p.Line == r.Start.Line && p.Character >= r.Start.Character)
	before := p.Line < r.End.Line || (p.Line == r.End.Line && p.Character <= r.End.Character)
	return after && before
}

// ---- completion ----

func (s *Server) completion(d *document, p Position, at int) (any, *rpcError) {
	if !ours(d.path) {
		return CompletionList{Items: []CompletionItem{}}, nil
	}
	col := byteColumn(d.text, at)
	ctx := contextAt(d.text, p.Line, col, rootObject(d.path))
	items := []CompletionItem{}
	switch {
	case ctx.Key == "" && ctx.Object != "":
		for i, f := range journey.Fields(ctx.Object) {
			if ctx.Present[f.Key] {
				continue
			}
			doc := fieldDoc(ctx.Object, f)
			items = append(items, CompletionItem{Label: f.Key, Kind: kindProperty, Detail: detail(f),
				Documentation: &MarkupContent{Kind: "markdown", Value: doc}, InsertText: f.Key + ": ", SortText: fmt.Sprintf("%03d", i)})
		}
	case ctx.Key != "":
		for _, v := range s.values(d, ctx) {
			items = append(items, v)
		}
	}
	return CompletionList{Items: items}, nil
}

func detail(f journey.Field) string {
	if f.Required {
		return "required"
	}
	return "optional"
}

// values lists what may follow a key: its enum, or the ids it refers to.
func (s *Server) values(d *document, ctx cursorContext) []CompletionItem {
	var items []CompletionItem
	if f, ok := journey.FieldOf(ctx.Object, ctx.Key); ok && len(f.Enum) > 0 {
		for _, v := range f.Enum {
			items = append(items, CompletionItem{Label: v, Kind: kindEnum, Detail: ctx.Key})
		}
		return items
	}
	ids := s.ids(d, refKind(ctx.Object, ctx.Key))
	for _, id := range ids {
		items = append(items, CompletionItem{Label: id.id, Kind: kindRef, Detail: id.detail})
	}
	return items
}

// refKind says what kind of id a key refers to ("" when none).
func refKind(o journey.Object, key string) string {
	switch key {
	case "channel":
		return "channel"
	case "owner":
		return "owner"
	case "persona":
		if o == journey.ObjJourney {
			return "persona"
		}
	case "metrics":
		if o == journey.ObjTouchpoint {
			return "metric"
		}
	case "listening":
		if o == journey.ObjTouchpoint {
			return "listening"
		}
	case "next":
		return "touchpoint"
	}
	return ""
}

type idDef struct {
	id, detail string
	file       string
	pos        journey.Pos
}

// ids lists the ids of a kind known to a document: its own and its
// workspace's, from the last version that parsed.
func (s *Server) ids(d *document, kind string) []idDef {
	a := s.result(d.uri)
	if a == nil || kind == "" {
		return nil
	}
	var out []idDef
	seen := map[string]bool{}
	add := func(id journey.Text, detail, file string, pos journey.Pos) {
		if id.Value == "" || seen[id.Value] {
			return
		}
		seen[id.Value] = true
		out = append(out, idDef{id: id.Value, detail: detail, file: file, pos: pos})
	}
	j, ws := a.journey, a.workspace
	if j != nil && ws == nil {
		ws = j.Workspace
	}
	switch kind {
	case "channel":
		if j != nil {
			for _, c := range j.Channels {
				add(c.ID, c.Label()+" (this journey)", j.File, c.ID.Pos)
			}
		}
		if ws != nil {
			for _, c := range ws.Channels {
				add(c.ID, c.Label()+" (workspace)", ws.File, c.ID.Pos)
			}
		}
	case "owner":
		if ws != nil {
			for _, o := range ws.Owners {
				add(o.ID, o.Name.Value, ws.File, o.ID.Pos)
			}
		}
	case "persona":
		if ws != nil {
			for _, p := range ws.Personas {
				add(p.ID, p.Name.Value, ws.File, p.ID.Pos)
			}
		}
	case "metric":
		var mine, shared []*journey.Metric
		if j != nil {
			mine = j.Metrics
		}
		if ws != nil {
			shared = ws.Metrics
		}
		for _, m := range mine {
			add(m.ID, m.Name.Value, j.File, m.ID.Pos)
		}
		for _, m := range shared {
			add(m.ID, m.Name.Value+" (workspace)", ws.File, m.ID.Pos)
		}
	case "listening":
		var mine, shared []*journey.ListeningPost
		if j != nil {
			mine = j.Listening
		}
		if ws != nil {
			shared = ws.Listening
		}
		for _, l := range mine {
			add(l.ID, l.Name.Value, j.File, l.ID.Pos)
		}
		for _, l := range shared {
			add(l.ID, l.Name.Value+" (workspace)", ws.File, l.ID.Pos)
		}
	case "touchpoint":
		if j != nil {
			for _, t := range j.Touchpoints() {
				add(t.ID, t.Label(), j.File, t.ID.Pos)
			}
		}
	}
	return out
}

// ---- definition ----

func (s *Server) definition(d *document, p Position, at int) (any, *rpcError) {
	if !ours(d.path) {
		return nil, nil
	}
	col := byteColumn(d.text, at)
	line := lineAt(d.text, p.Line)
	start, end := wordRange(line, col)
	if start == end {
		return nil, nil
	}
	word := line[start:end]
	ctx := contextAt(d.text, p.Line, end, rootObject(d.path))
	for _, def := range s.ids(d, refKind(ctx.Object, ctx.Key)) {
		if def.id != word {
			continue
		}
		text, ok := s.textOf(def.file, d)
		if !ok {
			return nil, nil
		}
		pos := position(text, def.pos.Line, def.pos.Col)
		endPos := Position{Line: pos.Line, Character: pos.Character + utf16Width(def.id)}
		path := def.file
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return []Location{{URI: uriOf(path), Range: Range{Start: pos, End: endPos}}}, nil
	}
	return nil, nil
}

// textOf is a file's text: the open document's, else the file's on disk.
func (s *Server) textOf(file string, d *document) (string, bool) {
	if samePath(file, d.path) {
		return d.text, true
	}
	s.mu.Lock()
	for _, o := range s.docs {
		if samePath(o.path, file) {
			s.mu.Unlock()
			return o.text, true
		}
	}
	s.mu.Unlock()
	b, err := readBounded(file)
	if err != nil {
		return "", false
	}
	return string(b), true
}

func readBounded(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > journey.MaxFileSize {
		return nil, errors.New("not a readable journeymap file")
	}
	return os.ReadFile(path)
}

// ---- document symbols ----

func (s *Server) symbols(uri string) (any, *rpcError) {
	d, err := s.doc(uri)
	if err != nil {
		return nil, err
	}
	a := s.result(uri)
	out := []DocumentSymbol{}
	if a == nil || a.journey == nil {
		return out, nil
	}
	lines := strings.Count(d.text, "\n") + 1
	stages := a.journey.Stages
	for i, st := range stages {
		endLine := lines
		if i+1 < len(stages) {
			endLine = stages[i+1].Pos.Line - 1
		}
		sym := DocumentSymbol{Name: st.Label(), Detail: "stage " + st.ID.Value, Kind: symbolModule,
			Range:          lineRange(d.text, st.Pos.Line, endLine),
			SelectionRange: idRange(d.text, st.ID)}
		for _, t := range st.Touchpoints {
			detail := "touchpoint " + t.ID.Value
			if t.Channel.Value != "" {
				detail += " · " + t.Channel.Value
			}
			sym.Children = append(sym.Children, DocumentSymbol{Name: t.Label(), Detail: detail, Kind: symbolEvent,
				Range:          lineRange(d.text, t.Pos.Line, max(lastLine(t.Extent), t.Pos.Line)),
				SelectionRange: idRange(d.text, t.ID)})
		}
		out = append(out, sym)
	}
	return out, nil
}

// lastLine is the last line an extent covers (it ends before To).
func lastLine(e journey.Extent) int {
	if e.To.Col <= 1 {
		return e.To.Line - 1
	}
	return e.To.Line
}

func lineRange(text string, from, to int) Range {
	if to < from {
		to = from
	}
	return Range{Start: Position{Line: from - 1}, End: Position{Line: to - 1, Character: utf16Width(lineAt(text, to-1))}}
}

func idRange(text string, id journey.Text) Range {
	start := position(text, id.Pos.Line, id.Pos.Col)
	return Range{Start: start, End: Position{Line: start.Line, Character: start.Character + utf16Width(id.Value)}}
}

// ---- formatting ----

func (s *Server) format(uri string) (any, *rpcError) {
	d, err := s.doc(uri)
	if err != nil {
		return nil, err
	}
	if !ours(d.path) {
		return []TextEdit{}, nil // not journeymap's file: leave it as it is
	}
	kind := canon.KindOf(d.path, []byte(d.text))
	out, ferr := canon.Format(d.path, []byte(d.text), kind)
	if ferr != nil {
		return nil, errorf(codeRequestFailed, "journeymap fmt: %v", ferr)
	}
	if string(out) == d.text {
		return []TextEdit{}, nil
	}
	lines := strings.Count(d.text, "\n")
	end := Position{Line: lines, Character: utf16Width(lineAt(d.text, lines))}
	return []TextEdit{{Range: Range{End: end}, NewText: string(out)}}, nil
}

// codeRequestFailed is LSP's "the request was valid but failed".
const codeRequestFailed = -32803

// ---- small helpers ----

// byteColumn is the byte offset of at within its line.
func byteColumn(text string, at int) int {
	i := strings.LastIndexByte(text[:at], '\n')
	return at - (i + 1)
}

func utf16Width(s string) int {
	w := 0
	for _, r := range s {
		w += utf16Len(r)
	}
	return w
}
