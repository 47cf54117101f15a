package lint

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/internal/golden"
	"github.com/journeymap/journeymap/journey"
)

const trickyFile = "journeys/a,b:c.journey.yaml"

// ciResult is a hand-built result with everything the CI formats must
// escape: %, :, , and line breaks in messages, quotes and <&>, a file name
// with a comma and a colon, every severity, and two identical findings in
// one file.
func ciResult() *Result {
	return &Result{
		Files:    4,
		Journeys: 3,
		Findings: []journey.Finding{
			{File: trickyFile, Line: 1, Column: 1, Rule: "missing-owner", Severity: journey.Error, Journey: "a-b", Subject: journey.SubjectJourney,
				Message: `journey "a-b" has no owner; 100% of journeys need one: name it, e.g. owner: cx-team`},
			{File: trickyFile, Line: 12, Column: 9, Rule: "undocumented-handoff", Severity: journey.Warning, Journey: "a-b", Subject: "touchpoint:call<&>",
				Message: "handoff from <web> to <phone> & back\nis undocumented;\r\nadd `handoff:` (50%% done)"},
			{File: trickyFile, Line: 20, Column: 5, Rule: "unused-definition", Severity: journey.Info, Journey: "a-b", Subject: "channel:sms",
				Message: `channel "sms" is declared but never used`},
			{File: trickyFile, Line: 31, Column: 5, Rule: "unused-definition", Severity: journey.Info, Journey: "a-b", Subject: "channel:sms",
				Message: `channel "sms" is declared but never used`},
			{File: "journeymap.yaml", Line: 4, Column: 12, Rule: journey.RuleUnresolved, Severity: journey.Error, Subject: journey.SubjectWorkspace,
				Message: "owner \"ops::night\" does not exist; %0A is not a newline\there's a tab"},
			{File: "journeys/plain.journey.yaml", Line: 1, Column: 1, Rule: "missing-goal", Severity: journey.Info, Journey: "plain", Subject: journey.SubjectJourney,
				Message: "journey \"plain\" has no goal — say what the customer wants with `goal:` ‘quoted’ 'single' \"double\""},
			{File: "journeys/with space/ünï.journey.yaml", Line: 7, Column: 3, Rule: "emotional-cliff", Severity: journey.Warning, Journey: "uni", Subject: "handoff:ä>b",
				Message: "emotion drops from 2 to -2 (by 4) between \"a\" and \"b\" </error> ]]> &amp;"},
		},
	}
}

func goldenFormat(t *testing.T, name string, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := write(&a); err != nil {
		t.Fatal(err)
	}
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("%s: two runs over the same report differ", name)
	}
	golden.Check(t, filepath.Join("..", "testdata", "formats", name), a.Bytes())
	return a.Bytes()
}

func TestFormatCIGolden(t *testing.T) {
	r := ciResult()
	goldenFormat(t, "report.sarif", func(b *bytes.Buffer) error {
		return WriteSARIF(b, r, SARIFOptions{ToolVersion: "1.2.3"})
	})
	goldenFormat(t, "report.github.txt", func(b *bytes.Buffer) error { return WriteGitHub(b, r) })
	goldenFormat(t, "report.gitlab.json", func(b *bytes.Buffer) error { return WriteGitLab(b, r) })
	goldenFormat(t, "report.checkstyle.xml", func(b *bytes.Buffer) error { return WriteCheckstyle(b, r) })

	empty := &Result{Files: 2, Journeys: 2}
	goldenFormat(t, "empty.sarif", func(b *bytes.Buffer) error {
		return WriteSARIF(b, empty, SARIFOptions{ToolVersion: "1.2.3"})
	})
	goldenFormat(t, "empty.github.txt", func(b *bytes.Buffer) error { return WriteGitHub(b, empty) })
	goldenFormat(t, "empty.gitlab.json", func(b *bytes.Buffer) error { return WriteGitLab(b, empty) })
	goldenFormat(t, "empty.checkstyle.xml", func(b *bytes.Buffer) error { return WriteCheckstyle(b, empty) })
}

