#!/usr/bin/env bash
# The GitHub Action's checks (action.yml), after install.sh:
#  1. cxmap lint -f github: annotations on the pull request;
#  2. with INPUT_SARIF, a SARIF file for github/codeql-action/upload-sarif;
#  3. the job summary: the lint result and, with INPUT_DIFF_BASE, the
#     markdown diff of every journey the branch changed since its merge
#     base with that revision (cxmap diff MERGE_BASE:path path);
#  4. the gate: exit 1 on findings at INPUT_FAIL_LEVEL or above, or, with
#     INPUT_FAIL_ON_REGRESSION=true, on a regression in a changed journey;
#     exit 2 on a usage or I/O error.
#
# Environment: INPUT_PATHS (whitespace-separated files or directories,
# default "."), INPUT_FAIL_LEVEL, INPUT_SARIF, INPUT_DIFF_BASE,
# INPUT_FAIL_ON_REGRESSION, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
set -uo pipefail

read -ra paths <<<"${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
fail_level=${INPUT_FAIL_LEVEL:-error}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
output=${GITHUB_OUTPUT:-/dev/null}
work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cxmap-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. Annotations. The runner turns the ::error/::warning lines into
# annotations; the last line is the summary.
cxmap lint -f github --fail-level "$fail_level" -- "${paths[@]}" | tee "$work/lint.txt"
lint_rc=${PIPESTATUS[0]}
lint_summary=$(tail -n 1 "$work/lint.txt")
echo "lint-exit-code=$lint_rc" >>"$output"

# 2. SARIF, whatever the findings (exit 1 is findings; 2 is an error).
if [ -n "${INPUT_SARIF:-}" ]; then
	cxmap lint -f sarif -o "$INPUT_SARIF" -- "${paths[@]}"
	rc=$?
	if [ "$rc" -ge 2 ]; then
		echo "::error title=cxmap::could not write SARIF to $INPUT_SARIF"
		lint_rc=2
	else
		echo "sarif-file=$INPUT_SARIF" >>"$output"
	fi
fi

# 3. Job summary.
{
	echo "## cxmap"
	echo
	case $lint_rc in
	0) echo "✅ **lint** (failing at $fail_level): $lint_summary" ;;
	1) echo "❌ **lint** (failing at $fail_level): $lint_summary" ;;
	*) echo "⚠️ **lint** could not run to the end (exit $lint_rc): $lint_summary" ;;
	esac
	echo
} >>"$summary"

regressed=false
diff_rc=0
if [ -n "${INPUT_DIFF_BASE:-}" ]; then
	base=$(git merge-base "$INPUT_DIFF_BASE" HEAD 2>"$work/err")
	if [ -z "$base" ]; then
		echo "::error title=cxmap::diff-base $INPUT_DIFF_BASE: $(cat "$work/err") (fetch it first: actions/checkout with fetch-depth: 0)"
		diff_rc=2
	else
		flags=(-f markdown)
		[ "${INPUT_FAIL_ON_REGRESSION:-false}" = true ] && flags+=(--fail-on-regression)
		git diff --name-only --no-renames --diff-filter=AM "$base" HEAD -- "${paths[@]}" >"$work/changed"
		n=0
		while IFS= read -r f; do
			case "$f" in *.yaml | *.yml) ;; *) continue ;; esac
			# A journey is a YAML file with a top-level cxmap key.
			grep -Eq '^cxmap[[:space:]]*:' "$f" || continue
			n=$((n + 1))
			if ! git cat-file -e "$base:$f" 2>/dev/null; then
				# shellcheck disable=SC2016 # markdown backticks
				printf '## New journey: `%s`\n\n' "$f" >>"$summary"
				continue
			fi
			cxmap diff "${flags[@]}" "$base:$f" "$f" >"$work/diff.md" 2>"$work/err"
			rc=$?
			cat "$work/diff.md" >>"$summary"
			echo >>"$summary"
			case $rc in
			0) ;;
			1) if [ "${INPUT_FAIL_ON_REGRESSION:-false}" = true ] && [ -s "$work/diff.md" ]; then
				regressed=true
				echo "::error file=$f,title=cxmap diff::a journey regressed against $INPUT_DIFF_BASE (see the job summary)"
			else
				diff_rc=1
				cat "$work/err" >&2
			fi ;;
			*) diff_rc=2; cat "$work/err" >&2 ;;
			esac
		done <"$work/changed"
		# shellcheck disable=SC2016 # markdown backticks
		[ "$n" -gt 0 ] || printf 'No journey changed since `%s`.\n' "$INPUT_DIFF_BASE" >>"$summary"
	fi
fi
echo "regressed=$regressed" >>"$output"

# 4. The gate.
code=$lint_rc
[ "$diff_rc" -gt "$code" ] && code=$diff_rc
[ "$regressed" = true ] && [ "$code" -lt 1 ] && code=1
exit "$code"
