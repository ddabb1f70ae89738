package cli

import (
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// terminalWidth is the width of stdout when it is a terminal, else $COLUMNS,
// else 0 (unknown).
func terminalWidth() int {
	if ws, err := unix.IoctlGetWinsize(int(os.Stdout.Fd()), unix.TIOCGWINSZ); err == nil && ws.Col > 0 {
		return int(ws.Col)
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}
