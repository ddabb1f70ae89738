package site

import (
	"bytes"
	"strings"
	"testing"
)

// TestClientSite: a client's site shows no file paths, line numbers or
// "· cxmap" in titles unless SourceLinks asks for them (issue 20).
func TestClientSite(t *testing.T) {
	ins := load(t, "../../examples/building-permit")
	for _, links := range []bool{false, true} {
		s := New(ins, Options{SourceLinks: links}, nil)
		var idx, page bytes.Buffer
		if err := s.Index(&idx); err != nil {
			t.Fatal(err)
		}
		if err := s.Journey(&page, ins[0].Path, nil, nil); err != nil {
			t.Fatal(err)
		}
		for name, html := range map[string]string{"index": idx.String(), "page": page.String()} {
			has := strings.Contains(html, "current.yaml") || strings.Contains(html, " · cxmap</title>") || strings.Contains(html, " · line ")
			if has != links {
				t.Errorf("SourceLinks %v: the %s shows paths, line numbers or · cxmap: %v", links, name, has)
			}
		}
		if !strings.Contains(idx.String(), `class="legend"`) {
			t.Error("the index has no legend for the rating strip")
		}
	}
}

// TestDuplicateJourneyIDs: two files with one journey id are an error
// naming both, not a silent "-2" page.
func TestDuplicateJourneyIDs(t *testing.T) {
	a := load(t, "../../examples/insurance-claim.yaml")
	b := load(t, "../../examples/insurance-claim.yaml")
	b[0].Path = "drafts/insurance-claim.yaml"
	s := New(append(a, b...), Options{}, nil)
	d := s.Duplicates()
	if len(d) != 1 || !strings.Contains(d[0], "drafts/insurance-claim.yaml") || !strings.Contains(d[0], a[0].Path) {
		t.Fatalf("duplicates = %q", d)
	}
	if s.Len() != 1 {
		t.Errorf("%d journeys in the site, want 1", s.Len())
	}
}
