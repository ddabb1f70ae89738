package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/fsnotify/fsnotify"
)

// EventsPath is the server-sent events endpoint live pages listen on.
const EventsPath = "/_cxmap/events"

// Server serves the site from memory and rebuilds it when the files change
// (`cxmap serve`). Pages are made on request; a journey's drawing is kept
// until its file's bytes change.
type Server struct {
	// load reads the journeys at paths; nil paths means every path the
	// server was started with.
	load func(paths []string) []Input
	opts Options
	// Log receives a line per reload (nil: nothing).
	Log io.Writer

	mu      sync.RWMutex
	site    *Site
	ins     map[string]Input // by clean path, with their reports
	slugs   map[string]string
	version int
	drawn   map[string]drawing // by path

	subMu sync.Mutex
	subs  map[chan int]bool
	done  chan struct{}
	once  sync.Once
}

type drawing struct {
	sum [32]byte
	svg []byte
	err error
}

// NewServer loads the site with load (called again on changes: with nil
// for every file, or with the files that changed).
func NewServer(load func(paths []string) []Input, o Options) *Server {
	o.Live = true
	s := &Server{load: load, opts: o, slugs: map[string]string{}, drawn: map[string]drawing{},
		subs: map[chan int]bool{}, done: make(chan struct{})}
	s.Reload()
	return s
}

// Reload re-reads every file (files may have come or gone), redraws the
// drawings already made whose file changed, and tells open pages to reload.
func (s *Server) Reload() {
	ins := s.load(nil)
	m := make(map[string]Input, len(ins))
	for _, in := range ins {
		m[filepath.Clean(in.Path)] = in
	}
	s.rebuild(m)
}

// Update re-reads only the files at paths, when each is a file the site
// already has and still exists; otherwise (a file added, removed or
// renamed, or the configuration changed) it reloads everything. A save in a
// large portfolio so costs one file's parse, not every file's.
func (s *Server) Update(paths []string) {
	s.mu.RLock()
	known := true
	paths = append([]string(nil), paths...)
	for i, p := range paths {
		in, ok := s.ins[filepath.Clean(p)]
		fi, err := os.Stat(p)
		known = known && ok && err == nil && fi.Mode().IsRegular()
		if ok {
			paths[i] = in.Path // as the walk spelled it
		}
	}
	m := make(map[string]Input, len(s.ins))
	for k, v := range s.ins {
		m[k] = v
	}
	s.mu.RUnlock()
	if !known || len(paths) == 0 {
		s.Reload()
		return
	}
	for _, in := range s.load(paths) {
		m[filepath.Clean(in.Path)] = in
	}
	s.rebuild(m)
}

func (s *Server) rebuild(m map[string]Input) {
	ins := make([]Input, 0, len(m))
	for _, in := range m {
		ins = append(ins, in)
	}
	s.mu.Lock()
	s.version++
	st := New(ins, s.opts, s.slugs)
	st.version = s.version
	s.site = st
	// Keep each journey's report for the next update.
	for _, e := range st.entries {
		in := m[filepath.Clean(e.J.Path)]
		r := e.Report
		in.Report = &r
		m[filepath.Clean(e.J.Path)] = in
	}
	s.ins = m
	// Redraw now what a page showed before, so its reload is quick; drop
	// drawings of files gone or invalid.
	for path, d := range s.drawn {
		j := st.JourneyOf(path)
		if j == nil {
			delete(s.drawn, path)
			continue
		}
		if sha256.Sum256(j.Raw) != d.sum {
			s.drawn[path] = drawOne(j)
		}
	}
	v := s.version
	n, bad := st.Len(), st.Problems()
	s.mu.Unlock()
	if s.Log != nil {
		fmt.Fprintf(s.Log, "%s: %d journeys, %d with findings\n", time.Now().Format("15:04:05"), n, bad)
	}
	s.broadcast(v)
}

func drawOne(j *journey.Journey) drawing {
	svg, err := BlueprintSVG(j)
	return drawing{sum: sha256.Sum256(j.Raw), svg: svg, err: err}
}

// Version is how many times the site was loaded.
func (s *Server) Version() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

func (s *Server) broadcast(v int) {
	s.subMu.Lock()
	defer s.subMu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- v:
		default: // a slow reader gets the newest version next time
		}
	}
}

// Close ends the event streams (call before http.Server.Shutdown, or
// register it with RegisterOnShutdown).
func (s *Server) Close() { s.once.Do(func() { close(s.done) }) }

