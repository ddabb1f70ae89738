package site

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// liveServer serves a copy of the insurance-claim example and watches it.
func liveServer(t *testing.T) (base, file string, srv *Server) {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(dir, "claim.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	srv = NewServer(func(paths []string) []Input {
		if paths == nil {
			paths = []string{dir}
		}
		return load(t, paths...)
	}, Options{})
	ts := httptest.NewServer(srv)
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan struct{})
	go srv.Watch(ctx, []string{dir}, 100*time.Millisecond, func() { close(watching) })
	<-watching
	t.Cleanup(func() { cancel(); srv.Close(); ts.Close() })
	return ts.URL, file, srv
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	return string(b)
}

// nextVersion reads the event stream until an event other than skip.
func nextVersion(t *testing.T, lines *bufio.Scanner, skip string) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if v, ok := strings.CutPrefix(lines.Text(), "data: "); ok && v != skip {
				got <- v
				return
			}
		}
		close(got)
	}()
	select {
	case v := <-got:
		return v
	case <-time.After(20 * time.Second): // a hang guard, not a timing assertion
		t.Fatal("no reload event after the file was saved")
	}
	return ""
}

func TestServeReloadsAndShowsFindings(t *testing.T) {
	base, file, _ := liveServer(t)
	index := get(t, base+"/")
	if !strings.Contains(index, `data-live="1" data-version="1"`) || !strings.Contains(index, "journeys/insurance-claim.html") {
		t.Fatalf("index is not a live page listing the journey:\n%.400s", index)
	}
	page := get(t, base+"/journeys/insurance-claim.html")
	if !strings.Contains(page, `class="node step"`) {
		t.Fatal("journey page has no blueprint")
	}

	res, err := http.Get(base + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	lines := bufio.NewScanner(res.Body)
	if v := nextVersion(t, lines, ""); v != "1" {
		t.Fatalf("first event says version %q, want 1", v)
	}

	// An editor's save: write a new file and rename it over the old one.
	src, _ := os.ReadFile(file)
	edited := strings.Replace(string(src), "title: ", "title: Edited — ", 1)
	tmp := file + ".tmp"
	os.WriteFile(tmp, []byte(edited), 0o644)
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	v := nextVersion(t, lines, "1")
	if !strings.Contains(get(t, base+"/journeys/insurance-claim.html"), "<h1>Edited — ") {
		t.Errorf("page not redrawn after the save (version %s)", v)
	}

	// A bad edit: the page shows the findings with file:line:col.
	os.WriteFile(file, []byte(edited+"\nstages: [\n"), 0o644)
	nextVersion(t, lines, v)
	bad := get(t, base+"/journeys/insurance-claim.html")
	if !strings.Contains(bad, "does not validate") || !strings.Contains(bad, file+":") {
		t.Errorf("bad edit shows no findings:\n%s", bad)
	}
}

func TestServeSeesNewFiles(t *testing.T) {
	base, file, srv := liveServer(t)
	v := srv.Version()
	src, _ := os.ReadFile(file)
	other := strings.Replace(string(src), "id: insurance-claim", "id: second-claim", 1)
	os.WriteFile(filepath.Join(filepath.Dir(file), "second.yaml"), []byte(other), 0o644)
	for deadline := time.Now().Add(20 * time.Second); srv.Version() == v && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(get(t, base+"/"), "journeys/second-claim.html") {
		t.Error("a new file is not on the index")
	}
}

func TestServeUnknownPage(t *testing.T) {
	base, _, _ := liveServer(t)
	res, err := http.Get(base + "/journeys/nope.html")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown page: %s", res.Status)
	}
	res, _ = http.Post(base+"/", "text/plain", nil)
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s", res.Status)
	}
}

func TestRelevant(t *testing.T) {
	for name, want := range map[string]bool{
		"a/b.yaml": true, "a/b.YML": true, "a/.cxmap.yaml": true, "a/.b.yaml.swp": false,
		"a/.#b.yaml": false, "a/b.txt": false, "a/4913": false,
	} {
		if got := relevant(name, nil); got != want {
			t.Errorf("relevant(%q) = %v", name, got)
		}
	}
}

func TestLocalHostOnly(t *testing.T) {
	h := LocalHostOnly(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "localhost": 200,
		"evil.example:8080": 403, "192.168.1.2:8080": 403, "": 403,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
	}
}
