package lsp

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/cxmap/cxmap/pkg/lintbaseline"
)

// newInProcess is a server driven by direct calls (no pipes, no timers):
// what the benchmarks time is the server's own work.
func newInProcess(root string, baseline ...string) *Server {
	o := Options{}
	if len(baseline) > 0 {
		o.Baseline = baseline[0]
	}
	s := New(io.Discard, o)
	s.initialize(&initializeParams{RootURI: pathToURI(root)})
	return s
}

func openText(s *Server, abs, text string) *document {
	uri := pathToURI(abs)
	s.didOpen(textDocumentItem{URI: uri, LanguageID: "yaml", Version: 1, Text: text})
	return s.docs[uri]
}

// benchDocs are the largest example and generated journeys of 26 and 200
// steps.
func benchDocs(b *testing.B) map[string]string {
	b.Helper()
	dir := b.TempDir()
	out := map[string]string{}
	abs, _ := filepath.Abs("../../examples/client-onboarding.yaml")
	out["example-client-onboarding"] = abs
	for _, n := range []int{26, 200} {
		p := filepath.Join(dir, fmt.Sprintf("gen-%d.yaml", n))
		if err := os.WriteFile(p, testgen.Journey(1, n), 0o644); err != nil {
			b.Fatal(err)
		}
		out[fmt.Sprintf("generated-%d-steps", n)] = p
	}
	return out
}

// BenchmarkDiagnostics: a change to a rating, then validate, lint and
// publish, as the debounced check runs (the debounce, 30 ms, comes on top).
func BenchmarkDiagnostics(b *testing.B) {
	for _, name := range []string{"example-client-onboarding", "generated-26-steps", "generated-200-steps"} {
		b.Run(name, func(b *testing.B) {
			abs := benchDocs(b)[name]
			data, err := os.ReadFile(abs)
			if err != nil {
				b.Fatal(err)
			}
			s := newInProcess(filepath.Dir(abs))
			d := openText(s, abs, string(data))
			benchChecks(b, s, d, string(data))
		})
	}
}

// benchChecks times a rating changed and changed back, each followed by
// the check and its diagnostics.
func benchChecks(b *testing.B, s *Server, d *document, text string) {
	texts := []string{strings.Replace(text, "rating: green", "rating: yellow", 1), text}
	b.ResetTimer()
	cpu := startCPU()
	for i := 0; i < b.N; i++ {
		d.applyChange(nil, texts[i%2], false)
		s.checkAndPublish(d)
	}
	cpu.report(b)
}

// BenchmarkDiagnosticsBaseline: the same check of the generated 26-step
// journey with a lint baseline recording every finding it has, so each
// finding is fingerprinted and matched (cxmap lsp --baseline FILE).
func BenchmarkDiagnosticsBaseline(b *testing.B) {
	abs := benchDocs(b)["generated-26-steps"]
	data, err := os.ReadFile(abs)
	if err != nil {
		b.Fatal(err)
	}
	pr := journey.ParseFile(abs, data, journey.Options{})
	if pr.Journey == nil {
		b.Fatalf("the generated journey does not load: %v", pr.Findings)
	}
	var keys []lintbaseline.Key
	for _, f := range lint.Lint(pr.Journey, lint.Options{}) {
		keys = append(keys, lintbaseline.NewKey(f, lintbaseline.Anchor(pr.Journey, f.Line), filepath.Dir(abs)))
	}
	base := filepath.Join(filepath.Dir(abs), "base.json")
	if err := lintbaseline.Build(keys).Write(base); err != nil {
		b.Fatal(err)
	}
	s := newInProcess(filepath.Dir(abs), base)
	d := openText(s, abs, string(data))
	if n := len(d.findings[abs]); len(keys) == 0 || n != 0 {
		b.Fatalf("%d findings recorded, %d still shown", len(keys), n)
	}
	benchChecks(b, s, d, string(data))
	b.ReportMetric(float64(len(keys)), "recorded")
}

// BenchmarkCompletion: lane ids where a touchpoint's lane is typed,
// right after a change (the index is rebuilt from the text first).
func BenchmarkCompletion(b *testing.B) {
	for _, name := range []string{"example-client-onboarding", "generated-200-steps"} {
		b.Run(name, func(b *testing.B) {
			abs := benchDocs(b)[name]
			data, _ := os.ReadFile(abs)
			s := newInProcess(filepath.Dir(abs))
			d := openText(s, abs, string(data))
			pos := posOf(b, string(data), "- lane:", "lane:")
			pos.Character += len("lane: ")
			p := &textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: d.uri}, Position: pos}
			if l := s.completion(p).(completionList); len(l.Items) == 0 {
				b.Fatal("no completion items")
			}
			b.ResetTimer()
			cpu := startCPU()
			for i := 0; i < b.N; i++ {
				d.indexed = false // as after a keystroke
				s.completion(p)
			}
			cpu.report(b)
		})
	}
}

// BenchmarkOpenWorkspace: opening 250 and 1,000 generated 26-step
// journeys that share one catalog, each checked: the catalog is cached
// once, and the heap per journey (heap-B/journey) stays the same as the
// number grows (memory linear in the open files).
func BenchmarkOpenWorkspace(b *testing.B) {
	for _, n := range []int{250, 1000} {
		b.Run(fmt.Sprintf("journeys-%d", n), func(b *testing.B) { benchOpen(b, n) })
	}
}

func benchOpen(b *testing.B, n int) {
	dir := b.TempDir()
	if err := testgen.CatalogPortfolio(dir, n, 26); err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "journey-*.yaml"))
	texts := make([]string, len(paths))
	for i, p := range paths {
		data, _ := os.ReadFile(p)
		texts[i] = string(data)
	}
	var before, after runtime.MemStats
	b.ResetTimer()
	cpu := startCPU()
	defer cpu.report(b)
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&before)
		s := newInProcess(dir)
		for k, p := range paths {
			openText(s, p, texts[k])
		}
		if n := s.cats.Len(); n != 1 {
			b.Fatalf("%d catalogs cached, want the one shared catalog", n)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(len(paths)), "heap-B/journey")
		runtime.KeepAlive(s)
	}
}
