package render

import (
	"image/color"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"
)

// x11Overrides are X11 colours (Graphviz's default scheme) whose values differ
// from the SVG/CSS colour of the same name, plus names only X11 has.
var x11Overrides = map[string]color.NRGBA{
	"gray":           {0xbe, 0xbe, 0xbe, 0xff},
	"grey":           {0xbe, 0xbe, 0xbe, 0xff},
	"green":          {0x00, 0xff, 0x00, 0xff},
	"maroon":         {0xb0, 0x30, 0x60, 0xff},
	"purple":         {0xa0, 0x20, 0xf0, 0xff},
	"lightgoldenrod": {0xee, 0xdd, 0x82, 0xff},
	"navyblue":       {0x00, 0x00, 0x80, 0xff},
	"violetred":      {0xd0, 0x20, 0x90, 0xff},
}

// parseColor parses a colour as Graphviz writes it in xdot output (almost
// always "#rrggbb" or "#rrggbbaa"), falling back to X11/SVG colour names,
// "grayN"/"greyN", HSV triples and "none"/"transparent".
func parseColor(s string) (color.NRGBA, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return color.NRGBA{}, false
	}
	if s[0] == '#' {
		return parseHexColor(s[1:])
	}
	if c, ok := parseHSV(s); ok {
		return c, true
	}
	name := strings.ToLower(s)
	if i := strings.LastIndexByte(name, '/'); i >= 0 { // "/scheme/name"
		name = name[i+1:]
	}
	name = strings.ReplaceAll(name, " ", "")
	switch name {
	case "none", "transparent", "invis":
		return color.NRGBA{0xff, 0xff, 0xfe, 0}, true
	}
	if c, ok := x11Overrides[name]; ok {
		return c, true
	}
	if c, ok := colornames.Map[name]; ok {
		return color.NRGBA{c.R, c.G, c.B, c.A}, true
	}
	for _, p := range []string{"gray", "grey"} {
		if rest, ok := strings.CutPrefix(name, p); ok {
			if n, err := strconv.Atoi(rest); err == nil && n >= 0 && n <= 100 {
				v := uint8((n*255 + 50) / 100)
				return color.NRGBA{v, v, v, 0xff}, true
			}
		}
	}
	// X11 numbered variants ("lightblue2"): use the base colour.
	if base := strings.TrimRight(name, "0123456789"); base != name {
		if c, ok := colornames.Map[base]; ok {
			return color.NRGBA{c.R, c.G, c.B, c.A}, true
		}
	}
	return color.NRGBA{}, false
}

func parseHexColor(h string) (color.NRGBA, bool) {
	hex := func(s string) (uint8, bool) {
		v, err := strconv.ParseUint(s, 16, 8)
		return uint8(v), err == nil
	}
	var c color.NRGBA
	var ok1, ok2, ok3, ok4 = true, true, true, true
	switch len(h) {
	case 3, 4:
		c.R, ok1 = hex(strings.Repeat(h[0:1], 2))
		c.G, ok2 = hex(strings.Repeat(h[1:2], 2))
		c.B, ok3 = hex(strings.Repeat(h[2:3], 2))
		c.A = 0xff
		if len(h) == 4 {
			c.A, ok4 = hex(strings.Repeat(h[3:4], 2))
		}
	case 6, 8:
		c.R, ok1 = hex(h[0:2])
		c.G, ok2 = hex(h[2:4])
		c.B, ok3 = hex(h[4:6])
		c.A = 0xff
		if len(h) == 8 {
			c.A, ok4 = hex(h[6:8])
		}
	default:
		return c, false
	}
	return c, ok1 && ok2 && ok3 && ok4
}

// parseHSV parses Graphviz "H,S,V" or "H S V" (each 0..1).
func parseHSV(s string) (color.NRGBA, bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
	if len(f) != 3 {
		return color.NRGBA{}, false
	}
	var v [3]float64
	for i, p := range f {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || x < 0 || x > 1 {
			return color.NRGBA{}, false
		}
		v[i] = x
	}
	h, sat, val := v[0]*6, v[1], v[2]
	if h >= 6 {
		h = 0
	}
	i := int(h)
	fr := h - float64(i)
	p, q, t := val*(1-sat), val*(1-sat*fr), val*(1-sat*(1-fr))
	var r, g, b float64
	switch i {
	case 0:
		r, g, b = val, t, p
	case 1:
		r, g, b = q, val, p
	case 2:
		r, g, b = p, val, t
	case 3:
		r, g, b = p, q, val
	case 4:
		r, g, b = t, p, val
	default:
		r, g, b = val, p, q
	}
	to8 := func(x float64) uint8 { return uint8(x*255 + 0.5) }
	return color.NRGBA{to8(r), to8(g), to8(b), 0xff}, true
}
