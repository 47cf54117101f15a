package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/journeymap/journeymap/internal/words"
	"github.com/journeymap/journeymap/journey"
)

// DefaultDocsURL is where every rule is documented, one `## rule-id`
// heading (and so one `#rule-id` anchor) per rule.
const DefaultDocsURL = "https://github.com/journeymap/journeymap/blob/main/docs/rules.md"

// SARIFOptions controls the SARIF output.
type SARIFOptions struct {
	// ToolVersion is the journeymap version recorded as tool.driver.version.
	ToolVersion string
	// RepoRoot, when set, makes artifact URIs relative to it (with
	// uriBaseId %SRCROOT%) wherever a file lies inside it. When empty,
	// relative file names are taken to be relative to the repository root,
	// which is how CI runs journeymap.
	RepoRoot string
	// DocsURL is the base of each rule's helpUri; DefaultDocsURL when empty.
	DocsURL string
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprintKey names journeymap's own partial fingerprint. The
	// version suffix lets the scheme change without matching old alerts:
	// v2 adds the finding's subject.
	sarifFingerprintKey = "journeymapFindingHash/v2"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Artifacts          []sarifArtifact             `json:"artifacts,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifMultiformat `json:"help"`
	HelpURI              string           `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           sarifRuleProps   `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
	// Enabled is false for rules that are off unless a workspace turns
	// them on (the strict preset's); SARIF's default is true.
	Enabled *bool `json:"enabled,omitempty"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"`
}

type sarifArtifact struct {
	Location sarifArtifactLoc `json:"location"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLoc     `json:"logicalLocations,omitempty"`
}

// sarifLogicalLoc names what a result is about inside the file: the
// finding's subject, qualified by its journey.
type sarifLogicalLoc struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// WriteSARIF prints the result as a SARIF 2.1.0 log with one run, fit for
// GitHub code scanning (github/codeql-action/upload-sarif). Every rule,
// validation checks included, is described whether or not it fired.
func WriteSARIF(w io.Writer, r *Result, opts SARIFOptions) error {
	docs := opts.DocsURL
	if docs == "" {
		docs = DefaultDocsURL
	}
	metas := append(AllMeta(), r.Custom...)
	var rules []sarifRule
	index := map[string]int{}
	for _, m := range metas {
		if _, dup := index[m.ID]; dup {
			continue // a custom rule several workspaces declare
		}
		index[m.ID] = len(rules)
		rules = append(rules, sarifRuleFor(m, docs))
	}

	// Artifacts: one per file with findings, sorted, so results can point
	// at them by index.
	locs := map[string]sarifArtifactLoc{}
	var files []string
	for _, f := range r.Findings {
		if _, ok := locs[f.File]; !ok {
			locs[f.File] = sarifArtifactLocation(f.File, opts.RepoRoot)
			files = append(files, f.File)
		}
	}
	sort.Strings(files)
	artifacts := make([]sarifArtifact, 0, len(files))
	artifactIndex := map[string]int{}
	for i, file := range files {
		artifactIndex[file] = i
		artifacts = append(artifacts, sarifArtifact{Location: locs[file]})
	}

	fps := findingFingerprints(r.Findings, func(f journey.Finding) string { return locs[f.File].URI })
	results := make([]sarifResult, 0, len(r.Findings))
	for i, f := range r.Findings {
		ri, ok := index[f.Rule]
		if !ok {
			// A rule id no descriptor covers: describe it minimally so
			// that ruleIndex stays valid.
			ri = len(rules)
			index[f.Rule] = ri
			rules = append(rules, sarifRuleFor(&Meta{ID: f.Rule, Severity: f.Severity, Summary: f.Rule}, docs))
		}
		loc := locs[f.File]
		ai := artifactIndex[f.File]
		loc.Index = &ai
		pl := sarifPhysicalLocation{ArtifactLocation: loc}
		if f.Line >= 1 {
			pl.Region = &sarifRegion{StartLine: f.Line}
			if f.Column >= 1 {
				pl.Region.StartColumn = f.Column
			}
		}
		results = append(results, sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           ri,
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			Locations:           []sarifLocation{{PhysicalLocation: pl, LogicalLocations: sarifLogical(f)}},
			PartialFingerprints: map[string]string{sarifFingerprintKey: fps[i]},
		})
	}

	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "journeymap",
			Version:        opts.ToolVersion,
			InformationURI: "https://github.com/journeymap/journeymap",
			Rules:          rules,
		}},
		Artifacts:  artifacts,
		Results:    results,
		ColumnKind: "unicodeCodePoints",
	}
	if root := sarifRootURI(opts.RepoRoot); root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{sarifSrcRoot: {URI: root}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s journey.Severity) string {
	switch s {
	case journey.Error:
		return "error"
	case journey.Warning:
		return "warning"
	default:
		return "note"
	}
}

// sarifRuleFor describes one rule.
func sarifRuleFor(m *Meta, docs string) sarifRule {
	kind := "lint"
	for _, id := range journey.ValidationRules() {
		if id == m.ID {
			kind = "validation"
		}
	}
	summary := sarifSentence(m.Summary)
	full := strings.TrimSpace(summary + " " + m.Rationale)
	helpURI := docs + "#" + strings.ToLower(m.ID)
	if m.Custom {
		kind = "custom"
		helpURI = docs + "#custom-rules" // the workspace's own rule has no section of its own
	}
	return sarifRule{
		ID:                   m.ID,
		Name:                 sarifCamelCase(m.ID),
		ShortDescription:     sarifText{Text: m.Summary},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifMultiformat{Text: sarifHelpText(m, kind, helpURI), Markdown: sarifHelpMarkdown(m, kind, helpURI)},
		HelpURI:              helpURI,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(m.Severity), Enabled: sarifEnabled(m)},
		Properties:           sarifRuleProps{Tags: []string{"journeymap", kind}},
	}
}

func sarifEnabled(m *Meta) *bool {
	if !m.OptIn {
		return nil
	}
	off := false
	return &off
}

func sarifHelpText(m *Meta, kind, helpURI string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Finds %s.", strings.TrimSuffix(m.Summary, "."))
	if m.Rationale != "" {
		fmt.Fprintf(&b, "\n\nWhy: %s", m.Rationale)
	}
	for _, p := range m.Params {
		fmt.Fprintf(&b, "\n\nParameter %s (default %s): %s", p.Name, p.DefaultString(), p.Doc)
	}
	fmt.Fprintf(&b, "\n\nHow to fix: %s\n\nDocumentation: %s", sarifHowToFix(m, kind), helpURI)
	return b.String()
}

func sarifHelpMarkdown(m *Meta, kind, helpURI string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s, default %s): finds %s.", m.ID, kind, m.Severity, strings.TrimSuffix(m.Summary, "."))
	if m.Rationale != "" {
		fmt.Fprintf(&b, "\n\n**Why:** %s", m.Rationale)
	}
	if len(m.Params) > 0 {
		b.WriteString("\n\n**Parameters:**\n")
		for _, p := range m.Params {
			fmt.Fprintf(&b, "\n- `%s` (default %s): %s", p.Name, p.DefaultString(), p.Doc)
		}
	}
	fmt.Fprintf(&b, "\n\n**How to fix:** %s", sarifHowToFix(m, kind))
	if m.Bad != "" {
		fmt.Fprintf(&b, "\n\nFlagged:\n\n%s", sarifYAMLFence(m.Bad))
	}
	if m.Good != "" {
		fmt.Fprintf(&b, "\n\nFixed:\n\n%s", sarifYAMLFence(m.Good))
	}
	fmt.Fprintf(&b, "\n\n[Documentation for %s](%s)", m.ID, helpURI)
	return b.String()
}

func sarifHowToFix(m *Meta, kind string) string {
	switch {
	case kind == "validation":
		return "correct the file as the message says; validation findings are always errors, cannot be disabled or suppressed, and stop the lint rules from running on that journey."
	case m.Good != "":
		return "change the journey as the message says, as in the fixed example; where the finding is deliberate, silence it with `# journeymap:ignore " + m.ID + " -- reason`."
	default:
		return "change the journey as the message says; where the finding is deliberate, silence it with `# journeymap:ignore " + m.ID + " -- reason`."
	}
}

