// Package lsp is `cxmap lsp`: a Language Server Protocol (3.17) server over
// standard input and output. Diagnostics are exactly `cxmap lint`'s
// (journey.ParseFile through a catalog cache, then lint.Lint with the
// configuration found as the CLI finds it); completion, hover, definition,
// references, rename, document symbols and code actions work from an index
// of the ids each file defines and uses, kept from the last good parse while
// the YAML is broken. docs/editors.md says how editors start it.
package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/lint"
	"go.yaml.in/yaml/v3"
)

// Options configure a server.
type Options struct {
	// ConfigPath is --config: read the configuration from this file, not
	// the .cxmap.yaml found walking up from the workspace folder.
	ConfigPath string
	// Debounce is how long after a change the document is checked, so a
	// burst of keystrokes is checked once (default 30 ms).
	Debounce time.Duration
	// Log receives one line per problem the server meets (nil: none).
	Log io.Writer
	// Now is today's date for stale-journey (default time.Now).
	Now func() time.Time
	// Chdir moves the process into the workspace folder at initialize, so
	// that paths in messages read as `cxmap lint` run there prints them
	// (the command sets it; in-process tests leave it nil).
	Chdir func(string) error
	// Baseline is --baseline: the lint baseline file whose findings are not
	// shown (over the client's initializationOptions "baseline").
	Baseline string
}

// Server is one language server session.
type Server struct {
	o        Options
	out      *writer
	docs     map[string]*document // by URI
	cats     *journey.Catalogs
	cfg      *config.Config
	lint     lint.Options // the configuration's rule levels and options (lint.Configure)
	root     string       // the workspace folder ("" when none)
	utf32    bool
	snippets bool
	// state of the session
	initialized bool
	shutdown    bool
	events      chan func()
	// published: URIs whose last published diagnostics were not empty.
	published map[string]bool
	ws        *workspace
	watch     bool // the client can watch files for us
	nextID    int
	disk      map[string]*diskIndex // indexes of files not open
	base      lintBaseline          // the lint baseline applied (baseline.go)
}

// New returns a server writing to out.
func New(out io.Writer, o Options) *Server {
	if o.Debounce == 0 {
		o.Debounce = 30 * time.Millisecond
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Server{
		o: o, out: &writer{w: out}, docs: map[string]*document{}, cats: journey.NewCatalogs(),
		cfg: &config.Config{}, events: make(chan func(), 64), published: map[string]bool{},
	}
}

// ErrNoShutdown is returned by Run when the client exits or goes away
// without asking for shutdown first (exit status 1, as LSP says).
var ErrNoShutdown = errors.New("the client ended the session without shutdown")

// Run serves the messages read from in until exit, or until in ends (the
// client has gone). It returns nil after shutdown and exit.
func (s *Server) Run(in io.Reader) error {
	msgs := make(chan []byte)
	readErr := make(chan error, 1)
	go func() {
		r := newReader(in)
		for {
			body, err := r.read()
			if err != nil {
				readErr <- err
				return
			}
			msgs <- body
		}
	}()
	for {
		select {
		case body := <-msgs:
			if done, err := s.handle(body); done {
				return err
			}
		case f := <-s.events:
			s.safely("a debounced check", f)
		case err := <-readErr:
			if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
				s.logf("reading: %v", err)
			}
			if s.shutdown {
				return nil
			}
			return ErrNoShutdown
		}
	}
}

// safely runs f, logging a panic instead of ending the session: a file
// that trips a bug must not take the editor's server down.
func (s *Server) safely(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("%s: internal error: %v", what, r)
		}
	}()
	f()
}

func (s *Server) logf(format string, a ...any) {
	if s.o.Log != nil {
		fmt.Fprintf(s.o.Log, "cxmap lsp: "+format+"\n", a...)
	}
}

