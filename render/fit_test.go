package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// svgBox is a node or cluster of an SVG: its outline's extent and its texts.
type svgBox struct {
	class, title string
	x0, x1       float64
	texts        []svgText
}

type svgText struct {
	x, size float64
	anchor  string
	bold    bool
	text    string
}

// svgBoxes reads the nodes and clusters of a Graphviz SVG.
func svgBoxes(t testing.TB, svg []byte) []*svgBox {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var boxes []*svgBox
	var cur *svgBox
	var txt *svgText
	inTitle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "g":
				if c := attr(el, "class"); c == "node" || c == "cluster" {
					cur = &svgBox{class: c, x0: math.Inf(1), x1: math.Inf(-1)}
					boxes = append(boxes, cur)
				} else if c == "edge" || c == "graph" {
					cur = nil
				}
			case "title":
				inTitle = true
			case "path", "polygon":
				if cur == nil || cur.x1 > cur.x0 {
					continue // only the outline: the first shape of the group
				}
				d := attr(el, "d") + attr(el, "points")
				nums := numberRe.FindAllString(d, -1)
				for i := 0; i+1 < len(nums); i += 2 {
					x, _ := strconv.ParseFloat(nums[i], 64)
					cur.x0, cur.x1 = math.Min(cur.x0, x), math.Max(cur.x1, x)
				}
			case "text":
				if cur == nil {
					continue
				}
				x, _ := strconv.ParseFloat(attr(el, "x"), 64)
				size, _ := strconv.ParseFloat(attr(el, "font-size"), 64)
				txt = &svgText{x: x, size: size, anchor: attr(el, "text-anchor"), bold: attr(el, "font-weight") == "bold"}
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "title":
				inTitle = false
			case "text":
				if txt != nil && cur != nil {
					cur.texts = append(cur.texts, *txt)
				}
				txt = nil
			}
		case xml.CharData:
			if inTitle && cur != nil {
				cur.title += string(el)
			}
			if txt != nil {
				txt.text += string(el)
			}
		}
	}
	return boxes
}

// TestTextFitsItsBox: in the SVG, every text of a touchpoint node or a
// stage measures (with the font the SVG names first, East Asian
// characters a full em) inside its box — for CJK text, long ids and URLs,
// which Graphviz's own estimate makes too narrow.
func TestTextFitsItsBox(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cjk.journey.yaml")
	writeFile(t, p, `version: 1
title: パスポートの更新 — renew a passport at https://example.gov/passport-renewal/online
channels: {web: {name: ウェブサイト, kind: digital}, office: {name: 区役所の窓口, kind: physical}}
stages:
  - id: apply
    name: 申請書をオンラインで提出する
    touchpoints:
      - {id: passport-renewal-online-application-form, name: オンライン申請フォームに必要事項を入力して送信する, channel: web, emotion: {score: -1, feeling: 不安}}
      - {id: upload, name: "Uploads the photo at https://example.gov/passport-renewal/online/upload?step=2", channel: web, emotion: 1}
  - id: collect
    name: 受け取り
    touchpoints:
      - {id: collect, name: 区役所の窓口で新しいパスポートを受け取る, channel: office, emotion: 2, handoff: {carries: [受付番号]}}
`)
	j := load(t, p)
	m := newMeasurer()
	for _, view := range Views() {
		svg := render(t, Options{View: view}, j)
		checked := 0
		for _, b := range svgBoxes(t, svg) {
			if b.x1 <= b.x0 {
				continue
			}
			for _, tx := range b.texts {
				w := m.width(tx.text, tx.size, tx.bold)
				var x0, x1 float64
				switch tx.anchor {
				case "middle":
					x0, x1 = tx.x-w/2, tx.x+w/2
				case "end":
					x0, x1 = tx.x-w, tx.x
				default:
					x0, x1 = tx.x, tx.x+w
				}
				checked++
				if x0 < b.x0-0.5 || x1 > b.x1+0.5 {
					t.Errorf("%s view: %q (%.0f pt wide) crosses its %s %q: %.1f..%.1f outside %.1f..%.1f", view, tx.text, w, b.class, strings.TrimSpace(b.title), x0, x1, b.x0, b.x1)
				}
			}
		}
		if checked < 5 && view != "emotion" { // its labels are outline-less plaintext nodes

			t.Errorf("%s view: only %d texts checked", view, checked)
		}
	}
}

// TestNoLeadingSpaceInSVGText: no <text> of the SVG starts with a plain
// space, which a browser drops (gluing "Persona" to "Busy parent").
func TestNoLeadingSpaceInSVGText(t *testing.T) {
	j := load(t, planUpgrade)
	for _, view := range Views() {
		if m := leadingSpace().Find(render(t, Options{View: view, Findings: []journey.Finding{{File: j.File, Line: 1, Rule: "r", Message: "m"}}}, j)); m != nil {
			t.Errorf("%s view: %s", view, m)
		}
	}
}

// TestHostileText: emoji, right-to-left scripts, zero-width and bidi
// control characters are drawn (bidi overrides dropped, so no label is
// drawn backwards) and the layout holds: every view renders, in SVG and PNG.
func TestHostileText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "hostile.journey.yaml")
	writeFile(t, p, "version: 1\ntitle: \"Emoji 🎉👍🏽 and עברית and العربية\"\nchannels: {web: {name: \"ويب\u200b\", kind: digital}}\nstages: [{id: s, name: \"Stage \u202egnp.exe\u202c\", touchpoints: [{id: a, name: \"Pays 💳 with zero\u200bwidth\u200djoiner\", channel: web, emotion: {score: 1, feeling: \"😊 مرتاح\"}}]}]\n")
	j := load(t, p)
	for _, view := range Views() {
		svg := render(t, Options{View: view}, j)
		if strings.ContainsRune(string(svg), 0x202E) {
			t.Errorf("%s: a bidi override reached the SVG", view)
		}
		if !strings.Contains(string(svg), "עברית") || !strings.Contains(string(svg), "🎉") {
			t.Errorf("%s: right-to-left text or emoji not drawn", view)
		}
		render(t, Options{View: view, Format: "png", DPI: 36}, j)
	}
}
