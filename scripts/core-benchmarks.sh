#!/usr/bin/env bash
# JMH benchmarks of the reference core and its HTTP dispatch, heap per stored message, and the interleaved
# paging-scale comparison (benchmarks module, -Pbenchmarks).
#
#   scripts/core-benchmarks.sh [JMH options, e.g. -f 3 -wi 3 -i 5 or a benchmark regex]
#
# Default: every benchmark with the forks and iterations their annotations give (3 forks, 3 warmup and 5
# measured iterations of 1 s). Results are also written to benchmarks/target/jmh-results.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_bench_jar
machine_info
echo "command: java -Xmx2g -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.core.HeapPerMessage 100000 [--wire]"
for mode in "" --wire; do
  java -Xmx2g -Djdk.attach.allowAttachSelf=true -cp "$BENCH_JAR" chime.conformance.benchmarks.core.HeapPerMessage 100000 $mode
done
echo
echo "command: java -Xmx4g -cp benchmarks/target/benchmarks.jar chime.conformance.benchmarks.core.PagingScale 200000"
java -Xmx4g -cp "$BENCH_JAR" chime.conformance.benchmarks.core.PagingScale 200000
echo
echo "command: java -jar benchmarks/target/benchmarks.jar -rf json -rff benchmarks/target/jmh-results.json $*"
java -jar "$BENCH_JAR" -rf json -rff "$ROOT/benchmarks/target/jmh-results.json" "$@" 2>&1 \
  | sed -n '/^Benchmark /,/^$/p'
echo
echo "load average after the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
