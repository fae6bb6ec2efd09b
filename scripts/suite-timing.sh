#!/usr/bin/env bash
# Times the whole conformance suite with the CLI jar against the reference, in process and over HTTP, in the
# same invocation of this script: wall time including JVM start, scenarios per second, target calls per
# scenario, and the harness's own time per scenario (scenario time outside calls to the target, from
# `run --timing`), and the size of the report each run writes (du -sb of its directory). The last lines compare the
# targets: the median wall and CPU seconds of each, and their ratio to the first target's.
#
#   scripts/suite-timing.sh [--threads N] [--repeat R] [--targets "reference reference-http"]
#
# JAVA_OPTS is passed to java (e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1). Reports go to a temporary directory.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

threads=4
repeat=3
targets="reference reference-http"
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    *) echo "usage: $0 [--threads N] [--repeat R] [--targets \"reference reference-http\"]" >&2; exit 2 ;;
  esac
done

ensure_cli_jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

machine_info
echo "command: java ${JAVA_OPTS:-} -jar runner/target/chime-conformance.jar run --target T --threads $threads --timing"
echo
printf '%-15s %3s %7s %7s %7s %7s %6s %10s %10s %9s %8s %6s  %s\n' target run wall_s cpu_s run_s scen/s calls \
  target_ms harness_ms scenarios report_b load1 result
medians=()
for target in $targets; do
  walls=()
  cpus=()
  for run in $(seq 1 "$repeat"); do
    load="$(load1)"
    set +e
    # Bash's own timer: wall, user and system seconds of the java process.
    TIMEFORMAT='%R %U %S'
    { time java ${JAVA_OPTS:-} -jar "$CLI_JAR" run --target "$target" --threads "$threads" --timing \
        --report "$work/$target-$run" > "$work/$target-$run.log" 2>&1; } 2> "$work/$target-$run.time"
    rc=$?
    set -e
    read -r wall user sys < "$work/$target-$run.time"
    cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    walls+=("$wall")
    cpus+=("$cpu")
    timing="$(grep '^Timing:' "$work/$target-$run.log" || true)"
    field() { echo "$timing" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    if [ -z "$timing" ]; then
      echo "$target run $run: no timing line (exit $rc); log:" >&2
      tail -20 "$work/$target-$run.log" >&2
      exit 1
    fi
    summary="$(grep -E '^PASS [0-9]+' "$work/$target-$run.log" | tr -s ' ' | cut -d' ' -f1-6)"
    size="$(du -sb "$work/$target-$run" | cut -f1)"
    printf '%-15s %3s %7s %7s %7.2f %7s %6s %10s %10s %9s %8s %6s  %s\n' "$target" "$run" "$wall" "$cpu" \
      "$(awk -v ms="$(field run_ms)" 'BEGIN { print ms / 1000 }')" "$(field scenarios_per_s)" \
      "$(field calls_per_scenario)" "$(field target_ms_per_scenario)" "$(field harness_ms_per_scenario)" \
      "$(field scenarios)" "$size" "$load" "$summary (exit $rc)"
  done
  median="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  median_cpu="$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  echo "$target: median wall ${median} s, median CPU ${median_cpu} s over $repeat run(s)"
  medians+=("$target $median $median_cpu")
done
echo
first=""
for m in "${medians[@]}"; do
  read -r target wall cpu <<< "$m"
  if [ -z "$first" ]; then
    first="$wall $cpu"
  fi
  read -r wall0 cpu0 <<< "$first"
  awk -v t="$target" -v w="$wall" -v c="$cpu" -v w0="$wall0" -v c0="$cpu0" \
    'BEGIN { printf "%-15s median wall %7.3f s (%.2fx the first target), median CPU %6.2f s (%.2fx)\n", t, w, w / w0, c, c / c0 }'
done
echo
echo "wall_s: the java command, JVM start to exit. cpu_s: its user + system CPU seconds (less sensitive to"
echo "other load than wall time). run_s: the suite itself, as the report times it. report_b: bytes the run wrote"
echo "into its report directory."
echo "calls: calls to the target per scenario. target_ms / harness_ms: scenario time per scenario inside and"
echo "outside those calls, summed over the $threads threads (CPU contention inflates both alike)."
