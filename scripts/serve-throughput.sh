#!/usr/bin/env bash
# serve before and after, and a bare Jetty handler, under one client in one run: starts four servers on free
# loopback ports, (1) `serve` of the kit as it was at BASELINE (default 5e4ceea; built by this script from a git
# worktree, once, into target/serve-baseline-<commit>/, with that commit's benchmarks jar), (2) `serve` of this
# tree, (3) the benchmarks module's BareJettyServer (same Jetty, thread pool and connector settings as serve, a
# fixed body), and (4) the same declaring a non-blocking handler; then runs
# chime.conformance.benchmarks.load.ServeThroughput against all four, rounds interleaved so that other load on
# the machine slows each alike; then stops the servers it started.
#
#   scripts/serve-throughput.sh [--pin] [--engine java|wrk] [--clients 16] [--rounds 5] [--seconds 5] [--warmup 1]
#                               [--channel one|per-round]
#
# --engine wrk sends the requests with wrk (Debian: apt-get install wrk) instead of the JVM's raw client: a few
# µs of client CPU per request where the JVM client needs tens. --pin runs every server on CPU 0 and the client
# on CPU 1 (taskset), so that what the client costs does not come out of the servers' share of the machine: each
# server's rate is then what one core of it serves. --channel per-round loads a new channel each round and deletes
# the one before, so that each server holds one round's messages, not the whole run's (a faster server stores more
# in the same time). The other options go to ServeThroughput. SERVER_OPTS is
# passed to every server's java (all alike), JAVA_OPTS to the client's. BASELINE picks another commit to compare
# with.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

server_cpu=()
client_cpu=()
if [ "${1:-}" = "--pin" ]; then
  shift
  if [ "$(nproc --all)" -lt 2 ] || ! command -v taskset >/dev/null 2>&1; then
    echo "--pin needs 2 CPUs and taskset (util-linux)" >&2
    exit 2
  fi
  server_cpu=(taskset -c 0)
  client_cpu=(taskset -c 1)
fi

# Fail before building or starting anything when the chosen client is missing.
previous=""
for arg in "$@"; do
  if [ "$previous" = "--engine" ] && [ "$arg" = "wrk" ] && ! command -v wrk >/dev/null 2>&1; then
    echo "--engine wrk needs wrk on the PATH (Debian: apt-get install wrk)" >&2
    exit 2
  fi
  previous="$arg"
done

baseline="$(git -C "$ROOT" rev-parse --short "${BASELINE:-5e4ceea}")"
baseline_dir="$ROOT/target/serve-baseline-$baseline"
baseline_jar="$baseline_dir/chime-conformance.jar"

ensure_cli_jar
ensure_bench_jar
if [ ! -f "$baseline_jar" ] || [ ! -f "$baseline_dir/benchmarks.jar" ]; then
  # The CLI jar, and the benchmarks jar for its DispatchBenchmark (the same benchmark before and after):
  #   java -jar target/serve-baseline-<commit>/benchmarks.jar DispatchBenchmark
  echo "building serve and the benchmarks at $baseline in a temporary worktree ..." >&2
  tree="$(mktemp -d)/kit-$baseline"
  git -C "$ROOT" worktree add --detach "$tree" "$baseline" >&2
  (cd "$tree" && mvn -o -B -q -Pbenchmarks -pl runner,benchmarks -am package -DskipTests) >&2
  mkdir -p "$baseline_dir"
  cp "$tree/runner/target/chime-conformance.jar" "$baseline_jar"
  cp "$tree/benchmarks/target/benchmarks.jar" "$baseline_dir/benchmarks.jar"
  git -C "$ROOT" worktree remove --force "$tree" >&2
fi

work="$(mktemp -d)"
# The servers' pids, one per line: start_server runs in a subshell ($(...)), so a shell variable would not reach here.
cleanup() {
  if [ -f "$work/pids" ]; then
    while read -r pid; do
      kill "$pid" 2>/dev/null || true
    done < "$work/pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a server (the rest of the arguments: its java arguments), prints NAME=ENDPOINT@PID.
start_server() {
  local name="$1"
  shift
  # shellcheck disable=SC2086
  "${server_cpu[@]}" java ${SERVER_OPTS:-} "$@" > "$work/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >> "$work/pids"
  local endpoint
  endpoint="$(await_endpoint "$pid" "$work/$name.log")" || exit 1
  echo "$name=$endpoint@$pid"
}

before="$(start_server before -XX:+ExitOnOutOfMemoryError -jar "$baseline_jar" serve --host 127.0.0.1 --port 0)"
after="$(start_server after -XX:+ExitOnOutOfMemoryError -jar "$CLI_JAR" serve --host 127.0.0.1 --port 0)"
bare="$(start_server bare -XX:+ExitOnOutOfMemoryError -cp "$BENCH_JAR" \
  chime.conformance.benchmarks.server.BareJettyServer --host 127.0.0.1 --port 0)"
bare_nb="$(start_server bare-nonblocking -XX:+ExitOnOutOfMemoryError -cp "$BENCH_JAR" \
  chime.conformance.benchmarks.server.BareJettyServer --host 127.0.0.1 --port 0 --non-blocking)"

machine_info
echo "before: java ${SERVER_OPTS:-} -XX:+ExitOnOutOfMemoryError -jar target/serve-baseline-$baseline/chime-conformance.jar serve --port 0 (kit $baseline)"
echo "after:  java ${SERVER_OPTS:-} -XX:+ExitOnOutOfMemoryError -jar runner/target/chime-conformance.jar serve --port 0 (kit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- || echo ', with uncommitted changes'))"
echo "bare:   java ${SERVER_OPTS:-} -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.server.BareJettyServer --port 0"
echo "bare-nonblocking: the same with --non-blocking (the handler declares it never blocks)"
if [ ${#server_cpu[@]} -gt 0 ]; then
  echo "pinned: every server on CPU 0 (taskset -c 0), the client on CPU 1 (taskset -c 1)"
fi
echo "command: ${client_cpu[*]}${client_cpu[*]:+ }java ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.load.ServeThroughput --target before=URL@PID --target after=URL@PID --bare bare=URL@PID --bare bare-nonblocking=URL@PID $*"
echo
# shellcheck disable=SC2086
${client_cpu[@]+"${client_cpu[@]}"} java ${JAVA_OPTS:-} -cp "$BENCH_JAR" chime.conformance.benchmarks.load.ServeThroughput \
  --target "$before" --target "$after" --bare "$bare" --bare "$bare_nb" "$@"
echo
echo "load average after the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
