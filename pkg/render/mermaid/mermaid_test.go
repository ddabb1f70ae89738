package mermaid

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
)

// examples are the bundled journeys, which the goldens and the parser test
// (parse_test.go) cover.
func examples(t *testing.T) map[string]*journey.Journey {
	t.Helper()
	root := filepath.Join("..", "..", "..", "examples")
	out := map[string]*journey.Journey{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "themes" {
			return filepath.SkipDir // example themes, not journeys
		}
		if err != nil || d.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pr := journey.ParseFile(p, data, journey.Options{})
		if pr.IsCatalog {
			return nil // a catalog is not a journey to draw
		}
		j := pr.Journey
		if j == nil {
			t.Fatalf("%s: %v", p, pr.Findings)
		}
		rel, _ := filepath.Rel(root, p)
		out[strings.TrimSuffix(filepath.ToSlash(rel), ".yaml")] = j
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 4 {
		t.Fatalf("found %d examples", len(out))
	}
	return out
}

func TestGolden(t *testing.T) {
	for name, j := range examples(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, j); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", strings.ReplaceAll(name, "/", "-")+".mmd"), b.Bytes())
		})
	}
}

func intp(n int) *int { return &n }

func TestScore(t *testing.T) {
	for _, c := range []struct {
		rating  string
		emotion *int
		want    int
	}{
		{"", nil, 3},
		{journey.Red, nil, 1},
		{journey.Yellow, nil, 3},
		{journey.Green, nil, 5},
		{"", intp(-2), 1},
		{"", intp(0), 3},
		{"", intp(2), 5},
		{journey.Green, intp(2), 5},
		{journey.Red, intp(-2), 1},
		{journey.Green, intp(-2), 3},
		{journey.Green, intp(-1), 3}, // 3.5 rounds down
		{journey.Yellow, intp(1), 3}, // 3.5 rounds down
		{journey.Red, intp(2), 3},
	} {
		s := &journey.Step{Rating: c.rating, Emotion: c.emotion}
		if got := Score(s); got != c.want {
			e := "nil"
			if c.emotion != nil {
				e = string(rune('0' + *c.emotion + 2))
			}
			t.Errorf("Score(rating %q, emotion+2 %s) = %d, want %d", c.rating, e, got, c.want)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, c := range []struct {
		in   string
		name bool
		want string
	}{
		{"Plain text", true, "Plain text"},
		{"  Call: the #1 line;\n then wait  ", true, "Call∶ the ＃1 line； then wait"},
		{"Title: with colon", false, "Title: with colon"},
		{"Save 50%% now", true, "Save 50%\u200b% now"},
		{"section two", true, "\u200bsection two"},
		{"Journey planning", true, "\u200bJourney planning"},
		{"%% not a comment", true, "%\u200b% not a comment"},
		{"\t\n ", true, ""},
	} {
		if got := escape(c.in, c.name); got != c.want {
			t.Errorf("escape(%q, %v) = %q, want %q", c.in, c.name, got, c.want)
		}
	}
}

// hostile is a journey whose every name needs escaping.
func hostile() *journey.Journey {
	return &journey.Journey{
		Title: "Claims; #1: the \"hard\" one\nreally",
		Lanes: []journey.Lane{{ID: "web", Name: "Web, app", Zone: journey.Frontstage}, {ID: "phone", Name: "Phone: hotline", Zone: journey.Frontstage}},
		Stages: []journey.Stage{{ID: "s", Name: "section: report", Steps: []journey.Step{
			{ID: "a", Action: "Call us; now: quick", Rating: journey.Red,
				Touchpoints: []journey.Contact{{Lane: journey.Text{Value: "phone"}}, {Lane: journey.Text{Value: "web"}}, {Lane: journey.Text{Value: "phone"}}}},
			{ID: "b", Action: "  "},
		}}, {ID: "t", Name: "Journey # 2 %% done", Steps: []journey.Step{{ID: "c", Action: "title: accTitle"}}}},
	}
}

func TestWriteHostile(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, hostile()); err != nil {
		t.Fatal(err)
	}
	want := "journey\n" +
		"  title Claims； ＃1: the \"hard\" one really\n" +
		"  section \u200bsection∶ report\n" +
		"    Call us； now∶ quick: 1: Phone∶ hotline, Web app\n" +
		"    b: 3\n" +
		"  section \u200bJourney ＃ 2 %\u200b% done\n" +
		"    \u200btitle∶ accTitle: 3\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, hostile()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.HasPrefix(s, "```mermaid\njourney\n") || !strings.HasSuffix(s, ": 3\n```\n") {
		t.Errorf("not a fenced mermaid block:\n%s", s)
	}
}
