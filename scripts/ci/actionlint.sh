#!/usr/bin/env bash
# Lints action.yml and the example workflows in docs/ci with actionlint
# (github.com/rhysd/actionlint, pinned in go.mod's tool section; `go tool` builds it once and
# the Go build cache keeps it).
#
# actionlint checks workflows, not action metadata on its own; it reads a
# local action's action.yml when a workflow of a project (a git repository
# with .github/workflows) uses it as `uses: ./`, and then checks the inputs
# the workflow passes against the ones action.yml declares.
# docs/ci/github-action-selftest.yml does that. So this script lays out a
# throwaway project: action.yml and scripts/ at its root, docs/ci/*.yml as
# its workflows; messages name the files in docs/ci.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACTIONLINT=${ACTIONLINT:-$(go tool -n actionlint)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/.github/workflows"
: >"$tmp/.git" # actionlint's project marker; a file is enough
cp action.yml "$tmp/"
cp -R scripts "$tmp/"
cp docs/ci/*.yml "$tmp/.github/workflows/"
rc=0
(cd "$tmp" && $ACTIONLINT -no-color .github/workflows/*.yml) >"$tmp/out" 2>&1 || rc=$?
sed "s#\.github/workflows/#docs/ci/#g" "$tmp/out"
if [ "$rc" -ne 0 ]; then
	echo "actionlint: problems in action.yml or docs/ci (exit $rc)" >&2
	exit 1
fi
workflows=(docs/ci/*.yml)
echo "actionlint: action.yml and ${#workflows[@]} workflows in docs/ci are clean"
# The scripts action.yml runs, and the other shell scripts CI runs.
if command -v shellcheck >/dev/null; then
	shellcheck scripts/action/*.sh scripts/ci/*.sh scripts/release/*.sh scripts/mermaid/*.sh .ci/run
	echo "shellcheck: scripts clean"
else
	echo "shellcheck not found (apt-get install shellcheck): scripts and run: steps not shell-checked"
fi
