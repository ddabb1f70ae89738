#!/usr/bin/env bash
# make bench: time cxmap on a generated portfolio against the bare YAML parse
# of the same files (the floor) and against ajv-cli validating the same YAML
# with the journey's JSON Schema (the best peer; installed with npm into
# $DIR/node_modules when missing). Prints a table; numbers vary by machine.
set -euo pipefail
BIN=${BIN:-bin/cxmap}
DIR=${BENCH_DIR:-.bench}
N=${BENCH_JOURNEYS:-1000}
STEPS=${BENCH_STEPS:-50}
RUNS=${BENCH_RUNS:-3}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd) # absolute: some rows run in another directory
if [ ! -f "$DIR/portfolio/.done-$N-$STEPS" ]; then
  rm -rf "$DIR/portfolio"
  go run ./internal/cmd/genjourneys -n "$N" -steps "$STEPS" -o "$DIR/portfolio"
  touch "$DIR/portfolio/.done-$N-$STEPS"
fi
go build -o "$DIR/parsefloor" ./internal/cmd/parsefloor

# best-of-RUNS wall time (s) and peak RSS (MB) of a command
measure() {
  local best="" mem=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M %U %S' -o "$DIR/time.txt" "$@" >/dev/null 2>&1 || true
    read -r t m u s < <(tail -n 1 "$DIR/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; mem=$m; cpu=$(awk "BEGIN{print $u+$s}"); fi
  done
  echo "$best $((mem / 1024)) $cpu"
}

echo "portfolio: $N journeys x $STEPS steps ($(du -sh "$DIR/portfolio" | cut -f1)), $(nproc) cores, best of $RUNS"
read -r floor floormem floorcpu < <(measure "$DIR/parsefloor" "$DIR/portfolio")
echo "wall seconds are the best of $RUNS runs; cpu is user+system of that run; x = ratio to the floor"
printf '%-30s %7s %8s %7s %7s %7s %7s\n' command wall files/s cpu peakMB xwall xcpu
printf '%-30s %7.2f %8.0f %7.2f %7d %7s %7s\n' "yaml.v3 parse only (floor)" "$floor" "$(awk "BEGIN{print $N/$floor}")" "$floorcpu" "$floormem" "1.00" "1.00"
run() {
  local label=$1; shift
  read -r t m c < <(measure "$@")
  # t stays set for the caller (fmt's ratio below)
  cpu=$c
  printf '%-30s %7.2f %8.0f %7.2f %7d %7.2f %7.2f\n' "$label" "$t" "$(awk "BEGIN{print $N/$t}")" "$c" "$m" "$(awk "BEGIN{print $t/$floor}")" "$(awk "BEGIN{print $c/$floorcpu}")"
}
run "cxmap validate" "$BIN" validate "$DIR/portfolio"
validatecpu=$cpu
if "$BIN" lint --help >/dev/null 2>&1; then
  run "cxmap lint" "$BIN" lint "$DIR/portfolio"
  echo "lint / parse floor: $(awk "BEGIN{printf \"%.2f\", $cpu/$floorcpu}")x cpu, $(awk "BEGIN{printf \"%.2f\", $t/$floor}")x wall (goal <= 1.30, issue 18)"
fi
for f in table markdown csv json; do
  if "$BIN" report --help >/dev/null 2>&1; then run "cxmap report -f $f" "$BIN" report -f "$f" "$DIR/portfolio"; fi
done

# The peer: ajv-cli 5 reads YAML with js-yaml and checks the JSON Schema
# that `cxmap schema` prints. --all-errors makes it walk every file whole
# (js-yaml reads an unquoted date as a Date, which the schema's string
# type reports, and without it ajv would stop there).
AJV="$DIR/node_modules/.bin/ajv"
if [ ! -x "$AJV" ]; then
  if command -v npm >/dev/null; then
    npm install --silent --no-audit --no-fund --prefix "$DIR" ajv-cli@5 ajv-formats@2 >/dev/null 2>&1 || echo "(npm install ajv-cli failed: no peer row)"
  else
    echo "(npm is not installed: no ajv-cli row)"
  fi
fi
if [ -x "$AJV" ]; then
  "$BIN" schema > "$DIR/journey.schema.json"
  run "ajv-cli validate (peer)" "$AJV" validate --spec=draft2020 --all-errors -c ajv-formats -s "$DIR/journey.schema.json" -d "$DIR/portfolio/*.yaml"
  echo "cpu per file, cxmap validate / ajv-cli: $(awk "BEGIN{printf \"%.2f\", $validatecpu/$cpu}")x (goal <= 1.00)"
fi

# fmt (issue 19): --check on the same portfolio (each generated file lacks
# the blank line fmt puts between stages: a change of blank lines only,
# which fmt accepts without parsing its output again), on a copy whose
# names, actions and titles are written in quotes (fmt removes them: every
# such file takes the full check, a second parse), and on a formatted copy
# (what CI runs once a repository is formatted). Goal: within 1.5x of
# validate on the same files; ratios are CPU and wall of the same run.
run "cxmap fmt --check (unformatted)" "$BIN" fmt --check "$DIR/portfolio"
echo "fmt --check / validate, unformatted: $(awk "BEGIN{printf \"%.2f\", $cpu/$validatecpu}")x cpu (goal <= 1.50)"
if [ ! -f "$DIR/portfolio-quoted/.done-$N-$STEPS" ]; then
  rm -rf "$DIR/portfolio-quoted" && mkdir -p "$DIR/portfolio-quoted"
  for f in "$DIR"/portfolio/*.yaml; do
    sed -E 's/^( *(- )?)(name|action|title): ([A-Za-z][^"#]*)$/\1\3: "\4"/' "$f" > "$DIR/portfolio-quoted/$(basename "$f")"
  done
  touch "$DIR/portfolio-quoted/.done-$N-$STEPS"
fi
run "cxmap validate (quoted copy)" "$BIN" validate "$DIR/portfolio-quoted"
quotedcpu=$cpu
run "cxmap fmt --check (quoted copy)" "$BIN" fmt --check "$DIR/portfolio-quoted"
echo "fmt --check / validate, quoted copy: $(awk "BEGIN{printf \"%.2f\", $cpu/$quotedcpu}")x cpu (goal <= 1.50)"
if [ ! -f "$DIR/portfolio-fmt/.done-$N-$STEPS" ]; then
  rm -rf "$DIR/portfolio-fmt" && cp -r "$DIR/portfolio" "$DIR/portfolio-fmt" && "$BIN" fmt "$DIR/portfolio-fmt" && touch "$DIR/portfolio-fmt/.done-$N-$STEPS"
fi
run "cxmap validate (formatted copy)" "$BIN" validate "$DIR/portfolio-fmt"
fmtvalidate=$t
fmtvalidatecpu=$cpu
run "cxmap fmt --check (formatted)" "$BIN" fmt --check "$DIR/portfolio-fmt"
echo "fmt --check / validate on the formatted copy: $(awk "BEGIN{printf \"%.2f\", $cpu/$fmtvalidatecpu}")x cpu, $(awk "BEGIN{printf \"%.2f\", $t/$fmtvalidate}")x wall (goal <= 1.50)"

# Portfolio views (issue 12): the lane inventory, the owner backlog and the
# xlsx workbook on the same portfolio, against the same floor.
run "cxmap report --by lane -f md" "$BIN" report --by lane -f markdown "$DIR/portfolio"
run "cxmap report --by owner -f csv" "$BIN" report --by owner -f csv "$DIR/portfolio"
run "cxmap report -f xlsx" "$BIN" report -f xlsx "$DIR/portfolio"

# diff REV1 REV2 over the portfolio in git, 10% of the journeys changed
# between the two commits (goal: under 3 s; one git diff and one cat-file
# pair, not a process per file).
if command -v git >/dev/null; then
  repo="$DIR/git-portfolio"
  if [ ! -f "$repo/.done-$N-$STEPS" ]; then
    rm -rf "$repo" && mkdir -p "$repo" && cp -r "$DIR/portfolio" "$repo/j" && rm -f "$repo/j"/.done-*
    (
      cd "$repo" && export GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.com GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.com
      git init -q && git add -A && git commit -qm one
      for f in $(ls j | awk 'NR % 10 == 1'); do sed -i '0,/rating: red/s//rating: yellow/' "j/$f"; done
      git commit -qam two
    )
    touch "$repo/.done-$N-$STEPS"
  fi
  BINABS=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
  read -r t m c < <(cd "$repo" && measure "$BINABS" diff HEAD~1 HEAD j/)
  printf '%-30s %7.2f %8s %7.2f %7d   (%s journeys changed of %s)\n' "cxmap diff HEAD~1 HEAD j/" "$t" "" "$c" "$m" "$(( (N + 9) / 10 ))" "$N"
fi

# BENCH_RENDER=0 stops here (the render timings take minutes).
if [ "${BENCH_RENDER:-1}" = 0 ]; then exit 0; fi

# Rendering: one generated journey per size, each format. PNG at --scale 2
# is refused past 65,535 px wide (200 steps), PDF past a 4x shrink (1,000
# steps): there the slide-sized --split stage pages are what a user makes,
# and they are what is timed.
echo
echo "render (one journey; best of $RUNS)"
printf '%-10s %-22s %8s %8s %10s\n' steps format seconds peakMB 'neato -n2'
for steps in 10 50 200 1000; do
  j="$DIR/render-$steps/journey-0000.yaml"
  if [ ! -f "$j" ]; then go run ./internal/cmd/genjourneys -n 1 -steps "$steps" -o "$DIR/render-$steps"; fi
  rm -rf "$DIR/out" && mkdir -p "$DIR/out"
  "$BIN" render "$j" -f dot -o "$DIR/out" >/dev/null 2>&1
  for f in svg png pdf; do
    args=(-f "$f")
    label=$f
    if { [ "$f" = png ] && [ "$steps" -ge 200 ]; } || { [ "$f" = pdf ] && [ "$steps" -ge 1000 ]; }; then
      args+=(--split stage); label="$f --split stage"
    fi
    read -r t m _ < <(measure "$BIN" render "$j" "${args[@]}" -o "$DIR/out")
    native=""
    if [ "$f" = svg ] && command -v neato >/dev/null; then
      read -r nt _ _ < <(measure neato -n2 -Tsvg "$DIR/out/journey-0.dot" -o "$DIR/out/native.svg")
      native="$nt s"
    fi
    printf '%-10s %-22s %8.2f %8d %10s\n' "$steps" "$label" "$t" "$m" "$native"
  done
done
