package finding

import (
	"reflect"
	"testing"
)

func TestParseLevel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Level
		ok   bool
	}{{"off", Off, true}, {"info", Info, true}, {"Warning", Warning, true}, {"error", Error, true}, {"fatal", Off, false}} {
		got, err := ParseLevel(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseLevel(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestSortAndDedup(t *testing.T) {
	a := Finding{Path: "a.yaml", Line: 2, Column: 1, Rule: "x", Message: "m"}
	b := Finding{Path: "a.yaml", Line: 10, Column: 1, Rule: "x", Message: "m"}
	c := Finding{Path: "b.yaml", Line: 1, Column: 1, Rule: "x", Message: "m"}
	fs := []Finding{c, b, a, b}
	Sort(fs)
	fs = Dedup(fs)
	if want := []Finding{a, b, c}; !reflect.DeepEqual(fs, want) {
		t.Errorf("got %v", fs)
	}
	e, w, i := Count([]Finding{{Level: Error}, {Level: Warning}, {Level: Warning}, {Level: Info}})
	if e != 1 || w != 2 || i != 1 {
		t.Errorf("Count = %d %d %d", e, w, i)
	}
}
