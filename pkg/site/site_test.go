package site

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/inputs"
)

// load reads journey files as the CLI does.
func load(t testing.TB, paths ...string) []Input {
	t.Helper()
	var ins []Input
	for _, r := range inputs.Load(paths, inputs.Options{}) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		ins = append(ins, Input{Path: r.Path, Journey: r.Journey, Findings: r.Findings})
	}
	return ins
}

func writeSite(t *testing.T, ins []Input) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	s := New(ins, Options{}, nil)
	if err := s.Write(dir, 0); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return dir, files
}

func TestExamplesSite(t *testing.T) {
	ins := load(t, "../../examples")
	_, files := writeSite(t, ins)
	index := files["index.html"]
	for _, want := range []string{
		"City of Springfield, Department of Building &amp; Safety", // grouped by client
		`<div class="row pair">`,                                   // the permit's current and future side by side
		`<td class="r-red" title="`,                                // a red heatmap cell…
		`">Very unhappy</td>`,                                      // …that says so in words
		`href="journeys/building-permit.html#step-`,                // rating strip cells link to steps
		"Opportunity backlog by owner",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	future := files["journeys/building-permit-future.html"]
	for _, want := range []string{
		`id="compare"`, `class="node step" data-step="`, `tabindex="0" role="button" aria-label="Step: `,
		`<title id="j-building-permit-future-title">`, `data-detail="`, "Steps, worst first",
	} {
		if !strings.Contains(future, want) {
			t.Errorf("future page lacks %q", want)
		}
	}
	// Every id in the drawing carries the journey's prefix.
	svg := future[strings.Index(future, "<svg"):strings.Index(future, "</svg>")]
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(svg, -1) {
		if !strings.HasPrefix(m[1], "j-building-permit-future-") {
			t.Fatalf("unprefixed id %q in the drawing", m[1])
		}
	}
	// Nothing external: no src=, no http(s) links to scripts or styles.
	for name, page := range files {
		for _, bad := range []string{" src=", `rel="stylesheet"`, "@import", "url(http"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s holds %q: pages must be self-contained", name, bad)
			}
		}
	}
	// Same input, same bytes; and the same once the journeys let go of
	// their YAML trees.
	_, again := writeSite(t, ins)
	compact := load(t, "../../examples")
	for _, in := range compact {
		Compact(in.Journey)
	}
	_, compacted := writeSite(t, compact)
	for name, page := range files {
		if again[name] != page {
			t.Errorf("%s differs between two runs", name)
		}
		if compacted[name] != page {
			t.Errorf("%s differs after Compact", name)
		}
	}
}

func TestHostileLabelsStayLiteral(t *testing.T) {
	_, files := writeSite(t, load(t, "../../testdata/render/hostile.yaml"))
	page := files["journeys/hostile-labels.html"]
	if page == "" {
		t.Fatalf("no page; files: %v", len(files))
	}
	for name, p := range files {
		if strings.Contains(p, "<script>alert") || strings.Contains(p, "<b>tags</b>") || strings.Contains(p, "<i>&amp;</i>") {
			t.Errorf("%s lets a label through as markup", name)
		}
		if strings.Count(p, "<script>") != 1 {
			t.Errorf("%s has %d script elements, want the site's one", name, strings.Count(p, "<script>"))
		}
	}
	if !strings.Contains(page, `class="node step"`) {
		t.Error("the hostile journey's blueprint was refused")
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;", "申請書を提出します", "🙂"} {
		if !strings.Contains(page, want) {
			t.Errorf("journey page lacks %q", want)
		}
	}
}

// TestHostileRTL: right-to-left text, a direction override, emoji with a
// joiner, markup that closes the page's own elements, template braces and
// event handlers, in every field a page shows.
func TestHostileRTL(t *testing.T) {
	_, files := writeSite(t, load(t, "testdata/hostile-rtl.yaml"))
	page := files["journeys/hostile-rtl.html"]
	if !strings.Contains(page, `class="node step"`) {
		t.Fatal("the blueprint was refused")
	}
	for name, p := range files {
		for _, bad := range []string{"<script>alert", "<img", "<svg onload", "<iframe", "<b>team", "</title><title>x", "</desc><script>", `href="javascript`} {
			if strings.Contains(p, bad) {
				t.Errorf("%s lets %q through as markup", name, bad)
			}
		}
	}
	for _, want := range []string{"שלום", "مرحبا", "\u202egnp.exe", "👩🏽\u200d💻", "{{.Title}}", "&amp;amp;", "&lt;iframe"} {
		if !strings.Contains(page, want) {
			t.Errorf("journey page lacks %q", want)
		}
	}
}

