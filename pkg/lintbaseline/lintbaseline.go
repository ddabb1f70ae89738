// Package lintbaseline records the lint findings a repository has today, so
// that `cxmap lint --baseline FILE` reports only the new ones (`cxmap lint
// --write-baseline FILE` writes it). A finding is known by a fingerprint of
// its rule, its file, the step, lane, stage, source or persona it is about
// (by id), and its message with line numbers taken out: never by line, so
// moving lines (or whole steps) does not bring recorded findings back.
// docs/lint-baseline.md.
package lintbaseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Version is the baseline file's format version.
const Version = 1

// MaxSize bounds a baseline file read (a baseline of 100,000 findings is
// about 30 MB).
const MaxSize = 64 << 20

// Entry is one recorded finding. Count is how many findings share the
// fingerprint (the same rule and message on the same step, twice).
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`   // relative to the baseline file's directory, forward slashes
	Anchor      string `json:"anchor"` // "step:ID", "lane:ID", ..., or "journey"
	Message     string `json:"message"`
	Count       int    `json:"count"`
}

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Key is what a finding is known by, before it is hashed.
type Key struct {
	Rule, File, Anchor, Message string
}

// lineNumbers is compiled on first use: lint --baseline needs it, every
// other command would pay for it at start-up (issue 18).
var lineNumbers = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(line|lines|column)s? \d+(-\d+)?`)
})

// NewKey makes a finding's key: file relative to dir (the baseline file's
// directory), the anchor its line falls in, line numbers taken out of the
// message.
func NewKey(f finding.Finding, anchor, dir string) Key {
	return Key{Rule: f.Rule, File: relFile(f.Path, dir), Anchor: anchor, Message: lineNumbers().ReplaceAllString(f.Message, "$1 N")}
}

func relFile(path, dir string) string {
	if path == "-" {
		return path
	}
	ap, err1 := filepath.Abs(path)
	ad, err2 := filepath.Abs(dir)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(ad, ap); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(path))
}

// Fingerprint is the key's hash (hex, 16 bytes of SHA-256).
func (k Key) Fingerprint() string {
	h := sha256.Sum256([]byte(strings.Join([]string{k.Rule, k.File, k.Anchor, k.Message}, "\x00")))
	return hex.EncodeToString(h[:16])
}

// Anchor is the innermost entity of j whose lines hold line: "step:ID",
// then "stage:ID", "lane:ID", "source:ID", "persona:ID"; "journey" when
// none does (or line is 0).
func Anchor(j *journey.Journey, line int) string {
	in := func(l journey.Loc) bool {
		return line > 0 && l.Line > 0 && line >= l.Line && line <= max(l.EndLine, l.Line)
	}
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			if in(s.Loc) {
				return "step:" + s.ID
			}
		}
	}
	for _, st := range j.Stages {
		if in(st.Loc) {
			return "stage:" + st.ID
		}
	}
	for _, l := range j.Lanes {
		if l.Origin == "" && in(l.Loc) {
			return "lane:" + l.ID
		}
	}
	for _, s := range j.Sources {
		if s.Origin == "" && in(s.Loc) {
			return "source:" + s.ID
		}
	}
	for _, p := range j.Personas {
		if in(p.Loc) {
			return "persona:" + p.ID
		}
	}
	return "journey"
}

// Build makes a baseline of keys (sorted, counted).
func Build(keys []Key) *File {
	by := map[string]*Entry{}
	for _, k := range keys {
		fp := k.Fingerprint()
		if e, ok := by[fp]; ok {
			e.Count++
			continue
		}
		by[fp] = &Entry{Fingerprint: fp, Rule: k.Rule, File: k.File, Anchor: k.Anchor, Message: k.Message, Count: 1}
	}
	f := &File{Version: Version, Tool: "cxmap", Findings: []Entry{}}
	for _, e := range by {
		f.Findings = append(f.Findings, *e)
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Anchor != b.Anchor {
			return a.Anchor < b.Anchor
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	return f
}

// Write writes the baseline atomically.
func (f *File) Write(path string) error {
	return fsutil.WriteAtomic(path, 0o644, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(f)
	})
}

// Read reads a baseline file, refusing one that is not (or is of a newer
// version) with the file named.
func Read(path string) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, unwrap(err))
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("baseline %s: not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(fh, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, unwrap(err))
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("baseline %s: larger than the %d MiB limit", path, MaxSize>>20)
	}
	var f File
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a cxmap lint baseline (%v); write one with cxmap lint --write-baseline %s", path, err, path)
	}
	if f.Version < 1 || f.Version > Version {
		return nil, fmt.Errorf("baseline %s: version %d, this cxmap reads version %d (write it again with --write-baseline)", path, f.Version, Version)
	}
	return &f, nil
}

func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Matcher tells recorded findings from new ones; each recorded finding
// matches as many findings as its count.
type Matcher struct{ left map[string]int }

// Matcher starts matching against the baseline.
func (f *File) Matcher() *Matcher {
	m := &Matcher{left: map[string]int{}}
	for _, e := range f.Findings {
		m.left[e.Fingerprint] += max(e.Count, 1)
	}
	return m
}

// Known reports whether the finding with key k is recorded (and uses up
// one of its count).
func (m *Matcher) Known(k Key) bool {
	fp := k.Fingerprint()
	if m.left[fp] > 0 {
		m.left[fp]--
		return true
	}
	return false
}
