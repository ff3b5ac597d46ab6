#!/usr/bin/env bash
# One command on a fresh machine: install what is missing, build, and run the demo sweep on
# Fashion-MNIST with a Kafka broker and an MLflow server started on 127.0.0.1.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$home/scripts/setup.sh"
exec "$home/bin/compressweep" run "$home/examples/fashion-mnist-demo.yaml" "$@"
