package site

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/brandtest"
	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
	"go.yaml.in/yaml/v3"
)

// cssVars are the colour variables a stylesheet sets last, lower case.
func cssVars(css string) map[string]string {
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):(#[0-9a-fA-F]{6})`).FindAllStringSubmatch(css, -1) {
		vars[m[1]] = strings.ToLower(m[2])
	}
	return vars
}

// The site's CSS for each example theme: the golden holds the variables
// and the font rules (the font's bytes shortened), and every text pair of
// the themed stylesheet keeps WCAG AA.
func TestThemeCSS(t *testing.T) {
	dataURL := regexp.MustCompile(`data:([a-z/+-]+);base64,[A-Za-z0-9+/=]+`)
	for _, name := range []string{"riverside.yaml", "night.yaml"} {
		t.Run(name, func(t *testing.T) {
			th := brandtest.Theme(t, name)
			got, err := themeCSS(th)
			if err != nil {
				t.Fatal(err)
			}
			short := dataURL.ReplaceAllString(got, "data:$1;base64,…")
			golden.Check(t, filepath.Join("testdata", "theme-"+strings.TrimSuffix(name, ".yaml")+".css.golden"), []byte(short))
			vars := cssVars(string(css) + got)
			checkPairs(t, vars)
			if th.Font.Regular != "" && !strings.Contains(got, `@font-face{font-family:"brand";font-weight:700;src:url(data:font/ttf;base64,`) {
				t.Error("the theme's bold font is not embedded")
			}
		})
	}
}

// Themes whose brand colours are hard to read beside the site's own
// (a light accent, a pale primary, a dark page with dark ratings): the
// colours the site writes text in still pass.
func TestThemeCSSContrastTable(t *testing.T) {
	for _, c := range []struct{ name, yaml string }{
		{"pale primary", "name: a\ncolors: {primary: \"#E0F2FE\", accent: \"#0369A1\", text: \"#111111\", background: \"#FFFFFF\"}\n"},
		{"accent just passing on white", "name: b\ncolors: {primary: \"#333333\", accent: \"#767676\", text: \"#222222\", background: \"#FFFFFF\"}\n"},
		{"dark page", "name: c\ncolors: {primary: \"#0F172A\", accent: \"#93C5FD\", text: \"#F8FAFC\", background: \"#0B1120\", green: \"#86EFAC\", yellow: \"#FDE047\", red: \"#FCA5A5\", unrated: \"#CBD5E1\"}\n"},
		{"cream page", "name: d\ncolors: {primary: \"#7C2D12\", accent: \"#9A3412\", text: \"#292524\", background: \"#FFFBEB\"}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			th, err := theme.Parse(filepath.Join(t.TempDir(), "t.yaml"), []byte(c.yaml))
			if err != nil {
				t.Fatal(err)
			}
			got, err := themeCSS(th)
			if err != nil {
				t.Fatal(err)
			}
			checkPairs(t, cssVars(string(css)+got))
		})
	}
}

// visibleText is what a reader sees of a page, or hears: the text outside
// the blueprint, the title, and the titles, labels and alternative texts
// of elements. The blueprint's own words are render's (pkg/render).
func visibleText(page string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?s)<title>(.*?)</title>`).FindAllStringSubmatch(page, -1) {
		b.WriteString(m[1] + "\n")
	}
	body := regexp.MustCompile(`(?s)<style>.*?</style>|<script>.*?</script>|<svg.*?</svg>`).ReplaceAllString(page, "")
	for _, m := range regexp.MustCompile(`(?:title|aria-label|alt)="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		b.WriteString(html.UnescapeString(m[1]) + "\n")
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " ")
	b.WriteString(html.UnescapeString(text))
	return b.String()
}

// journeyStrings are every text a journey file holds (keys and values),
// the journey's own words, which are never translated.
func journeyStrings(t *testing.T, paths ...string) []string {
	t.Helper()
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Value != "" {
			out = append(out, n.Value)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			t.Fatal(err)
		}
		walk(&n)
	}
	// Longest first, so a phrase goes before a word inside it.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// catalogue reads one of the site's message files: id -> text ("other"
