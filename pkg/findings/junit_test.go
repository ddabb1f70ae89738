package findings

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

func TestJUnit(t *testing.T) {
	r := sampleReport()
	r.Errors = []string{"missing.yaml"}
	reports := map[string]Report{"findings": r, "clean": {Files: 3}}
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := JUnit(&b, r); err != nil {
				t.Fatal(err)
			}
			if err := checkJUnit(b.Bytes()); err != nil {
				t.Fatalf("%v\n%s", err, b.Bytes())
			}
			xmllintJUnit(t, b.Bytes())
			out := b.String()
			switch name {
			case "clean":
				for _, want := range []string{`<testsuite name="cxmap"`, `tests="1"`, `failures="0"`, `name="3 files checked, no problems"`} {
					if !strings.Contains(out, want) {
						t.Errorf("missing %s in\n%s", want, out)
					}
				}
			case "findings":
				for _, want := range []string{
					`<testsuites name="cxmap" tests="4" failures="2" errors="1">`,
					`<testsuite name="journeys/permit.yaml" id="0" tests="2" failures="1"`,
					`<testcase name="unrated-step" classname="journeys/permit.yaml">`,
					`<failure message="journeys/permit.yaml:24:13: error: step &#34;find-rules&#34; has no rating; add a rating: green, yellow or red" type="error">`,
					"journeys/permit.yaml:40:17: warning: configured up to warning\n",
					`<system-out><![CDATA[journeys/permit.yaml:50:17: info: rating of step "pay" cites no source`,
					`<error message="missing.yaml could not be read" type="io">`,
				} {
					if !strings.Contains(out, want) {
						t.Errorf("missing %s in\n%s", want, out)
					}
				}
			}
		})
	}
	// The structural check can fail.
	for _, bad := range []string{
		`<testsuites><testsuite tests="1"><testcase name="x"/></testsuite></testsuites>`,
		`<testsuites><testsuite name="a" tests="2"><testcase name="x"/></testsuite></testsuites>`,
		`<testsuites><testsuite name="a" tests="1"><testcase name="x"><system-out/><failure/></testcase></testsuite></testsuites>`,
	} {
		if checkJUnit([]byte(bad)) == nil {
			t.Errorf("structural check accepted %s", bad)
		}
	}
}

// Level order matters to the failure type: a warning then an error of one
// rule is an error.
func TestJUnitFailureType(t *testing.T) {
	r := Report{Files: 1, Findings: []finding.Finding{
		{Path: "a.yaml", Line: 1, Column: 1, Level: finding.Warning, Rule: "r", Message: "w"},
		{Path: "a.yaml", Line: 2, Column: 1, Level: finding.Error, Rule: "r", Message: "e"},
	}}
	var b bytes.Buffer
	JUnit(&b, r)
	if !strings.Contains(b.String(), `type="error"`) {
		t.Errorf("want type error:\n%s", b.String())
	}
}

// xmlNode is a generic element tree.
type xmlNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xmlNode  `xml:",any"`
}

func (n xmlNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// checkJUnit checks data against the structure of testdata/junit/junit.xsd
// in Go (the standard library has no XSD validator): element nesting and
// order, required attributes, and that the counts add up.
func checkJUnit(data []byte) error {
	var root xmlNode
	if err := xml.Unmarshal(data, &root); err != nil {
		return err
	}
	if root.XMLName.Local != "testsuites" {
		return fmt.Errorf("root is <%s>, want <testsuites>", root.XMLName.Local)
	}
	count := func(n xmlNode, name string, want int) error {
		v, ok := n.attr(name)
		if !ok {
			return nil
		}
		got, err := strconv.Atoi(v)
		if err != nil || got != want {
			return fmt.Errorf("<%s> %s=%q, counted %d", n.XMLName.Local, name, v, want)
		}
		return nil
	}
	caseOrder := []string{"skipped", "error", "failure", "system-out", "system-err"}
	var tests, failures, errors int
	for _, s := range root.Nodes {
		if s.XMLName.Local != "testsuite" {
			return fmt.Errorf("<testsuites> holds <%s>", s.XMLName.Local)
		}
		if _, ok := s.attr("name"); !ok {
			return fmt.Errorf("<testsuite> without name")
		}
		if _, ok := s.attr("tests"); !ok {
			return fmt.Errorf("<testsuite> without tests")
		}
		var t, f, e int
		for _, c := range s.Nodes {
			if c.XMLName.Local != "testcase" {
				return fmt.Errorf("<testsuite> holds <%s>", c.XMLName.Local)
			}
			if _, ok := c.attr("name"); !ok {
				return fmt.Errorf("<testcase> without name")
			}
			t++
			last := -1
			for _, k := range c.Nodes {
				i := slices.Index(caseOrder, k.XMLName.Local)
				if i < last || i < 0 {
					return fmt.Errorf("<testcase> holds <%s> out of order", k.XMLName.Local)
				}
				last = i
				switch k.XMLName.Local {
				case "failure":
					f++
				case "error":
					e++
				}
			}
		}
		for _, err := range []error{count(s, "tests", t), count(s, "failures", f), count(s, "errors", e)} {
			if err != nil {
				return err
			}
		}
		tests, failures, errors = tests+t, failures+f, errors+e
	}
	for _, err := range []error{count(root, "tests", tests), count(root, "failures", failures), count(root, "errors", errors)} {
		if err != nil {
			return err
		}
	}
	return nil
}

// xmllintJUnit validates data against testdata/junit/junit.xsd with
// xmllint (Debian's libxml2-utils), when it is installed.
func xmllintJUnit(t *testing.T, data []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Log("xmllint not found (apt-get install libxml2-utils): XSD validation skipped, structural check only")
		return
	}
	f := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("..", "..", "testdata", "junit", "junit.xsd"), f).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