// handle serves one message; done ends the session.
func (s *Server) handle(body []byte) (done bool, err error) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		s.replyErr(nil, codeParseError, "the message is not JSON: "+err.Error())
		return false, nil
	}
	if m.Method == "" {
		return false, nil // a response to one of our requests
	}
	if m.ID == nil {
		return s.notify(m)
	}
	defer func() {
		if r := recover(); r != nil {
			s.logf("%s: internal error: %v", m.Method, r)
			s.replyErr(m.ID, codeInternalError, fmt.Sprintf("cxmap lsp: internal error in %s: %v", m.Method, r))
		}
	}()
	if m.Method != "initialize" && !s.initialized {
		s.replyErr(m.ID, codeServerNotInitialized, "initialize first")
		return false, nil
	}
	if s.shutdown {
		s.replyErr(m.ID, codeInvalidRequest, "the server is shutting down: only exit is accepted")
		return false, nil
	}
	result, rerr := s.request(m.Method, m.Params)
	if rerr != nil {
		s.replyErr(m.ID, rerr.Code, rerr.Message)
		return false, nil
	}
	s.reply(m.ID, result)
	return false, nil
}

func (s *Server) request(method string, params json.RawMessage) (any, *rpcError) {
	var err error
	bad := func() *rpcError { return &rpcError{Code: codeInvalidParams, Message: method + ": " + err.Error()} }
	switch method {
	case "initialize":
		var p initializeParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.initialize(&p), nil
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/completion":
		var p textDocumentPositionParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.completion(&p), nil
	case "textDocument/hover":
		var p textDocumentPositionParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.hover(&p), nil
	case "textDocument/definition":
		var p textDocumentPositionParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.definition(&p), nil
	case "textDocument/references":
		var p referenceParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.references(&p), nil
	case "textDocument/prepareRename":
		var p textDocumentPositionParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.prepareRename(&p)
	case "textDocument/rename":
		var p renameParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.rename(&p)
	case "textDocument/documentSymbol":
		var p struct {
			TextDocument textDocumentIdentifier `json:"textDocument"`
		}
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.symbols(p.TextDocument.URI), nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.codeActions(&p), nil
	case "textDocument/formatting":
		var p documentFormattingParams
		if err = json.Unmarshal(params, &p); err != nil {
			return nil, bad()
		}
		return s.formatting(&p)
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "cxmap lsp does not serve " + method}
}

func (s *Server) notify(m message) (bool, error) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("%s: internal error: %v", m.Method, r)
		}
	}()
	switch m.Method {
	case "exit":
		if s.shutdown {
			return true, nil
		}
		return true, ErrNoShutdown
	case "initialized":
		s.registerWatchers()
	}
	if !s.initialized || s.shutdown {
		return false, nil
	}
	switch m.Method {
	case "textDocument/didOpen":
		var p didOpenParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.didOpen(p.TextDocument)
		}
	case "textDocument/didChange":
		var p didChangeParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.didChange(&p)
		}
	case "textDocument/didSave":
		var p didSaveParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.didSave(&p)
		}
	case "textDocument/didClose":
		var p didCloseParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.didClose(p.TextDocument.URI)
		}
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if json.Unmarshal(m.Params, &p) == nil {
			s.filesChanged(p.Changes)
		}
	}
	return false, nil
}

func (s *Server) reply(id *json.RawMessage, result any) {
	if err := s.out.write(response{JSONRPC: "2.0", ID: id, Result: result}); err != nil {
		s.logf("writing: %v", err)
	}
}

func (s *Server) replyErr(id *json.RawMessage, code int, msg string) {
	type errResponse struct {
		JSONRPC string           `json:"jsonrpc"`
		ID      *json.RawMessage `json:"id"`
		Error   *rpcError        `json:"error"`
	}
	if err := s.out.write(errResponse{JSONRPC: "2.0", ID: id, Error: &rpcError{Code: code, Message: msg}}); err != nil {
		s.logf("writing: %v", err)
	}
}

func (s *Server) send(method string, params any) {
	if err := s.out.write(notification{JSONRPC: "2.0", Method: method, Params: params}); err != nil {
		s.logf("writing: %v", err)
	}
}

func (s *Server) showMessage(typ int, msg string) {
	s.send("window/showMessage", map[string]any{"type": typ, "message": msg})
}

