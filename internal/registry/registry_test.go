package registry

import (
	"strings"
	"testing"
)

type writers struct {
	One, Many func() string
}

func TestLookupWording(t *testing.T) {
	r := New("-f",
		Format[func() string]{Meta: Meta{Name: "json", Ext: "json", Machine: true}, Write: func() string { return "j" }},
		Format[func() string]{Meta: Meta{Name: "table", Help: "for a terminal"}, Write: func() string { return "t" }},
	)
	for _, c := range []struct {
		name, extra, want string
	}{
		{"json", "", ""},
		{"jsn", "", `-f "jsn" is not one of json, table; did you mean "json"?`},
		{"JSON", "", `-f "JSON" is not one of json, table; did you mean "json"?`},
		{"xml", "", `-f "xml" is not one of json, table`},
		{"al", "all", `-f "al" is not one of json, table, all; did you mean "all"?`},
	} {
		var extra []string
		if c.extra != "" {
			extra = []string{c.extra}
		}
		_, err := r.Lookup(c.name, extra...)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("Lookup(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if j, _ := r.Get("json"); !j.Machine || j.Binary {
		t.Error("json: Machine/Binary wrong")
	}
	if f, ok := r.ByExt(".json"); !ok || f.Name != "json" {
		t.Errorf("ByExt(.json) = %v %v", f.Name, ok)
	}
	if _, ok := r.ByExt(""); ok {
		t.Error("ByExt(\"\") found a format")
	}
	if got := r.Help(); got != "json, table (for a terminal)" {
		t.Errorf("Help() = %q", got)
	}
	if got := r.Join(","); got != "json,table" {
		t.Errorf("Join = %q", got)
	}
}

// TestForgottenWriter is the check that caught a diff format added with a
// writer for one journey and none for a revision range (issue 18): the
// registry refuses it when the program starts, so every test fails.
func TestForgottenWriter(t *testing.T) {
	for _, c := range []struct {
		name string
		make func()
		want string
	}{
		{"nil func", func() { New("-f", Format[func()]{Meta: Meta{Name: "x"}}) }, `"x" has no Write`},
		{"half a struct", func() {
			New("-f", Format[writers]{Meta: Meta{Name: "html"}, Write: writers{One: func() string { return "" }}})
		}, `"html" has no Write.Many`},
		{"twice", func() {
			f := Format[func()]{Meta: Meta{Name: "x"}, Write: func() {}}
			New("-f", f, f)
		}, `"x" twice`},
		{"no name", func() { New("-f", Format[func()]{Write: func() {}}) }, "has no name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(r.(string), c.want) {
					t.Errorf("panic %v, want %q", r, c.want)
				}
			}()
			c.make()
		})
	}
}
