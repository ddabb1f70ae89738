package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCmdDeckFlags(t *testing.T) {
	io, _, _ := TestStreams("")
	var got *DeckOptions
	cmd := NewCmdDeck(io, func(o *DeckOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml", "dir", "-f", "pptx", "-o", "decks", "--size", "4:3", "--baseline", "old.yaml", "--no-emotion", "-v"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Paths, " ") != "a.yaml dir" || strings.Join(got.Formats, ",") != "pptx" || got.Out != "decks" || got.Size != "4:3" || got.Baseline != "old.yaml" || !got.NoEmotion || !got.Verbose {
		t.Errorf("options = %+v", got)
	}
}

func TestDeckRun(t *testing.T) {
	for _, tc := range []struct {
		name  string
		o     DeckOptions
		code  int
		files []string
		err   string
	}{
		{"both formats", DeckOptions{Paths: []string{"../../examples/insurance-claim.yaml"}, Formats: []string{"pdf", "pptx"}, Size: "16:9"}, 0, []string{"insurance-claim.pdf", "insurance-claim.pptx"}, ""},
		{"future with baseline", DeckOptions{Paths: []string{"../../examples/building-permit/future.yaml"}, Baseline: "../../examples/building-permit/current.yaml", Formats: []string{"pdf"}, Size: "a4"}, 0, []string{"building-permit-future.pdf"}, ""},
		{"bad format", DeckOptions{Paths: []string{"x.yaml"}, Formats: []string{"svg"}, Size: "16:9"}, ExitUsage, nil, "not one of pdf, pptx"},
		{"missing baseline", DeckOptions{Paths: []string{"../../examples/insurance-claim.yaml"}, Baseline: "nope.yaml", Formats: []string{"pdf"}, Size: "16:9"}, ExitUsage, nil, "nope.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			io, _, errOut := TestStreams("")
			o := tc.o
			o.IO = io
			o.Out = filepath.Join(t.TempDir(), "out")
			err := deckRun(&o)
			if c := codeOf(err); c != tc.code {
				t.Fatalf("exit %d, want %d (%v; %s)", c, tc.code, err, errOut)
			}
			if tc.err != "" && (err == nil || !strings.Contains(err.Error()+errOut.String(), tc.err)) {
				t.Errorf("error %v / %q does not say %q", err, errOut, tc.err)
			}
			for _, f := range tc.files {
				if st, err := os.Stat(filepath.Join(o.Out, f)); err != nil || st.Size() == 0 {
					t.Errorf("%s not written: %v", f, err)
				}
			}
		})
	}
}
