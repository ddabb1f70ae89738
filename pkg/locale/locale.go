// Package locale holds the fixed words of everything cxmap draws (deck,
// site, render, report, workbook) in each language it speaks, and formats
// numbers, percentages and dates the way that language writes them.
//
// Catalogues are YAML files in messages/<area>/<lang>.yaml, keyed by the
// English text, so a translator reads them without code and a missing
// translation falls back to English (Missing names it; a test fails on any
// for the complete languages). Plurals use CLDR's plural rules and number
// formats come from golang.org/x/text, which cxmap already depends on for
// Unicode normalisation; go-i18n would add a dependency to do the same.
//
// The journey's own text is never translated.
package locale

import (
	"embed"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/theme"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

//go:embed messages
var files embed.FS

// Complete are the languages whose catalogues must hold every message.
var Complete = []string{"en", "fr", "de", "ar", "he"}

// entry is one message: a plain text, or plural forms by CLDR category.
type entry struct {
	text   string
	plural map[string]string // "one", "other", ...
}

var (
	loadOnce sync.Once
	catalogs map[string]map[string]entry // by base language
	loadErr  error
)

// load reads every catalogue once, at first use (not at start-up). The
// catalogues are split by area, messages/<area>/<lang>.yaml (common,
// render, deck, site, report, ...), so each output keeps its own words in
// its own file; a language is the union of its files. An id may be in two
// areas only with the same words (it is one message); otherwise the
// catalogues do not load, and a test says where.
func load() {
	catalogs = map[string]map[string]entry{}
	from := map[string]map[string]string{} // lang -> id -> file, for the duplicate check
	loadErr = fs.WalkDir(files, "messages", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".yaml" {
			return err
		}
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		data, err := files.ReadFile(name)
		if err != nil {
			return err
		}
		var raw map[string]yaml.Node
		if err := yaml.Unmarshal(data, &raw); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if catalogs[lang] == nil {
			catalogs[lang], from[lang] = map[string]entry{}, map[string]string{}
		}
		m := catalogs[lang]
		for k, v := range raw {
			if prev, dup := from[lang][k]; dup {
				// The same words in two areas are one message; two
				// different translations of one id cannot both be right.
				if old := m[k]; v.Kind != yaml.ScalarNode || old.plural != nil || old.text != v.Value {
					return fmt.Errorf("%s:%d: %q is already in %s with other words; keep one", name, v.Line, k, prev)
				}
				continue
			}
			from[lang][k] = name
			switch v.Kind {
			case yaml.ScalarNode:
				m[k] = entry{text: v.Value}
			case yaml.MappingNode:
				forms := map[string]string{}
				if err := v.Decode(&forms); err != nil {
					return fmt.Errorf("%s: %q: %v", name, k, err)
				}
				m[k] = entry{plural: forms}
			default:
				return fmt.Errorf("%s:%d: %q must be text or plural forms", name, v.Line, k)
			}
		}
		return nil
	})
}

