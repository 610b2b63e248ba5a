#!/usr/bin/env bash
# Authentication overhead benchmark.
#
# Starts the service (embedded default: its own PostgreSQL in a fresh temp data dir, plain HTTP) on a free
# loopback port, registers an owner with a test API key, verifies its e-mail, then drives with ONE wrk client
# and the SAME wrk settings:
#   GET /actuator/health/liveness   (no authentication: the baseline cost of a request through the stack)
#   GET /v1/auth/me                 (Bearer API key: the authenticated cost)
# and passes when  requests/s(/me) >= MIN_RATIO x requests/s(liveness)  (default 0.8).
#
# Both endpoints are measured in the same run against the same JVM, so machine noise mostly cancels out in
# the ratio; alternating the endpoints over ROUNDS rounds (L, M, L, M, ...) cancels slow drift (GC, JIT, other
# load on the box) further. Traffic goes to 127.0.0.1 only.
#
# Settings (environment):
#   WRK_THREADS=2 WRK_CONNECTIONS=16 WRK_DURATION=15s   wrk settings, used for every run
#   WARMUP_DURATION=15s                                 each warm-up run (2 per endpoint, alternating)
#   ROUNDS=2                                            measured rounds (each: liveness, then /me)
#   MIN_RATIO=0.8                                       pass threshold for me/liveness
#   JAVA_OPTS="-Xms1g -Xmx1g"                           JVM options of the service
#   BENCH_JFR=/path/rec.jfr                             record the measured phase with JFR into that file
#   BENCH_PORT=                                         port of the service (default: a free one)
#   STARTUP_TIMEOUT=240                                 seconds to wait for readiness
#   JAR=infra/target/crowdledger.jar                    the service jar (built when missing)
#   KEEP_TMP=1                                          keep the temp dir (logs, data) for inspection
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:-$ROOT/infra/target/crowdledger.jar}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
WRK_DURATION=${WRK_DURATION:-15s}
WARMUP_DURATION=${WARMUP_DURATION:-15s}
ROUNDS=${ROUNDS:-2}
MIN_RATIO=${MIN_RATIO:-0.8}
# A fixed heap: no heap resizing in the middle of a measurement.
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
BENCH_JFR=${BENCH_JFR:-}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-240}
HOST=127.0.0.1

LIVENESS_PATH=/actuator/health/liveness
ME_PATH=/v1/auth/me

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# --- tools ------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "wrk is missing: installing the Debian package"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
    else
        sudo apt-get install -y wrk >/dev/null 2>&1 || { sudo apt-get update >/dev/null && sudo apt-get install -y wrk >/dev/null; }
    fi
fi
for tool in wrk curl java awk; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

# --- jar --------------------------------------------------------------------------------------------------
if [[ ! -f $JAR ]]; then
    log "$JAR is missing: building it (package only, never install)"
    if command -v mvn >/dev/null; then
        (cd "$ROOT" && mvn -q -DskipTests package)
    else
        (cd "$ROOT" && ./mvnw -q -DskipTests package)
    fi
    [[ -f $JAR ]] || die "the build did not produce $JAR"
fi

# --- temp dir and cleanup ---------------------------------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/crowdledger-bench.XXXXXX")
DATA_DIR=$TMP/data
SERVICE_LOG=$TMP/service.log
SERVICE_PID=

