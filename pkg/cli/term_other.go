//go:build !windows

package cli

import "os"

// ansiConsole reports whether f can show ANSI escape sequences: terminals
// outside Windows can.
func ansiConsole(*os.File) bool { return true }
