package yamlfmt

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/yamledit"
)

// layoutOf parses src as Format does and returns its layout.
func layoutOf(t *testing.T, src string) *fileLayout {
	t.Helper()
	d, err := yamledit.Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	l, err := layout(d, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestOnlyBlankLinesDiffer(t *testing.T) {
	tests := []struct {
		name    string
		in, out string
		want    bool
	}{
		{"same", "a: 1\nb: 2\n", "a: 1\nb: 2\n", true},
		{"blank before a key", "a: 1\nb: 2\n", "a: 1\n\nb: 2\n", true},
		{"blank before a list item", "l:\n  - x: 1\n  - x: 2\n", "l:\n  - x: 1\n\n  - x: 2\n", true},
		{"two blanks made one", "a: 1\n\n\nb: 2\n", "a: 1\n\nb: 2\n", true},
		{"blank removed", "a: 1\n\nb: 2\n", "a: 1\nb: 2\n", true},
		{"blank before an own-line comment", "a: 1\n# c\nb: 2\n", "a: 1\n\n# c\nb: 2\n", true},
		{"blanks at the start and end", "\n\na: 1\n\n", "a: 1\n", true},
		{"a line changed", "a: 1\nb: 2\n", "a: 1\n\nb: 3\n", false},
		{"indent changed", "l:\n    - 1\n", "l:\n  - 1\n", false},
		{"final line break added", "a: 1", "a: 1\n", false},
		{"inside a plain scalar", "a: one\n  two\nb: 2\n", "a: one\n\n  two\nb: 2\n", false},
		{"inside a quoted scalar", "a: \"one\n  two\"\nb: 2\n", "a: \"one\n\n  two\"\nb: 2\n", false},
		{"inside a literal block", "a: |\n  one\n  two\nb: 2\n", "a: |\n  one\n\n  two\nb: 2\n", false},
		{"after a literal block", "a: |\n  one\nb: 2\n", "a: |\n  one\n\nb: 2\n", true},
		{"after a keep block", "a: |+\n  one\nb: 2\n", "a: |+\n  one\n\nb: 2\n", false},
		{"keep block anywhere, blank at the end", "a: >+\n  one\n\nb: 2\n", "a: >+\n  one\n\nb: 2\n\n", false},
		{"inside a flow mapping", "m: {a: 1,\n  b: 2}\n", "m: {a: 1,\n\n  b: 2}\n", false},
		{"CRLF source", "a: 1\r\nb: 2\r\n", "a: 1\r\n\r\nb: 2\r\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := layoutOf(t, tt.in)
			if got := l.onlyBlankLinesDiffer([]byte(tt.out)); got != tt.want {
				t.Errorf("onlyBlankLinesDiffer = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOnlyBlankLinesDifferAgreesWithParse adds and removes blank lines at
// random on every example and testdata file: whenever the short cut says
// the meaning is kept, parsing both texts gives the same data and the same
// comments.
func TestOnlyBlankLinesDifferAgreesWithParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 18))
	accepted, rejected := 0, 0
	for name, data := range corpus(t) {
		if _, err := Format(name, data); err != nil {
			continue // refused (alias bombs among them): nothing to short-cut
		}
		d, err := yamledit.Parse(name, data)
		if err != nil {
			continue
		}
		l, err := layout(d, data)
		if err != nil {
			continue
		}
		before, _ := d.Comments()
		lines := strings.SplitAfter(string(data), "\n")
		for range 20 {
			var b strings.Builder
			for _, line := range lines {
				switch r := rng.IntN(12); {
				case r == 0:
					b.WriteString("\n" + line)
				case r == 1 && strings.TrimSpace(line) == "":
					// dropped
				default:
					b.WriteString(line)
				}
			}
			out := []byte(b.String())
			if !l.onlyBlankLinesDiffer(out) {
				rejected++
				continue
			}
			accepted++
			od, err := yamledit.Parse(name, out)
			if err != nil {
				t.Fatalf("%s: accepted, but does not parse: %v\n%s", name, err, out)
			}
			if !sameData(d.Root(), od.Root(), 0) {
				t.Fatalf("%s: accepted, but the data differ:\n%s", name, out)
			}
			after, _ := od.Comments()
			if len(after) != len(before) {
				t.Fatalf("%s: accepted, but %d comments became %d", name, len(before), len(after))
			}
			for i := range after {
				if after[i].Text != before[i].Text || after[i].OwnLine != before[i].OwnLine {
					t.Fatalf("%s: accepted, but comment %d changed: %+v, %+v", name, i, before[i], after[i])
				}
			}
		}
	}
	if accepted == 0 || rejected == 0 {
		t.Fatalf("accepted %d, rejected %d: the test exercises neither side", accepted, rejected)
	}
	t.Logf("%d accepted, %d rejected", accepted, rejected)
}

// TestFormatShortCut: a generated journey (no blank line between stages)
// is formatted by the short cut, and the result is what the full check
// accepts.
func TestFormatShortCut(t *testing.T) {
	src := "cxmap: 1\nid: j\ntitle: J\nstages:\n  - id: a\n    name: A\n    steps:\n      - id: s1\n        action: One\n  - id: b\n    name: B\n    steps:\n      - id: s2\n        action: Two\n"
	out, err := Format("j.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("action: One\n\n  - id: b")) {
		t.Fatalf("no blank line between the stages:\n%s", out)
	}
	if !layoutOf(t, src).onlyBlankLinesDiffer(out) {
		t.Errorf("the short cut does not take the generated file:\n%s", out)
	}
}
