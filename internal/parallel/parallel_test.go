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