// ServeHTTP serves the index, the journey pages and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == EventsPath:
		s.events(w, r)
		return
	case p == "/" || p == "/"+IndexPage:
		s.page(w, func(st *Site, b *bytes.Buffer) error { return st.Index(b) })
		return
	case strings.HasPrefix(p, "/"+JourneyDir+"/") && strings.HasSuffix(p, ".html"):
		slug := strings.TrimSuffix(strings.TrimPrefix(p, "/"+JourneyDir+"/"), ".html")
		s.journey(w, slug)
		return
	}
	http.NotFound(w, r)
}

func (s *Server) page(w http.ResponseWriter, make func(*Site, *bytes.Buffer) error) {
	s.mu.RLock()
	st := s.site
	s.mu.RUnlock()
	var b bytes.Buffer
	if err := make(st, &b); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

func (s *Server) journey(w http.ResponseWriter, slug string) {
	s.mu.RLock()
	st := s.site
	path := st.PathOf(slug)
	d, ok := s.drawn[path]
	s.mu.RUnlock()
	if path == "" {
		var b bytes.Buffer
		found, err := st.ProblemPage(&b, slug)
		if err == nil && found {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Write(b.Bytes())
			return
		}
		http.Error(w, "no journey page "+slug+".html", http.StatusNotFound)
		return
	}
	j := st.JourneyOf(path)
	if !ok || d.sum != sha256.Sum256(j.Raw) {
		d = drawOne(j)
		s.mu.Lock()
		if s.site == st {
			s.drawn[path] = d
		}
		s.mu.Unlock()
	}
	s.page(w, func(st *Site, b *bytes.Buffer) error { return st.Journey(b, path, d.svg, d.err) })
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.subMu.Lock()
	s.subs[ch] = true
	s.subMu.Unlock()
	defer func() {
		s.subMu.Lock()
		delete(s.subs, ch)
		s.subMu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	send := func(v int) bool {
		_, err := fmt.Fprintf(w, "event: version\ndata: %d\n\n", v)
		fl.Flush()
		return err == nil
	}
	fmt.Fprint(w, "retry: 500\n\n")
	if !send(s.Version()) {
		return
	}
	for {
		select {
		case v := <-ch:
			if !send(v) {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// Watch reloads the site when a journey file (.yaml or .yml) or a
// .cxmap.yaml under paths changes, until ctx ends. It watches directories,
// not files, because editors save by writing a new file and renaming it
// over the old one; events within debounce of each other make one reload.
func (s *Server) Watch(ctx context.Context, paths []string, debounce time.Duration, ready func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	files := map[string]bool{} // files named on the command line
	add := func(dir string) {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			w.Add(p)
			return nil
		})
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			continue
		case fi.IsDir():
			add(p)
		default:
			files[filepath.Clean(p)] = true
			if err := w.Add(filepath.Dir(p)); err != nil {
				return err
			}
		}
	}
	if ready != nil {
		ready()
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	changed := map[string]bool{} // files changed since the last update
	full := false                // something else changed: reload all
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if s.Log != nil {
				fmt.Fprintf(s.Log, "watching: %v\n", err)
			}
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					add(ev.Name)
					full = true
				}
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				if relevant(ev.Name, files) || filepath.Ext(ev.Name) == "" {
					full = true // a file or a directory went away
				}
			}
			if !relevant(ev.Name, files) || ev.Op == fsnotify.Chmod {
				continue
			}
			if filepath.Base(ev.Name) == ".cxmap.yaml" {
				full = true
			}
			changed[ev.Name] = true
			if timer == nil {
				timer = time.AfterFunc(debounce, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			} else {
				timer.Reset(debounce)
			}
		case <-fire:
			if full {
				s.Reload()
			} else {
				paths := make([]string, 0, len(changed))
				for p := range changed {
					paths = append(paths, p)
				}
				s.Update(paths)
			}
			changed, full = map[string]bool{}, false
		}
	}
}

// relevant reports whether a changed file may change the site.
func relevant(name string, files map[string]bool) bool {
	if len(files) > 0 && files[filepath.Clean(name)] {
		return true
	}
	base := filepath.Base(name)
	if base == ".cxmap.yaml" {
		return true
	}
	if strings.HasPrefix(base, ".") { // editors' temporary files
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	return ext == ".yaml" || ext == ".yml"
}

// LocalHostOnly refuses requests whose Host header does not name this
// machine. A server on loopback is still reachable from a web page the user
// opens through DNS rebinding (a hostile name that resolves to 127.0.0.1);
// checking the Host header closes that door.
func LocalHostOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			host = hh
		}
		host = strings.Trim(host, "[]")
		if ip := net.ParseIP(host); !(host == "localhost" || ip != nil && ip.IsLoopback()) {
			http.Error(w, "this server answers only to localhost, 127.0.0.1 or [::1]", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}
