package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// document is a file open in the editor.
type document struct {
	uri     string
	abs     string // absolute path
	version int
	text    string
	lines   []string // text split as journey.Lines splits it, breaks removed
	// index is the last good index of the file's ids (kept while the YAML
	// is broken); indexed says it is of the current text.
	index   *fileIndex
	indexed bool
	// refused: too large or binary; nothing but one diagnostic.
	refused string
	// findings are the last check's, by the path they are about.
	findings map[string][]finding.Finding
	// dirty: changed since the last check; gen counts changes, so that a
	// debounce timer of an older change does nothing.
	dirty bool
	gen   int
}

func (d *document) setText(text string) {
	d.text = text
	d.lines = d.lines[:0]
	for _, l := range journey.Lines([]byte(text)) {
		d.lines = append(d.lines, strings.TrimRight(string(l), "\r\n"))
	}
	d.indexed = false
}

func (d *document) line(i int) string {
	if i < 0 || i >= len(d.lines) {
		return ""
	}
	return d.lines[i]
}

// applyChange applies an incremental change (or replaces the text when
// r is nil).
func (d *document) applyChange(r *Range, text string, utf32 bool) {
	if r == nil {
		d.setText(text)
		return
	}
	start := d.offset(r.Start, utf32)
	end := d.offset(r.End, utf32)
	if end < start {
		start, end = end, start
	}
	d.setText(d.text[:start] + text + d.text[end:])
}

// offset is the byte offset of an LSP position in the text.
func (d *document) offset(p Position, utf32 bool) int {
	off := 0
	for i := 0; i < p.Line && i < len(d.lines); i++ {
		off += len(d.lines[i])
		rest := d.text[off:]
		switch {
		case strings.HasPrefix(rest, "\r\n"):
			off += 2
		case strings.HasPrefix(rest, "\n"), strings.HasPrefix(rest, "\r"):
			off++
		}
	}
	if p.Line >= len(d.lines) {
		return len(d.text)
	}
	return off + byteCol(d.lines[p.Line], p.Character, utf32)
}

// position is the LSP position of a byte offset in the text.
func (d *document) position(off int, utf32 bool) Position {
	start := 0
	for i, l := range d.lines {
		end := start + len(l)
		if off <= end {
			return toLSP(l, i+1, utf8.RuneCountInString(l[:max(off-start, 0)])+1, utf32)
		}
		rest := d.text[end:]
		brk := 0
		switch {
		case strings.HasPrefix(rest, "\r\n"):
			brk = 2
		case strings.HasPrefix(rest, "\n"), strings.HasPrefix(rest, "\r"):
			brk = 1
		}
		if off < end+brk {
			return toLSP(l, i+1, utf8.RuneCountInString(l)+1, utf32)
		}
		start = end + brk
	}
	return Position{Line: len(d.lines), Character: 0}
}

// byteCol turns a character offset in line (UTF-16 units, or code points
// when utf32) into a byte offset.
func byteCol(line string, ch int, utf32 bool) int {
	units := 0
	for i, r := range line {
		if units >= ch {
			return i
		}
		if utf32 || r < 0x10000 {
			units++
		} else {
			units += 2
		}
	}
	return len(line)
}

// toLSP turns a 1-based line and code-point column into an LSP position.
func toLSP(line string, l, col int, utf32 bool) Position {
	p := Position{Line: max(l-1, 0), Character: max(col-1, 0)}
	if utf32 {
		return p
	}
	n, units := 0, 0
	for _, r := range line {
		if n >= col-1 {
			break
		}
		n++
		units += len(utf16.Encode([]rune{r}))
	}
	if n < col-1 {
		units += col - 1 - n // past the end of the line
	}
	p.Character = units
	return p
}

// cpCol turns an LSP character offset into a 1-based code-point column.
func cpCol(line string, ch int, utf32 bool) int {
	if utf32 {
		return ch + 1
	}
	return utf8.RuneCountInString(line[:byteCol(line, ch, false)]) + 1
}

// rangeIn converts a journey range of a file whose lines are known (nil:
// columns taken as they are).
func rangeIn(lines []string, r journey.Range, utf32 bool) Range {
	get := func(i int) string {
		if i-1 >= 0 && i-1 < len(lines) {
			return lines[i-1]
		}
		return ""
	}
	end := r.EndLine
	endCol := r.EndCol
	if end == 0 {
		end, endCol = r.Line, r.Col+1
	}
	return Range{Start: toLSP(get(r.Line), r.Line, r.Col, utf32), End: toLSP(get(end), end, endCol, utf32)}
}

// uriToPath turns a file: URI into a path ("" for other schemes).
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///C:/dir/x.yaml
		p = strings.TrimPrefix(p, "/")
		if u.Host != "" {
			p = `\\` + u.Host + `\` + p
		}
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// pathToURI turns an absolute path into a file: URI.
func pathToURI(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}
