//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// ansiConsole reports whether f can show ANSI escape sequences. A Windows
// console shows them once virtual-terminal processing is on (Windows 10
// 1511 and later), so turn it on; if that fails (an older console) it
// cannot. Anything that is not a console (a file, a pipe, a Cygwin/MSYS
// pty) is left alone: colour there is decided as on other systems.
func ansiConsole(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return true // not a console
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
