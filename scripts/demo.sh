#!/usr/bin/env bash
# make demo: runs every command the README shows on examples/ and prints
# one line per step (what it did, where the output is), the lint summary,
# the head of the gap report and the diff summary. The full outputs go to
# $OUT (default out/), listed at the end with their sizes; each command's
# own messages go to $OUT/logs/.
#
# Usage: scripts/demo.sh [BIN]   (BIN defaults to bin/cxmap)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-${BIN:-bin/cxmap}}
OUT=${OUT:-out}
rm -rf "${OUT:?}/logs"
mkdir -p "$OUT/logs"

# run NAME WHAT COMMAND...: runs the command with its stdout and stderr in
# $OUT/logs/NAME.txt and prints one line. Exit 1 (findings) is expected of
# lint and diff here; anything else stops the demo with the log shown.
run() {
	local name=$1 what=$2
	shift 2
	local rc=0
	"$@" >"$OUT/logs/$name.txt" 2>&1 || rc=$?
	if [ "$rc" -ge 2 ]; then
		echo "FAILED (exit $rc): $*" >&2
		cat "$OUT/logs/$name.txt" >&2
		exit "$rc"
	fi
	printf '  %-9s %s\n' "$name" "$what"
}

# save NAME WHAT FILE COMMAND...: like run, with the command's stdout in FILE.
save() {
	local name=$1 what=$2 file=$3
	shift 3
	local rc=0
	"$@" >"$file" 2>"$OUT/logs/$name.txt" || rc=$?
	if [ "$rc" -ge 2 ]; then
		echo "FAILED (exit $rc): $*" >&2
		cat "$OUT/logs/$name.txt" >&2
		exit "$rc"
	fi
	printf '  %-9s %s\n' "$name" "$what"
}

echo "cxmap demo: examples/ -> $OUT/ (each command's messages in $OUT/logs/)"
run validate "structure, types, ids and references of examples/" "$BIN" validate examples/
run lint "the quality rules, as SARIF for code scanning -> $OUT/lint.sarif" "$BIN" lint -o "$OUT/lint.sarif" examples/
run render "blueprints with every optional row -> $OUT/diagrams/ (SVG, PNG, PDF)" "$BIN" render examples/ -f svg,png,pdf --rows all -o "$OUT/diagrams/"
run slides "one slide per stage -> $OUT/slides/ (PNG, PDF)" "$BIN" render examples/insurance-claim.yaml --split stage -f png,pdf -o "$OUT/slides/"
run mermaid "Mermaid journey text for GitHub/GitLab markdown -> $OUT/mermaid/" "$BIN" render examples/ -f mermaid -o "$OUT/mermaid/"
run deck "slide decks -> $OUT/decks/ (PDF and PPTX, 16:9)" "$BIN" deck examples/ -f pdf,pptx -o "$OUT/decks/"
run branded "the permit's future-state deck in a client's theme, in French -> $OUT/branded/" "$BIN" deck examples/building-permit/future.yaml --theme examples/themes/riverside.yaml --locale fr -f pdf,pptx -o "$OUT/branded/"
run arabic "the claim's deck in Arabic, laid out right to left -> $OUT/arabic/" "$BIN" deck examples/insurance-claim.yaml --locale ar -f pdf,pptx -o "$OUT/arabic/"
run site "static site -> $OUT/site/index.html (cxmap serve examples/ for a live one)" "$BIN" site examples/ -o "$OUT/site/"
save report "the gap report -> $OUT/report.txt" "$OUT/report.txt" "$BIN" report examples/
save lanes "touchpoint inventory across journeys -> $OUT/lanes.txt" "$OUT/lanes.txt" "$BIN" report --by lane examples/
save backlog "opportunity backlog by owner -> $OUT/backlog.md" "$OUT/backlog.md" "$BIN" report --by owner -f markdown examples/
save xlsx "every view in one Excel workbook -> $OUT/report.xlsx" "$OUT/report.xlsx" "$BIN" report -f xlsx examples/
save measure "NPS, CSAT and CES per step from generated survey data -> $OUT/measure.txt" "$OUT/measure.txt" "$BIN" measure examples/data/*.csv --journey examples/
save drivers "what drives the claim journey's score -> $OUT/drivers.txt" "$OUT/drivers.txt" "$BIN" report --drivers examples/data/insurance-claim.csv examples/insurance-claim.yaml
run import "the claim's Mermaid journey back into YAML -> $OUT/imported.yaml" "$BIN" import "$OUT/mermaid/insurance-claim.mmd" -o "$OUT/imported.yaml" --force
save diff "the building permit's future state against its baseline -> $OUT/diff.txt" "$OUT/diff.txt" "$BIN" diff examples/building-permit/future.yaml
run picture "the same change as a picture (new, removed, was ...) -> $OUT/change/" "$BIN" diff examples/building-permit/future.yaml -f svg,png -o "$OUT/change/"

echo
echo "Lint (cxmap lint examples/):"
"$BIN" lint examples/ 2>&1 | tail -n 5 | sed 's/^/  /' || true
echo
echo "The gap report, each journey's headline ($OUT/report.txt has the tables):"
# the lines above each journey's tables, not the tables themselves
sed -n '/^Portfolio/q;/^[┌│├└]/d;/^$/d;p' "$OUT/report.txt" | sed 's/^/  /'
echo
echo "The diff, summary ($OUT/diff.txt has all of it):"
sed -n '1p;/^Summary:/p' "$OUT/diff.txt" | fold -s -w 110 | sed 's/^/  /'
echo
echo "Files in $OUT/:"
# One line per folder or file at the top of $OUT: how many files, how big.
for f in "$OUT"/*; do
	if [ -d "$f" ]; then
		n=$(find "$f" -type f | wc -l)
		size=$(du -sh "$f" | cut -f1)
		printf '  %-22s %3d files  %6s\n' "$f/" "$n" "$size"
	else
		printf '  %-22s %9s  %6s\n' "$f" "" "$(du -h "$f" | cut -f1)"
	fi
done