// sarifDoc is the part of a SARIF log the tests look at.
type sarifDoc struct {
	Schema  *string `json:"$schema"`
	Version *string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Artifacts []struct {
			Location struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"location"`
		} `json:"artifacts"`
		Results *[]struct {
			RuleID    *string `json:"ruleId"`
			RuleIndex *int    `json:"ruleIndex"`
			Level     string  `json:"level"`
			Message   struct {
				Text *string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
						Index     *int   `json:"index"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, r *Result, opts SARIFOptions) sarifDoc {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSARIF(&b, r, opts); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	dec := json.NewDecoder(&b)
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	return doc
}

var sarifLevels = map[journey.Severity]string{journey.Error: "error", journey.Warning: "warning", journey.Info: "note"}

func TestSARIFStructure(t *testing.T) {
	r := ciResult()
	doc := parseSARIF(t, r, SARIFOptions{ToolVersion: "1.2.3"})
	if doc.Schema == nil || *doc.Schema != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Errorf("$schema = %v", doc.Schema)
	}
	if doc.Version == nil || *doc.Version != "2.1.0" {
		t.Errorf("version = %v", doc.Version)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(doc.Runs))
	}
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Name != "journeymap" || d.Version != "1.2.3" || d.InformationURI != "https://github.com/journeymap/journeymap" {
		t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
	}

	metas := AllMeta()
	if len(d.Rules) != len(metas) {
		t.Fatalf("%d rules, want %d (every rule in AllMeta)", len(d.Rules), len(metas))
	}
	camel := regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	for i, m := range metas {
		rule := d.Rules[i]
		if rule.ID != m.ID {
			t.Errorf("rules[%d].id = %q, want %q", i, rule.ID, m.ID)
		}
		if !camel.MatchString(rule.Name) || strings.ToLower(rule.Name) != strings.ReplaceAll(m.ID, "-", "") {
			t.Errorf("rule %s: name %q is not the CamelCase id", m.ID, rule.Name)
		}
		if rule.ShortDescription.Text != m.Summary || rule.ShortDescription.Text == "" {
			t.Errorf("rule %s: shortDescription %q", m.ID, rule.ShortDescription.Text)
		}
		if !strings.Contains(rule.FullDescription.Text, m.Rationale) || len(rule.FullDescription.Text) <= len(m.Rationale) {
			t.Errorf("rule %s: fullDescription %q lacks summary or rationale", m.ID, rule.FullDescription.Text)
		}
		if !strings.Contains(rule.Help.Text, m.Rationale) || !strings.Contains(rule.Help.Text, "How to fix") {
			t.Errorf("rule %s: help.text %q", m.ID, rule.Help.Text)
		}
		if !strings.Contains(rule.Help.Markdown, "How to fix") {
			t.Errorf("rule %s: help.markdown %q", m.ID, rule.Help.Markdown)
		}
		if m.Bad != "" && !strings.Contains(rule.Help.Markdown, "```yaml\n"+m.Bad) {
			t.Errorf("rule %s: help.markdown lacks the Bad example in a yaml block", m.ID)
		}
		if want := DefaultDocsURL + "#" + m.ID; rule.HelpURI != want {
			t.Errorf("rule %s: helpUri %q, want %q", m.ID, rule.HelpURI, want)
		}
		if rule.DefaultConfiguration.Level != sarifLevels[m.Severity] {
			t.Errorf("rule %s: level %q, want %q", m.ID, rule.DefaultConfiguration.Level, sarifLevels[m.Severity])
		}
	}

	if run.Results == nil {
		t.Fatal("results missing")
	}
	results := *run.Results
	if len(results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(results), len(r.Findings))
	}
	fps := map[string]bool{}
	for i, res := range results {
		f := r.Findings[i]
		if res.RuleID == nil || *res.RuleID != f.Rule {
			t.Errorf("result %d: ruleId %v, want %q", i, res.RuleID, f.Rule)
		}
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleIndex %v does not point at rule %q", i, res.RuleIndex, f.Rule)
		}
		if res.Level != sarifLevels[f.Severity] {
			t.Errorf("result %d: level %q, want %q", i, res.Level, sarifLevels[f.Severity])
		}
		if res.Message.Text == nil || *res.Message.Text != f.Message {
			t.Errorf("result %d: message %v, want %q", i, res.Message.Text, f.Message)
		}
		if len(res.Locations) != 1 {
			t.Fatalf("result %d: %d locations", i, len(res.Locations))
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI == "" || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: artifactLocation %+v", i, pl.ArtifactLocation)
		}
		if ai := pl.ArtifactLocation.Index; ai == nil || *ai >= len(run.Artifacts) || run.Artifacts[*ai].Location.URI != pl.ArtifactLocation.URI {
			t.Errorf("result %d: artifact index %v does not match uri %q", i, ai, pl.ArtifactLocation.URI)
		}
		if pl.Region == nil || pl.Region.StartLine != f.Line || pl.Region.StartColumn != f.Column || pl.Region.StartLine < 1 || pl.Region.StartColumn < 1 {
			t.Errorf("result %d: region %+v, want %d:%d", i, pl.Region, f.Line, f.Column)
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("result %d: no partialFingerprints", i)
		}
		for k, v := range res.PartialFingerprints {
			if fps[k+"="+v] {
				t.Errorf("result %d: fingerprint %s=%s repeats", i, k, v)
			}
			fps[k+"="+v] = true
		}
	}
	// URIs are relative URI references: no scheme, the colon and the space
	// percent-encoded.
	for _, a := range run.Artifacts {
		if strings.ContainsAny(a.Location.URI, ": ") || a.Location.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifact uri %q (base %q) is not an escaped relative reference", a.Location.URI, a.Location.URIBaseID)
		}
	}
	if got := run.Artifacts[1].Location.URI; got != "journeys/a,b%3Ac.journey.yaml" {
		t.Errorf("artifact uri %q", got)
	}
}

