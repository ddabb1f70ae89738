// Package disttest holds end-to-end tests of how users get and run cxmap
// outside Go: the pre-commit hooks (.pre-commit-hooks.yaml) through Debian's
// pre-commit. They skip, saying why, where the outside program is missing;
// .ci/run installs it.
package disttest
