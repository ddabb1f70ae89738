package report

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/brandtest"
	"github.com/xuri/excelize/v2"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
)

func riverside(t *testing.T) *theme.Theme {
	t.Helper()
	th, err := theme.Load("../../examples/themes/riverside.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestReportWords: the English catalogue loads (a clash of ids between
// areas would leave every fixed word as its id, "{x} critical at risk"),
// and an English locale writes what no locale writes, numbers aside.
func TestReportWords(t *testing.T) {
	if _, err := locale.New("en"); err != nil {
		t.Fatalf("the English catalogue does not load: %v", err)
	}
	r := build(load(t, "permit.yaml", "library.yaml"), Options{})
	var plain, english bytes.Buffer
	if err := Markdown(&plain, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	r.Options.Locale = brandtest.Locale(t, "en")
	if err := Markdown(&english, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if plain.String() != english.String() {
		t.Errorf("--locale en differs from no locale:\n%s\n----\n%s", plain.String(), english.String())
	}
	if strings.Contains(plain.String(), "{x}") || strings.Contains(plain.String(), "{n}") {
		t.Errorf("a placeholder is left:\n%s", plain.String())
	}
}

// englishWords are the report catalogue's English texts that lang
// writes differently, as the fragments between placeholders that are long
// enough not to be the journeys' own words ("critical at risk", "Gap
// report", "Very unhappy"), and the rating words.
func englishWords(t *testing.T, lang string) []string {
	t.Helper()
	read := func(lang string) map[string]any { return brandtest.Catalogue(t, "report", lang) }
	en, fr := read("en"), read(lang)
	var out []string
	ph := regexp.MustCompile(`\{[nxyz]\}`)
	add := func(e, f string) {
		if e == f {
			return
		}
		for _, frag := range ph.Split(e, -1) {
			frag = strings.TrimSpace(strings.Trim(frag, "()[]:.,; "))
			if len(frag) >= 9 && strings.Contains(frag, " ") && !strings.Contains(f, frag) {
				out = append(out, frag)
			}
		}
	}
	for id, v := range en {
		switch e := v.(type) {
		case string:
			f, _ := fr[id].(string)
			add(e, f)
		case map[string]any:
			for form, s := range e {
				f, _ := fr[id].(map[string]any)
				fs, _ := f[form].(string)
				add(s.(string), fs)
			}
		}
	}
	for _, r := range []string{"red", "yellow", "green", ""} {
		out = append(out, journey.RatingWord(r))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestFrenchReportHasNoEnglishWord: a French, Arabic or Hebrew report (table,
// markdown, the workbook's sheets, headings and cells) holds no fixed word
// of the report's English catalogue; the journeys' own text stays as
// written.
func TestFrenchReportHasNoEnglishWord(t *testing.T) {
	for _, c := range []struct{ lang, red, pct string }{
		{"fr", "Très insatisfait", "35 %"},
		{"ar", "غير راضٍ إطلاقًا", "35%"},
		{"he", "לא מרוצה כלל", "35%"},
	} {
		t.Run(c.lang, func(t *testing.T) { reportInLanguage(t, c.lang, c.red, c.pct) })
	}
}

func reportInLanguage(t *testing.T, lang, red, pct string) {
	words := englishWords(t, lang)
	if len(words) < 30 {
		t.Fatalf("only %d English fragments to look for: %v", len(words), words)
	}
	fr := brandtest.Locale(t, lang)
	js := load(t, "permit.yaml", "library.yaml", "pair-current.yaml", "pair-future.yaml")
	outputs := map[string]string{}
	for _, by := range []string{ByStep, ByLane, ByOwner} {
		for _, format := range []string{"table", "markdown"} {
			r := build(js, Options{By: by, Locale: fr})
			var buf bytes.Buffer
			if err := writer(t, by, format)(&buf, r, FormatOptions{Width: 120}); err != nil {
				t.Fatal(err)
			}
			outputs[by+"/"+format] = buf.String()
		}
	}
	// A narrow table: the short headings, the legend and the cards.
	var narrow bytes.Buffer
	if err := Table(&narrow, build(js, Options{Locale: fr}), FormatOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	outputs["narrow"] = narrow.String()
	outputs["xlsx"] = workbookText(t, build(js, Options{Workbook: true, Locale: fr}))
	for name, out := range outputs {
		for _, w := range words {
			if strings.Contains(out, w) {
				t.Errorf("%s: English %q in the %s report", name, w, lang)
			}
		}
	}
	// diff's own sentence of what else changed, on the comparison's line
	// (the French words are checked by name).
	if lang == "fr" {
		compared := []string{Compare(js[2], js[3]).text(wordsOf(&Report{Options: Options{Locale: fr}}))}
		for _, p := range [][2]string{{"../../../examples/building-permit/current.yaml", "../../../examples/building-permit/future.yaml"}} {
			pair := load(t, p[0], p[1])
			compared = append(compared, Compare(pair[0], pair[1]).text(wordsOf(&Report{Options: Options{Locale: fr}})))
		}
		for _, line := range compared {
			if strings.Contains(line, " state)") {
				t.Errorf("the baseline is named in English in the French comparison: %s", line)
			}
			for _, w := range []string{"pains", "resolved", "ratings", "targets", "metrics", "opportunities", "changed status", "time:", "saved", "longer", "not timed", "improved", "regressed", "worse"} {
				if regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`).MatchString(line) {
					t.Errorf("English %q in the French comparison: %s", w, line)
				}
			}
		}
		if !strings.Contains(strings.Join(compared, "\n"), "durée :") && !strings.Contains(strings.Join(compared, "\n"), "irritants :") {
			t.Errorf("the French comparison says nothing else changed: %q", compared)
		}
	}
	if !strings.Contains(outputs["step/markdown"], red) || !strings.Contains(outputs["step/markdown"], "Pays the fee") {
		t.Errorf("the %s report lacks its rating words or the journey's own text:\n%s", lang, outputs["step/markdown"])
	}
	if !strings.Contains(outputs["step/table"], pct) {
		t.Errorf("numbers are not %s (%s):\n%s", lang, pct, outputs["step/table"])
	}
}

// workbookText is every sheet name and cell of a workbook, one a line.
func workbookText(t *testing.T, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		b.WriteString(s + "\n")
		rows, _ := f.GetRows(s)
		for _, row := range rows {
			b.WriteString(strings.Join(row, "\n") + "\n")
		}
	}
	return b.String()
}

// TestThemedWorkbookStyles: with a theme the header is filled with the
// primary colour in its ink and the rating cells with the theme's rating
// colours (xl/styles.xml, a golden); without one, cxmap's own look.
func TestThemedWorkbookStyles(t *testing.T) {
	th := riverside(t)
	r := build(load(t, "permit.yaml"), Options{Workbook: true, Theme: th})
	var buf bytes.Buffer
	if err := XLSX(&buf, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	styles := part(t, buf.Bytes(), "xl/styles.xml")
	golden(t, "themed-styles.xml", styles)
	for _, c := range []string{th.Colors.Primary, th.Colors.Red, th.Colors.Yellow, th.Colors.Green, th.Colors.Unrated, th.InkFor(th.Colors.Primary)} {
		if !bytes.Contains(styles, []byte("FF"+hexOf(c))) {
			t.Errorf("styles lack the theme colour %s", c)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	id, _ := f.GetCellStyle("Steps", "A1")
	if st, err := f.GetStyle(id); err != nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != hexOf(th.Colors.Primary) || st.Font == nil || !strings.EqualFold(st.Font.Color, hexOf(th.InkFor(th.Colors.Primary))) {
		t.Errorf("Steps header style %+v %v, want %s on %s", st, err, th.InkFor(th.Colors.Primary), th.Colors.Primary)
	}
	if props, _ := f.GetDocProps(); props.Creator != th.Name || strings.Contains(props.Title, "cxmap") {
		t.Errorf("a branded workbook names cxmap: %+v", props)
	}
	// Without a theme: the grey header of before.
	var plain bytes.Buffer
	if err := XLSX(&plain, build(load(t, "permit.yaml"), Options{Workbook: true}), FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(part(t, plain.Bytes(), "xl/styles.xml"), []byte("FFE7E9EE")) {
		t.Error("the default workbook lost its grey header")
	}
}

func part(t *testing.T, book []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestWorkbookNamesReadBack: import --update finds a French workbook's
// sheets, headings and rating words.
func TestWorkbookNamesReadBack(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{WorkbookSheet("Étapes"), "Steps"},
		{WorkbookSheet("Schritte"), "Steps"},
		{WorkbookSheet("Steps"), "Steps"},
		{WorkbookSheet("Sheet9"), ""},
		{WorkbookHeading("Steps", "Étape"), "Step"},
		{WorkbookHeading("Opportunities", "Responsable"), "Owner"},
		{WorkbookHeading("Steps", "Other"), "Other"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for cell, want := range map[string]string{"Très insatisfait": "red", "very unhappy": "red", "Funktioniert gut": "green", "yellow": "yellow", "Not rated": Unrated} {
		if got, ok := WorkbookRating(cell); !ok || got != want {
			t.Errorf("WorkbookRating(%q) = %q, %v; want %q", cell, got, ok, want)
		}
	}
	if _, ok := WorkbookRating("amber"); ok {
		t.Error("amber read as a rating")
	}
}

// TestRun: the run writes what the CLI wrote (the same report as the
// writers), refuses a --stage no journey has naming the stages, and
// writes nothing for no journey unless the format is for programs.
func TestRun(t *testing.T) {
	js := load(t, "permit.yaml", "library.yaml")
	var got, want bytes.Buffer
	if err := Run(context.Background(), js, &got, RunOptions{Format: "markdown", Width: 100}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&want, build(js, Options{}), FormatOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Error("Run's markdown differs from the writer's")
	}
	err := Run(context.Background(), js, io.Discard, RunOptions{Options: Options{Stage: "nope"}})
	var se *StageError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "apply") {
		t.Errorf("--stage nope: %v", err)
	}
	var empty bytes.Buffer
	if err := Run(context.Background(), nil, &empty, RunOptions{Format: "table"}); err != nil || empty.Len() != 0 {
		t.Errorf("no journeys, table: %q %v", empty.String(), err)
	}
	if err := Run(context.Background(), nil, &empty, RunOptions{Format: "json"}); err != nil || empty.Len() == 0 {
		t.Errorf("no journeys, json: nothing written (%v)", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Run(ctx, js, io.Discard, RunOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled run: %v", err)
	}
}

// TestProgressInLocale: a metric against its target in French and German
// (locale.Progress), and as before without a locale.
func TestProgressInLocale(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	m := metricGap(journey.Metric{Name: "Abandonment", Unit: "%", Current: f(35.5), Target: f(10), Better: "lower"})
	met := metricGap(journey.Metric{Name: "NPS", Current: f(42), Target: f(40)})
	nbsp := func(s string) string { return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) }
	for _, c := range []struct {
		w    words
		m    MetricGap
		want string
	}{
		{words{}, m, "now 35.5% · target ≤ 10% · 25.5% to go"},
		{words{brandtest.Locale(t, "en")}, m, "now 35.5% · target ≤ 10% · 25.5% to go"},
		{words{brandtest.Locale(t, "fr")}, m, "actuel 35,5 % · cible ≤ 10 % · encore 25,5 %"},
		{words{brandtest.Locale(t, "fr")}, met, "actuel 42 · cible ≥ 40 · atteint"},
		{words{brandtest.Locale(t, "de")}, m, "aktuell 35,5 % · Ziel ≤ 10 % · noch 25,5 %"},
	} {
		if got := nbsp(c.w.Progress(c.m)); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	sum := Summary{Steps: 3, Red: 1, Green: 2, Opportunities: 1, Unowned: 1}
	if got, want := SummaryTextIn(brandtest.Locale(t, "fr"), sum), "3 étapes · 1 Très insatisfait, 0 Insatisfait, 2 Satisfaisant, 0 Non évalué"; !strings.HasPrefix(got, want) {
		t.Errorf("SummaryTextIn(fr) = %q, want it to start %q", got, want)
	}
	if SummaryTextIn(nil, sum) != SummaryText(sum) || MetricTextIn(nil, m) != MetricText(m) || OpportunityTextIn(nil, Opportunity{Idea: "x"}) != "x (no owner)" {
		t.Error("the *In functions without a locale differ from the English ones")
	}
}

// TestRightToLeftWorkbook: an Arabic workbook's sheets run from the right
// (Excel's rightToLeft sheet view), its names and headings in Arabic read
// back by import --update; an English one's run from the left.
func TestRightToLeftWorkbook(t *testing.T) {
	for _, c := range []struct {
		tag string
		rtl bool
	}{{"ar", true}, {"fr", false}, {"", false}} {
		o := Options{Workbook: true}
		if c.tag != "" {
			o.Locale = brandtest.Locale(t, c.tag)
		}
		var buf bytes.Buffer
		if err := XLSX(&buf, build(load(t, "permit.yaml"), o), FormatOptions{}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range f.GetSheetList() {
			if name == SourceSheet {
				continue
			}
			v, err := f.GetSheetView(name, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := v.RightToLeft != nil && *v.RightToLeft; got != c.rtl {
				t.Errorf("%q: sheet %s right to left: %v, want %v", c.tag, name, got, c.rtl)
			}
			if c.tag == "ar" && WorkbookSheet(name) == "" {
				t.Errorf("the Arabic sheet %q is not read back", name)
			}
		}
		f.Close()
	}
	if got, ok := WorkbookRating("غير راضٍ إطلاقًا"); !ok || got != "red" {
		t.Errorf("the Arabic Very unhappy reads as %q, %v", got, ok)
	}
}
