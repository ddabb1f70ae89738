package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cxmap/cxmap/pkg/site"
	"github.com/spf13/cobra"
)

// ServeOptions are the flags of `cxmap serve`.
type ServeOptions struct {
	IO         *IOStreams
	Paths      []string
	Addr       string
	AddrSet    bool
	NoHistory  bool
	ConfigPath string
	// AllowHosts are more names the server answers to (--allow-host).
	AllowHosts []string
	// brand is --theme and --locale.
	brand *brandFlags

	// stop, when set, stops the server as Ctrl-C does (tests).
	stop <-chan struct{}
	// listening, when set, gets the address once the server listens (tests).
	listening func(net.Addr)
}

// DefaultServeAddr is loopback: the journeys are not shown to the network
// unless --addr says so.
const DefaultServeAddr = "127.0.0.1:8080"

// NewCmdServe builds `cxmap serve PATH... [--addr 127.0.0.1:8080]`.
func NewCmdServe(io *IOStreams, runF func(*ServeOptions) error) *cobra.Command {
	o := &ServeOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "serve PATH...",
		Short: "Serve the site live: pages redraw when a journey file is saved",
		Long: `Serve the same pages as cxmap site, from memory, and watch the files: when
a journey file is saved, it is read again and every open page reloads by
itself (within a second). A file that stops validating shows its findings
(file:line:col: message [rule]) in its page until it is fixed.

The server listens on 127.0.0.1:8080 (this machine only). To show it to
other machines, give --addr explicitly, e.g. --addr 0.0.0.0:8080; cxmap
prints a warning, as anyone who can reach the port can read the journeys.

Whatever the address, it answers only requests whose Host names it:
localhost, 127.0.0.1, [::1], the address it listens on (every address of
this machine when it listens on all of them), and the names given with
--allow-host, so a web page cannot reach it through DNS rebinding.

--theme FILE and --locale TAG brand the pages and set their language, as
for cxmap site (else theme: and locale: in .cxmap.yaml).

Ctrl-C (or SIGTERM) stops it within about a second, open connections
included. Exit status: 0 once stopped, 2 if it could not start.`,
		Example: `  cxmap serve examples/
  cxmap serve journeys/ --addr 127.0.0.1:9000
  cxmap serve journeys/ --addr 0.0.0.0:8080 --allow-host workshop.local`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.AddrSet = cmd.Flags().Changed("addr")
			if runF != nil {
				return runF(o)
			}
			return serveRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Addr, "addr", DefaultServeAddr, "listen on `HOST:PORT` (loopback unless told otherwise)")
	f.BoolVar(&o.NoHistory, "no-history", false, "leave out each journey's git history")
	f.StringVar(&o.ConfigPath, "config", "", "read ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	f.StringArrayVar(&o.AllowHosts, "allow-host", nil, "answer requests for `NAME` too (a host name or address; repeatable)")
	o.brand = bindBrand(cmd)
	return cmd
}

// checkAllowHost refuses an --allow-host value that is not a host name or
// address (with a port at most).
func checkAllowHost(h string) error {
	name := h
	if hh, _, err := net.SplitHostPort(h); err == nil {
		name = hh
	}
	name = strings.Trim(name, "[]")
	if name == "" || strings.ContainsAny(h, "/@ \t\r\n?#\\") {
		return usageErr("--allow-host %q: give a host name or address, e.g. --allow-host workshop.local", h)
	}
	return nil
}

// loopback reports whether host names only this machine.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func serveRun(o *ServeOptions) error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap serve PATH... [--addr 127.0.0.1:8080]")
	}
	for _, p := range o.Paths {
		if p == "-" {
			return usageErr("serve watches files, not standard input (-)")
		}
	}
	for _, h := range o.AllowHosts {
		if err := checkAllowHost(h); err != nil {
			return err
		}
	}
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return usageErr("--addr %q: %v (write HOST:PORT, e.g. 127.0.0.1:8080)", o.Addr, err)
	}
	if !loopback(host) {
		if !o.AddrSet {
			return usageErr("--addr %q is not loopback: give it explicitly to serve other machines", o.Addr)
		}
		where := host
		if host == "" || host == "0.0.0.0" || host == "::" {
			where = "every network interface"
		}
		fmt.Fprintf(o.IO.ErrOut, "cxmap: warning: serving on %s: anyone who can reach this port can read the journeys\n", where)
	}
	th, loc, err := siteBrand(o.IO, o.ConfigPath, o.brand)
	if err != nil {
		return err
	}
	// The first load is checked like site's: I/O errors stop here. The
	// server starts from it.
	first, failed, _, err := siteLoad(o.IO, o.Paths, o.ConfigPath, false)
	if err != nil {
		return err
	} else if failed {
		return &ExitError{Code: ExitUsage}
	}
	load := func(paths []string) []site.Input {
		if paths == nil && first != nil {
			ins := first
			first = nil
			return ins
		}
		if paths == nil {
			paths = o.Paths
		}
		ins, _, _, _ := siteLoad(o.IO, paths, o.ConfigPath, true)
		return ins
	}
	srv := site.NewServer(load, site.Options{History: !o.NoHistory, Theme: th, Locale: loc})
	srv.Log = o.IO.ErrOut
	for _, w := range srv.SourceWarnings() {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: warning: %s\n", w)
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	hs := srv.HTTPServer(site.NewHostCheck(host, o.AllowHosts).Handler(srv))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.stop != nil {
		go func() {
			select {
			case <-o.stop:
				stop()
			case <-ctx.Done():
			}
		}()
	}
	go func() {
		if err := srv.Watch(ctx, o.Paths, 100*time.Millisecond, nil); err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: watching the files: %v (pages will not reload)\n", err)
		}
	}()
	fmt.Fprintf(o.IO.ErrOut, "serving http://%s/ (Ctrl-C stops)\n", ln.Addr())
	if o.listening != nil {
		o.listening(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	case <-ctx.Done():
		fmt.Fprintln(o.IO.ErrOut, "stopping")
		stopServer(hs, shutdownGrace)
	}
	return nil
}

// shutdownGrace is how long a stop waits for requests being answered.
const shutdownGrace = time.Second

// stopServer ends the event streams (RegisterOnShutdown), closes idle
// connections, gives requests being answered grace to finish, then closes
// every connection left: a silent or half-sent request does not hold the
// stop (http.Server.Shutdown alone waits for it until its context ends).
func stopServer(hs *http.Server, grace time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if hs.Shutdown(ctx) != nil {
		hs.Close()
	}
}
