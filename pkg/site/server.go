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
	warned  map[string]bool    // the warnings the log has (said once)

	// notice is what live pages show in a banner ("" for none): a served
	// folder that was removed, say.
	notice string

	// MaxStreams caps the live pages listening at once (their event
	// streams); one more is answered 503. 0 means DefaultMaxStreams.
	MaxStreams int
	// WriteTimeout bounds writing one response, or one event to a stream
	// (a reader that stops reading is dropped); 0 means DefaultWriteTimeout.
	WriteTimeout time.Duration
	// Heartbeat is how often an idle event stream gets a comment line, so a
	// page gone without closing its connection is noticed and its stream
	// freed; 0 means DefaultHeartbeat.
	Heartbeat time.Duration

	subMu sync.Mutex
	subs  map[chan struct{}]bool
	done  chan struct{}
	once  sync.Once
}

// The server's bounds (docs/site.md, "serve").
const (
	DefaultMaxStreams   = 64
	DefaultWriteTimeout = 30 * time.Second
	DefaultHeartbeat    = 30 * time.Second
	// DefaultIdleTimeout closes a keep-alive connection with no request.
	DefaultIdleTimeout = 60 * time.Second
	// DefaultReadHeaderTimeout closes a connection that does not send its
	// request's header in time (a silent or half-sent request).
	DefaultReadHeaderTimeout = 10 * time.Second
)

// HTTPServer is the http.Server for h with the bounds serve needs: a
// request header must arrive within DefaultReadHeaderTimeout and an idle
// keep-alive connection is closed after DefaultIdleTimeout. There is no
// server-wide WriteTimeout, as it would cut every event stream: each
// response sets its own write deadline instead (WriteTimeout), and an event
// stream one per event.
func (s *Server) HTTPServer(h http.Handler) *http.Server {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: DefaultReadHeaderTimeout,
		IdleTimeout:       DefaultIdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
	hs.RegisterOnShutdown(s.Close)
	return hs
}

type drawing struct {
	sum [32]byte
	bp  *Blueprint
	err error
}

// NewServer loads the site with load (called again on changes: with nil
// for every file, or with the files that changed).
func NewServer(load func(paths []string) []Input, o Options) *Server {
	o.Live = true
	s := &Server{load: load, opts: o, slugs: map[string]string{}, drawn: map[string]drawing{},
		subs: map[chan struct{}]bool{}, done: make(chan struct{})}
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
			s.drawn[path] = s.drawOne(j)
		}
	}
	n, bad := st.Len(), st.Problems()
	var warn []string
	for _, w := range st.SourceWarnings() {
		if !s.warned[w] {
			warn = append(warn, w)
		}
	}
	s.warned = map[string]bool{}
	for _, w := range st.SourceWarnings() {
		s.warned[w] = true
	}
	s.mu.Unlock()
	for _, w := range warn {
		if s.Log != nil {
			fmt.Fprintf(s.Log, "cxmap: warning: %s\n", w)
		}
	}
	if s.Log != nil {
		fmt.Fprintf(s.Log, "%s: %d journeys, %d with findings\n", time.Now().Format("15:04:05"), n, bad)
	}
	s.broadcast()
}

func (s *Server) drawOne(j *journey.Journey) drawing {
	bp, err := s.opts.layOut(j)
	return drawing{sum: sha256.Sum256(j.Raw), bp: bp, err: err}
}

// Version is how many times the site was loaded.
func (s *Server) Version() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// SourceWarnings are the current site's dropped source links, and why.
func (s *Server) SourceWarnings() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.site.SourceWarnings()
}

// Notice is the banner live pages show ("" for none).
func (s *Server) Notice() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.notice
}

// SetNotice sets the banner every live page shows ("" removes it), and
// tells the pages open now.
func (s *Server) SetNotice(text string) {
	text = strings.Join(strings.Fields(text), " ") // one line of an event
	s.mu.Lock()
	changed := s.notice != text
	s.notice = text
	s.mu.Unlock()
	if changed {
		s.broadcast()
	}
}

