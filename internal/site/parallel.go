package site

import (
	"context"
	"runtime"
	"sync"
)

// parallel calls fn(k) for k from 0 to n-1 on as many workers as there are
// CPUs, handing out work in order, and stops handing it out when ctx is
// done. It returns ctx's error, if any, once every started call returned.
func parallel(ctx context.Context, n int, fn func(k int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for k := range next {
				fn(k)
			}
		})
	}
	for k := range n {
		if ctx.Err() != nil {
			break
		}
		next <- k
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}
