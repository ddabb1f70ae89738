package cli

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A stop (Ctrl-C) with a silent connection and a half-sent request open
// ends at once and cleanly: before, Shutdown waited 5 s for them and serve
// exited 2 with "context deadline exceeded".
func TestServeStopsWithStalledConnections(t *testing.T) {
	a, stop, done, errOut := startServe(t, nil)
	silent, err := net.Dial("tcp", a.String())
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	half, err := net.Dial("tcp", a.String())
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	if _, err := half.Write([]byte("GET / HTTP/1.1\r\nHo")); err != nil {
		t.Fatal(err)
	}
	// Let the server read the half request, so the connection is active.
	time.Sleep(100 * time.Millisecond)
	close(stop)
	select {
	case err := <-done:
		if code := exitCode(err); code != ExitOK {
			t.Fatalf("exit %d (%v), want 0 after a stop\n%s", code, err, errOut.String())
		}
	case <-time.After(20 * time.Second): // a hang guard
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errOut.String(), "stopping") {
		t.Errorf("no word of stopping:\n%s", errOut.String())
	}
	// Both connections were closed by the server.
	for _, c := range []net.Conn{silent, half} {
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		if _, err := c.Read(make([]byte, 1)); err == nil {
			t.Error("a connection is still open after the stop")
		}
	}
}

// startServe runs cxmap serve on a copy of an example, on a free port of
// 127.0.0.1, with brand's --theme and --locale (nil for none): its address,
// the channel that stops it, its result, and its standard error.
func startServe(t *testing.T, brand *brandFlags) (net.Addr, chan struct{}, chan error, *lockedBuffer) {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "claim.yaml")
	os.WriteFile(file, src, 0o644)
	streams, _, _ := TestStreams("")
	errOut := &lockedBuffer{}
	streams.ErrOut = errOut
	streams.Dir = dir
	stop := make(chan struct{})
	addr := make(chan net.Addr, 1)
	o := &ServeOptions{IO: streams, Paths: []string{file}, Addr: "127.0.0.1:0", NoHistory: true, stop: stop,
		listening: func(a net.Addr) { addr <- a }, brand: brand}
	done := make(chan error, 1)
	go func() { done <- serveRun(o) }()
	select {
	case a := <-addr:
		return a, stop, done, errOut
	case err := <-done:
		t.Fatalf("serve did not start: %v\n%s", err, errOut.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	return nil, nil, nil, nil
}
