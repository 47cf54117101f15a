package journey_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/journeymap/journeymap/journey"
)

// walkScoredSteps is ScoredSteps as first written: a fresh depth-first
// search from every scored touchpoint. It is the reference the memoised
// version must agree with.
func walkScoredSteps(f *journey.Flow) [][2]*journey.Touchpoint {
	var out [][2]*journey.Touchpoint
	for _, from := range f.Touchpoints {
		if from.Emotion == nil {
			continue
		}
		seen := map[*journey.Touchpoint]bool{}
		var visit func(t *journey.Touchpoint)
		visit = func(t *journey.Touchpoint) {
			for _, e := range f.Out[t] {
				to := e.To
				if seen[to] {
					continue
				}
				seen[to] = true
				if to.Emotion == nil {
					visit(to)
					continue
				}
				out = append(out, [2]*journey.Touchpoint{from, to})
			}
		}
		visit(from)
	}
	return out
}

func stepsString(steps [][2]*journey.Touchpoint) string {
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "%s>%s ", s[0].ID.Value, s[1].ID.Value)
	}
	return b.String()
}

// randomFlow writes a journey of n touchpoints, about half of them scored,
// with random `next:` lists; forward only (no loops) when acyclic.
func randomFlow(r *rand.Rand, n int, acyclic bool) string {
	var b strings.Builder
	b.WriteString("version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      - id: t%d\n        channel: app\n", i)
		if r.Intn(2) == 0 {
			fmt.Fprintf(&b, "        emotion: %d\n", r.Intn(5)-2)
		}
		if r.Intn(4) > 0 {
			var next []string
			for k := r.Intn(4); k > 0; k-- {
				to := r.Intn(n)
				if acyclic {
					if i+1 >= n {
						break
					}
					to = i + 1 + r.Intn(n-i-1)
				}
				next = append(next, fmt.Sprintf("t%d", to))
			}
			fmt.Fprintf(&b, "        next: [%s]\n", strings.Join(next, ", "))
		}
	}
	return b.String()
}

// TestScoredStepsMatchesWalk: on random flows the memoised ScoredSteps
// finds the same pairs as a fresh walk from every touchpoint, in the same
// order where the unscored touchpoints form no loop.
func TestScoredStepsMatchesWalk(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 400; i++ {
		acyclic := i%2 == 0
		src := randomFlow(r, 2+r.Intn(25), acyclic)
		j, fs := journey.Parse("r.journey.yaml", []byte(src))
		if fs = append(fs, journey.Resolve(j, nil)...); len(fs) > 0 {
			t.Fatalf("generated journey invalid: %v\n%s", fs, src)
		}
		got, want := j.Flow.ScoredSteps(), walkScoredSteps(j.Flow)
		if acyclic {
			if stepsString(got) != stepsString(want) {
				t.Fatalf("order differs:\n got %s\nwant %s\n%s", stepsString(got), stepsString(want), src)
			}
			continue
		}
		if len(got) != len(want) {
			t.Fatalf("got %d pairs, want %d:\n got %s\nwant %s\n%s", len(got), len(want), stepsString(got), stepsString(want), src)
		}
		in := map[[2]*journey.Touchpoint]bool{}
		for _, p := range want {
			in[p] = true
		}
		for _, p := range got {
			if !in[p] {
				t.Fatalf("unexpected pair %s>%s\n%s", p[0].ID.Value, p[1].ID.Value, src)
			}
		}
	}
}

// BenchmarkScoredSteps compares the memoised search with a fresh walk from
// every touchpoint on a dense flow at the limits: 500 touchpoints, one in
// ten scored, 1,000 edges.
func BenchmarkScoredSteps(b *testing.B) {
	var src strings.Builder
	src.WriteString("version: 1\ntitle: T\nchannels: {app: {kind: digital}}\nstages:\n  - id: s\n    touchpoints:\n")
	n := journey.MaxTouchpoints
	for i := 0; i < n; i++ {
		emotion := ""
		if i%10 == 0 {
			emotion = ", emotion: 1"
		}
		fmt.Fprintf(&src, "      - {id: t%d, channel: app%s, next: [t%d, t%d]}\n", i, emotion, (i+1)%n, (i*7+3)%n)
	}
	j, fs := journey.Parse("d.journey.yaml", []byte(src.String()))
	if fs = append(fs, journey.Resolve(j, nil)...); len(fs) > 0 {
		b.Fatal(fs)
	}
	b.Run("memoised", func(b *testing.B) {
		for b.Loop() {
			j.Flow.ScoredSteps()
		}
	})
	b.Run("walk-from-each", func(b *testing.B) {
		for b.Loop() {
			walkScoredSteps(j.Flow)
		}
	})
}
