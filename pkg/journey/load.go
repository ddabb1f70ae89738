package journey

import (
	"github.com/cxmap/cxmap/pkg/finding"
)

// Limits on input (docs/decisions.md, "Loading and validation").
const (
	MaxFileSize = 10 << 20 // bytes
	MaxDepth    = 64       // nesting of mappings and sequences
	MaxAliases  = 10000    // alias expansions
)

// Options change how Parse treats a file.
type Options struct {
	// SkipNonJourney makes a file whose root mapping has no `cxmap` key
	// count as "not a journey" instead of an error (used when walking
	// directories).
	SkipNonJourney bool
	// Catalogs caches the catalogs journeys use, for one run; nil reads
	// them afresh for this file.
	Catalogs *Catalogs
	// Dir is the directory the file's `uses` and `baseline` paths are
	// relative to; "" means the file's own directory (a file read from git
	// names where it lives in the working tree).
	Dir string
}

// Parse loads one journey. It returns the journey when the file is valid,
// or nil and the findings (all errors) when it is not.
func Parse(path string, data []byte) (*Journey, []finding.Finding) {
	j, fs, _ := ParseOpts(path, data, Options{})
	return j, fs
}