stop_service() {
    if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        log "stopping the service (pid $SERVICE_PID)"
        kill -TERM "$SERVICE_PID" 2>/dev/null || true
        # graceful shutdown also stops the embedded PostgreSQL; give it time, then force
        for _ in $(seq 1 60); do
            kill -0 "$SERVICE_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$SERVICE_PID" 2>/dev/null; then
            log "the service did not stop in 30 s: killing it"
            kill -KILL "$SERVICE_PID" 2>/dev/null || true
        fi
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    SERVICE_PID=
    # A killed JVM leaves its PostgreSQL behind: stop that one (found by its own pid file, nothing broader).
    local pidfile=$DATA_DIR/postgres/postmaster.pid
    if [[ -f $pidfile ]]; then
        local pg_pid
        pg_pid=$(head -n1 "$pidfile")
        if [[ $pg_pid =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null \
                && tr '\0' ' ' <"/proc/$pg_pid/cmdline" 2>/dev/null | grep -qF "$DATA_DIR"; then
            log "stopping the leftover embedded PostgreSQL (pid $pg_pid)"
            kill -INT "$pg_pid" 2>/dev/null || true
            for _ in $(seq 1 20); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_service
    # exit 1 is a measured FAIL; anything else non-zero is a broken run, where the service's log helps
    if [[ $rc -ne 0 && $rc -ne 1 && -f $SERVICE_LOG ]]; then
        log "last lines of the service log:"
        tail -n 40 "$SERVICE_LOG" >&2 || true
    fi
    if [[ ${KEEP_TMP:-0} == 1 ]]; then
        log "kept $TMP"
    else
        rm -rf "$TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- start the service ------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

if [[ -n ${BENCH_PORT:-} ]]; then
    PORT=$BENCH_PORT
    port_in_use "$PORT" && die "port $PORT is in use"
else
    PORT=
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 40000))
        if ! port_in_use "$candidate"; then PORT=$candidate; break; fi
    done
    [[ -n $PORT ]] || die "found no free port"
fi
BASE=http://$HOST:$PORT

jvm_opts=()
read -r -a jvm_opts <<<"$JAVA_OPTS"
# Spring's request stacks are deeper than JFR's default 64 frames: keep them whole for the recording.
if [[ -n $BENCH_JFR ]]; then jvm_opts+=(-XX:FlightRecorderOptions:stackdepth=256); fi
log "starting $(basename "$JAR") on $BASE (data in $DATA_DIR, JAVA_OPTS: $JAVA_OPTS)"
# SPRING_DATASOURCE_URL must be unset, or the service would not use its embedded default.
env -u SPRING_DATASOURCE_URL CROWDLEDGER_DATA_DIR="$DATA_DIR" SERVER_PORT="$PORT" SERVER_ADDRESS="$HOST" \
    java "${jvm_opts[@]}" -jar "$JAR" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!

deadline=$((SECONDS + STARTUP_TIMEOUT))
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/actuator/health/readiness" || true) == 200 ]]; do
    kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited during startup"
    ((SECONDS < deadline)) || die "the service was not ready within ${STARTUP_TIMEOUT}s"
    sleep 1
done
log "ready after ${SECONDS}s"

# --- an account with a verified e-mail and a test key -----------------------------------------------------
EMAIL="bench-$$-$RANDOM@example.com"
BODY=$TMP/body.json

code=$(curl -sS -o "$BODY" -w '%{http_code}' -X POST "$BASE/v1/auth/register/api-key" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"$EMAIL\",\"password\":\"bench-password-1234\",\"role\":\"owner\",\"name\":\"Bench\",\"mode\":\"test\"}")
[[ $code == 201 ]] || die "registration answered $code: $(cat "$BODY")"
# the key is the only "key" field of the answer: data.apiKey.key
API_KEY=$(grep -o '"key":"[^"]*"' "$BODY" | head -n1 | cut -d'"' -f4)
[[ -n $API_KEY ]] || die "no API key in the registration answer: $(cat "$BODY")"

# The embedded default writes the verification mail to <data dir>/mail/*.eml (maybe a moment later).
TOKEN=
for _ in $(seq 1 20); do
    for mail in "$DATA_DIR"/mail/*.eml; do   # only our one registration writes mail here
        [[ -f $mail ]] || continue
        TOKEN=$(grep -oE 'token=[A-Za-z0-9_-]+' "$mail" | head -n1 | cut -d= -f2 || true)
    done
    [[ -n $TOKEN ]] && break
    sleep 0.5
done
[[ -n $TOKEN ]] || die "no verification token found under $DATA_DIR/mail"

code=$(curl -sS -o "$BODY" -w '%{http_code}' -X POST "$BASE/v1/auth/verify-email" \
    -H 'Content-Type: application/json' -d "{\"token\":\"$TOKEN\"}")
[[ $code == 200 ]] || die "verify-email answered $code: $(cat "$BODY")"

# Both endpoints must answer 200 before load: wrk's counter only catches >= 400, not a redirect.
code=$(curl -sS -o "$BODY" -w '%{http_code}' -H "Authorization: Bearer $API_KEY" "$BASE$ME_PATH")
[[ $code == 200 ]] || die "GET $ME_PATH answered $code: $(cat "$BODY")"
code=$(curl -sS -o "$BODY" -w '%{http_code}' "$BASE$LIVENESS_PATH")
[[ $code == 200 ]] || die "GET $LIVENESS_PATH answered $code: $(cat "$BODY")"
log "account verified, key ${API_KEY:0:17}... answers 200 on $ME_PATH"

# --- measurement ------------------------------------------------------------------------------------------
# user + system CPU time of the service JVM so far, in clock ticks (fields 14 and 15 of /proc/PID/stat;
# the command name in field 2 has no spaces here: "(java)").
service_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat"; }
CLK_TCK=$(getconf CLK_TCK)

# run_wrk NAME DURATION -> writes wrk's output to $TMP/NAME.txt and fails on any error response.
run_wrk() {
    local name=$1 duration=$2 path headers=()
    case $name in
        liveness*) path=$LIVENESS_PATH ;;
        me*) path=$ME_PATH; headers=(-H "Authorization: Bearer $API_KEY") ;;
    esac
    local out=$TMP/$name.txt cpu_before
    cpu_before=$(service_cpu_ticks)
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$duration" --latency "${headers[@]}" "$BASE$path" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed on $path"; }
    # The service's CPU time spent during the run: unlike requests/s it hardly depends on what else the
    # machine is doing, so it tells a real cost difference from noise.
    echo $(($(service_cpu_ticks) - cpu_before)) >"$TMP/$name.cputicks"
    # A /me run full of 401s would look fast and mean nothing: any error response voids the benchmark.
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        cat "$out" >&2
        die "$name: GET $path got error responses (see above): the result is bogus"
    fi
    if grep -q 'Socket errors' "$out"; then
        log "warning: $name had socket errors: $(grep 'Socket errors' "$out")"
    fi
    grep -q '^Requests/sec:' "$out" || { cat "$out" >&2; die "$name: no Requests/sec in wrk's output"; }
}

# wrk prints latencies as 812.00us / 1.23ms / 1.01s: normalize to milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.3f", n }'
}
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$TMP/$1.txt"; }
requests_of() { awk '/ requests in / {print $1}' "$TMP/$1.txt"; }
# microseconds of service CPU per request, over the given runs ("N requests in 15.00s" is wrk's count)
cpu_us_of() {
    local run ticks=0 requests=0
    for run in "$@"; do
        ticks=$((ticks + $(cat "$TMP/$run.cputicks")))
        requests=$((requests + $(requests_of "$run")))
    done
    awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}'
}
pct_of() { to_ms "$(awk -v p="$2%" '$1 == p {print $2}' "$TMP/$1.txt")"; }

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
log "load before measuring: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
# Warm-up alternates too: the shared request path (filters, Spring MVC, Jackson) is JIT-compiled for the
# mix of both endpoints, as it will be measured; after a single liveness-then-/me warm-up the first measured
# liveness run still paid for recompilation (~30% more CPU per request than the second).
log "warm-up: liveness, /me, liveness, /me, ${WARMUP_DURATION} each"
for pass in 1 2; do
    run_wrk "liveness-warmup-$pass" "$WARMUP_DURATION"
    run_wrk "me-warmup-$pass" "$WARMUP_DURATION"
done

if [[ -n $BENCH_JFR ]]; then
    jcmd "$SERVICE_PID" JFR.start name=bench settings=profile >/dev/null
fi
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS: liveness, then /me (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    run_wrk "liveness-$round" "$WRK_DURATION"
    run_wrk "me-$round" "$WRK_DURATION"
done
if [[ -n $BENCH_JFR ]]; then
    jcmd "$SERVICE_PID" JFR.dump name=bench filename="$(realpath -m "$BENCH_JFR")" >/dev/null
    jcmd "$SERVICE_PID" JFR.stop name=bench >/dev/null
    log "JFR recording of the measured rounds: $BENCH_JFR"
fi

# --- report -----------------------------------------------------------------------------------------------
echo
echo "Crowdledger auth overhead: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS round(s)," \
    "warm-up 2 x $WARMUP_DURATION per endpoint, $(nproc) cores, 1-min load before measuring $LOAD_BEFORE"
printf '%-6s %-34s %12s %10s %10s %12s\n' round endpoint requests/s p50_ms p99_ms cpu_us/req
sum_l=0 sum_m=0
for round in $(seq 1 "$ROUNDS"); do
    for name in liveness me; do
        run=$name-$round
        [[ $name == liveness ]] && label="GET $LIVENESS_PATH" || label="GET $ME_PATH (Bearer key)"
        rps=$(rps_of "$run")
        printf '%-6s %-34s %12.1f %10s %10s %12s\n' "$round" "$label" "$rps" "$(pct_of "$run" 50)" \
            "$(pct_of "$run" 99)" "$(cpu_us_of "$run")"
        if [[ $name == liveness ]]; then sum_l=$(awk -v a="$sum_l" -v b="$rps" 'BEGIN {print a + b}');
        else sum_m=$(awk -v a="$sum_m" -v b="$rps" 'BEGIN {print a + b}'); fi
    done
done
avg_l=$(awk -v s="$sum_l" -v n="$ROUNDS" 'BEGIN {printf "%.1f", s / n}')
avg_m=$(awk -v s="$sum_m" -v n="$ROUNDS" 'BEGIN {printf "%.1f", s / n}')
cpu_l=$(cpu_us_of $(seq -f 'liveness-%g' 1 "$ROUNDS"))
cpu_m=$(cpu_us_of $(seq -f 'me-%g' 1 "$ROUNDS"))
printf '%-6s %-34s %12.1f %10s %10s %12s\n' avg "GET $LIVENESS_PATH" "$avg_l" - - "$cpu_l"
printf '%-6s %-34s %12.1f %10s %10s %12s\n' avg "GET $ME_PATH (Bearer key)" "$avg_m" - - "$cpu_m"
echo "(cpu_us/req: the service JVM's CPU time per request; less sensitive to other load than requests/s)"
ratio=$(awk -v m="$avg_m" -v l="$avg_l" 'BEGIN {printf "%.3f", m / l}')
if awk -v r="$ratio" -v min="$MIN_RATIO" 'BEGIN {exit !(r >= min)}'; then
    verdict=PASS
else
    verdict=FAIL
fi
echo
echo "server CPU per request, me/liveness = $(awk -v m="$cpu_m" -v l="$cpu_l" 'BEGIN {printf "%.2f", m / l}')"
echo "ratio me/liveness = $ratio (threshold $MIN_RATIO): $verdict"
[[ $verdict == PASS ]] || exit 1
