package canon

import (
	"sort"
	"strings"

	"github.com/journeymap/journeymap/journey"
	"gopkg.in/yaml.v3"
)

// role is what a node is in the format, which decides the order of its
// keys and what its children are.
type role struct {
	kind roleKind
	obj  journey.Object
	tab  *table
}

// table caches the field table's answers for one run of Format.
type table struct {
	fields map[journey.Object][]journey.Field
}

func newTable() *table { return &table{fields: map[journey.Object][]journey.Field{}} }

func (t *table) of(o journey.Object) []journey.Field {
	fs, ok := t.fields[o]
	if !ok {
		fs = journey.Fields(o)
		t.fields[o] = fs
	}
	return fs
}

type roleKind int

const (
	free      roleKind = iota // not in the format (an x- key's value): order kept
	fields                    // a mapping of obj's keys, in the field table's order
	listOf                    // a sequence of obj mappings
	catalogue                 // a mapping from ids to obj definitions, order kept
	items                     // a text list whose entries may be obj mappings
	rules                     // lint rule settings: rule id -> setting, order kept
	setting                   // one rule's setting: severity first, then parameters
)

func (t *table) roleOf(f journey.Field) role {
	switch f.Shape {
	case journey.ShapeObject, journey.ShapeEmotion, journey.ShapePersona:
		return role{fields, f.Object, t}
	case journey.ShapeList:
		return role{listOf, f.Object, t}
	case journey.ShapeCatalogue:
		return role{catalogue, f.Object, t}
	case journey.ShapeItems:
		return role{items, f.Object, t}
	case journey.ShapeRuleSettings:
		return role{kind: rules, tab: t}
	}
	return role{tab: t}
}

// child is the role of the value under key in a mapping of this role.
func (r role) child(key string) role {
	switch r.kind {
	case fields:
		for _, f := range r.tab.of(r.obj) {
			if f.Key == key {
				return r.tab.roleOf(f)
			}
		}
	case catalogue:
		return role{fields, r.obj, r.tab}
	case rules:
		return role{kind: setting, tab: r.tab}
	}
	return role{tab: r.tab}
}

// item is the role of an entry of a sequence of this role.
func (r role) item() role {
	if r.kind == listOf || r.kind == items {
		return role{fields, r.obj, r.tab}
	}
	return role{tab: r.tab}
}

// rank places a key in its mapping: a merge key first, then the known keys
// in table order, then the rest (x- keys, unknown keys) in their order.
func (r role) rank(k *yaml.Node) int {
	if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
		return -1
	}
	switch r.kind {
	case fields:
		for i, f := range r.tab.of(r.obj) {
			if k.Value == f.Key {
				return i
			}
		}
		return 1000
	case setting:
		if k.Value == "severity" {
			return 0
		}
		return 1
	}
	return 0
}

// order lists the entry indexes of mapping m in output order. YAML needs an
// anchor before its aliases, so an entry that uses an anchor defined by a
// sibling waits for it, whatever its rank.
func order(m *yaml.Node, r role) []int {
	n := len(m.Content) / 2
	ranks := make([]int, n)
	defs := make([]map[string]bool, n)
	uses := make([]map[string]bool, n)
	for i := 0; i < n; i++ {
		ranks[i] = r.rank(m.Content[2*i])
		defs[i], uses[i] = map[string]bool{}, map[string]bool{}
		anchors(m.Content[2*i], defs[i], uses[i], 0)
		anchors(m.Content[2*i+1], defs[i], uses[i], 0)
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ranks[idx[a]] < ranks[idx[b]] })
	placed := make([]bool, n)
	out := make([]int, 0, n)
	for len(out) < n {
		pick := -1
		for _, i := range idx {
			if placed[i] || waits(i, uses, defs, placed) {
				continue
			}
			pick = i
			break
		}
		if pick < 0 { // cannot happen in a document that parsed; keep the author's order
			out = out[:0]
			for i := 0; i < n; i++ {
				out = append(out, i)
			}
			return out
		}
		placed[pick] = true
		out = append(out, pick)
	}
	return keepSuppressionInPlace(m, out, uses, defs)
}

// keepSuppressionInPlace keeps the author's first key first when the key
// that would take its place carries an ignore comment above it. Moved to the
// head of a list item, the comment would sit above the item's "- " and so
// cover the whole item (SPEC §5), silencing more than the author did; YAML
// has no place for a comment between "- " and the first key.
func keepSuppressionInPlace(m *yaml.Node, out []int, uses, defs []map[string]bool) []int {
	if len(out) < 2 || out[0] == 0 {
		return out
	}
	if !strings.Contains(m.Content[2*out[0]].HeadComment, "journeymap:ignore") {
		return out
	}
	if waits(0, uses, defs, make([]bool, len(out))) {
		return out // the first key needs an anchor a later one defines
	}
	kept := []int{0}
	for _, i := range out {
		if i != 0 {
			kept = append(kept, i)
		}
	}
	return kept
}

// waits says whether entry i uses an anchor that a sibling not yet placed defines.
func waits(i int, uses, defs []map[string]bool, placed []bool) bool {
	for a := range uses[i] {
		if defs[i][a] {
			continue
		}
		for j := range defs {
			if j != i && !placed[j] && defs[j][a] {
				return true
			}
		}
	}
	return false
}

// anchors collects the anchors a subtree defines and the aliases it uses.
func anchors(n *yaml.Node, defs, uses map[string]bool, depth int) {
	if n == nil || depth > 10000 {
		return
	}
	if n.Anchor != "" {
		defs[n.Anchor] = true
	}
	if n.Kind == yaml.AliasNode {
		uses[n.Value] = true
		return
	}
	for _, c := range n.Content {
		anchors(c, defs, uses, depth+1)
	}
}
