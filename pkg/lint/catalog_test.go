package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
)

// TestCatalogEntriesNotUnused: unused-lane and unused-source look only at
// what the journey itself defines; a catalog's unused lanes and sources are
// the catalog's business.
func TestCatalogEntriesNotUnused(t *testing.T) {
	dir := t.TempDir()
	cat := "cxmap-catalog: 1\nid: c\nlanes:\n  - {id: web, name: Web, zone: frontstage}\n  - {id: kiosk, name: Kiosk, zone: frontstage, channel: kiosk}\n" +
		"sources:\n  - {id: fft, kind: survey, title: FFT}\n  - {id: audit, kind: analytics, title: Audit}\n"
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	src := edit(t, base, "lanes:\n", "uses: [c.yaml]\nlanes:\n  - {id: unused, name: Unused, zone: support}\n")
	src = edit(t, src, "          - lane: portal\n", "          - lane: web\n            does: Shows the form\n          - lane: portal\n")
	j, fs := journey.Parse(filepath.Join(dir, "j.yaml"), []byte(src))
	if j == nil {
		t.Fatal(fs)
	}
	got := show(Lint(j, testOptions()), "")
	var unused []string
	for _, g := range got {
		if contains(g, "never used") || contains(g, "never cited") {
			unused = append(unused, g)
		}
	}
	if len(unused) != 1 || !contains(unused[0], `lane "unused"`) {
		t.Fatalf("want only the journey's own unused lane, got %q", unused)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
