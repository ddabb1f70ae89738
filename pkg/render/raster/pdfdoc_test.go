package raster

import (
	"bytes"
	"image/color"
	"strings"
	"testing"
	"time"
)

// TestHex: theme and deck colours read as the pictures' do; anything else
// is opaque black.
func TestHex(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want color.NRGBA
	}{
		{"#1F3A5F", color.NRGBA{0x1F, 0x3A, 0x5F, 255}},
		{"#1f3a5f", color.NRGBA{0x1F, 0x3A, 0x5F, 255}},
		{"#1F3A5F80", color.NRGBA{0x1F, 0x3A, 0x5F, 0x80}},
		{"#abc", color.NRGBA{A: 255}},
		{"1F3A5F", color.NRGBA{A: 255}},
		{"#GGGGGG", color.NRGBA{A: 255}},
		{"", color.NRGBA{A: 255}},
	} {
		if got := Hex(tc.in); got != tc.want {
			t.Errorf("Hex(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestNewPDFDate: a PDF's dates are the date given, or FixedDate, never
// the clock.
func TestNewPDFDate(t *testing.T) {
	for _, tc := range []struct {
		date time.Time
		want string
	}{
		{time.Time{}, "D:20000101"},
		{time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), "D:20260304"},
	} {
		doc := NewPDF(100, 50, tc.date)
		doc.AddPage()
		var b bytes.Buffer
		if err := doc.Output(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "/CreationDate ("+tc.want) || !strings.Contains(b.String(), "/ModDate ("+tc.want) {
			t.Errorf("date %v: no %s in the info dictionary", tc.date, tc.want)
		}
	}
}
