package lint

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/journey"
)

// Suppression comments (SPEC §5):
//
//	# journeymap:ignore RULE[,RULE] [until=YYYY-MM-DD] -- reason    the YAML node it belongs to
//	# journeymap:ignore-file RULE[,RULE] [until=YYYY-MM-DD] -- reason    the whole file
//
// A comment on its own line covers the node that starts on the next content
// line and everything inside it (above a touchpoint's `- id:` that is the
// whole touchpoint). A comment at the end of a line covers the key and value
// that start on that line.
var ignoreRe = regexp.MustCompile(`(?:^|\s)#\s*journeymap:ignore(-file)?(?:\s+(.*?))?\s*$`)

// ignore is one suppression comment.
type ignore struct {
	line, col int  // where the comment is
	file      bool // ignore-file: covers the whole file
	from, to  int  // the lines it covers, inclusive
	rules     []string
	until     string // YYYY-MM-DD as written, or ""
	reason    string
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
	return ig.file || f.Line >= ig.from && f.Line <= ig.to
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

// readSuppressions finds ignore comments in src and the node extents they cover.
func readSuppressions(src []byte, root *yaml.Node) *suppressions {
	s := &suppressions{}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	if !strings.Contains(text, "journeymap:ignore") {
		return s
	}
	ends := nodeEnds(root)
	comments := yamlComments(root)
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		// Only a real comment counts, not the same text inside a string.
		if !isComment(line, comments) {
			continue
		}
		m := ignoreRe.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		ig := &ignore{line: i + 1, col: strings.Index(line[m[0]:], "#") + m[0] + 1, file: m[2] >= 0, active: true, used: map[string]bool{}}
		if m[4] >= 0 {
			ig.rules, ig.until, ig.reason = parseIgnore(line[m[4]:m[5]])
		}
		if !ig.file {
			target := i + 1 // 1-based line of the comment
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				// A whole-line comment belongs to the next line with content.
				target = 0
				for k := i + 1; k < len(lines); k++ {
					t := strings.TrimSpace(lines[k])
					if t != "" && !strings.HasPrefix(t, "#") {
						target = k + 1
						break
					}
				}
			}
			end := target
			if e, ok := ends[target]; ok && e > end {
				end = e
			}
			ig.from, ig.to = target, end
		}
		s.ignores = append(s.ignores, ig)
	}
	return s
}

// yamlComments collects every comment line the YAML parser attached to the
// tree, trimmed.
func yamlComments(root *yaml.Node) map[string]bool {
	out := map[string]bool{}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 200 {
			return
		}
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out[l] = true
				}
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// isComment says whether the ignore text on line is one of the file's
// comments.
func isComment(line string, comments map[string]bool) bool {
	for i := strings.Index(line, "#"); i >= 0; {
		if comments[strings.TrimSpace(line[i:])] {
			return true
		}
		next := strings.Index(line[i+1:], "#")
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// nodeEnds maps each line on which a mapping entry or list item starts to
// the last line of the largest node starting there.
func nodeEnds(root *yaml.Node) map[int]int {
	ends := map[int]int{}
	note := func(start, end int) {
		if end > ends[start] {
			ends[start] = end
		}
	}
	var last func(n *yaml.Node, depth int) int
	last = func(n *yaml.Node, depth int) int {
		if n == nil || depth > 200 {
			return 0
		}
		end := n.Line
		if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			end += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
		}
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				e := last(c, depth+1)
				note(c.Line, e)
				end = max(end, e)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				e := max(n.Content[i].Line, last(n.Content[i+1], depth+1))
				note(n.Content[i].Line, e)
				end = max(end, e)
			}
		}
		return end
	}
	last(root, 0)
	return ends
}
