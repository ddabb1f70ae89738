#!/usr/bin/env bash
# The GitHub Action's checks (action.yml), after install.sh:
#  1. cxmap lint -f github: annotations on the pull request (with
#     INPUT_ONLY_NEW=true, only findings on lines changed since the merge
#     base with INPUT_DIFF_BASE: --new-from-rev);
#  2. with INPUT_SARIF, a SARIF file for github/codeql-action/upload-sarif;
#  2b. with INPUT_FMT_CHECK=true, cxmap fmt --check: the files not in
#     canonical form, listed in the summary, fail the gate;
#  3. the job summary: the lint result and, with INPUT_DIFF_BASE, what
#     changed in every journey under the paths between the merge base of
#     that revision and HEAD: one `cxmap diff -f markdown BASE HEAD PATHS`,
#     which lists the files itself (git's names read NUL-separated), so
#     this script lists no files and prints no file names;
#  3b. with INPUT_DIFF_BASE and INPUT_PICTURES (default true), the picture
#     of every journey compared, from that same diff run (-f
#     markdown,svg,png -o DIR): written to $RUNNER_TEMP/cxmap-pictures and
#     named in the step's output `pictures` for action.yml to upload as an
#     artifact (link.sh then links it from the summary). Nothing is
#     committed anywhere. The files are named after the journeys' ids
#     (ID.diff.svg), never after the files: a hostile file name never
#     reaches a path or the log;
#  4. the gate: exit 1 on findings at INPUT_FAIL_LEVEL or above, or, with
#     INPUT_FAIL_ON_REGRESSION=true, on a regression in a changed journey
#     (counted by the same diff in JSON); exit 2 on a usage or I/O error.
#
# Environment: INPUT_PATHS (files or directories separated by spaces or
# newlines, default "."), INPUT_FAIL_LEVEL, INPUT_SARIF, INPUT_DIFF_BASE,
# INPUT_FAIL_ON_REGRESSION, INPUT_ONLY_NEW, INPUT_FMT_CHECK, INPUT_PICTURES,
# GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP.
set -uo pipefail
# shellcheck source=scripts/action/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Inputs that name one thing hold no line break: refused before anything
# runs, without echoing them (a line break would start a new log line,
# which the runner could read as a workflow command).
for input in diff-base fail-level sarif fail-on-regression only-new fmt-check pictures; do
	var=$(printf 'INPUT_%s' "$input" | tr 'a-z-' 'A-Z_')
	if has_control "${!var:-}"; then
		echo "::error title=cxmap::the $input input holds a line break or another control character; give one value on one line"
		exit 2
	fi
done
case "${INPUT_DIFF_BASE:-}" in
-*)
	echo "::error title=cxmap::the diff-base input starts with -; give a revision such as origin/main"
	exit 2
	;;
esac

# Paths: every line, each split at spaces and tabs.
paths=()
while IFS= read -r line || [ -n "$line" ]; do
	read -ra words <<<"$line"
	[ ${#words[@]} -gt 0 ] && paths+=("${words[@]}")
done <<<"${INPUT_PATHS:-.}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
fail_level=${INPUT_FAIL_LEVEL:-error}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
output=${GITHUB_OUTPUT:-/dev/null}
work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cxmap-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The pictures of the changes: a directory of their own under the
# runner's temp (kept after this script, for the upload), emptied first.
pictures=
case "${INPUT_PICTURES:-true}" in
true)
	if [ -n "${INPUT_DIFF_BASE:-}" ]; then
		pictures=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cxmap-pictures
		if has_control "$pictures"; then
			echo "::error title=cxmap::RUNNER_TEMP holds a control character"
			exit 2
		fi
		rm -rf "$pictures"
	fi
	;;
false) ;;
*)
	echo "::error title=cxmap::pictures is true or false"
	exit 2
	;;
esac

# The merge base with diff-base, once: the diff compares with it, and
# only-new reports findings on lines changed since it.
base=
base_err=
if [ -n "${INPUT_DIFF_BASE:-}" ]; then
	base=$(git merge-base "$INPUT_DIFF_BASE" HEAD 2>"$work/err") && base=$(git rev-parse --short "$base" 2>>"$work/err")
	[ -n "$base" ] || base_err=$(cat "$work/err")
fi
lint_new=()
case "${INPUT_ONLY_NEW:-false}" in
true)
	if [ -z "${INPUT_DIFF_BASE:-}" ]; then
		echo "::error title=cxmap::only-new needs diff-base: the revision whose merge base the changed lines are counted from"
		exit 2
	fi
	[ -z "$base" ] || lint_new=(--new-from-rev "$base")
	;;
false) ;;
*)
	echo "::error title=cxmap::only-new is true or false"
	exit 2
	;;
esac

# 1. Annotations. The runner turns the ::error/::warning lines into
# annotations; the last line is the summary.
cxmap lint -f github --fail-level "$fail_level" "${lint_new[@]}" -- "${paths[@]}" | tee "$work/lint.txt"
lint_rc=${PIPESTATUS[0]}
lint_summary=$(tail -n 1 "$work/lint.txt")
echo "lint-exit-code=$lint_rc" >>"$output"

# 2. SARIF, whatever the findings (exit 1 is findings; 2 is an error).
if [ -n "${INPUT_SARIF:-}" ]; then
	cxmap lint -f sarif --output="$INPUT_SARIF" "${lint_new[@]}" -- "${paths[@]}"
	rc=$?
	if [ "$rc" -ge 2 ]; then
		echo "::error title=cxmap::$(gh_data "could not write SARIF to $INPUT_SARIF")"
		lint_rc=2
	else
		echo "sarif-file=$INPUT_SARIF" >>"$output"
	fi
