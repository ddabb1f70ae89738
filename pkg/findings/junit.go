package findings

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/pkg/finding"
)

// JUnit writes JUnit XML, the test report Jenkins, Azure DevOps and GitLab
// (`artifacts: reports: junit`) read: one <testsuite> per file with
// findings, named by its path; in it one <testcase> per rule, whose
// <failure> lists every finding of that rule as `file:line:col: level:
// message`. Errors and warnings are failures; a rule with only info
// findings is a passing test case with them in <system-out>. A path that
// could not be read is a suite with an <error>. A run without findings is
// one suite "cxmap" with one passing test case, so the report is never
// empty (Jenkins refuses empty reports by default).
//
// The shape follows the Ant/Jenkins JUnit schema (testdata/junit/junit.xsd).
func JUnit(w io.Writer, r Report) error {
	var suites []junitSuite
	byPath := map[string]int{}
	for _, f := range r.Findings {
		i, ok := byPath[f.Path]
		if !ok {
			i = len(suites)
			byPath[f.Path] = i
			suites = append(suites, junitSuite{Name: f.Path})
		}
		s := &suites[i]
		var c *junitCase
		for j := range s.Cases {
			if s.Cases[j].Name == f.Rule {
				c = &s.Cases[j]
			}
		}
		if c == nil {
			s.Cases = append(s.Cases, junitCase{Name: f.Rule, Classname: f.Path})
			c = &s.Cases[len(s.Cases)-1]
		}
		line := fmt.Sprintf("%s:%d:%d: %s: %s", f.Path, f.Line, f.Column, f.Level, f.Message)
		if f.Level >= finding.Warning {
			if c.Failure == nil {
				c.Failure = &junitProblem{Type: f.Level.String(), Message: line}
			} else if f.Level == finding.Error {
				c.Failure.Type = f.Level.String()
			}
			c.Failure.Text += line + "\n"
		} else {
			if c.SystemOut == nil {
				c.SystemOut = &junitText{}
			}
			c.SystemOut.Text += line + "\n"
		}
	}
	for _, path := range r.Errors {
		suites = append(suites, junitSuite{Name: path, Cases: []junitCase{{
			Name: "read", Classname: path,
			Error: &junitProblem{Type: "io", Message: path + " could not be read"},
		}}})
	}
	if len(suites) == 0 {
		suites = append(suites, junitSuite{Name: "cxmap", Cases: []junitCase{{Name: Summary(r), Classname: "cxmap"}}})
	}
	all := junitSuites{Name: "cxmap", Suites: suites}
	for i := range suites {
		s := &suites[i]
		s.ID = i
		s.Tests = len(s.Cases)
		for _, c := range s.Cases {
			if c.Failure != nil {
				s.Failures++
			}
			if c.Error != nil {
				s.Errors++
			}
		}
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	ID       int         `xml:"id,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

type junitText struct {
	Text string `xml:",cdata"`
}
