package diff

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/locale"
	"go.yaml.in/yaml/v3"
)

// elseDiff has one or more of everything Else reports.
func elseDiff(n int, time *TimeChange) *Diff {
	return &Diff{Summary: Summary{PainsRemoved: n, PainsAdded: 1, EntryRatingsImproved: n, EntryRatingsRegressed: 1, TargetsMet: n, TargetsLost: 1,
		MetricsImproved: n, MetricsRegressed: 1, OpportunitiesAdded: n, OpportunitiesRemoved: 1, OpportunitiesMoved: n, StatusChanges: 1,
		KPIsImproved: n, KPIsRegressed: 1}, Time: time}
}

// TestElseIn: without a locale, Else is the English it always was; in
// French and German no English word of diff's catalogue is left, and the
// durations are in the language's units.
func TestElseIn(t *testing.T) {
	saved := &TimeChange{From: 14*5*8*60 + 5*8*60, To: 5*5*8*60 + 5*8*60, Saved: 9 * 5 * 8 * 60, FromTimed: true, ToTimed: true}
	longer := &TimeChange{From: 60, To: 120, Saved: -60, FromTimed: true, ToTimed: true}
	untimed := &TimeChange{To: 3 * 8 * 60, ToTimed: true, FromUntimed: 2}
	for _, c := range []struct {
		d    *Diff
		want string
	}{
		{elseDiff(2, saved), "pains: 2 resolved, 1 new · touchpoint/backstage ratings: 2 improved, 1 regressed · targets: 2 now met, 1 lost · metrics: 2 improved, 1 worse · opportunities: 2 added, 1 closed, 2 moved, 1 changed status · KPIs: 2 improved, 1 worse · time: " + TimeText(saved)},
		{&Diff{Time: longer}, "time: 1h → 2h, 1h longer"},
		{&Diff{Time: untimed}, "time: not timed → 1d"},
		{&Diff{}, ""},
	} {
		if got := c.d.Else(); got != c.want {
			t.Errorf("Else:\n got %q\nwant %q", got, c.want)
		}
		if got := c.d.ElseIn(nil); got != c.want {
			t.Errorf("ElseIn(nil) %q differs from Else", got)
		}
	}
	if got := TimeText(saved); !strings.HasSuffix(got, " saved") || !strings.Contains(got, "w") {
		t.Errorf("TimeText %q", got)
	}
	en := englishPieces(t)
	for _, tag := range []string{"fr", "de"} {
		l, err := locale.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []*Diff{elseDiff(1, saved), elseDiff(2, longer), elseDiff(3, untimed)} {
			got := d.ElseIn(l)
			if got == "" || got == d.Else() {
				t.Fatalf("%s: ElseIn %q", tag, got)
			}
			for _, p := range en {
				if regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(p) + `($|[^\pL])`).MatchString(got) {
					t.Errorf("%s: English %q left in %q", tag, p, got)
				}
			}
		}
	}
	fr, _ := locale.New("fr")
	if got := elseDiff(1, saved).ElseIn(fr); !strings.Contains(got, "irritants : 1 résolu, 1 nouveau") || !strings.Contains(got, "sem.") || !strings.HasSuffix(got, " gagnés") {
		t.Errorf("French: %q", got)
	}
	if got := elseDiff(2, nil).HeadlineIn(fr); got != "aucune étape" {
		t.Errorf("French headline of no steps: %q", got)
	}
}

// englishPieces are the English words of diff's catalogue entries that
// Else writes (the text between placeholders), and the duration units.
func englishPieces(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../locale/messages/diff/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var out []string
	for id, text := range m {
		if !strings.Contains(id, ": {x}") && !strings.Contains(id, ")") && !strings.HasPrefix(id, "{x} ") {
			continue
		}
		for _, p := range regexp.MustCompile(`\{[nxyz]\}`).Split(text, -1) {
			if p = strings.Trim(p, " :,"); len(p) >= 3 {
				out = append(out, p)
			}
		}
	}
	return append(out, "not timed", "KPIs")
}
