package lint

import (
	"regexp"
	"strings"

	"github.com/journeymap/journeymap/journey"
)

// Suppression comments (SPEC §5):
//
//	# journeymap:ignore RULE[,RULE] -- reason    the YAML node it belongs to
//	# journeymap:ignore-file RULE[,RULE]         the whole file
//
// A comment on its own line covers the node that starts on the next content
// line and everything inside it (above a touchpoint's `- id:` that is the
// whole touchpoint). A comment at the end of a line covers the key and value
// that start on that line. Coverage is by node extent, not by line: where
// items share a line (flow style), a comment belongs to the one next to it,
// the first after a comment above, the last before a comment at the end.
var (
	ignoreRe     = regexp.MustCompile(`(?:^|\s)#\s*journeymap:ignore\s+([A-Za-z0-9_,\s-]+?)\s*(?:--.*)?$`)
	ignoreFileRe = regexp.MustCompile(`(?:^|\s)#\s*journeymap:ignore-file\s+([A-Za-z0-9_,\s-]+?)\s*(?:--.*)?$`)
)

// span is a node's extent over which some rules are silenced.
type span struct {
	extent journey.Extent
	rules  map[string]bool
}

// suppressions are the ignore comments of one file.
type suppressions struct {
	file  map[string]bool
	spans []span
}

func (s *suppressions) covers(f journey.Finding) bool {
	if s.file[f.Rule] || s.file["all"] {
		return true
	}
	at := journey.Pos{Line: f.Line, Col: f.Column}
	for _, sp := range s.spans {
		if sp.extent.Contains(at) && (sp.rules[f.Rule] || sp.rules["all"]) {
			return true
		}
	}
	return false
}

func parseRules(list string) map[string]bool {
	out := map[string]bool{}
	for _, r := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		out[r] = true
	}
	return out
}

// readSuppressions reads the ignore comments of a file and the node
// extents they cover.
func readSuppressions(src *journey.Source) *suppressions {
	s := &suppressions{file: map[string]bool{}}
	for _, c := range src.Comments() {
		if m := ignoreFileRe.FindStringSubmatch(c.Text); m != nil {
			for r := range parseRules(m[1]) {
				s.file[r] = true
			}
			continue
		}
		m := ignoreRe.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		covered, ok := src.CommentTarget(c)
		if !ok {
			continue
		}
		s.spans = append(s.spans, span{extent: covered, rules: parseRules(m[1])})
	}
	return s
}
