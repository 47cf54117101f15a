package journey

import (
	"fmt"
	"math/rand/v2"
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

// alignReference is the first, quadratic implementation (insert each
// new touchpoint into the slice, shift every later index): the oracle for
// TestAlignMatchesReference and the baseline for BenchmarkAlign.
func alignReference(js []*Journey) []Aligned {
	var out []Aligned
	index := map[string]int{}
	for ji, j := range js {
		prev := -1
		for _, tp := range j.Touchpoints() {
			id := tp.ID.Value
			if i, ok := index[id]; ok {
				if out[i].In[ji] == nil {
					out[i].In[ji] = tp
				}
				prev = i
				continue
			}
			at := prev + 1
			a := Aligned{ID: id, In: make([]*Touchpoint, len(js))}
			a.In[ji] = tp
			out = append(out[:at], append([]Aligned{a}, out[at:]...)...)
			for k, i := range index {
				if i >= at {
					index[k] = i + 1
				}
			}
			index[id] = at
			prev = at
		}
	}
	return out
}

func journeyOfIDs(ids []string) *Journey {
	s := &Stage{ID: Text{Value: "s"}}
	for _, id := range ids {
		s.Touchpoints = append(s.Touchpoints, &Touchpoint{ID: Text{Value: id}, Stage: s})
	}
	return &Journey{Stages: []*Stage{s}}
}

// TestAlignMatchesReference: on random revisions of a journey (touchpoints
// dropped, added, shuffled), the linear alignment equals the reference.
func TestAlignMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 500; round++ {
		var js []*Journey
		for k := 0; k < 1+rng.IntN(3); k++ {
			var ids []string
			seen := map[string]bool{}
			for n := rng.IntN(12); len(ids) < n; {
				id := fmt.Sprintf("t%d", rng.IntN(16))
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
			js = append(js, journeyOfIDs(ids))
		}
		got, want := AlignTouchpoints(js), alignReference(js)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d:\n got %v\nwant %v", round, got, want)
		}
	}
}

// BenchmarkAlign lines up two large journeys that share no touchpoint (the
// worst case: every touchpoint of the second is inserted), with the
// reference implementation as the baseline in the same run.
func BenchmarkAlign(b *testing.B) {
	var a, c []string
	for i := 0; i < 3000; i++ {
		a, c = append(a, fmt.Sprintf("a%d", i)), append(c, fmt.Sprintf("b%d", i))
	}
	js := []*Journey{journeyOfIDs(a), journeyOfIDs(c)}
	b.Run("linear", func(b *testing.B) {
		for b.Loop() {
			AlignTouchpoints(js)
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			alignReference(js)
		}
	})
}
