package workertest

import (
	"fmt"
	"io"
	"testing"

	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/worker"
)

// lossy travels as text but loses a part on the way.
type lossy struct{ a, b string }

func (l lossy) MarshalText() ([]byte, error) { return []byte(l.a + "," + l.b), nil }
func (l *lossy) UnmarshalText(b []byte) error {
	l.a = string(b) // forgets to split
	return nil
}

type good struct {
	Out   string
	Rows  []string
	Level map[string]float64
	W     io.Writer
}

type bad struct {
	Out  string
	Lost lossy
	W    io.Writer
}

// recorder is a testing.TB that remembers failures instead of failing.
type recorder struct {
	testing.TB
	failed []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(f string, a ...any) {
	r.failed = append(r.failed, fmt.Sprintf(f, a...))
}
func (r *recorder) Fatalf(f string, a ...any) {
	r.failed = append(r.failed, fmt.Sprintf(f, a...))
	panic(r)
}
func (r *recorder) Fatal(a ...any) { r.Fatalf("%s", fmt.Sprint(a...)) }

func run(opts any, local []string, samples ...any) (failed []string) {
	r := &recorder{}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
		failed = r.failed
	}()
	CheckRoundTrip(r, opts, local, samples...)
	return r.failed
}

// TestCheckRoundTrip: a field that is lost on the way, a local field not
// listed, and a type with no sample each fail the check.
func TestCheckRoundTrip(t *testing.T) {
	if f := run(&good{}, []string{"W"}); len(f) != 0 {
		t.Errorf("good options failed: %q", f)
	}
	if f := run(&good{}, nil); len(f) == 0 {
		t.Error("an unlisted local field passed")
	}
	if f := run(&bad{}, []string{"W"}); len(f) == 0 {
		t.Error("a field with no sample passed")
	}
	if f := run(&bad{}, []string{"W"}, lossy{"p", "q"}); len(f) == 0 {
		t.Error("a field that loses data on the way passed")
	}
}

// TestLocaleTravels: a locale reaches a worker as its tag and is built
// again whole (pkg/locale/text.go), so French stays French.
func TestLocaleTravels(t *testing.T) {
	type withLocale struct {
		Locale *locale.Locale
		W      io.Writer
	}
	fr, err := locale.New("fr-CA")
	if err != nil {
		t.Fatal(err)
	}
	if f := run(&withLocale{}, []string{"W"}, fr); len(f) != 0 {
		t.Fatalf("%q", f)
	}
	b, err := worker.Encode(&withLocale{Locale: fr})
	if err != nil {
		t.Fatal(err)
	}
	var got withLocale
	if err := worker.Decode(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Locale.Lang != "fr" || got.Locale.Tag.String() != "fr-CA" || got.Locale.Int(1234567) != fr.Int(1234567) {
		t.Errorf("decoded locale %s (%s): %s, want fr-CA: %s", got.Locale.Tag, got.Locale.Lang, got.Locale.Int(1234567), fr.Int(1234567))
	}
}
