package cli

import (
	"fmt"
	"github.com/cxmap/cxmap/pkg/lint"
	"io"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/spf13/cobra"
)

// MeasureOptions are the flags of `cxmap measure`.
type MeasureOptions struct {
	IO       *IOStreams
	Data     []string
	Journeys []string
	Format   string
	Output   string
	Map      []string
	Write    bool
	// ConfigPath is --config; "" means look for .cxmap.yaml upwards (its
	// rating-contradicts-data thresholds and ignore globs matter here).
	ConfigPath string
}

// NewCmdMeasure builds `cxmap measure DATA...`.
func NewCmdMeasure(io *IOStreams, runF func(*MeasureOptions) error) *cobra.Command {
	o := &MeasureOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "measure DATA... [--journey PATH...]",
		Short: "Compute NPS, CSAT and CES per step, touchpoint and journey from survey responses",
		Long: `Read survey responses (CSV, streamed, or XLSX: the first sheet) and compute
NPS (0-10: % promoters 9-10 minus % detractors 0-6), CSAT (% of 4-5 on 1-5)
and CES (mean on 1-7) per journey, step, touchpoint (a lane on a step) and,
when the data has the column, per persona or segment: each with n, the dates
of the answers and a 95% interval (Wilson for CSAT, the normal approximation
on the trinomial for NPS, Student's t for means).

Columns are recognised by their header: journey, step, lane (or
touchpoint), metric (nps, csat, ces or a question id), score, date
(YYYY-MM-DD), respondent, persona (or segment). --map COLUMN=FIELD names
others. With --journey the ids are checked against the journeys (did you
mean ...?), the journey column may be left out when one journey is given,
and each step's and touchpoint's rating is compared with its score (agrees,
contradicts, or inconclusive when the interval straddles a threshold of
rating-contradicts-data in .cxmap.yaml).

` + wrapHelp("Formats: "+measure.Formats.Help()+".") + `

docs/measure.md describes the data, the statistics and what --write records.

Exit status: 0 measured, 1 a problem in the data or a journey, 2 usage or I/O error.`,
		Example: `  cxmap measure responses.csv --journey journeys/permit.yaml
  cxmap measure examples/data/insurance-claim.csv --journey examples/insurance-claim.yaml -f markdown
  cxmap measure export.xlsx --map "Touchpoint ID=lane" --map "Q1=score" --journey permit.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Data = args
			if runF != nil {
				return runF(o)
			}
			return measureRun(o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.Journeys, "journey", nil, "a journey file or directory the data is about (repeatable)")
	f.StringVarP(&o.Format, "format", "f", "table", "output format: "+measure.Formats.List())
	completeNames(cmd, "format", measure.Formats, false)
	f.StringVarP(&o.Output, "output", "o", "", "write the output to `FILE` instead of standard output")
	f.StringArrayVar(&o.Map, "map", nil, "read column `COLUMN=FIELD` as FIELD (journey, step, lane, metric, score, date, respondent, persona)")
	f.BoolVar(&o.Write, "write", false, "record the figures in the journeys: a metric per step, a KPI per journey, a survey source per data file")
	f.StringVar(&o.ConfigPath, "config", "", "read thresholds and ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	return cmd
}

// measured is what a measure run read: the journeys and the collector.
type measured struct {
	journeys []*journey.Journey
	c        *measure.Collector
	cfg      *config.Config
}

// loadMeasure loads the journeys and reads the data files; a problem is
// printed and returned as the exit error.
func loadMeasure(streams *IOStreams, data, paths, maps []string, configPath string, drivers bool) (*measured, error) {
	if len(data) == 0 {
		return nil, usageErr("no data files given\nUsage: cxmap measure DATA... [--journey PATH...] (CSV or XLSX survey responses)")
	}
	mp, err := measure.ParseMap(maps)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	cfg, err := config.Discover(configPath, streams.Dir)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	m := &measured{cfg: cfg}
	var known []*measure.Known
	if len(paths) > 0 {
		v := inputs.LoadValid(paths, inputs.Options{Ignore: cfg.Ignore}, inputs.Sift{Errors: streams.ErrOut, Findings: findingsTo(streams)})
		m.journeys = v.Journeys()
		for _, j := range m.journeys {
			known = append(known, measure.FromJourney(j))
		}
		switch {
		case v.Failed:
			return nil, &ExitError{Code: ExitUsage}
		case len(v.Invalid) > 0:
			return nil, &ExitError{Code: ExitFindings, Msg: "a journey failed validation: fix it before measuring against it"}
		case v.Found == 0:
			return nil, &ExitError{Code: ExitUsage} // "no journey files found" said
		}
	}
	m.c = measure.NewCollector(known, measure.Options{Drivers: drivers})
	for _, d := range data {
		var err error
		if d == "-" {
			err = m.c.ReadCSV("-", streams.In, measure.ReadOptions{Map: mp})
		} else {
			err = m.c.ReadFile(d, measure.ReadOptions{Map: mp})
		}
		if err != nil {
			return nil, &ExitError{Code: ExitFindings, Msg: err.Error()}
		}
	}
	for _, w := range m.c.Warnings() {
		fmt.Fprintf(streams.ErrOut, "cxmap: warning: %s\n", w)
	}
	if err := m.c.Err(); err != nil {
		return nil, &ExitError{Code: ExitFindings, Msg: err.Error()}
	}
	return m, nil
}

// thresholds are rating-contradicts-data's bands as configured.
func (m *measured) thresholds() measure.Thresholds {
	// The options as lint reads them; a bad one is lint's to report, and
	// measure then keeps the defaults for it.
	lo, _ := lint.Configure(m.cfg)
	opts := lo.RuleOptions["rating-contradicts-data"]
	return measure.ThresholdsFrom(func(name string) int {
		if v, ok := opts[name]; ok {
			return v
		}
		return measure.ThresholdOptions[name]
	})
}

func measureRun(o *MeasureOptions) error {
	format, err := measure.Formats.Lookup(o.Format)
	if err != nil {
		return usageErr("%v", err)
	}
	if o.Format == "xlsx" && o.Output == "" && o.IO.OutTTY {
		return usageErr("-f xlsx writes a binary workbook: give -o FILE or redirect it to a file")
	}
	if err := checkOutput(o.IO, o.Output, append(append([]string(nil), o.Data...), o.Journeys...), inputs.Options{}, o.ConfigPath); err != nil {
		return err
	}
	if o.Write && len(o.Journeys) == 0 {
		return usageErr("--write records the figures in journeys: name them with --journey PATH")
	}
	m, err := loadMeasure(o.IO, o.Data, o.Journeys, o.Map, o.ConfigPath, false)
	if err != nil {
		return err
	}
	figs := m.c.Figures()
	m.c.JudgeFigures(figs, m.thresholds())
	rep := measure.NewReport(m.c, figs)
	write := func(w io.Writer) error { return format.Write(w, rep, measure.FormatOptions{}) }
	if o.Output == "" || o.Output == "-" {
		err = write(o.IO.Out)
	} else {
		err = fsutil.WriteAtomic(o.Output, 0o644, write)
	}
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if o.Write {
		return writeMeasured(o.IO, m, figs)
	}
	return nil
}

// driversRun is `cxmap report --drivers DATA`: the steps of the journeys
// ranked by how their scores move with the overall score.
func driversRun(streams *IOStreams, data, paths []string, formatName, overall, configPath string) error {
	format, err := measure.DriverFormats.Lookup(formatName)
	if err != nil {
		return usageErr("--drivers: %v", err)
	}
	rs, err := driverReportsFor(streams, data, paths, configPath, overall)
	if err != nil {
		return err
	}
	if err := format.Write(streams.Out, rs, measure.FormatOptions{}); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return nil
}

// driverReports ranks the drivers of every journey in paths from data
// (the overall score: the most answered journey-level metric).
func driverReports(streams *IOStreams, data, paths []string, configPath string) ([]measure.DriverReport, error) {
	return driverReportsFor(streams, data, paths, configPath, "")
}

// driversByJourney ranks the drivers of the journeys at paths in the
// survey data, by journey id.
func driversByJourney(streams *IOStreams, data, paths []string, configPath string) (map[string]*measure.DriverReport, error) {
	rs, err := driverReports(streams, data, paths, configPath)
	if err != nil {
		return nil, err
	}
	out := map[string]*measure.DriverReport{}
	for i := range rs {
		out[rs[i].Journey] = &rs[i]
	}
	return out, nil
}

func driverReportsFor(streams *IOStreams, data, paths []string, configPath, overall string) ([]measure.DriverReport, error) {
	m, err := loadMeasure(streams, data, paths, nil, configPath, true)
	if err != nil {
		return nil, err
	}
	rs, err := m.c.Drivers(overall)
	if err != nil {
		return nil, &ExitError{Code: ExitFindings, Msg: err.Error()}
	}
	return rs, nil
}
