package lsp

import (
	"errors"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/yamlfmt"
)

// formattingAvailable: textDocument/formatting is `cxmap fmt`
// (pkg/yamlfmt), on the editor's text.
const formattingAvailable = true

// formatting rewrites a journey or catalog in canonical form as `cxmap fmt`
// does: one edit replacing the text when it changes, none when it is
// already canonical. A file fmt refuses (its meaning or comments would
// change, broken YAML) is refused with fmt's message; YAML that is not a
// journey or catalog is left alone.
func (s *Server) formatting(p *documentFormattingParams) (any, *rpcError) {
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.refused != "" {
		return []TextEdit{}, nil
	}
	s.ensureIndex(d)
	if d.index == nil && !hasTopKey(d.lines, "cxmap", "cxmap-catalog") {
		return []TextEdit{}, nil // never parsed, and not a journey or catalog
	}
	if d.index != nil && !d.index.Journey && !d.index.Catalog {
		return []TextEdit{}, nil
	}
	out, err := yamlfmt.Format(display(d.abs), []byte(d.text))
	var refusal *yamlfmt.Refusal
	if errors.As(err, &refusal) {
		return nil, &rpcError{Code: codeRequestFailed, Message: "cxmap fmt: " + refusal.Error()}
	}
	if err != nil {
		return nil, &rpcError{Code: codeRequestFailed, Message: "cxmap fmt: " + err.Error()}
	}
	if string(out) == d.text {
		return []TextEdit{}, nil
	}
	n := len(d.lines)
	end := journey.Range{Line: n + 1, Col: 1}
	if n > 0 {
		end = journey.Range{Line: n, Col: len([]rune(d.lines[n-1])) + 1}
		if t := d.text; len(t) > 0 && (t[len(t)-1] == '\n' || t[len(t)-1] == '\r') {
			end = journey.Range{Line: n + 1, Col: 1}
		}
	}
	r := Range{Start: Position{0, 0}, End: toLSP(d.line(end.Line-1), end.Line, end.Col, s.utf32)}
	return []TextEdit{{Range: r, NewText: string(out)}}, nil
}

// hasTopKey tells whether a line starts with one of the top-level keys
// ("cxmap:"): a journey or catalog whose YAML is broken (so never indexed)
// is still one, and fmt's refusal is what the user needs to see.
func hasTopKey(lines []string, keys ...string) bool {
	for _, l := range lines {
		for _, k := range keys {
			if strings.HasPrefix(l, k+":") {
				return true
			}
		}
	}
	return false
}
