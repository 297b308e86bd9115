#!/usr/bin/env bash
# Benchmarks of the embedded topology (docs/BENCHMARKS.md). Loopback only; every load is bounded in requests and time.
#
#   bench/emulator-bench.sh            # all parts: a b c d e
#   bench/emulator-bench.sh a d        # only some parts
#
# Parts
#   a  unpaced 100-frame SSE answer: this emulator vs WireMock standalone serving the same bytes (wrk, responses/s)
#   b  2,000 concurrent paced streams against one account (Java client): pacing error, CPU of the emulator
#   c  time from `emulate` start to endpoints file written (N runs)
#   d  per-hop latency of small non-streamed requests: account, Front Door, APIM (+ throughput with wrk, and the
#      floor: the same answer through two bare Vert.x pass-through proxies)
#   e  concurrent paced streams through APIM → Front Door → accounts (5, 500 and 1,000)
#   p  (not in "all") where the emulator spends its CPU: JFR execution samples of the start-up, of part (a)'s load
#      and of part (d)'s full chain
#
# Knobs (environment): REPS (3) repetitions of the cheap measurements, WRK_DURATION (10 s), WRK_CONNECTIONS (32),
# WRK_THREADS (1), PACED_STREAMS ("2000", a list of sizes), CHAIN_STREAMS ("5 500 1000"), CHAIN_REPS (1), CHAIN_TIMEOUT_S (30), STARTS (5), SERVER_JVM_FLAGS (same for every
# server JVM: emulator and WireMock), CLIENT_JVM_FLAGS, BASELINE_JAR (parts b and c: also measure this older launcher,
# e.g. target/old-harness/aoai-gateway-harness.jar from bench/build-baseline.sh, interleaved with the new one in the
# same run; rows are labelled old / new), START_TOPOLOGIES (part c; default, paced and chain), CDS (part c: 1 also
# times each launcher with an AppCDS archive trained on that topology; rows labelled old+cds / new+cds).
# Results: target/bench/*.json, *.txt; the Markdown summary is printed on stdout and kept in target/bench/summary.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/target/bench
REPS=${REPS:-3}
WRK_DURATION=${WRK_DURATION:-10}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
PACED_STREAMS=${PACED_STREAMS:-2000}
CHAIN_STREAMS=${CHAIN_STREAMS:-"5 500 1000"}
CHAIN_REPS=${CHAIN_REPS:-1}
CHAIN_TIMEOUT_S=${CHAIN_TIMEOUT_S:-30}
STARTS=${STARTS:-5}
CDS=${CDS:-0}
BASELINE_JAR=${BASELINE_JAR:-}
START_TOPOLOGIES=${START_TOPOLOGIES:-"scenarios/topologies/default.yaml scenarios/topologies/bench/paced.yaml scenarios/topologies/bench/chain.yaml"}
SERVER_JVM_FLAGS=${SERVER_JVM_FLAGS:-"-Xms1g -Xmx1g"}
CLIENT_JVM_FLAGS=${CLIENT_JVM_FLAGS:-"-Xms1g -Xmx1g"}
# taskset execs the JVM, so $! stays the JVM's pid (CPU is read from /proc/$pid)
PIN_EMULATOR=(); [ -n "${EMULATOR_CPUS:-}" ] && PIN_EMULATOR=(taskset -c "$EMULATOR_CPUS")
PIN_CLIENT=(); [ -n "${CLIENT_CPUS:-}" ] && PIN_CLIENT=(taskset -c "$CLIENT_CPUS")
CLK_TCK=$(getconf CLK_TCK)
API="api-version=2024-10-21"
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(a b c d e)

say() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

for tool in wrk hyperfine jq curl awk; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "missing tool: $tool — install it with: apt-get install wrk hyperfine jq curl" >&2
    exit 2
  fi
done

mkdir -p "$OUT"
SUMMARY=$OUT/summary.md
: > "$SUMMARY"
md() { echo "$*" >> "$SUMMARY"; }

# --- processes we start, and only those, are stopped on exit ---------------------------------------------------------
STARTED_PIDS=()
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT

stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# CPU seconds (utime + stime) of a process so far
cpu_seconds() { awk -v t="$CLK_TCK" '{ sub(/.*\) /, ""); print ($12 + $13) / t }' "/proc/$1/stat"; }
now_s() { date +%s.%N; }
# per-thread CPU seconds of a process: "tid cpu_seconds name" lines
thread_cpu() {
  local t
  for t in /proc/"$1"/task/*; do
    awk -v t="$CLK_TCK" -v tid="${t##*/}" -v name="$(cat "$t/comm" 2>/dev/null | tr ' ' '_')" \
      '{ sub(/.*\) /, ""); printf "%s %.2f %s\n", tid, ($12 + $13) / t, name }' "$t/stat" 2>/dev/null || true
  done
}
# busiest threads between two thread_cpu snapshots: top_threads BEFORE AFTER SECONDS
top_threads() {
  awk -v secs="$3" 'NR == FNR { before[$1] = $2; next }
    { d = $2 - before[$1]; if (d > 0) printf "%.2f %s\n", d / secs, $3 }' "$1" "$2" | sort -rn | head -3 \
    | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 } END { print "" }'
}

