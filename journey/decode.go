package journey

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/journeymap/journeymap/internal/lazyre"
)

// decoder walks yaml.Node trees and collects validation findings. It keeps
// going after a problem so that one run reports everything wrong in a file.
type decoder struct {
	file     string
	src      *Source // the file being decoded; nil when resolving
	findings []Finding
	// keyOf maps a value that does not start on its key's line (a block
	// list or mapping below the key, or an alias to one elsewhere) to its
	// key, so a wrong-type finding points at the key the user wrote.
	keyOf map[*yaml.Node]*yaml.Node
	// work counts the keys and list entries walked; budget bounds it. A
	// file walks each of its nodes about once, but aliases let a small
	// file name the same list again and again (a "billion laughs"), so
	// the budget is a multiple of the file's own size.
	work, budget int
	exhausted    bool
	// reportedKeys are keys whose value already got a finding (a wrong
	// type, say), so that require does not also call them missing.
	reportedKeys map[Pos]bool
	// subject is what findings reported now are about: the element being
	// decoded or resolved. Empty means SubjectFile.
	subject Subject
	// merged counts the entries merge keys have copied in this file. Merges
	// can refer to merges, so without a bound a small file could expand
	// exponentially (a "billion laughs" through `<<`).
	merged int
}

// knownKeys is every object's keys from the field table, built once per
// process rather than once per file, and only read after that.
var knownKeys = sync.OnceValue(func() map[Object][]string {
	m := map[Object][]string{}
	for _, o := range Objects() {
		m[o] = FieldKeys(o)
	}
	return m
})

// maxMerged bounds the entries merge keys may copy in one file.
const maxMerged = 10000

func (d *decoder) errorf(p Pos, rule, format string, args ...any) {
	subject := d.subject
	if subject == "" {
		subject = SubjectFile
	}
	d.findings = append(d.findings, Finding{
		File: d.file, Line: p.Line, Column: p.Col, Rule: rule,
		Severity: Error, Message: fmt.Sprintf(format, args...), Subject: subject,
	})
}

// about makes s the subject of the findings reported until the returned
// function restores the one before: `defer d.about(t.Subject())()`.
func (d *decoder) about(s Subject) (restore func()) {
	before := d.subject
	d.subject = s
	return func() { d.subject = before }
}

// aboutElement is about for an element being decoded, whose id may not be
// read yet: it looks for the mapping's `id` key first. Without an id the
// subject stays the enclosing element's.
func (d *decoder) aboutElement(kind string, m *yaml.Node) (restore func()) {
	if id := idOf(m); id != "" {
		return d.about(subjectOf(kind, id))
	}
	return d.about(d.subject)
}

// idOf is the scalar value of a mapping's `id` key, or "".
func idOf(m *yaml.Node) string {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		if k.Kind == yaml.ScalarNode && k.Value == "id" && v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			return v.Value
		}
	}
	return ""
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// where is the position to report a value of the wrong type at: the value
// itself when it starts on its key's line, else the key.
func (d *decoder) where(v *yaml.Node) Pos {
	if k, ok := d.keyOf[v]; ok {
		return pos(k)
	}
	return pos(v)
}

// deref follows aliases. Anchors cannot refer to themselves in YAML, so this ends.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func kindName(n *yaml.Node) string {
	n = deref(n)
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Tag == "!!null":
		return "null"
	case n.Tag == "!!int":
		return "a whole number"
	case n.Tag == "!!float":
		return "a decimal number"
	case n.Tag == "!!bool":
		return "a boolean"
	default:
		return "a string"
	}
}

// spend accounts for walking n nodes, and says whether the file's budget
// allows it; the first time it does not, it reports the file once.
func (d *decoder) spend(n int, at *yaml.Node) bool {
	if d.budget == 0 {
		return true // not set: a decoder for a fragment, not a file
	}
	d.work += n
	if d.work <= d.budget {
		return true
	}
	if !d.exhausted {
		d.exhausted = true
		d.errorf(pos(at), RuleSyntax, "aliases expand this file to more than %d entries; is this an alias bomb?", d.budget)
	}
	return false
}

// countNodes counts a tree's nodes without following aliases.
func countNodes(n *yaml.Node, depth int) int {
	if n == nil || depth > 10000 {
		return 0
	}
	c := 1
	for _, k := range n.Content {
		c += countNodes(k, depth+1)
	}
	return c
}

