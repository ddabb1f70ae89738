package cli

import (
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cxmap serve --theme --locale serves the client's pages: in French, in
// the theme's colours, with its classification, the pictures drawn.
func TestServeBranded(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "claim.yaml")
	os.WriteFile(file, src, 0o644)
	themeFile, _ := filepath.Abs("../../examples/themes/riverside.yaml")
	streams, _, _ := TestStreams("")
	var errOut lockedBuffer
	streams.ErrOut = &errOut
	streams.Dir = dir
	stop := make(chan struct{})
	addr := make(chan net.Addr, 1)
	o := &ServeOptions{IO: streams, Paths: []string{file}, Addr: "127.0.0.1:0", NoHistory: true, stop: stop,
		listening: func(a net.Addr) { addr <- a }, brand: &brandFlags{theme: themeFile, locale: "fr"}}
	done := make(chan error, 1)
	go func() { done <- serveRun(o) }()
	defer func() {
		close(stop)
		select {
		case <-done:
		case <-time.After(20 * time.Second): // a hang guard
			t.Error("serve did not stop")
		}
	}()
	var a net.Addr
	select {
	case a = <-addr:
	case err := <-done:
		t.Fatalf("serve did not start: %v\n%s", err, errOut.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	for _, p := range []string{"/", "/journeys/insurance-claim.html"} {
		resp, err := http.Get("http://" + a.String() + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page := string(body)
		for _, want := range []string{`<html lang="fr">`, `--primary:#005EB8`, `<p class="classification">Confidential — prepared for Riverside NHS Trust</p>`, "Tous les parcours"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", p, want)
			}
		}
		if strings.Contains(page, "could not be drawn") || strings.Contains(page, "n’a pas pu être dessiné") {
			t.Errorf("%s: the blueprint was not drawn", p)
		}
	}
}
