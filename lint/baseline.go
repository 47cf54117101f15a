package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/journeymap/journeymap/internal/filekind"
	"github.com/journeymap/journeymap/journey"
)

// BaselineVersion is the only baseline format this build reads and writes.
const BaselineVersion = 1

// maxBaselineSize bounds a baseline file read: a portfolio of thousands of
// findings is a few megabytes.
const maxBaselineSize = 64 << 20

// Baseline lists findings a portfolio already has, so that lint can be
// turned on without fixing them all first (SPEC §5 "Baselines"). Entries
// match findings by file, journey, rule and subject, never by line, so
// edits that move lines keep the baseline valid.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is how many findings of one rule one subject has.
type BaselineEntry struct {
	File    string `json:"file"` // relative to the baseline file, with forward slashes
	Journey string `json:"journey"`
	Rule    string `json:"rule"`
	Subject string `json:"subject"`
	Count   int    `json:"count"`
}

type baselineKey struct{ file, journey, rule, subject string }

func (e BaselineEntry) key() baselineKey {
	return baselineKey{e.File, e.Journey, e.Rule, e.Subject}
}

// baselinePath is how a finding's file is written in a baseline kept in
// dir: relative to it where possible, so that the baseline holds whatever
// directory lint runs from.
func baselinePath(dir, file string) string {
	if file == journey.StdinName || dir == "" {
		return filepath.ToSlash(file)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// NewBaseline records findings for a baseline file kept at path.
func NewBaseline(path string, findings []journey.Finding) *Baseline {
	dir := baselineDir(path)
	counts := map[baselineKey]int{}
	for _, f := range findings {
		if isValidation(f.Rule) {
			continue // never baselined: see Apply
		}
		counts[baselineKey{baselinePath(dir, f.File), f.Journey, f.Rule, string(f.Subject)}]++
	}
	b := &Baseline{Version: BaselineVersion, Findings: []BaselineEntry{}}
	for k, n := range counts {
		b.Findings = append(b.Findings, BaselineEntry{File: k.file, Journey: k.journey, Rule: k.rule, Subject: k.subject, Count: n})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		a, c := b.Findings[i], b.Findings[j]
		if a.File != c.File {
			return a.File < c.File
		}
		if a.Journey != c.Journey {
			return a.Journey < c.Journey
		}
		if a.Rule != c.Rule {
			return a.Rule < c.Rule
		}
		return a.Subject < c.Subject
	})
	return b
}

func baselineDir(path string) string {
	if path == "" {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return filepath.Dir(abs)
}

// Marshal spells the baseline as indented JSON, one entry to a few lines,
// so that it diffs cleanly.
func (b *Baseline) Marshal() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(b) // strings and ints only: cannot fail
	return buf.Bytes()
}

// BaselineError is a baseline file that cannot be used: a usage error.
type BaselineError struct {
	File string
	Msg  string
}

func (e *BaselineError) Error() string { return e.File + ": " + e.Msg }

// ReadBaseline reads a baseline written by --write-baseline.
func ReadBaseline(path string) (*Baseline, error) {
	// Only a regular file, opened without blocking: a FIFO would wait
	// forever and /dev/zero would be read to the size limit.
	f, err := journey.OpenRegular(path)
	var nr *journey.NotRegularError
	switch {
	case errors.As(err, &nr) && nr.Mode.IsDir():
		return nil, &BaselineError{path, "is a directory, not a baseline file"}
	case errors.As(err, &nr):
		return nil, &BaselineError{path, "is not a regular file (" + filekind.Of(nr.Mode) + "); name the baseline file --write-baseline wrote"}
	case err != nil:
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &BaselineError{path, fmt.Sprintf("cannot read the baseline: %v (write one with --write-baseline)", err)}
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxBaselineSize+1))
	if err != nil {
		return nil, &BaselineError{path, fmt.Sprintf("cannot read the baseline: %v", err)}
	}
	if len(src) > maxBaselineSize {
		return nil, &BaselineError{path, fmt.Sprintf("is larger than %d MiB; is it a baseline?", maxBaselineSize>>20)}
	}
	return ParseBaseline(path, src)
}

// ParseBaseline reads a baseline's JSON; path is for messages.
func ParseBaseline(path string, src []byte) (*Baseline, error) {
	var probe struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(src, &probe); err != nil {
		var wrongType *json.UnmarshalTypeError
		if errors.As(err, &wrongType) {
			// Valid JSON of another shape: say what it is, not which Go
			// type it failed to fill.
			return nil, &BaselineError{path, fmt.Sprintf("is not a journeymap baseline (a JSON %s, not an object with \"version\" and \"findings\"); write one with --write-baseline", jsonKind(wrongType.Value))}
		}
		return nil, &BaselineError{path, fmt.Sprintf("is not a journeymap baseline (not JSON: %v); write one with --write-baseline", err)}
	}
	if probe.Version == nil {
		return nil, &BaselineError{path, "is not a journeymap baseline (no \"version\"); write one with --write-baseline"}
	}
	if *probe.Version != BaselineVersion {
		return nil, &BaselineError{path, fmt.Sprintf("is a version %d baseline; this journeymap reads version %d (write a new one with --write-baseline)", *probe.Version, BaselineVersion)}
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, &BaselineError{path, fmt.Sprintf("is not a journeymap baseline: %v", err)}
	}
	for i, e := range b.Findings {
		if e.File == "" || e.Rule == "" || e.Subject == "" || e.Count < 1 {
			return nil, &BaselineError{path, fmt.Sprintf("entry %d needs file, rule, subject and a count of 1 or more", i+1)}
		}
	}
	return &b, nil
}

// BaselineResult says what applying a baseline did.
type BaselineResult struct {
	Findings  []journey.Finding // those the baseline does not list
	Baselined int               // findings left out because the baseline lists them
	// Stale counts the recorded findings that no longer occur (fixed, or
	// their file is gone): the baseline can be rewritten smaller.
	Stale int
	// Rev is the git revision of --new-from-rev, when findings the files
	// already had there were left out too.
	Rev string
}

// Apply leaves out the findings the baseline lists, kept at path, up to
// each entry's count.
func (b *Baseline) Apply(path string, findings []journey.Finding) BaselineResult {
	dir := baselineDir(path)
	left := map[baselineKey]int{}
	for _, e := range b.Findings {
		left[e.key()] += e.Count
	}
	res := BaselineResult{Findings: []journey.Finding{}}
	for _, f := range findings {
		if isValidation(f.Rule) {
			// A file that does not validate is checked by no rule at all:
			// a baseline must not hide that (SPEC §5: validation findings
			// cannot be disabled).
			res.Findings = append(res.Findings, f)
			continue
		}
		k := baselineKey{baselinePath(dir, f.File), f.Journey, f.Rule, string(f.Subject)}
		if left[k] > 0 {
			left[k]--
			res.Baselined++
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	for _, n := range left {
		res.Stale += n
	}
	return res
}

// jsonKind names the kind of JSON value json.UnmarshalTypeError reports
// ("array", "string", "number", "bool") in a user's words.
func jsonKind(v string) string {
	switch v {
	case "array":
		return "list"
	case "bool":
		return "true or false"
	}
	return v
}
