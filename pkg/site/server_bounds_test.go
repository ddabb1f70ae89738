package site

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// hangGuard bounds a wait in a test; it is not a timing assertion.
const hangGuard = 20 * time.Second

func TestHTTPServerBounds(t *testing.T) {
	_, _, srv := liveServer(t)
	hs := srv.HTTPServer(srv)
	if hs.IdleTimeout <= 0 || hs.ReadHeaderTimeout <= 0 {
		t.Fatalf("IdleTimeout %v, ReadHeaderTimeout %v: an idle or silent connection is kept for ever", hs.IdleTimeout, hs.ReadHeaderTimeout)
	}
	if hs.WriteTimeout != 0 || hs.ReadTimeout != 0 {
		t.Fatalf("WriteTimeout %v, ReadTimeout %v would cut the event streams", hs.WriteTimeout, hs.ReadTimeout)
	}

	// An idle keep-alive connection is closed by the server.
	hs.IdleTimeout = 100 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	br := bufio.NewReader(c)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Close {
		t.Fatalf("first request: %s (close %v)", res.Status, res.Close)
	}
	c.SetReadDeadline(time.Now().Add(hangGuard))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("idle keep-alive connection not closed by the server: %v", err)
	}
}

// stream opens an event stream and returns its lines.
func stream(t *testing.T, url string) (*http.Response, *bufio.Scanner) {
	t.Helper()
	res, err := http.Get(url + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res, bufio.NewScanner(res.Body)
}

func TestEventStreamsCapped(t *testing.T) {
	_, _, srv := liveServer(t)
	srv.MaxStreams = 2
	ts := httptest.NewServer(srv)
	defer func() { srv.Close(); ts.Close() }() // end the streams, then the server
	var open []*http.Response
	for range 2 {
		res, lines := stream(t, ts.URL)
		if res.StatusCode != 200 {
			t.Fatalf("stream within the cap: %s", res.Status)
		}
		nextVersion(t, lines, "")
		open = append(open, res)
	}
	res, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(b), "too many live pages are open (2") {
		t.Fatalf("stream over the cap: %s %q, want 503 saying why", res.Status, b)
	}
	// A page closed frees its place.
	open[0].Body.Close()
	for deadline := time.Now().Add(hangGuard); ; time.Sleep(20 * time.Millisecond) {
		res, err := http.Get(ts.URL + EventsPath)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a closed stream's place is never freed")
		}
	}
}

// A stream's write deadline is per event: a stream idle for longer than
// WriteTimeout still gets the next event.
func TestEventStreamOutlivesWriteTimeout(t *testing.T) {
	_, _, srv := liveServer(t)
	srv.WriteTimeout = 50 * time.Millisecond
	srv.Heartbeat = hangGuard
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer(srv)
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	_, lines := stream(t, "http://"+ln.Addr().String())
	v := nextVersion(t, lines, "")
	time.Sleep(4 * srv.WriteTimeout)
	srv.Reload()
	if next := nextVersion(t, lines, v); next == v {
		t.Fatal("no new version")
	}
	// The notice reaches the page too.
	srv.SetNotice("journeys was removed;\nwaiting")
	for lines.Scan() {
		if lines.Text() == "data: journeys was removed; waiting" {
			return
		}
	}
	t.Fatal("the notice never came")
}

