package diff

import (
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

func TestCompareCatalogs(t *testing.T) {
	old := &journey.Catalog{ID: "c", Title: "C",
		Lanes:    []journey.Lane{{ID: "web", Name: "Web", Zone: "frontstage"}, {ID: "gone", Name: "Gone"}},
		Personas: []journey.Persona{{ID: "p", Name: "P", Expectations: []string{"a"}}},
		Sources:  []journey.Source{{ID: "s", Kind: "survey", Title: "S"}},
	}
	new := &journey.Catalog{ID: "c", Title: "C2",
		Lanes:    []journey.Lane{{ID: "web", Name: "Web", Zone: "backstage", Channel: "sms"}, {ID: "app", Name: "App"}},
		Personas: []journey.Persona{{ID: "p", Name: "P", Expectations: []string{"a", "b"}}},
		Sources:  []journey.Source{{ID: "s", Kind: "survey", Title: "S", N: 12, Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}},
	}
	tests := []struct {
		name     string
		old, new *journey.Catalog
		want     []string
	}{
		{"changed", old, new, []string{
			"catalog c (C2) changed: title: C → C2",
			"lane web (Web) changed: zone: frontstage → backstage; channel: (none) → sms",
			"lane app (App) added",
			"lane gone (Gone) removed",
			"persona p (P) changed: expectations: a → a; b",
			"source s (S) changed: date: (none) → 2026-01-02; n: (none) → 12",
		}},
		{"added", nil, old, []string{"lane web (Web) added", "lane gone (Gone) added", "persona p (P) added", "source s (S) added"}},
		{"removed", new, nil, []string{"lane web (Web) removed", "lane app (App) removed", "persona p (P) removed", "source s (S) removed"}},
		{"same", old, old, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range CompareCatalogs(tt.old, tt.new) {
				got = append(got, e.text())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCatalogUsedBy(t *testing.T) {
	cat := &journey.Catalog{Path: "REV:cat.yaml"}
	j := &journey.Journey{Catalogs: []*journey.Catalog{cat},
		Lanes:           []journey.Lane{{ID: "own"}, {ID: "web", Origin: "REV:cat.yaml"}, {ID: "other", Origin: "REV:x.yaml"}},
		Sources:         []journey.Source{{ID: "s", Origin: "REV:cat.yaml"}},
		CatalogPersonas: []journey.Persona{{ID: "p", Origin: "REV:cat.yaml"}},
	}
	cd := &CatalogDiff{Entries: []CatalogEntry{{Kind: "lane", ID: "web"}, {Kind: "lane", ID: "other"}, {Kind: "source", ID: "s"}, {Kind: "persona", ID: "q"}}}
	uses, ok := cd.UsedBy(j, "REV:cat.yaml")
	if !ok || strings.Join(uses, ",") != "lane web,source s" {
		t.Errorf("UsedBy = %q, %v", uses, ok)
	}
	if _, ok := cd.UsedBy(j, "REV:elsewhere.yaml"); ok {
		t.Error("a journey not using the catalog counts as a user")
	}
}

func TestShownUsers(t *testing.T) {
	c := &CatalogDiff{}
	for i := 0; i < 12; i++ {
		c.Users = append(c.Users, CatalogUser{Path: "q.yaml"})
	}
	c.Users = append(c.Users, CatalogUser{Path: "u.yaml", Uses: []string{"lane web"}}, CatalogUser{Path: "b.yaml", Invalid: true})
	shown, rest := c.shownUsers()
	if len(shown) != 2 || rest != 12 || restText(rest, true) != "and 12 journeys that use the catalog but none of what changed" || restText(1, false) != "1 journey that uses the catalog but none of what changed" {
		t.Errorf("shown %d, rest %d (%s)", len(shown), rest, restText(rest, true))
	}
	c.Users = c.Users[2:] // 10 quiet ones: all listed
	if shown, rest := c.shownUsers(); len(shown) != 12 || rest != 0 {
		t.Errorf("few quiet users: shown %d, rest %d", len(shown), rest)
	}
}
