package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
)

func cacheJourney(t *testing.T) (*journey.Journey, *Site) {
	t.Helper()
	res := inputs.Load([]string{"../../examples/insurance-claim.yaml"}, inputs.Options{})
	if len(res) != 1 || res[0].Journey == nil {
		t.Fatal("example does not load")
	}
	j := res[0].Journey
	return j, New([]Input{{Path: j.Path, Journey: j}}, Options{}, nil)
}

// page draws j's page through the cache in dir, with warnings in warn.
func cachedPage(t *testing.T, dir string, j *journey.Journey, s *Site, warn *bytes.Buffer) string {
	t.Helper()
	c, err := NewCache(dir, warn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bp, err := c.Layouts()(j)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.Journey(&b, j.Path, bp, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A poisoned cache cannot bring markup into a page: the cache keeps the
// laid-out grid, and its texts are escaped when drawn. Before, a cached SVG
// holding <set attributeName="href" to="javascript:…"/> passed the fence
// and ran on click.
func TestSiteCachePoisoned(t *testing.T) {
	j, s := cacheJourney(t)
	dir := t.TempDir()
	var warn bytes.Buffer
	clean := cachedPage(t, dir, j, s, &warn)
	c, _ := NewCache(dir, &warn, Options{})
	name := c.file(j)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("no cache entry written: %v", err)
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil || e.Format != cacheFormat {
		t.Fatalf("entry is not a grid: %v", err)
	}
	if again := cachedPage(t, dir, j, s, &warn); again != clean {
		t.Fatal("a page drawn from the cache differs from one drawn afresh")
	}
	evil := `<set attributeName="href" to="javascript:alert(document.domain)"/>`
	e.Blueprint.Full.Cells[0].Text.Lines[0] = evil
	e.Blueprint.Full.Title.Heading.Lines = []string{`</text><a href="javascript:alert(1)"><text>x</text></a>`}
	e.Blueprint.Stages[0].Cells[0].Text.Lines[0] = evil
	data, _ = json.Marshal(e)
	os.WriteFile(name, data, 0o644)
	// The old format's name too (a cached SVG is never read).
	os.WriteFile(strings.TrimSuffix(name, ".grid.json")+".svg", []byte(`<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`), 0o644)
	page := cachedPage(t, dir, j, s, &warn)
	for _, bad := range []string{"<set", `to="javascript`, `href="javascript`} {
		if strings.Contains(page, bad) {
			t.Errorf("poisoned cache: page holds %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;set attributeName=") {
		t.Error("the poisoned label is not shown as text")
	}
	if strings.Contains(page, "could not be drawn") {
		t.Error("the blueprint was refused, not drawn escaped")
	}
}

// An entry that is not a regular file is skipped with a warning: before,
// a symlink to /dev/zero grew memory without bound and a FIFO hung.
func TestSiteCacheNotRegular(t *testing.T) {
	j, s := cacheJourney(t)
	want := cachedPage(t, t.TempDir(), j, s, &bytes.Buffer{})
	for _, c := range []struct {
		name, kind string
		make       func(string) error
	}{
		{"dev-zero", "a symbolic link", func(p string) error { return os.Symlink(os.DevNull, p) }},
		{"symlink to an entry", "a symbolic link", func(p string) error {
			other := filepath.Join(t.TempDir(), "x.grid.json")
			os.WriteFile(other, []byte(`{"format":"`+cacheFormat+`","blueprint":{"full":{}}}`), 0o644)
			return os.Symlink(other, p)
		}},
		{"fifo", "a named pipe", mkfifo},
		{"directory", "a directory", func(p string) error { return os.Mkdir(p, 0o755) }},
		{"garbage", "not a blueprint this build wrote", func(p string) error { return os.WriteFile(p, []byte("<svg/>"), 0o644) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var warn bytes.Buffer
			cache, _ := NewCache(dir, &warn, Options{})
			if c.name == "dev-zero" {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero here")
				}
				if err := os.Symlink("/dev/zero", cache.file(j)); err != nil {
					t.Skip("cannot make a symlink here:", err)
				}
			} else if err := c.make(cache.file(j)); err != nil {
				t.Skip("cannot make it here:", err)
			}
			done := make(chan string, 1)
			go func() { done <- cachedPage(t, dir, j, s, &warn) }()
			var page string
			select {
			case page = <-done:
			case <-time.After(20 * time.Second): // a hang guard
				t.Fatal("reading the cache entry hangs")
			}
			if page != want {
				t.Error("the page is not the one drawn afresh")
			}
			if !strings.Contains(warn.String(), c.kind) || !strings.Contains(warn.String(), "--cache: "+cache.file(j)) {
				t.Errorf("warning %q does not say %q", warn.String(), c.kind)
			}
		})
	}
}
