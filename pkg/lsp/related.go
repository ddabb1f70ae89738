package lsp

import (
	"path/filepath"
	"regexp"
	"strconv"
	"sync"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// The other place of a duplicate-id, as pkg/journey/refs.go writes it:
// "... in FILE:LINE:COL ..." or "... by the KIND at line N".
var (
	otherPlace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`in (\S+?):(\d+):(\d+)`) })
	otherLine  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`at line (\d+)`) })
)

// related points a duplicate-id at the other definition(s) of the id.
func (s *Server) related(f finding.Finding) []relatedInformation {
	var out []relatedInformation
	self, _ := filepath.Abs(f.Path)
	for _, m := range otherPlace().FindAllStringSubmatch(f.Message, -1) {
		abs, err := filepath.Abs(m[1])
		if err != nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if samePath(abs, self) && line == f.Line && col == f.Column {
			continue
		}
		out = append(out, relatedInformation{Location: s.location(abs, journey.Range{Line: line, Col: col, EndLine: line, EndCol: col + 1}), Message: "the other definition"})
	}
	if m := otherLine().FindStringSubmatch(f.Message); m != nil && len(out) == 0 {
		line, _ := strconv.Atoi(m[1])
		out = append(out, relatedInformation{Location: s.location(self, s.idRangeOnLine(self, line)), Message: "the first definition"})
	}
	return out
}

// idRangeOnLine is where an id definition stands on a line of the file
// (the whole line when none is known).
func (s *Server) idRangeOnLine(abs string, line int) journey.Range {
	if d := s.docByPath(abs); d != nil && d.index != nil {
		for _, o := range d.index.Occ {
			if o.Def && o.At.Line == line {
				return o.At
			}
		}
	}
	return journey.Range{Line: line, Col: 1, EndLine: line, EndCol: 2}
}

// location is a place in a file, converted with the file's lines when it
// is open.
func (s *Server) location(abs string, r journey.Range) Location {
	if d := s.docByPath(abs); d != nil {
		return Location{URI: d.uri, Range: rangeIn(d.lines, r, s.utf32)}
	}
	return Location{URI: pathToURI(abs), Range: rangeIn(nil, r, s.utf32)}
}

func (s *Server) docByPath(abs string) *document {
	for _, d := range s.docs {
		if samePath(d.abs, abs) {
			return d
		}
	}
	return nil
}
