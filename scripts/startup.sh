#!/usr/bin/env bash
# make bench: start-up of cxmap beside a hello-world Go binary (the floor of
# any Go program on this machine), best of RUNS, in milliseconds, and the
# allocations of the package initialisers (GODEBUG=inittrace=1), which do
# not depend on the machine. Goal (issue 18): version and validate of one
# small journey within 12 ms on a quiet machine.
set -euo pipefail
BIN=${BIN:-bin/cxmap}
DIR=${BENCH_DIR:-.bench}
RUNS=${STARTUP_RUNS:-20}
mkdir -p "$DIR/hello-go"
cat > "$DIR/hello-go/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
GO
(cd "$DIR/hello-go" && GO111MODULE=off go build -o hello main.go)
"$BIN" init "One" -o "$DIR/one.yaml" --force >/dev/null 2>&1 || "$BIN" init "One" -o "$DIR/one.yaml" >/dev/null 2>&1 || true

# best-of-RUNS wall time in ms; the CPU of a run in ms and its page faults:
# on a shared machine the wall time is mostly waiting for a core, so
# compare CPU and page faults (nearly the same on every run: each is a
# page of the binary, of its data or of the heap touched for the first
# time), and each row with the hello-world row of the same run.
best() {
  local b=""
  for _ in $(seq "$RUNS"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    local d=$(( (e - s) / 1000 ))
    if [ -z "$b" ] || [ "$d" -lt "$b" ]; then b=$d; fi
  done
  awk "BEGIN{printf \"%.1f\", $b/1000}"
}
# With perf (perf stat -r): the mean task-clock of the process itself and
# its page faults. Without: the mean user+system CPU of a bash loop (its
# share included) and the minor faults /usr/bin/time reports (the fork
# included, about 40 more than perf counts).
if perf stat -x, -e task-clock true >/dev/null 2>&1; then
  HOW="perf stat -r $RUNS: task-clock (ms) and page faults of the process"
  cpufaults() {
    perf stat -x, -r "$RUNS" -e task-clock,page-faults -o "$DIR/startup-perf.txt" "$@" >/dev/null 2>&1 || true
    awk -F, '$3=="task-clock"{c=$1} $3=="page-faults"{f=$1} END{printf "%.1f %d", c, f}' "$DIR/startup-perf.txt"
  }
else
  HOW="no perf: mean user+system CPU of a bash loop (ms), minor faults from /usr/bin/time"
  cpufaults() {
    # shellcheck disable=SC2016 # the loop's $1 and $@ are bash -c's own
    /usr/bin/time -f '%U %S' -o "$DIR/startup-time.txt" bash -c 'for _ in $(seq "$1"); do "${@:2}" >/dev/null 2>&1; done' _ "$RUNS" "$@" || true
    read -r u s < <(tail -n 1 "$DIR/startup-time.txt")
    /usr/bin/time -f '%R' -o "$DIR/startup-faults.txt" "$@" >/dev/null 2>&1 || true
    awk -v u="$u" -v s="$s" -v f="$(tail -n 1 "$DIR/startup-faults.txt")" "BEGIN{printf \"%.1f %d\", (u+s)*1000/$RUNS, f}"
  }
fi
allocs() { GODEBUG=inittrace=1 "$@" 2>&1 >/dev/null | awk '$1=="init"{a+=$10} END{print a+0}'; }

echo
echo "start-up: best of $RUNS (ms wall); $HOW;"
echo "init allocations (GODEBUG=inittrace=1); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
printf '%-34s %8s %8s %8s %12s\n' command ms cpu faults 'init allocs'
row() {
  local label=$1; shift
  local cf
  cf=$(cpufaults "$@")
  printf '%-34s %8s %8s %8s %12s\n' "$label" "$(best "$@")" "${cf% *}" "${cf#* }" "$(allocs "$@")"
}
row "hello world (Go floor)" "$DIR/hello-go/hello"
row "cxmap version" "$BIN" version
row "cxmap validate one.yaml" "$BIN" validate "$DIR/one.yaml"
