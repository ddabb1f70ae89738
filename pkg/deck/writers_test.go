package deck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	rscpdf "rsc.io/pdf"
)

// pdfText returns the strings shown on a page: fpdf writes UTF-8 fonts'
// text as UTF-16BE in literal strings before Tj.
func pdfText(t *testing.T, p rscpdf.Page) string {
	t.Helper()
	raw, err := io.ReadAll(p.V.Key("Contents").Reader())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, m := range regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) ?Tj`).FindAllSubmatch(raw, -1) {
		var bs []byte
		for i := 0; i < len(m[1]); i++ {
			c := m[1][i]
			if c == '\\' && i+1 < len(m[1]) {
				i++
				switch e := m[1][i]; e {
				case 'n':
					c = '\n'
				case 'r':
					c = '\r'
				case 't':
					c = '\t'
				case 'b':
					c = '\b'
				case 'f':
					c = '\f'
				default:
					if e >= '0' && e <= '7' {
						v := 0
						for k := 0; k < 3 && i < len(m[1]) && m[1][i] >= '0' && m[1][i] <= '7'; k++ {
							v = v*8 + int(m[1][i]-'0')
							i++
						}
						i--
						c = byte(v)
					} else {
						c = e
					}
				}
			}
			bs = append(bs, c)
		}
		u := make([]uint16, 0, len(bs)/2)
		for i := 0; i+1 < len(bs); i += 2 {
			u = append(u, uint16(bs[i])<<8|uint16(bs[i+1]))
		}
		b.WriteString(string(utf16.Decode(u)))
		b.WriteByte(' ')
	}
	return b.String()
}

func TestPDF(t *testing.T) {
	claim := loadFile(t, "../../examples/insurance-claim.yaml")
	small := genJourney(t, 5)
	for _, tc := range []struct {
		size string
		w, h float64
	}{{"16:9", 960, 540}, {"4:3", 720, 540}, {"a4", 841.89, 595.28}} {
		j := claim
		if tc.size != "16:9" {
			j = small
		}
		d, err := Build(j, Options{Size: Sizes[tc.size]})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := PDF(&out, d); err != nil {
			t.Fatal(err)
		}
		r, err := rscpdf.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Fatalf("%s: PDF does not parse: %v", tc.size, err)
		}
		if r.NumPage() != len(d.Slides) {
			t.Errorf("%s: %d pages, %d slides", tc.size, r.NumPage(), len(d.Slides))
		}
		if got := r.Trailer().Key("Info").Key("Title").Text(); got != j.Title {
			t.Errorf("%s: document title %q, want %q", tc.size, got, j.Title)
		}
		var all strings.Builder
		for i := 1; i <= r.NumPage(); i++ {
			p := r.Page(i)
			mb := p.V.Key("MediaBox")
			if mb.IsNull() {
				mb = p.V.Key("Parent").Key("MediaBox")
			}
			w, h := mb.Index(2).Float64()-mb.Index(0).Float64(), mb.Index(3).Float64()-mb.Index(1).Float64()
			if abs(w-tc.w) > 0.5 || abs(h-tc.h) > 0.5 {
				t.Errorf("%s page %d: %v x %v pt, want %v x %v", tc.size, i, w, h, tc.w, tc.h)
			}
			all.WriteString(pdfText(t, p))
		}
		for _, want := range []string{j.Title, "Where it hurts", j.Steps()[0].Action, "Opportunity backlog by owner", "Flow continues on"} {
			if !strings.Contains(all.String(), want) {
				t.Errorf("%s: text %q not found in the PDF", tc.size, want)
			}
		}
		var again bytes.Buffer
		if err := PDF(&again, d); err != nil || !bytes.Equal(again.Bytes(), out.Bytes()) {
			t.Errorf("%s: the same deck gave different PDF bytes (%v)", tc.size, err)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// unzipped is a PPTX's parts by name.
func unzipped(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first part is %s, want [Content_Types].xml", zr.File[0].Name)
	}
	return parts
}

type rels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// checkPPTX checks that every part is well-formed XML, every relationship
// points at a part, every part has a content type, and presentation.xml
// lists n slides, each with its notes.
func checkPPTX(t *testing.T, parts map[string][]byte, n int) {
	t.Helper()
	var types struct {
		Default []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Override []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	typed := map[string]bool{}
	for _, o := range types.Override {
		typed[strings.TrimPrefix(o.Part, "/")] = true
	}
	exts := map[string]bool{}
	for _, d := range types.Default {
		exts[d.Ext] = true
	}
	for name, b := range parts {
		if !typed[name] && !exts[strings.TrimPrefix(path.Ext(name), ".")] {
			t.Errorf("%s has no content type", name)
		}
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s is not well-formed XML: %v", name, err)
					break
				}
			}
		}
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var r rels
		if err := xml.Unmarshal(b, &r); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		base := path.Dir(path.Dir(name)) // the folder of the part the rels belong to
		for _, rel := range r.Rel {
			target := path.Clean(path.Join(base, rel.Target))
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: %s points at %s, which is not in the package", name, rel.ID, target)
			}
		}
	}
	var pres struct {
		Slides []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sldIdLst>sldId"`
	}
	if err := xml.Unmarshal(parts["ppt/presentation.xml"], &pres); err != nil {
		t.Fatal(err)
	}
	if len(pres.Slides) != n {
		t.Fatalf("sldIdLst has %d slides, want %d", len(pres.Slides), n)
	}
	var pr rels
	xml.Unmarshal(parts["ppt/_rels/presentation.xml.rels"], &pr)
	byID := map[string]string{}
	for _, r := range pr.Rel {
		byID[r.ID] = r.Target
	}
	for i, s := range pres.Slides {
		target := byID[s.RID]
		if target != "ppt/slides/slide"+itoa(i+1)+".xml" && target != "slides/slide"+itoa(i+1)+".xml" {
			t.Errorf("slide %d is %q", i+1, target)
		}
		sr := parts["ppt/slides/_rels/slide"+itoa(i+1)+".xml.rels"]
		if !bytes.Contains(sr, []byte("notesSlide"+itoa(i+1)+".xml")) || !bytes.Contains(sr, []byte("slideLayout1.xml")) {
			t.Errorf("slide %d's relationships lack its layout or notes: %s", i+1, sr)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// pptxParts writes d as a PPTX and returns its parts, checked by checkPPTX.
func pptxParts(t *testing.T, d *Deck) map[string][]byte {
	t.Helper()
	var out bytes.Buffer
	if err := PPTX(&out, d); err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, out.Bytes())
	checkPPTX(t, parts, len(d.Slides))
	return parts
}

func TestPPTX(t *testing.T) {
	j := loadFile(t, "../../examples/building-permit/future.yaml")
	base := loadFile(t, "../../examples/building-permit/current.yaml")
	d, err := Build(j, Options{Baseline: base})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := PPTX(&out, d); err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, out.Bytes())
	checkPPTX(t, parts, len(d.Slides))
	core := string(parts["docProps/core.xml"])
	if !strings.Contains(core, "<dc:title>"+j.Title+"</dc:title>") || !strings.Contains(core, "<dc:creator>"+j.Owner+"</dc:creator>") {
		t.Errorf("core.xml lacks title or author: %s", core)
	}
	kinds := map[string]int{}
	for i, s := range d.Slides {
		kinds[s.Kind]++
		slide := string(parts["ppt/slides/slide"+itoa(i+1)+".xml"])
		notes := string(parts["ppt/notesSlides/notesSlide"+itoa(i+1)+".xml"])
		switch s.Kind {
		case "blueprint":
			// Native, editable shapes (issue 20): rounded boxes with
			// their text, lines and connectors, no picture.
			if strings.Contains(slide, "<p:pic>") || !strings.Contains(slide, `prst="roundRect"`) || !strings.Contains(slide, "<p:cxnSp>") || !strings.Contains(slide, `<a:tailEnd type="triangle"`) {
				t.Errorf("blueprint slide %d is not native shapes", i+1)
			}
			if !strings.Contains(notes, "Touchpoint") {
				t.Errorf("blueprint slide %d's notes lack the step details", i+1)
			}
		case "hurts", "backlog", "metrics", "compare":
			if !strings.Contains(slide, "<a:tbl>") {
				t.Errorf("%s slide %d has no native table", s.Kind, i+1)
			}
		}
	}
	for _, k := range []string{"title", "summary", "personas", "emotion", "overview", "blueprint", "hurts", "impact", "backlog", "kpis", "metrics", "compare"} {
		if kinds[k] == 0 {
			t.Errorf("no %s slide in %v", k, kinds)
		}
	}
	for name := range parts {
		if strings.HasPrefix(name, "ppt/media/") {
			t.Errorf("the PPTX holds a picture: %s", name)
		}
	}
	var again bytes.Buffer
	if err := PPTX(&again, d); err != nil || !bytes.Equal(again.Bytes(), out.Bytes()) {
		t.Errorf("the same deck gave different PPTX bytes (%v)", err)
	}
}

