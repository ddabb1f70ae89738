package journey

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestKeyOrderMatchesDocs keeps KeyOrder and docs/format.md in step: each
// table lists its keys in KeyOrder's order, and the `{a, b}` lists of the
// step table give the order of touchpoints, quotes, opportunities and
// metrics.
func TestKeyOrderMatchesDocs(t *testing.T) {
	data, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	tables := map[string]string{ // heading -> kind
		"## Top level": "journey", "### `personas[]`": "persona", "### `sources[]`": "source",
		"### `lanes[]`": "lane", "### `stages[]`": "stage", "### `stages[].steps[]`": "step", "## Catalogs": "catalog",
	}
	keyCell := regexp.MustCompile("^\\| `([a-z-]+)` \\|")
	for heading, kind := range tables {
		i := strings.Index(doc, "\n"+heading+"\n")
		if i < 0 {
			t.Fatalf("docs/format.md has no heading %q", heading)
		}
		var keys []string
		inTable := false
		for _, line := range strings.Split(doc[i+len(heading)+2:], "\n") {
			if m := keyCell.FindStringSubmatch(line); m != nil {
				keys = append(keys, m[1])
				inTable = true
			} else if inTable && !strings.HasPrefix(line, "|") {
				break
			}
		}
		if !slices.Equal(keys, KeyOrder[kind]) {
			t.Errorf("%s: docs/format.md lists %v, KeyOrder[%q] is %v", heading, keys, kind, KeyOrder[kind])
		}
	}
	inline := map[string]string{"touchpoints": "contact", "quotes": "quote", "opportunities": "opportunity", "metrics": "metric"}
	for key, kind := range inline {
		m := regexp.MustCompile("\\| `" + key + "` \\|[^|]*\\|[^{]*`\\{([^}]*)\\}`").FindStringSubmatch(doc)
		if m == nil {
			t.Fatalf("docs/format.md: no {...} key list in the %s row", key)
		}
		keys := strings.Split(strings.ReplaceAll(m[1], " ", ""), ",")
		if !slices.Equal(keys, KeyOrder[kind]) {
			t.Errorf("%s: docs/format.md lists %v, KeyOrder[%q] is %v", key, keys, kind, KeyOrder[kind])
		}
	}
}

// TestKeyOrderCoversSchema: every key the schema allows at a path has its
// place in KeyOrder there.
func TestKeyOrderCoversSchema(t *testing.T) {
	var walk func(r *rule, keys []string, seen map[*rule]bool)
	walk = func(r *rule, keys []string, seen map[*rule]bool) {
		if r == nil || seen[r] {
			return
		}
		seen[r] = true
		if len(r.propNames) > 0 {
			order := KeyOrderAt(keys, false)
			if order == nil {
				t.Errorf("no KeyOrder for the mapping at %v", keys)
			}
			for _, name := range r.propNames {
				if !slices.Contains(order, name) {
					t.Errorf("KeyOrder at %v lacks %q", keys, name)
				}
			}
		}
		for _, name := range r.propNames {
			walk(r.props[name], append(slices.Clone(keys), name), seen)
		}
		walk(r.items, keys, seen)
	}
	walk(compiledRules(), nil, map[*rule]bool{})
	if MappingKind([]string{"stages", "steps", "pains"}, false) != "" {
		t.Error("a list of text has no key order")
	}
}