func TestSARIFEmptyResult(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSARIF(&b, &Result{}, SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("empty report does not give results: []:\n%s", b.String())
	}
	doc := parseSARIF(t, &Result{}, SARIFOptions{})
	if n := len(doc.Runs[0].Tool.Driver.Rules); n != len(AllMeta()) {
		t.Errorf("%d rules, want %d", n, len(AllMeta()))
	}
	if doc.Runs[0].Results == nil || len(*doc.Runs[0].Results) != 0 {
		t.Errorf("results = %v, want []", doc.Runs[0].Results)
	}
}

func TestSARIFOptions(t *testing.T) {
	root := filepath.Join(t.TempDir(), "repo")
	r := &Result{Findings: []journey.Finding{
		{File: filepath.Join(root, "journeys", "x.journey.yaml"), Line: 3, Column: 2, Rule: "missing-goal", Severity: journey.Info, Message: "m"},
		{File: filepath.Join(filepath.Dir(root), "elsewhere.yaml"), Line: 0, Column: 0, Rule: "no-such-rule", Severity: journey.Warning, Message: "m"},
	}}
	doc := parseSARIF(t, r, SARIFOptions{RepoRoot: root, DocsURL: "https://example.com/rules"})
	run := doc.Runs[0]
	res := *run.Results
	in := res[0].Locations[0].PhysicalLocation
	if in.ArtifactLocation.URI != "journeys/x.journey.yaml" || in.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("file inside the root: %+v", in.ArtifactLocation)
	}
	out := res[1].Locations[0].PhysicalLocation
	if !strings.HasPrefix(out.ArtifactLocation.URI, "file:///") || out.ArtifactLocation.URIBaseID != "" {
		t.Errorf("file outside the root: %+v", out.ArtifactLocation)
	}
	if out.Region != nil {
		t.Errorf("line 0 gives region %+v, want none", out.Region)
	}
	base, ok := run.OriginalURIBaseIDs["%SRCROOT%"]
	if !ok || !strings.HasPrefix(base.URI, "file:///") || !strings.HasSuffix(base.URI, "/repo/") {
		t.Errorf("originalUriBaseIds = %+v", run.OriginalURIBaseIDs)
	}
	rules := run.Tool.Driver.Rules
	if rules[0].HelpURI != "https://example.com/rules#"+rules[0].ID {
		t.Errorf("helpUri %q ignores DocsURL", rules[0].HelpURI)
	}
	// An unknown rule id gets a descriptor of its own so ruleIndex is valid.
	if ri := *res[1].RuleIndex; ri != len(AllMeta()) || rules[ri].ID != "no-such-rule" {
		t.Errorf("unknown rule: ruleIndex %d, rules %d", ri, len(rules))
	}
}

