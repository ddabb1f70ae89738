package journey

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the loader: it must never panic, and a
// file it accepts must come back with its required fields set. Seeds: the
// committed corpus in testdata/fuzz/FuzzParse plus every validation fixture.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/validate/*.yaml")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		j, fs := Parse("fuzz.yaml", data)
		if j == nil && len(fs) == 0 {
			t.Fatal("rejected without a finding")
		}
		if j != nil {
			if len(fs) != 0 {
				t.Fatalf("accepted with findings: %v", fs)
			}
			if j.ID == "" || j.Title == "" || len(j.Stages) == 0 || j.Version != FormatVersion {
				t.Fatalf("accepted a journey missing required fields: %+v", j)
			}
			_ = j.Flow()
		}
		for _, f := range fs {
			if f.Line < 1 || f.Column < 1 || f.Rule == "" || f.Message == "" {
				t.Fatalf("malformed finding %+v", f)
			}
		}
	})
}
