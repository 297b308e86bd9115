#!/usr/bin/env bash
# Self-hosted distributed load, on one machine: ONE emulated deployment, TWO Gatling injectors (separate JVMs, run at
# the same time) each writing its own mergeable load summary, then the launcher's `merge` adds them up exactly.
# On real injectors, run step 3 on each host (against the real target) and step 4 wherever the summaries land.
# Loopback only; every injector is bounded by its profile (bounds.maxRequests, bounds.maxDurationSec).
#
#   bench/two-injectors.sh                                  # smoke profile on both injectors
#   PROFILE=scenarios/load/balanced.yaml bench/two-injectors.sh
#
# Needs the injectors' -Dharness.endpoints=FILE (load target = a topology running beside, not one started in-process).
# Results: target/two-injectors/{injector-1,injector-2,merged}.json, Gatling reports in target/gatling/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/target/two-injectors
PROFILE=${PROFILE:-scenarios/load/smoke.yaml}
SIMULATION=${SIMULATION:-io.aoaigw.harness.load.SmokeSimulation}
JAR=target/aoai-gateway-harness.jar
say() { echo "[two-injectors $(date +%H:%M:%S)] $*" >&2; }

for tool in jq curl; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (apt-get install $tool)" >&2; exit 2; }
done
TOPOLOGY=$(awk -F': *' '$1=="topology"{print $2}' "$PROFILE")
[ -n "$TOPOLOGY" ] || { echo "$PROFILE: no topology field" >&2; exit 2; }

# Only the processes started here are stopped on exit, by their id.
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# 1. build once: the launcher, the simulations, and the injectors' classpath
say "building (launcher, simulations, classpath)"
./mvnw -q -B -DskipTests package test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/classpath.txt")"

# 2. one deployment for both injectors: the emulated topology of the profile, running beside
rm -f "$OUT"/*.json
say "starting emulate --topology $TOPOLOGY"
java -jar "$JAR" emulate --topology "$TOPOLOGY" --endpoints-out "$OUT/endpoints.json" >"$OUT/emulate.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do [ -s "$OUT/endpoints.json" ] && break; sleep 0.5; done
[ -s "$OUT/endpoints.json" ] || { echo "emulate did not write $OUT/endpoints.json; see $OUT/emulate.log" >&2; exit 1; }
ADMIN=$(jq -r '.admin.url' "$OUT/endpoints.json")

# 3. two injectors at once, each with its own summary (on separate hosts: the same command on each)
injector() {
  java --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" \
    -Dprofile="$PROFILE" -Dharness.endpoints="$OUT/endpoints.json" -Dsummary.out="$OUT/injector-$1.json" \
    io.gatling.app.Gatling --simulation "$SIMULATION" --results-folder "$ROOT/target/gatling" \
    --run-description "injector-$1" >"$OUT/injector-$1.log" 2>&1
}
say "injectors 1 and 2 running ($PROFILE)"
START=$(date +%s)
injector 1 & I1=$!; PIDS+=("$I1")
injector 2 & I2=$!; PIDS+=("$I2")
S1=0; S2=0
wait "$I1" || S1=$?
wait "$I2" || S2=$?
say "injectors done in $(( $(date +%s) - START )) s (exit $S1, $S2; logs $OUT/injector-*.log)"

# 4. merge: histograms add, counters sum, the window widens
java -jar "$JAR" merge "$OUT/injector-1.json" "$OUT/injector-2.json" --out "$OUT/merged.json"

# what each injector, the merge and the deployment itself counted
for f in injector-1 injector-2 merged; do
  jq -r --arg f "$f" '[$f, (.data.counters.chats // 0), (.data.counters.ok // 0), (.figures.latencyMs.ttft.p95 // "-"),
      (.figures.requestsPerMin | floor)] | "\(.[0]): chats \(.[1]), ok \(.[2]), TTFT p95 \(.[3]) ms, requests/min \(.[4])"' \
      "$OUT/$f.json"
done
echo "deployment (APIM admin counters): $(curl -s "$ADMIN/admin/apim" | jq -c '.counters // .')"
[ "$S1" -eq 0 ] && [ "$S2" -eq 0 ]
