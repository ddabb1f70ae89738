package names

import "testing"

func TestSuggest(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"touchpionts", "touchpoints"}, {"lanes", "lanes"}, {"zzz", ""}, {"stge", "stage"},
	} {
		if got := Suggest(c.s, []string{"touchpoints", "lanes", "stage"}); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
