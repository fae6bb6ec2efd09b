#!/usr/bin/env bash
# Resident memory of a long-running `serve`: starts `chime-conformance.jar serve` on a free loopback port with
# -XX:+ExitOnOutOfMemoryError and SERVER_OPTS (the JVM flags under test), sends it N small messages (64 bytes
# of content, each different, each with its own random ClientRequestToken) with the benchmarks module's
# FloodToBudget, then reads the server's resident set (VmRSS, and its peak VmHWM, from /proc), its heap in
# use before and after a full collection (jcmd), and stops it.
#
#   scripts/serve-rss.sh [N, default 200000]
#   SERVER_OPTS='-XX:+UseSerialGC -Xmx512m' scripts/serve-rss.sh 200000
set -euo pipefail
source "$(dirname "$0")/lib.sh"

messages="${1:-200000}"
ensure_cli_jar
ensure_bench_jar
with_server_work_dir

# shellcheck disable=SC2086
java -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar "$CLI_JAR" serve --host 127.0.0.1 --port 0 \
  > "$work/serve.log" 2>&1 &
server_pid=$!
endpoint="$(await_endpoint "$server_pid" "$work/serve.log" 'Press Ctrl+C')"

rss() {
  awk -v what="$1" '$1 == what":" {printf "%.0f MiB", $2 / 1024}' "/proc/$server_pid/status"
}
# The heap in use, all generations (G1: one line; Serial and Parallel: one per generation).
heap_used() {
  jcmd "$server_pid" GC.heap_info 2>/dev/null | grep -E '(heap|generation) +total' \
    | grep -oE 'used [0-9]+K' | awk '{sum += $2} END {printf "%.0f MiB", sum / 1024}'
}

machine_info
echo "server: java -XX:+ExitOnOutOfMemoryError ${SERVER_OPTS:-} -jar runner/target/chime-conformance.jar serve --port 0"
echo "resident after start: $(rss VmRSS); heap in use: $(heap_used)"
echo "command: java ${JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.load.FloodToBudget --endpoint $endpoint --small $messages"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$BENCH_JAR" chime.conformance.benchmarks.load.FloodToBudget --endpoint "$endpoint" \
  --small "$messages"
echo "resident after the messages: $(rss VmRSS) (peak $(rss VmHWM)); heap in use: $(heap_used)"
jcmd "$server_pid" GC.run > /dev/null 2>&1 || true
sleep 1
echo "after a full collection (jcmd GC.run): resident $(rss VmRSS); heap in use: $(heap_used)"
jcmd "$server_pid" GC.heap_info 2>/dev/null | grep -E '(heap|generation) +total' || true
kill -TERM "$server_pid"
for _ in $(seq 1 300); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.05
done
echo "load average after the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
