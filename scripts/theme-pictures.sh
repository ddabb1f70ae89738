#!/bin/sh
# The pictures of docs/theme.md: one example journey in cxmap's own look and
# in the two example themes (examples/themes), drawn by `make docs`.
set -eu
BIN=${BIN:-go run ./cmd/cxmap}
JOURNEY=examples/insurance-claim.yaml
ID=insurance-claim
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$BIN render "$JOURNEY" -f png --scale 1 -q -o "$tmp/default"
$BIN render "$JOURNEY" -f png --scale 1 -q -o "$tmp/riverside" --theme examples/themes/riverside.yaml
$BIN render "$JOURNEY" -f png --scale 1 -q -o "$tmp/night" --theme examples/themes/night.yaml --locale fr
for t in default riverside night; do
	cp "$tmp/$t/$ID.png" "docs/img/theme-$t.png"
	echo "wrote docs/img/theme-$t.png"
done
