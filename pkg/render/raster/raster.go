// Package raster draws a Graphviz layout as PNG and PDF.
//
// go-graphviz's own PNG renderer is broken and its WASM build has no PDF
// (see docs/rendering.md), so cxmap asks Graphviz for "json" output instead:
// the xdot drawing operations (polygons, B-splines, ellipses, text with
// exact positions, colours, styles) that its SVG renderer also follows.
// This package replays them: PNG with github.com/fogleman/gg, PDF with
// codeberg.org/go-pdf/fpdf, text in the Liberation fonts (Arial's widths,
// which Graphviz measured with) compiled into the binary. Every format
// therefore shows the same picture, and the same input gives the same
// bytes.
//
//	var js bytes.Buffer
//	gv.Render(ctx, graph, graphviz.Format("json"), &js) // layout nop2
//	raster.PNG(pngFile, js.Bytes(), 2) // 2 px per point
//	raster.PDF(pdfFile, js.Bytes())
//
// The page is the graph's bb plus its pad, like the SVG. PNG refuses
// canvases past MaxSide or MaxPixels (ErrTooLarge); PDF scales pages past
// MaxPDFSide down to fit, and refuses past MinPDFScale (ErrTooLarge).
// Marks Liberation lacks (✓ ✗ ⚠ ★ △ ⇒ ...) are drawn from an embedded
// DejaVu Sans, and Chinese, Japanese and Korean from an embedded Droid Sans
// Fallback; what none has (most emoji, and every character above U+FFFF in
// PDF) shows as an empty box, and HasGlyph tells which marks are safe.
package raster
