package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

const docsDir = "../../docs/rules"

// TestDocsMatchRegistry: every rule has a page, every page is a rule, the
// index lists them all, and each page states the rule's kind and level.
func TestDocsMatchRegistry(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(docsDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	onDisk := map[string]bool{}
	for _, p := range pages {
		if id := strings.TrimSuffix(filepath.Base(p), ".md"); id != "README" {
			onDisk[id] = true
		}
	}
	index, err := os.ReadFile(filepath.Join(docsDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		if !onDisk[r.ID] {
			t.Errorf("rule %q has no page docs/rules/%s.md", r.ID, r.ID)
			continue
		}
		delete(onDisk, r.ID)
		if !strings.Contains(string(index), "["+r.ID+"]("+r.ID+".md)") {
			t.Errorf("docs/rules/README.md does not list %q", r.ID)
		}
		doc := readDoc(t, r.ID)
		kind := "Lint rule"
		if r.Validation() {
			kind = "Validation rule"
		}
		if want := "**" + kind + "**, default level **" + r.Level.String() + "**"; !strings.Contains(doc, want) {
			t.Errorf("docs/rules/%s.md does not say %q", r.ID, want)
		}
	}
	for id := range onDisk {
		t.Errorf("docs/rules/%s.md describes no rule in the registry", id)
	}
}

func readDoc(t *testing.T, id string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(docsDir, id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var exampleRe = regexp.MustCompile("(?s)\n(Bad|Fixed):\n\n```yaml\n(.*?)```\n")

// TestDocExamples runs each page's examples: the bad one must fire its rule,
// the fixed one must not (and for lint rules both are valid journeys).
func TestDocExamples(t *testing.T) {
	o := testOptions()
	// The loader on this branch may not validate yet; detect it instead of
	// failing the validation rules' examples.
	probe, _ := journey.Parse("probe.yaml", []byte("cxmap: 1\nid: x\ntitle: t\nstages: []\nbogus: 1\n"))
	validating := probe == nil
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			ex := map[string]string{}
			for _, m := range exampleRe.FindAllStringSubmatch(readDoc(t, r.ID), -1) {
				ex[m[1]] = m[2]
			}
			if ex["Bad"] == "" || ex["Fixed"] == "" {
				t.Fatalf("docs/rules/%s.md needs a Bad: and a Fixed: yaml example", r.ID)
			}
			fires := func(src string) (bool, bool) {
				j, fs := journey.Parse(r.ID+".yaml", []byte(src))
				if j != nil {
					fs = Lint(j, o)
				}
				return j != nil, has(fs, r.ID)
			}
			if r.Validation() {
				if !validating {
					t.Skip("the loader does not validate yet")
				}
				if valid, hit := fires(ex["Bad"]); valid || !hit {
					t.Errorf("bad example: valid=%v, %s reported=%v; want an invalid journey with %s", valid, r.ID, hit, r.ID)
				}
				if valid, _ := fires(ex["Fixed"]); !valid {
					t.Errorf("fixed example is not a valid journey")
				}
				return
			}
			if valid, hit := fires(ex["Bad"]); !valid || !hit {
				t.Errorf("bad example: valid=%v, %s reported=%v; want both", valid, r.ID, hit)
			}
			if valid, hit := fires(ex["Fixed"]); !valid || hit {
				t.Errorf("fixed example: valid=%v, %s reported=%v; want a valid journey without it", valid, r.ID, hit)
			}
		})
	}
}

func has(fs []finding.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
