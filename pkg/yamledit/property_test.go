package yamledit

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// corpus is every example and testdata journey or catalog that is one
// well-formed YAML document with a mapping at its root.
func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, root := range []string{"../../examples", "../../testdata"} {
		filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || (filepath.Ext(p) != ".yaml" && filepath.Ext(p) != ".yml") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil || len(data) > 1<<20 {
				return err
			}
			var doc yaml.Node
			var v any
			if yaml.Unmarshal(data, &v) != nil || yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
				return nil
			}
			if strings.Contains(string(data), "\n---") || strings.Contains(string(data), "&") {
				return nil // several documents, or anchors (edits through aliases are refused)
			}
			for _, f := range journey.ParseFile(p, data, journey.Options{}).Findings {
				if f.Rule == journey.RuleSyntax {
					return nil // past a limit on input
				}
			}
			out[p] = data
			return nil
		})
	}
	if len(out) < 20 {
		t.Fatalf("only %d files found", len(out))
	}
	return out
}

// TestRandomEdits applies random edits to every file of the corpus, and
// after each parses the text and compares it with the data the edits mean,
// computed apart on plain Go values. Untouched comments stay: the file's
// comment count never drops except by the lines a removal deletes.
func TestRandomEdits(t *testing.T) {
	files := corpus(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	reencoded := 0
	for fi, name := range names {
		r := rand.New(rand.NewSource(int64(fi)))
		d, err := Parse(name, files[name])
		if err != nil {
			t.Fatal(err)
		}
		var want any
		yaml.Unmarshal(files[name], &want)
		logged := false
		for step := 0; step < *editsPerFile; step++ {
			desc, apply, model := randomEdit(r, d, want)
			if apply == nil {
				continue
			}
			before, _ := d.ix().comments()
			if err := apply(); err != nil {
				t.Fatalf("%s: %s: %v", name, desc, err)
			}
			want = model
			var got any
			if err := yaml.Unmarshal(d.Bytes(), &got); err != nil {
				t.Fatalf("%s: after %s the file does not parse: %v\n%s", name, desc, err, d.Bytes())
			}
			if !Equal(got, want) {
				t.Fatalf("%s: after %s:\n got %v\nwant %v\n%s", name, desc, got, want, d.Bytes())
			}
			if d.Reencoded && !logged {
				logged = true
				t.Logf("%s: %s re-encoded", name, desc)
			}
			after, _ := d.ix().comments()
			if !strings.HasPrefix(desc, "Remove") && !strings.Contains(desc, "Set") && len(after) != len(before) {
				t.Fatalf("%s: after %s: %d comments, were %d\n%s", name, desc, len(after), len(before), d.Bytes())
			}
		}
		if d.Reencoded {
			reencoded++
		}
	}
	t.Logf("%d files, %d re-encoded (the rest edited by splices only)", len(names), reencoded)
	if reencoded > len(names)/10 {
		t.Errorf("%d of %d files fell back to re-encoding", reencoded, len(names))
	}
}

var editsPerFile = flag.Int("edits", 12, "random edits per file in TestRandomEdits")

var values = []any{"red", "a: b", "# not a comment", "", "multi\nline", "123", "yes", "Ünïcödé ✓", 3, 2.5, true, "'quoted'", `"dq"`, "- dash", "[x]"}

// randomEdit picks an edit: set a scalar, add a missing key, append to a
// list, remove an entry or rename a step id. It returns the edit and the
// expected data after it.
func randomEdit(r *rand.Rand, d *Doc, model any) (string, func() error, any) {
	var leaves, lists, mappings, entries []Path
	var walk func(n *yaml.Node, p Path)
	walk = func(n *yaml.Node, p Path) {
		switch n.Kind {
		case yaml.MappingNode:
			mappings = append(mappings, p)
			for i := 0; i+1 < len(n.Content); i += 2 {
				q := append(slices.Clone(p), n.Content[i].Value)
				entries = append(entries, q)
				if n.Content[i+1].Kind == yaml.ScalarNode {
					leaves = append(leaves, q)
				}
				walk(n.Content[i+1], q)
			}
		case yaml.SequenceNode:
			lists = append(lists, p)
			for i, c := range n.Content {
				q := append(slices.Clone(p), strconv.Itoa(i))
				entries = append(entries, q)
				walk(c, q)
			}
		}
	}
	walk(d.Root(), nil)
	m := deepCopy(model)
	v := values[r.Intn(len(values))]
	switch r.Intn(5) {
	case 0:
		if len(leaves) == 0 {
			return "", nil, nil
		}
		p := leaves[r.Intn(len(leaves))]
		setAt(m, p, v)
		return fmt.Sprintf("Set(%s, %q)", p, v), func() error { return d.Set(p, v) }, m
	case 1:
		p := mappings[r.Intn(len(mappings))]
		order := journey.KeyOrderAt(d.keysOf(p), d.IsCatalog())
		var missing []string
		for _, k := range order {
			if n, _ := d.Get(append(slices.Clone(p), k)); n == nil {
				missing = append(missing, k)
			}
		}
		if len(missing) == 0 {
			return "", nil, nil
		}
		q := append(slices.Clone(p), missing[r.Intn(len(missing))])
		setAt(m, q, v)
		return fmt.Sprintf("Set(%s, %q) (new key)", q, v), func() error { return d.Set(q, v) }, m
	case 2:
		if len(lists) == 0 {
			return "", nil, nil
		}
		p := lists[r.Intn(len(lists))]
		item := v
		if l := getAt(m, p).([]any); len(l) > 0 {
			if _, ok := l[0].(map[string]any); ok {
				item = map[string]any{"id": fmt.Sprintf("new-%d", r.Intn(1000)), "name": v}
			}
		}
		setAt(m, p, append(getAt(m, p).([]any), item))
		return fmt.Sprintf("Append(%s, %v)", p, item), func() error { return d.Append(p, item) }, m
	case 3:
		if len(entries) == 0 {
			return "", nil, nil
		}
		p := entries[r.Intn(len(entries))]
		if len(p) == 1 && len(d.Root().Content) <= 2 {
			return "", nil, nil
		}
		removeAtPath(m, p)
		return fmt.Sprintf("Remove(%s)", p), func() error { return d.Remove(p) }, m
	default:
		var ids []string
		match(d.Root(), strings.Split("stages/*/steps/*/id", "/"), func(n *yaml.Node) { ids = append(ids, n.Value) })
		if len(ids) == 0 {
			return "", nil, nil
		}
		old := ids[r.Intn(len(ids))]
		nw := fmt.Sprintf("renamed-%d", r.Intn(1000))
		for _, pat := range idRefs["step"] {
			renameModel(m, strings.Split(pat, "/"), old, nw)
		}
		return fmt.Sprintf("RenameID(step, %s, %s)", old, nw), func() error { _, err := d.RenameID("step", old, nw); return err }, m
	}
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			out[k] = deepCopy(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = deepCopy(x)
		}
		return out
	}
	return v
}

