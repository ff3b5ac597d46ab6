#!/usr/bin/env bash
# A Spark standalone cluster of several "hosts" on this one machine, for the multi-host test and for trying a
# cluster by hand. Needs root (Linux network and mount namespaces).
#
#   - a bridge with 198.51.100.1/24 (documentation range) on this machine: the master and the driver listen there;
#   - N workers, each in a network namespace of its own with the address 198.51.100.(1+i), and a mount namespace
#     of its own in which every --hide folder (the project, the sweep's --out, ...) is covered by an empty tmpfs:
#     the workers share no disk with the driver and have no Compressweep installed, only Spark (a copy of
#     .local/spark outside the hidden folders) and Java. DJL's native cache is per worker too.
#
#   scripts/netns-cluster.sh start [--workers N] [--cores C] [--memory M] [--hide DIR]...
#   scripts/netns-cluster.sh kill-worker I     # SIGKILL every process of worker I (a lost host)
#   scripts/netns-cluster.sh stop              # stops everything and removes the namespaces and the bridge
#
# State (logs, the Spark copy, worker folders) lives in $CW_NETNS_STATE (default /tmp/compressweep-netns).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${CW_NETNS_STATE:-/tmp/compressweep-netns}"
prefix="${CW_NETNS_PREFIX:-cw}"
bridge="${prefix}br0"
master_ip=198.51.100.1
master_port=7077

source "$home/scripts/java-options.sh"

die() { echo "netns-cluster.sh: $*" >&2; exit 2; }

start() {
  local workers=2 cores=1 memory=3g hide=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --workers) workers="$2"; shift 2 ;;
      --cores) cores="$2"; shift 2 ;;
      --memory) memory="$2"; shift 2 ;;
      --hide) hide+=("$(cd "$2" && pwd)"); shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [ "$(id -u)" -eq 0 ] || die "needs root (network namespaces)"
  [ -d "$home/.local/spark/jars" ] || die "no Spark in $home/.local/spark; run scripts/setup.sh"
  stop >/dev/null 2>&1 || true
  mkdir -p "$state"
  # The workers' Spark installation: outside every hidden folder, like Spark installed on a node.
  rm -rf "$state/spark" && mkdir -p "$state/spark"
  cp -r "$home/.local/spark/jars" "$state/spark/jars" && cp "$home/.local/spark/RELEASE" "$state/spark/"
  ip link add "$bridge" type bridge
  ip addr add "$master_ip/24" dev "$bridge"
  ip link set "$bridge" up
  SPARK_HOME="$state/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP="$master_ip" nohup java "${JAVA_OPENS[@]}" -Xmx512m -cp "$state/spark/jars/*" \
    org.apache.spark.deploy.master.Master --host "$master_ip" --port "$master_port" --webui-port 18480 \
    > "$state/master.log" 2>&1 &
  echo $! > "$state/master.pid"
  for i in $(seq 1 "$workers"); do
    local ns="${prefix}-node$i" ip="198.51.100.$((1 + i))" node="$state/node$i"
    ip netns add "$ns"
    ip link add "${prefix}h$i" type veth peer name "${prefix}n$i"
    ip link set "${prefix}n$i" netns "$ns"
    ip link set "${prefix}h$i" master "$bridge"
    ip link set "${prefix}h$i" up
    ip netns exec "$ns" sh -c "ip addr add $ip/24 dev ${prefix}n$i && ip link set ${prefix}n$i up && ip link set lo up"
    mkdir -p "$node"
    local mounts="mount -t tmpfs tmpfs '$node'"
    for dir in "${hide[@]}"; do mounts="$mounts && mount -t tmpfs tmpfs '$dir'"; done
    ip netns exec "$ns" unshare -m --propagation private sh -c "$mounts && mkdir -p '$node/work' '$node/djl' && \
      cd '$node' && export SPARK_HOME='$state/spark' SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP='$ip' DJL_CACHE_DIR='$node/djl' \
        ENGINE_CACHE_DIR='$node/djl' ORT_DISABLE_TELEMETRY=1 && \
      exec java ${JAVA_OPENS[*]} -Xmx512m -cp '$state/spark/jars/*' org.apache.spark.deploy.worker.Worker \
        spark://$master_ip:$master_port --host $ip --cores $cores --memory $memory --work-dir '$node/work'" \
      > "$state/worker$i.log" 2>&1 &
  done
  for _ in $(seq 90); do
    [ "$(grep -l "Successfully registered with master" "$state"/worker*.log 2>/dev/null | wc -l)" -eq "$workers" ] && break
    sleep 1
  done
  [ "$(grep -l "Successfully registered with master" "$state"/worker*.log 2>/dev/null | wc -l)" -eq "$workers" ] \
    || die "the workers did not register within 90 s; see $state/*.log"
  echo "Spark master spark://$master_ip:$master_port with $workers workers of $cores cores (198.51.100.2-$((1 + workers)))"
}

kill_worker() {
  local ns="${prefix}-node$1"
  local pids
  pids="$(ip netns pids "$ns" 2>/dev/null || true)"
  [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
  echo "killed worker $1 (${pids//$'\n'/ })"
}

stop() {
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^${prefix}-node" || true); do
    pids="$(ip netns pids "$ns" 2>/dev/null || true)"
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  if [ -f "$state/master.pid" ]; then
    kill "$(cat "$state/master.pid")" 2>/dev/null || true
    rm -f "$state/master.pid"
  fi
  # Deleting a namespace does not always take its veth pair with it at once: delete the host ends (and so the pairs).
  for link in $(ip -o link show 2>/dev/null | grep -o "${prefix}h[0-9]*" | sort -u); do
    ip link del "$link" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  echo "stopped the namespace cluster"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  kill-worker) kill_worker "${2:?worker number}" ;;
  stop) stop ;;
  *) echo "usage: scripts/netns-cluster.sh start [--workers N] [--cores C] [--memory M] [--hide DIR]... | kill-worker I | stop" >&2
     exit 2 ;;
esac
