#!/usr/bin/env bash
# Builds the launcher of an older commit, for old-vs-new runs of bench/emulator-bench.sh (BASELINE_JAR).
#
#   bench/build-baseline.sh            # 23eed71: main before issue 16's start-up and pacing changes
#   bench/build-baseline.sh COMMIT
#
# The commit is checked out in a temporary git worktree under target/ and built there (./mvnw package, online, as a
# fresh clone needs); its jar and lib/ land in target/old-harness/ (the jar finds lib/ beside it). Prints the knob.
set -euo pipefail

cd "$(dirname "$0")/.."
COMMIT=${1:-23eed71}
SRC=$(pwd)/target/old-harness-src
OUT=$(pwd)/target/old-harness

git worktree remove --force "$SRC" 2>/dev/null || rm -rf "$SRC"
git worktree prune
git worktree add --detach "$SRC" "$COMMIT" >&2
trap 'git worktree remove --force "$SRC" 2>/dev/null || true' EXIT
echo "[build-baseline] building $COMMIT in $SRC: ./mvnw -q -B package -DskipTests" >&2
(cd "$SRC" && ./mvnw -q -B package -DskipTests)
rm -rf "$OUT"
mkdir -p "$OUT"
cp -r "$SRC/target/aoai-gateway-harness.jar" "$SRC/target/lib" "$OUT/"
git rev-parse "$COMMIT" > "$OUT/COMMIT"
echo "BASELINE_JAR=target/old-harness/aoai-gateway-harness.jar"