var githubLine = regexp.MustCompile(`^::(error|warning|notice) file=([^,:\r\n]*)(?:,line=(\d+)(?:,col=(\d+))?)?,title=([^,:\r\n]*)::([^\r\n]*)$`)

var githubSummaryLine = regexp.MustCompile(`^journeymap: (no problems in \d+ files?|\d+ errors?, \d+ warnings?, \d+ info in \d+ files?( \(.*\))?)$`)

func githubUnescape(s string) string {
	return strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",").Replace(s)
}

func TestGitHubWorkflowCommands(t *testing.T) {
	r := ciResult()
	var b bytes.Buffer
	if err := WriteGitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasSuffix(out, "\n") {
		t.Fatal("output does not end in a newline")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(r.Findings)+1 {
		t.Fatalf("%d lines for %d findings plus a summary:\n%s", len(lines), len(r.Findings), out)
	}
	cmds := map[journey.Severity]string{journey.Error: "error", journey.Warning: "warning", journey.Info: "notice"}
	for i, f := range r.Findings {
		m := githubLine.FindStringSubmatch(lines[i])
		if m == nil {
			t.Errorf("line %d is not a workflow command: %q", i+1, lines[i])
			continue
		}
		if m[1] != cmds[f.Severity] {
			t.Errorf("line %d: command %q for %s", i+1, m[1], f.Severity)
		}
		if got := githubUnescape(m[2]); got != f.File {
			t.Errorf("line %d: file %q, want %q", i+1, got, f.File)
		}
		if m[3] != itoa(f.Line) || m[4] != itoa(f.Column) {
			t.Errorf("line %d: line=%s col=%s, want %d:%d", i+1, m[3], m[4], f.Line, f.Column)
		}
		if got := githubUnescape(m[5]); got != f.Rule {
			t.Errorf("line %d: title %q, want %q", i+1, got, f.Rule)
		}
		// The message is data: only %, CR and LF are escaped.
		if got := strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n").Replace(m[6]); got != f.Message {
			t.Errorf("line %d: message %q, want %q", i+1, got, f.Message)
		}
	}
	summary := lines[len(lines)-1]
	if strings.HasPrefix(summary, "::") || !githubSummaryLine.MatchString(summary) {
		t.Errorf("summary line %q", summary)
	}
	if want := "journeymap: 2 errors, 2 warnings, 3 info in 4 files"; summary != want {
		t.Errorf("summary %q, want %q", summary, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestGitHubSummary(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGitHub(&b, &Result{Files: 1, Journeys: 1}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "journeymap: no problems in 1 file\n" {
		t.Errorf("empty report: %q", got)
	}

	r := &Result{Files: 1}
	for i := range 11 {
		r.Findings = append(r.Findings, journey.Finding{File: "a.yaml", Line: i + 1, Column: 1, Rule: "missing-emotion", Severity: journey.Warning, Message: "m"})
	}
	b.Reset()
	if err := WriteGitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	last := lines[len(lines)-1]
	if !githubSummaryLine.MatchString(last) || !strings.Contains(last, "at most 10") {
		t.Errorf("summary over the annotation limit: %q", last)
	}
}

func TestGitLabCodeQuality(t *testing.T) {
	r := ciResult()
	write := func(r *Result) []map[string]any {
		t.Helper()
		var b bytes.Buffer
		if err := WriteGitLab(&b, r); err != nil {
			t.Fatal(err)
		}
		var issues []map[string]any
		if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
			t.Fatalf("not a JSON array: %v", err)
		}
		return issues
	}
	first, second := write(r), write(r)
	if len(first) != len(r.Findings) {
		t.Fatalf("%d issues for %d findings", len(first), len(r.Findings))
	}
	hexFP := regexp.MustCompile(`^[0-9a-f]{64}$`)
	seen := map[string]bool{}
	severities := map[journey.Severity]string{journey.Error: "major", journey.Warning: "minor", journey.Info: "info"}
	for i, is := range first {
		f := r.Findings[i]
		fp, _ := is["fingerprint"].(string)
		if !hexFP.MatchString(fp) {
			t.Errorf("issue %d: fingerprint %q", i, fp)
		}
		if seen[fp] {
			t.Errorf("issue %d: fingerprint %s repeats", i, fp)
		}
		seen[fp] = true
		if second[i]["fingerprint"] != fp {
			t.Errorf("issue %d: fingerprint differs between runs", i)
		}
		if is["description"] != f.Message || is["check_name"] != f.Rule || is["severity"] != severities[f.Severity] {
			t.Errorf("issue %d: %v", i, is)
		}
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if loc["path"] != f.File || lines["begin"] != float64(f.Line) {
			t.Errorf("issue %d: location %v", i, loc)
		}
	}

	// Moving a finding down the file (an edit above it) keeps its fingerprint.
	moved := ciResult()
	for i := range moved.Findings {
		moved.Findings[i].Line += 5
	}
	for i, is := range write(moved) {
		if is["fingerprint"] != first[i]["fingerprint"] {
			t.Errorf("issue %d: fingerprint changes with the line number", i)
		}
	}

	var b bytes.Buffer
	if err := WriteGitLab(&b, &Result{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "[]\n" {
		t.Errorf("empty report: %q, want []", got)
	}
}

func TestGitLabPath(t *testing.T) {
	if got := gitlabPath("./journeys/a.yaml"); got != "journeys/a.yaml" {
		t.Errorf("gitlabPath = %q", got)
	}
}

type checkstyleDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

func TestCheckstyleXML(t *testing.T) {
	r := ciResult()
	var b bytes.Buffer
	if err := WriteCheckstyle(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<checkstyle version="4.3">`) {
		t.Errorf("header:\n%s", b.String())
	}
	var doc checkstyleDoc
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b.String())
	}
	if doc.Version != "4.3" {
		t.Errorf("version %q", doc.Version)
	}
	// The findings grouped by file, files sorted.
	byFile := map[string][]journey.Finding{}
	for _, f := range r.Findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	if len(doc.Files) != len(byFile) {
		t.Fatalf("%d <file> elements for %d files", len(doc.Files), len(byFile))
	}
	for i, file := range doc.Files {
		if i > 0 && doc.Files[i-1].Name >= file.Name {
			t.Errorf("files not sorted: %q before %q", doc.Files[i-1].Name, file.Name)
		}
		want := byFile[file.Name]
		if len(file.Errors) != len(want) {
			t.Fatalf("file %q: %d errors, want %d", file.Name, len(file.Errors), len(want))
		}
		for j, e := range file.Errors {
			f := want[j]
			if e.Line != f.Line || e.Column != f.Column || e.Severity != f.Severity.String() ||
				e.Message != f.Message || e.Source != "journeymap."+f.Rule {
				t.Errorf("file %q error %d = %+v, want %v", file.Name, j, e, f)
			}
		}
	}
}

// TestFingerprintIgnoresPositions: a finding whose message quotes a line
// keeps its fingerprint when an edit above moves that line.
func TestFingerprintIgnoresPositions(t *testing.T) {
	path := func(f journey.Finding) string { return f.File }
	a := journey.Finding{File: "j.journey.yaml", Line: 12, Rule: "duplicate-id", Message: `stage id "s" is already used at line 7`}
	b := a
	b.Line, b.Message = 15, `stage id "s" is already used at line 10`
	if fa, fb := findingFingerprints([]journey.Finding{a}, path), findingFingerprints([]journey.Finding{b}, path); fa[0] != fb[0] {
		t.Errorf("fingerprint changed with the line: %s vs %s", fa[0], fb[0])
	}
	c := a
	c.Message = `stage id "t" is already used at line 7`
	if fa, fc := findingFingerprints([]journey.Finding{a}, path), findingFingerprints([]journey.Finding{c}, path); fa[0] == fc[0] {
		t.Error("different findings share a fingerprint")
	}
	// The subject tells alike findings apart, whatever order they come in.
	x := journey.Finding{File: "j.journey.yaml", Line: 3, Rule: "missing-emotion", Message: "no score", Subject: "touchpoint:a"}
	y := x
	y.Line, y.Subject = 9, "touchpoint:b"
	xy, yx := findingFingerprints([]journey.Finding{x, y}, path), findingFingerprints([]journey.Finding{y, x}, path)
	if xy[0] == xy[1] || xy[0] != yx[1] || xy[1] != yx[0] {
		t.Errorf("fingerprints depend on order or ignore the subject: %v vs %v", xy, yx)
	}
}
