package cli

import (
	"bytes"
	"io"
	"os"

	"github.com/cxmap/cxmap/pkg/worker"
	"github.com/mattn/go-isatty"
)

// IOStreams are a command's standard streams. Data goes to Out, status and
// messages to ErrOut; whether Out is a terminal decides colour and layout.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY report whether Out and ErrOut are terminals.
	OutTTY, ErrTTY bool
	// Width is the terminal width of Out, or 0 when unknown.
	Width int
	// Getenv reads the environment (tests replace it).
	Getenv func(string) string
	// Dir is the working directory (tests replace it); "" means os.Getwd.
	Dir string
	// RunWorker starts a worker process for a share of a large batch
	// (pkg/worker; nil: this executable in Dir). Tests pass their own.
	RunWorker worker.Runner
}

// System returns the process's real streams.
func System() *IOStreams {
	return &IOStreams{
		In:     os.Stdin,
		Out:    os.Stdout,
		ErrOut: os.Stderr,
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY: isatty.IsTerminal(os.Stderr.Fd()),
		Width:  terminalWidth(),
		Getenv: systemGetenv(),
	}
}

// TestStreams returns streams backed by buffers, not terminals, with an
// empty environment.
func TestStreams(stdin string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{
		In:     bytes.NewBufferString(stdin),
		Out:    out,
		ErrOut: errOut,
		Getenv: func(string) string { return "" },
	}, out, errOut
}
