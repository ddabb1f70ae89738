package raster

import (
	"image/color"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestConvertOp(t *testing.T) {
	pts := [][]float64{{0, 0}, {1, 1}, {2, 2}, {3, 3}}
	tests := []struct {
		name    string
		in      rawOp
		want    Op
		skip    bool
		wantErr string
	}{
		{name: "pen colour", in: rawOp{Op: "c", Grad: "none", Color: "#ff000080"}, want: Op{Kind: 'c', Color: "#ff000080"}},
		{name: "fill gradient takes first stop", in: rawOp{Op: "C", Grad: "linear", Stops: []rawStop{{0, "#00ff00"}, {1, "#0000ff"}}}, want: Op{Kind: 'C', Color: "#00ff00"}},
		{name: "style", in: rawOp{Op: "S", Style: "setlinewidth(2)"}, want: Op{Kind: 'S', Style: "setlinewidth(2)"}},
		{name: "filled polygon", in: rawOp{Op: "P", Points: pts[:3]}, want: Op{Kind: 'P', Points: []Point{{0, 0}, {1, 1}, {2, 2}}}},
		{name: "polyline", in: rawOp{Op: "L", Points: pts[:2]}, want: Op{Kind: 'L', Points: []Point{{0, 0}, {1, 1}}}},
		{name: "bezier", in: rawOp{Op: "b", Points: pts}, want: Op{Kind: 'b', Points: []Point{{0, 0}, {1, 1}, {2, 2}, {3, 3}}}},
		{name: "bezier wrong count", in: rawOp{Op: "B", Points: append(pts, []float64{4, 4})}, wantErr: "3n+1"},
		{name: "bezier too short", in: rawOp{Op: "b", Points: pts[:2]}, wantErr: "at least 4"},
		{name: "point not a pair", in: rawOp{Op: "p", Points: [][]float64{{0, 0}, {1}}}, wantErr: "point 1"},
		{name: "coordinate absurd", in: rawOp{Op: "p", Points: [][]float64{{0, 0}, {1e12, 0}}}, wantErr: "point 1"},
		{name: "ellipse", in: rawOp{Op: "E", Rect: []float64{10, 20, 5, 3}}, want: Op{Kind: 'E', Rect: [4]float64{10, 20, 5, 3}}},
		{name: "ellipse no rect", in: rawOp{Op: "e"}, wantErr: "rect"},
		{name: "font", in: rawOp{Op: "F", Size: 10, Face: "Arial"}, want: Op{Kind: 'F', Size: 10, Face: "Arial"}},
		{name: "font negative", in: rawOp{Op: "F", Size: -1}, wantErr: "font size"},
		{name: "text left", in: rawOp{Op: "T", Pt: []float64{5, 6}, Align: "l", Width: 30, Text: "Hi"}, want: Op{Kind: 'T', Points: []Point{{5, 6}}, Align: -1, Width: 30, Text: "Hi"}},
		{name: "text centre", in: rawOp{Op: "T", Pt: []float64{5, 6}, Align: "c", Text: "Hi"}, want: Op{Kind: 'T', Points: []Point{{5, 6}}, Align: 0, Text: "Hi"}},
		{name: "text right", in: rawOp{Op: "T", Pt: []float64{5, 6}, Align: "r", Text: "Hi"}, want: Op{Kind: 'T', Points: []Point{{5, 6}}, Align: 1, Text: "Hi"}},
		{name: "text without pt", in: rawOp{Op: "T", Text: "Hi"}, wantErr: "pt"},
		{name: "font characteristics", in: rawOp{Op: "t", Fontchar: 3}, want: Op{Kind: 't', Flags: 3}},
		{name: "image skipped", in: rawOp{Op: "I"}, skip: true},
		{name: "unknown skipped", in: rawOp{Op: "Z"}, skip: true},
		{name: "empty op skipped", in: rawOp{}, skip: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := convertOp(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ok == tt.skip {
				t.Fatalf("ok = %v, want %v", ok, !tt.skip)
			}
			if ok && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDrawableText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a\\b`, `a\b`},              // xdot's doubled backslash
		{`\\N and \\G`, `\N and \G`}, // escString names stay literal
		{`end\\`, `end\`},
		{`lone\`, `lone\`},
		{"&\u2060amp;", "&amp;"},
		{"zero\u200bwidth\ufeff", "zerowidth"},
		{"caf\u00e9 \u2014 \u65e5", "caf\u00e9 \u2014 \u65e5"},
		{"soft\u00adhyphen", "softhyphen"},
	}
	for _, tt := range tests {
		if got := drawableText(tt.in); got != tt.want {
			t.Errorf("drawableText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func kinds(l []Op) string {
	var b strings.Builder
	for _, op := range l {
		b.WriteByte(op.Kind)
	}
	return b.String()
}

func TestParseOrder(t *testing.T) {
	doc := func(order string) string {
		return `{"name":"G","bb":"0,0,100,50","outputorder":"` + order + `","_subgraph_cnt":1,
		"_draw_":[{"op":"C","grad":"none","color":"#ffffff"},{"op":"P","points":[[0,0],[0,50],[100,50],[100,0]]}],
		"objects":[
		  {"name":"cluster_a","bb":"0,0,50,50","_draw_":[{"op":"p","points":[[0,0],[0,50],[50,50]]}],"_ldraw_":[{"op":"T","pt":[1,1],"align":"l","width":5,"text":"A"}]},
		  {"name":"n","_draw_":[{"op":"e","rect":[10,10,5,5]}]}],
		"edges":[{"tail":1,"head":1,"_draw_":[{"op":"b","points":[[0,0],[1,1],[2,2],[3,3]]}],"_hdraw_":[{"op":"P","points":[[0,0],[1,1],[2,0]]}]}]}`
	}
	tests := []struct{ order, want string }{
		{"edgesfirst", "CP p T b P e"},
		{"", "CP p T e b P"},
		{"nodesfirst", "CP p T e b P"},
	}
	for _, tt := range tests {
		s, err := Parse([]byte(doc(tt.order)))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range s.Lists {
			got = append(got, kinds(l))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("order %q: lists %q, want %q", tt.order, strings.Join(got, " "), tt.want)
		}
		if s.Width() != 108 || s.Height() != 58 {
			t.Errorf("size %gx%g, want the bb plus 4 pt a side", s.Width(), s.Height())
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not json", `{"bb":`, "graphviz json"},
		{"array", `[]`, "graphviz json"},
		{"no bb", `{"name":"G"}`, "no bb"},
		{"bad bb", `{"bb":"0,0,x,1"}`, "bad bb"},
		{"three numbers", `{"bb":"0,0,1"}`, "bad bb"},
		{"empty bb", `{"bb":"0,0,0,0"}`, "empty bb"},
		{"draw is a string", `{"bb":"0,0,1,1","_draw_":"c 7 -#000000"}`, "_draw_"},
		{"bad op in node", `{"bb":"0,0,1,1","objects":[{"name":"n1","_draw_":[{"op":"p","points":[[1,2,3]]}]}]}`, `node "n1" _draw_: op 0`},
		{"bad op in edge", `{"bb":"0,0,1,1","edges":[{"_hdraw_":[{"op":"T","text":"x"}]}]}`, `edge "" _hdraw_`},
		{"bad pad", `{"bb":"0,0,1,1","pad":"x"}`, "bad pad"},
		{"negative pad", `{"bb":"0,0,1,1","pad":"-1"}`, "bad pad"},
		{"subgraph count too big", `{"bb":"0,0,1,1","_subgraph_cnt":9,"objects":[{"name":"c","_draw_":[{"op":"E"}]}]}`, `cluster "c"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParsePad(t *testing.T) {
	tests := []struct {
		pad          string
		wantX, wantY float64
	}{
		{"", 4, 4},
		{"0", 0, 0},
		{"0.1", 7.2, 7.2},
		{"0.5,0.25", 36, 18},
	}
	for _, tt := range tests {
		s, err := Parse([]byte(`{"bb":"10,20,110,70","pad":"` + tt.pad + `"}`))
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(s.PadX-tt.wantX) > 1e-9 || math.Abs(s.PadY-tt.wantY) > 1e-9 {
			t.Errorf("pad %q: %g,%g", tt.pad, s.PadX, s.PadY)
		}
		if math.Abs(s.Width()-(100+2*tt.wantX)) > 1e-9 || math.Abs(s.Height()-(50+2*tt.wantY)) > 1e-9 {
			t.Errorf("pad %q: page %gx%g", tt.pad, s.Width(), s.Height())
		}
	}
}

// TestParseGolden checks what Graphviz actually writes: a rounded filled
// cell is one filled B-spline ('B', not swapped), edges are unfilled 'b',
// arrowheads filled polygons, bold text flagged with t=1.
func TestParseGolden(t *testing.T) {
	in, err := os.ReadFile("../../../testdata/raster/swimlane.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, l := range s.Lists {
		all += kinds(l) + " "
	}
	for _, want := range []string{"ScCB ", "FctT", "Scb SScCP "} {
		if !strings.Contains(all, want) {
			t.Errorf("lists %q lack %q", all, want)
		}
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want color.NRGBA
	}{
		{"#1f3a5f", color.NRGBA{0x1f, 0x3a, 0x5f, 255}},
		{"#FFCC0080", color.NRGBA{0xff, 0xcc, 0x00, 0x80}},
		{"#fffffe00", color.NRGBA{0xff, 0xff, 0xfe, 0}},
		{"white", color.NRGBA{255, 255, 255, 255}},
		{"/x11/red", color.NRGBA{255, 0, 0, 255}},
		{"transparent", color.NRGBA{255, 255, 254, 0}},
		{"0 0 1", color.NRGBA{255, 255, 255, 255}},
		{"0.0,1.0,1.0", color.NRGBA{255, 0, 0, 255}},
		{"#12", color.NRGBA{A: 255}},
		{"no such colour", color.NRGBA{A: 255}},
	}
	for _, tt := range tests {
		if got := parseColor(tt.in); got != tt.want {
			t.Errorf("parseColor(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestApplyStyle(t *testing.T) {
	tests := []struct {
		styles []string
		width  float64
		dash   dash
		invis  bool
	}{
		{[]string{"dashed"}, 1, dashed, false},
		{[]string{"dotted", "solid"}, 1, solid, false},
		{[]string{"bold"}, 2, solid, false},
		{[]string{"setlinewidth(1.5)"}, 1.5, solid, false},
		{[]string{"setlinewidth(x)", "rounded", "filled"}, 1, solid, false},
		{[]string{"invis"}, 1, solid, true},
	}
	for _, tt := range tests {
		st := freshState()
		for _, s := range tt.styles {
			applyStyle(&st, s)
		}
		if st.width != tt.width || st.dash != tt.dash || st.invisible != tt.invis {
			t.Errorf("%v: width %v dash %v invis %v", tt.styles, st.width, st.dash, st.invisible)
		}
	}
}

func TestFontFor(t *testing.T) {
	tests := []struct {
		face  string
		flags int
		want  fontID
	}{
		{"Arial", 0, fontID{fam: sans}},
		{"Arial", flagBold, fontID{fam: sans, bold: true}},
		{"Arial", flagBold | flagItalic, fontID{fam: sans, bold: true, italic: true}},
		{"Helvetica-Bold", 0, fontID{fam: sans, bold: true}},
		{"Times-Roman", 0, fontID{fam: serif}},
		{"Courier", flagItalic, fontID{fam: mono, italic: true}},
		{"", 0, fontID{fam: sans}},
	}
	for _, tt := range tests {
		st := state{face: tt.face, flags: tt.flags}
		if got := fontFor(&st, nil); got != tt.want {
			t.Errorf("fontFor(%q, %d) = %+v, want %+v", tt.face, tt.flags, got, tt.want)
		}
	}
}

func TestHasGlyph(t *testing.T) {
	for _, r := range "Aé—●▲■✓✗⚠★△" { // the last five from the fallback
		if !HasGlyph(r, false) || !HasGlyph(r, true) {
			t.Errorf("HasGlyph(%q) = false", r)
		}
	}
	for _, r := range "日本語한국" { // from the CJK fallback
		if !HasGlyph(r, false) {
			t.Errorf("HasGlyph(%q) = false", r)
		}
	}
	for _, r := range "\U00013000\U00013001" { // hieroglyphs: no face has them
		if HasGlyph(r, false) {
			t.Errorf("HasGlyph(%q) = true", r)
		}
	}
}

func TestRuns(t *testing.T) {
	sansID := fontID{fam: sans}
	tests := []struct {
		in   string
		want []textRun
	}{
		{"plain", []textRun{{"plain", sansID}}},
		{"", nil},
		{"ok ✓ done", []textRun{{"ok ", sansID}, {"✓", symbolFont}, {" done", sansID}}},
		{"⚠★", []textRun{{"⚠★", symbolFont}}},
		{"日本", []textRun{{"日本", cjkFont}}},
		{"Ça coûte 日本", []textRun{{"Ça coûte ", sansID}, {"日本", cjkFont}}},
		{"\U00013000", []textRun{{"\U00013000", sansID}}}, // no face has it: one run, boxes
	}
	for _, tt := range tests {
		if got := runs(tt.in, sansID); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("runs(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// HasGlyph reports whether the text of a sans label can show r: the
// Liberation face (regular or bold) or a fallback (DejaVu Sans, Droid Sans
// Fallback) has a glyph.
// Characters without one (most emoji; all of them in PDF) show as boxes, so
// callers choosing marks can check first.
func HasGlyph(r rune, bold bool) bool {
	return has(fontID{fam: sans, bold: bold}, r) || has(symbolFont, r) || has(cjkFont, r)
}
