package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// The base protocol of LSP: JSON-RPC 2.0 messages, each after a
// "Content-Length: N" header and a blank line. It is written here on
// encoding/json rather than taken from a library: the subset is a reader, a
// writer and three message shapes, and the libraries available
// (go.lsp.dev/jsonrpc2, golang.org/x/tools' internal jsonrpc2) bring
// generated types for the whole protocol and more dependencies than the
// server's handful of methods need (docs/editors.md, "Design").

// maxMessage bounds one message's body: a journey is at most 10 MiB, and
// JSON escaping can grow it; anything larger is refused, not buffered.
const maxMessage = 64 << 20

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID, Result or Error).
type message struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  json.RawMessage  `json:"result,omitempty"`
	Error   *rpcError        `json:"error,omitempty"`
}

// rpcError is a JSON-RPC error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

// Error codes of JSON-RPC and LSP.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestFailed        = -32803
)

// reader reads framed messages.
type reader struct {
	r *textproto.Reader
}

func newReader(r io.Reader) *reader {
	return &reader{r: textproto.NewReader(bufio.NewReaderSize(r, 64<<10))}
}

// errFraming is a header the reader cannot make sense of: the stream is
// out of step and the connection cannot go on.
var errFraming = errors.New("lsp: bad message header")

// read returns the next message's body.
func (r *reader) read() ([]byte, error) {
	h, err := r.r.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(h) == 0 {
			return nil, io.EOF
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	cl := h.Get("Content-Length")
	n, err := strconv.ParseInt(strings.TrimSpace(cl), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: Content-Length %q", errFraming, cl)
	}
	if n > maxMessage {
		return nil, fmt.Errorf("%w: a message of %d bytes is over the %d MiB limit", errFraming, n, maxMessage>>20)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.r.R, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *writer) write(m any) error {
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := fmt.Fprintf(w.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = w.w.Write(body)
	return err
}

// response is an outgoing response.
type response struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id"`
	Result  any              `json:"result"`
	Error   *rpcError        `json:"error,omitempty"`
}

// notification is an outgoing notification (or a request when ID is set).
type notification struct {
	JSONRPC string `json:"jsonrpc"`
	ID      any    `json:"id,omitempty"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}
