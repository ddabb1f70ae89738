package names

import "testing"

func TestLookup(t *testing.T) {
	reg := map[string]int{"json": 1, "csv": 2, "markdown": 3, "table": 4}
	if v, err := Lookup("format", "csv", reg); err != nil || v != 2 {
		t.Errorf("Lookup(csv) = %d, %v", v, err)
	}
	for name, want := range map[string]string{
		"jsn":   `format "jsn" is not one of csv, json, markdown, table; did you mean "json"?`,
		"tabel": `format "tabel" is not one of csv, json, markdown, table; did you mean "table"?`,
		"pdf":   `format "pdf" is not one of csv, json, markdown, table`,
	} {
		if _, err := Lookup("format", name, reg); err == nil || err.Error() != want {
			t.Errorf("Lookup(%q) = %v, want %s", name, err, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"touchpionts", "touchpoints"}, {"lanes", "lanes"}, {"zzz", ""}, {"stge", "stage"},
	} {
		if got := Suggest(c.s, []string{"touchpoints", "lanes", "stage"}); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
