// Package parallel runs a loop's iterations on every CPU: the builder's
// one way of spreading work (parsing files, rendering pages) over cores.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(k) for k from 0 to n-1 on as many workers as there are
// CPUs, handing out work in order, and stops handing it out when ctx is
// done. It returns ctx's error, if any, once every started call returned.
// Workers take the next k from a shared counter: a channel would wake a
// worker through the scheduler for every item.
func For(ctx context.Context, n int, fn func(k int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= n || ctx.Err() != nil {
					return
				}
				fn(k)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
