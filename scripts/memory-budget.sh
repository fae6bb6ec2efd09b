#!/usr/bin/env bash
# How many maximum-size messages `serve` holds before its memory budget refuses them, and whether it still
# reads and stops on SIGTERM afterwards: starts `chime-conformance.jar serve` on a free loopback port with
# -XX:+ExitOnOutOfMemoryError (and SERVER_OPTS, e.g. -Xmx256m; none: the JVM's default heap), floods it with
# the benchmarks module's FloodToBudget until 503, then sends SIGTERM and times the stop.
#
#   scripts/memory-budget.sh [--connections N]
#   SERVER_OPTS=-Xmx256m scripts/memory-budget.sh
#   SERVE_ARGS='--memory-budget 50%' scripts/memory-budget.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_cli_jar
ensure_bench_jar
with_server_work_dir

# shellcheck disable=SC2086
java -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar "$CLI_JAR" serve --host 127.0.0.1 --port 0 ${SERVE_ARGS:-} \
  > "$work/serve.log" 2>&1 &
server_pid=$!
endpoint="$(await_endpoint "$server_pid" "$work/serve.log" 'Press Ctrl+C')"

machine_info
echo "server: java -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar runner/target/chime-conformance.jar serve --port 0 ${SERVE_ARGS:-}"
grep -m1 'Memory budget' "$work/serve.log"
echo "command: java ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.load.FloodToBudget --endpoint $endpoint $*"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$BENCH_JAR" chime.conformance.benchmarks.load.FloodToBudget --endpoint "$endpoint" "$@"
echo "server heap after the flood (jcmd GC.heap_info):"
jcmd "$server_pid" GC.heap_info 2>/dev/null | sed -n '2,4p' || true
start=$(date +%s%N)
kill -TERM "$server_pid"
for _ in $(seq 1 300); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$server_pid" 2>/dev/null; then
  echo "still running 15 s after SIGTERM"
  exit 1
fi
echo "stopped $(( ($(date +%s%N) - start) / 1000000 )) ms after SIGTERM"
echo "load average after the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
