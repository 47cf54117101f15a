package render

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Graphviz -Tjson output (xdot 1.7 drawing operations). Only the fields the
// PNG painter needs are decoded.

type xdotGraph struct {
	xdotObject
	Pad         string       `json:"pad"`
	Size        string       `json:"size"`
	OutputOrder string       `json:"outputorder"`
	Rotate      string       `json:"rotate"`
	Landscape   string       `json:"landscape"`
	SubgraphCnt int          `json:"_subgraph_cnt"`
	Objects     []xdotObject `json:"objects"`
	Edges       []xdotEdge   `json:"edges"`
}

// xdotObject is the root graph, a subgraph or a node. Subgraphs come first in
// Objects (_subgraph_cnt of them); Subgraphs, Nodes and edge Tail/Head are
// indices into Objects.
type xdotObject struct {
	Name      string   `json:"name"`
	BB        string   `json:"bb"`
	BgColor   string   `json:"bgcolor"`
	Draw      []xdotOp `json:"_draw_"`
	LDraw     []xdotOp `json:"_ldraw_"`
	Subgraphs []int    `json:"subgraphs"`
}

type xdotEdge struct {
	Tail   int      `json:"tail"`
	Head   int      `json:"head"`
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

type xdotOp struct {
	Op string `json:"op"`
	// c, C
	Grad  string      `json:"grad"`
	Color string      `json:"color"`
	P0    []float64   `json:"p0"`
	P1    []float64   `json:"p1"`
	Stops []xdotStops `json:"stops"`
	// E, e: centre x, y and radii
	Rect []float64 `json:"rect"`
	// P, p, L, B, b
	Points [][]float64 `json:"points"`
	// T
	Pt    []float64 `json:"pt"`
	Align string    `json:"align"`
	Width float64   `json:"width"`
	Text  string    `json:"text"`
	// F
	Size float64 `json:"size"`
	Face string  `json:"face"`
	// S
	Style string `json:"style"`
	// t
	FontChar int `json:"fontchar"`
}

type xdotStops struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

func parseXdotJSON(data []byte) (*xdotGraph, error) {
	var g xdotGraph
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("render: reading graphviz json: %w", err)
	}
	return &g, nil
}

// parseBB parses "llx,lly,urx,ury".
func parseBB(s string) (llx, lly, urx, ury float64, ok bool) {
	f := parseFloats(s, ",")
	if len(f) != 4 {
		return 0, 0, 0, 0, false
	}
	return f[0], f[1], f[2], f[3], true
}

func parseFloats(s, sep string) []float64 {
	parts := strings.Split(s, sep)
	out := make([]float64, 0, len(parts))
	for _, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// parsePointPair parses a Graphviz "x,y" or "x" attribute (inches), as used
// by pad and size; a trailing '!' is reported separately.
func parsePointPair(s string) (x, y float64, bang, ok bool) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "!") {
		bang = true
		s = strings.TrimSpace(strings.TrimSuffix(s, "!"))
	}
	if s == "" {
		return 0, 0, false, false
	}
	f := parseFloats(s, ",")
	switch len(f) {
	case 1:
		return f[0], f[0], bang, true
	case 2:
		return f[0], f[1], bang, true
	}
	return 0, 0, false, false
}
