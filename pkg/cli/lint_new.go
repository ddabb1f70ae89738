package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lintbaseline"
)

// gateNew wraps lint's check so that each lint finding's anchor (the step,
// lane, ... it is about) is known, and sets the filter that keeps only new
// findings: those on lines changed since --new-from-rev, and those not in
// --baseline. --write-baseline records today's lint findings first; the
// run then reports none of them. Validation errors (an invalid journey)
// are never recorded and always reported.
func (o *LintOptions) gateNew(check func(*journey.Journey) []finding.Finding) (func(*journey.Journey) []finding.Finding, error) {
	if o.Baseline != "" && o.WriteBaseline != "" && filepath.Clean(o.Baseline) != filepath.Clean(o.WriteBaseline) {
		return nil, usageErr("--baseline and --write-baseline name different files: give one (--write-baseline FILE records today's findings and reports none of them)")
	}
	for _, p := range o.Paths {
		if p == "-" && o.NewFromRev != "" {
			return nil, usageErr("--new-from-rev cannot tell the changed lines of standard input: name the files")
		}
	}
	var base *lintbaseline.File
	if o.Baseline != "" && o.WriteBaseline == "" {
		b, err := lintbaseline.Read(o.at(o.Baseline))
		if err != nil {
			return nil, &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		base = b
	}
	var changed map[string]*gitrev.Lines
	var prefix string
	if o.NewFromRev != "" {
		repo := gitrev.Repo{Dir: o.IO.Dir}
		if _, err := repo.Commit(o.NewFromRev); err != nil {
			return nil, &ExitError{Code: ExitUsage, Msg: "--new-from-rev: " + err.Error()}
		}
		var err error
		if prefix, err = repo.Prefix(); err != nil {
			return nil, &ExitError{Code: ExitUsage, Msg: "--new-from-rev: " + err.Error()}
		}
		if changed, err = repo.ChangedLines(o.NewFromRev, o.Paths); err != nil {
			return nil, &ExitError{Code: ExitUsage, Msg: "--new-from-rev: " + err.Error()}
		}
	}
	// The baseline's paths are relative to its own directory.
	file := o.WriteBaseline
	if file == "" {
		file = o.Baseline
	}
	dir := filepath.Dir(o.at(file))
	var mu sync.Mutex
	keys := map[findingID]lintbaseline.Key{}
	wrapped := func(j *journey.Journey) []finding.Finding {
		fs := check(j)
		mu.Lock()
		defer mu.Unlock()
		for _, f := range fs {
			keys[idOf(f)] = lintbaseline.NewKey(f, lintbaseline.Anchor(j, f.Line), dir)
		}
		return fs
	}
	o.Filter = func(all []finding.Finding) ([]finding.Finding, error) {
		if changed != nil {
			kept := all[:0:0]
			for _, f := range all {
				if changed[topPath(prefix, o.IO.Dir, f.Path)].Has(f.Line) {
					kept = append(kept, f)
				}
			}
			all = kept
		}
		if o.WriteBaseline != "" {
			var ks []lintbaseline.Key
			for _, f := range all {
				if k, ok := keys[idOf(f)]; ok {
					ks = append(ks, k)
				}
			}
			b := lintbaseline.Build(ks)
			if err := b.Write(o.at(o.WriteBaseline)); err != nil {
				return nil, fmt.Errorf("--write-baseline: %v", err)
			}
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: %d lint findings recorded\n", o.WriteBaseline, len(ks))
			base = b
		}
		if base != nil {
			m := base.Matcher()
			kept := all[:0:0]
			for _, f := range all {
				if k, ok := keys[idOf(f)]; ok && m.Known(k) {
					continue
				}
				kept = append(kept, f)
			}
			all = kept
		}
		return all, nil
	}
	return wrapped, nil
}

// findingID is a finding as runCheck prints it (after de-duplication).
type findingID struct {
	path, rule, msg string
	line, col       int
}

func idOf(f finding.Finding) findingID {
	return findingID{f.Path, f.Rule, f.Message, f.Line, f.Column}
}

// at is a path as given, joined to the working directory of the run.
func (o *LintOptions) at(p string) string {
	if p != "" && o.IO.Dir != "" && !filepath.IsAbs(p) {
		return filepath.Join(o.IO.Dir, p)
	}
	return p
}

// topPath turns a finding's path (relative to the working directory, or
// absolute) into git's: relative to the top of the work tree, slashes.
func topPath(prefix, wd, p string) string {
	if filepath.IsAbs(p) {
		if wd == "" {
			wd, _ = os.Getwd()
		}
		if rel, err := filepath.Rel(wd, p); err == nil {
			p = rel
		}
	}
	t := filepath.ToSlash(filepath.Clean(p))
	t = strings.TrimPrefix(t, "./")
	return cleanSlash(prefix + t)
}

// cleanSlash cleans a slash path ("a/../b" is "b").
func cleanSlash(p string) string { return filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))) }
