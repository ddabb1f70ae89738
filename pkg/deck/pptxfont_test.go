package deck

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/brandtest"
)

func TestEmbeddable(t *testing.T) {
	for _, c := range []struct {
		fsType uint16
		ok     bool
		why    string
	}{
		{0x0000, true, ""},           // installable
		{0x0002, false, "forbids"},   // restricted
		{0x0004, true, ""},           // preview and print
		{0x0008, true, ""},           // editable
		{0x000A, true, ""},           // an old font: restricted|editable, the least restrictive wins
		{0x0102, false, "forbids"},   // restricted, no subsetting
		{0x0108, true, ""},           // editable, no subsetting (cxmap never subsets)
		{0x0200, false, "bitmap"},    // bitmap embedding only
		{0x0208, false, "bitmap"},    // editable, but bitmaps only
		{0x0000 | 0x00F0, true, ""},  // reserved bits set: ignored
		{0x0002 | 0x0004, true, ""},  // restricted|preview: preview wins
		{0x0002 | 0x0200, false, ""}, // both refusals
	} {
		ok, why := embeddable(c.fsType)
		if ok != c.ok || !strings.Contains(why, c.why) {
			t.Errorf("embeddable(%#04x) = %v %q, want %v and a reason with %q", c.fsType, ok, why, c.ok, c.why)
		}
	}
}

func TestPitchFamily(t *testing.T) {
	for _, c := range []struct {
		name   string
		panose string
		fixed  bool
		want   int
	}{
		{"Go (sans)", "020B0600000000000000", false, 0x22},
		{"Arial", "020B0604020202020204", false, 0x22},
		{"Times New Roman (serif)", "02020603050405020304", false, 0x12},
		{"Courier New (panose monospaced)", "02070309020205020404", false, 0x31},
		{"a mono font by its post table", "020B0509000000000000", true, 0x31},
		{"a script face", "03010101010101010101", false, 0x42},
		{"no classification", "00000000000000000000", false, 0x02},
	} {
		var fi sfntInfo
		for i := range fi.Panose {
			var b byte
			for _, ch := range c.panose[2*i : 2*i+2] {
				b = b*16 + byte(strings.IndexRune("0123456789ABCDEF", ch))
			}
			fi.Panose[i] = b
		}
		fi.FixedPitch = c.fixed
		if got := fi.pitchFamily(); got != c.want {
			t.Errorf("%s: pitchFamily %#x, want %#x", c.name, got, c.want)
		}
		if fi.panoseHex() != c.panose {
			t.Errorf("%s: panose %s, want %s", c.name, fi.panoseHex(), c.panose)
		}
	}
}

