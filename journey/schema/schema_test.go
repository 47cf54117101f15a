package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/journey/schema"
)

// compile loads a schema into an independent draft-07 validator.
func compile(t testing.TB, name string, doc []byte) *jsonschema.Schema {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	if err := c.AddResource(name, v); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s does not compile as a draft-07 schema: %v", name, err)
	}
	return s
}

// asJSON converts a YAML file to the JSON an editor's YAML 1.2 support sees:
// aliases and merge keys resolved, dates as strings.
func asJSON(t testing.TB, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), &doc); err != nil {
		t.Fatalf("does not parse: %v", err)
	}
	var v any = map[string]any{}
	if len(doc.Content) > 0 {
		budget := 1_000_000
		v = convert(doc.Content[0], 0, &budget)
		if budget < 0 {
			return nil // an alias bomb: beyond what a JSON converter expands
		}
		if v == nil {
			v = map[string]any{} // an empty document reads as an empty mapping
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func convert(n *yaml.Node, depth int, budget *int) any {
	if *budget--; depth > 200 || *budget < 0 {
		return nil
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, convert(c, depth+1, budget))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		var merges []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Tag == "!!merge" {
				merges = append(merges, n.Content[i+1])
				continue
			}
			if _, dup := out[k.Value]; !dup {
				out[k.Value] = convert(n.Content[i+1], depth+1, budget)
			}
		}
		for _, m := range merges {
			for m.Kind == yaml.AliasNode {
				m = m.Alias
			}
			srcs := []*yaml.Node{m}
			if m.Kind == yaml.SequenceNode {
				srcs = m.Content
			}
			for _, s := range srcs {
				if mm, ok := convert(s, depth+1, budget).(map[string]any); ok {
					for k, v := range mm {
						if _, ok := out[k]; !ok {
							out[k] = v
						}
					}
				}
			}
		}
		return out
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		b, _ := strconv.ParseBool(strings.ToLower(n.Value))
		return b
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		return n.Value
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
		return n.Value
	}
	return n.Value
}

// structural are the findings JSON Schema can see (SPEC §6 "schema").
var structural = map[string]bool{journey.RuleUnknownKey: true, journey.RuleType: true, journey.RuleRequired: true, journey.RuleRange: true}

// verdict is what the decoder says of a file: whether it parses, and
// whether it has a finding JSON Schema should see.
func verdict(name string, src []byte, workspace bool) (parses, structurallyValid bool, found []string) {
	var fs []journey.Finding
	if workspace {
		_, fs = journey.ParseWorkspace(name, src)
	} else {
		_, fs = journey.Parse(name, src)
	}
	parses, structurallyValid = true, true
	for _, f := range fs {
		switch {
		case f.Rule == journey.RuleSyntax || f.Rule == journey.RuleFile:
			parses = false
		case structural[f.Rule]:
			structurallyValid = false
			found = append(found, f.String())
		}
	}
	return parses, structurallyValid, found
}

// agree checks that the schema accepts src exactly when the decoder finds
// no unknown-key, type, required or range problem in it.
func agree(t *testing.T, s *jsonschema.Schema, name string, src []byte, workspace bool) {
	t.Helper()
	parses, ok, found := verdict(name, src, workspace)
	if !parses {
		return
	}
	inst := asJSON(t, src)
	if inst == nil {
		return
	}
	err := s.Validate(inst)
	switch {
	case ok && err != nil:
		t.Errorf("%s: the schema rejects a structurally valid file: %v\n%s", name, err, src)
	case !ok && err == nil:
		t.Errorf("%s: the schema accepts a file with %v\n%s", name, found, src)
	}
}

// TestSchemasCompile: both schemas are valid draft-07 and name every key of
// the field table with a description.
func TestSchemasCompile(t *testing.T) {
	for name, doc := range map[string][]byte{"journey.json": schema.Journey(), "workspace.json": schema.Workspace()} {
		compile(t, name, doc)
		var m map[string]any
		if err := json.Unmarshal(doc, &m); err != nil {
			t.Fatal(err)
		}
		if m["$schema"] != "http://json-schema.org/draft-07/schema#" {
			t.Errorf("%s: $schema = %v", name, m["$schema"])
		}
		text := string(doc)
		for _, o := range journey.Objects() {
			for _, f := range journey.Fields(o) {
				if !strings.Contains(text, fmt.Sprintf("%q", f.Description)) {
					if o == journey.ObjLintFile {
						continue
					}
					if (o == journey.ObjWorkspace || o == journey.ObjOwner || o == journey.ObjLint || o == journey.ObjRender ||
						o == journey.ObjOverride || o == journey.ObjCustomRule || o == journey.ObjVocabulary) == (name == "workspace.json") {
						t.Errorf("%s: no description for %s.%s", name, o, f.Key)
					}
				}
			}
		}
	}
}

