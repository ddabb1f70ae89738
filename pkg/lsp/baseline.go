package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lintbaseline"
)

// lintBaseline is the `cxmap lint --baseline FILE` the server applies: the
// lint findings it records are not shown, exactly as `cxmap lint
// --baseline FILE` run in the workspace folder does not report them
// (docs/lint-baseline.md). The file is named by `cxmap lsp --baseline
// FILE` or, failing that, by the client's initializationOptions
// {"baseline": "FILE"}; a relative name is taken from the workspace folder.
type lintBaseline struct {
	path string             // absolute; "" when none is named
	file *lintbaseline.File // nil when none, or while it cannot be read
}

// baselineOption reads {"baseline": "FILE"} from initializationOptions.
func baselineOption(raw json.RawMessage) string {
	var o struct {
		Baseline string `json:"baseline"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &o) != nil {
		return ""
	}
	return o.Baseline
}

// setBaseline names the baseline file (flag over initializationOptions)
// and reads it.
func (s *Server) setBaseline(fromClient string) {
	name := s.o.Baseline
	if name == "" {
		name = fromClient
	}
	if name == "" {
		return
	}
	if !filepath.IsAbs(name) {
		dir := s.root
		if dir == "" {
			dir, _ = os.Getwd()
		}
		name = filepath.Join(dir, name)
	}
	s.base.path = filepath.Clean(name)
	s.loadBaseline()
}

// loadBaseline reads the baseline file again. One that cannot be read is
// reported (as `cxmap lint --baseline` refuses it) and every finding is
// shown until it is fixed.
func (s *Server) loadBaseline() {
	if s.base.path == "" {
		return
	}
	f, err := lintbaseline.Read(s.base.path)
	if err != nil {
		s.base.file = nil
		s.showMessage(1, "cxmap: "+err.Error()+" (showing every finding until it is fixed)")
		return
	}
	s.base.file = f
}

// isBaseline tells whether abs is the baseline file.
func (s *Server) isBaseline(abs string) bool {
	return s.base.path != "" && samePath(abs, s.base.path)
}

// dropRecorded takes out of lint's findings on j those the baseline
// records, matching them in the order `cxmap lint` does (sorted, each
// recorded finding matching as many findings as its count).
func (s *Server) dropRecorded(j *journey.Journey, fs []finding.Finding) []finding.Finding {
	if s.base.file == nil || len(fs) == 0 {
		return fs
	}
	sorted := append([]finding.Finding(nil), fs...)
	finding.Sort(sorted)
	sorted = finding.Dedup(sorted)
	dir := filepath.Dir(s.base.path)
	m := s.base.file.Matcher()
	kept := sorted[:0]
	for _, f := range sorted {
		if m.Known(lintbaseline.NewKey(f, lintbaseline.Anchor(j, f.Line), dir)) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}
