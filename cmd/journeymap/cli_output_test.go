package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// cliJSONReport is the documented shape of `lint --format json` and
// `validate --format json` (SPEC §6).
type cliJSONReport struct {
	Findings []cliJSONFinding `json:"findings"`
	Summary  struct {
		Files    int `json:"files"`
		Journeys int `json:"journeys"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
		Info     int `json:"info"`
	} `json:"summary"`
}

type cliJSONFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Journey  string `json:"journey"`
	Subject  string `json:"subject"`
}

// cliSubject is the shape of a finding's subject (SPEC §5).
var cliSubject = regexp.MustCompile(`^(journey|workspace|file|(stage|touchpoint|channel|listening|metric):[^:]+|handoff:[^>]+>[^>]+)$`)

// cliDecodeReport decodes strictly: no field beyond the documented ones.
func cliDecodeReport(t *testing.T, s string) cliJSONReport {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var rep cliJSONReport
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("JSON report does not have the documented shape: %v\n%s", err, cliClip(s))
	}
	if dec.More() {
		t.Fatalf("JSON report is followed by more output:\n%s", cliClip(s))
	}
	return rep
}

func TestJSONShape(t *testing.T) {
	cliAtRoot(t)
	tests := []struct {
		name                      string
		args                      []string
		want                      int
		files, journeys           int
		errors, warnings, info    int
		rules                     []string // sorted, with repeats
		fileNames                 []string // distinct, sorted
		journeyIDs                []string // distinct non-empty, sorted
		validationOnly, emptyList bool
	}{
		{
			name: "lint set", want: 1,
			args:  append([]string{"lint", "--format", "json"}, cliLintSet...),
			files: 3, journeys: 3, errors: 4, warnings: 4, info: 4,
			rules: []string{
				"handoff-context-lost", "handoff-context-lost", "handoff-owner-gap",
				"missing-goal", "missing-owner", "missing-owner", "missing-owner", "missing-owner",
				"missing-persona", "undocumented-handoff", "unused-definition", "unused-definition",
			},
			fileNames: []string{
				"testdata/lint/err/handoffs.journey.yaml",
				"testdata/lint/err/journey-level.journey.yaml",
				"testdata/lint/err/owners.journey.yaml",
				"testdata/lint/journeymap.yaml",
			},
			journeyIDs: []string{"handoffs", "journey-level", "owners"},
		},
		{
			name: "lint clean", want: 0,
			args:  []string{"lint", "--format", "json", "--disable", "stale-review", "testdata/lint/ok/"},
			files: 1, journeys: 1, emptyList: true,
		},
		{
			name: "validate clean dir", want: 0,
			args:  []string{"validate", "--format", "json", "examples/"},
			files: 5, journeys: 5, emptyList: true,
		},
		{
			name: "validate unresolved", want: 1,
			args:  []string{"validate", "--format", "json", "testdata/validate/err/unresolved.journey.yaml"},
			files: 1, journeys: 1, validationOnly: true,
		},
		{
			name: "lint invalid journey reports validation alone", want: 1,
			args:  []string{"lint", "--format", "json", "testdata/validate/err/range.journey.yaml"},
			files: 1, journeys: 1, validationOnly: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cliRunArgs(t, tc.args...)
			if r.code != tc.want {
				t.Fatalf("exit %d, want %d\n%s", r.code, tc.want, r)
			}
			if tc.emptyList && !strings.Contains(r.stdout, `"findings": []`) && !strings.Contains(r.stdout, `"findings":[]`) {
				t.Errorf("an empty findings list must be [] (not null or absent):\n%s", r.stdout)
			}
			// Every documented key is present in every finding.
			var raw struct {
				Findings []map[string]json.RawMessage `json:"findings"`
				Summary  map[string]json.RawMessage   `json:"summary"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"files", "journeys", "errors", "warnings", "info"} {
				if _, ok := raw.Summary[k]; !ok {
					t.Errorf("summary lacks %q", k)
				}
			}
			for i, f := range raw.Findings {
				for _, k := range []string{"file", "line", "column", "rule", "severity", "message", "journey", "subject"} {
					if _, ok := f[k]; !ok {
						t.Errorf("finding %d lacks %q", i, k)
					}
				}
			}

			rep := cliDecodeReport(t, r.stdout)
			s := rep.Summary
			if tc.validationOnly {
				if s.Errors == 0 || s.Errors != len(rep.Findings) {
					t.Errorf("want only validation errors, got %+v with %d findings", s, len(rep.Findings))
				}
			} else if s.Errors != tc.errors || s.Warnings != tc.warnings || s.Info != tc.info {
				t.Errorf("summary counts %d/%d/%d, want %d/%d/%d", s.Errors, s.Warnings, s.Info, tc.errors, tc.warnings, tc.info)
			}
			if s.Files != tc.files || s.Journeys != tc.journeys {
				t.Errorf("summary files=%d journeys=%d, want %d and %d", s.Files, s.Journeys, tc.files, tc.journeys)
			}

			// The summary agrees with the findings.
			count := map[string]int{}
			var rules []string
			fileSet, journeySet := map[string]bool{}, map[string]bool{}
			for _, f := range rep.Findings {
				count[f.Severity]++
				rules = append(rules, f.Rule)
				fileSet[f.File] = true
				if f.Journey != "" {
					journeySet[f.Journey] = true
				}
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("finding %+v: line and column are 1-based", f)
				}
				if f.Message == "" || f.Rule == "" || f.File == "" {
					t.Errorf("finding %+v lacks a file, rule or message", f)
				}
				if !cliSubject.MatchString(f.Subject) {
					t.Errorf("finding %+v: subject %q is not one SPEC §5 names", f, f.Subject)
				}
				if _, err := os.Stat(f.File); err != nil {
					t.Errorf("finding file %q is not the path as found: %v", f.File, err)
				}
				if tc.validationOnly && f.Severity != "error" {
					t.Errorf("validation finding %+v is not an error", f)
				}
			}
			if count["error"] != s.Errors || count["warning"] != s.Warnings || count["info"] != s.Info ||
				len(rep.Findings) != s.Errors+s.Warnings+s.Info {
				t.Errorf("summary %+v does not match the findings' severities %v", s, count)
			}
			if tc.rules != nil {
				sort.Strings(rules)
				if strings.Join(rules, " ") != strings.Join(tc.rules, " ") {
					t.Errorf("rules\n got %v\nwant %v", rules, tc.rules)
				}
			}
			if tc.fileNames != nil {
				if got := cliKeys(fileSet); strings.Join(got, " ") != strings.Join(tc.fileNames, " ") {
					t.Errorf("files\n got %v\nwant %v", got, tc.fileNames)
				}
			}
			if tc.journeyIDs != nil {
				if got := cliKeys(journeySet); strings.Join(got, " ") != strings.Join(tc.journeyIDs, " ") {
					t.Errorf("journeys\n got %v\nwant %v", got, tc.journeyIDs)
				}
			}
		})
	}
}

