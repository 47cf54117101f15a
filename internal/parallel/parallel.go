// Package parallel runs independent pieces of work on every core, bounded.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls do(i) for every i in [0, n), at most GOMAXPROCS calls at a
// time, and returns when all have returned. The calls must not depend on
// one another; each writes only to its own slot of any shared result.
func Each(n int, do func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	next := make(chan int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