func TestInvalidFileListed(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("cxmap: 1\nid: x\ntitle: [\n"), 0o644)
	_, files := writeSite(t, load(t, bad))
	if !strings.Contains(files["index.html"], "Files that do not validate") || !strings.Contains(files["index.html"], bad+":") {
		t.Errorf("index does not list the invalid file with its findings")
	}
}

func TestInlineSVG(t *testing.T) {
	svg := `<?xml version="1.0"?>
<!DOCTYPE svg>
<!-- Title: x -->
<svg width="10pt" height="10pt" viewBox="0 0 10 10">
<g id="graph0" class="graph">
<title>cxmap</title>
<!-- action:a -->
<g id="node1" class="node">
<title>action:a</title>
<path fill="url(#grad)" d="M0,0"/>
</g>
<g id="node2" class="node">
<title>touch:a:web:0</title>
<a xlink:href="#node1"><text>&lt;b&gt;</text></a>
</g>
</g>
</svg>`
	got, err := inlineSVG([]byte(svg), "j-x", "T <1>", "D", map[string]stepLabel{"a": "Step: Go (Very unhappy). Show details"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{
		`<title id="j-x-title">T &lt;1&gt;</title><desc id="j-x-desc">D</desc>`,
		`<g id="j-x-node1" class="node step" data-step="a" tabindex="0" role="button" aria-label="Step: Go (Very unhappy). Show details">`,
		`<g id="j-x-node2" class="node step-part" data-step="a">`,
		`url(#j-x-grad)`, `xlink:href="#j-x-node1"`, `<text>&lt;b&gt;</text>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q in\n%s", want, s)
		}
	}
	for _, gone := range []string{"<?xml", "<!DOCTYPE", "<!--", "<title>cxmap", "<title>action:a"} {
		if strings.Contains(s, gone) {
			t.Errorf("still holds %q", gone)
		}
	}
	for _, bad := range []string{`<svg><script>x</script></svg>`, `<svg><foreignObject/></svg>`, `<svg><a href="javascript:x"/></svg>`,
		`<svg><a xlink:href="https://example.com/"/></svg>`, `<svg><g onclick="x()"></g></svg>`, `<svg><SCRIPT>x</SCRIPT></svg>`,
		`<svg><style>@import url(x)</style></svg>`, `no svg`,
		// SMIL animation turns any attribute into a link (issue 17 item 10).
		`<svg><a><text>x</text><set attributeName="href" to="javascript:alert(1)"/></a></svg>`,
		`<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>`,
		`<svg><a><animateMotion/></a></svg>`, `<svg><rect to="x"/></svg>`,
		`<svg><use href="#a"/></svg>`, `<svg><image href="x.png"/></svg>`} {
		if _, err := inlineSVG([]byte(bad), "p", "", "", nil); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestContrast checks every text colour of the stylesheet against its
// background for WCAG AA (4.5:1).
func TestContrast(t *testing.T) {
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):(#[0-9a-f]{6})`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	checkPairs(t, vars)
	// Fixed colours written in rules: the critical tag.
	for _, p := range [][2]string{{"#ffffff", "#111827"}} {
		if r := contrast(p[0], p[1]); r < 4.5 {
			t.Errorf("%s on %s: contrast %.2f", p[0], p[1], r)
		}
	}
}

// checkPairs checks the colour variables' text pairs.
func checkPairs(t *testing.T, vars map[string]string) {
	t.Helper()
	pairs := []struct{ fg, bg string }{
		{"ink", "bg"}, {"muted", "bg"}, {"link", "bg"}, {"muted", "soft"}, {"ink", "soft"},
		{"red-ink", "red"}, {"yellow-ink", "yellow"}, {"green-ink", "green"}, {"unrated-ink", "unrated"},
		{"regressed", "bg"}, {"improved", "bg"}, {"notice", "bg"}, // .error and the verdicts
		{"primary-ink", "primary"}, {"link", "soft"},
	}
	for _, p := range pairs {
		fg, bg := vars[p.fg], vars[p.bg]
		if fg == "" || bg == "" {
			t.Fatalf("colour %s or %s missing from the stylesheet", p.fg, p.bg)
		}
		if r := contrast(fg, bg); r < 4.5 {
			t.Errorf("%s on %s: contrast %.2f, want at least 4.5", p.fg, p.bg, r)
		}
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	ch := func(i int) float64 {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(0) + 0.7152*ch(1) + 0.0722*ch(2)
}

func TestSlugsUnique(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, id := range []string{"a", "a", "a-2", ""} {
		got = append(got, uniqueSlug(id, used))
	}
	if want := "a a-2 a-2-2 journey"; strings.Join(got, " ") != want {
		t.Errorf("slugs %v, want %s", got, want)
	}
}
