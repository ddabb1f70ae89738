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
)

// newInProcess is a server driven by direct calls (no pipes, no timers):
// what the benchmarks time is the server's own work.
func newInProcess(root string) *Server {
	s := New(io.Discard, Options{})
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
			texts := []string{strings.Replace(string(data), "rating: green", "rating: yellow", 1), string(data)}
			b.ResetTimer()
			cpu := startCPU()
			for i := 0; i < b.N; i++ {
				d.applyChange(nil, texts[i%2], false)
				s.checkAndPublish(d)
			}
			cpu.report(b)
		})
	}
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

// BenchmarkOpenWorkspace1000: 1,000 journeys sharing one catalog, all
// opened (each checked as cxmap lint checks it); the catalog is read once.
func BenchmarkOpenWorkspace1000(b *testing.B) {
	dir := b.TempDir()
	if err := testgen.CatalogPortfolio(dir, 1000, 26); err != nil {
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
