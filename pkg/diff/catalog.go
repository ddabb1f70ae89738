package diff

import (
	"bufio"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

// CatalogDiff is one catalog file that differs between two revisions:
// its lanes, personas and sources added, removed or changed (matched by
// id), and the journeys that use what changed (the blast radius of a
// catalog edit, for a reviewer).
type CatalogDiff struct {
	Status  string `json:"status"` // added, removed, changed, renamed
	OldPath string `json:"oldPath,omitempty"`
	NewPath string `json:"newPath,omitempty"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	// Entries are the lanes, personas and sources that changed, in
	// catalog order: lanes, then personas, then sources.
	Entries []CatalogEntry `json:"entries"`
	// Users are the journeys (in the new revision, the old for a removed
	// catalog) that use the catalog, with what changed that each uses.
	Users []CatalogUser `json:"users"`
}

// CatalogEntry is one lane, persona or source of a catalog that changed.
type CatalogEntry struct {
	Kind   string `json:"kind"`   // lane, persona, source; catalog for its own id and title
	ID     string `json:"id"`     // the id journeys name it by
	Change string `json:"change"` // added, removed, changed
	Name   string `json:"name"`   // name or title, new when there is one
	// Fields are the fields that changed ("zone: frontstage → backstage").
	Fields []string `json:"fields,omitempty"`
}

// CatalogUser is a journey that uses a changed catalog.
type CatalogUser struct {
	Path  string `json:"path"`
	ID    string `json:"id"`
	Title string `json:"title"`
	// Uses are the changed entries the journey names ("lane web"); empty
	// when it uses the catalog but none of what changed.
	Uses []string `json:"uses"`
	// Invalid says the journey is not valid in the new revision any more
	// (Problem says why), though it was in the old one.
	Invalid bool   `json:"invalid,omitempty"`
	Problem string `json:"problem,omitempty"`
}

// CompareCatalogs lists what changed between two versions of a catalog;
// old or new is nil for an added or a removed catalog (every entry is then
// added or removed).
func CompareCatalogs(old, new *journey.Catalog) []CatalogEntry {
	if old == nil {
		old = &journey.Catalog{}
	}
	if new == nil {
		new = &journey.Catalog{}
	}
	var out []CatalogEntry
	if old.ID != "" && new.ID != "" {
		// The catalog's own id and title.
		out = append(out, compareEntries("catalog", []journey.Catalog{*old}, []journey.Catalog{*new}, func(journey.Catalog) string { return new.ID },
			func(c journey.Catalog) string { return c.Title },
			func(c journey.Catalog) [][2]string { return [][2]string{{"id", c.ID}, {"title", c.Title}} })...)
	}
	out = append(out, compareEntries("lane", old.Lanes, new.Lanes, func(l journey.Lane) string { return l.ID },
		func(l journey.Lane) string { return l.Name },
		func(l journey.Lane) [][2]string {
			return [][2]string{{"name", l.Name}, {"zone", l.Zone}, {"channel", l.Channel}}
		})...)
	out = append(out, compareEntries("persona", old.Personas, new.Personas, func(p journey.Persona) string { return p.ID },
		func(p journey.Persona) string { return p.Name },
		func(p journey.Persona) [][2]string {
			return [][2]string{{"name", p.Name}, {"goal", p.Goal}, {"expectations", strings.Join(p.Expectations, "; ")}}
		})...)
	out = append(out, compareEntries("source", old.Sources, new.Sources, func(s journey.Source) string { return s.ID },
		func(s journey.Source) string { return s.Title },
		func(s journey.Source) [][2]string {
			date, n := "", ""
			if !s.Date.IsZero() {
				date = s.Date.Format("2006-01-02")
			}
			if s.N > 0 {
				n = strconv.Itoa(s.N)
			}
			return [][2]string{{"kind", s.Kind}, {"title", s.Title}, {"url", s.URL}, {"date", date}, {"n", n}}
		})...)
	return out
}

// compareEntries matches entries by id: those of new in order (added or
// changed), then those only in old (removed), in old's order.
func compareEntries[T any](kind string, old, new []T, id, name func(T) string, fields func(T) [][2]string) []CatalogEntry {
	oldBy := map[string]T{}
	for _, e := range old {
		oldBy[id(e)] = e
	}
	newIDs := map[string]bool{}
	var out []CatalogEntry
	for _, e := range new {
		newIDs[id(e)] = true
		o, ok := oldBy[id(e)]
		if !ok {
			out = append(out, CatalogEntry{Kind: kind, ID: id(e), Change: "added", Name: name(e)})
			continue
		}
		var changed []string
		of, nf := fields(o), fields(e)
		for i := range nf {
			if of[i][1] != nf[i][1] {
				changed = append(changed, fmt.Sprintf("%s: %s → %s", nf[i][0], orNone(of[i][1]), orNone(nf[i][1])))
			}
		}
		if len(changed) > 0 {
			out = append(out, CatalogEntry{Kind: kind, ID: id(e), Change: "changed", Name: name(e), Fields: changed})
		}
	}
	for _, e := range old {
		if !newIDs[id(e)] {
			out = append(out, CatalogEntry{Kind: kind, ID: id(e), Change: "removed", Name: name(e)})
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// UsedBy is what of the changed entries j names through this catalog
// (catalogPath: the catalog as j's catalogs name it): "lane web", in the
// order of Entries. ok is false when j does not use the catalog.
func (c *CatalogDiff) UsedBy(j *journey.Journey, catalogPath string) (uses []string, ok bool) {
	for _, cat := range j.Catalogs {
		if cat.Path == catalogPath {
			ok = true
		}
	}
	if !ok {
		return nil, false
	}
	named := map[string]bool{}
	for _, l := range j.Lanes {
		if l.Origin == catalogPath {
			named["lane "+l.ID] = true
		}
	}
	for _, s := range j.Sources {
		if s.Origin == catalogPath {
			named["source "+s.ID] = true
		}
	}
	for _, p := range j.CatalogPersonas {
		if p.Origin == catalogPath {
			named["persona "+p.ID] = true
		}
	}
	for _, e := range c.Entries {
		if k := e.Kind + " " + e.ID; named[k] && !slices.Contains(uses, k) {
			uses = append(uses, k)
		}
	}
	return uses, true
}

// path is the catalog's path to show, as a journey file's.
func (c *CatalogDiff) path() string {
	f := FileDiff{Status: c.Status, OldPath: c.OldPath, NewPath: c.NewPath}
	return f.path()
}

// summary is a catalog's one-line verdict: "lanes: 1 changed; sources: 1
// added; used by 3 journeys (2 use what changed)".
func (c *CatalogDiff) summary() string {
	var parts []string
	for _, kind := range []string{"lane", "persona", "source"} {
		counts := map[string]int{}
		for _, e := range c.Entries {
			if e.Kind == kind {
				counts[e.Change]++
			}
		}
		var cs []string
		for _, ch := range []string{"added", "removed", "changed"} {
			if counts[ch] > 0 {
				cs = append(cs, fmt.Sprintf("%d %s", counts[ch], ch))
			}
		}
		if len(cs) > 0 {
			parts = append(parts, kind+"s: "+strings.Join(cs, ", "))
		}
	}
	for _, e := range c.Entries {
		if e.Kind == "catalog" {
			parts = append([]string{"catalog " + strings.Join(e.Fields, "; ")}, parts...)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no lane, persona or source changed")
	}
	s := strings.Join(parts, "; ")
	touched, broken := 0, 0
	for _, u := range c.Users {
		if len(u.Uses) > 0 {
			touched++
		}
		if u.Invalid {
			broken++
		}
	}
	if len(c.Users) > 0 {
		s += fmt.Sprintf("; used by %s (%d %s what changed)", textsafe.Plural(len(c.Users), "journey", "journeys"), touched, verb(touched))
	}
	if broken > 0 {
		s += fmt.Sprintf("; %d no longer valid", broken)
	}
	return s
}

func verb(n int) string {
	if n == 1 {
		return "uses"
	}
	return "use"
}

// entryText is one entry's line: "lane web (Website) changed: zone:
// frontstage → backstage".
func (e CatalogEntry) text() string {
	s := e.Kind + " " + e.ID
	if e.Name != "" {
		s += " (" + e.Name + ")"
	}
	s += " " + e.Change
	if len(e.Fields) > 0 {
		s += ": " + strings.Join(e.Fields, "; ")
	}
	return s
}

// userText is one user's line: "journeys/a.yaml (id a): lane web, source s".
func (u CatalogUser) text() string {
	s := fmt.Sprintf("%s (id %s)", u.Path, u.ID)
	switch {
	case u.Invalid:
		s += ": no longer valid: " + u.Problem
	case len(u.Uses) > 0:
		s += ": uses " + strings.Join(u.Uses, ", ")
	default:
		s += ": uses none of what changed"
	}
	return s
}

// catalogsText writes the catalogs part of SetText.
func catalogsText(bw *bufio.Writer, s *Set) {
	if len(s.Catalogs) == 0 {
		return
	}
	fmt.Fprintf(bw, "%s:\n", textsafe.Plural(len(s.Catalogs), "catalog", "catalogs"))
	for i := range s.Catalogs {
		c := &s.Catalogs[i]
		fmt.Fprintf(bw, "  %-8s %s  %s\n", c.Status, textsafe.Line(c.path()), textsafe.Line(c.summary()))
	}
	for i := range s.Catalogs {
		c := &s.Catalogs[i]
		fmt.Fprintf(bw, "\nCatalog %s (id %s): %s\n", textsafe.Line(c.path()), textsafe.Line(c.ID), textsafe.Line(c.Status))
		for _, e := range c.Entries {
			fmt.Fprintf(bw, "  %s %s\n", entryMark(e.Change), textsafe.Line(e.text()))
		}
		if len(c.Users) > 0 {
			fmt.Fprintf(bw, "  Used by:\n")
			shown, rest := c.shownUsers()
			for _, u := range shown {
				fmt.Fprintf(bw, "    %s\n", textsafe.Line(u.text()))
			}
			if rest > 0 {
				fmt.Fprintf(bw, "    %s\n", restText(rest, len(shown) > 0))
			}
		}
	}
}

// maxQuietUsers is how many users of none of what changed are listed by
// name in text and markdown; beyond it they are counted (JSON lists all).
const maxQuietUsers = 10

// shownUsers are the users to list by name: every one that uses what
// changed or is no longer valid, and the others while they are few; rest
// counts those left out.
func (c *CatalogDiff) shownUsers() (shown []CatalogUser, rest int) {
	quiet := 0
	for _, u := range c.Users {
		if len(u.Uses) == 0 && !u.Invalid {
			quiet++
		}
	}
	for _, u := range c.Users {
		if len(u.Uses) == 0 && !u.Invalid && quiet > maxQuietUsers {
			rest++
			continue
		}
		shown = append(shown, u)
	}
	return shown, rest
}

// restText counts the users left out; others says some were listed.
func restText(n int, others bool) string {
	s := fmt.Sprintf("%s that %s the catalog but none of what changed", textsafe.Plural(n, "journey", "journeys"), verb(n))
	if others {
		s = "and " + s
	}
	return s
}

// label is the catalog's title and id, or its id alone.
func (c *CatalogDiff) label() string {
	if c.Title == "" {
		return c.ID
	}
	return c.Title + " (" + c.ID + ")"
}

func entryMark(change string) string {
	switch change {
	case "added":
		return "+"
	case "removed":
		return "-"
	}
	return "~"
}

// catalogsMarkdown writes the catalogs part of SetMarkdown.
func catalogsMarkdown(bw *bufio.Writer, s *Set) {
	if len(s.Catalogs) == 0 {
		return
	}
	bw.WriteString("\n| Catalog | File | Change | Summary |\n|---|---|---|---|\n")
	for i := range s.Catalogs {
		c := &s.Catalogs[i]
		fmt.Fprintf(bw, "| %s | `%s` | %s | %s |\n", textsafe.Markdown(c.label()), textsafe.Code(c.path()), c.Status, textsafe.Markdown(c.summary()))
	}
	for i := range s.Catalogs {
		c := &s.Catalogs[i]
		fmt.Fprintf(bw, "\n<details><summary>Catalog %s: %s</summary>\n\n", htmlEscape(c.ID), htmlEscape(c.summary()))
		for _, e := range c.Entries {
			fmt.Fprintf(bw, "- %s %s\n", entryMark(e.Change), textsafe.Markdown(e.text()))
		}
		if len(c.Users) > 0 {
			bw.WriteString("\nUsed by:\n\n")
			shown, rest := c.shownUsers()
			for _, u := range shown {
				fmt.Fprintf(bw, "- `%s`%s\n", textsafe.Code(u.Path), textsafe.Markdown(strings.TrimPrefix(u.text(), u.Path)))
			}
			if rest > 0 {
				fmt.Fprintf(bw, "- %s\n", restText(rest, len(shown) > 0))
			}
		}
		bw.WriteString("\n</details>\n")
	}
}
