package raster

import (
	"bytes"
	"fmt"
	"testing"
)

// malformed are inputs a broken or hostile caller could pass; none may
// panic, and the structurally broken ones must be errors.
var malformed = []struct {
	in      string
	wantErr bool
}{
	{``, true},
	{`null`, true},
	{`{}`, true},
	{`{"bb":null}`, true},
	{`{"bb":"0,0,10,10","objects":{}}`, true},
	{`{"bb":"0,0,10,10","objects":[null]}`, false},
	{`{"bb":"0,0,10,10","objects":[1,2]}`, true},
	{`{"bb":"0,0,10,10","_draw_":[null,{},{"op":""},{"op":"XY"}]}`, false},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"P","points":null}]}`, true},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"b","points":[[0,0],[1,1],[2,2],[3,"x"]]}]}`, true},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"T","pt":[1,1],"text":"\u0000\u0007\ud83d"}]}`, false},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"F","size":0,"face":""},{"op":"T","pt":[1,1],"text":"x"}]}`, false},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"F","size":1e6,"face":"Arial"},{"op":"T","pt":[1,1],"text":"x"}]}`, true},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"S","style":"setlinewidth(1e300)"},{"op":"L","points":[[0,0],[5,5]]}]}`, false},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"S","style":"setlinewidth("},{"op":"e","rect":[5,5,0,0]}]}`, false},
	{`{"bb":"0,0,10,10","_draw_":[{"op":"c","color":"#zzzzzz"},{"op":"p","points":[[0,0],[0,0],[0,0]]}]}`, false},
	{`{"bb":"-5,-5,5,5","_draw_":[{"op":"P","points":[[-100,-100],[100,-100],[100,100]]}]}`, false},
	{`{"bb":"0,0,1e400,1"}`, true},
	{`{"bb":"0,0,10,10","_subgraph_cnt":-3,"objects":[{"name":"n"}]}`, false},
}

func TestMalformed(t *testing.T) {
	for _, tt := range malformed {
		errPNG := PNG(new(bytes.Buffer), []byte(tt.in), 1)
		errPDF := PDF(new(bytes.Buffer), []byte(tt.in))
		if (errPNG != nil) != tt.wantErr || (errPDF != nil) != tt.wantErr {
			t.Errorf("%s: png err %v, pdf err %v, want error %v", tt.in, errPNG, errPDF, tt.wantErr)
		}
	}
}

// FuzzRender: any bytes give an image or an error, never a panic. Run
// longer with: go test ./pkg/raster -run '^$' -fuzz FuzzRender -fuzztime 1m
func FuzzRender(f *testing.F) {
	for _, tt := range malformed {
		f.Add([]byte(tt.in))
	}
	f.Add(readGolden(f, "swimlane.json"))
	f.Add(textDoc("Hé 😀", "r", flagBold|flagUnderline|flagStrike))
	f.Fuzz(func(t *testing.T, in []byte) {
		if s, err := Parse(in); err == nil {
			if w, h := PixelSize(s, 0.25); float64(w)*float64(h) > 4e6 {
				return // big but valid: only slow, not interesting
			}
		}
		_ = PNG(new(bytes.Buffer), in, 0.25)
		_ = PDF(new(bytes.Buffer), in)
	})
}

// TestConcurrent: the CLI may render several journeys at once; results
// must not depend on it (run with -race to check for shared state).
func TestConcurrent(t *testing.T) {
	in := readGolden(t, "hostile.json")
	var wantPNG, wantPDF bytes.Buffer
	if err := PNG(&wantPNG, in, 1); err != nil {
		t.Fatal(err)
	}
	if err := PDF(&wantPDF, in); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 4 {
		go func() {
			var p, d bytes.Buffer
			err := PNG(&p, in, 1)
			if err == nil {
				err = PDF(&d, in)
			}
			if err == nil && (!bytes.Equal(p.Bytes(), wantPNG.Bytes()) || !bytes.Equal(d.Bytes(), wantPDF.Bytes())) {
				err = fmt.Errorf("concurrent render gave different bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