func getAt(m any, p Path) any {
	for _, seg := range p {
		switch x := m.(type) {
		case map[string]any:
			m = x[seg]
		case []any:
			i, _ := strconv.Atoi(seg)
			m = x[i]
		}
	}
	return m
}

func setAt(m any, p Path, v any) {
	parent := getAt(m, p[:len(p)-1])
	switch x := parent.(type) {
	case map[string]any:
		x[p[len(p)-1]] = v
	case []any:
		i, _ := strconv.Atoi(p[len(p)-1])
		x[i] = v
	}
}

func removeAtPath(m any, p Path) {
	parent := getAt(m, p[:len(p)-1])
	switch x := parent.(type) {
	case map[string]any:
		delete(x, p[len(p)-1])
	case []any:
		i, _ := strconv.Atoi(p[len(p)-1])
		setAt(m, p[:len(p)-1], slices.Delete(slices.Clone(x), i, i+1))
	}
}

func renameModel(m any, pat []string, old, nw string) {
	if len(pat) == 0 {
		return
	}
	switch x := m.(type) {
	case map[string]any:
		for k, v := range x {
			if pat[0] == "*" || pat[0] == k {
				if len(pat) == 1 {
					if s, ok := v.(string); ok && s == old {
						x[k] = nw
					}
					continue
				}
				renameModel(v, pat[1:], old, nw)
			}
		}
	case []any:
		if pat[0] != "*" {
			return
		}
		for i, v := range x {
			if len(pat) == 1 {
				if s, ok := v.(string); ok && s == old {
					x[i] = nw
				}
				continue
			}
			renameModel(v, pat[1:], old, nw)
		}
	}
}
