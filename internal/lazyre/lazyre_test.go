package lazyre

import (
	"sync"
	"testing"
)

func TestNewCompilesOnceOnFirstUse(t *testing.T) {
	re := New(`^a+$`)
	var wg sync.WaitGroup
	got := make(chan any, 8)
	for range 8 {
		wg.Go(func() { got <- re() })
	}
	wg.Wait()
	close(got)
	first := re()
	for g := range got {
		if g != first {
			t.Fatal("New compiled the pattern more than once")
		}
	}
	if !first.MatchString("aaa") || first.MatchString("ab") {
		t.Fatalf("pattern %q matches wrongly", first)
	}
}

func TestNewPanicsOnBadPatternWhenUsed(t *testing.T) {
	re := New(`(`) // no panic yet: nothing is compiled until first use
	defer func() {
		if recover() == nil {
			t.Fatal("a pattern that does not compile did not panic on first use")
		}
	}()
	re()
}