// broadcast tells every event stream that the version or the notice
// changed; each then sends what is new.
func (s *Server) broadcast() {
	s.subMu.Lock()
	defer s.subMu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default: // already told: it sends the newest state
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
	if p != EventsPath {
		// A page is written within WriteTimeout, or the connection is
		// dropped (a client that does not read cannot hold it).
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.writeTimeout()))
	}
	switch {
	case p == EventsPath:
		s.events(w, r)
		return
	case p == "/" || p == "/"+IndexPage:
		s.page(w, func(st *Site, b *bytes.Buffer) error { return st.Index(b) })
		return
	case strings.HasPrefix(p, "/"+SourceDir+"/"):
		s.sourceFile(w, r, strings.TrimPrefix(p, "/"))
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

// sourceFile serves a research file a source links to, from where it is
// (the static site has a copy). It is sandboxed: an HTML file among the
// research runs no script on the server's origin.
func (s *Server) sourceFile(w http.ResponseWriter, r *http.Request, sitePath string) {
	s.mu.RLock()
	name := s.site.SourceFile(sitePath)
	s.mu.RUnlock()
	if name == "" {
		http.NotFound(w, r)
		return
	}
	f, err := openRegular(name)
	if err != nil {
		http.Error(w, "cannot read "+sitePath, http.StatusNotFound)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, "cannot read "+sitePath, http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Security-Policy", "sandbox")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
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
		d = s.drawOne(j)
		s.mu.Lock()
		if s.site == st {
			s.drawn[path] = d
		}
		s.mu.Unlock()
	}
	s.page(w, func(st *Site, b *bytes.Buffer) error { return st.Journey(b, path, d.bp, d.err) })
}

func (s *Server) writeTimeout() time.Duration {
	if s.WriteTimeout > 0 {
		return s.WriteTimeout
	}
	return DefaultWriteTimeout
}

// events streams the server's version (and its notice) to a live page:
// once on connecting, then after every change. At most MaxStreams at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	max := s.MaxStreams
	if max <= 0 {
		max = DefaultMaxStreams
	}
	ch := make(chan struct{}, 1)
	s.subMu.Lock()
	full := len(s.subs) >= max
	if !full {
		s.subs[ch] = true
	}
	s.subMu.Unlock()
	if full {
		w.Header().Set("Retry-After", "10")
		http.Error(w, fmt.Sprintf("too many live pages are open (%d, the limit): close some; this page will not reload by itself", max),
			http.StatusServiceUnavailable)
		return
	}
	defer func() {
		s.subMu.Lock()
		delete(s.subs, ch)
		s.subMu.Unlock()
	}()
	// A stream lives as long as the page: no deadline but the one per event.
	_ = rc.SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	// write sends one event (or comment) within WriteTimeout: a page that
	// stops reading is dropped, not waited for.
	write := func(text string) bool {
		if rc.SetWriteDeadline(time.Now().Add(s.writeTimeout())) != nil {
			return false
		}
		if _, err := io.WriteString(w, text); err != nil {
			return false
		}
		if rc.Flush() != nil {
			return false
		}
		return rc.SetWriteDeadline(time.Time{}) == nil
	}
	version, notice := -1, ""
	send := func() bool {
		s.mu.RLock()
		v, n := s.version, s.notice
		s.mu.RUnlock()
		var b strings.Builder
		if n != notice {
			fmt.Fprintf(&b, "event: notice\ndata: %s\n\n", n)
			notice = n
		}
		if v != version {
			fmt.Fprintf(&b, "event: version\ndata: %d\n\n", v)
			version = v
		}
		return b.Len() == 0 || write(b.String())
	}
	if !write("retry: 500\n\n") || !send() {
		return
	}
	beat := s.Heartbeat
	if beat <= 0 {
		beat = DefaultHeartbeat
	}
	tick := time.NewTicker(beat)
	defer tick.Stop()
	for {
		select {
		case <-ch:
			if !send() {
				return
			}
		case <-tick.C:
			if !write(": still here\n\n") {
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
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	w := &watch{s: s, fsw: fw, files: map[string]bool{}, changed: map[string]bool{}, debounce: debounce, fire: make(chan struct{}, 1)}
	if err := w.addPaths(paths); err != nil {
		return err
	}
	w.wd, _ = os.Getwd()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	if ready != nil {
		ready()
	}
	for {
		select {
		case <-ctx.Done():
			if w.timer != nil {
				w.timer.Stop()
			}
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			if s.Log != nil {
				fmt.Fprintf(s.Log, "watching: %v\n", err)
			}
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			w.event(ev)
		case <-tick.C:
			w.check()
		case <-w.fire:
			w.update()
		}
	}
}

// watch is the state of one Watch. Only Watch's goroutine uses it; the
// debounce timer only sends on fire.
type watch struct {
	s        *Server
	fsw      *fsnotify.Watcher
	files    map[string]bool // files named on the command line
	roots    []*root
	changed  map[string]bool // files changed since the last update
	full     bool            // something else changed: reload all
	wd       string          // the working folder when Watch began
	debounce time.Duration
	timer    *time.Timer   // the debounce timer, nil until the first change
	fire     chan struct{} // the timer's signal: time to update
}

// add watches dir and the folders under it, but for hidden ones.
func (w *watch) add(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		w.fsw.Add(p)
		return nil
	})
}

// addPaths watches the paths given: a folder with the folders under it, a
// file through its folder. Paths that are not there are left out.
func (w *watch) addPaths(paths []string) error {
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			continue
		case fi.IsDir():
			w.add(p)
			w.roots = append(w.roots, newRoot(p, true))
		default:
			w.files[filepath.Clean(p)] = true
			if err := w.fsw.Add(filepath.Dir(p)); err != nil {
				return err
			}
			w.roots = append(w.roots, newRoot(filepath.Dir(p), false))
		}
	}
	return nil
}

