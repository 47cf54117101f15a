// Package canon writes journey and workspace files in journeymap's one
// canonical layout (SPEC §6 "fmt"): keys in the order of the field table,
// two-space indentation, sequence items indented under their key, the
// author's block or flow style (a flow collection wider than 100 columns
// becomes block), scalars quoted only where YAML needs it, anchors, aliases
// and every comment kept, blank lines between items kept (runs collapsed to
// one), LF or CRLF as the file had, no BOM and a final newline.
//
// Format never changes meaning: before it returns, it checks that its output
// parses to the same data, keeps every comment and formats to itself. A file
// it cannot format that way is an error and its text is not returned.
package canon

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"gopkg.in/yaml.v3"
)

// Kind says which format a file is in, which decides its key order.
type Kind int

// The kinds of file fmt formats.
const (
	Journey Kind = iota
	Workspace
)

// KindOf tells a workspace file (journeymap.yaml) from a journey file by its
// name. Standard input and other names are journeys unless their top-level
// keys say workspace (see Sniff).
func KindOf(name string, src []byte) Kind {
	if filepath.Base(name) == journey.WorkspaceFile {
		return Workspace
	}
	if journey.IsJourneyFile(name) {
		return Journey
	}
	return Sniff(src)
}

// Sniff guesses the kind of a file that has no telling name (standard
// input): a workspace has no stages and at least one key only a workspace has.
func Sniff(src []byte) Kind {
	var doc yaml.Node
	if yaml.Unmarshal(bytes.TrimPrefix(src, bom), &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return Journey
	}
	ws := false
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		switch m.Content[i].Value {
		case "stages", "title":
			return Journey
		case "owners", "personas", "lint", "render":
			ws = true
		}
	}
	if ws {
		return Workspace
	}
	return Journey
}

// SyntaxError is a file that does not parse: fmt leaves it untouched and
// reports its findings.
type SyntaxError struct {
	Findings []journey.Finding
}

func (e *SyntaxError) Error() string {
	var msgs []string
	for _, f := range e.Findings {
		msgs = append(msgs, f.String())
	}
	return strings.Join(msgs, "\n")
}

// Unsupported is a construct fmt will not rewrite (a mapping used as a key,
// say), at its position. The file is left as it is.
type Unsupported struct {
	Line, Column int
	Message      string
}

func (e *Unsupported) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message)
}

// ErrUnstable wraps a failed self-check: the output would have changed
// meaning, lost a comment or not been a fixed point. It is a bug in fmt.
var ErrUnstable = errors.New("fmt would not keep this file's meaning")

var bom = []byte{0xEF, 0xBB, 0xBF}

// Format returns src in the canonical layout. name is the file's name in
// messages. A file that does not parse gives a *SyntaxError.
func Format(name string, src []byte, kind Kind) ([]byte, error) {
	if fs := syntaxFindings(name, src, kind); len(fs) > 0 {
		return nil, &SyntaxError{Findings: fs}
	}
	body := bytes.TrimPrefix(src, bom)
	if i := loneCR(body); i >= 0 {
		line := bytes.Count(body[:i], []byte("\n")) + 1
		return nil, &Unsupported{Line: line, Column: 1, Message: "a line ends in a carriage return alone (old Mac line ends); save the file with LF or CRLF line ends"}
	}
	if crlf(body) {
		// yaml.v3 reads the CR of a CRLF as part of a comment's line, which
		// moves comments (a blank line under each head comment, a comment
		// between keys to the end of the file). YAML folds every line break
		// of a scalar to LF anyway, so the file is formatted with LF line
		// ends and written back with CRLF.
		out, err := format(name, bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), kind)
		if err != nil {
			return nil, err
		}
		return bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n")), nil
	}
	return format(name, body, kind)
}

// format formats a file without BOM whose lines end in LF.
func format(name string, body []byte, kind Kind) ([]byte, error) {
	in, err := parse(body)
	if err != nil {
		return nil, &SyntaxError{Findings: []journey.Finding{{File: name, Line: 1, Column: 1, Rule: journey.RuleSyntax, Severity: journey.Error, Message: err.Error()}}}
	}
	if len(in.Content) == 0 {
		// Only comments (or nothing): YAML attaches them to no node.
		return commentsOnly(body), nil
	}
	if err := keptComments(body, in); err != nil {
		return nil, err
	}
	if k, first := repeatedKey(in, 0); k != nil {
		return nil, &SyntaxError{Findings: []journey.Finding{{File: name, Line: k.Line, Column: k.Column, Rule: journey.RuleSyntax, Severity: journey.Error,
			Message: fmt.Sprintf("key %q is repeated; it was first given at line %d", k.Value, first.Line)}}}
	}
	if a := selfAlias(in, map[*yaml.Node]bool{}, 0); a != nil {
		return nil, &Unsupported{Line: a.Line, Column: a.Column, Message: "an alias inside the node it refers to makes an endless structure"}
	}
	if k := complexKey(in, 0); k != nil {
		return nil, &Unsupported{Line: k.Line, Column: k.Column, Message: "a mapping or list used as a key cannot be formatted"}
	}
	out, err := emit(body, in, kind)
	if err != nil {
		return nil, err
	}
	// Where YAML attaches a comment depends on the lines around it, so a
	// comment can settle on another node in the output (a comment after
	// "- " on an empty item becomes the next item's). Formatting the output
	// again then moves it once more; a few rounds reach the fixed point,
	// each checked against the input for data and comments.
	for round := 0; ; round++ {
		again, err := verify(body, in, out, kind)
		if err == nil {
			return out, nil
		}
		if again == nil || round == 2 {
			return nil, err
		}
		out = again
	}
}

