package cli

import (
	"os"
	"strconv"

	"golang.org/x/term"
)

// terminalWidth is the width of stdout when it is a terminal, else $COLUMNS,
// else 0 (unknown). golang.org/x/term works on Unix and on Windows consoles.
func terminalWidth() int {
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		return w
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}

// systemGetenv is the process environment as commands see it. On a console
// that cannot show ANSI colours (a Windows console where virtual-terminal
// processing cannot be turned on) NO_COLOR reads as set, so `--color auto`
// stays plain there; `--color always` still colours.
func systemGetenv() func(string) string {
	if ansiConsole(os.Stdout) {
		return os.Getenv
	}
	return func(key string) string {
		if key == "NO_COLOR" {
			return "1"
		}
		return os.Getenv(key)
	}
}
