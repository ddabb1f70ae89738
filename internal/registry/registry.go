// Package registry is the one shape of every list of named choices cxmap
// offers (output formats of findings, report, diff, history, render and
// deck; render's optional rows): a Registry of entries that each carry a
// Meta (name, file extension, help line, machine and binary flags) and,
// for a format, its writer. Help text, shell completion, the "did you
// mean" error, the docs checks and the question "is this a machine format"
// all come from the registry; nothing else types the names out
// (TestRegistriesAreTheOnlyLists in pkg/cli fails when something does).
//
// To add a format to a family: write its writer, add one entry to the
// family's registry (docs/decisions.md, "Registries and shared helpers").
package registry

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/cxmap/cxmap/internal/names"
)

// Meta is what people and the command line see of an entry.
type Meta struct {
	// Name is the value typed after the flag (-f json).
	Name string
	// Ext is the file extension without the dot, for a format written to
	// a named file ("" when the family writes to standard output only).
	Ext string
	// Help is a few words on what it is for, shown by --help.
	Help string
	// Machine marks a document for programs (JSON, SARIF, CSV, a
	// workbook): it is written whole even when there is nothing in it, and
	// text goes in exact (escaped per the format's own rules), not shown
	// escaped for a person.
	Machine bool
	// Binary marks bytes that are not text: never written to a terminal.
	Binary bool
}

// Info returns the entry's Meta; every entry type embeds Meta and so has it.
func (m Meta) Info() Meta { return m }

// Entry is what a registry holds: a struct that embeds Meta.
type Entry interface{ Info() Meta }

// Format is the entry of a family whose formats differ only in their
// writer: W is the writer's type (a func, or a struct of funcs when one
// name writes more than one kind of document, as diff's one journey and
// revision range).
type Format[W any] struct {
	Meta
	Write W
}

// Registry is a family's list of entries, in the order they are shown and
// (for render) made.
type Registry[E Entry] struct {
	flag    string
	entries []E
	index   map[string]int
}

// New builds a registry for the flag that takes its names ("-f",
// "--rows"). It panics (at program start, so any test fails) on an empty
// or repeated name, and on an entry whose Write is missing or, when Write
// is a struct of writers, has one missing: one name never has a writer in
// one place and not in another.
func New[E Entry](flag string, entries ...E) *Registry[E] {
	r := &Registry[E]{flag: flag, entries: entries, index: map[string]int{}}
	for i, e := range entries {
		name := e.Info().Name
		if name == "" {
			panic(fmt.Sprintf("registry %s: entry %d has no name", flag, i))
		}
		if _, dup := r.index[name]; dup {
			panic(fmt.Sprintf("registry %s: %q twice", flag, name))
		}
		r.index[name] = i
		if missing := missingWriter(e); missing != "" {
			panic(fmt.Sprintf("registry %s: %q has no %s", flag, name, missing))
		}
	}
	return r
}

// missingWriter names the first nil writer of an entry: its Write field
// when that is a func, or a func field of Write when Write is a struct.
func missingWriter(e any) string {
	v := reflect.ValueOf(e)
	if v.Kind() != reflect.Struct {
		return ""
	}
	w := v.FieldByName("Write")
	if !w.IsValid() {
		return ""
	}
	switch w.Kind() {
	case reflect.Func:
		if w.IsNil() {
			return "Write"
		}
	case reflect.Struct:
		for i := 0; i < w.NumField(); i++ {
			if f := w.Field(i); f.Kind() == reflect.Func && f.IsNil() {
				return "Write." + w.Type().Field(i).Name
			}
		}
	}
	return ""
}

// Flag is the flag that takes the names ("-f").
func (r *Registry[E]) Flag() string { return r.flag }

// All returns the entries in registry order.
func (r *Registry[E]) All() []E { return r.entries }

// Names returns the names in registry order.
func (r *Registry[E]) Names() []string {
	out := make([]string, len(r.entries))
	for i, e := range r.entries {
		out[i] = e.Info().Name
	}
	return out
}

// List is the names for a message or help line: "csv, json, table".
func (r *Registry[E]) List() string { return strings.Join(r.Names(), ", ") }

// Join is the names joined by sep, for a flag's default ("pdf,pptx").
func (r *Registry[E]) Join(sep string) string { return strings.Join(r.Names(), sep) }

// Help lists each name with its help line: "csv (one row per step), json
// (...)"; a name without help stands alone.
func (r *Registry[E]) Help() string {
	parts := make([]string, len(r.entries))
	for i, e := range r.entries {
		m := e.Info()
		parts[i] = m.Name
		if m.Help != "" {
			parts[i] += " (" + m.Help + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// Get returns the entry for name.
func (r *Registry[E]) Get(name string) (E, bool) {
	i, ok := r.index[name]
	if !ok {
		var zero E
		return zero, false
	}
	return r.entries[i], true
}

// Lookup returns the entry for name, or the one error wording every
// family shares: `-f "jsn" is not one of csv, json, table; did you mean
// "json"?`. Extra names the flag also takes ("all", "none") are listed
// after the registry's and may be suggested; they are not entries, so
// Lookup still fails for them.
func (r *Registry[E]) Lookup(name string, extra ...string) (E, error) {
	if e, ok := r.Get(name); ok {
		return e, nil
	}
	var zero E
	return zero, r.Unknown(name, extra...)
}

// Unknown is Lookup's error for a name not in the registry.
func (r *Registry[E]) Unknown(name string, extra ...string) error {
	all := append(r.Names(), extra...)
	msg := fmt.Sprintf("%s %q is not one of %s", r.flag, name, strings.Join(all, ", "))
	if s := names.Suggest(strings.ToLower(name), all); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return fmt.Errorf("%s", msg)
}

// ByExt returns the entry whose file extension is ext (with or without
// the dot).
func (r *Registry[E]) ByExt(ext string) (E, bool) {
	ext = strings.TrimPrefix(ext, ".")
	for _, e := range r.entries {
		if m := e.Info(); ext != "" && m.Ext == ext {
			return e, true
		}
	}
	var zero E
	return zero, false
}

// Family is what pkg/cli and the tests need of any registry, whatever its
// entry type.
type Family interface {
	Flag() string
	Names() []string
	List() string
}
