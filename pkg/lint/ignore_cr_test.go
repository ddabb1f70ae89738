package lint

import (
	"strings"
	"testing"
)

// TestInlineIgnoreCR: with old Mac line endings (a lone "\r"), an ignore
// comment silences its line and is placed where the parser places the
// entry, as with "\n" and "\r\n" (issue 8, item 9).
func TestInlineIgnoreCR(t *testing.T) {
	unrated := edit(t, base, "        rating: red\n", "")
	for name, eol := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r"} {
		t.Run(name, func(t *testing.T) {
			silenced := strings.ReplaceAll(edit(t, unrated, "      - id: find-rules\n", "      - id: find-rules # cxmap:ignore unrated-step\n"), "\n", eol)
			if got := show(lintString(t, silenced, testOptions()), ""); len(got) != 0 {
				t.Errorf("the ignore did not silence the step: %q", got)
			}
			unused := strings.ReplaceAll(edit(t, base, "      - id: find-rules\n", "      - id: find-rules # cxmap:ignore unrated-step\n"), "\n", eol)
			got := show(lintString(t, unused, testOptions()), "")
			want := `24:24-24:51: info: cxmap:ignore unrated-step silences nothing here; remove the comment, or move it to the line of the entry the finding is about`
			if len(got) != 1 || got[0] != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
