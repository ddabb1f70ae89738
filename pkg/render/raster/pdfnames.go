package raster

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// A theme's font is embedded in a PDF under its own name: fpdf names every
// font it embeds "utf8" + its lower-cased family + style ("utf8brand",
// "utf8brandB"), which is what a PDF viewer's font list and pdffonts show.
// BrandPDFNames and RenamePDFFonts give the theme's faces the name PDF
// asks for (ISO 32000-1, 9.6.4 and 9.7.4: the font's PostScript name,
// after a six-letter tag and "+" because the font is a subset), e.g.
// "QWMXPH+GoRegular", "KTRAWD+Go-Bold". The fonts cxmap ships keep fpdf's
// names, so a PDF without a theme is byte for byte what it was.

// BrandPDFNames maps the names fpdf gives the faces registered as family
// fam (faces: style "" or "B" to the font file) to their PDF names.
func BrandPDFNames(fam string, faces map[string][]byte) map[string]string {
	out := map[string]string{}
	for style, ttf := range faces {
		if name := postScriptName(ttf); name != "" {
			out["utf8"+strings.ToLower(fam)+style] = subsetTag(name) + "+" + name
		}
	}
	return out
}

// postScriptName is the font's PostScript name (name ID 6), else its
// family (ID 1) and subfamily (ID 2) joined by a hyphen, with the
// characters a PostScript or PDF name may not hold left out; "" when the
// font has neither.
func postScriptName(ttf []byte) string {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return ""
	}
	var buf sfnt.Buffer
	name, err := f.Name(&buf, sfnt.NameIDPostScript)
	if err != nil || name == "" {
		fam, err := f.Name(&buf, sfnt.NameIDFamily)
		if err != nil {
			return ""
		}
		name = fam
		if sub, err := f.Name(&buf, sfnt.NameIDSubfamily); err == nil && sub != "" && sub != "Regular" {
			name += "-" + sub
		}
	}
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("[](){}<>/%#", r) {
			return -1
		}
		return r
	}, name)
}

// subsetTag is six capital letters from the name, the same every time.
func subsetTag(name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// fontNameAt finds the places fpdf writes a font's name: the Type0 font's
// and the CIDFont's /BaseFont and the descriptor's /FontName, each on a
// line of an object's dictionary (never inside a stream).
// Compiled at first use, not when every command starts.
var fontNameAt = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(\n/BaseFont /|/Type /FontDescriptor /FontName /)(utf8[A-Za-z0-9#]+)([\s/>])`)
})

// RenamePDFFonts renames fonts in a PDF fpdf wrote (old PDF name to new),
// moving the cross-reference table's offsets by what each rename adds.
// names empty or matching nothing: pdf is returned unchanged.
func RenamePDFFonts(pdf []byte, names map[string]string) ([]byte, error) {
	if len(names) == 0 {
		return pdf, nil
	}
	type edit struct{ at, delta int }
	var edits []edit
	var out bytes.Buffer
	last := 0
	for _, m := range fontNameAt().FindAllSubmatchIndex(pdf, -1) {
		name := string(pdf[m[4]:m[5]])
		repl, ok := names[name]
		if !ok {
			continue
		}
		out.Write(pdf[last:m[4]])
		out.WriteString(repl)
		last = m[5]
		edits = append(edits, edit{at: m[4], delta: len(repl) - len(name)})
	}
	if len(edits) == 0 {
		return pdf, nil
	}
	out.Write(pdf[last:])
	b := out.Bytes()
	// moved is where byte offset o of the old file is in the new one.
	moved := func(o int) int {
		i := sort.Search(len(edits), func(i int) bool { return edits[i].at >= o })
		d := 0
		for _, e := range edits[:i] {
			d += e.delta
		}
		return o + d
	}
	// The one cross-reference section fpdf writes: "xref", a subsection
	// line "0 N", then N entries of 20 bytes ("%010d %05d n \n").
	x := bytes.LastIndex(b, []byte("\nxref\n"))
	if x < 0 {
		return nil, errors.New("pdf: no cross-reference table to move")
	}
	p := x + len("\nxref\n")
	eol := bytes.IndexByte(b[p:], '\n')
	if eol < 0 {
		return nil, errors.New("pdf: cross-reference table cut short")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(b[p:p+eol]), "%d %d", &first, &count); err != nil {
		return nil, fmt.Errorf("pdf: cross-reference subsection %q: %v", b[p:p+eol], err)
	}
	p += eol + 1
	for i := 0; i < count; i++ {
		e := b[p+20*i : p+20*i+20]
		if len(e) < 20 || e[17] != 'n' && e[17] != 'f' {
			return nil, fmt.Errorf("pdf: cross-reference entry %d is not 20 bytes", first+i)
		}
		if e[17] != 'n' {
			continue
		}
		o, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, fmt.Errorf("pdf: cross-reference entry %d: %v", first+i, err)
		}
		copy(e[:10], fmt.Sprintf("%010d", moved(o)))
	}
	// startxref: where the table now starts.
	s := bytes.LastIndex(b, []byte("startxref\n"))
	if s < 0 {
		return nil, errors.New("pdf: no startxref")
	}
	end := s + len("startxref\n")
	num := bytes.IndexByte(b[end:], '\n')
	if num < 0 {
		return nil, errors.New("pdf: startxref cut short")
	}
	tail := append([]byte(strconv.Itoa(x+1)), b[end+num:]...)
	return append(b[:end:end], tail...), nil
}

// OutputNamed writes doc, its theme faces (registered as family fam)
// under their own names (BrandPDFNames); faces nil: as fpdf writes it.
func OutputNamed(doc interface{ Output(io.Writer) error }, w io.Writer, fam string, faces map[string][]byte) error {
	if faces == nil {
		return doc.Output(w)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return err
	}
	b, err := RenamePDFFonts(buf.Bytes(), BrandPDFNames(fam, faces))
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
