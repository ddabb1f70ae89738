package journey

import (
	"os"
	"strings"
	"testing"
)

// TestFormatDocCoversSchema keeps docs/format.md and the schema in step:
// every key the schema allows is documented as `key`.
func TestFormatDocCoversSchema(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	var walk func(r *rule, seen map[*rule]bool)
	walk = func(r *rule, seen map[*rule]bool) {
		if r == nil || seen[r] {
			return
		}
		seen[r] = true
		for _, name := range r.propNames {
			if !strings.Contains(string(doc), "`"+name+"`") {
				t.Errorf("docs/format.md does not document key %q", name)
			}
			walk(r.props[name], seen)
		}
		walk(r.items, seen)
	}
	walk(compiledRules(), map[*rule]bool{})
}
