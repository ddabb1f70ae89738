package worker

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// TestRunAll: every job runs once and results keep their order, with each
// run's output, exit code and start error.
func TestRunAll(t *testing.T) {
	pathss := [][]string{{"a"}, {"b", "c"}, {"fail"}, {"d"}, {"e"}, {"f"}}
	var jobs []Job
	for _, p := range pathss {
		jobs = append(jobs, Job{Verb: "render", Paths: p})
	}
	res := RunAll(jobs, func(job Job, out io.Writer) (int, error) {
		if job.Paths[0] == "fail" {
			return 0, errors.New("cannot start")
		}
		fmt.Fprint(out, strings.Join(job.Paths, "+"))
		return len(job.Paths), nil
	})
	if len(res) != len(jobs) {
		t.Fatalf("%d results for %d runs", len(res), len(jobs))
	}
	for i, p := range pathss {
		r := res[i]
		if p[0] == "fail" {
			if r.Err == nil {
				t.Errorf("run %d: start error lost", i)
			}
			continue
		}
		if got, want := r.Out.String(), strings.Join(p, "+"); got != want || r.Code != len(p) {
			t.Errorf("run %d: output %q code %d, want %q code %d", i, got, r.Code, want, len(p))
		}
	}
}

// tag is loaded data that travels as its source, as a locale does.
type tag struct {
	name   string
	loaded bool
}

func (g *tag) MarshalText() ([]byte, error) { return []byte(g.name), nil }
func (g *tag) UnmarshalText(b []byte) error {
	g.name, g.loaded = string(b), true
	return nil
}

type streams struct {
	Out  io.Writer
	Name string
}

type opts struct {
	Out    string
	Scale  float64
	Rows   []string
	Levels map[string]int
	Locale *tag
	Inner  struct{ A, B string }
	Stderr io.Writer
	Hook   func() error
	IO     *streams
	cache  map[string]string
}

// TestEncodeDecode: data fields (plain, nested, and those that write
// themselves as text) travel; functions, interfaces, structs holding them
// and unexported fields stay.
func TestEncodeDecode(t *testing.T) {
	in := &opts{Out: "out", Scale: 2, Rows: []string{"pains"}, Levels: map[string]int{"x": 1},
		Locale: &tag{name: "fr"}, Stderr: io.Discard, Hook: func() error { return nil },
		IO: &streams{Name: "n"}, cache: map[string]string{"a": "b"}}
	in.Inner.A = "a"
	b, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	var got opts
	if err := Decode(b, &got); err != nil {
		t.Fatal(err)
	}
	want := opts{Out: "out", Scale: 2, Rows: []string{"pains"}, Levels: map[string]int{"x": 1}, Locale: &tag{name: "fr", loaded: true}}
	want.Inner.A = "a"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %+v\nwant %+v", got, want)
	}
	if l, w := Local(in), []string{"Stderr", "Hook", "IO", "cache"}; !reflect.DeepEqual(l, w) {
		t.Errorf("Local = %q, want %q", l, w)
	}
	// The same options give the same bytes.
	b2, _ := Encode(in)
	if string(b) != string(b2) {
		t.Errorf("two encodings differ:\n%s\n%s", b, b2)
	}
	for _, bad := range []string{`{"Stderr":null}`, `{"Nope":1}`, `{"Inner":{"C":"x"}}`, `[`} {
		if err := Decode([]byte(bad), &got); err == nil {
			t.Errorf("Decode(%s): no error", bad)
		}
	}
}

// TestJob: a job read back is the job sent.
func TestJob(t *testing.T) {
	j, err := NewJob("deck", &opts{Out: "d"}, []string{"a.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, `{"verb":%q,"options":%s,"paths":["a.yaml"]}`, j.Verb, j.Options)
	back, err := Read(strings.NewReader(sb.String()))
	if err != nil || back.Verb != "deck" || string(back.Options) != string(j.Options) || back.Paths[0] != "a.yaml" {
		t.Fatalf("read back %+v, %v", back, err)
	}
	if _, err := Read(strings.NewReader(`{"verb":"x","extra":1}`)); err == nil {
		t.Error("an unknown job field was accepted")
	}
}

func TestBatches(t *testing.T) {
	got := Batches([]string{"a", "b", "c", "d", "e"}, 2)
	if want := [][]string{{"a", "b"}, {"c", "d"}, {"e"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Batches = %q, want %q", got, want)
	}
	if got := Batches([]string{"a", "b"}, 0); len(got) != 2 {
		t.Errorf("per 0: %q", got)
	}
}
