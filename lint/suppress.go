package lint

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

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
// that start on that line.
var (
	ignoreRe     = regexp.MustCompile(`(?:^|\s)#\s*journeymap:ignore\s+([A-Za-z0-9_,\s-]+?)\s*(?:--.*)?$`)
	ignoreFileRe = regexp.MustCompile(`(?:^|\s)#\s*journeymap:ignore-file\s+([A-Za-z0-9_,\s-]+?)\s*(?:--.*)?$`)
)

// span is a range of lines, inclusive, over which some rules are silenced.
type span struct {
	from, to int
	rules    map[string]bool
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
	for _, sp := range s.spans {
		if f.Line >= sp.from && f.Line <= sp.to && (sp.rules[f.Rule] || sp.rules["all"]) {
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

// readSuppressions finds ignore comments in src and the node extents they cover.
func readSuppressions(src []byte, root *yaml.Node) *suppressions {
	s := &suppressions{file: map[string]bool{}}
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
		if m := ignoreFileRe.FindStringSubmatch(line); m != nil {
			for r := range parseRules(m[1]) {
				s.file[r] = true
			}
			continue
		}
		m := ignoreRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
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
			if target == 0 {
				continue
			}
		}
		end := target
		if e, ok := ends[target]; ok && e > end {
			end = e
		}
		s.spans = append(s.spans, span{from: target, to: end, rules: parseRules(m[1])})
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