func (s *Server) initialize(p *initializeParams) any {
	s.initialized = true
	root := ""
	if len(p.WorkspaceFolders) > 0 {
		root = uriToPath(p.WorkspaceFolders[0].URI)
	}
	if root == "" && p.RootURI != "" {
		root = uriToPath(p.RootURI)
	}
	if root == "" {
		root = p.RootPath
	}
	if root != "" {
		if st, err := os.Stat(root); err == nil && st.IsDir() {
			s.root = root
			if s.o.Chdir != nil {
				if err := s.o.Chdir(root); err != nil {
					s.logf("%v", err)
				}
			}
		}
	}
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == "utf-32" {
			s.utf32 = true
		}
	}
	s.snippets = p.Capabilities.TextDocument.Completion.CompletionItem.SnippetSupport
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.loadConfig()
	s.setBaseline(baselineOption(p.InitializationOptions))
	enc := "utf-16"
	if s.utf32 {
		enc = "utf-32"
	}
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": enc,
			"textDocumentSync": map[string]any{"openClose": true, "change": 2, "save": map[string]any{"includeText": false}},
			"completionProvider": map[string]any{
				"triggerCharacters": []string{":", " ", "-", "[", ","},
			},
			"hoverProvider":              true,
			"definitionProvider":         true,
			"referencesProvider":         true,
			"renameProvider":             map[string]any{"prepareProvider": true},
			"documentSymbolProvider":     true,
			"codeActionProvider":         map[string]any{"codeActionKinds": []string{"quickfix"}},
			"documentFormattingProvider": formattingAvailable,
		},
		"serverInfo": map[string]any{"name": "cxmap", "version": Version},
	}
}

// Version is the cxmap version the server reports (the command sets it).
var Version = "dev"

// registerWatchers asks the client to tell the server when YAML files
// change on disk (catalogs edited elsewhere, a git checkout).
func (s *Server) registerWatchers() {
	if !s.watch {
		return
	}
	s.nextID++
	watchers := []map[string]any{{"globPattern": "**/*.{yaml,yml}"}}
	if s.base.path != "" {
		watchers = append(watchers, map[string]any{"globPattern": "**/" + filepath.Base(s.base.path)})
	}
	s.out.write(notification{JSONRPC: "2.0", ID: fmt.Sprintf("cxmap-%d", s.nextID), Method: "client/registerCapability", Params: map[string]any{
		"registrations": []map[string]any{{
			"id": "cxmap-watch", "method": "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{"watchers": watchers},
		}},
	}})
}

// loadConfig reads the configuration as `cxmap lint` run in the workspace
// folder finds it; a broken one is reported and the defaults are used.
func (s *Server) loadConfig() {
	dir := s.root
	if dir == "" {
		dir, _ = os.Getwd()
	}
	cfg, err := config.Discover(s.o.ConfigPath, dir)
	var lo lint.Options
	if err == nil {
		// Rule ids and options are checked against the registry here, as
		// cxmap lint does (lint.Configure).
		lo, err = lint.Configure(cfg)
	}
	var ce *config.Error
	if err != nil {
		lo = lint.Options{}
		s.showMessage(1, "cxmap: "+err.Error()+" (checking with the default rules until it is fixed)")
		cfg = &config.Config{}
		if errors.As(err, &ce) && ce.Path != "" {
			abs, _ := filepath.Abs(ce.Path)
			line, col := max(ce.Line, 1), max(ce.Col, 1)
			d := Diagnostic{Range: Range{Start: Position{line - 1, col - 1}, End: Position{line - 1, col}}, Severity: sevError, Code: "config", Source: "cxmap", Message: ce.Msg}
			s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: pathToURI(abs), Diagnostics: []Diagnostic{d}})
			s.published[pathToURI(abs)] = true
		}
	} else if cfg.Path != "" {
		abs, _ := filepath.Abs(cfg.Path)
		if u := pathToURI(abs); s.published[u] {
			s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: u, Diagnostics: []Diagnostic{}})
			delete(s.published, u)
		}
	}
	s.cfg = cfg
	s.lint = lo
}

func isConfigName(p string) bool {
	b := filepath.Base(p)
	for _, n := range config.FileNames {
		if b == n {
			return true
		}
	}
	return false
}

func (s *Server) didOpen(it textDocumentItem) {
	abs := uriToPath(it.URI)
	if abs == "" {
		return
	}
	d := &document{uri: it.URI, abs: abs, version: it.Version, findings: map[string][]finding.Finding{}}
	d.setText(it.Text)
	s.docs[it.URI] = d
	s.checkAndPublish(d)
}

