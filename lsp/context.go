package lsp

import (
	"strings"

	"github.com/journeymap/journeymap/internal/lazyre"
	"github.com/journeymap/journeymap/journey"
)

// A cursor context says where in the format the cursor is, read from the
// text's indentation rather than from a parse: while a designer types, the
// document is usually not valid YAML.
type cursorContext struct {
	// Object is the mapping the cursor is in ("" when unknown).
	Object journey.Object
	// Key is the key whose value the cursor is in, or "" at a key position.
	Key string
	// Item is true when the cursor is on an entry of Key's list.
	Item bool
	// Partial is the word typed so far.
	Partial string
	// Present are the keys the mapping already has.
	Present map[string]bool
}

var (
	keyLine    = lazyre.New(`^(\s*)(- +)?([A-Za-z_][\w-]*|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$`)
	itemLine   = lazyre.New(`^(\s*)- *(.*)$`)
	typingKey  = lazyre.New(`^(\s*)(- +)?([A-Za-z_][\w-]*)?$`)
	flowListOf = lazyre.New(`^(\s*)(- +)?([A-Za-z_][\w-]*)\s*:\s*\[([^\]]*)$`)
)

// frame is an ancestor of the cursor: a key, and whether the path passes
// through an entry of its list.
type frame struct {
	key  string
	item bool
}

// contextAt finds the cursor context at byte column col of line n.
func contextAt(text string, n, col int, root journey.Object) cursorContext {
	lines := strings.Split(text, "\n")
	if n >= len(lines) {
		return cursorContext{}
	}
	line := strings.TrimSuffix(lines[n], "\r")
	if col > len(line) {
		col = len(line)
	}
	before := line[:col]
	ctx := cursorContext{Present: map[string]bool{}}

	var indent int // the indentation of the mapping the cursor is in
	switch {
	case flowListOf().MatchString(before):
		m := flowListOf().FindStringSubmatch(before)
		indent = len(m[1]) + len(m[2])
		ctx.Key, ctx.Item = m[3], true
		parts := strings.Split(m[4], ",")
		ctx.Partial = strings.TrimSpace(parts[len(parts)-1])
	case keyLine().MatchString(before):
		m := keyLine().FindStringSubmatch(before)
		indent = len(m[1]) + len(m[2])
		ctx.Key = strings.Trim(m[3], `"'`)
		ctx.Partial = strings.TrimSpace(m[4])
	case typingKey().MatchString(before):
		m := typingKey().FindStringSubmatch(before)
		indent = len(m[1]) + len(m[2])
		ctx.Partial = m[3]
		// "- " alone on a line under a list of ids is an entry of it.
		if m[2] != "" {
			if parent, ok := parentKey(lines, n, len(m[1])); ok && !objectList(parent) {
				ctx.Key, ctx.Item = parent, true
				indent = len(m[1])
			}
		}
	default:
		return cursorContext{}
	}
	if ctx.Item && ctx.Key != "" && !strings.Contains(before, "[") {
		// An entry of a block list: the list's key is the parent.
		frames := ancestors(lines, n, indent)
		ctx.Object = resolve(root, frames)
		return ctx
	}
	frames := ancestors(lines, n, indent)
	ctx.Object = resolve(root, frames)
	for _, k := range siblingKeys(lines, n, indent) {
		ctx.Present[k] = true
	}
	return ctx
}

// objectList says whether a key's list holds mappings rather than ids.
func objectList(key string) bool {
	return key == "stages" || key == "touchpoints" || key == "overrides" || key == "custom"
}

// parentKey is the key of the nearest line above n that is less indented
// than indent.
func parentKey(lines []string, n, indent int) (string, bool) {
	for i := n - 1; i >= 0; i-- {
		l := strings.TrimSuffix(lines[i], "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		ind := len(l) - len(strings.TrimLeft(l, " "))
		if ind < indent {
			if m := keyLine().FindStringSubmatch(l); m != nil {
				return strings.Trim(m[3], `"'`), true
			}
			return "", false
		}
	}
	return "", false
}

// ancestors lists, outermost first, the keys enclosing a mapping whose
// keys are at column indent on line n.
func ancestors(lines []string, n, indent int) []frame {
	var out []frame
	cur := indent
	inItem := false // the mapping at cur is an entry of a list
	for i := n - 1; i >= 0 && cur > 0; i-- {
		l := strings.TrimSuffix(lines[i], "\r")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		ind := len(l) - len(strings.TrimLeft(l, " "))
		dash := 0
		if m := itemLine().FindStringSubmatch(l); m != nil {
			dash = len(l) - ind - len(m[2]) // "- " and its spaces
		}
		content := ind + dash // where this line's key starts
		switch {
		case dash > 0 && content == cur:
			// A sibling that opens the list entry the cursor is in.
			inItem = true
			cur = ind
		case content < cur:
			m := keyLine().FindStringSubmatch(l)
			if m == nil {
				if dash > 0 {
					inItem = true
					cur = ind
				}
				continue
			}
			out = append(out, frame{key: strings.Trim(m[3], `"'`), item: inItem})
			inItem = dash > 0
			cur = ind
		}
	}
	// Reverse: outermost first.
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// siblingKeys lists the keys already written in the mapping at indent
// around line n.
func siblingKeys(lines []string, n, indent int) []string {
	var keys []string
	collect := func(i int) bool {
		l := strings.TrimSuffix(lines[i], "\r")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			return true
		}
		m := keyLine().FindStringSubmatch(l)
		ind := len(l) - len(strings.TrimLeft(l, " "))
		content := ind
		if m != nil {
			content = len(m[1]) + len(m[2])
		}
		if content < indent || (m != nil && m[2] != "" && content == indent && i != n) {
			return false // left the mapping, or reached the next list entry
		}
		if m != nil && content == indent {
			keys = append(keys, strings.Trim(m[3], `"'`))
		}
		return true
	}
	for i := n - 1; i >= 0; i-- {
		l := strings.TrimSuffix(lines[i], "\r")
		if !collect(i) {
			// The entry's own first line ("- id: x") belongs to it.
			if m := keyLine().FindStringSubmatch(l); m != nil && m[2] != "" && len(m[1])+len(m[2]) == indent {
				keys = append(keys, strings.Trim(m[3], `"'`))
			}
			break
		}
	}
	for i := n + 1; i < len(lines); i++ {
		if !collect(i) {
			break
		}
	}
	return keys
}

// resolve walks the field table along the frames from the root object.
func resolve(root journey.Object, frames []frame) journey.Object {
	obj := root
	catalogue := false // the previous key was a catalogue: this frame is an id
	var cataloguedObj journey.Object
	for _, f := range frames {
		if catalogue {
			obj, catalogue = cataloguedObj, false
			continue
		}
		field, ok := journey.FieldOf(obj, f.key)
		if !ok {
			return ""
		}
		switch field.Shape {
		case journey.ShapeCatalogue:
			catalogue, cataloguedObj = true, field.Object
			obj = ""
		case journey.ShapeObject, journey.ShapeList, journey.ShapeEmotion, journey.ShapePersona, journey.ShapeItems:
			obj = field.Object
		default:
			return ""
		}
	}
	if catalogue {
		return "" // at the ids of a catalogue: no fixed keys
	}
	return obj
}
