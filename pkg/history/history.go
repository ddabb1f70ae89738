// Package history is a journey's git history in figures: for every commit
// that touched the file (following renames), the rating counts, critical
// steps at risk and metrics met, from the same summary the gap report uses.
// It is what `cxmap history FILE` prints.
package history

import (
	"context"
	"fmt"

	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/report"
)

// Row is one commit.
type Row struct {
	Commit  string `json:"commit"` // full hash
	Short   string `json:"short"`
	Date    string `json:"date"` // author date, ISO 8601
	Author  string `json:"author"`
	Subject string `json:"subject"`
	Path    string `json:"path"` // the file's path in that commit, from the top of the work tree
	// Status is "ok", "deleted" (the commit removed the file), "invalid"
	// (not a valid journey there: Problem says why) or "too-large".
	Status  string `json:"status"`
	Problem string `json:"problem,omitempty"`
	// Title and Figures are set when Status is ok.
	Title   string   `json:"title,omitempty"`
	Figures *Figures `json:"figures,omitempty"`
}

// Figures are a version's counts, taken from the gap report's summary.
type Figures struct {
	Steps          int `json:"steps"`
	Red            int `json:"red"`
	Yellow         int `json:"yellow"`
	Green          int `json:"green"`
	Unrated        int `json:"unrated"`
	Critical       int `json:"critical"`
	CriticalAtRisk int `json:"criticalAtRisk"`
	Opportunities  int `json:"opportunities"`
	Metrics        int `json:"metrics"`
	MetricsSet     int `json:"metricsWithTarget"`
	MetricsMet     int `json:"metricsMet"`
	// KPIs are the journey's KPIs at that commit, in file order.
	KPIs []KPI `json:"kpis"`
}

func figures(jr report.JourneyReport) *Figures {
	s := jr.Summary
	f := &Figures{Steps: s.Steps, Red: s.Red, Yellow: s.Yellow, Green: s.Green, Unrated: s.Unrated, Critical: s.Critical,
		CriticalAtRisk: s.CriticalAtRisk, Opportunities: s.Opportunities, Metrics: s.Metrics, MetricsSet: s.MetricsSet,
		MetricsMet: s.MetricsMet, KPIs: []KPI{}}
	for _, k := range jr.KPIs {
		f.KPIs = append(f.KPIs, KPI{Name: k.Name, Unit: k.Unit, Current: k.Current, Target: k.Target, Better: k.Better, Met: k.Met})
	}
	return f
}

// KPI is a journey-level measure at one commit.
type KPI struct {
	Name    string   `json:"name"`
	Unit    string   `json:"unit,omitempty"`
	Current *float64 `json:"current"`
	Target  *float64 `json:"target"`
	Better  string   `json:"better,omitempty"`
	Met     *bool    `json:"met"`
}

// History is a journey file's rows, newest first.
type History struct {
	File string `json:"file"` // as the user named it
	Rows []Row  `json:"rows"`
}

// Build reads the history of file (relative to repo.Dir). Each version is
// read through one git cat-file process, its size checked first, and
// checked with the catalogs and baseline of its own commit.
func Build(repo gitrev.Repo, file string) (*History, error) {
	return BuildContext(context.Background(), repo, file)
}

// BuildContext is Build stopped between commits when ctx is cancelled.
func BuildContext(ctx context.Context, repo gitrev.Repo, file string) (*History, error) {
	entries, err := repo.Log(file)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, &gitrev.Error{Msg: fmt.Sprintf("%s has no history in git (not committed, or not in this repository)", file)}
	}
	prefix, top, err := inputs.Place(repo)
	if err != nil {
		return nil, err
	}
	b := repo.Batch()
	defer b.Close()
	h := &History{File: file, Rows: make([]Row, 0, len(entries))}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if e.Path == "" {
			continue // a commit git lists with no change to the file
		}
		r := Row{Commit: e.Hash, Short: e.Short, Date: e.Date, Author: e.Author, Subject: e.Subject, Path: e.Path, Status: "ok"}
		if e.Deleted {
			r.Status = "deleted"
			h.Rows = append(h.Rows, r)
			continue
		}
		// The file's name in messages is SHORT:path; its catalogs and
		// baseline are the commit's own.
		rev := inputs.NewRevision(b, e.Short, e.Hash, prefix, top)
		f, err := rev.Load(e.Path)
		if err != nil {
			return nil, err
		}
		switch {
		case f.Kind == inputs.RevMissing:
			r.Status, r.Problem = "invalid", "not a file in this commit"
		case f.Kind == inputs.RevTooLarge:
			r.Status, r.Problem = "too-large", fmt.Sprintf("%d bytes, over the %d MiB limit", f.Size, journey.MaxFileSize>>20)
		case f.Kind == inputs.RevCatalog:
			r.Status, r.Problem = "invalid", "a catalog, not a journey"
		case f.Kind == inputs.RevOther:
			r.Status, r.Problem = "invalid", "not a journey (no top-level cxmap key)"
		case f.Journey == nil:
			r.Status = "invalid"
			r.Problem = "not a valid journey"
			if fs := f.Findings; len(fs) > 0 {
				r.Problem = fmt.Sprintf("%d:%d: %s [%s]", fs[0].Line, fs[0].Column, fs[0].Message, fs[0].Rule)
			}
		default:
			r.Title, r.Figures = f.Journey.Title, figures(report.BuildJourney(f.Journey, report.Options{}))
		}
		h.Rows = append(h.Rows, r)
	}
	return h, nil
}
