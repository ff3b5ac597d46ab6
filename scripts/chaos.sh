#!/usr/bin/env bash
# Runs a real sweep (local Spark, the embedded Kafka broker and MLflow server) while killing things at random
# moments: kill -9 of the orchestrator (then resumed), of the broker and of the MLflow server (then restarted), of
# trial JVMs. Then prints one line:
#   trials planned N, complete N, failed N, lost N, duplicated N, stuck-running N, orphans N, duplicate-metric-points N
# and exits 0 when nothing was lost, duplicated, left running or orphaned.
#
#   scripts/chaos.sh [--trials 20] [--orchestrator-kills 5] [--broker-restarts 2] [--mlflow-restarts 2]
#                    [--trial-kills 3] [--seed 1] [--work DIR]
# Needs scripts/setup.sh to have run. See scripts/chaos/chaos.py.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="$home/.local/venv/bin/python"
[ -x "$python" ] || { echo "chaos.sh: run scripts/setup.sh first ($python is missing)" >&2; exit 2; }
exec "$python" "$home/scripts/chaos/chaos.py" --home "$home" "$@"
