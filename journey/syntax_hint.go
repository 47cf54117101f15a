package journey

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// A syntaxHint explains a YAML syntax error in the words of the mistake a
// designer made, at the character at fault. yaml.v3 says "found character
// that cannot start any token" for `name: @home`, and points at the start of
// the enclosing mapping, not at the `@`.
type syntaxHint struct {
	pos Pos
	msg string
}

// hintLookback is how many lines before the one yaml.v3 blames are examined:
// it names where a construct starts, or the line after a bad block scalar.
const hintLookback = 3

var (
	// keyValue finds "key: value" at the start of a line (after indentation
	// and an optional "- "), and "key: value" inside a flow mapping.
	keyValue = lazyre.New(`(?:^|[{,]\s*)([A-Za-z_$][\w$ -]*?):[ \t]+(\S)`)
	// noSpaceAfterColon is "key:value" where "key: value" was meant.
	noSpaceAfterColon = lazyre.New(`^([A-Za-z_][\w-]*):([^\s:/])`)
	// blockHeader is what may follow `|` or `>` when they start a block scalar.
	blockHeader = lazyre.New(`^[|>][1-9]?[+-]?[1-9]?\s*(#.*)?$`)
)

// diagnoseSyntax looks for a mistake that explains a syntax error reported
// at line, on that line or a few before it. A candidate is accepted only if
// repairing it makes the file parse up to that line: the hint never guesses.
func diagnoseSyntax(src []byte, line int) (syntaxHint, bool) {
	lines := strings.Split(string(src), "\n")
	if line > len(lines) {
		line = len(lines)
	}
	if h, ok := versionDirective(lines); ok {
		return h, true
	}
	for k := line; k >= 1 && k >= line-hintLookback; k-- {
		candidates := lineCandidates(lines[k-1])
		// Each check parses the file up to line k: only for lines that
		// hold a candidate, and only if that prefix fails as it stands.
		if len(candidates) == 0 || parses(lines[:k]) {
			continue
		}
		for _, c := range candidates {
			fixed := append(append([]string{}, lines[:k-1]...), c.fixed)
			if parses(fixed) {
				return syntaxHint{pos: Pos{k, c.col}, msg: c.msg}, true
			}
		}
	}
	return syntaxHint{}, false
}

func parses(lines []string) bool {
	var n yaml.Node
	return yaml.Unmarshal([]byte(strings.Join(lines, "\n")), &n) == nil
}

// versionDirective explains `%YAML 1.2`, which yaml.v3 rejects as an
// "incompatible YAML document": it reads YAML 1.1.
func versionDirective(lines []string) (syntaxHint, bool) {
	for i, l := range lines {
		t := strings.TrimSpace(strings.TrimSuffix(l, "\r"))
		if t == "---" || (t != "" && !strings.HasPrefix(t, "%") && !strings.HasPrefix(t, "#")) {
			return syntaxHint{}, false
		}
		if strings.HasPrefix(t, "%YAML") && t != "%YAML 1.1" {
			return syntaxHint{pos: Pos{i + 1, 1}, msg: fmt.Sprintf("journeymap reads YAML 1.1 files; delete the %q line (a journey reads the same without it)", t)}, true
		}
	}
	return syntaxHint{}, false
}

type candidate struct {
	col   int
	fixed string // the line, repaired
	msg   string
}

// lineCandidates lists the mistakes that line might hold, each with its
// repair, most specific first.
func lineCandidates(line string) []candidate {
	line = strings.TrimSuffix(line, "\r")
	var out []candidate
	indent := len(line) - len(strings.TrimLeft(line, " \t"))
	if i := strings.IndexByte(line[:indent], '\t'); i >= 0 {
		out = append(out, candidate{
			col:   i + 1,
			fixed: strings.ReplaceAll(line[:indent], "\t", "  ") + line[indent:],
			msg:   "tab in indentation; YAML indents with spaces only",
		})
	}
	body := indent
	if strings.HasPrefix(line[body:], "- ") {
		body += 2
		body += len(line[body:]) - len(strings.TrimLeft(line[body:], " "))
		if c, ok := indicatorValue(line, body, "- "); ok {
			out = append(out, c)
		}
	}
	for _, m := range keyValue().FindAllStringSubmatchIndex(line[body:], -1) {
		key := line[body+m[2] : body+m[3]]
		if c, ok := indicatorValue(line, body+m[4], key+": "); ok {
			out = append(out, c)
		}
	}
	if m := noSpaceAfterColon().FindStringSubmatchIndex(line[body:]); m != nil && !strings.Contains(line[body:], ": ") {
		at := body + m[3] + 1 // just after the colon
		out = append(out, candidate{
			col:   at + 1,
			fixed: line[:at] + " " + line[at:],
			msg:   fmt.Sprintf("missing space after the colon; write %s", strings.TrimSpace(line[body:at]+" "+line[at:])),
		})
	}
	return out
}

