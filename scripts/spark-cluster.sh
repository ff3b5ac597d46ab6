#!/usr/bin/env bash
# Starts (or stops) a Spark standalone cluster on 127.0.0.1 from the project's own jars: a master and
# one worker with WORKER_CORES task slots. Then: bin/compressweep run FILE --master spark://127.0.0.1:7077
# On a real cluster, install compressweep at the same path on every node (the executors start trial
# JVMs from that classpath) and give --out a folder every node shares.
#
#   scripts/spark-cluster.sh start|stop
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$home/orchestrator/target/lib"
state="$home/.local/spark"
cores="${WORKER_CORES:-2}"

opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

start() {
  [ -d "$lib" ] || { echo "spark-cluster.sh: the project is not built; run scripts/setup.sh" >&2; exit 2; }
  mkdir -p "$state/home"
  # A folder holding jars/ and a RELEASE file is all a worker needs as SPARK_HOME.
  ln -sfn "$lib" "$state/home/jars"
  touch "$state/home/RELEASE"
  export SPARK_HOME="$state/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  java "${opens[@]}" -cp "$lib/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
    --webui-port 18080 > "$state/master.log" 2>&1 &
  echo $! > "$state/master.pid"
  sleep 3
  java "${opens[@]}" -cp "$lib/*" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 \
    --cores "$cores" --memory 4g --webui-port 18081 --work-dir "$state/work" > "$state/worker.log" 2>&1 &
  echo $! > "$state/worker.pid"
  for _ in $(seq 60); do
    grep -q "Successfully registered with master" "$state/worker.log" && break
    sleep 1
  done
  grep -q "Successfully registered with master" "$state/worker.log" \
    || { echo "spark-cluster.sh: the worker did not register within 60 s; see $state/worker.log" >&2; exit 1; }
  echo "Spark master spark://127.0.0.1:7077 (UI http://127.0.0.1:18080), one worker with $cores slots"
}

stop() {
  for name in worker master; do
    if [ -f "$state/$name.pid" ]; then
      kill "$(cat "$state/$name.pid")" 2>/dev/null || true
      rm -f "$state/$name.pid"
      echo "stopped the Spark $name"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/spark-cluster.sh start|stop" >&2; exit 2 ;;
esac