// check looks for served folders removed, or back: while one is gone the
// pages keep the last version and say so; when it is back (a new folder at
// the same place) it is watched again and everything is reloaded. It
// reports whether every folder is there.
func (w *watch) check() bool {
	s := w.s
	var gone, back []string
	for _, r := range w.roots {
		switch g, b := r.check(); {
		case g:
			gone = append(gone, r.path)
		case b:
			back = append(back, r.path)
		}
	}
	missing := []string{}
	for _, r := range w.roots {
		if r.fi == nil {
			missing = append(missing, r.path)
		}
	}
	if len(gone) > 0 && s.Log != nil {
		fmt.Fprintf(s.Log, "%s: %s removed: the pages show the last version until it is back\n", time.Now().Format("15:04:05"), strings.Join(gone, ", "))
	}
	if len(back) > 0 {
		w.rewatch(back)
	}
	if len(missing) > 0 {
		s.SetNotice(s.opts.Locale.T("{x} was removed: this page shows the last version, and reloads when it is back.", strings.Join(missing, ", ")))
		return false
	}
	if len(back) > 0 {
		s.SetNotice("")
		s.Reload()
		w.changed, w.full = map[string]bool{}, false
	}
	return true
}

// rewatch watches again the served folders that are there, after the ones
// in back came back.
func (w *watch) rewatch(back []string) {
	// A process whose working folder was removed still lives in the
	// removed one: go back to the one now at its place, so the paths given
	// relative to it name the new files.
	if w.wd != "" && !sameDir(".", w.wd) {
		os.Chdir(w.wd)
	}
	for _, r := range w.roots {
		if r.fi == nil {
			continue
		}
		if r.recursive {
			w.add(r.path)
		} else {
			w.fsw.Add(r.path)
		}
	}
	if w.s.Log != nil {
		fmt.Fprintf(w.s.Log, "%s: %s back: reading every file again\n", time.Now().Format("15:04:05"), strings.Join(back, ", "))
	}
}

// event notes what ev changed and (re)starts the debounce timer when it is
// a file the site is made of.
func (w *watch) event(ev fsnotify.Event) {
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			w.add(ev.Name)
			w.full = true
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if relevant(ev.Name, w.files) || filepath.Ext(ev.Name) == "" {
			w.full = true // a file or a directory went away
		}
	}
	if !relevant(ev.Name, w.files) || ev.Op == fsnotify.Chmod {
		return
	}
	if filepath.Base(ev.Name) == ".cxmap.yaml" {
		w.full = true
	}
	w.changed[ev.Name] = true
	if w.timer == nil {
		fire := w.fire
		w.timer = time.AfterFunc(w.debounce, func() {
			select {
			case fire <- struct{}{}:
			default:
			}
		})
	} else {
		w.timer.Reset(w.debounce)
	}
}

