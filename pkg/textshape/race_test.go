package textshape

import (
	"sync"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
)

// Shaping is safe from several goroutines (pictures are drawn in
// parallel); run with -race.
func TestVisualConcurrent(t *testing.T) {
	dv := load(t, dejavusans.TTF)
	want := Visual("مرحبا بالعالم 3", dv)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				if (i+j)%2 == 0 { // a line not remembered yet
					Visual("مرحبا "+string(rune('a'+j%26)), dv)
					continue
				}
				if got := Visual("مرحبا بالعالم 3", dv); got != want {
					t.Errorf("got %q, want %q", got, want)
				}
			}
		}()
	}
	wg.Wait()
}