// Languages lists the languages with a catalogue.
func Languages() []string {
	loadOnce.Do(load)
	out := make([]string, 0, len(catalogs))
	for l := range catalogs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Locale is a language to write fixed words, numbers and dates in.
type Locale struct {
	Tag      language.Tag // as asked for, e.g. fr-CA
	Lang     string       // the catalogue used, e.g. fr
	Fallback bool         // no catalogue for the language: English
	msgs, en map[string]entry
	printer  *message.Printer
}

// New parses a BCP 47 tag ("fr", "de-CH", "pt-BR") and picks the
// catalogue of its language, or English (Fallback) when there is none. An
// unparsable tag is an error naming the closest known language.
func New(tag string) (*Locale, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	t, err := language.Parse(tag)
	if err != nil {
		msg := fmt.Sprintf("locale %q is not a BCP 47 language tag (like en, fr, de-CH)", tag)
		if s := names.Suggest(tag, Languages()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return nil, fmt.Errorf("%s", msg)
	}
	base, _ := t.Base()
	l := &Locale{Tag: t, Lang: base.String(), en: catalogs["en"]}
	if m, ok := catalogs[l.Lang]; ok {
		l.msgs = m
	} else {
		l.Lang, l.Fallback, l.msgs = "en", true, l.en
	}
	// Without a catalogue everything is English, numbers included, rather
	// than English words beside another script's digits.
	l.printer = message.NewPrinter(digits(t, l.Lang))
	if l.Fallback {
		l.printer = message.NewPrinter(language.English)
	}
	return l, nil
}

// T is the message id in the locale's language, with {x}, {y}, {z} replaced
// by args in order. An id with no translation is English; one unknown even
// to English is itself.
//
// RatingCounts are the steps by rating, worst first, in the rating words
// (journey.RatingWord) and the locale's numbers: "1 Very unhappy", "2
// Unhappy", "3 Working well", "0 Not rated". The report, the site and the
// deck write their counts with it, joined with List or " · ".
func (l *Locale) RatingCounts(red, yellow, green, unrated int) []string {
	item := func(n int, r string) string { return l.Int(n) + " " + l.T(journey.RatingWord(r)) }
	return []string{item(red, journey.Red), item(yellow, journey.Yellow), item(green, journey.Green), item(unrated, "")}
}

// List joins items as the locale writes a list: with its separator (the
// message ", ": "، " in Arabic), ", " in English and for a nil Locale.
func (l *Locale) List(items []string) string {
	return strings.Join(items, l.T(", "))
}

// A nil *Locale is English throughout, with whole numbers in plain digits:
// what every output wrote before locales, so an output keeps a nil Locale
// for its default instead of a wrapper of its own.
func (l *Locale) T(id string, args ...any) string {
	if l == nil {
		l = english()
	}
	e, ok := l.msgs[id]
	if !ok || (e.text == "" && e.plural == nil) {
		e, ok = l.en[id]
	}
	s := id
	if ok && e.text != "" {
		s = e.text
	} else if ok {
		s = e.plural["other"]
	}
	return fill(s, args)
}

// N is the plural message id for count n: "{n} steps" gives "1 step",
// "2 steps" (in French "1 étape", "0 étape": CLDR's rules for each language).
func (l *Locale) N(id string, n int, args ...any) string {
	num := l.Int(n) // nil: plain digits
	if l == nil {
		l = english()
	}
	e, ok := l.msgs[id]
	if !ok || (e.plural == nil && e.text == "") {
		e, ok = l.en[id] // a language whose word does not change with the count may give one text
	}
	s := id
	if ok && e.plural != nil {
		form := plural.Cardinal.MatchPlural(l.Tag, n, 0, 0, 0, 0)
		s = e.plural[formName(form)]
		if s == "" {
			s = e.plural["other"]
		}
	} else if ok {
		s = e.text
	}
	return strings.ReplaceAll(fill(s, args), "{n}", num)
}

func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

func fill(s string, args []any) string {
	for i, k := range []string{"{x}", "{y}", "{z}"} {
		if i < len(args) {
			s = strings.ReplaceAll(s, k, fmt.Sprint(args[i]))
		}
	}
	return s
}

// digits is the tag numbers are written with. Arabic is written with
// Latin digits (1, 2, 3) unless the tag asks for others (ar-u-nu-arab):
// the blueprint pictures, step numbers and slide numbers a deck refers to
// are Latin, and Gulf and Egyptian business decks use them (CLDR's own
// default for a bare "ar" is Arabic-Indic; docs/theme.md says why not).
func digits(t language.Tag, lang string) language.Tag {
	if lang != "ar" || t.TypeForKey("nu") != "" {
		return t
	}
	if n, err := t.SetTypeForKey("nu", "latn"); err == nil {
		return n
	}
	return t
}

// bidiMarks are the invisible direction marks CLDR puts around a number's
// signs ("35\u200e%\u200e"): a PDF would draw them as missing glyphs, and
// a number in Latin digits keeps its order without them.
var bidiMarks = strings.NewReplacer("\u200e", "", "\u200f", "", "\u061c", "")

// Int writes a whole number with the language's grouping (1,234 · 1 234).
// A nil Locale writes plain digits (1234), as outputs did before locales.
func (l *Locale) Int(n int) string {
	if l == nil {
		return strconv.Itoa(n)
	}
	return bidiMarks.Replace(l.printer.Sprint(number.Decimal(n)))
}

// english is the English locale a nil *Locale stands for.
var english = sync.OnceValue(func() *Locale {
	l, err := New("en")
	if err != nil {
		panic("locale: the English catalogue does not load: " + err.Error())
	}
	return l
})

// Number writes x with at most decimals places, the language's decimal
// sign and grouping, and no trailing zeros (3.5 · 3,5; 12 not 12.0).
func (l *Locale) Number(x float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	x = math.Round(x*p) / p
	return bidiMarks.Replace(l.printer.Sprint(number.Decimal(x, number.MaxFractionDigits(decimals))))
}

// Percent writes a share given in percent (35 for 35%) the way the language
// does: "35%" in English, "35 %" in French and German (with a no-break
// space, so it never wraps).
func (l *Locale) Percent(pct float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	pct = math.Round(pct*p) / p
	return bidiMarks.Replace(l.printer.Sprint(number.Percent(pct/100, number.MaxFractionDigits(decimals))))
}

// Months are the locale's month names.
func (l *Locale) Months() theme.Months {
	m := theme.English
	for i := range m.Long {
		m.Long[i] = l.T(theme.English.Long[i])
		m.Short[i] = l.T(theme.English.Short[i] + ".")
		if m.Short[i] == theme.English.Short[i]+"." {
			m.Short[i] = theme.English.Short[i]
		}
	}
	return m
}

// Date writes d with a theme's date pattern and the locale's month names.
func (l *Locale) Date(d time.Time, pattern string) string {
	return theme.FormatDate(pattern, d, l.Months())
}

// RTL reports a language written right to left: the deck and the site are
// laid out right to left (the blueprint stays a left-to-right timeline).
// A language without a catalogue is shown in English, left to right.
//
// The direction is the script's: CLDR's likely script of the tag (ar,
// ur, fa: Arabic; he, yi: Hebrew; az-Arab: Arabic; ar-Latn: Latin), and
// whether Unicode writes that script right to left.
func (l *Locale) RTL() bool { return l != nil && !l.Fallback && rtl(l.Tag) }

func rtl(t language.Tag) bool {
	s, _ := t.Script()
	return rtlScripts[s.String()]
}

// rtlScripts are the ISO 15924 scripts in use today that Unicode writes
// right to left (their letters are bidi class R or AL); x/text has the
// tag-to-script data but not a script's direction.
var rtlScripts = map[string]bool{
	"Adlm": true, "Arab": true, "Hebr": true, "Mand": true, "Nkoo": true,
	"Rohg": true, "Samr": true, "Syrc": true, "Thaa": true, "Yezi": true,
}

// Missing lists the message ids English has and lang's catalogue lacks, or
// whose plural forms lack "other", sorted.
func Missing(lang string) []string {
	loadOnce.Do(load)
	m := catalogs[lang]
	var out []string
	for id, e := range catalogs["en"] {
		t, ok := m[id]
		switch {
		case !ok:
			out = append(out, id)
		case e.plural != nil && (t.plural == nil || t.plural["other"] == ""):
			out = append(out, id+" (plural forms)")
		}
	}
	sort.Strings(out)
	return out
}

// Duration writes d as journey.FormatDuration does, with the units in the
// locale's words ("2w 3d" in English, "2 sem. 3 j" in French).
// A nil Locale writes journey.FormatDuration's English units.
func (l *Locale) Duration(d time.Duration) string {
	if l == nil {
		return journey.FormatDuration(d)
	}
	return journey.FormatDurationWith(d, func(n int64, unit byte) string {
		return strings.ReplaceAll(l.T("{n}"+string(unit)), "{n}", l.Int(int(n)))
	})
}
