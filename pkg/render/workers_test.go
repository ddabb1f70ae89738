package render

import (
	"testing"

	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/worker/workertest"
)

// TestWorkerOptionsTravel: every field of Options reaches a worker process
// (pkg/worker), but the streams and hooks the worker sets itself. A field
// added to Options travels with no further code; one that cannot travel
// fails here until it is listed.
func TestWorkerOptionsTravel(t *testing.T) {
	svg, _ := Formats.Get("svg")
	// A locale travels as its tag and is built again (pkg/locale/text.go).
	fr, err := locale.New("fr")
	if err != nil {
		t.Fatal(err)
	}
	workertest.CheckRoundTrip(t, &Options{},
		[]string{"Stdout", "Stderr", "Getenv", "CheckOutput", "RasterPNG", "RasterPDF", "RunWorker"},
		svg, fr)
}