// pair is one key and value of a mapping, after merge keys are applied.
type pair struct {
	key   *yaml.Node
	value *yaml.Node
	// merge is the `<<` key a merged entry came through, so the entry can be
	// placed in this mapping rather than at the anchor it was copied from.
	merge *yaml.Node
}

const maxMergeDepth = 16

// pairs lists a mapping's entries, applying `<<` merge keys: explicit keys
// win over merged ones, and earlier merges over later ones. Repeated explicit
// keys are reported as syntax errors.
func (d *decoder) pairs(m *yaml.Node) []pair {
	out := make([]pair, 0, len(m.Content)/2)
	// seen finds a key already in out. Most mappings hold a handful of
	// keys, which a scan of out finds faster than a map costs to build;
	// the map is kept for large ones, whose scans would add up.
	var index map[string]*yaml.Node
	if len(m.Content) > 2*maxScannedKeys {
		index = map[string]*yaml.Node{}
	}
	seen := func(key string) (*yaml.Node, bool) {
		if index != nil {
			k, ok := index[key]
			return k, ok
		}
		for _, p := range out {
			if p.key.Value == key {
				return p.key, true
			}
		}
		return nil, false
	}
	add := func(p pair) {
		if index != nil {
			index[p.key.Value] = p.key
		}
		out = append(out, p)
	}
	var merged []pair
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			from := d.mergeSource(v, 0)
			for i := range from {
				from[i].merge = k
			}
			merged = append(merged, from...)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(pos(k), RuleType, "a key must be a plain string, not %s", kindName(k))
			continue
		}
		if first, dup := seen(k.Value); dup {
			d.errorf(pos(k), RuleSyntax, "key %q is repeated; it was first given at line %d", k.Value, first.Line)
			continue
		}
		add(pair{key: k, value: v})
	}
	if len(merged) > 0 && index == nil && len(out)+len(merged) > maxScannedKeys {
		index = map[string]*yaml.Node{}
		for _, p := range out {
			index[p.key.Value] = p.key
		}
	}
	for _, p := range merged {
		if _, ok := seen(p.key.Value); ok {
			continue
		}
		add(p)
	}
	return out
}

// maxScannedKeys is the most keys pairs looks through one by one.
const maxScannedKeys = 16

// mergeSource reads the value of a `<<` key: a mapping, or a list of
// mappings merged in order.
func (d *decoder) mergeSource(v *yaml.Node, depth int) []pair {
	src := deref(v)
	switch {
	case depth > maxMergeDepth:
		d.errorf(pos(v), RuleSyntax, "merge keys nest too deeply")
		return nil
	case src != nil && src.Kind == yaml.MappingNode:
		return d.mergeMapping(src, v, depth)
	case src != nil && src.Kind == yaml.SequenceNode:
		var out []pair
		for _, e := range src.Content {
			m := deref(e)
			if m == nil || m.Kind != yaml.MappingNode {
				d.errorf(pos(e), RuleType, "a merge key `<<` list must hold mappings, not %s", kindName(e))
				continue
			}
			out = append(out, d.mergeMapping(m, e, depth)...)
		}
		return out
	}
	d.errorf(pos(v), RuleType, "a merge key `<<` takes a mapping or a list of mappings, not %s", kindName(v))
	return nil
}

// mergeMapping lists the entries a merged mapping contributes, its own
// merge keys included, within the file's merge budget.
func (d *decoder) mergeMapping(m, at *yaml.Node, depth int) []pair {
	var out []pair
	for i := 0; i+1 < len(m.Content); i += 2 {
		if d.merged >= maxMerged {
			if d.merged == maxMerged {
				d.errorf(pos(at), RuleSyntax, "merge keys (`<<`) expand to more than %d entries; is this an alias bomb?", maxMerged)
				d.merged++
			}
			return out
		}
		k := m.Content[i]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			out = append(out, d.mergeSource(m.Content[i+1], depth+1)...)
			continue
		}
		d.merged++
		out = append(out, pair{key: k, value: m.Content[i+1]})
	}
	return out
}

