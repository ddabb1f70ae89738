package cli

import (
	"github.com/cxmap/cxmap/pkg/deck"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/worker"
)

// deckWorker writes the decks of a share of a large deck batch
// (pkg/deck/workers.go): the parent's deck.RunOptions as data, the
// share's files loaded again (the parent checked them), and deck.Run as
// the parent would call it.
func deckWorker(streams *IOStreams, job worker.Job) error {
	var ro deck.RunOptions
	if err := worker.Decode(job.Options, &ro); err != nil {
		return usageErr("%v", err)
	}
	var err error
	if ro.Baseline, err = deckBaseline(streams, ro.BaselineFile); err != nil {
		return err
	}
	v := inputs.LoadValid(job.Paths, inputs.Options{}, inputs.Sift{Errors: streams.ErrOut, Findings: findingsTo(streams)})
	if err := runDeck(streams, v.Journeys(), ro); err != nil {
		return err
	}
	return writeExit(v.Failed, len(v.Invalid) > 0)
}
