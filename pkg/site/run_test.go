package site

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun: the run writes the site and says so (unless quiet), reports a
// repeated id as Invalid with both files named, and writes no index when
// its context is cancelled.
func TestRun(t *testing.T) {
	claim := load(t, "../../examples/insurance-claim.yaml")
	onboarding := load(t, "../../examples/client-onboarding.yaml")
	dir := t.TempDir()
	twin := filepath.Join(dir, "twin.yaml")
	data, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(twin, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dup := load(t, twin)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ins     []Input
		ctx     context.Context
		quiet   bool
		want    Result
		log     []string
		err     error
		noIndex bool
	}{
		{name: "written", ins: append(onboarding, claim...), log: []string{"(2 journeys)\n"}},
		{name: "quiet", ins: claim, quiet: true},
		{name: "repeated id", ins: append(dup, claim...), want: Result{Invalid: true},
			log: []string{`journey id "insurance-claim" is also the id of`, "(1 journey)\n"}},
		{name: "cancelled", ins: claim, ctx: cancelled, err: context.Canceled, noIndex: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "site")
			var log bytes.Buffer
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			res, err := Run(ctx, tt.ins, RunOptions{Out: out, Quiet: tt.quiet, Log: &log})
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if res != tt.want {
				t.Errorf("result %+v, want %+v", res, tt.want)
			}
			for _, want := range tt.log {
				if !strings.Contains(log.String(), want) {
					t.Errorf("log %q lacks %q", log.String(), want)
				}
			}
			if len(tt.log) == 0 && log.Len() != 0 {
				t.Errorf("log %q, want nothing", log.String())
			}
			if _, err := os.Stat(filepath.Join(out, IndexPage)); (err != nil) != tt.noIndex {
				t.Errorf("index written: %v, want %v", err == nil, !tt.noIndex)
			}
		})
	}
}