// TestMachineFormatsEmpty: with nothing to report, the machine formats are
// still well-formed, and list nothing.
func TestMachineFormatsEmpty(t *testing.T) {
	cliAtRoot(t)
	for _, format := range []string{"json", "sarif", "gitlab", "checkstyle", "github"} {
		t.Run(format, func(t *testing.T) {
			r := cliRunArgs(t, "lint", "--format", format, "--disable", "stale-review", "testdata/lint/ok/")
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r)
			}
			switch format {
			case "sarif":
				var log struct {
					Version string `json:"version"`
					Runs    []struct {
						Results json.RawMessage `json:"results"`
						Tool    struct {
							Driver struct {
								Rules []struct {
									ID      string `json:"id"`
									HelpURI string `json:"helpUri"`
								} `json:"rules"`
							} `json:"driver"`
						} `json:"tool"`
					} `json:"runs"`
				}
				if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
					t.Fatal(err)
				}
				if log.Version != "2.1.0" || len(log.Runs) != 1 {
					t.Fatalf("not a SARIF 2.1.0 log with one run:\n%s", cliClip(r.stdout))
				}
				if string(log.Runs[0].Results) != "[]" {
					t.Errorf("SARIF results = %s, want []", log.Runs[0].Results)
				}
				// Every rule is described even when none fired.
				ids := map[string]bool{}
				for _, rule := range log.Runs[0].Tool.Driver.Rules {
					ids[rule.ID] = true
					if rule.HelpURI == "" {
						t.Errorf("rule %s has no helpUri", rule.ID)
					}
				}
				for _, want := range []string{"missing-owner", "stale-review", "syntax", "unresolved-reference"} {
					if !ids[want] {
						t.Errorf("SARIF does not describe rule %s", want)
					}
				}
			case "gitlab":
				if got := strings.TrimSpace(r.stdout); got != "[]" {
					t.Errorf("GitLab report = %s, want []", got)
				}
			case "json":
				cliDecodeReport(t, r.stdout)
			case "checkstyle":
				if !strings.HasPrefix(r.stdout, "<?xml") || strings.Contains(r.stdout, "<error") {
					t.Errorf("checkstyle report:\n%s", r.stdout)
				}
			case "github":
				if strings.Contains(r.stdout, "::error") || strings.Contains(r.stdout, "::warning") {
					t.Errorf("github report has annotations:\n%s", r.stdout)
				}
			}
		})
	}
}

func cliKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestColour: the text format is coloured only on a terminal, never with
// NO_COLOR, and machine formats never.
func TestColour(t *testing.T) {
	cliAtRoot(t)
	lintArgs := []string{"lint", "--disable", "stale-review", "testdata/lint/err/handoffs.journey.yaml", "testdata/lint/err/owners.journey.yaml"}
	validateArgs := []string{"validate", "testdata/validate/err/unresolved.journey.yaml"}
	tests := []struct {
		name     string
		args     []string
		terminal bool
		noColor  bool
		want     bool
	}{
		{"lint terminal", lintArgs, true, false, true},
		{"lint terminal NO_COLOR", lintArgs, true, true, false},
		{"lint pipe", lintArgs, false, false, false},
		{"lint pipe NO_COLOR", lintArgs, false, true, false},
		{"validate terminal", validateArgs, true, false, true},
		{"validate terminal NO_COLOR", validateArgs, true, true, false},
		{"validate pipe", validateArgs, false, false, false},
		{"lint json terminal", append([]string{"lint", "--format", "json"}, lintArgs[1:]...), true, false, false},
		{"lint github terminal", append([]string{"lint", "--format", "github"}, lintArgs[1:]...), true, false, false},
		{"rules terminal", []string{"rules"}, true, false, true},
		{"rules terminal NO_COLOR", []string{"rules"}, true, true, false},
		{"rules pipe", []string{"rules"}, false, false, false},
		{"rules RULE terminal NO_COLOR", []string{"rules", "undocumented-handoff"}, true, true, false},
		{"rules RULE pipe", []string{"rules", "undocumented-handoff"}, false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cliRun(t, cliOpts{terminal: tc.terminal, noColor: tc.noColor}, tc.args...)
			if r.stdout == "" {
				t.Fatalf("no output\n%s", r)
			}
			if got := cliHasANSI(r.stdout); got != tc.want {
				t.Errorf("ANSI escapes in stdout: %v, want %v\n%q", got, tc.want, cliClip(r.stdout))
			}
			if cliHasANSI(r.stderr) && !tc.want {
				t.Errorf("ANSI escapes in stderr:\n%q", r.stderr)
			}
			if !tc.want {
				return
			}
			// Colour changes only the styling: without escapes the text is
			// what a pipe gets.
			plain := cliRun(t, cliOpts{}, tc.args...)
			if got := cliStripANSI(r.stdout); got != plain.stdout {
				t.Errorf("coloured output differs from plain output beyond the escapes:\n%s", diffLines(plain.stdout, got))
			}
		})
	}
}

func cliStripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}

// TestStdin: `-` reads a journey from standard input and names it <stdin>.
func TestStdin(t *testing.T) {
	cliAtRoot(t)
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	clean := read("testdata/lint/ok/clean.journey.yaml")
	selfContained := read("testdata/validate/ok/no-workspace-needed.journey.yml")
	invalid := read("testdata/validate/err/range.journey.yaml")

	t.Run("validate valid", func(t *testing.T) {
		r := cliRun(t, cliOpts{stdin: selfContained}, "validate", "-")
		if r.code != 0 {
			t.Fatalf("exit %d, want 0\n%s", r.code, r)
		}
	})
	t.Run("validate valid with --config", func(t *testing.T) {
		r := cliRun(t, cliOpts{stdin: clean}, "validate", "--config", "testdata/lint/journeymap.yaml", "-")
		if r.code != 0 {
			t.Fatalf("exit %d, want 0\n%s", r.code, r)
		}
	})
	t.Run("workspace found from the working directory", func(t *testing.T) {
		t.Chdir(filepath.Join(cliRepoRoot, "testdata", "lint"))
		r := cliRun(t, cliOpts{stdin: clean}, "lint", "--disable", "stale-review", "--fail-on", "info", "-")
		if r.code != 0 {
			t.Fatalf("exit %d, want 0\n%s", r.code, r)
		}
	})
	t.Run("validate invalid text", func(t *testing.T) {
		r := cliRun(t, cliOpts{stdin: invalid}, "validate", "-")
		if r.code != 1 {
			t.Fatalf("exit %d, want 1\n%s", r.code, r)
		}
		if !strings.HasPrefix(r.stdout, "<stdin>:") {
			t.Errorf("findings should name the file <stdin>:\n%s", r.stdout)
		}
	})
	t.Run("validate invalid json", func(t *testing.T) {
		r := cliRun(t, cliOpts{stdin: invalid}, "validate", "--format", "json", "-")
		if r.code != 1 {
			t.Fatalf("exit %d, want 1\n%s", r.code, r)
		}
		rep := cliDecodeReport(t, r.stdout)
		if len(rep.Findings) == 0 {
			t.Fatal("no findings")
		}
		for _, f := range rep.Findings {
			if f.File != "<stdin>" {
				t.Errorf("finding file %q, want <stdin>", f.File)
			}
		}
	})
	t.Run("lint empty stdin", func(t *testing.T) {
		r := cliRun(t, cliOpts{stdin: ""}, "lint", "-")
		if r.code != 1 || !strings.Contains(r.stdout, "<stdin>:1:1") {
			t.Fatalf("want exit 1 and a finding at <stdin>:1:1\n%s", r)
		}
	})
	t.Run("too large", func(t *testing.T) {
		big := "version: 1\ntitle: " + strings.Repeat("a", 9<<20) + "\n"
		r := cliRun(t, cliOpts{stdin: big}, "validate", "--format", "json", "-")
		if r.code != 1 {
			t.Fatalf("exit %d, want 1\n%s", r.code, r)
		}
		rep := cliDecodeReport(t, r.stdout)
		if len(rep.Findings) != 1 || rep.Findings[0].Rule != "file" || rep.Findings[0].File != "<stdin>" {
			t.Errorf("want one file finding on <stdin>, got %+v", rep.Findings)
		}
	})
	t.Run("render dot from stdin", func(t *testing.T) {
		r := cliRun(t, cliOpts{stdin: selfContained}, "render", "--format", "dot", "-")
		if r.code != 0 || !strings.Contains(r.stdout, "digraph") {
			t.Fatalf("want exit 0 and DOT\n%s", r)
		}
	})
}