// TestCorpusAgrees: every example and test journey and workspace is
// accepted or rejected by the schema exactly as the decoder judges its
// structure: ok files validate, structure cases in err/ are rejected.
func TestCorpusAgrees(t *testing.T) {
	js := compile(t, "journey.json", schema.Journey())
	ws := compile(t, "workspace.json", schema.Workspace())
	var files []string
	for _, g := range []string{"../../examples/*.yaml", "../../testdata/*/*.yaml", "../../testdata/*/*/*.y*ml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	var okFiles, rejected int
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		isWS := filepath.Base(f) == journey.WorkspaceFile
		s := js
		if isWS {
			s = ws
		}
		agree(t, s, f, src, isWS)
		parses, ok, _ := verdict(f, src, isWS)
		if strings.Contains(f, "/ok/") || strings.HasPrefix(f, "../../examples/") {
			if !ok || !parses {
				t.Errorf("%s: an ok file with structural findings", f)
			}
			okFiles++
		}
		if parses && !ok {
			rejected++
		}
	}
	// The files `journeymap init` writes validate as they are.
	for name, s := range map[string]*jsonschema.Schema{"first.journey.yaml": js, "journeymap.yaml": ws} {
		src, err := os.ReadFile(filepath.Join("../../cmd/journeymap/starter", name))
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.ReplaceAll(src, []byte("{{TODAY}}"), []byte("2026-12-01"))
		if err := s.Validate(asJSON(t, src)); err != nil {
			t.Errorf("starter %s: %v", name, err)
		}
		okFiles++
	}
	if okFiles < 10 || rejected < 5 {
		t.Errorf("too few cases: %d ok files, %d rejected", okFiles, rejected)
	}
}

