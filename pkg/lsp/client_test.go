package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// client speaks LSP to a server over a pipe, as an editor does.
type client struct {
	t      testing.TB
	in     io.Writer
	msgs   chan map[string]json.RawMessage
	nextID int
	// notes are notifications (and server requests) not yet taken.
	notes []map[string]json.RawMessage
}

func newClient(t testing.TB, in io.Writer, out io.Reader) *client {
	c := &client{t: t, in: in, msgs: make(chan map[string]json.RawMessage, 256)}
	go func() {
		r := newReader(out)
		defer close(c.msgs)
		for {
			body, err := r.read()
			if err != nil {
				return
			}
			var m map[string]json.RawMessage
			if json.Unmarshal(body, &m) == nil {
				c.msgs <- m
			}
		}
	}()
	return c
}

// hangGuard only stops a broken test from hanging; nothing is timed.
const hangGuard = 60 * time.Second

func (c *client) send(m any) {
	c.t.Helper()
	body, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its response (result or error).
func (c *client) request(method string, params any) map[string]json.RawMessage {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	for {
		m := c.next()
		if _, hasMethod := m["method"]; !hasMethod && string(m["id"]) == fmt.Sprint(id) {
			return m
		}
		c.notes = append(c.notes, m)
	}
}

func (c *client) next() map[string]json.RawMessage {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		return m
	case <-time.After(hangGuard):
		c.t.Fatal("no message from the server")
	}
	return nil
}

// diagnostics waits for the next publishDiagnostics for uri.
func (c *client) diagnostics(uri string) json.RawMessage {
	c.t.Helper()
	for i, m := range c.notes {
		if p, ok := isDiagnostics(m, uri); ok {
			c.notes = append(c.notes[:i], c.notes[i+1:]...)
			return p
		}
	}
	for {
		m := c.next()
		if p, ok := isDiagnostics(m, uri); ok {
			return p
		}
		c.notes = append(c.notes, m)
	}
}

func isDiagnostics(m map[string]json.RawMessage, uri string) (json.RawMessage, bool) {
	if string(m["method"]) != `"textDocument/publishDiagnostics"` {
		return nil, false
	}
	var p struct {
		URI string `json:"uri"`
	}
	json.Unmarshal(m["params"], &p)
	return m["params"], p.URI == uri
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// buildBinary builds cmd/cxmap once for the package's tests.
func buildBinary(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("skipped: the go command is not on PATH to build cxmap")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "cxmap-lsp-test")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "cxmap")
		if os.PathSeparator == '\\' {
			binPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", binPath, "../../cmd/cxmap").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// copyDir copies a testdata workspace (files only, one level).
func copyDir(t testing.TB, from string) string {
	t.Helper()
	to := t.TempDir()
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Resolve links (macOS /var -> /private/var) as the server does.
	if r, err := filepath.EvalSymlinks(to); err == nil {
		to = r
	}
	return to
}

// normalize makes a message independent of where the workspace is.
func normalize(t testing.TB, raw json.RawMessage, ws string) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(out), pathToURI(ws), "file:///WS")
	s = strings.ReplaceAll(s, filepath.ToSlash(ws), "/WS")
	return []byte(s + "\n")
}

// scanner-free helper: line and character of the first occurrence of
// needle on a line holding marker (0-based, ASCII files).
func posOf(t testing.TB, text, marker, needle string) Position {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(text))
	for l := 0; sc.Scan(); l++ {
		line := sc.Text()
		if strings.Contains(line, marker) {
			if i := strings.Index(line, needle); i >= 0 {
				return Position{Line: l, Character: i}
			}
		}
	}
	t.Fatalf("no line with %q and %q", marker, needle)
	return Position{}
}
