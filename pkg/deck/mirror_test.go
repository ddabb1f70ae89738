package deck

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/brandtest"
	"github.com/cxmap/cxmap/pkg/journey"
)

// rtlPair is the same journey's deck in English and in Arabic.
func rtlPair(t *testing.T, path string) (en, ar *Deck) {
	t.Helper()
	return deckPair(t, path, "en", Build)
}

// deckPair is the journey's deck in English (or Arabic laid out left to
// right) and in Arabic.
func deckPair(t *testing.T, path, first string, make func(*journey.Journey, Options) (*Deck, error)) (en, ar *Deck) {
	t.Helper()
	j := loadFile(t, path)
	var err error
	if en, err = make(j, Options{Locale: brandtest.Locale(t, first)}); err != nil {
		t.Fatal(err)
	}
	if ar, err = Build(loadFile(t, path), Options{Locale: brandtest.Locale(t, "ar")}); err != nil {
		t.Fatal(err)
	}
	if en.RTL != (first == "ar") || !ar.RTL || len(en.Slides) != len(ar.Slides) {
		t.Fatalf("RTL en=%v ar=%v, slides %d and %d", en.RTL, ar.RTL, len(en.Slides), len(ar.Slides))
	}
	return en, ar
}

const near = 0.01

// TestRTLMirrored: an Arabic deck is its left-to-right layout turned over,
// shape by shape (titles at the right, tables' columns from the right, KPI bars
// from the right), but for its timelines: the blueprint pictures keep
// their order and move with their editable shapes as one block, and the
// emotion curve's shapes keep their places.
func TestRTLMirrored(t *testing.T) {
	en, ar := deckPair(t, "../../examples/insurance-claim.yaml", "ar", build)
	w := en.Size.W
	seen := map[string]bool{}
	for i := range en.Slides {
		es, as := en.Slides[i], ar.Slides[i]
		if len(es.Shapes) != len(as.Shapes) {
			t.Fatalf("slide %d (%s): %d and %d shapes", i+1, es.Kind, len(es.Shapes), len(as.Shapes))
		}
		var picDX []float64
		for k := range es.Shapes {
			e, a := es.Shapes[k], as.Shapes[k]
			switch {
			case e.Kind == ShapePicture:
				picDX = append(picDX, a.X-e.X)
				for n := range e.Picture.Native {
					if d := a.Picture.Native[n].X - e.Picture.Native[n].X; math.Abs(d-(a.X-e.X)) > near {
						t.Fatalf("slide %d: an editable shape of the picture moved %.1f, the picture %.1f", i+1, d, a.X-e.X)
					}
				}
			case e.LTR:
				seen["ltr "+es.Kind] = true
				if es.Kind == "emotion" && math.Abs(a.X-e.X) > near {
					t.Errorf("slide %d: the emotion curve's shape %d moved from x %.1f to %.1f", i+1, k, e.X, a.X)
				}
			case e.Kind == ShapeLine:
				if math.Abs(a.X-(w-e.X)) > near || math.Abs(a.W+e.W) > near {
					t.Errorf("slide %d: line %d not turned over: %+v, %+v", i+1, k, e.Rect, a.Rect)
				}
			default:
				if math.Abs(a.X+a.W-(w-e.X)) > near || math.Abs(a.W-e.W) > near || a.Y != e.Y {
					t.Errorf("slide %d (%s): shape %d at %+v, in English %+v: not mirrored", i+1, es.Kind, k, a.Rect, e.Rect)
				}
			}
			if e.Kind == ShapeTable {
				seen["table"] = true
				n := len(e.Table.Cols)
				if a.Table.Cols[0] != e.Table.Cols[n-1] || a.Table.Rows[0].Cells[0].Lines[0] == e.Table.Rows[0].Cells[0].Lines[0] && n > 1 {
					t.Errorf("slide %d: the table's columns do not run from the right", i+1)
				}
			}
		}
		// The pictures of a slide keep their order: they move together.
		for _, d := range picDX {
			if math.Abs(d-picDX[0]) > near {
				t.Errorf("slide %d: its pictures moved apart (%v)", i+1, picDX)
			}
			seen["picture"] = true
		}
		if k := es.Kind; k == "title" || k == "kpis" {
			seen[k] = true
		}
	}
	// Every case was met (the journey has them all).
	for _, k := range []string{"table", "picture", "ltr emotion", "ltr impact", "title", "kpis"} {
		if !seen[k] {
			t.Errorf("no %s in the deck: the test did not look at it", k)
		}
	}
	// The chrome of a themed deck changes side: the logo at the right.
	th := themedDeck(t, "riverside.yaml", "ar")
	logo := false
	for _, sh := range th.Chrome {
		if sh.Kind == ShapeImage {
			logo = true
			if math.Abs(sh.X+sh.W-(th.Size.W-Margin)) > near {
				t.Errorf("the footer's logo is at %+v, not at the right margin", sh.Rect)
			}
		}
	}
	if !logo {
		t.Error("the Riverside theme's deck has no logo in its footer")
	}
}