// syntaxFindings returns the findings that mean the file does not parse:
// syntax and file findings, which journeymap reports the same way for
// every command.
func syntaxFindings(name string, src []byte, kind Kind) []journey.Finding {
	var fs []journey.Finding
	if kind == Workspace {
		_, fs = journey.ParseWorkspace(name, src)
	} else {
		_, fs = journey.Parse(name, src)
	}
	var out []journey.Finding
	for _, f := range fs {
		// A key repeated in a mapping is a syntax finding too: YAML
		// forbids it, and fmt could not keep both.
		if f.Rule == journey.RuleSyntax || f.Rule == journey.RuleFile {
			out = append(out, f)
		}
	}
	return out
}

// parse reads one document with its comments.
func parse(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

// verify checks the promises of Format on its own output: it parses to the
// same data, keeps every comment, and formats to itself.
// When only the last promise fails, it also returns the output formatted
// again, for another round.
func verify(in []byte, inDoc *yaml.Node, out []byte, kind Kind) ([]byte, error) {
	outDoc, err := parse(out)
	if err != nil {
		return nil, fmt.Errorf("%w: the output does not parse (%v)", ErrUnstable, err)
	}
	if why := sameData(inDoc, outDoc); why == tooLarge {
		return nil, &Unsupported{Line: 1, Column: 1, Message: "aliases expand this file too far for fmt to check that it keeps its meaning"}
	} else if why != "" {
		return nil, fmt.Errorf("%w: %s", ErrUnstable, why)
	}
	if why := sameComments(commentsIn(in, inDoc), commentsIn(out, outDoc)); why != "" {
		return nil, fmt.Errorf("%w: %s", ErrUnstable, why)
	}
	again, err := emit(out, outDoc, kind)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnstable, err)
	}
	if !bytes.Equal(again, out) {
		return again, fmt.Errorf("%w: formatting the output again changes it", ErrUnstable)
	}
	return nil, nil
}

// commentsOnly formats a file that holds no YAML node: its comments, one a line.
func commentsOnly(src []byte) []byte {
	var b bytes.Buffer
	eol := "\n"
	if crlf(src) {
		eol = "\r\n"
	}
	for _, c := range commentsIn(src, &yaml.Node{}) {
		b.WriteString(c + eol)
	}
	return b.Bytes()
}

// complexKey finds a mapping key that is itself a mapping or a list, which
// journeymap's formats never use and fmt does not write.
func complexKey(n *yaml.Node, depth int) *yaml.Node {
	if n == nil || depth > 10000 {
		return nil
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.MappingNode || k.Kind == yaml.SequenceNode {
				return k
			}
		}
	}
	for _, c := range n.Content {
		if k := complexKey(c, depth+1); k != nil {
			return k
		}
	}
	return nil
}

// selfAlias finds an alias to a node that contains it, a loop no reader of
// journeys follows.
func selfAlias(n *yaml.Node, open map[*yaml.Node]bool, depth int) *yaml.Node {
	if n == nil || depth > 10000 {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		if open[n.Alias] {
			return n
		}
		return nil
	}
	open[n] = true
	defer delete(open, n)
	for _, c := range n.Content {
		if a := selfAlias(c, open, depth+1); a != nil {
			return a
		}
	}
	return nil
}

// repeatedKey finds a key given twice in one mapping, which YAML forbids
// (the decoder reports it only where it reads the mapping).
func repeatedKey(n *yaml.Node, depth int) (k, first *yaml.Node) {
	if n == nil || depth > 10000 {
		return nil, nil
	}
	if n.Kind == yaml.MappingNode {
		seen := map[[2]string]*yaml.Node{}
		for i := 0; i < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				continue
			}
			id := [2]string{k.Tag, k.Value}
			if f, dup := seen[id]; dup {
				return k, f
			}
			seen[id] = k
		}
	}
	for _, c := range n.Content {
		if k, f := repeatedKey(c, depth+1); k != nil {
			return k, f
		}
	}
	return nil, nil
}

// loneCR finds a carriage return that is not part of a CRLF, or -1.
func loneCR(src []byte) int {
	for i, c := range src {
		if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			return i
		}
	}
	return -1
}
