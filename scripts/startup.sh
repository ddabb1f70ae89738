#!/usr/bin/env bash
# make bench: start-up of cxmap beside a hello-world Go binary (the floor of
# any Go program on this machine): wall time, CPU and page faults of a run,
# and the allocations of the package initialisers (GODEBUG=inittrace=1),
# which do not depend on the machine. Goal (issue 18): version and validate
# of one small journey within 12 ms wall on a quiet machine.
#
# On a shared machine the wall time is mostly waiting for a core, and even
# the CPU of a run moves with the load, so the rows are measured in
# STARTUP_SERIES series, one row after the other in each, and each figure
# is the median of its row's series: compare a row with the hello-world
# row of the same table. Page faults (a page of the binary, of its data or
# of the heap touched for the first time) hardly move at all.
#
# STARTUP_BASE=REV adds the same rows for cxmap built from git revision
# REV (built as make build builds, CGO_ENABLED=0), e.g. the commit before
# a change, so that the two are measured side by side on the same load.
set -euo pipefail
BIN=${BIN:-bin/cxmap}
DIR=${BENCH_DIR:-.bench}
RUNS=${STARTUP_RUNS:-20}
SERIES=${STARTUP_SERIES:-5}
mkdir -p "$DIR/hello-go"
cat > "$DIR/hello-go/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
GO
(cd "$DIR/hello-go" && GO111MODULE=off go build -o hello main.go)
"$BIN" init "One" -o "$DIR/one.yaml" --force >/dev/null 2>&1 || "$BIN" init "One" -o "$DIR/one.yaml" >/dev/null 2>&1 || true

labels=("hello world (Go floor)" "cxmap version" "cxmap validate one.yaml")
cmds=("$DIR/hello-go/hello" "$BIN version" "$BIN validate $DIR/one.yaml")
if [ -n "${STARTUP_BASE:-}" ]; then
  base=$(git rev-parse --short "$STARTUP_BASE")
  if [ ! -x "$DIR/base-$base/cxmap" ]; then
    rm -rf "$DIR/base-$base" && mkdir -p "$DIR/base-$base/src"
    git archive "$base" | tar -x -C "$DIR/base-$base/src"
    (cd "$DIR/base-$base/src" && CGO_ENABLED=0 go build -ldflags "-X github.com/cxmap/cxmap/pkg/cli.Version=$base" -o ../cxmap ./cmd/cxmap)
  fi
  labels+=("cxmap version (at $base)" "cxmap validate one.yaml (at $base)")
  cmds+=("$DIR/base-$base/cxmap version" "$DIR/base-$base/cxmap validate $DIR/one.yaml")
fi
per=$(( RUNS / SERIES > 0 ? RUNS / SERIES : 1 ))

# one series of a row: "wall cpu faults", wall the best of the series in
# ms. With perf (perf stat -r): the mean task-clock of the process and its
# page faults. Without: the mean user+system CPU of a bash loop (its share
# included) and the minor faults /usr/bin/time reports (the fork included,
# about 40 more than perf counts).
if perf stat -x, -e task-clock true >/dev/null 2>&1; then
  HOW="task-clock (ms) and page faults from perf stat"
  cpufaults() {
    # shellcheck disable=SC2086 # the command is split into its words
    perf stat -x, -r "$per" -e task-clock,page-faults -o "$DIR/startup-perf.txt" $1 >/dev/null 2>&1 || true
    awk -F, '$3=="task-clock"{c=$1} $3=="page-faults"{f=$1} END{printf "%.2f %d\n", c, f}' "$DIR/startup-perf.txt"
  }
else
  HOW="no perf: user+system CPU of a bash loop (ms), minor faults from /usr/bin/time"
  cpufaults() {
    # shellcheck disable=SC2016,SC2086 # the loop's $1 and $@ are bash -c's own
    /usr/bin/time -f '%U %S' -o "$DIR/startup-time.txt" bash -c 'for _ in $(seq "$1"); do "${@:2}" >/dev/null 2>&1; done' _ "$per" $1 || true
    read -r u s < <(tail -n 1 "$DIR/startup-time.txt")
    # shellcheck disable=SC2086
    /usr/bin/time -f '%R' -o "$DIR/startup-faults.txt" $1 >/dev/null 2>&1 || true
    awk -v u="$u" -v s="$s" -v f="$(tail -n 1 "$DIR/startup-faults.txt")" "BEGIN{printf \"%.2f %d\\n\", (u+s)*1000/$per, f}"
  }
fi
best() {
  local b="" s e d
  for _ in $(seq "$per"); do
    # shellcheck disable=SC2086
    s=$(date +%s%N); $1 >/dev/null 2>&1 || true; e=$(date +%s%N)
    d=$(( (e - s) / 1000 ))
    if [ -z "$b" ] || [ "$d" -lt "$b" ]; then b=$d; fi
  done
  awk "BEGIN{printf \"%.2f\", $b/1000}"
}
# shellcheck disable=SC2086
allocs() { GODEBUG=inittrace=1 $1 2>&1 >/dev/null | awk '$1=="init"{a+=$10} END{print a+0}'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END{m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.1f", m}'; }

declare -a wall cpu faults
for _ in $(seq "$SERIES"); do
  for i in "${!cmds[@]}"; do
    read -r c f < <(cpufaults "${cmds[$i]}")
    cpu[i]+="$c "; faults[i]+="$f "
    wall[i]+="$(best "${cmds[$i]}") "
  done
done

echo
echo "start-up: $SERIES series of $per runs, interleaved, medians: best wall (ms) of a series, $HOW;"
echo "init allocations (GODEBUG=inittrace=1); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
printf '%-40s %8s %8s %8s %12s\n' command ms cpu faults 'init allocs'
for i in "${!cmds[@]}"; do
  printf '%-40s %8s %8s %8s %12s\n' "${labels[$i]}" "$(median <<<"${wall[$i]}")" "$(median <<<"${cpu[$i]}")" \
    "$(median <<<"${faults[$i]}" | cut -d. -f1)" "$(allocs "${cmds[$i]}")"
done