// TestHostile: markup, quotes, control characters and scripts in a
// journey stay literal text in both formats.
func TestHostile(t *testing.T) {
	j := loadFile(t, "../../testdata/render/hostile.yaml")
	d, err := Build(j, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pp bytes.Buffer
	if err := PPTX(&pp, d); err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, pp.Bytes())
	checkPPTX(t, parts, len(d.Slides))
	var texts strings.Builder
	for name, b := range parts {
		if !strings.HasPrefix(name, "ppt/slides/slide") && name != "docProps/core.xml" {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			if cd, ok := tok.(xml.CharData); ok {
				texts.Write(cd)
			}
		}
	}
	if !strings.Contains(texts.String(), j.Title) {
		t.Errorf("the title %q is not literal text in the PPTX", j.Title)
	}
	var pdf bytes.Buffer
	if err := PDF(&pdf, d); err != nil {
		t.Fatal(err)
	}
	if _, err := rscpdf.NewReader(bytes.NewReader(pdf.Bytes()), int64(pdf.Len())); err != nil {
		t.Fatalf("PDF does not parse: %v", err)
	}
}

// TestLibreOffice converts a PPTX with LibreOffice Impress and expects as
// many pages as the deck has slides. It skips where soffice is absent.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds to start")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (Debian libreoffice-impress) is not installed: the PPTX is not checked with LibreOffice")
	}
	dir := t.TempDir()
	j := genJourney(t, 5)
	d, err := Build(j, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := libreOfficePDF(t, soffice, dir, d)
	r, err := rscpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("LibreOffice's PDF does not parse: %v", err)
	}
	if r.NumPage() != len(d.Slides) {
		t.Errorf("LibreOffice made %d pages of %d slides", r.NumPage(), len(d.Slides))
	}
	// The native blueprint pages look like the PDF's: rendered at 40 dpi,
	// few pixels differ by more than a quarter of the scale (text
	// antialiasing and hinting differ a little).
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm (Debian poppler-utils) is not installed: pages not compared")
	}
	var ours bytes.Buffer
	if err := PDF(&ours, d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ours.pdf"), ours.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, s := range d.Slides {
		if s.Kind != "blueprint" {
			continue
		}
		n := itoa(i + 1)
		var imgs [2]image.Image
		for k, f := range []string{"ours.pdf", "deck.pdf"} {
			prefix := filepath.Join(dir, f+"-"+n)
			if msg, err := exec.Command(pdftoppm, "-r", "40", "-png", "-singlefile", "-f", n, "-l", n, filepath.Join(dir, f), prefix).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, msg)
			}
			fh, err := os.Open(prefix + ".png")
			if err != nil {
				t.Fatal(err)
			}
			imgs[k], err = png.Decode(fh)
			fh.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		b := imgs[0].Bounds()
		if imgs[1].Bounds() != b {
			t.Fatalf("slide %s: page sizes differ: %v and %v", n, b, imgs[1].Bounds())
		}
		diff := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r1, g1, b1, _ := imgs[0].At(x, y).RGBA()
				r2, g2, b2, _ := imgs[1].At(x, y).RGBA()
				d := max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2))
				if d > 0xffff/4 {
					diff++
				}
			}
		}
		frac := float64(diff) / float64(b.Dx()*b.Dy())
		t.Logf("blueprint slide %s: %.1f%% of pixels differ between the PDF and LibreOffice's rendering of the PPTX", n, 100*frac)
		if frac > 0.06 {
			t.Errorf("blueprint slide %s: %.1f%% of pixels differ (more than 6%%)", n, 100*frac)
		}
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// libreOfficePDF writes d as dir/deck.pptx, converts it with LibreOffice
// (a profile of its own in dir; env added to the environment) and returns
// the PDF, dir/deck.pdf.
func libreOfficePDF(t *testing.T, soffice, dir string, d *Deck, env ...string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := PPTX(&out, d); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "deck.pptx")
	if err := os.WriteFile(in, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file:///"+strings.TrimPrefix(filepath.ToSlash(filepath.Join(dir, "profile")), "/"), "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), env...)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(filepath.Join(dir, "deck.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v\n%s", err, msg)
	}
	return b
}