// TestBadInputs: hostile or broken files end quickly with exit 1 and a
// finding, under both validate and lint.
func TestBadInputs(t *testing.T) {
	cliAtRoot(t)
	files := []struct{ file, rule string }{
		{"empty.journey.yaml", "required"},
		{"comment-only.journey.yaml", ""},
		{"file-binary.journey.yaml", "file"},
		{"file-latin1.journey.yaml", "file"},
		{"syntax-tab.journey.yaml", "syntax"},
		{"syntax-unclosed.journey.yaml", "syntax"},
		{"syntax-duplicate-key.journey.yaml", ""},
		{"syntax-two-documents.journey.yaml", ""},
		{"alias-bomb.journey.yaml", ""},
		{"deep-nesting.journey.yaml", ""},
		{"type-top-level.journey.yaml", ""},
		{"version-type.journey.yaml", ""},
	}
	// Also everything else in the corpus.
	seen := map[string]bool{}
	for _, f := range files {
		seen[f.file] = true
	}
	all, err := filepath.Glob("testdata/validate/err/*.journey.yaml")
	if err != nil || len(all) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, p := range all {
		if base := filepath.Base(p); !seen[base] {
			files = append(files, struct{ file, rule string }{base, ""})
		}
	}
	for _, f := range files {
		path := filepath.Join("testdata", "validate", "err", f.file)
		for _, cmd := range []string{"validate", "lint"} {
			t.Run(cmd+"/"+f.file, func(t *testing.T) {
				for _, format := range []string{"text", "json"} {
					r := cliRunArgs(t, cmd, "--format", format, path)
					if r.code != 1 {
						t.Fatalf("journeymap %s --format %s %s: exit %d, want 1\n%s", cmd, format, path, r.code, r)
					}
					if format == "json" {
						rep := cliDecodeReport(t, r.stdout)
						if len(rep.Findings) == 0 {
							t.Fatalf("no findings")
						}
						if f.rule != "" {
							found := false
							for _, fd := range rep.Findings {
								found = found || fd.Rule == f.rule
							}
							if !found {
								t.Errorf("want a %s finding, got %+v", f.rule, rep.Findings)
							}
						}
						continue
					}
					if !strings.Contains(r.stdout, path+":") {
						t.Errorf("text output does not name %s:\n%s", path, r)
					}
					if !bytes.Contains([]byte(r.stdout), []byte("error:")) {
						t.Errorf("text output has no error:\n%s", r)
					}
				}
			})
		}
	}
}

// TestHelp: every command has help with examples, on stdout, exit 0.
func TestHelp(t *testing.T) {
	tests := []struct {
		args []string
	}{
		{args: []string{"--help"}},
		{args: []string{"-h"}},
		{args: []string{"help"}},
		{args: []string{"validate", "--help"}},
		{args: []string{"lint", "--help"}},
		{args: []string{"render", "--help"}},
		{args: []string{"rules", "--help"}},
		{args: []string{"help", "lint"}},
		{args: []string{"version", "--help"}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := cliRunArgs(t, tc.args...)
			if r.code != 0 {
				t.Fatalf("exit %d, want 0\n%s", r.code, r)
			}
			if !strings.Contains(r.stdout, "Examples:") || !strings.Contains(r.stdout, "  journeymap ") {
				t.Errorf("help has no Examples section:\n%s", r)
			}
			if !strings.Contains(r.stdout, "Usage:") {
				t.Errorf("help has no Usage section:\n%s", r)
			}
			if r.stderr != "" {
				t.Errorf("help wrote to stderr:\n%s", r.stderr)
			}
		})
	}
	// Flag help names the allowed values of enumerated flags.
	r := cliRunArgs(t, "lint", "--help")
	for _, want := range []string{"text|json|sarif|github|gitlab|checkstyle", "error|warning|info", "--enable", "--disable", "--config"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lint --help does not mention %q", want)
		}
	}
	r = cliRunArgs(t, "render", "--help")
	for _, want := range []string{"flow|map|emotion|channels", "svg|png|dot", "--output-dir", "--dpi", "--size", "--watch", "--lint"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("render --help does not mention %q", want)
		}
	}
}
