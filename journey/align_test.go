package journey

import (
	"fmt"
	"strings"
	"testing"
)

// journeyOf builds a journey with one stage per group; each id becomes a touchpoint.
func journeyOf(t *testing.T, stages ...[]string) *Journey {
	t.Helper()
	var b strings.Builder
	b.WriteString("version: 1\nid: j\ntitle: J\nchannels: {app: {name: App}}\nstages:\n")
	for i, s := range stages {
		fmt.Fprintf(&b, "  - id: s%d\n    touchpoints:\n", i)
		for _, id := range s {
			fmt.Fprintf(&b, "      - {id: %s, channel: app}\n", id)
		}
	}
	j, fs := Parse("j.journey.yaml", []byte(b.String()))
	fs = append(fs, Resolve(j, nil)...)
	if len(fs) > 0 {
		t.Fatalf("invalid test journey: %v", fs)
	}
	return j
}

func TestAlignTouchpoints(t *testing.T) {
	tests := []struct {
		name string
		js   [][][]string
		want string // id:presence per journey
	}{
		{"same", [][][]string{{{"a", "b"}}, {{"a", "b"}}}, "a:11 b:11"},
		{"added after predecessor", [][][]string{{{"a", "c"}}, {{"a", "b", "c"}}}, "a:11 b:01 c:11"},
		{"removed keeps its place", [][][]string{{{"a", "b", "c"}}, {{"a", "c"}}}, "a:11 b:10 c:11"},
		{"added first", [][][]string{{{"b"}}, {{"a", "b"}}}, "a:01 b:11"},
		{"across stages", [][][]string{{{"a"}, {"b"}}, {{"a", "x"}, {"b"}}}, "a:11 x:01 b:11"},
		{"unrelated", [][][]string{{{"a"}}, {{"z"}}}, "z:01 a:10"},
		{"three", [][][]string{{{"a", "c"}}, {{"a", "b"}}, {{"b", "c", "d"}}}, "a:110 b:011 c:101 d:001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var js []*Journey
			for _, s := range tt.js {
				js = append(js, journeyOf(t, s...))
			}
			var got []string
			for _, a := range AlignTouchpoints(js) {
				var p strings.Builder
				for i, tp := range a.In {
					if tp == nil {
						p.WriteByte('0')
						continue
					}
					if tp != js[i].Flow.Touchpoints[indexOf(js[i], a.ID)] {
						t.Errorf("%s: wrong touchpoint for journey %d", a.ID, i)
					}
					p.WriteByte('1')
				}
				got = append(got, a.ID+":"+p.String())
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
	}
}

func indexOf(j *Journey, id string) int {
	for i, tp := range j.Flow.Touchpoints {
		if tp.ID.Value == id {
			return i
		}
	}
	return -1
}