// form for plurals).
func catalogue(t *testing.T, area, lang string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../locale/messages", area, lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]yaml.Node
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range raw {
		if v.Kind == yaml.ScalarNode {
			out[k] = v.Value
			continue
		}
		var forms map[string]string
		v.Decode(&forms)
		out[k] = forms["other"]
	}
	return out
}

// A French site has no English fixed word: every page of the examples
// (with a comparison, KPIs, metrics, sources, the heatmap and the backlog)
// is read as a client reads it, the journeys' own text taken out, and no
// piece of an English message of the site's catalogue, nor a rating word,
// is left, where French says it otherwise.
func TestFrenchSiteHasNoEnglishWord(t *testing.T) {
	paths := []string{"../../examples/building-permit/current.yaml", "../../examples/building-permit/future.yaml", "../../examples/insurance-claim.yaml"}
	ins := load(t, paths...)
	dir := t.TempDir()
	s := New(ins, Options{Locale: brandtest.Locale(t, "fr"), Theme: brandtest.Theme(t, "riverside.yaml")}, nil)
	if err := s.Write(dir, 0); err != nil {
		t.Fatal(err)
	}
	own := journeyStrings(t, paths...)
	en, fr := catalogue(t, "site", "en"), catalogue(t, "site", "fr")
	common, commonFR := catalogue(t, "common", "en"), catalogue(t, "common", "fr")
	for _, w := range []string{"Working well", "Unhappy", "Very unhappy", "Not rated", "Critical", "Owner", "Stage", "Step", "Steps", "Pains", "Opportunities", "Touchpoints"} {
		en[w], fr[w] = common[w], commonFR[w]
	}
	// diff's own sentences: what else changed (pains, targets, time, ...).
	diffEN, diffFR := catalogue(t, "diff", "en"), catalogue(t, "diff", "fr")
	for id, text := range diffEN {
		en[id], fr[id] = text, diffFR[id]
	}
	// The pieces of each English message between its {x} fields.
	var pieces []string
	for id, text := range en {
		if fr[id] == text {
			continue // the same in French ("Blueprint", "Total")
		}
		for _, p := range regexp.MustCompile(`\{[nxyz]\}`).Split(text, -1) {
			p = strings.Trim(p, " .,:;()·")
			// A fragment of a sentence ("line" of "line {x}") only when
			// long enough not to be part of a journey's own words.
			if (len(p) >= 5 || p == text && len(p) >= 3) && !strings.Contains(fr[id], p) {
				pieces = append(pieces, p)
			}
		}
	}
	sort.Strings(pieces)
	pages := append([]string{IndexPage}, s.Pages()[1:]...)
	elseShown := false
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		elseShown = elseShown || regexp.MustCompile(`<p class="else">irritants : \d+ résolus`).MatchString(page)
		// diff's name of the baseline: its title and its state, in French.
		if strings.Contains(page, " state)</bdi>") {
			t.Errorf("%s: the baseline is named in English: %s", p, regexp.MustCompile(`<bdi>[^<]* state\)</bdi>`).FindString(page))
		}
		if !strings.Contains(page, `<html lang="fr">`) {
			t.Errorf("%s: not marked as French", p)
		}
		text := visibleText(page)
		for _, o := range own {
			if len(o) >= 5 { // not ids and short keys, which would cut words apart
				text = strings.ReplaceAll(text, o, " ")
			}
		}
		for _, piece := range pieces {
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(piece) + `\b`).MatchString(text) {
				i := strings.Index(text, piece)
				t.Errorf("%s: English %q left in the French page: …%s…", p, piece, text[max(0, i-60):min(len(text), i+len(piece)+60)])
			}
		}
	}
	if !elseShown {
		t.Error("no page says in French what else changed (diff's pains, targets, time ...)")
	}
}

