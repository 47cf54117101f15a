package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// WriteGitLab prints the result as a GitLab Code Quality report: a JSON
// array of issues, [] when there are none. Fingerprints leave out the line
// number (the subject stands in for it), so an alert survives edits above it.
func WriteGitLab(w io.Writer, r *Result) error {
	fps := findingFingerprints(r.Findings, func(f journey.Finding) string { return gitlabPath(f.File) })
	out := make([]gitlabIssue, 0, len(r.Findings))
	for i, f := range r.Findings {
		out = append(out, gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: fps[i],
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: gitlabPath(f.File), Lines: gitlabLines{Begin: max(f.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// gitlabSeverity maps a severity to a Code Quality severity (info, minor,
// major, critical, blocker).
func gitlabSeverity(s journey.Severity) string {
	switch s {
	case journey.Error:
		return "major"
	case journey.Warning:
		return "minor"
	default:
		return "info"
	}
}

// gitlabPath is the file as GitLab matches it against the repository:
// forward slashes, no leading "./".
func gitlabPath(file string) string {
	p := filepath.ToSlash(filepath.Clean(file))
	return strings.TrimPrefix(p, "./")
}

// findingFingerprints gives each finding a stable hex fingerprint: the
// SHA-256 of its rule, file (as path returns it), journey, subject and
// message, and how many identical findings came before it in the result.
// The subject (`touchpoint:call-care`) stands in for the line: it tells
// two alike findings in one file apart and survives edits that move lines.
var digits = lazyre.New(`[0-9]+`)

func findingFingerprints(fs []journey.Finding, path func(journey.Finding) string) []string {
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		// Messages may quote positions ("already used at line 12",
		// "journeymap.yaml:81"); numbers are left out so that an edit
		// elsewhere in the file does not turn a finding into a new one.
		key := strings.Join([]string{"journeymap", f.Rule, path(f), f.Journey, string(f.Subject), digits().ReplaceAllString(f.Message, "#")}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		out[i] = hex.EncodeToString(sum[:])
	}
	return out
}
