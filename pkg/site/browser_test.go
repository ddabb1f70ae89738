package site

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/cxmap/cxmap/internal/brandtest"
)

// chromium finds the browser for the end-to-end tests: $CXMAP_CHROMIUM,
// Debian's /usr/bin/chromium, or chromium on PATH.
func chromium() string {
	if p := os.Getenv("CXMAP_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	p, _ := exec.LookPath("chromium")
	return p
}

// browser is one headless Chromium for all the page tests, with what the
// pages reported since the last reset: console errors, uncaught
// exceptions and failed requests.
type browser struct {
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

func (b *browser) listen(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = "exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			msg = "console.error"
		}
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			msg = "log: " + e.Entry.Text + " " + e.Entry.URL
		}
	case *network.EventLoadingFailed:
		if !e.Canceled {
			msg = "request failed: " + e.ErrorText
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.errs = append(b.errs, msg)
		b.mu.Unlock()
	}
}

func (b *browser) takeErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.errs
	b.errs = nil
	return e
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor evaluates js until it is true, across the page reloading
// itself; the limit only guards against a hang.
func (b *browser) waitFor(t *testing.T, js string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("waited 20 s for %s", js)
}

func newBrowser(t *testing.T) *browser {
	path := chromium()
	if path == "" {
		t.Skip("chromium not installed (apt-get install chromium, or set CXMAP_CHROMIUM): browser tests skipped")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	b.ctx = ctx
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil { // start it
		t.Fatalf("starting chromium: %v", err)
	}
	return b
}

// screenshot takes the viewport and checks it is not blank; with
// $CXMAP_SCREENSHOTS set, it is saved there under name.
func (b *browser) screenshot(t *testing.T, name string, w, h int64) {
	t.Helper()
	b.do(t, chromedp.EmulateViewport(w, h))
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	if n := colours(img); n < 8 {
		t.Errorf("%s: screenshot has %d colours: blank", name, n)
	}
	if dir := os.Getenv("CXMAP_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".png"), shot, 0o644)
	}
}

func colours(img image.Image) int {
	seen := map[uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 7 {
		for x := r.Min.X; x < r.Max.X; x += 7 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[cr>>8<<16|cg>>8<<8|cb>>8] = true
			if len(seen) > 64 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

func fileURL(p string) string {
	abs, _ := filepath.Abs(p)
	return "file://" + filepath.ToSlash(abs)
}

// TestBrowser opens the static site from file:// and the live server in
// Chromium (skipped when it is absent).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := newBrowser(t)
	ins := append(load(t, "../../examples"), load(t, "../../testdata/render/hostile.yaml", "testdata/hostile-rtl.yaml")...)
	dir := t.TempDir()
	s := New(ins, Options{}, nil)
	if err := s.Write(dir, 0); err != nil {
		t.Fatal(err)
	}

	t.Run("every page loads cleanly from file://", func(t *testing.T) {
		for _, p := range s.Pages() {
			b.takeErrors()
			b.do(t, chromedp.EmulateViewport(1440, 900), chromedp.Navigate(fileURL(filepath.Join(dir, p))), chromedp.WaitReady("body"))
			if n := eval[int](t, b, `document.querySelectorAll("script").length`); n != 1 {
				t.Errorf("%s: %d script elements", p, n)
			}
			if errs := b.takeErrors(); len(errs) > 0 {
				t.Errorf("%s: %s", p, strings.Join(errs, "; "))
			}
			name := strings.TrimSuffix(filepath.Base(p), ".html")
			b.screenshot(t, "site-"+name+"-1440", 1440, 900)
			// The phone width: nothing but the scroll boxes may be wider.
			if os.Getenv("CXMAP_SCREENSHOTS") != "" {
				b.screenshot(t, "site-"+name+"-390", 390, 844)
			} else {
				b.do(t, chromedp.EmulateViewport(390, 844))
			}
			if w := eval[int](t, b, `document.documentElement.scrollWidth`); w > 390 {
				wide := eval[string](t, b, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > 392 && !(e.parentElement.closest(".scroll"))).slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)).join(", ")`)
				t.Errorf("%s: the page is %d px wide on a 390 px phone (only tables and the blueprint may scroll, inside their boxes): %s", p, w, wide)
			}
		}
	})

	t.Run("a red heatmap cell is red and says so", func(t *testing.T) {
		b.do(t, chromedp.EmulateViewport(1440, 900), chromedp.Navigate(fileURL(filepath.Join(dir, IndexPage))), chromedp.WaitReady("body"))
		got := eval[string](t, b, `(() => { const td = document.querySelector("table.heat td.r-red");
			return td ? td.textContent + " " + getComputedStyle(td).backgroundColor : "none"; })()`)
		if got != "Very unhappy rgb(180, 35, 24)" {
			t.Errorf("red cell: %q", got)
		}
	})

	// The permit's step with pains and opportunities.
	var step, pain, idea string
	for _, in := range ins {
		if in.Journey == nil || in.Journey.ID != "building-permit" {
			continue
		}
		for _, ref := range in.Journey.Steps() {
			if len(ref.Pains) > 0 && len(ref.Opportunities) > 0 && step == "" {
				step, pain, idea = ref.ID, ref.Pains[0], ref.Opportunities[0].Idea
			}
		}
	}
	shown := func(t *testing.T) string {
		return eval[string](t, b, `(() => { const d = document.querySelector("#details .detail.shown"); return d ? d.getAttribute("data-detail") + "\n" + d.innerText : ""; })()`)
	}
	page := fileURL(filepath.Join(dir, JourneyDir, "building-permit.html"))
	t.Run("clicking a step shows its pains and opportunities", func(t *testing.T) {
		b.do(t, chromedp.Navigate(page), chromedp.WaitReady("body"),
			chromedp.Click(chromedp.CSS(fmt.Sprintf(`.blueprint .step[data-step=%q]`, step))))
		got := shown(t)
		if !strings.HasPrefix(got, step+"\n") || !strings.Contains(got, pain) || !strings.Contains(got, idea) {
			t.Errorf("after a click the panel shows:\n%s\nwant step %s with %q and %q", got, step, pain, idea)
		}
		if os.Getenv("CXMAP_SCREENSHOTS") != "" {
			b.do(t, chromedp.EmulateViewport(1440, 900))
			eval[bool](t, b, `(document.getElementById("blueprint").scrollIntoView(), true)`)
			b.screenshot(t, "site-journey-selected-1440", 1440, 900)
			b.do(t, chromedp.EmulateViewport(390, 844))
			eval[bool](t, b, `(document.getElementById("details").scrollIntoView(), true)`)
			b.screenshot(t, "site-journey-selected-390", 390, 844)
		}
	})
	t.Run("Enter on a focused step shows it", func(t *testing.T) {
		b.do(t, chromedp.Navigate(page), chromedp.WaitReady("body"),
			chromedp.Focus(chromedp.CSS(fmt.Sprintf(`.blueprint .step[data-step=%q]`, step))), chromedp.KeyEvent("\r"))
		got := shown(t)
		if !strings.HasPrefix(got, step+"\n") || !strings.Contains(got, pain) || !strings.Contains(got, idea) {
			t.Errorf("after Enter the panel shows:\n%s", got)
		}
		if f := eval[string](t, b, `document.activeElement.id`); f != "dh-"+step {
			t.Errorf("focus went to %q, want the details heading", f)
		}
		// The stage view shows each step once; the whole journey's picture
		// is hidden (display: none, so out of the tab order) until chosen.
		visible := `Array.from(document.querySelectorAll('.blueprint [role=button][tabindex="0"]')).filter(e => e.getClientRects().length > 0).length`
		if n := eval[int](t, b, visible); n != 16 {
			t.Errorf("%d steps reachable by keyboard, want 16", n)
		}
	})

	t.Run("hostile labels stay literal", func(t *testing.T) {
		for _, p := range []string{IndexPage, JourneyDir + "/hostile-labels.html"} {
			b.do(t, chromedp.Navigate(fileURL(filepath.Join(dir, p))), chromedp.WaitReady("body"))
			// The text, and the strip cells' titles (their only text).
			text := eval[string](t, b, `document.body.innerText + document.title + Array.from(document.querySelectorAll("[title]")).map(e => e.title).join("\n")`)
			for _, want := range []string{`Quotes " and <b>tags</b> & \N`, "Types <b>bold</b>"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: text lacks %q", p, want)
				}
			}
			if n := eval[int](t, b, `document.querySelectorAll("b, i, table table table, body script:not(:last-of-type)").length`); n != 0 {
				t.Errorf("%s: a label became %d elements", p, n)
			}
		}
		for _, p := range []string{IndexPage, JourneyDir + "/hostile-rtl.html"} {
			b.do(t, chromedp.Navigate(fileURL(filepath.Join(dir, p))), chromedp.WaitReady("body"))
			text := eval[string](t, b, `document.body.innerText + document.title`)
			for _, want := range []string{"</script><script>alert('t')</script>", `<img src=x onerror=alert(1)> & "Co"`, "שלום"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: text lacks %q", p, want)
				}
			}
			if n := eval[int](t, b, `document.querySelectorAll("img, iframe, b, svg svg, [onload], [onerror], [onmouseover]").length`); n != 0 {
				t.Errorf("%s: a label became %d elements", p, n)
			}
		}
		b.do(t, chromedp.Navigate(fileURL(filepath.Join(dir, JourneyDir, "hostile-labels.html"))), chromedp.WaitReady("body"))
		svgText := eval[string](t, b, `document.querySelector("svg.blueprint").textContent`)
		for _, want := range []string{"<script>alert(1)</script>", "申請書を提出します", "🙂"} {
			if !strings.Contains(svgText+eval[string](t, b, `document.body.innerText`), want) {
				t.Errorf("hostile page lacks %q", want)
			}
		}
	})

	// The client's site: each example theme, in English and in French, at
	// a phone's width and a laptop's; the stage view, then the whole
	// journey through the switch. Screenshots go to $CXMAP_SCREENSHOTS.
	brands := []struct{ theme, lang string }{{"", "en"}, {"riverside.yaml", "fr"}, {"night.yaml", "en"}}
	if os.Getenv("CXMAP_SCREENSHOTS") != "" {
		brands = append(brands, struct{ theme, lang string }{"", "fr"}, struct{ theme, lang string }{"riverside.yaml", "de"})
	}
	for _, c := range brands {
		name := strings.TrimSuffix(c.theme, ".yaml")
		if name == "" {
			name = "default"
		}
		name += "-" + c.lang
		t.Run("branded "+name, func(t *testing.T) {
			o := Options{Locale: brandtest.Locale(t, c.lang)}
			if c.theme != "" {
				o.Theme = brandtest.Theme(t, c.theme)
			}
			ins := load(t, "../../examples")
			dir := t.TempDir()
			s := New(ins, o, nil)
			if err := s.Write(dir, 0); err != nil {
				t.Fatal(err)
			}
			future := fileURL(filepath.Join(dir, JourneyDir, "building-permit-future.html"))
			// Every view is saved for people to look at with
			// $CXMAP_SCREENSHOTS; otherwise one is taken (not blank).
			shoot := func(name string, w, h int64) {
				if os.Getenv("CXMAP_SCREENSHOTS") != "" || strings.HasSuffix(name, "-stages-390") {
					b.screenshot(t, name, w, h)
				}
			}
			for _, w := range []int64{390, 1440} {
				h := map[int64]int64{390: 2400, 1440: 1800}[w]
				size := strconv.FormatInt(w, 10)
				b.takeErrors()
				b.do(t, chromedp.EmulateViewport(w, h), chromedp.Navigate(fileURL(filepath.Join(dir, IndexPage))), chromedp.WaitReady("body"))
				if lang := eval[string](t, b, `document.documentElement.lang`); lang != c.lang {
					t.Errorf("lang %q, want %q", lang, c.lang)
				}
				if o.Theme != nil {
					want := strings.ToLower(o.Theme.Colors.Primary)
					got := eval[string](t, b, `(() => { const m = getComputedStyle(document.querySelector("header.top")).backgroundColor.match(/\d+/g); return "#" + m.slice(0, 3).map(v => (+v).toString(16).padStart(2, "0")).join(""); })()`)
					if got != want {
						t.Errorf("header is %s, want the theme's primary %s", got, want)
					}
					if n := eval[int](t, b, `Array.from(document.querySelectorAll("img.logo")).filter(i => i.complete && i.naturalWidth > 0).length`); o.Theme.Logo != "" && n != 1 {
						t.Errorf("%d logos drawn", n)
					}
				}
				shoot("site-"+name+"-index-"+size, w, h)
				eval[bool](t, b, `(document.getElementById("lanes").scrollIntoView(), true)`)
				shoot("site-"+name+"-heatmap-"+size, w, h)
				eval[bool](t, b, `(document.getElementById("backlog").scrollIntoView(), true)`)
				shoot("site-"+name+"-backlog-"+size, w, h)
				b.do(t, chromedp.Navigate(future), chromedp.WaitReady("body"))
				if wide := eval[int](t, b, `document.documentElement.scrollWidth`); wide > int(w) {
					t.Errorf("%d px: the journey page is %d px wide", w, wide)
				}
				shoot("site-"+name+"-journey-"+size, w, h)
				eval[bool](t, b, `(document.getElementById("blueprint").scrollIntoView(), true)`)
				shoot("site-"+name+"-stages-"+size, w, h)
				stagesShown := `document.querySelector(".bp-stages").getClientRects().length > 0`
				fullShown := `document.querySelector(".bp-full").getClientRects().length > 0`
				if !eval[bool](t, b, stagesShown) || eval[bool](t, b, fullShown) {
					t.Error("the page does not open on the stage view")
				}
				b.do(t, chromedp.Click(chromedp.CSS(`label[for=bp-whole]`)))
				if eval[bool](t, b, stagesShown) || !eval[bool](t, b, fullShown) {
					t.Error("the switch does not show the whole journey")
				}
				eval[bool](t, b, `(document.getElementById("blueprint").scrollIntoView(), true)`)
				shoot("site-"+name+"-whole-"+size, w, h)
				// A step chosen in the stage view on a phone: its panel
				// comes right under its stage.
				b.do(t, chromedp.Click(chromedp.CSS(`label[for=bp-by-stage]`)),
					chromedp.Click(chromedp.CSS(`.bp-stage .blueprint .step`)))
				if w == 390 {
					if !eval[bool](t, b, `!!document.querySelector(".bp-stage #details")`) {
						t.Error("on a phone the step's panel is not under its stage")
					}
					eval[bool](t, b, `(document.getElementById("details").scrollIntoView(), true)`)
					shoot("site-"+name+"-selected-"+size, w, h)
				}
				eval[bool](t, b, `(document.getElementById("compare").scrollIntoView(), true)`)
				shoot("site-"+name+"-compare-"+size, w, h)
				if errs := b.takeErrors(); len(errs) > 0 {
					t.Errorf("%s", strings.Join(errs, "; "))
				}
			}
		})
	}

	t.Run("serve reloads after a save and shows findings after a bad edit", func(t *testing.T) {
		base, file, _ := liveServer(t)
		b.takeErrors()
		b.do(t, chromedp.Navigate(base+"/journeys/insurance-claim.html"), chromedp.WaitReady("body"))
		// Wait until the page's event stream is open.
		b.waitFor(t, `window.cxmapLive === 1`)
		src, _ := os.ReadFile(file)
		edited := strings.Replace(string(src), "title: ", "title: Saved — ", 1)
		start := time.Now()
		os.WriteFile(file, []byte(edited), 0o644)
		b.waitFor(t, `!!document.querySelector("h1") && document.querySelector("h1").textContent.startsWith("Saved — ")`)
		t.Logf("page redrawn %v after the save", time.Since(start).Round(10*time.Millisecond))
		os.WriteFile(file, []byte(edited+"\nstages: [\n"), 0o644)
		b.waitFor(t, `document.body.innerText.includes("does not validate")`)
		if text := eval[string](t, b, `document.body.innerText`); !strings.Contains(text, file+":") {
			t.Errorf("findings page lacks file:line:col:\n%s", text)
		}
		for _, e := range b.takeErrors() {
			if !strings.Contains(e, "ERR_ABORTED") { // the event stream of a page being reloaded
				t.Errorf("live page: %s", e)
			}
		}
	})
}
