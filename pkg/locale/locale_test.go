package locale

import (
	"strings"
	"testing"
	"time"
)

// TestCompleteLanguages: the languages cxmap calls complete have every
// message English has. The failure lists the missing ids as lint does.
func TestCompleteLanguages(t *testing.T) {
	for _, lang := range Complete {
		for _, id := range Missing(lang) {
			t.Errorf("pkg/locale/messages/*/%s.yaml: warning: no translation of %q; English is shown [missing-translation]", lang, id)
		}
	}
}

// TestMissingIsReported: a language without a catalogue falls back to
// English, and Missing names what it lacks.
func TestMissingIsReported(t *testing.T) {
	l, err := New("sv")
	if err != nil {
		t.Fatal(err)
	}
	if !l.Fallback || l.T("Where it hurts") != "Where it hurts" {
		t.Errorf("sv: Fallback=%v, T=%q", l.Fallback, l.T("Where it hurts"))
	}
	if m := Missing("sv"); len(m) == 0 || m[0] == "" {
		t.Errorf("Missing(sv) = %v, want every id", m)
	}
}

func TestTranslateAndFormat(t *testing.T) {
	d := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tag, got, want string
	}{
		{"en", must("en").T("Where it hurts"), "Where it hurts"},
		{"fr", must("fr").T("Where it hurts"), "Points de douleur"},
		{"de-CH", must("de-CH").T("Very unhappy"), "Sehr unzufrieden"},
		{"fr", must("fr").T("Blueprint page {x} of {y}", 3, 9), "Blueprint, page 3 sur 9"},
		{"en", must("en").N("{n} steps", 1), "1 step"},
		{"en", must("en").N("{n} steps", 2), "2 steps"},
		{"fr", must("fr").N("{n} steps", 0), "0 étape"}, // French: 0 and 1 are singular
		{"de", must("de").N("{n} steps", 0), "0 Schritte"},
		{"en", must("en").Int(1234567), "1,234,567"},
		{"de", must("de").Int(1234567), "1.234.567"},
		{"en", must("en").Number(3.5, 1), "3.5"},
		{"fr", must("fr").Number(3.5, 1), "3,5"},
		{"en", must("en").Number(12, 1), "12"},
		{"en", must("en").Percent(35, 0), "35%"},
		{"fr", must("fr").Date(d, "d MMMM yyyy"), "7 mars 2026"},
		{"de", must("de").Date(d, "d. MMMM yyyy"), "7. März 2026"},
		{"en", must("en").Date(d, "MMM d, yyyy"), "Mar 7, 2026"},
		{"fr", must("fr").Date(d, "d MMM yyyy"), "7 mars 2026"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.tag, c.got, c.want)
		}
	}
	// French and German put a (no-break) space before %.
	for _, tag := range []string{"fr", "de"} {
		p := must(tag).Percent(35, 0)
		if !strings.HasPrefix(p, "35") || !strings.HasSuffix(p, "%") || p == "35%" {
			t.Errorf("%s: Percent(35) = %q", tag, p)
		}
		if strings.Contains(p, " ") {
			t.Errorf("%s: Percent(35) = %q has a breaking space", tag, p)
		}
	}
}

func TestRTLAndBadTags(t *testing.T) {
	// The direction is the script's, from CLDR's likely script of the tag.
	for _, c := range []struct {
		tag string
		rtl bool
	}{
		{"ar", true}, {"ar-EG", true}, {"he-IL", true}, {"fa", true}, {"ur", true},
		{"yi", true}, {"dv", true}, {"az-Arab", true}, {"pa-Arab", true},
		{"fr", false}, {"az", false}, {"ar-Latn", false}, {"en", false}, {"zh", false},
	} {
		if got := rtl(must(c.tag).Tag); got != c.rtl {
			t.Errorf("rtl(%s) = %v, want %v", c.tag, got, c.rtl)
		}
	}
	// With its catalogue Arabic is right to left; a right-to-left language
	// without one is English, left to right, with Latin digits.
	for _, tag := range []string{"ar", "he"} {
		if l := must(tag); !l.RTL() || l.Fallback {
			t.Errorf("%s: RTL=%v Fallback=%v", tag, l.RTL(), l.Fallback)
		}
	}
	if ur := must("ur"); ur.RTL() || !ur.Fallback || ur.Percent(35, 0) != "35%" {
		t.Errorf("ur without a catalogue: RTL=%v Fallback=%v Percent=%q", ur.RTL(), ur.Fallback, ur.Percent(35, 0))
	}
	var nilLoc *Locale
	if nilLoc.RTL() {
		t.Error("a nil Locale is right to left")
	}
	if _, err := New("english please"); err == nil || !strings.Contains(err.Error(), "BCP 47") {
		t.Errorf("New(bad) = %v", err)
	}
}