func (s *Server) didChange(p *didChangeParams) {
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		d.applyChange(c.Range, c.Text, s.utf32)
	}
	d.version = p.TextDocument.Version
	d.dirty = true
	d.gen++
	gen := d.gen
	time.AfterFunc(s.o.Debounce, func() {
		s.events <- func() {
			if s.docs[d.uri] == d && d.gen == gen && d.dirty {
				s.checkAndPublish(d)
			}
		}
	})
}

func (s *Server) didSave(p *didSaveParams) {
	d := s.docs[p.TextDocument.URI]
	if d != nil && p.Text != nil {
		d.setText(*p.Text)
	}
	if d != nil && isConfigName(d.abs) {
		s.loadConfig()
		s.recheckAll()
		return
	}
	if d != nil {
		s.checkAndPublish(d)
	}
}

func (s *Server) didClose(uri string) {
	d := s.docs[uri]
	if d == nil {
		return
	}
	delete(s.docs, uri)
	old := d.findings
	d.findings = nil
	if d.index != nil && d.index.Catalog {
		// Back to the file on disk for the journeys that use it.
		s.cats.Forget(d.abs)
		s.recheckUsers(d.abs)
	}
	for p := range old {
		s.publish(p)
	}
	// Closed and not a catalog of an open journey: nothing to show.
	if s.published[uri] {
		s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
		delete(s.published, uri)
	}
}

// filesChanged: files changed on disk. A catalog is read again on next
// use, and the open journeys using it are checked again; a configuration
// file is read again and every open document checked.
func (s *Server) filesChanged(evs []fileEvent) {
	cfgChanged, baseChanged := false, false
	for _, e := range evs {
		p := uriToPath(e.URI)
		if p == "" {
			continue
		}
		if isConfigName(p) {
			cfgChanged = true
			continue
		}
		if s.isBaseline(p) {
			baseChanged = true
			continue
		}
		if s.ws != nil {
			s.ws.invalidate(p)
		}
		if _, open := s.docs[e.URI]; open {
			continue // the editor's text wins
		}
		s.cats.Forget(p)
		s.recheckUsers(p)
	}
	if cfgChanged {
		s.loadConfig()
	}
	if baseChanged {
		s.loadBaseline()
	}
	if cfgChanged || baseChanged {
		s.recheckAll()
	}
}

func (s *Server) recheckAll() {
	for _, u := range s.sortedURIs() {
		s.checkAndPublish(s.docs[u])
	}
}