// sarifYAMLFence puts src in a fenced yaml code block whose fence is longer
// than any run of backticks inside it.
func sarifYAMLFence(src string) string {
	fence := "```"
	for strings.Contains(src, fence) {
		fence += "`"
	}
	return fence + "yaml\n" + strings.TrimRight(src, "\n") + "\n" + fence
}

// sarifSentence capitalises s and ends it with a full stop.
func sarifSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return words.Capitalise(s)
}

// sarifCamelCase turns a rule id such as "missing-owner" into "MissingOwner".
func sarifCamelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		b.WriteString(words.Capitalise(part))
	}
	return b.String()
}

// sarifArtifactLocation locates file for SARIF: relative to the repository
// root (uriBaseId %SRCROOT%) where possible, else an absolute file: URI.
func sarifArtifactLocation(file, root string) sarifArtifactLoc {
	rel, ok := sarifRelToRoot(file, root)
	if ok {
		return sarifArtifactLoc{URI: sarifEscapePath(rel, false), URIBaseID: sarifSrcRoot}
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	return sarifArtifactLoc{URI: sarifFileURI(abs)}
}

// sarifRelToRoot returns file relative to root with forward slashes, or false
// when file lies outside root. With no root, a relative file is taken as
// relative to the repository root already.
func sarifRelToRoot(file, root string) (string, bool) {
	if root == "" {
		if filepath.IsAbs(file) {
			return "", false
		}
		rel := filepath.ToSlash(filepath.Clean(file))
		if rel == ".." || strings.HasPrefix(rel, "../") {
			return "", false
		}
		return rel, true
	}
	absRoot, err1 := filepath.Abs(root)
	absFile, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absRoot, absFile)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}

// sarifRootURI is the file: URI of root, ending in a slash as SARIF
// requires of a base URI, or "" when there is no root.
func sarifRootURI(root string) string {
	if root == "" {
		return ""
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return ""
	}
	u := sarifFileURI(abs)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// sarifFileURI turns an absolute path into a file: URI.
func sarifFileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes /C:/x
	}
	return "file://" + sarifEscapePath(p, true)
}

// sarifEscapePath percent-encodes a slash-separated path for use in a URI
// reference. Unreserved characters, sub-delimiters, "@" and "/" stay as
// they are, and ":" when keepColon (in an absolute URI); everything else is
// percent-encoded byte by byte. In a relative reference a colon in the first
// segment would read as a scheme, so there it is encoded.
func sarifEscapePath(p string, keepColon bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0, c == ':' && keepColon:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// sarifLogical is the finding's subject as a SARIF logical location:
// `touchpoint:call-care` in journey `upgrade` is named "call-care", fully
// "upgrade/touchpoint:call-care", of kind "touchpoint".
func sarifLogical(f journey.Finding) []sarifLogicalLoc {
	if f.Subject == "" {
		return nil
	}
	kind, id := f.Subject.Split()
	name := id
	if name == "" {
		name = kind
	}
	full := string(f.Subject)
	if f.Journey != "" {
		full = f.Journey + "/" + full
	}
	return []sarifLogicalLoc{{Name: name, FullyQualifiedName: full, Kind: kind}}
}
