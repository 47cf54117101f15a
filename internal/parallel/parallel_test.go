package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestEach: every index runs exactly once, never more at once than
// GOMAXPROCS, and Each returns only when all are done.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100} {
		var running, most atomic.Int32
		done := make([]int32, n)
		Each(n, func(i int) {
			now := running.Add(1)
			for {
				m := most.Load()
				if now <= m || most.CompareAndSwap(m, now) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			atomic.AddInt32(&done[i], 1)
			running.Add(-1)
		})
		for i, d := range done {
			if d != 1 {
				t.Errorf("n=%d: index %d ran %d times", n, i, d)
			}
		}
		if m := int(most.Load()); m > runtime.GOMAXPROCS(0) {
			t.Errorf("n=%d: %d ran at once, more than GOMAXPROCS %d", n, m, runtime.GOMAXPROCS(0))
		}
	}
}

// TestInOrder: every result reaches done exactly once and in order of i,
// with one core or several, and done's calls never overlap.
func TestInOrder(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 7, 100} {
			var inDone atomic.Int32
			var got []int
			InOrder(n, func(i int) int {
				if i%3 == 0 {
					time.Sleep(time.Millisecond) // finish out of order
				}
				return i * i
			}, func(i, r int) {
				if inDone.Add(1) != 1 {
					t.Errorf("GOMAXPROCS=%d n=%d: done calls overlap", procs, n)
				}
				if r != i*i {
					t.Errorf("GOMAXPROCS=%d n=%d: done(%d, %d), want result %d", procs, n, i, r, i*i)
				}
				got = append(got, i)
				inDone.Add(-1)
			})
			if len(got) != n {
				t.Fatalf("GOMAXPROCS=%d n=%d: done called %d times", procs, n, len(got))
			}
			for k, i := range got {
				if k != i {
					t.Fatalf("GOMAXPROCS=%d n=%d: results out of order: %v", procs, n, got)
				}
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}
