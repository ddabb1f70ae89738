package cli

import (
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/inputs"
)

// diffBaseline is `cxmap diff FUTURE`: FUTURE against the journey its
// `baseline` names (a path relative to FUTURE).
func diffBaseline(o *DiffOptions, format diff.Formatter, color bool, pictures []diffFormat) error {
	new, newOK, err := loadVersion(o.IO, o.batch, o.New)
	if err != nil {
		return err
	}
	if !newOK {
		return &ExitError{Code: ExitFindings, Msg: "cannot compare: fix the journey above first"}
	}
	base := new.BaselinePath()
	if base == "" {
		return usageErr("%s has no baseline: name the journey it improves on with `baseline: PATH`, or give two files: cxmap diff OLD NEW", o.New)
	}
	// The baseline path is joined to FUTURE's directory, as FUTURE was
	// named: it is opened the way FUTURE was (from the same revision for
	// REV:PATH).
	base = inputs.BaselineArg(o.New, base, o.IO.Dir)
	old, oldOK, err := loadVersion(o.IO, o.batch, base)
	if err != nil {
		return err
	}
	if !oldOK {
		return &ExitError{Code: ExitFindings, Msg: "cannot compare: fix the baseline above first"}
	}
	d := diff.Compare(old, new)
	if err := writeDiff(o, d, format, color, pictures); err != nil {
		return err
	}
	return diffExit(o, d)
}

// diffExit is the exit status after a diff: 1 on a regression when asked.
func diffExit(o *DiffOptions, d *diff.Diff) error {
	regressed := d.Regression()
	if o.Strict {
		regressed = d.RegressionStrict()
	}
	if o.FailOnRegression && regressed {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}