func TestHostCheck(t *testing.T) {
	lan := func() ([]net.Addr, error) {
		return []net.Addr{&net.IPNet{IP: net.ParseIP("192.168.1.2"), Mask: net.CIDRMask(24, 32)},
			&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)}}, nil
	}
	for _, c := range []struct {
		listen string
		allow  []string
		host   string
		want   int
	}{
		{"127.0.0.1", nil, "127.0.0.1:8080", 200},
		{"127.0.0.1", nil, "localhost:8080", 200},
		{"127.0.0.1", nil, "LocalHost.:8080", 200},
		{"127.0.0.1", nil, "[::1]:8080", 200},
		{"127.0.0.1", nil, "evil.example:8080", 403},
		{"127.0.0.1", nil, "192.168.1.2:8080", 403},
		{"127.0.0.1", nil, "", 403},
		// Every interface: the check stays on (it was off).
		{"0.0.0.0", nil, "evil.example:8080", 403},
		{"", nil, "evil.example", 403},
		{"::", nil, "evil.example", 403},
		{"0.0.0.0", nil, "192.168.1.2:8080", 200},
		{"", nil, "[fe80::1]:8080", 200},
		{"0.0.0.0", nil, "192.168.1.3:8080", 403},
		{"0.0.0.0", nil, "localhost:8080", 200},
		{"0.0.0.0", nil, "127.0.0.1:8080", 200},
		{"0.0.0.0", []string{"workshop.local"}, "Workshop.Local:8080", 200},
		{"0.0.0.0", []string{"workshop.local:8080"}, "workshop.local", 200},
		{"0.0.0.0", []string{"workshop.local"}, "workshop.local.evil.example", 403},
		// One address: that one.
		{"192.168.1.2", nil, "192.168.1.2:8080", 200},
		{"192.168.1.2", nil, "[fe80::1]:8080", 403},
		{"192.168.1.2", nil, "evil.example:8080", 403},
	} {
		hc := NewHostCheck(c.listen, c.allow)
		hc.addrs = lan
		h := hc.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("listening on %q, allowing %q: Host %q: %d, want %d", c.listen, c.allow, c.host, w.Code, c.want)
		}
		if w.Code == 403 && !strings.Contains(w.Body.String(), "--allow-host") {
			t.Errorf("the refusal does not say what to do: %s", w.Body)
		}
	}
}

// lockedLog is a log the server's goroutines write to.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (s *Server) versionString() string { return strconv.Itoa(s.Version()) }

// serve answers a source's research file from where it is, sandboxed, and
// nothing else under sources/.
func TestServeSourceFiles(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "research"), 0o755)
	os.WriteFile(filepath.Join(dir, "research", "notes.html"), []byte("<script>alert(1)</script>"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, "j.yaml"), []byte(`cxmap: 1
id: j
title: J
sources:
  - id: notes
    kind: observation
    title: Notes
    url: research/notes.html
stages:
  - id: s
    name: S
    steps:
      - id: x
        action: Does x
        sources: [notes]
`), 0o644)
	ts, _ := watchRoot(t, dir, io.Discard)
	if page := get(t, ts.URL+"/journeys/j.html"); !strings.Contains(page, `href="../sources/research/notes.html"`) {
		t.Fatal("the page does not link the copy's place")
	}
	res, err := http.Get(ts.URL + "/sources/research/notes.html")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(b) != "<script>alert(1)</script>" || res.Header.Get("Content-Security-Policy") != "sandbox" {
		t.Errorf("research file: %s %q, CSP %q", res.Status, b, res.Header.Get("Content-Security-Policy"))
	}
	for _, p := range []string{"/sources/secret.txt", "/sources/j.yaml", "/sources/research/", "/sources/%2e%2e/secret.txt"} {
		res, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", p, res.Status)
		}
	}
}

// A page that stops reading its event stream is dropped once an event
// cannot be written within WriteTimeout; it does not hold its place.
func TestEventStreamStalledReaderDropped(t *testing.T) {
	_, _, srv := liveServer(t)
	srv.WriteTimeout = 50 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer(srv)
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.(*net.TCPConn).SetReadBuffer(4096)
	io.WriteString(c, "GET "+EventsPath+" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	streams := func() int {
		srv.subMu.Lock()
		defer srv.subMu.Unlock()
		return len(srv.subs)
	}
	for deadline := time.Now().Add(hangGuard); streams() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the stream never opened")
		}
	}
	// Never read; send large notices until the socket is full.
	big := strings.Repeat("x", 256<<10)
	for i := 0; streams() > 0; i++ {
		if i > 2000 {
			t.Fatal("a stream nobody reads is never dropped")
		}
		srv.SetNotice(big + strconv.Itoa(i))
		time.Sleep(10 * time.Millisecond)
	}
}