// TestRTLPDFTitleRight: in the Arabic deck's PDF the title slide's title
// ends at the right margin; in English it starts at the left one. The
// title is the journey's own (English) text, which pdftotext reads
// whatever the shaping of Arabic.
func TestRTLPDFTitleRight(t *testing.T) {
	en, ar := rtlPair(t, "../../examples/insurance-claim.yaml")
	k := en.Size.PDFH / en.Size.H
	title := func(d *Deck) (x0, x1 float64) {
		words := strings.Fields(d.Slides[0].Title)
		return firstPageSpan(t, d, words[0], words[len(words)-1])
	}
	if x0, _ := title(en); math.Abs(x0-Margin*k) > 3 {
		t.Errorf("English title starts at %.1f pt, want %.1f", x0, Margin*k)
	}
	if _, x1 := title(ar); math.Abs(x1-(en.Size.W-Margin)*k) > 3 {
		t.Errorf("Arabic title ends at %.1f pt, want %.1f (the right margin)", x1, (en.Size.W-Margin)*k)
	}
}

// TestRTLPDFLineReadsRightToLeft: in the Arabic deck, a line that mixes
// the journey's English with Arabic words reads right to left as a whole:
// the title slide's line "Northgate Home Insurance · الوضع الحالي · …"
// starts at the right margin with the client's name. Ordered from its
// first letter, as a left-to-right paragraph, the name stood at the left.
func TestRTLPDFLineReadsRightToLeft(t *testing.T) {
	_, ar := rtlPair(t, "../../examples/insurance-claim.yaml")
	k := ar.Size.PDFH / ar.Size.H
	if _, x1 := firstPageSpan(t, ar, "Northgate", "Insurance"); math.Abs(x1-(ar.Size.W-Margin)*k) > 3 {
		t.Errorf("the client's name ends at %.1f pt, want it first, at the right margin (%.1f)", x1, (ar.Size.W-Margin)*k)
	}
}

// firstPageSpan is the horizontal extent, in points, of the words first
// and last as pdftotext -bbox finds them on the deck's first page.
func firstPageSpan(t *testing.T, d *Deck, first, last string) (x0, x1 float64) {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed: positions on the page are not measured")
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := PDF(&b, d); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "d.pdf"), filepath.Join(dir, "d.html")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(pdftotext, "-f", "1", "-l", "1", "-bbox", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftotext: %v %s", err, msg)
	}
	h, _ := os.ReadFile(out)
	x0, x1 = math.Inf(1), math.Inf(-1)
	re := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	for _, m := range re.FindAllStringSubmatch(string(h), -1) {
		if m[3] == first || m[3] == last {
			a, _ := strconv.ParseFloat(m[1], 64)
			b, _ := strconv.ParseFloat(m[2], 64)
			x0, x1 = min(x0, a), max(x1, b)
		}
	}
	if math.IsInf(x0, 0) {
		t.Fatalf("%q is not on the PDF's first page", first)
	}
	return x0, x1
}

// TestRTLText: the Arabic deck's PPTX aligns its text right, rtl="1", in
// the slides, the master's text styles and the layouts' placeholders (a
// slide added in PowerPoint or Impress is right to left); the blueprint's
// own words and the emotion curve stay left to right.
func TestRTLText(t *testing.T) {
	en, ar := rtlPair(t, "../../examples/insurance-claim.yaml")
	var pp bytes.Buffer
	if err := PPTX(&pp, ar); err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, pp.Bytes())
	if !strings.Contains(string(parts["ppt/slides/slide1.xml"]), `algn="r" rtl="1"`) {
		t.Error("the title slide's text is not right to left")
	}
	master := string(parts["ppt/slideMasters/slideMaster1.xml"])
	if strings.Count(master, `algn="r" rtl="1"`) < 3 {
		t.Errorf("the master's title and body styles are not right to left:\n%.300s", master[strings.Index(master, "<p:txStyles>"):])
	}
	if l := string(parts["ppt/slideLayouts/slideLayout2.xml"]); !strings.Contains(l, "عنوان ومحتوى") {
		t.Error("the layouts are not named in Arabic")
	}
	notes := 0
	for n, b := range parts {
		if strings.HasPrefix(n, "ppt/notesSlides/notesSlide") && bytes.Contains(b, []byte(`<a:pPr algn="r" rtl="1"/><a:r><a:rPr lang="ar"`)) {
			notes++
		}
	}
	if notes == 0 {
		t.Error("no speaker notes are right to left")
	}
	j := loadFile(t, "../../examples/insurance-claim.yaml")
	for i, s := range ar.Slides {
		x := string(parts["ppt/slides/slide"+itoa(i+1)+".xml"])
		switch s.Kind {
		case "blueprint":
			// A step's action in its box stays left to right; the slide's
			// title beside it does not.
			at := strings.Index(x, ">"+j.Steps()[0].Action+"<")
			if at < 0 {
				continue
			}
			if para := x[strings.LastIndex(x[:at], "<a:pPr"):at]; strings.Contains(para, `rtl="1"`) {
				t.Errorf("blueprint slide %d: the step's box is right to left", i+1)
			}
			if !strings.Contains(x, `rtl="1"`) {
				t.Errorf("blueprint slide %d: its title is not right to left", i+1)
			}
		case "emotion":
			// The step numbers under the curve are left to right.
			at := strings.Index(x, "<a:t>1</a:t>")
			if at < 0 || strings.Contains(x[strings.LastIndex(x[:at], "<a:pPr"):at], `rtl="1"`) {
				t.Errorf("emotion slide %d: the curve's step numbers are right to left", i+1)
			}
		}
	}
	// English keeps the fixed parts (no master of its own, nothing rtl).
	var eb bytes.Buffer
	if err := PPTX(&eb, en); err != nil {
		t.Fatal(err)
	}
	for n, b := range unzipped(t, eb.Bytes()) {
		if bytes.Contains(b, []byte(`rtl="1"`)) {
			t.Errorf("English %s has rtl=\"1\"", n)
		}
	}
}
