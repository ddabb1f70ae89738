package par

import (
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 0}, {1, 0}, {100, 0}, {100, 1}, {7, 3}, {3, 16}} {
		out := make([]int, c.n)
		var calls atomic.Int64
		For(c.n, c.workers, func(i int) {
			out[i] = i * i
			calls.Add(1)
		})
		if calls.Load() != int64(c.n) {
			t.Errorf("n=%d workers=%d: %d calls", c.n, c.workers, calls.Load())
		}
		for i, v := range out {
			if v != i*i {
				t.Errorf("n=%d workers=%d: out[%d] = %d", c.n, c.workers, i, v)
			}
		}
	}
}
