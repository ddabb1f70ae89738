// Package brandtest holds what the tests of the themed and translated
// outputs (deck, site, report) each needed: an example theme, a locale and
// a message catalogue, read from the repository whatever the test's
// package directory.
package brandtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
	"go.yaml.in/yaml/v3"
)

// root is the repository's top directory.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Theme loads examples/themes/NAME.
func Theme(t testing.TB, name string) *theme.Theme {
	t.Helper()
	th, err := theme.Load(filepath.Join(root(), "examples", "themes", name))
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// Locale is the locale of tag.
func Locale(t testing.TB, tag string) *locale.Locale {
	t.Helper()
	l, err := locale.New(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Catalogue is one message file, pkg/locale/messages/AREA/LANG.yaml, as
// YAML reads it: an id's words, or its plural forms as a map.
func Catalogue(t testing.TB, area, lang string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root(), "pkg", "locale", "messages", area, lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