func (s *Server) sortedURIs() []string {
	out := make([]string, 0, len(s.docs))
	for u := range s.docs {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// recheckUsers checks again the open journeys that use the catalog (or
// name the baseline) at abs.
func (s *Server) recheckUsers(abs string) {
	for _, u := range s.sortedURIs() {
		d := s.docs[u]
		if d.index == nil || d.abs == abs {
			continue
		}
		uses := d.index.Baseline != nil && samePath(d.index.Baseline.Abs, abs)
		for _, r := range d.index.Uses {
			if samePath(r.Abs, abs) {
				uses = true
			}
		}
		if uses {
			s.checkAndPublish(d)
		}
	}
}

func samePath(a, b string) bool { return filepath.Clean(a) == filepath.Clean(b) }

// display is the path findings name a file by: relative to the working
// directory when inside it (as `cxmap lint` run there names it).
func display(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return abs
	}
	return rel
}

// refusal says why a text is not checked at all (nil: it is checked).
func refusal(path string, data []byte) []finding.Finding {
	if len(data) > journey.MaxFileSize {
		return journey.TooLarge(path)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := bytes.Count(data[:i], []byte("\n")) + 1
		return []finding.Finding{{Path: path, Line: line, Column: 1, EndLine: line, EndColumn: 2, Level: finding.Error, Rule: journey.RuleSyntax,
			Message: "the file holds a NUL byte: it looks binary, not a YAML journey (not checked)"}}
	}
	return nil
}

// check runs validate and lint on the document as `cxmap lint FILE` does
// and records the findings by file; it reindexes the document when its
// YAML parses.
func (s *Server) check(d *document) {
	d.dirty = false
	path := display(d.abs)
	data := []byte(d.text)
	d.findings = map[string][]finding.Finding{}
	if fs := refusal(path, data); fs != nil {
		d.refused = fs[0].Message
		d.findings[d.abs] = fs
		d.index, d.indexed = nil, true
		return
	}
	d.refused = ""
	if isConfigName(d.abs) {
		return
	}
	pr := journey.ParseFile(path, data, journey.Options{SkipNonJourney: true, Catalogs: s.cats})
	fs := pr.Findings
	var doc *yaml.Node
	if pr.Journey != nil {
		doc = pr.Journey.Doc
		lo := s.lint
		lo.Now = s.o.Now
		fs = append(fs, s.dropRecorded(pr.Journey, lint.Lint(pr.Journey, lo))...)
	}
	wasCatalog := d.index != nil && d.index.Catalog
	if pr.IsCatalog {
		s.cats.Set(path, data)
	}
	if doc == nil {
		var n yaml.Node
		if yaml.Unmarshal(data, &n) == nil {
			doc = &n
		}
	}
	if doc != nil {
		d.index = indexDoc(d.abs, doc)
	}
	d.indexed = true
	for _, f := range fs {
		abs, err := filepath.Abs(f.Path)
		if err != nil {
			abs = f.Path
		}
		d.findings[abs] = append(d.findings[abs], f)
	}
	if pr.IsCatalog || wasCatalog {
		if !pr.IsCatalog {
			s.cats.Forget(d.abs)
		}
		s.recheckUsers(d.abs)
	}
}

// ensureIndex brings the document's index up to the current text without
// checking it (requests between a change and its debounced check).
func (s *Server) ensureIndex(d *document) {
	if d.indexed {
		return
	}
	d.indexed = true
	if refusal(d.abs, []byte(d.text)) != nil {
		return
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(d.text), &n) == nil {
		d.index = indexDoc(d.abs, &n)
	}
}

func (s *Server) checkAndPublish(d *document) {
	old := d.findings
	s.check(d)
	targets := map[string]bool{d.abs: true}
	for p := range old {
		targets[p] = true
	}
	for p := range d.findings {
		targets[p] = true
	}
	keys := make([]string, 0, len(targets))
	for p := range targets {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	for _, p := range keys {
		s.publish(p)
	}
}

// publish sends the diagnostics of the file at abs: what every open
// document's check found there.
func (s *Server) publish(abs string) {
	var fs []finding.Finding
	for _, u := range s.sortedURIs() {
		fs = append(fs, s.docs[u].findings[abs]...)
	}
	finding.Sort(fs)
	fs = finding.Dedup(fs)
	uri := pathToURI(abs)
	var lines []string
	var version *int
	for _, d := range s.docs {
		if samePath(d.abs, abs) {
			lines = d.lines
			v := d.version
			version = &v
			uri = d.uri
		}
	}
	diags := make([]Diagnostic, 0, len(fs))
	for _, f := range fs {
		diags = append(diags, s.diagnostic(f, lines))
	}
	if len(diags) == 0 && !s.published[uri] && version == nil {
		return
	}
	s.published[uri] = len(diags) > 0
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags})
}

// diagnostic turns a finding into a diagnostic; a duplicate-id points at
// the other place as related information.
func (s *Server) diagnostic(f finding.Finding, lines []string) Diagnostic {
	d := Diagnostic{
		Range:    rangeIn(lines, journey.Range{Line: f.Line, Col: f.Column, EndLine: f.EndLine, EndCol: f.EndColumn}, s.utf32),
		Severity: severity(f.Level),
		Code:     f.Rule,
		Source:   "cxmap",
		Message:  f.Message,
	}
	if r, ok := lint.Lookup(f.Rule); ok {
		d.CodeDescription = &codeDescription{Href: r.HelpURI()}
	}
	if f.Rule == journey.RuleDuplicateID {
		d.RelatedInformation = s.related(f)
	}
	return d
}

func severity(l finding.Level) int {
	switch l {
	case finding.Error:
		return sevError
	case finding.Warning:
		return sevWarning
	}
	return sevInfo
}
