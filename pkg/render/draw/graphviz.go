package draw

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/cxmap/cxmap/pkg/render/draw/internal/gvcache"
	"github.com/goccy/go-graphviz"
)

// Formats go-graphviz's WASM build can write. Asking it for anything else
// fails with a misleading "failed to read wasm memory" and breaks the next
// call too (docs/rendering.md, "Why cxmap lays out the grid itself"), so formats are checked before asking.
var formats = map[string]bool{"svg": true, "json": true, "dot": true, "xdot": true}

// The one Graphviz instance. go-graphviz shares one WASM module per process
// and is not safe for concurrent use, so every call holds mu. A WASM trap
// leaves the module unusable; after one, calls fail cleanly instead of
// panicking.
var (
	mu     sync.Mutex
	gv     *graphviz.Graphviz
	broken error
)

// Render lays out a DOT graph with the nop2 engine (positions as given) and
// writes it to w in format: "svg", or "json" for the PNG and PDF renderers.
// Nothing is written to w when rendering fails.
func Render(dot []byte, format string, w io.Writer) error {
	return RenderWarn(dot, format, w, nil)
}

// RenderWarn is Render with Graphviz's one start warning (a cache that
// could not be used) sent to warn; nil writes it to standard error.
func RenderWarn(dot []byte, format string, w io.Writer, warn func(msg string)) error {
	if warn == nil {
		warn = func(msg string) { fmt.Fprintf(os.Stderr, "cxmap: warning: %s\n", msg) }
	}
	if !formats[format] {
		return fmt.Errorf("graphviz cannot write format %q", format)
	}
	var buf bytes.Buffer
	if err := render(dot, format, &buf, warn); err != nil {
		return err
	}
	out := buf.Bytes()
	if format == "svg" {
		out = unguard(out)
	}
	_, err := w.Write(out)
	return err
}

// unguard takes the word joiners that guardEntities put after "&" back out
// of an SVG. Graphviz writes the guarded "&" as "&amp;" followed by the
// joiner; without the joiner, "&amp;lt;" still shows as the literal "&lt;"
// the user typed, and a reader who copies it gets exactly that (no
// invisible character).
func unguard(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("&amp;"+wordJoiner), []byte("&amp;"))
}

func render(dot []byte, format string, w io.Writer, warn func(string)) (err error) {
	mu.Lock()
	defer mu.Unlock()
	if broken != nil {
		return broken
	}
	defer func() {
		if r := recover(); r != nil {
			broken = fmt.Errorf("graphviz failed and cannot be used again in this process: %v", r)
			err = broken
		}
	}()
	// A context that is never cancelled: a cancelled one poisons the shared
	// WASM module (goccy/go-graphviz #118).
	ctx := context.Background()
	if gv == nil {
		if err := start(warn); err != nil {
			return err
		}
		g, err := graphviz.New(ctx)
		if err != nil {
			return fmt.Errorf("starting graphviz: %w", err)
		}
		gv = g.SetLayout(graphviz.NOP2)
	}
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("graphviz could not read the diagram: %w", err)
	}
	defer graph.Close()
	if err := gv.Render(ctx, graph, graphviz.Format(format), w); err != nil {
		return fmt.Errorf("graphviz could not draw the diagram: %w", err)
	}
	return nil
}

// cacheDir is where the compiled module is kept (tests change it).
var cacheDir = gvcache.Dir

// start compiles Graphviz's WASM module, or loads it from the cache. A cache
// that cannot be loaded (truncated, corrupt, from another build) is removed
// and rebuilt, with one warning; if that fails too, Graphviz starts with no
// cache. Never a panic: the patched go-graphviz returns start errors.
func start(warn func(string)) error {
	dir := cacheDir()
	graphviz.SetCacheDir(dir)
	err := graphviz.Init()
	if err == nil || dir == "" {
		return wrapStart(err)
	}
	warn(fmt.Sprintf("the Graphviz cache %s could not be loaded (%v); rebuilding it", dir, err))
	if os.RemoveAll(dir) != nil || !gvcache.Usable(dir) {
		dir = ""
	}
	graphviz.SetCacheDir(dir)
	if err = graphviz.Init(); err != nil && dir != "" {
		graphviz.SetCacheDir("")
		err = graphviz.Init()
	}
	return wrapStart(err)
}

func wrapStart(err error) error {
	if err != nil {
		return fmt.Errorf("starting graphviz: %w", err)
	}
	return nil
}

// ForJSON prepares DOT for the json output. Graphviz's json writer
// miscounts a string holding two or more consecutive backslashes: the text
// after them is cut short and the next text of the same label is lost (the
// title `Files on \\fs01\intake` drew as `Files on \\fs01\intak` in PNG and
// PDF, and the persona line under it vanished). A word joiner (U+2060, which pkg/render/raster does not draw)
// between the escaped pairs keeps every backslash apart. Only the json path
// gets it, so the SVG stays free of invisible characters.
func ForJSON(dot []byte) []byte {
	if !bytes.Contains(dot, []byte(`\\\\`)) {
		return dot
	}
	out := make([]byte, 0, len(dot)+64)
	run := 0 // backslashes so far in the current run
	for _, c := range dot {
		if c != '\\' {
			run = 0
			out = append(out, c)
			continue
		}
		// A joiner before every backslash that starts a new escaped pair
		// within a run, so no two backslashes stay adjacent in a label.
		if run > 0 && run%2 == 0 {
			out = append(out, wordJoiner...)
		}
		run++
		out = append(out, c)
	}
	return out
}
