#!/usr/bin/env bash
# How many concurrent streams one Gatling injector sustains (issue 7, point 8), with the accuracy of its TTFT/ITL
# against the emulator's ground truth (figures.accuracy). Loopback only; every run is bounded in requests and time.
#
#   bench/load-bench.sh                      # both topologies: embedded (same JVM) and beside (emulate, own process)
#   bench/load-bench.sh embedded             # only one
#
# Each step runs SoakSimulation on a generated profile: STREAMS closed-model users (one SSE chat each, all on the
# frame-timed path), ramped over RAMP_S, held DURATION_S, OUTPUT_TOKENS per answer, against scenarios/topologies/
# load.yaml with its quotas raised so that no 429 limits the streams (the injector is what is measured).
# A step "sustains" its streams when: every chat started completed (ok = chats, failed = 0), the ITL error against
# ground truth has |error| p50 <= 2 ms and p99 <= ITL_P99_BOUND_MS, the ITL p50 stays in the emulated 20-25 ms
# (>= 15 ms: when the accounts fall behind they write frames in bursts, and harness and truth then agree on gaps of
# 0 ms, so the error alone would not show it), and the injector's JVM was not saturated (below
# 90 % of the cores over the run; embedded, that JVM also runs the topology). The machine's busy cores and load
# average are reported beside: other work on the box shows there.
#
# Knobs: STREAMS ("50 100 250 500 1000"), RAMP_S (10), DURATION_S (30), OUTPUT_TOKENS (200), ITL_P99_BOUND_MS (10),
# JVM_FLAGS ("-Xms2g -Xmx2g", both JVMs), INJECTOR_JVM_FLAGS (the injector's, default JVM_FLAGS: e.g. a low-pause
# collector for the injector alone, "-Xms2g -Xmx2g -XX:+UseShenandoahGC"), TOPOLOGY_SOURCE (scenarios/topologies/load.yaml, the chain; a topology without APIM,
# e.g. scenarios/topologies/bench/paced.yaml, puts the load straight on its first account, so the injector's own
# error shows without the hops'), EMULATOR_CPUS / INJECTOR_CPUS (taskset CPU lists, e.g. 0 and 1: beside, each
# process on a core of its own, so the injector's limit shows apart from the topology's).
# Results: target/bench/load/*.json, summary.md (printed at the end).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/target/bench/load
STREAMS=${STREAMS:-"50 100 250 500 1000"}
RAMP_S=${RAMP_S:-10}
DURATION_S=${DURATION_S:-30}
OUTPUT_TOKENS=${OUTPUT_TOKENS:-200}
ITL_P99_BOUND_MS=${ITL_P99_BOUND_MS:-10}
TOPOLOGY_SOURCE=${TOPOLOGY_SOURCE:-scenarios/topologies/load.yaml}
JVM_FLAGS=${JVM_FLAGS:-"-Xms2g -Xmx2g"}
INJECTOR_JVM_FLAGS=${INJECTOR_JVM_FLAGS:-$JVM_FLAGS}
# taskset execs the JVM, so $! stays the JVM's pid (CPU is read from /proc/$pid)
PIN_EMULATOR=(); [ -n "${EMULATOR_CPUS:-}" ] && PIN_EMULATOR=(taskset -c "$EMULATOR_CPUS")
PIN_INJECTOR=(); [ -n "${INJECTOR_CPUS:-}" ] && PIN_INJECTOR=(taskset -c "$INJECTOR_CPUS")
CLK_TCK=$(getconf CLK_TCK)
MODES=("$@")
[ ${#MODES[@]} -eq 0 ] && MODES=(embedded beside)

say() { echo "[load-bench $(date +%H:%M:%S)] $*" >&2; }
command -v jq >/dev/null || { echo "missing tool: jq (apt-get install jq)" >&2; exit 2; }
mkdir -p "$OUT"

# --- processes we start, and only those, are stopped on exit ----------------------------------------------------------
STARTED_PIDS=()
stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() { local pid; for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done; }
trap cleanup EXIT

cpu_seconds() { awk -v t="$CLK_TCK" '{ sub(/.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }   # busy idle jiffies
# one line per live thread of a process: "tid name cpu_seconds"
thread_cpu() {
  local t
  for t in /proc/"$1"/task/*; do
    awk -v t="$CLK_TCK" -v tid="${t##*/}" -v name="$(cat "$t/comm" 2>/dev/null | tr ' ' '_')" \
      '{ sub(/.*\) /, ""); print tid, name, ($12 + $13) / t }' "$t/stat" 2>/dev/null || true
  done
}
# CPU seconds by thread group over all samples (a thread's last reading counts, also once it has ended):
# "gatling vertx other"
thread_groups() {
  awk '{ name[$1] = $2; cpu[$1] = $3 }
       END { for (t in cpu) { if (name[t] ~ /^gatling/) g += cpu[t]; else if (name[t] ~ /^vert\.x/) v += cpu[t]; else o += cpu[t] }
             printf "%.2f %.2f %.2f\n", g, v, o }' "$1"
}

# --- build, topology with raised quotas -------------------------------------------------------------------------------
say "building: ./mvnw -q -B package -DskipTests (launcher + compiled simulations) and the test classpath"
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/cp.txt")"
TOPOLOGY=$OUT/topology.yaml
[ -f "$TOPOLOGY_SOURCE" ] || { echo "TOPOLOGY_SOURCE: no such file: $TOPOLOGY_SOURCE" >&2; exit 2; }
sed 's/tpm: 1000000, rpm: 6000/tpm: 2000000000, rpm: 20000000/' "$TOPOLOGY_SOURCE" > "$TOPOLOGY"

profile() { # streams → profile file
  local f=$OUT/profile-$1.yaml
  cat > "$f" <<EOF
name: streams-$1
description: $1 concurrent SSE streams (load-bench.sh)
topology: $TOPOLOGY
deployments: [gpt-4o]
shape: {inputTokens: 50, outputTokens: $OUTPUT_TOKENS}
workload: {model: closed, concurrency: $1, rampSec: $RAMP_S, durationSec: $DURATION_S}
bounds: {maxRequests: 200000, maxDurationSec: $((RAMP_S + DURATION_S + 60))}
retries: {max: 0}
headerShare: 0
EOF
  echo "$f"
}

start_emulator() { # → sets EMU_PID, EMU_EP
  EMU_EP=$OUT/endpoints.json
  rm -f "$EMU_EP"
  say "starting: java $JVM_FLAGS -jar target/aoai-gateway-harness.jar emulate --topology $TOPOLOGY --endpoints-out $EMU_EP"
  "${PIN_EMULATOR[@]}" java $JVM_FLAGS -jar target/aoai-gateway-harness.jar emulate --topology "$TOPOLOGY" \
    --endpoints-out "$EMU_EP" \
    > "$OUT/emulator.log" 2>&1 &
  EMU_PID=$!
  STARTED_PIDS+=("$EMU_PID")
  for _ in $(seq 300); do [ -s "$EMU_EP" ] && return 0; sleep 0.1; done
  echo "emulator did not write $EMU_EP within 30 s (see $OUT/emulator.log)" >&2; exit 1
}

run_step() { # mode streams
  local mode=$1 n=$2 label="$1-$2" extra=() prof summary pid emu_cpu0=0 emu_cpu1=0
  prof=$(profile "$n")
  summary=$OUT/$label.json
  if [ "$mode" = beside ]; then start_emulator; extra=("-Dharness.endpoints=$EMU_EP"); emu_cpu0=$(cpu_seconds "$EMU_PID"); fi
  say "($label) java $INJECTOR_JVM_FLAGS ${extra[*]} -Dprofile=$prof -Dsummary.out=$summary -cp … io.gatling.app.Gatling -s io.aoaigw.harness.load.SoakSimulation"
  read -r busy0 idle0 < <(machine_busy)
  local load0; load0=$(cut -d' ' -f1 /proc/loadavg)
  local t0; t0=$(date +%s.%N)
  # Gatling's log writer needs java.lang opened (the Maven plugin passes the same flag)
  "${PIN_INJECTOR[@]}" java $INJECTOR_JVM_FLAGS --add-opens=java.base/java.lang=ALL-UNNAMED "${extra[@]}" -Dprofile="$prof" -Dsummary.out="$summary" -cp "$CP" io.gatling.app.Gatling \
    -s io.aoaigw.harness.load.SoakSimulation -rf "$OUT/gatling-$label" > "$OUT/$label.log" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  local cpu=0 samples=$OUT/$label-threads.txt
  : > "$samples"
  while kill -0 "$pid" 2>/dev/null; do   # the JVM's CPU so far, and each thread's, once a second
    cpu=$(cpu_seconds "$pid"); thread_cpu "$pid" >> "$samples"; sleep 1
  done
  wait "$pid" || true
  [ -s "$summary" ] || { say "($label) no summary written, see $OUT/$label.log"; echo '{"data":{"counters":{}},"figures":{}}' > "$summary"; }
  local secs; secs=$(echo "$(date +%s.%N) - $t0" | bc)
  read -r busy1 idle1 < <(machine_busy)
  if [ "$mode" = beside ]; then emu_cpu1=$(cpu_seconds "$EMU_PID"); stop_pid "$EMU_PID"; fi
  read -r g v o < <(thread_groups "$samples")
  jq -n --arg lbl "$label" --arg mode "$mode" --argjson n "$n" --argjson secs "$secs" --argjson cpu "$cpu" \
    --argjson g "$g" --argjson v "$v" --argjson o "$o" --argjson emu "$(echo "$emu_cpu1 - $emu_cpu0" | bc)" \
    --argjson active "$(grep -o 'active: *[0-9]*' "$OUT/$label.log" | awk '{ if ($2 > m) m = $2 } END { print m + 0 }')" \
    --argjson busy "$(( busy1 - busy0 ))" --argjson idle "$(( idle1 - idle0 ))" --argjson cores "$(nproc)" --arg load "$load0" \
    --slurpfile s "$summary" '{"label": $lbl, "mode": $mode, "streams": $n, "seconds": $secs, "maxActiveUsers": $active, "cores": $cores, "loadAverageBefore": $load,
      injectorJvmCores: ($cpu / $secs), gatlingThreadCores: ($g / $secs), vertxThreadCores: ($v / $secs),
      otherThreadCores: ($o / $secs), besideEmulatorCores: ($emu / $secs),
      machineBusyCores: ($busy / ($busy + $idle) * $cores), summary: $s[0]}' > "$OUT/$label-step.json"
}

row() {
  jq -r --argjson bound "$ITL_P99_BOUND_MS" '. as $r | .summary as $s | $s.data.counters as $c | $s.figures as $f
    | ($f.accuracy // {}) as $a
    | (($c.ok // 0) == ($c.chats // -1) and ($c.failed // 0) == 0 and ($a.itlErrorMs.absP50 // 99) <= 2
       and ($a.itlErrorMs.absP99 // 99) <= $bound and ($f.latencyMs.itl.p50 // 0) >= 15 and $r.injectorJvmCores < 0.9 * $r.cores) as $ok
    | "| \($r.label) | \($c.chats // 0) | \($c.ok // 0) | \($c.failed // 0) | \($r.maxActiveUsers) | \($f.latencyMs.itl.p50) / \($f.latencyMs.itl.p99) | \($a.itlErrorMs.absP50) / \($a.itlErrorMs.absP99) | \($a.ttftErrorMs.p50) / \($a.ttftErrorMs.p99) | \($a.streamsMatched)/\($a.streamsMeasured) | \($r.injectorJvmCores*100|round/100): \($r.gatlingThreadCores*100|round/100) / \($r.vertxThreadCores*100|round/100) / \($r.otherThreadCores*100|round/100) | \($r.besideEmulatorCores*100|round/100) | \($r.machineBusyCores*100|round/100) (load \($r.loadAverageBefore)) | \(if $ok then "yes" else "no" end) |"' "$1"
}

SUMMARY=$OUT/summary.md
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "topology: $TOPOLOGY_SOURCE (quotas raised where it is load.yaml's); JVM flags: emulator \`$JVM_FLAGS\`$([ -n "${EMULATOR_CPUS:-}" ] && echo " on CPUs $EMULATOR_CPUS"), injector \`$INJECTOR_JVM_FLAGS\`$([ -n "${INJECTOR_CPUS:-}" ] && echo " on CPUs $INJECTOR_CPUS")"
  echo "closed model, ${RAMP_S} s ramp + ${DURATION_S} s hold, 50 in / ${OUTPUT_TOKENS} out tokens, all chats on the SSE path; sustained = all complete, 0 failed, |ITL error| p50 <= 2 ms and p99 <= ${ITL_P99_BOUND_MS} ms, ITL p50 >= 15 ms, injector JVM < 90 % of the cores"
  echo
  echo "| run | chats | ok | failed | max active users (Gatling) | ITL p50 / p99 ms | ITL error abs p50 / p99 ms | TTFT error p50 / p99 ms | matched | injector JVM cores: gatling / vert.x / other threads | emulator process cores (beside) | machine busy cores (load average before) | sustained |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$SUMMARY"
for mode in "${MODES[@]}"; do
  for n in $STREAMS; do
    run_step "$mode" "$n"
    row "$OUT/$mode-$n-step.json" >> "$SUMMARY"
  done
done
cat "$SUMMARY"
