// Package funclen holds the test that keeps every function in pkg/ at
// most MaxLines lines long (issue 18, item 6): a longer one reads as a
// list of steps only to its author, so it is split into named steps.
package funclen