// A themed site is the client's: logo, classification and footer on every
// page, the theme's colours, and no "cxmap" anywhere a client looks unless
// --source-links asks for the team's details.
func TestThemedPages(t *testing.T) {
	ins := load(t, "../../examples/building-permit")
	th := brandtest.Theme(t, "riverside.yaml")
	for _, sourceLinks := range []bool{false, true} {
		dir := t.TempDir()
		s := New(ins, Options{Theme: th, SourceLinks: sourceLinks}, nil)
		if err := s.Write(dir, 0); err != nil {
			t.Fatal(err)
		}
		for _, p := range s.Pages() {
			data, _ := os.ReadFile(filepath.Join(dir, p))
			page := string(data)
			for _, want := range []string{`<img class="logo" src="data:image/svg&#43;xml;base64,`, `alt="Riverside NHS Trust"`,
				`<p class="classification">Confidential — prepared for Riverside NHS Trust</p>`, `Outpatients programme 2027`, `--primary:#005EB8`} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: lacks %q", p, want)
				}
			}
			if n := strings.Count(page, `class="classification"`); n != 2 {
				t.Errorf("%s: the classification is shown %d times, want at the top and the foot", p, n)
			}
			seen := strings.Contains(strings.ToLower(visibleText(page)), "cxmap") || strings.Contains(page, `content="cxmap"`)
			if seen != sourceLinks {
				t.Errorf("%s with source links %v: cxmap named: %v", p, sourceLinks, seen)
			}
		}
	}
}

// A right-to-left language (Arabic, from its catalogue) lays the page out
// right to left in its words; the blueprint, a timeline, stays left to
// right; the stylesheet's sides are logical, so they mirror with the page.
func TestRightToLeft(t *testing.T) {
	ins := load(t, "../../examples/insurance-claim.yaml")
	ar, err := locale.New("ar")
	if err != nil {
		t.Fatal(err)
	}
	s := New(ins, Options{Locale: ar}, nil)
	var b strings.Builder
	if err := s.Journey(&b, ins[0].Path, mustLayOut(t, ins[0]), nil); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) {
		t.Error("the page is not right to left")
	}
	if !strings.Contains(page, ar.T("Skip to content")) || strings.Contains(page, ">Skip to content<") {
		t.Error("the page's fixed words are not Arabic")
	}
	if n, m := strings.Count(page, `dir="ltr">`), strings.Count(page, `<svg `); n != m || n < 2 {
		t.Errorf("%d drawings, %d kept left to right", m, n)
	}
	// No physical side in the stylesheet: left and right would not turn
	// over with dir="rtl".
	for _, side := range regexp.MustCompile(`[a-z-]*(left|right)[a-z-]*:[^;}]*`).FindAllString(string(css), -1) {
		t.Errorf("site.css: %q is a physical side; use inline-start/end", side)
	}
	if !strings.Contains(string(css), ".figure{") || !strings.Contains(string(css), "direction:ltr") {
		t.Error("site.css does not keep the blueprint figures left to right")
	}
}

func mustLayOut(t *testing.T, in Input) *Blueprint {
	t.Helper()
	bp, err := Options{}.LayOut(in.Journey)
	if err != nil {
		t.Fatal(err)
	}
	return bp
}

// The stage view: one picture per stage, each with only the lanes its
// steps use, and the whole journey's picture behind the switch.
func TestStageView(t *testing.T) {
	ins := load(t, "../../examples/building-permit/future.yaml")
	j := ins[0].Journey
	bp := mustLayOut(t, ins[0])
	if len(bp.Stages) != len(j.Stages) {
		t.Fatalf("%d stage pictures for %d stages", len(bp.Stages), len(j.Stages))
	}
	full := len(bp.Full.Rows)
	fewer := 0
	for i, g := range bp.Stages {
		if len(g.Rows) > full {
			t.Errorf("stage %s has %d rows, the whole journey %d", j.Stages[i].ID, len(g.Rows), full)
		}
		if len(g.Rows) < full {
			fewer++
		}
	}
	if fewer == 0 {
		t.Error("no stage leaves out a lane it does not use")
	}
	s := New(ins, Options{}, nil)
	var b strings.Builder
	if err := s.Journey(&b, ins[0].Path, bp, nil); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, `<section class="bp-stage"`); n != len(j.Stages) {
		t.Errorf("%d stage sections, want %d", n, len(j.Stages))
	}
	for _, want := range []string{`id="bp-by-stage" class="bp-radio" checked`, `id="bp-whole" class="bp-radio"`, `class="scroll figure bp-full"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
