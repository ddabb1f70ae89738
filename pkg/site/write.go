package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"

	"github.com/cxmap/cxmap/internal/par"
	"github.com/cxmap/cxmap/pkg/fsutil"
)

// Write writes the site into dir: index.html, journeys/<slug>.html and the
// research files the sources link to (sources/…, sources.go).
// Pages are built in parallel (jobs at a time, GOMAXPROCS when 0); the
// blueprints come from Options.Layout (or Options.LayOut), called from the
// jobs goroutines at once. A blueprint that fails is reported in its page,
// not as an error; an error is a page that could not be written (or a
// theme file that could not be read).
func (s *Site) Write(dir string, jobs int) error {
	return s.write(context.Background(), dir, jobs)
}

// write is Write stopped between pages when ctx is cancelled (Run).
func (s *Site) write(ctx context.Context, dir string, jobs int) error {
	if s.brandErr != nil {
		return s.brandErr
	}
	if err := os.MkdirAll(filepath.Join(dir, JourneyDir), 0o755); err != nil {
		return err
	}
	var (
		mu    sync.Mutex
		first error
	)
	par.For(len(s.entries), jobs, func(i int) {
		err := ctx.Err() // cancelled: no more pages
		if err == nil {
			err = s.writePage(dir, s.entries[i])
		}
		if err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
		}
	})
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

// writePage writes one journey's page; a blueprint that fails is reported
// in the page.
func (s *Site) writePage(dir string, e *entry) error {
	var b bytes.Buffer
	bp, err := s.opts.layOut(e.J)
	if err == nil {
		err = s.Journey(&b, e.J.Path, bp, nil)
	} else {
		err = s.Journey(&b, e.J.Path, nil, err)
	}
	if err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(filepath.Join(dir, JourneyDir, e.Slug+".html"), b.Bytes(), 0o644)
}