// update reloads what changed since the last update, all of it when
// something else than a journey file changed; nothing while a served
// folder is gone (the pages keep the last version).
func (w *watch) update() {
	if !w.check() {
		return
	}
	if w.full {
		w.s.Reload()
	} else {
		paths := make([]string, 0, len(w.changed))
		for p := range w.changed {
			paths = append(paths, p)
		}
		w.s.Update(paths)
	}
	w.changed, w.full = map[string]bool{}, false
}

// root is a folder serve watches: one given, or a given file's folder.
type root struct {
	path      string // as given
	abs       string
	recursive bool
	fi        os.FileInfo // nil while it is gone
}

func newRoot(path string, recursive bool) *root {
	r := &root{path: path, recursive: recursive}
	r.abs, _ = filepath.Abs(path)
	r.fi, _ = os.Stat(r.abs)
	return r
}

// check stats the folder: gone is true when it just went away, back when
// it just came back or was replaced by another folder.
func (r *root) check() (gone, back bool) {
	fi, err := os.Stat(r.abs)
	if err != nil || !fi.IsDir() {
		gone = r.fi != nil
		r.fi = nil
		return gone, false
	}
	back = r.fi == nil || !os.SameFile(fi, r.fi)
	r.fi = fi
	return false, back
}

// sameDir reports whether two paths name the same existing folder.
func sameDir(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
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

// HostCheck answers only requests whose Host header names this server. A
// server on loopback, or on every interface, is still reachable from a web
// page the user opens, through DNS rebinding (a hostile name that resolves
// first to the attacker, then to this machine): the browser then sends the
// hostile name as Host, and the check refuses it. Allowed: localhost and
// every loopback address, the address the server listens on (every address
// of this machine's interfaces when it listens on all of them), and the
// names given (serve --allow-host).
type HostCheck struct {
	names map[string]bool // lower case, no port, no brackets
	// anyIP: the server listens on every interface, so each of their
	// addresses names it (read when asked: addresses change).
	anyIP bool
	addrs func() ([]net.Addr, error)
}

// NewHostCheck is the check for a server listening on listenHost (the host
// of its address: "", "0.0.0.0" and "::" mean every interface) that also
// answers to the names in allow (host names or addresses, a port allowed).
func NewHostCheck(listenHost string, allow []string) *HostCheck {
	c := &HostCheck{names: map[string]bool{"localhost": true}, addrs: net.InterfaceAddrs}
	ip := net.ParseIP(strings.Trim(listenHost, "[]"))
	switch {
	case listenHost == "" || ip != nil && ip.IsUnspecified():
		c.anyIP = true
	default:
		c.names[canonHost(listenHost)] = true
	}
	for _, a := range allow {
		if h := canonHost(a); h != "" {
			c.names[h] = true
		}
	}
	return c
}

// canonHost is a Host header's or a name's host: no port, no brackets, no
// trailing dot, lower case; an address in its canonical form.
func canonHost(h string) string {
	if hh, _, err := net.SplitHostPort(h); err == nil {
		h = hh
	}
	h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return h
}

// Allowed reports whether a request's Host header names this server.
func (c *HostCheck) Allowed(host string) bool {
	h := canonHost(host)
	if h == "" {
		return false
	}
	if c.names[h] {
		return true
	}
	ip := net.ParseIP(h)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	if !c.anyIP {
		return false
	}
	addrs, err := c.addrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// Handler refuses (403) the requests whose Host is not allowed, saying
// what is.
func (c *HostCheck) Handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !c.Allowed(r.Host) {
			what := "localhost, 127.0.0.1, [::1]"
			if c.anyIP || len(c.names) > 1 {
				what += ", the addresses it listens on and the names given with --allow-host"
			}
			http.Error(w, fmt.Sprintf("this server answers only to %s, not to %q (against DNS rebinding): start it with --allow-host NAME to add a name",
				what, r.Host), http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// LocalHostOnly refuses requests whose Host header does not name this
// machine's loopback (NewHostCheck for a server on 127.0.0.1).
func LocalHostOnly(h http.Handler) http.Handler {
	return NewHostCheck("127.0.0.1", nil).Handler(h)
}