# --- build ------------------------------------------------------------------------------------------------------------
say "building the launcher and the bench clients: ./mvnw -q -B -Pbench package -DskipTests + test classpath"
./mvnw -q -B -Pbench package -DskipTests
./mvnw -q -B -Pbench dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
WIREMOCK_JAR=$(tr ':' '\n' < "$OUT/cp.txt" | grep 'wiremock-standalone' | head -1)
CLIENT_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(tr ':' '\n' < "$OUT/cp.txt" | grep -v wiremock | paste -sd:)"
JAR=$ROOT/target/aoai-gateway-harness.jar
# the launchers measured by parts b and c: "label=jar" pairs, the baseline first
LAUNCHERS=("new=$JAR")
if [ -n "$BASELINE_JAR" ]; then
  [ -f "$BASELINE_JAR" ] || { echo "BASELINE_JAR=$BASELINE_JAR: no such file (build one with bench/build-baseline.sh)" >&2; exit 2; }
  LAUNCHERS=("old=$(cd "$(dirname "$BASELINE_JAR")" && pwd)/$(basename "$BASELINE_JAR")" "new=$JAR")
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# topology_for JAR TOPOLOGY: the file that launcher can read. A baseline predating `transport:` (23eed71) speaks plain
# HTTP only and refuses the field, so it gets a copy without it; the current launcher gets the file as is.
topology_for() {
  local jar=$1 topo=$2 copy
  if [ "$jar" = "$JAR" ] || ! grep -q '^transport:' "$topo"; then echo "$topo"; return; fi
  copy=$OUT/baseline-$(basename "$topo")
  grep -v '^transport:' "$topo" > "$copy"
  echo "$copy"
}

# start_emulator TOPOLOGY NAME [JAR]: starts `emulate` in the background, waits (≤ 120 s) for the endpoints file.
# Sets EMU_PID and EMU_EP.
start_emulator() {
  local name=$2 jar=${3:-$JAR} topology
  topology=$(topology_for "$jar" "$1")
  EMU_EP=$OUT/endpoints-$name.json
  rm -f "$EMU_EP"
  say "starting emulator: java $SERVER_JVM_FLAGS -jar ${jar#"$ROOT"/} emulate --topology $topology"
  # shellcheck disable=SC2086
  "${PIN_EMULATOR[@]}" java $SERVER_JVM_FLAGS -jar "$jar" emulate --topology "$topology" --endpoints-out "$EMU_EP" \
    > "$OUT/emulator-$name.log" 2>&1 &
  EMU_PID=$!
  STARTED_PIDS+=("$EMU_PID")
  for _ in $(seq 1200); do
    [ -s "$EMU_EP" ] && return 0
    kill -0 "$EMU_PID" 2>/dev/null || { cat "$OUT/emulator-$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "emulator $name did not write its endpoints in 120 s" >&2
  exit 1
}

client() { # client MAINCLASS ARGS...
  local main=$1; shift
  # shellcheck disable=SC2086
  timeout 300 "${PIN_CLIENT[@]}" java $CLIENT_JVM_FLAGS -cp "$CLIENT_CP" "io.aoaigw.harness.bench.$main" "$@"
}

# wrk_lua FILE KEY BODY: a POST script for wrk
wrk_lua() {
  local body=${3//\"/\\\"}
  cat > "$1" <<EOF
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["api-key"] = "$2"
EOF
}

# run_wrk NAME URL LUA PID [extra wrk args]: wrk with the shared settings; prints "rps cores_of_PID"
run_wrk() {
  local name=$1 url=$2 lua=$3 pid=$4; shift 4
  local c0 c1 t0 t1
  c0=$(cpu_seconds "$pid"); t0=$(now_s)
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WRK_DURATION}s" --timeout 10s -s "$lua" "$@" "$url" > "$OUT/wrk-$name.txt"
  c1=$(cpu_seconds "$pid"); t1=$(now_s)
  if grep -q "Non-2xx" "$OUT/wrk-$name.txt"; then # error answers are cheaper: counted, they would flatter the server
    say "wrk $name got answers other than 2xx; stopping (see $OUT/wrk-$name.txt):"; cat "$OUT/wrk-$name.txt" >&2
    exit 1
  fi
  if grep -q "Socket errors" "$OUT/wrk-$name.txt"; then
    say "wrk $name reported socket errors:"; cat "$OUT/wrk-$name.txt" >&2
  fi
  awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" \
    '/^Requests\/sec:/ { printf "%s %.2f\n", $2, (c1 - c0) / (t1 - t0) }' "$OUT/wrk-$name.txt"
}

# wrk latency percentile (µs) from a --latency output: wrk_pct FILE 50%
wrk_pct() {
  awk -v p="$2" '$1 == p {
      v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v)
      if (u == "us") f = 1; else if (u == "ms") f = 1000; else if (u == "s") f = 1000000; else f = 60000000
      printf "%.0f\n", v * f }' "$1"
}

stats() { # reads numbers on stdin; prints "median min max"
  sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%g %g %g\n", m, a[1], a[NR] }'
}

md "# Emulator benchmarks — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
md ""
md "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
md "server JVM flags: \`$SERVER_JVM_FLAGS\`; client JVM flags: \`$CLIENT_JVM_FLAGS\`; the clients and the servers share the machine's cores."
md ""