// TestFieldByField: for every key of the table, values of every kind are
// judged by the schema as the decoder judges them.
func TestFieldByField(t *testing.T) {
	js := compile(t, "journey.json", schema.Journey())
	ws := compile(t, "workspace.json", schema.Workspace())
	values := []string{`x`, `""`, `" "`, `1`, `-3`, `3`, `1.5`, `true`, `false`, `~`, `[]`, `[a, 1]`, `[null]`, `[{text: t}]`, `[{text: t, owner: o, x-a: 1}]`,
		`[{owner: o}]`, `[{text: t, bad: 1}]`, `{}`, `{a: b}`, `{score: 1}`, `{score: 1, feeling: f}`, `{score: 9}`, `{feeling: f}`,
		`{name: n, kind: digital}`, `{kind: telepathy}`, `2026-10-01`, `2026-02-30`, `"2026-10-01"`, `01/10/2026`, `my-id`, `My_Id`,
		`digital`, `nps`, `structured`, `warning`, `off`, `"1"`, `2`, `Inter`, `"bad;font"`, `{carries: [a], owner: o}`, `{carries: x}`,
		`{ch: {name: n, kind: digital}}`, `{ch: null}`, strings.Repeat("a", 100), strings.Repeat("a", 101), `{ch: {kind: nope}}`, `{r: off}`, `{r: {severity: info, max: 3}}`, `{r: {max: [1]}}`, `{r: {terms: [a, b]}}`, `{r: {terms: [[a]]}}`, `{r: 3}`,
		`recommended`, `[recommended, strict]`, `require-reason`, `journey`, `handoff`, `[{files: x}]`, `[{rules: {}}]`, `{reject: [CRM]}`, `[x, [y]]`}
	base := map[journey.Object]struct {
		doc       string // a valid file with %s where the object's key goes
		workspace bool
	}{
		journey.ObjJourney:    {"version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: app}]}]\n%s\n", false},
		journey.ObjStage:      {"version: 1\ntitle: T\nstages:\n  - id: s\n    %s\n", false},
		journey.ObjTouchpoint: {"version: 1\ntitle: T\nstages:\n  - id: s\n    touchpoints:\n      - id: a\n        channel: app\n        %s\n", false},
		journey.ObjHandoff:    {"version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: app, handoff: {%s}}]}]\n", false},
		journey.ObjEmotion:    {"version: 1\ntitle: T\nstages: [{id: s, touchpoints: [{id: a, channel: app, emotion: {score: 1, %s}}]}]\n", false},
		journey.ObjChannel:    {"version: 1\ntitle: T\nchannels: {app: {%s}}\nstages: [{id: s}]\n", false},
		journey.ObjMetric:     {"version: 1\ntitle: T\nmetrics: {m: {%s}}\nstages: [{id: s}]\n", false},
		journey.ObjListening:  {"version: 1\ntitle: T\nlistening: {l: {%s}}\nstages: [{id: s}]\n", false},
		journey.ObjPersona:    {"version: 1\ntitle: T\npersona: {%s}\nstages: [{id: s}]\n", false},
		journey.ObjItem:       {"version: 1\ntitle: T\nprinciples: [{text: t, %s}]\nstages: [{id: s}]\n", false},
		journey.ObjWorkspace:  {"version: 1\n%s\n", true},
		journey.ObjOwner:      {"version: 1\nowners: {o: {%s}}\n", true},
		journey.ObjLint:       {"version: 1\nlint: {%s}\n", true},
		journey.ObjRender:     {"version: 1\nrender: {%s}\n", true},
		journey.ObjOverride:   {"version: 1\nlint: {overrides: [{files: [a], %s}]}\n", true},
		journey.ObjCustomRule: {"version: 1\nlint: {custom: [{id: r, on: journey, require: 'true', message: m, %s}]}\n", true},
		journey.ObjVocabulary: {"version: 1\nlint: {vocabulary: {%s}}\n", true},
	}
	cases := 0
	for _, o := range journey.Objects() {
		if o == journey.ObjLintFile {
			continue // no schema: shared lint files are not edited with a modeline
		}
		b, ok := base[o]
		if !ok {
			t.Fatalf("no base document for %s", o)
		}
		s := js
		if b.workspace {
			s = ws
		}
		keys := append(journey.FieldKeys(o), "x-ext", "nonsense")
		for _, k := range keys {
			for _, v := range values {
				line := k + ": " + v
				if strings.Contains(b.doc, "{%s}") || strings.Contains(b.doc, ", %s}") {
					line = k + ": " + v
				}
				doc := fmt.Sprintf(b.doc, line)
				// The base may already hold the key (version, title, id…): replace it.
				doc = dropDuplicate(doc, k)
				agree(t, s, fmt.Sprintf("%s.%s=%s", o, k, v), []byte(doc), b.workspace)
				cases++
			}
		}
	}
	t.Logf("%d cases", cases)
}

// dropDuplicate removes the base document's own line for key when the
// case sets it again, so that the case is not a repeated-key syntax error.
func dropDuplicate(doc, key string) string {
	lines := strings.Split(doc, "\n")
	var first = -1
	for i, l := range lines {
		if strings.HasPrefix(l, key+": ") {
			if first < 0 {
				first = i
				continue
			}
			return strings.Join(append(lines[:first:first], lines[first+1:]...), "\n")
		}
	}
	return doc
}

// TestExampleSchemas: the schemas the examples name in their modelines are
// the current ones (TESTDATA_ACCEPT=1 or `make docs` rewrites them), and
// every example names its schema on its first line.
func TestExampleSchemas(t *testing.T) {
	golden.Check(t, "../../examples/.journeymap/journey.schema.json", schema.Journey())
	golden.Check(t, "../../examples/.journeymap/workspace.schema.json", schema.Workspace())
	files, _ := filepath.Glob("../../examples/*.yaml")
	if len(files) < 5 {
		t.Fatalf("examples: %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := "# yaml-language-server: $schema=.journeymap/journey.schema.json\n"
		if filepath.Base(f) == journey.WorkspaceFile {
			want = "# yaml-language-server: $schema=.journeymap/workspace.schema.json\n"
		}
		if !strings.HasPrefix(string(src), want) {
			t.Errorf("%s does not start with %q", f, want)
		}
	}
}
