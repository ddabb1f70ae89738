package inputs

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/gittest"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/journey"
)

// TestVersion: every kind of version argument - a file, standard input,
// REV:PATH (with that revision's catalog), a file on disk whose name has a
// colon - and every way one fails: findings (ok false) for an invalid
// journey or a blob over the limit, an error for what cannot be read.
func TestVersion(t *testing.T) {
	j := func(id, lane string) string {
		return "cxmap: 1\nid: " + id + "\ntitle: T\nuses: [../cat.yaml]\nstages: [{id: s, name: S, steps: [{id: a, action: A, touchpoints: [{lane: " + lane + "}]}]}]\n"
	}
	g := gittest.New(t)
	g.Commit("one", map[string]string{
		"cat.yaml":   "cxmap-catalog: 1\nid: c\nlanes: [{id: web, name: Web, zone: frontstage}]\n",
		"j/web.yaml": j("web", "web"),
		"j/big.yaml": "cxmap: 1\nid: big\ntitle: Big\nstages: [{id: s, name: S}]\n" + strings.Repeat("#\n", journey.MaxFileSize/2),
	})
	// Today the catalog names lane app, not web: HEAD:web.yaml is still valid.
	g.Write(map[string]string{
		"cat.yaml":     "cxmap-catalog: 1\nid: c\nlanes: [{id: app, name: App, zone: frontstage}]\n",
		"j/app.yaml":   j("app", "app"),
		"j/a:b.yaml":   j("colon", "app"),
		"j/dir/x.yaml": j("x", "app"),
	})
	dir := filepath.Join(g.Dir, "j")
	tests := []struct {
		arg, stdin string
		id         string // the journey loaded
		finding    string // else a finding
		err        string // else an error
	}{
		{arg: filepath.Join(dir, "app.yaml"), id: "app"},
		{arg: "HEAD:web.yaml", id: "web"},
		{arg: "HEAD:./web.yaml", id: "web"},
		{arg: filepath.Join(dir, "a:b.yaml"), id: "colon"},
		{arg: "-", stdin: "cxmap: 1\nid: in\ntitle: T\nstages: [{id: s, name: S}]\n", id: "in"},
		{arg: filepath.Join(dir, "web.yaml"), finding: `lane "web" is not defined`},
		{arg: "HEAD:big.yaml", finding: "HEAD:big.yaml:1:1: error: file is larger than the 10 MiB limit [yaml-syntax]"},
		{arg: filepath.Join(dir, "dir"), err: "is a directory: diff compares two journey files"},
		{arg: filepath.Join(dir, "nothere.yaml"), err: "nothere.yaml: no such file or directory"},
		{arg: "HEAD:nothere.yaml", err: "cannot read HEAD:nothere.yaml from git: path nothere.yaml does not exist in HEAD"},
		{arg: "HEAD:../j", err: "HEAD:../j: ../j is a directory in HEAD: diff compares two files"},
		{arg: "nope:web.yaml", err: "cannot read nope:web.yaml from git: "},
		{arg: "-x:web.yaml", err: "starts with '-': git would read it as an option"},
		{arg: "--output=/tmp/pwned:web.yaml", err: "starts with '-': git would read it as an option"},
	}
	b := gitrev.Repo{Dir: dir}.Batch()
	defer b.Close()
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			var msgs bytes.Buffer
			o := VersionOptions{Dir: dir, Stdin: strings.NewReader(tt.stdin), Batch: b, Findings: func(_ string, fs []finding.Finding) {
				for _, f := range fs {
					msgs.WriteString(f.String() + "\n")
				}
			}}
			got, ok, err := Version(tt.arg, o)
			switch {
			case tt.err != "":
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want one with %q", err, tt.err)
				}
			case err != nil:
				t.Fatalf("error %v", err)
			case tt.finding != "":
				if ok || got != nil || !strings.Contains(msgs.String(), tt.finding) {
					t.Errorf("ok %v, findings %q; want %q", ok, msgs.String(), tt.finding)
				}
			case !ok || got == nil || got.ID != tt.id:
				t.Errorf("ok %v, journey %v, findings %q; want %s", ok, got, msgs.String(), tt.id)
			}
		})
	}
}

// TestVersionSizeFirst: a blob over the size limit is refused from its
// size, before any of it is read (issue 8, item 7).
func TestVersionSizeFirst(t *testing.T) {
	g := gittest.New(t)
	g.Commit("big", map[string]string{"big.yaml": "cxmap: 1\n" + strings.Repeat("#\n", journey.MaxFileSize/2)})
	b := gitrev.Repo{Dir: g.Dir}.Batch()
	defer b.Close()
	data, _, _, err := readVersion(g.Dir, b, "HEAD:big.yaml", "HEAD", "big.yaml")
	if err != errTooLarge || data != nil {
		t.Fatalf("%d bytes read, err %v; want nothing read, too large", len(data), err)
	}
	// The read itself is bounded: a blob over the limit asked is not read.
	if blob, err := b.Read("HEAD", "big.yaml", 10); err != nil || !blob.TooLarge || blob.Data != nil {
		t.Errorf("Batch.Read with limit 10: %+v, %v", blob, err)
	}
}

// TestVersionArgs: what is a revision and what a file, and where a
// baseline is read from.
func TestVersionArgs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a:b.yaml": "x", "HEAD": "x"})
	splits := []struct {
		arg       string
		rev, path string
		ok        bool
	}{
		{"HEAD:j.yaml", "HEAD", "j.yaml", true},
		{"main~1:a/b.yaml", "main~1", "a/b.yaml", true},
		{"a:b.yaml", "", "", false}, // on disk
		{"-", "", "", false},
		{"j.yaml", "", "", false},
		{":j.yaml", "", "", false},
		{"HEAD:", "", "", false},
	}
	for _, tt := range splits {
		rev, path, ok := SplitRev(tt.arg, dir)
		if rev != tt.rev || path != tt.path || ok != tt.ok {
			t.Errorf("SplitRev(%q) = %q, %q, %v; want %q, %q, %v", tt.arg, rev, path, ok, tt.rev, tt.path, tt.ok)
		}
	}
	bases := []struct{ arg, base, want string }{
		{"HEAD:j/f.yaml", "j/c.yaml", "HEAD:j/c.yaml"},
		{"HEAD:j/f.yaml", "HEAD:j/c.yaml", "HEAD:j/c.yaml"},
		{"HEAD:j/f.yaml", "/abs/c.yaml", "/abs/c.yaml"},
		{"j/f.yaml", "j/c.yaml", "j/c.yaml"},
	}
	for _, tt := range bases {
		if got := BaselineArg(tt.arg, tt.base, dir); got != tt.want {
			t.Errorf("BaselineArg(%q, %q) = %q, want %q", tt.arg, tt.base, got, tt.want)
		}
	}
	pairs := []struct {
		args []string
		want bool
	}{
		{[]string{"main", "feature", "journeys/"}, true},
		{[]string{"main", "feature"}, true},
		{[]string{"main"}, false},
		{[]string{"HEAD", "main"}, false}, // HEAD is a file here
		{[]string{"main:a.yaml", "b.yaml"}, false},
		{[]string{"-", "main"}, false},
	}
	for _, tt := range pairs {
		if got := RevisionPair(tt.args, dir); got != tt.want {
			t.Errorf("RevisionPair(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}