// fields walks a mapping of the keys the field table lists for obj. It
// calls set for each known key with a non-null value, reports unknown keys
// (ignoring x- extensions), and returns where each key was written, null
// values included.
func (d *decoder) fields(n *yaml.Node, what string, obj Object, set func(key string, k, v *yaml.Node)) (Keys, bool) {
	known := knownKeys()[obj]
	if known == nil {
		known = FieldKeys(obj)
	}
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.errorf(d.where(n), RuleType, "%s must be a mapping of keys, not %s", what, kindName(n))
		return Keys{}, false
	}
	ps := d.pairs(n)
	// Sized for its keys: a touchpoint's map would otherwise grow as it
	// fills, for every touchpoint of every journey in a corpus.
	keys := make(Keys, len(ps))
	if !d.spend(len(ps), n) {
		return keys, false
	}
	for _, p := range ps {
		name := p.key.Value
		if strings.HasPrefix(name, "x-") {
			continue
		}
		if !contains(known, name) {
			msg := fmt.Sprintf("unexpected key %q for %s", name, what)
			if s := Suggest(name, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
				keys[misspelt+s] = pos(p.key)
			}
			d.errorf(pos(p.key), RuleUnknownKey, "%s (expected one of %s)", msg, strings.Join(known, ", "))
			continue
		}
		keys[name] = pos(p.key)
		if p.merge != nil {
			keys[name] = pos(p.merge)
		}
		if isNull(p.value) {
			continue
		}
		v := deref(p.value)
		if p.merge == nil && (p.value.Kind == yaml.AliasNode || v.Line != p.key.Line) {
			if d.keyOf == nil {
				d.keyOf = map[*yaml.Node]*yaml.Node{}
			}
			d.keyOf[v] = p.key
		}
		before := len(d.findings)
		set(name, p.key, v)
		if len(d.findings) > before {
			if d.reportedKeys == nil {
				d.reportedKeys = map[Pos]bool{}
			}
			d.reportedKeys[keys[name]] = true
		}
	}
	return keys, true
}

// misspelt prefixes a Keys entry recording that an unknown key looked like
// a misspelling of a known one, so the known key is not also reported missing.
const misspelt = "?"

// require reports keys that are missing (or null) from a mapping. A key
// whose value was already reported (wrong type) or that was misspelt is not
// reported again.
func (d *decoder) require(keys Keys, present func(string) bool, at Pos, what string, names ...string) {
	for _, name := range names {
		if present(name) {
			continue
		}
		if _, ok := keys[misspelt+name]; ok {
			continue
		}
		if p, ok := keys[name]; ok {
			if !d.reportedKeys[p] {
				d.errorf(p, RuleRequired, "%s needs a value for %q", what, name)
			}
		} else {
			d.errorf(at, RuleRequired, "%s is missing required key %q", what, name)
		}
	}
}

// text reads a scalar as text. Numbers and booleans are taken as written.
func (d *decoder) text(v *yaml.Node, what string) Text {
	if v.Kind != yaml.ScalarNode {
		d.errorf(d.where(v), RuleType, "%s must be a string, not %s", what, kindName(v))
		return Text{}
	}
	if strings.HasSuffix(what, "id") { // ids have their own, shorter limit
		d.checkIDText(v.Value, pos(v), what)
	} else {
		d.checkLength(v, what)
	}
	return Text{Value: v.Value, Pos: pos(v), Set: true}
}

// enum reads a scalar that must be one of allowed.
func (d *decoder) enum(v *yaml.Node, what string, allowed []string) Text {
	t := d.text(v, what)
	if t.Set && !contains(allowed, t.Value) {
		msg := fmt.Sprintf("%s %q is not one of %s", what, t.Value, strings.Join(allowed, ", "))
		if s := Suggest(t.Value, allowed); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		d.errorf(t.Pos, RuleRange, "%s", msg)
		return Text{}
	}
	return t
}

// integer reads a whole number.
func (d *decoder) integer(v *yaml.Node, what string) (int, bool) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" && wholeNumber().MatchString(v.Value) {
		// yaml.v3 tags a whole number too large for int64 as a float.
		d.errorf(pos(v), RuleRange, "%s %s is out of range", what, clip(v.Value))
		return 0, false
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		d.errorf(d.where(v), RuleType, "%s must be a whole number, not %s", what, describe(v))
		return 0, false
	}
	i, err := strconv.ParseInt(v.Value, 0, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		// An explicit tag on text that is no number: `!!int abc`.
		d.errorf(pos(v), RuleType, "%s must be a whole number, not %q (a !!int tag does not make text a number)", what, clip(v.Value))
		return 0, false
	}
	if err != nil || i > 1<<31 || i < -(1<<31) {
		d.errorf(pos(v), RuleRange, "%s %s is out of range", what, clip(v.Value))
		return 0, false
	}
	return int(i), true
}

// wholeNumber is a decimal integer literal, whatever its size.
var wholeNumber = lazyre.New(`^[-+]?[0-9][0-9_]*$`)