# ======================================================================================================================
part_a() {
  say "(a) unpaced 100-frame SSE answer: emulator vs WireMock $(basename "$WIREMOCK_JAR"), wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s"
  local dir=$OUT/a
  rm -rf "$dir"; mkdir -p "$dir/wiremock/mappings" "$dir/wiremock/__files"
  start_emulator scenarios/topologies/bench/unpaced.yaml unpaced
  local emu_pid=$EMU_PID url key path body
  url=$(jq -r '.accounts[0].endpoint' "$EMU_EP"); key=$(jq -r '.accounts[0].apiKey' "$EMU_EP")
  path="/openai/deployments/gpt-4o/chat/completions?$API"
  # max_tokens bounds what each request charges to the minute's quota: with the 4,096-token default estimate the
  # deployment's 2e9 tokens per minute last ~20 s at 22k answers/s, and 429s would be counted as answers
  body='{"messages":[{"role":"user","content":"Hello"}],"stream":true,"stream_options":{"include_usage":true},"max_tokens":100}'

  say "(a) capturing one answer from the emulator"
  curl -sS -o "$dir/wiremock/__files/sse-answer.txt" -D "$dir/captured-headers.txt" "$url$path" \
    -H "api-key: $key" -H 'content-type: application/json' -d "$body"
  local frames bytes
  frames=$(grep -c '^data: ' "$dir/wiremock/__files/sse-answer.txt")
  bytes=$(wc -c < "$dir/wiremock/__files/sse-answer.txt")
  say "(a) captured $frames SSE data frames (incl. [DONE]), $bytes bytes"
  [ "$frames" -eq 100 ] || { echo "expected 100 data frames, got $frames" >&2; exit 1; }

  jq -n --arg p "/openai/deployments/gpt-4o/chat/completions" '{request: {method: "POST", urlPath: $p},
      response: {status: 200, bodyFileName: "sse-answer.txt",
                 headers: {"content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache"}}}' \
    > "$dir/wiremock/mappings/sse.json"
  local wm_port
  wm_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  say "(a) starting WireMock: java $SERVER_JVM_FLAGS -jar $(basename "$WIREMOCK_JAR") --bind-address 127.0.0.1 --port $wm_port --no-request-journal --disable-request-logging"
  # shellcheck disable=SC2086
  java $SERVER_JVM_FLAGS -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$wm_port" --root-dir "$dir/wiremock" \
    --no-request-journal --disable-request-logging --disable-banner > "$OUT/wiremock.log" 2>&1 &
  local wm_pid=$!
  STARTED_PIDS+=("$wm_pid")
  for _ in $(seq 600); do
    curl -s -o /dev/null "http://127.0.0.1:$wm_port/__admin/mappings" && break
    kill -0 "$wm_pid" 2>/dev/null || { cat "$OUT/wiremock.log" >&2; exit 1; }
    sleep 0.1
  done
  local wm_url="http://127.0.0.1:$wm_port"
  curl -sS -o "$dir/wiremock-answer.txt" "$wm_url$path" -H "api-key: $key" -H 'content-type: application/json' -d "$body"
  cmp -s "$dir/wiremock-answer.txt" "$dir/wiremock/__files/sse-answer.txt" \
    || { echo "WireMock does not answer the captured bytes" >&2; exit 1; }
  say "(a) WireMock answers the same $bytes bytes"

  wrk_lua "$dir/post.lua" "$key" "$body"
  say "(a) warm-up: ${WRK_DURATION}s of wrk on each server"
  run_wrk a-warm-emulator "$url$path" "$dir/post.lua" "$emu_pid" > /dev/null
  run_wrk a-warm-wiremock "$wm_url$path" "$dir/post.lua" "$wm_pid" > /dev/null
  local rep e w ratios=() erps=() wrps=() ecores=() wcores=()
  for rep in $(seq "$REPS"); do
    # alternate the order so that neither server always runs first
    if (( rep % 2 )); then
      e=$(run_wrk "a-emulator-$rep" "$url$path" "$dir/post.lua" "$emu_pid")
      w=$(run_wrk "a-wiremock-$rep" "$wm_url$path" "$dir/post.lua" "$wm_pid")
    else
      w=$(run_wrk "a-wiremock-$rep" "$wm_url$path" "$dir/post.lua" "$wm_pid")
      e=$(run_wrk "a-emulator-$rep" "$url$path" "$dir/post.lua" "$emu_pid")
    fi
    erps+=("${e% *}"); wrps+=("${w% *}"); ecores+=("${e#* }"); wcores+=("${w#* }")
    ratios+=("$(awk -v e="${e% *}" -v w="${w% *}" 'BEGIN { printf "%.2f", e / w }')")
    say "(a) rep $rep: emulator ${e% *} resp/s (${e#* } cores), WireMock ${w% *} resp/s (${w#* } cores), ratio ${ratios[-1]}"
  done
  stop_pid "$wm_pid"; stop_pid "$emu_pid"
  local es ws rs
  es=$(printf '%s\n' "${erps[@]}" | stats); ws=$(printf '%s\n' "${wrps[@]}" | stats); rs=$(printf '%s\n' "${ratios[@]}" | stats)
  jq -n --argjson frames "$frames" --argjson bytes "$bytes" --arg wrk "-t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s" \
    --arg e "${erps[*]}" --arg w "${wrps[*]}" --arg r "${ratios[*]}" --arg ec "${ecores[*]}" --arg wc "${wcores[*]}" \
    '{frames: $frames, bytes: $bytes, wrk: $wrk, emulatorRps: ($e|split(" ")|map(tonumber)),
      wiremockRps: ($w|split(" ")|map(tonumber)), ratio: ($r|split(" ")|map(tonumber)),
      emulatorCores: ($ec|split(" ")|map(tonumber)), wiremockCores: ($wc|split(" ")|map(tonumber))}' > "$OUT/a-unpaced-vs-wiremock.json"
  md "## (a) unpaced SSE answer ($frames data frames incl. [DONE], $bytes bytes): emulator vs WireMock"
  md "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s, POST, $REPS repetitions after a ${WRK_DURATION}s warm-up of each; median (min–max)"
  md ""
  md "| server | responses/s | cores used by the server |"
  md "|---|---|---|"
  md "| emulator (account endpoint) | $(echo "$es" | awk '{printf "%s (%s–%s)", $1, $2, $3}') | ${ecores[*]} |"
  md "| WireMock 3.13.2 standalone | $(echo "$ws" | awk '{printf "%s (%s–%s)", $1, $2, $3}') | ${wcores[*]} |"
  md "| **ratio emulator / WireMock** | $(echo "$rs" | awk '{printf "**%s** (%s–%s); goal ≥ 3: %s", $1, $2, $3, ($1 >= 3 ? "met" : "NOT met")}') | |"
  md ""
}