// TestEOT: the .fntdata part is an EOT 2.2 header from the font's tables
// and the font unchanged; libeot's eot2ttf (Debian eot2ttf, the library
// LibreOffice 25.8 imports PPTX fonts with) gives the font back whole.
func TestEOT(t *testing.T) {
	ttf, err := os.ReadFile(filepath.Join("..", "..", "examples", "themes", "fonts", "Go-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	fi, err := readSfntInfo(ttf)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Weight != 600 || fi.Italic || fi.FsType != 0 {
		t.Errorf("Go Bold: weight %d, italic %v, fsType %#x; want 600 (Go Bold says so), false, 0", fi.Weight, fi.Italic, fi.FsType)
	}
	e := eot(ttf, fi)
	le := binary.LittleEndian
	if got := le.Uint32(e); int(got) != len(e) {
		t.Errorf("EOTSize %d, the part is %d bytes", got, len(e))
	}
	if got := le.Uint32(e[4:]); int(got) != len(ttf) {
		t.Errorf("FontDataSize %d, the font is %d bytes", got, len(ttf))
	}
	if v, flags, magic := le.Uint32(e[8:]), le.Uint32(e[12:]), le.Uint16(e[34:]); v != 0x00020002 || flags != 0 || magic != 0x504C {
		t.Errorf("version %#x flags %#x magic %#x; want 0x20002, 0, 0x504c", v, flags, magic)
	}
	if w := le.Uint32(e[28:]); w != 600 {
		t.Errorf("weight %d in the header", w)
	}
	if !bytes.Equal(e[len(e)-len(ttf):], ttf) {
		t.Error("the font data is not the font file unchanged")
	}
	// The family name follows the fixed header (offset 80: padding, size).
	if n := int(le.Uint16(e[82:])); n != 2*len("Go\x00") || string(e[84:84+n]) != "G\x00o\x00\x00\x00" {
		t.Errorf("FamilyName: %q", e[84:84+n])
	}
	eot2ttf, err := exec.LookPath("eot2ttf")
	if err != nil {
		t.Skip("eot2ttf (Debian eot2ttf, libeot) is not installed: the part is checked by its header only")
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		data []byte
		ok   bool
	}{
		{"whole", e, true},
		{"bad magic", append(append([]byte{}, e[:34]...), append([]byte{0, 0}, e[36:]...)...), false},
	} {
		in, out := filepath.Join(dir, "in.fntdata"), filepath.Join(dir, c.name+".ttf")
		if err := os.WriteFile(in, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		msg, err := exec.Command(eot2ttf, in, out).CombinedOutput()
		back, _ := os.ReadFile(out)
		if got := err == nil && bytes.Equal(back, ttf); got != c.ok {
			t.Errorf("%s: eot2ttf gives the font back: %v, want %v (%v %s)", c.name, got, c.ok, err, msg)
		}
	}
}

// TestPPTXEmbedsThemeFont: a themed PPTX embeds the theme's font under the
// typeface its theme part names; a font whose licence forbids embedding is
// named but not embedded, and the warning names its file.
func TestPPTXEmbedsThemeFont(t *testing.T) {
	night := brandtest.Theme(t, "night.yaml")
	reg, err := os.ReadFile(night.Font.Regular)
	if err != nil {
		t.Fatal(err)
	}
	// A copy of Go Regular whose OS/2 fsType says restricted (checksums
	// left stale: nothing may depend on them).
	restricted := filepath.Join(t.TempDir(), "Restricted-Regular.ttf")
	tabs, _ := sfntTables(reg)
	os2 := bytes.Index(reg, tabs["OS/2"])
	patched := append([]byte{}, reg...)
	binary.BigEndian.PutUint16(patched[os2+8:], 0x0002)
	if err := os.WriteFile(restricted, patched, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		regular string
		embed   bool
	}{
		{"Go, installable", night.Font.Regular, true},
		{"restricted regular", restricted, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			th := *night
			th.Font.Regular = c.regular
			j := loadFile(t, "../../examples/insurance-claim.yaml")
			d, err := Build(j, Options{Theme: &th})
			if err != nil {
				t.Fatal(err)
			}
			parts := pptxParts(t, d)
			pres := string(parts["ppt/presentation.xml"])
			rels := string(parts["ppt/_rels/presentation.xml.rels"])
			types := string(parts["[Content_Types].xml"])
			// The typeface the theme's font scheme names.
			m := regexp.MustCompile(`<a:minorFont><a:latin typeface="([^"]*)" panose="([0-9A-F]{20})" pitchFamily="(\d+)" charset="0"/>`).FindStringSubmatch(string(parts["ppt/theme/theme1.xml"]))
			if m == nil {
				t.Fatalf("theme1.xml names no font with PANOSE and pitch:\n%s", parts["ppt/theme/theme1.xml"])
			}
			if m[1] != "Go" || m[2] != "020B0600000000000000" || m[3] != "34" {
				t.Errorf("theme font %q panose %s pitchFamily %s; want Go, 020B0600000000000000, 34 (variable, swiss)", m[1], m[2], m[3])
			}
			warn := d.FontWarnings()
			if !c.embed {
				if strings.Contains(pres, "embeddedFont") || strings.Contains(rels, "fntdata") || strings.Contains(types, "fntdata") || parts["ppt/fonts/font1.fntdata"] != nil {
					t.Error("a restricted font is embedded")
				}
				if !strings.Contains(pres, `saveSubsetFonts="1"`) {
					t.Error("presentation.xml lost saveSubsetFonts")
				}
				if len(warn) != 1 || !strings.Contains(warn[0], restricted) || !strings.Contains(warn[0], "fsType 0x0002") || !strings.Contains(warn[0], "Install it") {
					t.Errorf("warning %q does not name the file, the permission and the fix", warn)
				}
				return
			}
			if len(warn) != 0 {
				t.Errorf("warnings for an embeddable font: %q", warn)
			}
			var p struct {
				EmbedTT string    `xml:"embedTrueTypeFonts,attr"`
				Subset  string    `xml:"saveSubsetFonts,attr"`
				Notes   *struct{} `xml:"notesSz"`
				Fonts   []struct {
					Font struct {
						Typeface string `xml:"typeface,attr"`
						Panose   string `xml:"panose,attr"`
					} `xml:"font"`
					Regular struct {
						ID string `xml:"id,attr"`
					} `xml:"regular"`
					Bold struct {
						ID string `xml:"id,attr"`
					} `xml:"bold"`
				} `xml:"embeddedFontLst>embeddedFont"`
			}
			if err := xml.Unmarshal([]byte(pres), &p); err != nil {
				t.Fatal(err)
			}
			if p.EmbedTT != "1" || p.Subset != "" {
				t.Errorf("embedTrueTypeFonts=%q saveSubsetFonts=%q; want 1 and none (PowerPoint re-embeds the whole font on save)", p.EmbedTT, p.Subset)
			}
			if !regexp.MustCompile(`<p:notesSz [^>]*/><p:embeddedFontLst>`).MatchString(pres) {
				t.Error("p:embeddedFontLst does not follow p:notesSz (CT_Presentation's order)")
			}
			if len(p.Fonts) != 1 || p.Fonts[0].Font.Typeface != m[1] || p.Fonts[0].Font.Panose != m[2] {
				t.Fatalf("embedded fonts %+v; want one, the theme's %q", p.Fonts, m[1])
			}
			var r struct {
				Rel []struct {
					ID     string `xml:"Id,attr"`
					Type   string `xml:"Type,attr"`
					Target string `xml:"Target,attr"`
				} `xml:"Relationship"`
			}
			if err := xml.Unmarshal([]byte(rels), &r); err != nil {
				t.Fatal(err)
			}
			target := map[string]string{}
			ids := map[string]int{}
			for _, x := range r.Rel {
				ids[x.ID]++
				if strings.HasSuffix(x.Type, "/relationships/font") {
					target[x.ID] = x.Target
				}
			}
			for id, n := range ids {
				if n > 1 {
					t.Errorf("relationship id %s used %d times", id, n)
				}
			}
			for i, c := range []struct{ id, file string }{{p.Fonts[0].Regular.ID, night.Font.Regular}, {p.Fonts[0].Bold.ID, night.Font.Bold}} {
				tgt := target[c.id]
				part := parts["ppt/"+tgt]
				if tgt == "" || part == nil {
					t.Errorf("face %d: r:id %q points at no font part (%q)", i, c.id, tgt)
					continue
				}
				if !strings.Contains(types, `<Override PartName="/ppt/`+tgt+`" ContentType="application/x-fontdata"/>`) {
					t.Errorf("%s has no application/x-fontdata content type", tgt)
				}
				ttf, _ := os.ReadFile(c.file)
				if !bytes.HasSuffix(part, ttf) || binary.LittleEndian.Uint16(part[34:]) != 0x504C {
					t.Errorf("%s is not %s in an EOT header", tgt, c.file)
				}
			}
		})
	}
}

// TestLibreOfficeEmbeddedFont converts a Night-theme PPTX with LibreOffice
// on fonts that lack the Go fonts (a fontconfig file of the system's) and
// expects the PDF to use the embedded Go. LibreOffice imports a PPTX's
// embedded fonts from 25.8 on (with libeot); an older one skips, saying
// so: the Debian 12 LibreOffice 7.4 here ignores p:embeddedFontLst.
func TestLibreOfficeEmbeddedFont(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds to start")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (Debian libreoffice-impress) is not installed")
	}
	pdffonts, err := exec.LookPath("pdffonts")
	if err != nil {
		t.Skip("pdffonts (Debian poppler-utils) is not installed")
	}
	ver, _ := exec.Command(soffice, "--version").Output()
	m := regexp.MustCompile(`LibreOffice (\d+)\.(\d+)`).FindStringSubmatch(string(ver))
	if m == nil {
		t.Skipf("cannot read LibreOffice's version from %q", ver)
	}
	if major, minor := atoi(m[1]), atoi(m[2]); major < 25 || major == 25 && minor < 8 {
		t.Skipf("LibreOffice %s.%s imports no fonts embedded in a PPTX (from 25.8 on): the embedded font is checked by its package structure and eot2ttf only", m[1], m[2])
	}
	dir := t.TempDir()
	// The system's fonts only (no per-user ones), and Go must not be
	// among them: a rejectfont rule would hide the embedded font as well.
	conf := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts</dir><cachedir>`+filepath.Join(dir, "fccache")+`</cachedir></fontconfig>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if fcMatch, err := exec.LookPath("fc-match"); err == nil {
		cmd := exec.Command(fcMatch, "-f", "%{family}", "Go")
		cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
		if out, _ := cmd.Output(); strings.Split(string(out), ",")[0] == "Go" {
			t.Skip("the Go fonts are installed in /usr/share/fonts: an embedded Go cannot be told from them")
		}
	}
	d, err := Build(loadFile(t, "../../examples/insurance-claim.yaml"), Options{Theme: brandtest.Theme(t, "night.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	libreOfficePDF(t, soffice, dir, d, "FONTCONFIG_FILE="+conf)
	fonts, err := exec.Command(pdffonts, filepath.Join(dir, "deck.pdf")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, fonts)
	}
	if !regexp.MustCompile(`(?m)^\S*\+Go`).Match(fonts) {
		t.Errorf("LibreOffice %s.%s did not use the embedded Go font:\n%s", m[1], m[2], fonts)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
