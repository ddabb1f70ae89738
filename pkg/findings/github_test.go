package findings

import (
	"bytes"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
)

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := GitHub(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	want := `::error file=journeys/permit.yaml,line=24,col=13,endLine=24,endColumn=23,title=unrated-step::step "find-rules" has no rating; add a rating: green, yellow or red
::warning file=journeys/permit.yaml,line=40,col=17,endLine=40,endColumn=20,title=unrated-step::configured up to warning
::notice file=journeys/permit.yaml,line=50,col=17,endLine=50,endColumn=20,title=unsourced-rating::rating of step "pay" cites no source
::error file=my journeys/b.yaml,line=1,col=1,endLine=1,endColumn=2,title=yaml-syntax::yaml: line 1: did not find expected key
2 files checked: 2 errors, 1 warning, 1 info
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	r := Report{Files: 1, Findings: []finding.Finding{{
		Path: "odd,dir/a:b%.yaml", Line: 3, Column: 5, EndLine: 4, EndColumn: 1, Level: finding.Warning,
		Rule: "x,y:z", Message: "100% sure:\r\nline two, still: here",
	}}}
	var b bytes.Buffer
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=odd%2Cdir/a%3Ab%25.yaml,line=3,col=5,endLine=4,endColumn=1,title=x%2Cy%3Az::100%25 sure:%0D%0Aline two, still: here\n1 file checked: 0 errors, 1 warning, 0 info\n"
	if b.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", b.String(), want)
	}
}

func TestGitHubEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := GitHub(&b, Report{Files: 3}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "3 files checked, no problems\n" {
		t.Errorf("got %q", b.String())
	}
}
