package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
)

// site applies render's work bound: a journey render refuses to draw gets
// its page without a blueprint, with render's message and advice, on the
// page and on stderr, and exit 2; the other journeys are written as usual.
// Before, site drew it whatever its size (300 steps × 100 lanes: a 31 MB
// page, 375 MB of memory).
func TestSiteWorkBound(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "big.yaml"), testgen.Journey(1, 2500), 0o644)
	os.WriteFile(filepath.Join(dir, "small.yaml"), testgen.Journey(2, 5), 0o644)
	streams, _, errOut := TestStreams("")
	streams.Dir = dir
	out := filepath.Join(dir, "site")
	err := siteRun(&SiteOptions{IO: streams, Paths: []string{filepath.Join(dir, "big.yaml"), filepath.Join(dir, "small.yaml")}, Out: out, NoHistory: true})
	if code := exitCode(err); code != ExitUsage {
		t.Fatalf("exit %d (%v), want 2", code, err)
	}
	msg := "too large to draw: 2500 steps make"
	advice := "split it into"
	if s := errOut.String(); !strings.Contains(s, "big.yaml: "+msg) || !strings.Contains(s, advice) || !strings.Contains(s, "its page has no blueprint") {
		t.Errorf("stderr does not say why and what to do:\n%s", s)
	}
	big, err := os.ReadFile(filepath.Join(out, "journeys", "journey-1.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(big), "The blueprint could not be drawn: "+msg) || strings.Contains(string(big), `class="blueprint"`) {
		t.Error("the big journey's page does not say why it has no blueprint")
	}
	small, err := os.ReadFile(filepath.Join(out, "journeys", "journey-2.html"))
	if err != nil || !strings.Contains(string(small), `class="blueprint"`) {
		t.Error("the small journey's page has no blueprint")
	}
}
