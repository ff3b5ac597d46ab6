#!/usr/bin/env bash
# Starts (or stops) a Spark standalone cluster on 127.0.0.1 from the Spark jars scripts/setup.sh copied into
# .local/spark: a master and one worker with WORKER_CORES task slots.
# Then: bin/compressweep run FILE --master spark://127.0.0.1:7077
# The worker needs only Spark and Java: Compressweep's code reaches it as the application jar (spark.jars), the
# teacher and the models travel through Spark. For several hosts see scripts/netns-cluster.sh and the README.
#
#   scripts/spark-cluster.sh start|stop
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spark_home="$home/.local/spark"
state="$home/.local/spark-cluster"
cores="${WORKER_CORES:-2}"

source "$home/scripts/java-options.sh"

start() {
  [ -d "$spark_home/jars" ] || { echo "spark-cluster.sh: no Spark in $spark_home; run scripts/setup.sh" >&2; exit 2; }
  mkdir -p "$state"
  # A folder holding jars/ and a RELEASE file is all a worker needs as SPARK_HOME.
  export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  java "${JAVA_OPENS[@]}" -cp "$spark_home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
    --webui-port 18080 > "$state/master.log" 2>&1 &
  echo $! > "$state/master.pid"
  sleep 3
  java "${JAVA_OPENS[@]}" -cp "$spark_home/jars/*" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 \
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
