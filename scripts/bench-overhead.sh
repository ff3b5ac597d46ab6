#!/usr/bin/env bash
# The orchestrator's own cost, through the real path (local Spark, a real Kafka broker and MLflow server of the
# test fixtures): 100 no-op trials, a sweep of 40 one-epoch distillations on 2 slots and on 1, and the MLflow sink's
# throughput. Writes target/benchmarks/overhead.json and prints it.
#
#   scripts/bench-overhead.sh [-Dbench.noop=100] [-Dbench.trials=40] [-Dbench.sink_trials=100]
#                             [-Dbench.out=FILE] [-Dcompressweep.trial.fresh_jvm=true]
# Needs scripts/setup.sh to have run. See OverheadBenchmark in orchestrator's test sources.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
[ -f .local/build.stamp ] || { echo "bench-overhead.sh: run scripts/setup.sh first" >&2; exit 2; }
classpath=orchestrator/target/bench.classpath
mvn -B -q -o -pl orchestrator -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$home/$classpath"
source scripts/java-options.sh
modules=orchestrator/target/test-classes:orchestrator/target/classes:workers/target/classes:search/target/classes
modules=$modules:deploy/target/classes
exec java "${JAVA_OPENS[@]}" -Xmx3g -XX:TieredStopAtLevel=1 -Dai.djl.offline=true -Dcompressweep.home="$home" "$@" \
  -cp "$modules:$(cat "$classpath")" dev.compressweep.orchestrator.bench.OverheadBenchmark