// TestArabic (and Hebrew): Latin digits unless the tag asks for Arabic-Indic ones, no
// invisible direction marks in numbers, the Egyptian and Gulf month names,
// and CLDR's six plural forms.
func TestArabic(t *testing.T) {
	d := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{must("ar").Int(1234567), "1,234,567"},
		{must("ar").Number(3.5, 1), "3.5"},
		{must("ar").Percent(35, 0), "35%"},
		{must("ar-EG").Percent(35, 0), "35%"},
		{must("ar-u-nu-arab").Int(1234), "١٬٢٣٤"},
		{must("ar").Date(d, "d MMMM yyyy"), "7 مارس 2026"},
		{must("ar").Date(d, "d MMM yyyy"), "7 مارس 2026"},
		{must("ar").T("Where it hurts"), "مواطن الألم"},
		{must("ar").T("Blueprint page {x} of {y}", 3, 9), "مخطط الخدمة، الصفحة 3 من 9"},
		{must("ar").N("{n} steps", 1), "خطوة واحدة"},
		{must("ar").N("{n} steps", 2), "خطوتان"},
		{must("ar").N("{n} steps", 3), "3 خطوات"},
		{must("ar").N("{n} steps", 11), "11 خطوة"},
		{must("ar").N("{n} steps", 100), "100 خطوة"},
		// Hebrew: right to left too, Latin digits by CLDR's own default.
		{must("he").T("Where it hurts"), "איפה כואב"},
		{must("he").N("{n} steps", 1), "צעד אחד"},
		{must("he").N("{n} steps", 2), "שני צעדים"},
		{must("he").N("{n} steps", 20), "20 צעדים"},
		{must("he").Percent(35, 0), "35%"},
		{must("he").Date(d, "d MMM yyyy"), "7 מרץ 2026"},
		{must("he").Date(time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC), "d MMM yyyy"), "7 ינו׳ 2026"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func must(tag string) *Locale {
	l, err := New(tag)
	if err != nil {
		panic(err)
	}
	return l
}

// TestCataloguesLoad: every catalogue file reads, and no id has two
// different translations in two areas (outputs written in parallel add
// words to their own areas; a clash must fail here, not at run time).
func TestCataloguesLoad(t *testing.T) {
	loadOnce.Do(load)
	if loadErr != nil {
		t.Fatal(loadErr)
	}
}

// TestList: a list is joined with the locale's separator, the Arabic
// comma in Arabic, ", " in English and for a nil Locale.
func TestList(t *testing.T) {
	items := []string{"a", "b", "c"}
	for _, c := range []struct{ tag, want string }{
		{"", "a, b, c"}, {"en", "a, b, c"}, {"fr", "a, b, c"}, {"ar", "a، b، c"}, {"he", "a, b, c"},
	} {
		var l *Locale
		if c.tag != "" {
			var err error
			if l, err = New(c.tag); err != nil {
				t.Fatal(err)
			}
		}
		if got := l.List(items); got != c.want {
			t.Errorf("%q: List = %q, want %q", c.tag, got, c.want)
		}
	}
}

// TestRatingCounts: worst first, the rating words, the locale's numbers.
func TestRatingCounts(t *testing.T) {
	fr, err := New("fr")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		l    *Locale
		want string
	}{
		{nil, "1234 Very unhappy, 2 Unhappy, 3 Working well, 0 Not rated"},
		{fr, "1\u00a0234 Très insatisfait, 2 Insatisfait, 3 Satisfaisant, 0 Non évalué"},
	} {
		if got := c.l.List(c.l.RatingCounts(1234, 2, 3, 0)); got != c.want {
			t.Errorf("RatingCounts = %q, want %q", got, c.want)
		}
	}
}
