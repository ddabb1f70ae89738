package lint

import (
	"github.com/cxmap/cxmap/internal/golden"
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

var (
	exampleRe = regexp.MustCompile("(?s)\n(Bad|Fixed):\n\n```yaml\n(.*?)```\n")
	printsRe  = regexp.MustCompile("(?s)\n`cxmap lint journey.yaml` prints:\n\n```text\n(.*?)```\n")
)

// TestDocExamples runs each page's examples: the bad one must fire its rule,
// the fixed one must not (and for lint rules both are valid journeys), and
// the output the page shows must be what cxmap prints for the bad one
// (-update rewrites it).
func TestDocExamples(t *testing.T) {
	o := testOptions()
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			doc := readDoc(t, r.ID)
			ex := map[string]string{}
			badEnd := 0
			for _, m := range exampleRe.FindAllStringSubmatchIndex(doc, -1) {
				kind := doc[m[2]:m[3]]
				ex[kind] = doc[m[4]:m[5]]
				if kind == "Bad" {
					badEnd = m[1]
				}
			}
			if ex["Bad"] == "" || ex["Fixed"] == "" {
				t.Fatalf("docs/rules/%s.md needs a Bad: and a Fixed: yaml example", r.ID)
			}
			run := func(src string) (valid bool, own []finding.Finding) {
				j, fs := journey.Parse("journey.yaml", []byte(src))
				if j != nil {
					fs = Lint(j, o)
				}
				finding.Sort(fs)
				for _, f := range fs {
					if f.Rule == r.ID {
						own = append(own, f)
					}
				}
				return j != nil, own
			}
			badValid, bad := run(ex["Bad"])
			fixedValid, fixed := run(ex["Fixed"])
			switch {
			case r.Validation() && (badValid || len(bad) == 0):
				t.Errorf("bad example: valid=%v, %d %s findings; want an invalid journey with %s", badValid, len(bad), r.ID, r.ID)
			case !r.Validation() && (!badValid || len(bad) == 0):
				t.Errorf("bad example: valid=%v, %d %s findings; want a valid journey with %s", badValid, len(bad), r.ID, r.ID)
			}
			if !fixedValid || len(fixed) > 0 {
				t.Errorf("fixed example: valid=%v, %s findings %v; want a valid journey without them", fixedValid, r.ID, fixed)
			}
			var prints strings.Builder
			for _, f := range bad {
				prints.WriteString(f.String() + "\n")
			}
			block := "\n`cxmap lint journey.yaml` prints:\n\n```text\n" + prints.String() + "```\n"
			m := printsRe.FindStringSubmatchIndex(doc)
			if *golden.Update {
				if m != nil {
					doc = doc[:m[0]] + block + doc[m[1]:]
				} else {
					doc = doc[:badEnd] + block + doc[badEnd:]
				}
				if err := os.WriteFile(filepath.Join(docsDir, r.ID+".md"), []byte(doc), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if m == nil || doc[m[2]:m[3]] != prints.String() {
				t.Errorf("docs/rules/%s.md does not show what cxmap prints for its bad example:\n%s(run go test ./pkg/lint -run DocExamples -update)", r.ID, prints.String())
			}
		})
	}
}