// indicatorValue is a value starting at byte at of line with a character
// that YAML reads as syntax (`@`, a backquote, `>`, `|`, `%`, or a bracket
// followed by more text), which the author meant as text.
func indicatorValue(line string, at int, lead string) (candidate, bool) {
	rest := line[at:]
	if rest == "" {
		return candidate{}, false
	}
	end := len(line)
	inFlow := strings.Contains(line[:at], "{")
	if inFlow {
		if i := strings.IndexAny(rest, ",}"); i >= 0 {
			end = at + i
		}
	}
	value := strings.TrimRight(line[at:end], " ")
	var why string
	switch c := rest[0]; c {
	case '@', '`', '%':
		why = fmt.Sprintf("a value cannot start with %q unless it is quoted", string(c))
	case '>', '|':
		switch {
		case inFlow:
			why = fmt.Sprintf("a value cannot start with %q unless it is quoted", string(c))
		case blockHeader().MatchString(value):
			return candidate{}, false // a real block scalar
		default:
			why = fmt.Sprintf("a value that starts with %q reads as a block of text", string(c))
		}
	case '[', '{':
		i := matchingBracket(value)
		if i < 0 || strings.TrimSpace(value[i+1:]) == "" || strings.HasPrefix(strings.TrimSpace(value[i+1:]), "#") {
			return candidate{}, false // a real flow collection
		}
		why = fmt.Sprintf("a value that starts with %q reads as a list or mapping", string(c))
	default:
		return candidate{}, false
	}
	quoted := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value) + `"`
	return candidate{
		col:   at + 1,
		fixed: line[:at] + quoted + line[at+len(value):],
		msg:   fmt.Sprintf("%s; write %s%s", why, lead, clip(quoted)),
	}, true
}

// matchingBracket is the index of the bracket that closes the one value
// starts with, or -1.
func matchingBracket(value string) int {
	depth := 0
	for i, c := range value {
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

var unknownAnchor = lazyre.New(`^unknown anchor '(.+)' referenced$`)

// explainSyntax rewrites a syntax finding when a hint explains it better.
func explainSyntax(src []byte, p Pos, msg string) (Pos, string) {
	src = bytes.TrimPrefix(src, utf8BOM)
	if m := unknownAnchor().FindStringSubmatch(msg); m != nil {
		// yaml.v3 gives no line for this one; point at the alias.
		if at, ok := findAlias(src, m[1]); ok {
			return at, fmt.Sprintf("alias *%s names no anchor &%s before it; define the anchor first, or fix the name", m[1], m[1])
		}
		return p, msg
	}
	if strings.HasPrefix(msg, "exceeded max depth") {
		return p, msg
	}
	h, ok := diagnoseSyntax(src, p.Line)
	if !ok {
		return p, msg
	}
	return h.pos, h.msg
}

// findAlias is where `*name` first appears outside a comment.
func findAlias(src []byte, name string) (Pos, bool) {
	re := regexp.MustCompile(`(^|[\s\[{,:-])\*` + regexp.QuoteMeta(name) + `($|[\s\]},])`)
	for i, l := range strings.Split(string(src), "\n") {
		if c := strings.IndexByte(l, '#'); c >= 0 && !strings.ContainsAny(l[:c], `"'`) {
			l = l[:c]
		}
		if m := re.FindStringSubmatchIndex(l); m != nil {
			return Pos{i + 1, m[3] + 1}, true
		}
	}
	return Pos{}, false
}