# ======================================================================================================================
paced_run() { # paced_run LABEL URL KEY ADMIN ACCOUNTS STREAMS PID OUTFILE WARMUP_STREAMS TIMEOUT_S
  client PacedStreamsBench --label "$1" --url "$2" --key "$3" --admin "$4" --accounts "$5" --streams "$6" \
    --emulator-pid "$7" --out "$8" --warmup-streams "$9" --timeout-s "${10}" --ramp-ms 2000 --ttft-ms 200 \
    --itl-ms 20 --tokens 100 --clk-tck "$CLK_TCK" > /dev/null || say "client $1 reported failures or a time-out (see $8)"
}

paced_md_row() { # paced_md_row FILE
  jq -r '"| \(.label) | \(.streams) | \(.completed)/\(.streams) | \(.pacingErrorMicros.p50/1000) | \(.pacingErrorMicros.p99/1000) | \(.pacingErrorMicros.max/1000) | \(.firstTokenErrorMicros.p99/1000) | \((.groundTruth.writtenLateMicros.p50 // 0)/1000) / \((.groundTruth.writtenLateMicros.p99 // 0)/1000) | \(.groundTruth.maxOpenStreamsAtAccountsPolled // "-") | \(.emulatorCores*100|round/100) | \(.clientCores*100|round/100) | \(.machineBusyCores*100|round/100) |"' "$1"
}
PACED_HEAD="| run | streams | completed | pacing error p50 ms | p99 ms | max ms | first token p99 ms | written late by emulator p50 / p99 ms | max open streams at accounts (polled) | emulator cores | client cores | machine busy cores |"
PACED_SEP="|---|---|---|---|---|---|---|---|---|---|---|---|"

