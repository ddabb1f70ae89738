package site

import (
	"bufio"
	"context"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/internal/brandtest"
	"github.com/cxmap/cxmap/pkg/inputs"
)

// watchRoot serves root (a folder, relative to the working folder or not)
// and watches it; the loader never fails the test, as the folder comes and
// goes.
func watchRoot(t *testing.T, root string, log io.Writer) (*httptest.Server, *Server) {
	t.Helper()
	return watchRootWith(t, root, log, Options{})
}

// watchRootWith is watchRoot with the site's options (a locale, say).
func watchRootWith(t *testing.T, root string, log io.Writer, o Options) (*httptest.Server, *Server) {
	t.Helper()
	srv := NewServer(func(paths []string) []Input {
		if paths == nil {
			paths = []string{root}
		}
		var ins []Input
		for _, r := range inputs.Load(paths, inputs.Options{}) {
			if r.Err == nil {
				ins = append(ins, Input{Path: r.Path, Journey: r.Journey, Findings: r.Findings})
			}
		}
		return ins
	}, o)
	srv.Log = log
	ts := httptest.NewServer(srv)
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		srv.Watch(ctx, []string{root}, 50*time.Millisecond, func() { close(watching) })
		close(stopped)
	}()
	<-watching
	t.Cleanup(func() { cancel(); <-stopped; srv.Close(); ts.Close() })
	return ts, srv
}

// nextEvent reads the stream until a data line for which ok is true.
func nextEvent(t *testing.T, lines *bufio.Scanner, what string, ok func(string) bool) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if v, found := strings.CutPrefix(lines.Text(), "data: "); found && ok(v) {
				got <- v
				return
			}
		}
		close(got)
	}()
	select {
	case v, open := <-got:
		if !open {
			t.Fatalf("the stream ended before %s", what)
		}
		return v
	case <-time.After(hangGuard):
		t.Fatalf("no event: %s", what)
	}
	return ""
}

// The served folder removed and made again (a branch switch, a fresh
// clone): before, every request was 404 from then on and the log said only
// "wd: no such file or directory". Now the pages keep the last version and
// say the folder is gone, the log says so, and when it is back it is
// watched and read again.
func TestServeFolderRemovedAndBack(t *testing.T) {
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		chdir bool // serve "." from inside the folder
	}{{"path", false}, {"working folder", true}} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "journeys")
			os.Mkdir(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "claim.yaml"), src, 0o644)
			root := dir
			if c.chdir {
				t.Chdir(dir)
				root = "."
			}
			var log lockedLog
			ts, srv := watchRoot(t, root, &log)
			_, lines := stream(t, ts.URL)
			v := nextVersion(t, lines, "")

			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			notice := nextEvent(t, lines, "a notice that the folder is gone", func(s string) bool { return strings.Contains(s, "removed") })
			if !strings.Contains(notice, root+" was removed") {
				t.Errorf("notice %q does not name the folder", notice)
			}
			if !strings.Contains(get(t, ts.URL+"/journeys/insurance-claim.html"), `class="node step"`) {
				t.Error("the last version is not served while the folder is gone")
			}

			os.Mkdir(dir, 0o755)
			edited := strings.Replace(string(src), "title: ", "title: Back — ", 1)
			os.WriteFile(filepath.Join(dir, "claim.yaml"), []byte(edited), 0o644)
			nextEvent(t, lines, "the notice taken back", func(s string) bool { return s == "" })
			nextVersion(t, lines, v)
			if !strings.Contains(get(t, ts.URL+"/journeys/insurance-claim.html"), "<h1>Back — ") {
				t.Error("the page is not read again from the folder made again")
			}
			// And it is watched again: a save shows.
			v = srv.versionString()
			os.WriteFile(filepath.Join(dir, "claim.yaml"), []byte(strings.Replace(edited, "Back — ", "Saved — ", 1)), 0o644)
			nextVersion(t, lines, v)
			if !strings.Contains(get(t, ts.URL+"/journeys/insurance-claim.html"), "<h1>Saved — ") {
				t.Error("a save in the folder made again is not seen")
			}
			l := log.String()
			if !strings.Contains(l, root+" removed: the pages show the last version") || !strings.Contains(l, root+" back: reading every file again") {
				t.Errorf("the log does not say what happened:\n%s", l)
			}
		})
	}
}

// The banner a live page shows when the served folder is removed is in the
// site's language: a French site has no English in it.
func TestServeFolderRemovedFrench(t *testing.T) {
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "journeys")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "claim.yaml"), src, 0o644)
	var log lockedLog
	ts, _ := watchRootWith(t, dir, &log, Options{Locale: brandtest.Locale(t, "fr")})
	_, lines := stream(t, ts.URL)
	nextVersion(t, lines, "")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	notice := nextEvent(t, lines, "a notice that the folder is gone", func(s string) bool { return strings.Contains(s, dir) })
	fr := catalogue(t, "site", "fr")["{x} was removed: this page shows the last version, and reloads when it is back."]
	if want := strings.ReplaceAll(fr, "{x}", dir); notice != want {
		t.Errorf("notice %q, want %q", notice, want)
	}
	for _, w := range []string{"removed", "this page", "last version", "reloads"} {
		if strings.Contains(notice, w) {
			t.Errorf("English %q in the French notice %q", w, notice)
		}
	}
}
