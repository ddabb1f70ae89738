package site

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Blueprints gives a journey's drawing: BlueprintSVG, or a cache of it.
type Blueprints func(j *journey.Journey) ([]byte, error)

// Write writes the site into dir: index.html, journeys/<slug>.html and the
// research files the sources link to (sources/…, sources.go).
// Pages are built in parallel (jobs at a time, GOMAXPROCS when 0); the
// drawings come from draw, called from the jobs goroutines at once. A
// drawing that fails is reported in its page, not as an error; an error is
// a page that could not be written.
func (s *Site) Write(dir string, draw Blueprints, jobs int) error {
	if err := os.MkdirAll(filepath.Join(dir, JourneyDir), 0o755); err != nil {
		return err
	}
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	work := make(chan *entry)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			for e := range work {
				b.Reset()
				svg, err := draw(e.J)
				if err == nil {
					err = s.Journey(&b, e.J.Path, svg, nil)
				} else {
					err = s.Journey(&b, e.J.Path, nil, err)
				}
				if err == nil {
					err = fsutil.WriteFileAtomic(filepath.Join(dir, JourneyDir, e.Slug+".html"), b.Bytes(), 0o644)
				}
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, e := range s.entries {
		work <- e
	}
	close(work)
	wg.Wait()
	if first != nil {
		return first
	}
	if err := s.writeSources(dir); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := s.Index(&b); err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(filepath.Join(dir, IndexPage), b.Bytes(), 0o644)
}
