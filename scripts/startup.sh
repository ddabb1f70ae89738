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

# best-of-RUNS wall time in ms
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
allocs() { GODEBUG=inittrace=1 "$@" 2>&1 >/dev/null | awk '$1=="init"{a+=$10} END{print a+0}'; }

echo
echo "start-up, best of $RUNS (ms wall; init allocations from GODEBUG=inittrace=1)"
printf '%-34s %8s %12s\n' command ms 'init allocs'
printf '%-34s %8s %12s\n' "hello world (Go floor)" "$(best "$DIR/hello-go/hello")" "$(allocs "$DIR/hello-go/hello")"
printf '%-34s %8s %12s\n' "cxmap version" "$(best "$BIN" version)" "$(allocs "$BIN" version)"
printf '%-34s %8s %12s\n' "cxmap validate one.yaml" "$(best "$BIN" validate "$DIR/one.yaml")" "$(allocs "$BIN" validate "$DIR/one.yaml")"
