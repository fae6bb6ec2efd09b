#!/usr/bin/env bash
# Runs the whole conformance suite N times against the reference, in process and over HTTP, with parallel
# execution, and reports every scenario whose status was not the same in every run of a target (read from
# each run's results.json: scenarios[].id and .status). Exit status 1 when any scenario flaked.
#
#   scripts/flake-check.sh [N=20] [--threads T] [--targets "reference reference-http"] [--keep DIR]
#
# JAVA_OPTS is passed to java. Needs python3 to read the results.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=20
threads=4
targets="reference reference-http"
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    [0-9]*) runs="$1"; shift ;;
    *) echo "usage: $0 [N] [--threads T] [--targets \"reference reference-http\"] [--keep DIR]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "python3 is needed to read results.json" >&2; exit 2; }

ensure_cli_jar
if [ -n "$keep" ]; then
  work="$keep"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

machine_info
echo "command: java ${JAVA_OPTS:-} -jar runner/target/chime-conformance.jar run --target T --threads $threads (x $runs)"
for run in $(seq 1 "$runs"); do
  for target in $targets; do
    set +e
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -jar "$CLI_JAR" run --target "$target" --threads "$threads" \
      --report "$work/$target/$run" > "$work/$target-$run.log" 2>&1
    rc=$?
    set -e
    if [ ! -f "$work/$target/$run/results.json" ]; then
      echo "run $run on $target wrote no results.json (exit $rc):" >&2
      tail -20 "$work/$target-$run.log" >&2
      exit 2
    fi
    echo "run $run/$runs $target: $(grep -E '^PASS [0-9]+' "$work/$target-$run.log" | tr -s ' ') (exit $rc, load $(load1))"
  done
done

python3 - "$work" $targets <<'PY'
import json, os, sys
from collections import defaultdict

work, targets = sys.argv[1], sys.argv[2:]
flaky = 0
for target in targets:
    base = os.path.join(work, target)
    runs = sorted(os.listdir(base), key=int)
    statuses = defaultdict(dict)          # scenario id -> {run: status}
    for run in runs:
        with open(os.path.join(base, run, "results.json"), encoding="utf-8") as f:
            for s in json.load(f)["scenarios"]:
                statuses[s["id"]][run] = s["status"]
    changed = {sid: by_run for sid, by_run in statuses.items()
               if len(set(by_run.values())) > 1 or len(by_run) != len(runs)}
    print(f"\n{target}: {len(statuses)} scenarios, {len(runs)} runs, {len(changed)} changed status")
    for sid, by_run in sorted(changed.items()):
        seen = defaultdict(list)
        for run in runs:
            seen[by_run.get(run, "ABSENT")].append(run)
        print(f"  {sid}: " + "; ".join(f"{st} in run(s) {','.join(rs)}" for st, rs in sorted(seen.items())))
    flaky += len(changed)
print(f"\n{flaky} scenario(s) changed status between runs")
sys.exit(1 if flaky else 0)
PY
