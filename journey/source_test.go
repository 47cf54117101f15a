package journey

import "testing"

// TestSourceExtents: touchpoints written side by side on one line have
// extents that hold their own keys and not each other's.
func TestSourceExtents(t *testing.T) {
	src := "version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages:\n  - id: s\n" +
		"    touchpoints: [{id: b, channel: app}, {id: a, channel: app, emotion: 1}]\n" +
		"  - id: t\n    touchpoints:\n      - id: c\n        channel: app\n\n      # about d\n      - id: d\n        channel: app\n"
	j, fs := Parse("x.journey.yaml", []byte(src))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	tp := map[string]*Touchpoint{}
	for _, x := range j.Touchpoints() {
		tp[x.ID.Value] = x
	}
	a, b, c, d := tp["a"], tp["b"], tp["c"], tp["d"]
	for _, x := range []*Touchpoint{a, b, c, d} {
		if !x.Contains(x.Pos) || !x.Contains(x.At("channel")) {
			t.Errorf("%s does not contain its own keys: %+v", x.ID.Value, x.Extent)
		}
	}
	if b.Contains(a.Pos) || a.Contains(b.Pos) || b.Contains(a.At("emotion")) {
		t.Errorf("flow touchpoints overlap: b %+v, a %+v", b.Extent, a.Extent)
	}
	if c.Contains(d.Pos) || !c.Contains(Pos{10, 9}) || d.Contains(Pos{10, 9}) {
		t.Errorf("block touchpoints: c %+v, d %+v", c.Extent, d.Extent)
	}
	if d.Extent.To != j.Source.End() {
		t.Errorf("the last touchpoint runs to the end of the file: %+v, end %+v", d.Extent, j.Source.End())
	}
	cs := j.Source.Comments()
	if len(cs) != 1 || cs[0].Pos != (Pos{12, 7}) || cs[0].Text != "# about d" || cs[0].Trailing {
		t.Fatalf("comments: %+v", cs)
	}
	if e, ok := j.Source.CommentTarget(cs[0]); !ok || e != d.Extent {
		t.Errorf("the comment above d belongs to %+v, want d's extent %+v", e, d.Extent)
	}
}

// TestSourceText: the byte order mark is removed once, and lines come
// without their endings.
func TestSourceText(t *testing.T) {
	j, fs := Parse("x.journey.yaml", []byte("\uFEFFversion: 1  # v\r\ntitle: \"a # not a comment\"\r\nstages: [{id: s, touchpoints: [{id: a, channel: c}]}]\r\nchannels: {c: {}}\r\n"))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	s := j.Source
	if l, ok := s.Line(1); !ok || l != "version: 1  # v" {
		t.Errorf("line 1 = %q, %v", l, ok)
	}
	if _, ok := s.Line(6); ok {
		t.Error("line 6 does not exist")
	}
	if j.Version.Pos != (Pos{1, 10}) {
		t.Errorf("positions count from after the BOM: version at %+v", j.Version.Pos)
	}
	if cs := s.Comments(); len(cs) != 1 || cs[0].Pos != (Pos{1, 13}) || !cs[0].Trailing {
		t.Errorf("comments: %+v", cs)
	}
}

// TestSourceOffset: a position's column counts characters; its offset
// counts bytes, from the text without the BOM.
func TestSourceOffset(t *testing.T) {
	j, fs := Parse("x.journey.yaml", []byte("\uFEFFversion: 1\ntitle: [\"ééé\", x]\nstages: []\n"))
	if len(fs) != 2 { // title is not a string; stages is empty
		t.Fatalf("findings: %v", fs)
	}
	s := j.Source
	for _, tt := range []struct {
		p    Pos
		want int
		ok   bool
	}{
		{Pos{1, 1}, 0, true}, {Pos{1, 10}, 9, true}, {Pos{1, 11}, 10, true}, {Pos{1, 12}, 0, false},
		{Pos{2, 16}, 11 + 18, true}, {Pos{0, 1}, 0, false}, {Pos{2, 0}, 0, false}, {Pos{9, 1}, 0, false},
	} {
		got, ok := s.Offset(tt.p)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Offset(%+v) = %d, %v; want %d, %v", tt.p, got, ok, tt.want, tt.ok)
		}
	}
	if at, _ := s.Offset(Pos{2, 16}); string(s.Text[at]) != "x" {
		t.Errorf("offset of x points at %q", s.Text[at:])
	}
}

// TestCommentTarget: a comment belongs to the node next to it, even where
// several share a line; consecutive comments belong to the same node.
func TestCommentTarget(t *testing.T) {
	src := "version: 1\ntitle: T   # the title\n" +
		"channels: {\n  # first\n  # still first\n  app: {kind: digital}, web: {kind: digital},  # last\n  sms: {}}\n" +
		"stages: []\n# the end\n"
	j, _ := Parse("x.journey.yaml", []byte(src))
	want := map[string]Extent{
		"# the title":   {Pos{2, 1}, Pos{3, 1}},
		"# first":       {Pos{6, 3}, Pos{6, 25}},
		"# still first": {Pos{6, 3}, Pos{6, 25}},
		"# last":        {Pos{6, 25}, Pos{7, 3}},
	}
	for _, c := range j.Source.Comments() {
		e, ok := j.Source.CommentTarget(c)
		if c.Text == "# the end" {
			if ok {
				t.Errorf("a comment ending the file belongs to nothing, got %+v", e)
			}
			continue
		}
		if w, known := want[c.Text]; !known || !ok || e != w {
			t.Errorf("%q belongs to %+v (%v), want %+v", c.Text, e, ok, w)
		}
	}
}
