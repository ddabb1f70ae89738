// Package par runs independent jobs on all cores: the one worker loop
// cxmap uses wherever items (files, journeys) are processed in parallel and
// put back in order.
package par

import (
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n), on up to workers goroutines at a
// time (workers <= 0: GOMAXPROCS). Items are handed out in order; f must
// only write what belongs to item i (e.g. out[i]). For returns when every
// call has returned.
func For(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
