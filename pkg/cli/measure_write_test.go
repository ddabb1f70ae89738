package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMeasureWrite: --write on an example records the figures (golden),
// keeps every comment and line it does not change, a second run changes
// nothing, and lint then reads the figures.
func TestMeasureWrite(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile(claimJourney)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "insurance-claim.yaml")
	os.WriteFile(p, orig, 0o644)
	run := func() string {
		io, _, errOut := TestStreams("")
		if err := measureRun(&MeasureOptions{IO: io, Data: []string{claimData}, Journeys: []string{p}, Format: "csv", Write: true}); err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		return errOut.String()
	}
	msg := run()
	if !strings.Contains(msg, "insurance-claim.yaml: recorded") {
		t.Errorf("stderr: %q", msg)
	}
	once, _ := os.ReadFile(p)
	golden(t, "../../testdata/measure/insurance-claim.written.yaml", once)
	for _, line := range strings.Split(string(orig), "\n") {
		if c := strings.TrimSpace(line); strings.HasPrefix(c, "#") && !bytes.Contains(once, []byte(line)) {
			t.Errorf("comment line lost: %q", line)
		}
	}
	run()
	twice, _ := os.ReadFile(p)
	if !bytes.Equal(once, twice) {
		t.Error("a second --write with the same data changed the file")
	}
	io, out, errOut := TestStreams("")
	lintRun(&LintOptions{CheckOptions: CheckOptions{IO: io, Paths: []string{p}, FailLevel: "error", MaxWarnings: -1}, Now: lintToday})
	if !strings.Contains(out.String()+errOut.String(), `step "sign-off-repairs" is rated green but its CSAT is 31.67% (n 240, 95% interval 26.11% to 37.8%): red by the data`) {
		t.Errorf("lint after --write:\n%s%s", out, errOut)
	}
}