fi

# 2b. Canonical form. cxmap fmt --check lists the files (its output is
# guarded like every message: no line can start a workflow command).
fmt_rc=0
case "${INPUT_FMT_CHECK:-false}" in
true)
	cxmap fmt --check -- "${paths[@]}" >"$work/fmt.txt"
	fmt_rc=$?
	cat "$work/fmt.txt"
	if [ "$fmt_rc" = 1 ]; then
		n=$(wc -l <"$work/fmt.txt" | tr -d ' ')
		what="$n files are"
		[ "$n" = 1 ] && what="1 file is"
		echo "::error title=cxmap fmt::$what not in cxmap's canonical form; run cxmap fmt on them (see the job summary)"
	elif [ "$fmt_rc" -ge 2 ]; then
		echo "::error title=cxmap fmt::cxmap fmt --check could not check every file (exit $fmt_rc; its messages are above)"
	fi
	;;
false) ;;
*)
	echo "::error title=cxmap::fmt-check is true or false"
	exit 2
	;;
esac

# 3. Job summary.
{
	echo "## cxmap"
	echo
	[ ${#lint_new[@]} -eq 0 ] || echo "Only findings on lines changed since \`$base\` are reported (only-new)."
	[ ${#lint_new[@]} -eq 0 ] || echo
	level=$(md_escape "$fail_level")
	line=$(md_escape "$lint_summary")
	case $lint_rc in
	0) echo "✅ **lint** (failing at $level): $line" ;;
	1) echo "❌ **lint** (failing at $level): $line" ;;
	*) echo "⚠️ **lint** could not run to the end (exit $lint_rc): $line" ;;
	esac
	echo
	if [ "${INPUT_FMT_CHECK:-false}" = true ]; then
		case $fmt_rc in
		0) echo "✅ **fmt**: every journey is in canonical form" ;;
		1)
			echo "❌ **fmt**: not in canonical form (run \`cxmap fmt\` on them):"
			echo
			while IFS= read -r f || [ -n "$f" ]; do
				echo "- $(md_escape "$f")"
			done <"$work/fmt.txt"
			;;
		*) echo "⚠️ **fmt** could not check every file (exit $fmt_rc)" ;;
		esac
		echo
	fi
} >>"$summary"

regressed=false
diff_rc=0
if [ -n "${INPUT_DIFF_BASE:-}" ]; then
	if [ -z "$base" ]; then
		echo "::error title=cxmap::$(gh_data "diff-base $INPUT_DIFF_BASE: $base_err (fetch it first: actions/checkout with fetch-depth: 0)")"
		diff_rc=2
	else
		# One diff for the summary, one for the count of regressions.
		# Exit 1 from the first: a journey could not be compared (its
		# findings are on standard error, its row in the summary says why).
		echo "Compared with \`$base\`, the merge base of $(md_escape "$INPUT_DIFF_BASE") and HEAD." >>"$summary"
		echo >>"$summary"
		# The same run draws the pictures (svg and png, one per journey
		# compared) into $pictures.
		formats=markdown
		picture_args=()
		if [ -n "$pictures" ]; then
			formats=markdown,svg,png
			picture_args=(-o "$pictures" -q)
		fi
		cxmap diff -f "$formats" "${picture_args[@]}" "$base" HEAD -- "${paths[@]}" >"$work/diff.md" 2>"$work/err"
		diff_rc=$?
		if [ -n "$pictures" ] && [ "$diff_rc" -lt 2 ] && [ -n "$(ls -A "$pictures" 2>/dev/null)" ]; then
			echo "pictures=$pictures" >>"$output"
		fi
		cat "$work/diff.md" >>"$summary"
		cat "$work/err" >&2
		if [ "$diff_rc" -ge 2 ]; then
			echo "::error title=cxmap diff::$(gh_data "cxmap diff $base HEAD failed: $(cat "$work/err")")"
		else
			cxmap diff -f json "$base" HEAD -- "${paths[@]}" >"$work/diff.json" 2>/dev/null
			rc=$?
			# The set's own summary is the only key at this indentation
			# (encoding/json, two spaces a level; a string holds no raw
			# line break).
			n=$(sed -n 's/^    "regressions": \([0-9][0-9]*\)$/\1/p' "$work/diff.json")
			if [ "$rc" -ge 2 ] || [ -z "$n" ]; then
				echo "::error title=cxmap diff::could not count the regressions (cxmap diff -f json exit $rc)"
				diff_rc=2
			elif [ "$n" -gt 0 ]; then
				regressed=true
				if [ "${INPUT_FAIL_ON_REGRESSION:-false}" = true ]; then
					what="$n journeys"
					[ "$n" = 1 ] && what="1 journey"
					echo "::error title=cxmap diff::$(gh_data "$what regressed against $INPUT_DIFF_BASE (see the job summary)")"
				fi
			fi
		fi
	fi
fi
echo "regressed=$regressed" >>"$output"

# 4. The gate.
code=$lint_rc
[ "$fmt_rc" -gt "$code" ] && code=$fmt_rc
[ "$diff_rc" -gt "$code" ] && code=$diff_rc
[ "$regressed" = true ] && [ "${INPUT_FAIL_ON_REGRESSION:-false}" = true ] && [ "$code" -lt 1 ] && code=1
exit "$code"
