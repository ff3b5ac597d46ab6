#!/usr/bin/env bash
# The test command (CI runs exactly this): install what is missing, then build and run every test,
# including the integration tests against a real Kafka broker and a real MLflow server.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$home/scripts/setup.sh"
cd "$home"
exec mvn -B verify "$@"