part_b() {
  say "(b) concurrent paced streams ($PACED_STREAMS; 200 ms TTFT, 100 tokens at 20 ms) against one account, $REPS runs each, launchers: ${LAUNCHERS[*]%%=*}"
  # one emulator per launcher, all up for the whole part, so old and new alternate run by run under the same load
  local launcher label pids=() urls=() keys=() admins=()
  for launcher in "${LAUNCHERS[@]}"; do
    label=${launcher%%=*}
    start_emulator scenarios/topologies/bench/paced.yaml "paced-$label" "${launcher#*=}"
    pids+=("$EMU_PID")
    urls+=("$(jq -r '.accounts[0].endpoint' "$EMU_EP")/openai/deployments/gpt-4o/chat/completions?$API")
    keys+=("$(jq -r '.accounts[0].apiKey' "$EMU_EP")"); admins+=("$(jq -r '.admin.url' "$EMU_EP")")
  done
  md "## (b) concurrent paced streams ($PACED_STREAMS) against one account (client: PacedStreamsBench)"
  md "schedule of token i: request sent + 200 ms + i × 20 ms; streams opened over 2 s after a 300-stream warm-up; goal p99 ≤ 5 ms"
  md ""
  md "$PACED_HEAD busiest emulator threads (cores, over the client's whole run) |"
  md "$PACED_SEP---|"
  local n rep k
  for n in $PACED_STREAMS; do
    for rep in $(seq "$REPS"); do
      for k in "${!LAUNCHERS[@]}"; do
        local t0 t1 name pid=${pids[$k]}
        # rows carry the launcher's label only when old and new are compared (an assignment from a failing test
        # would stop the script under set -e)
        name="b-$n-$rep"; [ ${#LAUNCHERS[@]} -gt 1 ] && name="b-${LAUNCHERS[$k]%%=*}-$n-$rep"
        thread_cpu "$pid" > "$OUT/threads-before.txt"; t0=$(now_s)
        paced_run "$name" "${urls[$k]}" "${keys[$k]}" "${admins[$k]}" aoai-bench "$n" "$pid" "$OUT/$name.json" 300 60
        thread_cpu "$pid" > "$OUT/threads-after.txt"; t1=$(now_s)
        top_threads "$OUT/threads-before.txt" "$OUT/threads-after.txt" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" > "$OUT/$name-threads.txt"
        say "(b) $name: $(jq -c '{completed, pacing: .pacingErrorMicros | {p50, p99, max}, truth: .groundTruth.writtenLateMicros | {p50, p99}, emulatorCores, clientCores, machineBusyCores}' "$OUT/$name.json")"
        md "$(paced_md_row "$OUT/$name.json") $(cat "$OUT/$name-threads.txt") |"
      done
    done
  done
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  md ""
}

# ======================================================================================================================
machine_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }   # busy idle

# start_once JAR TOPOLOGY [ARCHIVE]: one `emulate` start; prints "wall_ms cpu_ms own_ms" (start → endpoints file,
# polled every 5 ms; the emulator's CPU, all threads, when the file appeared; its own "up in" figure). ARCHIVE: an
# AppCDS archive the JVM maps (-XX:SharedArchiveFile).
start_once() {
  local jar=$1 topo ep=$OUT/c-endpoints.json t0 t1 pid cpu cds=()
  topo=$(topology_for "$jar" "$2")
  [ -n "${3:-}" ] && cds=("-XX:SharedArchiveFile=$3")
  rm -f "$ep"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  java $SERVER_JVM_FLAGS "${cds[@]}" -jar "$jar" emulate --topology "$topo" --endpoints-out "$ep" > "$OUT/c-emulator.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  for _ in $(seq 24000); do [ -s "$ep" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.005; done
  t1=$(date +%s%N)
  [ -s "$ep" ] || { cat "$OUT/c-emulator.log" >&2; exit 1; }
  cpu=$(awk -v t="$CLK_TCK" '{ sub(/.*\) /, ""); printf "%d", ($12 + $13) * 1000 / t }' "/proc/$pid/stat")
  stop_pid "$pid"
  echo "$(( (t1 - t0) / 1000000 )) $cpu $(sed -n 's/.* up in \([0-9]*\) ms.*/\1/p' "$OUT/c-emulator.log" | head -1)"
}

# cds_archive JAR TOPOLOGY ARCHIVE: one training start that writes an AppCDS archive of the classes it loaded
# (-XX:ArchiveClassesAtExit), stopped once its tokenizers are loaded (or 10 s after the endpoints file), so the
# archive holds what a start and the first requests load. The archive belongs to this JDK and this jar only.
cds_archive() {
  local jar=$1 topo ep=$OUT/c-cds-endpoints.json pid
  topo=$(topology_for "$jar" "$2")
  rm -f "$ep" "$3"
  # shellcheck disable=SC2086
  java $SERVER_JVM_FLAGS -XX:ArchiveClassesAtExit="$3" -jar "$jar" emulate --topology "$topo" --endpoints-out "$ep" > "$OUT/c-cds.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  for _ in $(seq 4000); do grep -q "tokenizers loaded" "$OUT/c-cds.log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.005; done
  stop_pid "$pid"
  [ -s "$3" ] || { echo "no AppCDS archive written for $jar ($topo):" >&2; tail -5 "$OUT/c-cds.log" >&2; exit 1; }
}

part_c() {
  md "## (c) time from \`emulate\` start to endpoints file written ($STARTS runs each$([ ${#LAUNCHERS[@]} -gt 1 ] && echo ", old and new alternated"))"
  md ""
  md "| topology | launcher | wall median ms | min | max | emulator CPU at endpoints median ms (all threads) | emulator's own 'up in' median ms | machine busy cores |"
  md "|---|---|---|---|---|---|---|---|"
  local topo name i k r busy0 busy1 variants archive
  for topo in $START_TOPOLOGIES; do
    name=$(basename "$topo" .yaml)
    declare -A wall=() cpu=() own=() busy=()
    # a variant is label=jar=archive (archive empty: no AppCDS)
    variants=()
    for k in "${!LAUNCHERS[@]}"; do variants+=("${LAUNCHERS[$k]}="); done
    if [ "$CDS" = 1 ]; then
      for k in "${!LAUNCHERS[@]}"; do
        archive=$OUT/c-${LAUNCHERS[$k]%%=*}-$name.jsa
        say "(c) training an AppCDS archive for ${LAUNCHERS[$k]%%=*} on $topo"
        cds_archive "${LAUNCHERS[$k]#*=}" "$topo" "$archive"
        variants+=("${LAUNCHERS[$k]%%=*}+cds=${LAUNCHERS[$k]#*=}=$archive")
      done
    fi
    say "(c) $STARTS starts of $topo per variant (${variants[*]%%=*})"
    for i in $(seq "$STARTS"); do
      for k in "${!variants[@]}"; do
        local rest=${variants[$k]#*=}
        busy0=$(machine_jiffies)
        r=$(start_once "${rest%=*}" "$topo" "${rest##*=}")
        busy1=$(machine_jiffies)
        wall[$k]+="${r%% *} "; cpu[$k]+="$(echo "$r" | cut -d' ' -f2) "; own[$k]+="$(echo "$r" | cut -d' ' -f3) "
        busy[$k]+="$(echo "$busy0 $busy1" | awk -v n="$(nproc)" '{ b = $3 - $1; i = $4 - $2; printf "%.2f", ((b + i) > 0 ? n * b / (b + i) : 0) }') "
      done
    done
    for k in "${!variants[@]}"; do
      local label=${variants[$k]%%=*}
      say "(c) $name $label: wall ${wall[$k]}ms, cpu ${cpu[$k]}ms, own ${own[$k]}ms, busy ${busy[$k]}"
      jq -n --arg t "$topo" --arg l "$label" --arg w "${wall[$k]}" --arg c "${cpu[$k]}" --arg o "${own[$k]}" --arg b "${busy[$k]}" \
        '{topology: $t, launcher: $l, startToEndpointsMs: ($w|split(" ")|map(select(. != ""))|map(tonumber)),
          emulatorCpuMsAtEndpoints: ($c|split(" ")|map(select(. != ""))|map(tonumber)),
          emulatorUpInMs: ($o|split(" ")|map(select(. != ""))|map(tonumber? // null)),
          machineBusyCores: ($b|split(" ")|map(select(. != ""))|map(tonumber))}' > "$OUT/c-startup-$name-$label.json"
      md "| $topo | $label | $(printf '%s\n' ${wall[$k]} | stats | awk '{printf "%s | %s | %s", $1, $2, $3}') | $(printf '%s\n' ${cpu[$k]} | stats | awk '{print $1}') | $(printf '%s\n' ${own[$k]} | stats | awk '{print $1}') | $(printf '%s\n' ${busy[$k]} | stats | awk '{printf "%s (%s–%s)", $1, $2, $3}') |"
    done
    unset wall cpu own busy
  done
  md ""
  if command -v hyperfine >/dev/null; then
    say "(c) cross-check with hyperfine: java -jar … --help (JVM + launcher start, no topology)"
    hyperfine -N -w 1 -r "$STARTS" --export-json "$OUT/c-hyperfine-help.json" "java $SERVER_JVM_FLAGS -jar $JAR emulate --help" > "$OUT/c-hyperfine-help.txt" 2>&1 || true
    md "JVM + launcher alone (\`emulate --help\`, hyperfine, $STARTS runs): median $(jq '.results[0].median*1000|round' "$OUT/c-hyperfine-help.json") ms (min $(jq '.results[0].min*1000|round' "$OUT/c-hyperfine-help.json"), max $(jq '.results[0].max*1000|round' "$OUT/c-hyperfine-help.json"))"
    md ""
  fi
}

# ======================================================================================================================
part_d() {
  say "(d) per-hop latency: account direct, Front Door, APIM (full chain); non-streamed, max_tokens 1, latency 0"
  start_emulator scenarios/topologies/bench/chain.yaml chain-d
  local acc fd apim akey skey path body
  acc=$(jq -r '.accounts[0].endpoint' "$EMU_EP"); akey=$(jq -r '.accounts[0].apiKey' "$EMU_EP")
  fd=$(jq -r '.frontDoor.endpointUrl' "$EMU_EP"); apim=$(jq -r '.apim.gatewayUrl' "$EMU_EP")
  skey=$(jq -r '.apim.subscriptions[0].primaryKey' "$EMU_EP")
  path="/openai/deployments/instant/chat/completions?$API"
  body='{"messages":[{"role":"user","content":"Hi"}],"max_tokens":1}'
  local rep
  md "## (d) per-hop latency of small non-streamed requests (max_tokens 1, latency 0)"
  md "one request at a time, round-robin account → Front Door → APIM on one keep-alive connection each (HopLatencyBench), 2,000 requests per target after 300 of warm-up; µs"
  md ""
  md "| run | account p50 / p99 | Front Door p50 / p99 | APIM (full chain) p50 / p99 | added by Front Door p50 / p99 | added by APIM p50 / p99 |"
  md "|---|---|---|---|---|---|"
  for rep in $(seq "$REPS"); do
    client HopLatencyBench --targets "account=$acc$path|$akey,frontdoor=$fd$path|$akey,apim=$apim$path|$skey" \
      --requests 2000 --warmup 300 --timeout-s 60 --out "$OUT/d-hops-$rep.json" > /dev/null
    say "(d) rep $rep: $(jq -c '.addedByHopMicros' "$OUT/d-hops-$rep.json")"
    md "$(jq -r '.latencyMicros as $l | .addedByHopMicros as $a | "| d-'"$rep"' | \($l.account.p50) / \($l.account.p99) | \($l.frontdoor.p50) / \($l.frontdoor.p99) | \($l.apim.p50) / \($l.apim.p99) | \($a["frontdoor-account"].p50) / \($a["frontdoor-account"].p99) | \($a["apim-frontdoor"].p50) / \($a["apim-frontdoor"].p99) |"' "$OUT/d-hops-$rep.json")"
  done
  md ""
  wrk_lua "$OUT/d-account.lua" "$akey" "$body"
  wrk_lua "$OUT/d-apim.lua" "$skey" "$body"
  say "(d) throughput: wrk --latency on the account and on APIM (full chain), $REPS reps each after a warm-up"
  run_wrk d-warm-account "$acc$path" "$OUT/d-account.lua" "$EMU_PID" > /dev/null
  run_wrk d-warm-apim "$apim$path" "$OUT/d-apim.lua" "$EMU_PID" > /dev/null
  md "throughput, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s --latency (the emulator process serves all hops)"
  md ""
  md "| run | account resp/s | account p50 / p99 µs | full chain resp/s | full chain p50 / p99 µs | chain / direct | emulator cores (account run / chain run) |"
  md "|---|---|---|---|---|---|---|"
  local d c
  for rep in $(seq "$REPS"); do
    d=$(run_wrk "d-account-$rep" "$acc$path" "$OUT/d-account.lua" "$EMU_PID" --latency)
    c=$(run_wrk "d-apim-$rep" "$apim$path" "$OUT/d-apim.lua" "$EMU_PID" --latency)
    say "(d) rep $rep: account ${d% *} resp/s, chain ${c% *} resp/s"
    md "| d-wrk-$rep | ${d% *} | $(wrk_pct "$OUT/wrk-d-account-$rep.txt" 50%) / $(wrk_pct "$OUT/wrk-d-account-$rep.txt" 99%) | ${c% *} | $(wrk_pct "$OUT/wrk-d-apim-$rep.txt" 50%) / $(wrk_pct "$OUT/wrk-d-apim-$rep.txt" 99%) | $(awk -v d="${d% *}" -v c="${c% *}" 'BEGIN { printf "%.2f", c / d }') | ${d#* } / ${c#* } |"
  done
  curl -s -X POST -H "api-key: $akey" -H 'Content-Type: application/json' -d "$body" "$acc$path" > "$OUT/d-answer.json"
  stop_pid "$EMU_PID"
  md ""
  pass_through_floor
}

# The same request through two bare Vert.x pass-through proxies in front of an origin that answers with the account's
# bytes (PassThroughFloorBench): the ratio HTTP alone allows on these cores, beside the emulator's.
pass_through_floor() {
  say "(d) floor: two bare pass-through proxies in front of a fixed answer"
  local ep=$OUT/d-floor.json pid rep d c
  rm -f "$ep"
  # shellcheck disable=SC2086
  java $SERVER_JVM_FLAGS -cp "$CLIENT_CP" io.aoaigw.harness.bench.PassThroughFloorBench --body "$OUT/d-answer.json" \
    --out "$ep" > "$OUT/d-floor.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  for _ in $(seq 300); do [ -s "$ep" ] && break; sleep 0.1; done
  [ -s "$ep" ] || { cat "$OUT/d-floor.log" >&2; exit 1; }
  wrk_lua "$OUT/d-floor.lua" unused '{"messages":[{"role":"user","content":"Hi"}],"max_tokens":1}'
  run_wrk d-floor-warm-origin "$(jq -r .origin "$ep")/" "$OUT/d-floor.lua" "$pid" > /dev/null
  run_wrk d-floor-warm-chain "$(jq -r .chain "$ep")/" "$OUT/d-floor.lua" "$pid" > /dev/null
  md "floor: the account's answer bytes from a bare Vert.x origin, direct and through two bare pass-through proxies (one server and one pooled client each, one process), wrk as above"
  md ""
  md "| run | origin resp/s | through two proxies resp/s | ratio | process cores (origin run / chain run) |"
  md "|---|---|---|---|---|"
  for rep in $(seq "$REPS"); do
    d=$(run_wrk "d-floor-origin-$rep" "$(jq -r .origin "$ep")/" "$OUT/d-floor.lua" "$pid")
    c=$(run_wrk "d-floor-chain-$rep" "$(jq -r .chain "$ep")/" "$OUT/d-floor.lua" "$pid")
    say "(d) floor rep $rep: origin ${d% *} resp/s, two proxies ${c% *} resp/s"
    md "| floor-$rep | ${d% *} | ${c% *} | $(awk -v d="${d% *}" -v c="${c% *}" 'BEGIN { printf "%.2f", c / d }') | ${d#* } / ${c#* } |"
  done
  stop_pid "$pid"
  md ""
}

# ======================================================================================================================
part_e() {
  say "(e) paced streams through APIM → Front Door → accounts: $CHAIN_STREAMS"
  start_emulator scenarios/topologies/bench/chain.yaml chain-e
  local url key admin n rep
  url="$(jq -r '.apim.gatewayUrl' "$EMU_EP")/openai/deployments/paced/chat/completions?$API"
  key=$(jq -r '.apim.subscriptions[0].primaryKey' "$EMU_EP"); admin=$(jq -r '.admin.url' "$EMU_EP")
  md "## (e) concurrent paced streams through the full chain (APIM → Front Door → 2 accounts)"
  md "same schedule and client as (b) (10-stream warm-up; each run stops after ${CHAIN_TIMEOUT_S}s whatever happens); 'written late' (ground truth of the streams that completed) and 'max open streams' (admin counters polled every 250 ms) are seen at the accounts (behind APIM and Front Door)"
  md ""
  md "$PACED_HEAD"
  md "$PACED_SEP"
  for n in $CHAIN_STREAMS; do
    for rep in $(seq "$CHAIN_REPS"); do
      paced_run "e-$n-$rep" "$url" "$key" "$admin" aoai-bench-a,aoai-bench-b "$n" "$EMU_PID" "$OUT/e-chain-$n-$rep.json" \
        10 "$CHAIN_TIMEOUT_S"
      say "(e) $n streams, rep $rep: $(jq -c '{completed, pacing: .pacingErrorMicros | {p50, p99, max}, emulatorCores, clientCores}' "$OUT/e-chain-$n-$rep.json")"
      md "$(paced_md_row "$OUT/e-chain-$n-$rep.json")"
    done
  done
  stop_pid "$EMU_PID"
  md ""
}

# ======================================================================================================================
# jfr_top FILE: share of execution samples per top frame, and per first project (io.aoaigw) frame of the stack
jfr_top() {
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$1" | awk '
    /stackTrace = \[/ { inst = 1; first = 1; own = ""; next }
    inst && /^[[:space:]]*\]/ { inst = 0; if (own == "") own = "(no io.aoaigw frame)"; proj[own]++; next }
    inst { f = $0; gsub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f)
           if (first) { top[f]++; n++; first = 0 }
           if (own == "" && f ~ /^io\.aoaigw/) own = f }
    END { for (k in top) printf "top   %5.1f%% %s\n", 100 * top[k] / n, k
          for (k in proj) printf "proj  %5.1f%% %s\n", 100 * proj[k] / n, k
          printf "samples %d\n", n }' | sort -k1,1 -k2,2rn
}

part_p() {
  say "(p) JFR profile of the emulator's start-up (paced.yaml)"
  local jfr=$OUT/p-startup.jfr ep=$OUT/p-endpoints.json pid
  rm -f "$jfr" "$ep"
  # shellcheck disable=SC2086
  java $SERVER_JVM_FLAGS -XX:FlightRecorderOptions=stackdepth=256 \
    -XX:StartFlightRecording=filename="$jfr",settings=profile,dumponexit=true -jar "$JAR" emulate \
    --topology scenarios/topologies/bench/paced.yaml --endpoints-out "$ep" > "$OUT/p-startup.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  for _ in $(seq 1200); do [ -s "$ep" ] && break; sleep 0.1; done
  stop_pid "$pid"
  jfr_top "$jfr" > "$OUT/p-startup-top.txt"
  md "## (p) where the emulator's CPU goes (JFR execution samples, profile settings)"
  md ""
  md "start-up of paced.yaml (start → SIGTERM once the endpoints file exists), top 12 frames and first io.aoaigw frames:"
  md '```'
  md "$(grep '^samples' "$OUT/p-startup-top.txt"; grep '^top' "$OUT/p-startup-top.txt" | head -12; grep '^proj' "$OUT/p-startup-top.txt" | head -10)"
  md '```'

  say "(p) JFR profile of the unpaced 100-frame answer under wrk (${WRK_DURATION}s)"
  SERVER_JVM_FLAGS="$SERVER_JVM_FLAGS -XX:FlightRecorderOptions=stackdepth=256" \
    start_emulator scenarios/topologies/bench/unpaced.yaml p-unpaced
  local url key body path
  url=$(jq -r '.accounts[0].endpoint' "$EMU_EP"); key=$(jq -r '.accounts[0].apiKey' "$EMU_EP")
  path="/openai/deployments/gpt-4o/chat/completions?$API"
  body='{"messages":[{"role":"user","content":"Hello"}],"stream":true,"stream_options":{"include_usage":true},"max_tokens":100}'
  md ""
  profile_under_wrk p-unpaced "$url$path" "$key" "$body" "unpaced 100-frame answers"
  profile_chain
}

# profile_under_wrk NAME URL KEY BODY TITLE: JFR of the running emulator ($EMU_PID) under wrk after a warm-up, then
# stops it; the top frames and first io.aoaigw frames go to the summary
profile_under_wrk() {
  local name=$1 url=$2
  wrk_lua "$OUT/$name.lua" "$3" "$4"
  run_wrk "$name-warm" "$url" "$OUT/$name.lua" "$EMU_PID" > /dev/null
  jcmd "$EMU_PID" JFR.start name=bench settings=profile > /dev/null
  run_wrk "$name" "$url" "$OUT/$name.lua" "$EMU_PID" > /dev/null
  jcmd "$EMU_PID" JFR.dump name=bench filename="$OUT/$name.jfr" > /dev/null
  jcmd "$EMU_PID" JFR.stop name=bench > /dev/null
  stop_pid "$EMU_PID"
  jfr_top "$OUT/$name.jfr" > "$OUT/$name-top.txt"
  md "$5 under wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s, top 15 frames and first io.aoaigw frames:"
  md '```'
  md "$(grep '^samples' "$OUT/$name-top.txt"; grep '^top' "$OUT/$name-top.txt" | head -15; grep '^proj' "$OUT/$name-top.txt" | head -15)"
  md '```'
  md ""
}

# the full chain (part d's non-streamed request through APIM → Front Door → account) under wrk, with JFR
profile_chain() {
  say "(p) JFR profile of the full chain (part d's request through APIM) under wrk (${WRK_DURATION}s)"
  SERVER_JVM_FLAGS="$SERVER_JVM_FLAGS -XX:FlightRecorderOptions=stackdepth=256" \
    start_emulator scenarios/topologies/bench/chain.yaml p-chain
  profile_under_wrk p-chain "$(jq -r '.apim.gatewayUrl' "$EMU_EP")/openai/deployments/instant/chat/completions?$API" \
    "$(jq -r '.apim.subscriptions[0].primaryKey' "$EMU_EP")" '{"messages":[{"role":"user","content":"Hi"}],"max_tokens":1}' \
    "full chain, non-streamed max_tokens 1"
}

for p in "${PARTS[@]}"; do
  case "$p" in
    a) part_a ;; b) part_b ;; c) part_c ;; d) part_d ;; e) part_e ;; p) part_p ;;
    *) echo "unknown part: $p (a b c d e p)" >&2; exit 2 ;;
  esac
done
say "results in $OUT; summary:"
cat "$SUMMARY"
