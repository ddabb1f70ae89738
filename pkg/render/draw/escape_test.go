package draw

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"
)

func TestHTMLAndQuoted(t *testing.T) {
	tests := []struct{ in, html, quoted string }{
		{`a & b`, `a &amp; b`, `"a & b"`},
		{`<b>x</b>`, `&lt;b&gt;x&lt;/b&gt;`, `"<b>x</b>"`},
		{`say "hi"`, `say &quot;hi&quot;`, `"say \"hi\""`},
		{`\N \G`, `\\N \\G`, `"\\\\N \\\\G"`},
		{"tab\tnew\nline", `tab new line`, `"tab new line"`},
		{"bell\x07 nul\x00", `bell nul`, `"bell nul"`},
		{`&lt;`, "&amp;\u2060lt;", "\"&\u2060lt;\""},
		{"bad \xff utf8", "bad \uFFFD utf8", "\"bad \uFFFD utf8\""},
	}
	for _, tt := range tests {
		if got := HTML(tt.in); got != tt.html {
			t.Errorf("HTML(%q) = %q, want %q", tt.in, got, tt.html)
		}
		if got := Quoted(tt.in); got != tt.quoted {
			t.Errorf("Quoted(%q) = %q, want %q", tt.in, got, tt.quoted)
		}
	}
}

// norm is how Graphviz shows a text: runs of spaces (it writes no-break
// spaces for them) as one, trimmed, without the invisible entity guard.
func norm(s string) string {
	s = strings.ReplaceAll(s, wordJoiner, "")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.Join(strings.Fields(s), " ")
}

// FuzzEscape checks that any text, used as a label and as a tooltip, keeps
// the DOT valid and shows in the SVG exactly as written, with no markup.
// Graphviz renders per fuzzing process. Every render leaves memory behind
// in go-graphviz's WASM memory, which never shrinks (docs/rendering.md):
// with a render per input, FuzzEscape grew to 1.67 GB in 2 minutes. Graphviz
// is not instrumented, so its renders add no coverage; past this many, the
// process checks the escapers alone (pure Go), and the fuzzer's other
// workers and later runs render new inputs.
const maxFuzzRenders = 3000

var graphvizRenders atomic.Int64

func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"plain", `"quoted"`, `<b>bold</b>`, `&amp; &lt; &#65; &#x41; &`, `\N \G \L \E \T \H \n \l \r \\ \`,
		"]]><!-- -->", "<script>alert(1)</script>", "new\nline\ttab\r", "\x00\x01\x1f\x7f\u0085",
		"申請書 🙂 Ça", "}; digraph x { a -> b", "label=<x>", "\xff\xfe", "\u2028\u2029\ufeff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, q := HTML(s), Quoted(s)
		if !utf8.ValidString(h) || !utf8.ValidString(q) {
			t.Fatalf("escaped text is not UTF-8: %q %q", h, q)
		}
		if strings.ContainsAny(h, "<>\"\n\r") {
			t.Fatalf("HTML(%q) = %q keeps markup", s, h)
		}
		if !closesAtEnd(q) {
			t.Fatalf("Quoted(%q) = %q can end the string early", s, q)
		}
		if len(s) > 200 || graphvizRenders.Add(1) > maxFuzzRenders {
			return // keep the Graphviz part fast and its memory bounded
		}
		want := norm(Clean(s))
		label := HTML(s)
		if want == "" {
			label = "x" // go-graphviz puts the node name in an empty label
		}
		dot := []byte(`digraph g { node [fontname="Arial" shape=box]; "n" [pos="0,0" label=<` + label + `> tooltip=` + q + `]; }`)
		var buf bytes.Buffer
		if err := Render(dot, "svg", &buf); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		texts, titles := svgText(t, buf.Bytes())
		if want != "" && norm(strings.Join(texts, " ")) != want {
			t.Fatalf("label %q shows as %q, want %q", s, texts, want)
		}
		if want == "" && len(titles) == 0 {
			return // Graphviz writes no empty tooltip
		}
		if len(titles) != 1 || norm(titles[0]) != want {
			t.Fatalf("tooltip %q shows as %q, want %q", s, titles, want)
		}
	})
}

// closesAtEnd reports whether a DOT quoted string has no unescaped quote or
// line break before its closing quote.
func closesAtEnd(q string) bool {
	if len(q) < 2 || q[0] != '"' {
		return false
	}
	i := 1
	for i < len(q)-1 {
		switch q[i] {
		case '\\':
			i += 2
		case '"', '\n', '\r':
			return false
		default:
			i++
		}
	}
	return i == len(q)-1 && q[i] == '"'
}

// TestSVGEntityLiteral: a user's "&lt;" shows as typed in the SVG, and the
// SVG holds no invisible character for a reader to copy with it.
func TestSVGEntityLiteral(t *testing.T) {
	s := `a &lt;b&gt; &#65; &amp; c`
	dot := []byte(`digraph g { node [fontname="Arial" shape=box]; "n" [pos="0,0" label=<` + HTML(s) + `> tooltip=` + Quoted(s) + `]; }`)
	var buf bytes.Buffer
	if err := Render(dot, "svg", &buf); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte(wordJoiner)) {
		t.Error("the SVG holds U+2060")
	}
	texts, titles := svgText(t, buf.Bytes())
	if strings.Join(texts, " ") != s || len(titles) != 1 || titles[0] != s {
		t.Errorf("shows %q, tooltip %q; want %q", texts, titles, s)
	}
}
