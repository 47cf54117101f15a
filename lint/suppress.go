package lint

import (
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

// Suppression comments (SPEC §5):
//
//	# journeymap:ignore RULE[,RULE] [until=YYYY-MM-DD] -- reason       the YAML node it belongs to
//	# journeymap:ignore-file RULE[,RULE] [until=YYYY-MM-DD] -- reason  the whole file
//
// A comment on its own line covers the node that starts on the next content
// line and everything inside it (above a touchpoint's `- id:` that is the
// whole touchpoint). A comment at the end of a line covers the key and value
// that start on that line. Coverage is by node extent, not by line: where
// items share a line (flow style), a comment belongs to the one next to it,
// the first after a comment above, the last before a comment at the end.
// Anything after the keyword is read, so that a misspelt rule or a bad date
// is reported (bad-suppression) rather than silently ignored.
var ignoreRe = lazyre.New(`^#\s*journeymap:ignore(-file)?(?:\s+(.*?))?\s*$`)

// ignore is one suppression comment.
type ignore struct {
	at     journey.Pos // where its `#` is
	file   bool        // ignore-file: covers the whole file
	extent journey.Extent
	// covering is false for a comment that belongs to no node (it ends the
	// file): it covers nothing.
	covering bool
	rules    []string
	until    string // YYYY-MM-DD as written, or ""
	reason   string
	// active says whether it silences anything (governance may say no).
	active bool
	// used records the rules it silenced a finding of.
	used map[string]bool
}

func (ig *ignore) names(rule string) bool {
	for _, r := range ig.rules {
		if r == rule || r == "all" {
			return true
		}
	}
	return false
}

func (ig *ignore) covers(f journey.Finding) bool {
	if !ig.active || !ig.names(f.Rule) {
		return false
	}
	return ig.file || ig.covering && ig.extent.Contains(journey.Pos{Line: f.Line, Col: f.Column})
}

// suppressions are the ignore comments of one file.
type suppressions struct {
	ignores []*ignore
}

// covers says whether an active comment silences f, and records that it did.
func (s *suppressions) covers(f journey.Finding) bool {
	hit := false
	for _, ig := range s.ignores {
		if ig.covers(f) {
			ig.used[f.Rule] = true
			hit = true
		}
	}
	return hit
}

// parseIgnore splits what follows `journeymap:ignore`: rule names
// separated by commas or spaces, an optional until=DATE, and after `--`
// the reason.
func parseIgnore(rest string) (rules []string, until, reason string) {
	if i := strings.Index(rest, "--"); i >= 0 {
		reason = strings.TrimSpace(rest[i+2:])
		rest = rest[:i]
	}
	for _, tok := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if v, ok := strings.CutPrefix(tok, "until="); ok {
			until = v
			continue
		}
		rules = append(rules, tok)
	}
	return rules, until, reason
}

// readSuppressions reads the ignore comments of a file and the node
// extents they cover.
func readSuppressions(src *journey.Source) *suppressions {
	s := &suppressions{}
	if src == nil {
		return s
	}
	for _, c := range src.Comments() {
		if !strings.Contains(c.Text, "journeymap:ignore") {
			continue // most comments are prose: no pattern to compile or run
		}
		m := ignoreRe().FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		ig := &ignore{at: c.Pos, file: m[1] != "", active: true, used: map[string]bool{}}
		ig.rules, ig.until, ig.reason = parseIgnore(m[2])
		if !ig.file {
			ig.extent, ig.covering = src.CommentTarget(c)
		}
		s.ignores = append(s.ignores, ig)
	}
	return s
}
