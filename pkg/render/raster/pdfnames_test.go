package raster

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	rscpdf "rsc.io/pdf"
)

// TestRenamePDFFonts: fpdf's names of a theme's faces become the font's
// own, the cross-reference table follows (rsc.io/pdf reads every object
// through it), and a rename that matches nothing leaves the bytes alone.
func TestRenamePDFFonts(t *testing.T) {
	regular, bold := goFonts(t)
	doc := fpdf.New("P", "pt", "A4", "")
	doc.SetCompression(true)
	doc.AddPage()
	doc.AddUTF8FontFromBytes("brand", "", regular)
	doc.AddUTF8FontFromBytes("brand", "B", bold)
	doc.SetFont("brand", "", 12)
	doc.Text(40, 40, "Regular text")
	doc.SetFont("brand", "B", 12)
	doc.Text(40, 80, "Bold text, a longer line")
	var orig bytes.Buffer
	if err := doc.Output(&orig); err != nil {
		t.Fatal(err)
	}
	names := BrandPDFNames("brand", map[string][]byte{"": regular, "B": bold})
	for _, c := range []struct {
		name  string
		names map[string]string
		want  []string // font names after
		same  bool
	}{
		{"the theme's faces", names, []string{names["utf8brand"], names["utf8brandB"]}, false},
		{"bold only (a name that is a prefix of another is not touched)", map[string]string{"utf8brandB": "ABCDEF+Go-Bold"}, []string{"utf8brand", "ABCDEF+Go-Bold"}, false},
		{"a much shorter name", map[string]string{"utf8brand": "G"}, []string{"G", "utf8brandB"}, false},
		{"nothing matches", map[string]string{"utf8other": "X"}, []string{"utf8brand", "utf8brandB"}, true},
		{"no names", nil, []string{"utf8brand", "utf8brandB"}, true},
	} {
		out, err := RenamePDFFonts(bytes.Clone(orig.Bytes()), c.names)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := bytes.Equal(out, orig.Bytes()); got != c.same {
			t.Errorf("%s: unchanged %v, want %v", c.name, got, c.same)
		}
		r, err := rscpdf.NewReader(bytes.NewReader(out), int64(len(out)))
		if err != nil {
			t.Fatalf("%s: the renamed PDF does not parse: %v", c.name, err)
		}
		p := r.Page(1)
		var got []string
		for _, k := range p.Fonts() {
			f := p.Font(k)
			got = append(got, f.BaseFont())
			// The descendant font and the descriptor carry the name too.
			d := f.V.Key("DescendantFonts").Index(0)
			if d.Key("BaseFont").Name() != f.BaseFont() || d.Key("FontDescriptor").Key("FontName").Name() != f.BaseFont() {
				t.Errorf("%s: %s: descendant %q, descriptor %q", c.name, f.BaseFont(), d.Key("BaseFont").Name(), d.Key("FontDescriptor").Key("FontName").Name())
			}
		}
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: fonts %q, want %q", c.name, got, c.want)
		}
		var text strings.Builder
		for _, tx := range p.Content().Text {
			text.WriteString(tx.S)
		}
		if !strings.Contains(strings.ReplaceAll(text.String(), "\x00", ""), "Bold") { // the raw UTF-16 of Identity-H
			t.Errorf("%s: page text %q", c.name, text.String())
		}
	}
	for k, v := range names {
		if !regexp.MustCompile(`^[A-Z]{6}\+Go(Regular|-Bold)$`).MatchString(v) {
			t.Errorf("%s named %q", k, v)
		}
	}
}
