package yamledit

import (
	"strings"
	"testing"
)

const sample = `# head
cxmap: 1
id: j # the id
title: "Quoted title"
stages:
  - id: s1
    name: First
    steps:
      - id: a
        action: Does A
        rating: yellow # was red
        evidence: [Form, Letter]
        pains:
          - Slow
          # about fast
          - Fast
        opportunities:
          - id: o1
            idea: Call back
      # between steps
      - id: b
        action: >-
          Folded
          text
        next: [a]
# foot
`

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *Doc) error
		want string // the lines that change: "-old" and "+new", in order
	}{
		{"set scalar keeps line comment", func(d *Doc) error {
			return d.Set(P("stages", "0", "steps", "id=a", "rating"), "red")
		}, "-        rating: yellow # was red\n+        rating: red # was red"},
		{"set quoted value needing no quotes", func(d *Doc) error { return d.Set(P("title"), "Plain") },
			"-title: \"Quoted title\"\n+title: Plain"},
		{"set value that needs quotes", func(d *Doc) error { return d.Set(P("title"), "a: b #c") },
			"-title: \"Quoted title\"\n+title: 'a: b #c'"},
		{"set folded to one line", func(d *Doc) error { return d.Set(P("stages", "0", "steps", "id=b", "action"), "Short") },
			"-        action: >-\n-          Folded\n-          text\n+        action: Short"},
		{"add key in canonical order", func(d *Doc) error { return d.Set(P("stages", "0", "steps", "id=a", "critical"), true) },
			"+        critical: true"},
		{"add key before the first key of an item", func(d *Doc) error { return d.Set(P("stages", "0", "steps", "id=a", "opportunities", "0", "zz"), 1) },
			"+            zz: 1"},
		{"add top-level key", func(d *Doc) error { return d.Set(P("owner"), "cx team") },
			"+owner: cx team"},
		{"append to block list", func(d *Doc) error { return d.Append(P("stages", "0", "steps", "id=a", "pains"), "Lost") },
			"+          - Lost"},
		{"append to flow list", func(d *Doc) error { return d.Append(P("stages", "0", "steps", "id=a", "evidence"), "Card") },
			"-        evidence: [Form, Letter]\n+        evidence: [Form, Letter, Card]"},
		{"append mapping in canonical order", func(d *Doc) error {
			return d.Append(P("stages", "0", "steps", "id=a", "opportunities"), map[string]any{"status": "idea", "idea": "Text", "id": "o2"})
		}, "+          - id: o2\n+            idea: Text\n+            status: idea"},
		{"append to a missing list", func(d *Doc) error { return d.Append(P("stages", "0", "steps", "id=b", "pains"), "New") },
			"+        pains:\n+          - New"},
		{"remove list item", func(d *Doc) error { return d.Remove(P("stages", "0", "steps", "id=a", "pains", "0")) },
			"-          - Slow"},
		{"remove key", func(d *Doc) error { return d.Remove(P("stages", "0", "steps", "id=a", "evidence")) },
			"-        evidence: [Form, Letter]"},
		{"remove last item leaves []", func(d *Doc) error {
			return d.Remove(P("stages", "0", "steps", "id=a", "opportunities", "id=o1"))
		}, "-        opportunities:\n-          - id: o1\n-            idea: Call back\n+        opportunities: []"},
		{"remove first key of an item", func(d *Doc) error {
			return d.Remove(P("stages", "0", "steps", "id=a", "opportunities", "0", "id"))
		}, "-          - id: o1\n-            idea: Call back\n+          - idea: Call back"},
		{"rename id everywhere", func(d *Doc) error { _, err := d.RenameID("step", "a", "first"); return err },
			"-      - id: a\n+      - id: first\n-        next: [a]\n+        next: [first]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("s.yaml", []byte(sample))
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.edit(d); err != nil {
				t.Fatal(err)
			}
			if d.Reencoded {
				t.Errorf("the edit re-encoded the file:\n%s", d.Bytes())
			}
			if got := lineDiff(sample, string(d.Bytes())); got != tt.want {
				t.Errorf("changed lines:\n%s\nwant:\n%s\nfile:\n%s", got, tt.want, d.Bytes())
			}
		})
	}
}

// lineDiff lists removed and added lines (a plain LCS diff).
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "-"+x[i])
			i++
		default:
			out = append(out, "+"+y[j])
			j++
		}
	}
	return strings.Join(out, "\n")
}

func TestErrors(t *testing.T) {
	d, err := Parse("s.yaml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{d.Set(P("stages", "id=nope", "name"), "x"), "s.yaml: stages/id=nope: not found"},
		{d.Append(P("title"), "x"), "s.yaml: title: is not a list"},
		{d.Remove(P("nope")), "s.yaml: nope: not found"},
		{func() error { _, err := d.RenameID("planet", "a", "b"); return err }(), "unknown id kind"},
	} {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("error %v, want %q", tt.err, tt.want)
		}
	}
	if _, err := Parse("bad.yaml", []byte("a: [")); err == nil {
		t.Error("a syntax error parsed")
	}
}
