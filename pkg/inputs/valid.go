package inputs

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Sift says how LoadValid reports what it leaves out.
type Sift struct {
	// Errors receives "cxmap: <error>" for each input that could not be
	// read or is refused, and "no journey files found" when the arguments
	// name none.
	Errors io.Writer
	// Findings, when set, reports the findings of a journey that failed
	// validation (pkg/cli prints them as validate does).
	Findings func(path string, fs []finding.Finding)
	// UniqueIDs, when set, refuses a journey whose id an earlier one (in
	// path order) has, because the verb's files are named by id; it is what
	// happens instead ("not drawn, as its files would overwrite the
	// other's"); it needs the Journey (Options.Each keeps it).
	UniqueIDs string
}

// Valid is what LoadValid kept and why it left the rest out.
type Valid struct {
	// Results are the valid journeys' results in path order (Journey is
	// nil where Options.Each let it go).
	Results []Result
	// Invalid holds the results that failed validation.
	Invalid []Result
	// Failed: an input could not be read, or an id was used twice (the
	// verb exits 2).
	Failed bool
	// Found counts every result, valid or not.
	Found int
}

// Journeys are the valid journeys, in path order.
func (v *Valid) Journeys() []*journey.Journey {
	out := make([]*journey.Journey, len(v.Results))
	for i, r := range v.Results {
		out[i] = r.Journey
	}
	return out
}

// Paths are the valid journeys' paths, in path order.
func (v *Valid) Paths() []string {
	out := make([]string, len(v.Results))
	for i, r := range v.Results {
		out[i] = r.Path
	}
	return out
}

// LoadValid is the load-and-filter step of every verb that uses valid
// journeys (render, deck, measure, the workers; report and site through
// EachValid): it loads args
// (Load), reports the inputs that could not be read and the journeys that
// failed validation as s says, refuses a repeated id when s.UniqueIDs is
// set, and keeps the rest.
func LoadValid(args []string, o Options, s Sift) Valid {
	return Sort(Load(args, o), args, s)
}

// EachValid is LoadValid for a verb that takes each valid journey as it
// is parsed (report builds the journey's part of the report, site compacts
// it): fn is called in the goroutine that parsed the journey, for several
// journeys at once, before the results are gathered. When fn returns false
// the journey is let go (its Result keeps Path and Valid, Journey is nil),
// so that a large portfolio is never held in memory at once; true keeps
// it in Valid.Results. o.Each, when set, runs first. s.UniqueIDs needs the
// journeys kept.
func EachValid(args []string, o Options, s Sift, fn func(j *journey.Journey) (keep bool)) Valid {
	each := o.Each
	o.Each = func(r *Result) {
		if each != nil {
			each(r)
		}
		if r.Journey != nil && !fn(r.Journey) {
			r.Journey = nil
		}
	}
	return LoadValid(args, o, s)
}

// Sort is LoadValid on results already loaded.
func Sort(results []Result, args []string, s Sift) Valid {
	v := Valid{Found: len(results)}
	byID := map[string]string{}
	for _, r := range results {
		switch {
		case r.Err != nil:
			s.errorf("%v", r.Err)
			v.Failed = true
		case !r.Valid:
			if s.Findings != nil {
				s.Findings(r.Path, r.Findings)
			}
			v.Invalid = append(v.Invalid, r)
		default:
			if s.UniqueIDs != "" && r.Journey != nil {
				id := r.Journey.ID
				if other, ok := byID[id]; ok {
					s.errorf("%s: journey id %q is also used by %s; %s", r.Path, id, other, s.UniqueIDs)
					v.Failed = true
					continue
				}
				byID[id] = r.Path
			}
			v.Results = append(v.Results, r)
		}
	}
	if len(results) == 0 {
		s.errorf("no journey files found in %s", strings.Join(args, " "))
	}
	return v
}

func (s Sift) errorf(format string, args ...any) {
	if s.Errors != nil {
		fmt.Fprintf(s.Errors, "cxmap: "+format+"\n", args...)
	}
}
