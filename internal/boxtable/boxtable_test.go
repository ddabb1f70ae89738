package boxtable

import (
	"bufio"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		rows   [][]string
		right  func(int) bool
		want   string
	}{
		{"right-aligned numbers, a two-line cell", []string{"Name", "N"}, [][]string{{"a\nbb", "7"}, {"ccc", "12"}},
			func(i int) bool { return i == 1 },
			"┌──────┬────┐\n│ Name │ N  │\n├──────┼────┤\n│ a    │  7 │\n│ bb   │    │\n│ ccc  │ 12 │\n└──────┴────┘\n"},
		{"wide runes", []string{"名前"}, [][]string{{"李雷"}, {"a→b"}}, nil,
			"┌──────┐\n│ 名前 │\n├──────┤\n│ 李雷 │\n│ a→b  │\n└──────┘\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			bw := bufio.NewWriter(&b)
			Write(bw, tt.header, tt.rows, Widths(tt.header, tt.rows), tt.right, nil)
			bw.Flush()
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
}
