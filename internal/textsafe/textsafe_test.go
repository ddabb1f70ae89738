package textsafe

import (
	"bytes"
	"testing"
)

func TestBlockLine(t *testing.T) {
	for _, c := range []struct{ in, block, line string }{
		{"plain text", "plain text", "plain text"},
		{"a\nb", "a\nb", "a⏎b"},
		{"a\r\nb\rc", "a\nb\nc", "a⏎b⏎c"},
		{"clear\x1b[2J", `clear\x1b[2J`, `clear\x1b[2J`},
		{"bell\a", `bell\x07`, `bell\x07`},
		{"tab\there", "tab here", "tab here"},
		{"c1\u009b31m", `c1\u009b31m`, `c1\u009b31m`},
		{"del\x7f", `del\x7f`, `del\x7f`},
		{"ls\u2028x", "ls\nx", "ls⏎x"},
		{"ünïcödé 日本", "ünïcödé 日本", "ünïcödé 日本"},
	} {
		if got := Block(c.in); got != c.block {
			t.Errorf("Block(%q) = %q, want %q", c.in, got, c.block)
		}
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
		for _, r := range Line(c.in) {
			if IsControl(r) {
				t.Errorf("Line(%q) keeps control %U", c.in, r)
			}
		}
	}
}

func TestMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"a|b\nc*d_e<f>":    `a\|b<br>c\*d\_e&lt;f&gt;`,
		"ping @octocat":    "ping @&#8203;octocat",
		"@org/team":        "@&#8203;org/team",
		"esc\x1b]8;;x\x07": `esc\\x1b\]8;;x\\x07`,
	} {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Code("a`b|c\nd"); got != `a'b\|c⏎d` {
		t.Errorf("Code = %q", got)
	}
}

func TestGuard(t *testing.T) {
	for in, want := range map[string]string{
		"::error::x\n":              CommandGuard + "::error::x\n",
		"ok\n::warning::y\nz\n":     "ok\n" + CommandGuard + "::warning::y\nz\n",
		"  \t::add-mask::s\n":       "  \t" + CommandGuard + "::add-mask::s\n",
		"\u00a0::stop-commands::t":  "\u00a0" + CommandGuard + "::stop-commands::t",
		"a::b\n: :\n:x\n":           "a::b\n: :\n:x\n",
		"│ ::cell │\n":              "│ ::cell │\n",
		"":                          "",
		":":                         ":",
		"\n\n::\n":                  "\n\n" + CommandGuard + "::\n",
		"\u200b::already guarded\n": "\u200b::already guarded\n",
	} {
		for _, chunk := range []int{1, 2, 3, 1 << 20} {
			var b bytes.Buffer
			g := NewGuard(&b)
			for s := in; s != ""; {
				n := min(chunk, len(s))
				if _, err := g.Write([]byte(s[:n])); err != nil {
					t.Fatal(err)
				}
				s = s[n:]
			}
			if err := g.Flush(); err != nil {
				t.Fatal(err)
			}
			if b.String() != want {
				t.Errorf("Guard(%q) in chunks of %d = %q, want %q", in, chunk, b.String(), want)
			}
		}
	}
}

type inner struct {
	Name  string
	Count int
	Tags  []string
	Ptr   *string
	note  string
}

type outer struct {
	Title string
	Items []inner
	ByKey map[string]string
	Any   any
}

func TestCopy(t *testing.T) {
	p := "p\x1b"
	in := &outer{Title: "t\x1b", Items: []inner{{Name: "n\a", Count: 3, Tags: []string{"x\x1b"}, Ptr: &p, note: "raw\x1b"}},
		ByKey: map[string]string{"k": "v\x1b"}, Any: "a\x1b"}
	out := Copy(in, Line)
	if out.Title != `t\x1b` || out.Items[0].Name != `n\x07` || out.Items[0].Tags[0] != `x\x1b` || *out.Items[0].Ptr != `p\x1b` ||
		out.ByKey["k"] != `v\x1b` || out.Any != `a\x1b` || out.Items[0].Count != 3 || out.Items[0].note != "raw\x1b" {
		t.Errorf("Copy = %+v", out)
	}
	if in.Title != "t\x1b" || in.Items[0].Name != "n\a" || p != "p\x1b" {
		t.Errorf("Copy changed its input: %+v", in)
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n         int
		one, many string
		want      string
	}{{1, "step", "", "1 step"}, {0, "step", "", "0 steps"}, {2, "opportunity", "opportunities", "2 opportunities"}} {
		if got := Plural(c.n, c.one, c.many); got != c.want {
			t.Errorf("Plural(%d, %q) = %q", c.n, c.one, got)
		}
	}
}

func TestMessages(t *testing.T) {
	var b bytes.Buffer
	g := NewMessages(&b)
	g.Write([]byte("cxmap: open a\n::error::x\x1b[2J.yaml: no such file\n\tnext\u009b\n"))
	g.Flush()
	if want := "cxmap: open a\n" + CommandGuard + "::error::x\\x1b[2J.yaml: no such file\n\tnext\\u009b\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestCopySharesWhatNeedsNothing(t *testing.T) {
	in := &outer{Title: "plain", Items: []inner{{Name: "n", Tags: []string{"a"}}}, ByKey: map[string]string{"k": "v"}}
	if out := Copy(in, Line); out != in {
		t.Errorf("Copy of clean text made a copy")
	}
	in.Items = append(in.Items, inner{Name: "x\x1b"})
	out := Copy(in, Line)
	if out == in || &out.Items[0] == &in.Items[0] || out.ByKey["k"] != "v" || out.Items[1].Name != `x\x1b` || in.Items[1].Name != "x\x1b" {
		t.Errorf("Copy = %+v", out)
	}
}
