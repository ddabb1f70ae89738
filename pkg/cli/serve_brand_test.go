package cli

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cxmap serve --theme --locale serves the client's pages: in French, in
// the theme's colours, with its classification, the pictures drawn.
func TestServeBranded(t *testing.T) {
	themeFile, _ := filepath.Abs("../../examples/themes/riverside.yaml")
	a, stop, done, _ := startServe(t, &brandFlags{theme: themeFile, locale: "fr"})
	defer func() {
		close(stop)
		select {
		case <-done:
		case <-time.After(20 * time.Second): // a hang guard
			t.Error("serve did not stop")
		}
	}()
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
