# Shared by the measurement scripts: where things are, building what is missing, and the machine's description.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI_JAR="$ROOT/runner/target/chime-conformance.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"

# The CLI jar, built (without tests) when absent or when REBUILD=1.
ensure_cli_jar() {
  if [ ! -f "$CLI_JAR" ] || [ "${REBUILD:-0}" = 1 ]; then
    echo "building $CLI_JAR ..." >&2
    (cd "$ROOT" && mvn -o -B -q -pl runner -am package -DskipTests) >&2
  fi
}

# The benchmarks jar (profile benchmarks), built when absent or when REBUILD=1.
ensure_bench_jar() {
  if [ ! -f "$BENCH_JAR" ] || [ "${REBUILD:-0}" = 1 ]; then
    echo "building $BENCH_JAR ..." >&2
    (cd "$ROOT" && mvn -o -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests) >&2
  fi
}

# Sets work to a new temporary directory and server_pid to "" (the caller sets it when it starts a server); on
# exit the server, if still running, is killed and the directory removed.
with_server_work_dir() {
  work="$(mktemp -d)"
  server_pid=""
  trap 'if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -9 "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
}

# Waits up to 30 s for the server PID, writing to LOG, to print its loopback endpoint (and to write READY, a grep
# pattern, when given), then prints the endpoint. Fails, with what the server wrote, if it exits first.
await_endpoint() {
  local pid="$1" log="$2" ready="${3:-}" endpoint=""
  for _ in $(seq 1 300); do
    endpoint="$(grep -m1 -oE 'http://127\.0\.0\.1:[0-9]+' "$log" || true)"
    if [ -n "$endpoint" ] && { [ -z "$ready" ] || grep -q "$ready" "$log"; }; then
      echo "$endpoint"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server did not start:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "the server printed no endpoint within 30 s" >&2
  return 1
}

# The 1-minute load average: other work on the machine, to read each figure against.
load1() {
  cut -d' ' -f1 /proc/loadavg
}

# One block describing the machine, for BENCHMARKS.md.
machine_info() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"\
       "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory"
  echo "jdk: $(java -version 2>&1 | head -1) / $(java -version 2>&1 | sed -n 3p)"
  echo "kit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
}