// clip shortens a value quoted in a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// describe names a value for a message: its kind, and the value if short.
func describe(v *yaml.Node) string {
	v = deref(v)
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" && len(v.Value) <= 40 {
		return fmt.Sprintf("%s (%q)", kindName(v), v.Value)
	}
	return kindName(v)
}

// list reads a sequence, calling each for every element.
func (d *decoder) list(v *yaml.Node, what string, each func(e *yaml.Node)) bool {
	if v.Kind != yaml.SequenceNode {
		d.errorf(d.where(v), RuleType, "%s must be a list, not %s", what, kindName(v))
		return false
	}
	if !d.spend(len(v.Content), v) {
		return false
	}
	k, aliased := d.keyOf[v]
	for _, e := range v.Content {
		e = deref(e)
		if aliased && v.Line < k.Line {
			// The list was written elsewhere (an alias): point at the key
			// that uses it, not at the anchor.
			d.keyOf[e] = k
		}
		each(e)
	}
	return true
}

// texts reads a list of ids.
func (d *decoder) texts(v *yaml.Node, what string) []Text {
	var out []Text
	d.list(v, what, func(e *yaml.Node) {
		if isNull(e) {
			d.errorf(pos(e), RuleType, "%s must list ids, not null", what)
			return
		}
		if t := d.text(e, what+" entry"); t.Set {
			out = append(out, t)
		}
	})
	return out
}

// items reads a list whose entries are strings or {text, owner}.
func (d *decoder) items(v *yaml.Node, what string) []Item {
	out := []Item{}
	d.list(v, what, func(e *yaml.Node) {
		switch {
		case isNull(e):
			d.errorf(pos(e), RuleType, "%s entry must be a string or {text, owner}, not null", what)
		case e.Kind == yaml.ScalarNode:
			d.checkLength(e, what+" entry")
			out = append(out, Item{Text: e.Value, Pos: pos(e)})
		case e.Kind == yaml.MappingNode:
			it := Item{Pos: pos(e)}
			keys, _ := d.fields(e, what+" entry", ObjItem, func(key string, k, v *yaml.Node) {
				t := d.text(v, key)
				switch key {
				case "text":
					it.Text = t.Value
				case "owner":
					it.Owner = t
				}
			})
			d.require(keys, func(string) bool { return it.Text != "" }, it.Pos, what+" entry", "text")
			out = append(out, it)
		default:
			d.errorf(pos(e), RuleType, "%s entry must be a string or {text, owner}, not %s", what, kindName(e))
		}
	})
	return out
}

// idMap walks the mapping under key from ids to definitions of what, in
// document order.
func (d *decoder) idMap(v *yaml.Node, key, what string, each func(id Text, def *yaml.Node)) {
	if v.Kind != yaml.MappingNode {
		d.errorf(d.where(v), RuleType, "%s must be a mapping from %s id to definition, not %s", key, what, kindName(v))
		return
	}
	kind := definitionKind(what) // "" for owners, personas, rule settings
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			d.errorf(pos(k), RuleType, "%s ids must be plain strings", what)
			continue
		}
		restore := d.about(d.subject)
		if kind != "" {
			d.subject = subjectOf(kind, k.Value)
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(pos(k), RuleDuplicate, "%s id %q is already defined at line %d", what, k.Value, first)
		} else {
			seen[k.Value] = k.Line
			d.checkIDText(k.Value, pos(k), what+" id")
			each(Text{Value: k.Value, Pos: pos(k), Set: true}, val)
		}
		restore()
	}
}

// definitionKind is the subject kind of the definitions an idMap holds.
func definitionKind(what string) string {
	switch what {
	case "channel":
		return KindChannel
	case "metric":
		return KindMetric
	case "listening post":
		return KindListening
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest returns the candidate closest to s, if it is close enough to be a
// typo, for "did you mean" hints; "" when none is. Ties go to the
// candidate that sorts first. Long strings and huge candidate lists get no
// suggestion, so a large file full of mistakes stays fast.
func Suggest(s string, candidates []string) string {
	if len(s) > 64 || len(candidates) > 5000 {
		return ""
	}
	best, bestDist := "", len(s)/3+2
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if diff := len(c) - len(s); diff >= bestDist || -diff >= bestDist || len(c) > 64 {
			continue // the lengths alone rule it out
		}
		d := editDistance(ls, strings.ToLower(c))
		if d < bestDist || d == bestDist && best != "" && c < best {
			best, bestDist = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
