package theme

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestContrastKnownValues(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#777777", "#FFFFFF", 4.48}, // the classic just-failing grey
		{"#767676", "#FFFFFF", 4.54}, // and the just-passing one
	} {
		a, _ := ParseHex(c.a)
		b, _ := ParseHex(c.b)
		if got := Contrast(a, b); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

func TestDefaultPasses(t *testing.T) {
	if p := Default().CheckContrast(); len(p) != 0 {
		t.Fatalf("the default theme fails its own contrast check: %v", p)
	}
}

func TestNearestPassesAndStaysClose(t *testing.T) {
	white := RGB{255, 255, 255}
	black := RGB{}
	for _, c := range []struct {
		fg, bg RGB
		min    float64
	}{
		{RGB{0x77, 0x77, 0x77}, white, AANormal},
		{RGB{0xF5, 0xC5, 0x18}, white, AANormal}, // a brand yellow
		{RGB{0x30, 0x30, 0x60}, black, AANormal}, // dark blue on black: lighter
		{RGB{0x41, 0xB6, 0xE6}, white, AALarge},
	} {
		n, ok := Nearest(c.fg, c.bg, c.min)
		if !ok || Contrast(n, c.bg) < c.min {
			t.Errorf("Nearest(%s on %s) = %s (%.2f:1), want >= %.1f", c.fg.Hex(), c.bg.Hex(), n.Hex(), Contrast(n, c.bg), c.min)
		}
		_, _, l0 := c.fg.hsl()
		_, _, l1 := n.hsl()
		// Not overshooting: one step less change would fail.
		if d := l1 - l0; d > 0.6 || d < -0.6 {
			t.Errorf("Nearest(%s) moved lightness by %.2f", c.fg.Hex(), d)
		}
	}
	// A colour that passes is returned as it is.
	if n, _ := Nearest(black, white, AANormal); n != black {
		t.Errorf("Nearest(black on white) = %s", n.Hex())
	}
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadTable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "logo.png", "\x89PNG\r\n\x1a\nrest")
	write(t, dir, "logo.svg", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`)
	write(t, dir, "font.ttf", "\x00\x01\x00\x00rest")
	write(t, dir, "notafont.ttf", "hello")
	for _, c := range []struct {
		name, body string
		want       []string // substrings of the error; none: it loads
	}{
		{"minimal", "name: Riverside\n", nil},
		{"full", "name: Riverside NHS Trust\nlogo: logo.svg\ncolors:\n  primary: '#005EB8'\n  accent: '#005EB8'\n  text: '#212B32'\n  background: '#FFFFFF'\nfont: {regular: font.ttf, bold: font.ttf}\nfooter: Outpatients programme\nclassification: Confidential\ndate: dd/MM/yyyy\n", nil},
		{"dark", "name: Night\ncolors:\n  text: '#F3F4F6'\n  background: '#111827'\n  accent: '#93C5FD'\n  primary: '#1E3A8A'\n", nil},
		{"png logo", "logo: logo.png\n", nil},
		{"pale text", "colors:\n  text: '#AAAAAA'\n", []string{"theme.yaml:2:3: body text on the background: #AAAAAA on #FFFFFF is 2.32:1", "nearest colors.text that passes is #"}},
		{"brand yellow as red", "colors:\n  red: '#FFD700'\n  yellow: '#FFE680'\n", nil}, // dark ink on them passes
		{"mid grey primary", "colors:\n  primary: '#808080'\n  text: '#595959'\n", []string{"titles and table headers on the primary colour", "nearest colors.primary"}},
		{"typo", "colours:\n  text: '#000'\n", []string{`theme.yaml:1:1: unknown key "colours"; did you mean "colors"?`}},
		{"nested typo", "colors:\n  backgrund: '#000'\n", []string{`did you mean "colors.background"?`}},
		{"bad hex", "colors:\n  text: 'navy'\n", []string{"theme.yaml:2:9: colors.text: colour \"navy\" must start with #"}},
		{"missing logo", "logo: nope.png\n", []string{"theme.yaml:1:7: logo:", "nope.png"}},
		{"not a font", "font: {regular: notafont.ttf, bold: notafont.ttf}\n", []string{"is not a TrueType or OpenType font"}},
		{"one font", "font: {regular: font.ttf}\n", []string{"font needs both regular and bold"}},
		{"bad date", "date: dd.MM.jjjj\n", []string{`"jjjj" is not a date field`}},
		{"list", "- a\n", []string{"a theme is a mapping"}},
		{"syntax", "name: [\n", []string{"not valid YAML"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, "theme.yaml", c.body)
			th, err := Load(p)
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				if th.Path != p {
					t.Errorf("Path = %q", th.Path)
				}
				return
			}
			if err == nil {
				t.Fatalf("Load succeeded; want an error with %q", c.want)
			}
			msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q\n  lacks %q", msg, w)
				}
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	for p, want := range map[string]string{
		"d MMMM yyyy":   "7 March 2026",
		"dd/MM/yyyy":    "07/03/2026",
		"MMM d, yyyy":   "Mar 7, 2026",
		"yyyy-MM-dd":    "2026-03-07",
		"d 'de' MMMM":   "7 de March",
		"d.M.yy":        "7.3.26",
		"'week of' d M": "week of 7 3",
	} {
		if got := FormatDate(p, d, English); got != want {
			t.Errorf("FormatDate(%q) = %q, want %q", p, got, want)
		}
	}
}
