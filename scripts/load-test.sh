#!/usr/bin/env bash
# Load test of the reference HTTP server: starts `chime-conformance.jar serve` on a free loopback port, runs
# the benchmarks module's load generator against it (SendChannelMessage and ListChannelMessages at 1, 8 and
# 64 concurrent clients, each bounded in time and count), then stops the server it started.
#
#   scripts/load-test.sh [--clients 1,8,64] [--seconds 5] [--warmup 2] [--max-requests 200000]
#
# SERVER_OPTS and JAVA_OPTS are passed to the server's and the generator's java respectively.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_cli_jar
ensure_bench_jar
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
java -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar "$CLI_JAR" serve --host 127.0.0.1 --port 0 > "$work/serve.log" 2>&1 &
server_pid=$!
endpoint="$(await_endpoint "$server_pid" "$work/serve.log")"

machine_info
echo "server: pid $server_pid, java -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar runner/target/chime-conformance.jar serve --port 0 ($endpoint)"
echo "command: java ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.load.LoadGenerator --endpoint $endpoint $*"
echo
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$BENCH_JAR" chime.conformance.benchmarks.load.LoadGenerator --endpoint "$endpoint" \
  --server-pid "$server_pid" "$@" \
  | grep -v '^Load:'
echo
echo "load average after the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Closed loop: each client sends its next request when the previous answer arrives; the generator and the"
echo "server share the machine's cores. server µs/req: the server process's CPU time (user + system, from /proc)"
echo "per request served, which depends far less on other load than req/s and latency do."
