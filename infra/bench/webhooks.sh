#!/usr/bin/env bash
# What webhooks cost, and how fast they go (issue 9). A receiver (webhooks/Receiver.java, the JDK's HTTP server,
# answering 200 at once) listens on loopback; the service may deliver there (CROWDLEDGER_WEBHOOKS_ALLOWPRIVATENETWORKS)
# and has rate limits off.
#   1. The write path, with and without webhooks: the tracking postback endpoint (GET /postback/:brand/:offer with the
#      offer's secret in X-Postback-Secret), each request a new conversion (a fresh txn_id, on one of 16 clicks; the
#      partner has no postback URL of its own), while the account's receiving endpoint, subscribed to the conversion
#      events, is enabled (every conversion.recorded is delivered to the receiver) or disabled (nothing is).
#      Alternating, one wrk client, the same settings. PASS when with >= 0.9 x without. After each run with webhooks,
#      the deliveries must all arrive; the time they take after the run ends is printed (what the run did not pay
#      for), and the receiver's share of the machine during the run (the customers' servers would not share the
#      service's cores).
#   2. Deliveries/s: DELIVERIES rows put due at the same instant into the queue (psql), to 8 endpoints on the receiver
#      (the engine then sends with all its 32 workers, 4 per endpoint), timed from the receiver's first request to its
#      last, against JdkLoop.java: 32 threads each looping a plain JDK HttpClient POST of the same body (and the same
#      headers) to the same receiver. PASS when the engine's rate >= 0.5 x the loop's. Printed beside: the CPU per
#      delivery of the service (JVM and PostgreSQL), of the loop's JVM (over its second half, warm), and of the
#      receiver: what a bare HTTP request costs on these cores, whoever sends it.
#
# Settings (environment): WRK_THREADS=2 WRK_CONNECTIONS=16 WRK_DURATION=15s WARMUP_DURATION=45s ROUNDS=2
# WRITE_MIN_RATIO=0.9 DELIVERY_MIN_RATIO=0.5 DELIVERIES=20000 JAVA_OPTS JAR KEEP_TMP=1 (see lib.sh).
# The warm-ups are longer than lib.sh's 15 s: after 15 s of each variant the postbacks were still getting faster from
# one round to the next, so the first round's ratio measured the JIT compiler more than the webhooks.
WARMUP_DURATION=${WARMUP_DURATION:-45s}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
WRITE_MIN_RATIO=${WRITE_MIN_RATIO:-0.9}
DELIVERY_MIN_RATIO=${DELIVERY_MIN_RATIO:-0.5}
DELIVERIES=${DELIVERIES:-20000}
LOOP_THREADS=32
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/webhooks" && pwd)
command -v psql >/dev/null || apt-get install -y postgresql-client >/dev/null 2>&1 \
    || die "psql is required (Debian package postgresql-client)"

# --- the receiver ------------------------------------------------------------------------------------------------
RECEIVER_PORT=$(free_port)
RECEIVER=http://$HOST:$RECEIVER_PORT
java "$BENCH_DIR/Receiver.java" "$RECEIVER_PORT" >"$TMP/receiver.log" 2>&1 &
SERVICE_PID[receiver]=$!   # stopped with the services
for _ in $(seq 1 60); do curl -s -o /dev/null "$RECEIVER/stats" && break; sleep 0.5; done
curl -s -o /dev/null "$RECEIVER/stats" || die "the receiver did not start: $(cat "$TMP/receiver.log")"
receiver_reset() { curl -s -o /dev/null -X POST "$RECEIVER/reset"; }
receiver_count() { curl -s "$RECEIVER/stats" | awk '{print $1}'; }
# requests/s between the receiver's first and last request
receiver_rate() { curl -s "$RECEIVER/stats" | awk '{ if ($3 > $2) printf "%.1f", ($1 - 1) / (($3 - $2) / 1e9); else print 0 }'; }
# the receiver's user + system CPU time so far, in clock ticks: it stands for the customers' servers, which would not
# share the service's cores
receiver_cpu_ticks() { awk '{print $14 + $15}' "/proc/${SERVICE_PID[receiver]}/stat"; }

# --- the service, an account, endpoints --------------------------------------------------------------------------
start_service main CROWDLEDGER_RATELIMIT_ENABLED=false CROWDLEDGER_WEBHOOKS_ALLOWPRIVATENETWORKS=true
register_verified_key main
BASE=${SERVICE_URL[main]}

# call METHOD PATH [BODY]: the answer's body; any status but 2xx ends the benchmark
call() {
    local out=$TMP/call.json code args=(-sS -o "$TMP/call.json" -w '%{http_code}' -X "$1" "$BASE$2"
        -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json')
    [[ -n ${3:-} ]] && args+=(-d "$3")
    code=$(curl "${args[@]}")
    [[ $code == 2* ]] || die "$1 $2 answered $code: $(cat "$out")"
    cat "$out"
}
id_of() { grep -o '"id":"[^"]*"' | head -n1 | cut -d'"' -f4; }
endpoint() { call POST /v1/webhooks "{\"url\":\"$RECEIVER$1\",\"eventTypes\":[\"$2\"]}" | id_of; }

# the receiving endpoint hears of every conversion event; part 1 makes conversion.recorded ones
RECEIVING=$(call POST /v1/webhooks "{\"url\":\"$RECEIVER/hook\",\"eventTypes\":[\"conversion.recorded\",\
\"conversion.approved\",\"conversion.rejected\",\"conversion.reversed\",\"conversion.paid\"]}" | id_of)
BRAND=$(call GET /v1/auth/me | grep -o '"slug":"[^"]*"' | head -n1 | cut -d'"' -f4)
SECRET=$(call POST /v1/offers '{"name":"Bench offer","slug":"bench","destinationUrl":"https://shop.example/",
"defaultRevenue":"40.00","defaultPayout":"5.00"}' | grep -o '"postbackSecret":"[^"]*"' | cut -d'"' -f4)
call POST /v1/partners '{"name":"Bench partner","slug":"bench-partner"}' >/dev/null
CLICKS=()
for _ in $(seq 1 16); do
    location=$(curl -sS -o /dev/null -w '%{redirect_url}' "$BASE/r/$BRAND/bench?via=bench-partner&mode=test")
    CLICKS+=("$(grep -o 'click_id=[0-9A-Za-z_]*' <<<"$location" | cut -d= -f2)")
    [[ -n ${CLICKS[-1]} ]] || die "the tracking link gave no click_id: $location"
done
[[ -n $BRAND && -n $SECRET ]] || die "no brand or offer secret"

# postback_script RUN: a wrk script whose every request records a new conversion (a txn_id of its own)
postback_script() {
    {
        echo 'wrk.method = "GET"'
        printf 'local clicks = {'; printf '"%s",' "${CLICKS[@]}"; echo '}'
        echo "local prefix = \"/postback/$BRAND/bench?mode=test&txn_id=$1-\""
        cat <<'LUA'
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local n = 0
function request()
  n = n + 1
  return wrk.format(nil, prefix .. tid .. "-" .. n .. "&click_id=" .. clicks[(n % #clicks) + 1])
end
LUA
    } >"$TMP/postback.lua"
}

# write_run RUN on|off DURATION: a postback run with the receiving endpoint enabled or disabled; with it enabled,
# waits for every conversion of the run to reach the receiver and records how long that took after the run (RUN.drain)
write_run() {
    local run=$1 variant=$2 duration=$3 events started receiver_before
    postback_script "$run-$(date +%s)"
    call PATCH "/v1/webhooks/$RECEIVING" "{\"status\":\"$([[ $variant == on ]] && echo enabled || echo disabled)\"}" \
        >/dev/null
    sleep 2   # the deliveries of earlier runs
    receiver_reset
    receiver_before=$(receiver_cpu_ticks)
    run_wrk "$run" main "$duration" "$BASE/postback/" -H "X-Postback-Secret: $SECRET" -s "$TMP/postback.lua"
    echo $(($(receiver_cpu_ticks) - receiver_before)) >"$TMP/$run.receiverticks"
    if [[ $variant == on ]]; then
        events=$(requests_of "$run") started=$SECONDS
        until (($(receiver_count) >= events)); do
            ((SECONDS - started < 300)) || die "$run: $(receiver_count) of $events events delivered after 300 s"
            sleep 0.2
        done
        echo $((SECONDS - started)) >"$TMP/$run.drain"
        log "$run: all $events events delivered, $((SECONDS - started)) s after the run"
    fi
}

log "part 1 warm-up: each variant once, $WARMUP_DURATION each"
write_run warm-off off "$WARMUP_DURATION"
write_run warm-on on "$WARMUP_DURATION"
for round in $(seq 1 "$ROUNDS"); do
    log "part 1 round $round/$ROUNDS (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    write_run "off-$round" off "$WRK_DURATION"
    write_run "on-$round" on "$WRK_DURATION"
done

# --- part 2: deliveries/s ----------------------------------------------------------------------------------------
call PATCH "/v1/webhooks/$RECEIVING" '{"status":"disabled"}' >/dev/null
DRAIN_TARGETS=()
for i in $(seq 1 8); do DRAIN_TARGETS+=("$(endpoint "/drain/$i" webhook.test)"); done
ACCOUNT=$(call GET /v1/auth/me | grep -o '"account":{"id":"[^"]*"' | cut -d'"' -f6)
# a webhook's body of the usual size
printf '{"id":"evt_0123456789ABCDEFabcdef","type":"webhook.endpoint_changed","createdAt":"2026-11-23T10:15:30.123Z","mode":"test","data":{"webhookId":"%s","accountId":"%s","mode":"test","url":"%s/drain/1","eventTypes":["webhook.test"],"description":"bench 1795407100-1-1","changedAt":"2026-11-23T10:15:30.123456Z"}}' \
    "${DRAIN_TARGETS[0]}" "$ACCOUNT" "$RECEIVER" >"$TMP/body.json"
PG_PORT=$(embedded_jdbc_url main | sed -E 's#.*:([0-9]+)/postgres#\1#')
export PGPASSWORD=$(embedded_password main) # for psql
TARGET_ARRAY=$(printf "'%s'," "${DRAIN_TARGETS[@]}"); TARGET_ARRAY="array[${TARGET_ARRAY%,}]"

# engine_run RUN: DELIVERIES rows due in 3 s; their rate at the receiver, and the service's CPU per delivery
engine_run() {
    local run=$1 before started receiver_before
    receiver_reset
    psql -q -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -v payload="$(cat "$TMP/body.json")" \
        >/dev/null <<SQL || die "$run: could not queue the deliveries"
insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, payload, status, next_attempt_at,
                        created_at)
select 'del_$run' || g, 'webhook', ($TARGET_ARRAY)[1 + g % 8], '$ACCOUNT', 'TEST', 'evt_$run' || g, 'webhook.test',
       :'payload', 'PENDING', now() + interval '3 seconds', now()
from generate_series(1, $DELIVERIES) g;
SQL
    before=$(CPU_INCLUDES_DATABASE=1 service_cpu_ticks main) started=$SECONDS receiver_before=$(receiver_cpu_ticks)
    until (($(receiver_count) >= DELIVERIES)); do
        ((SECONDS - started < 600)) || die "$run: $(receiver_count) of $DELIVERIES delivered after 600 s"
        sleep 0.2
    done
    sleep 1   # the last outcomes are written
    receiver_rate >"$TMP/$run.rate"
    echo $(($(CPU_INCLUDES_DATABASE=1 service_cpu_ticks main) - before)) >"$TMP/$run.cputicks"
    echo $(($(receiver_cpu_ticks) - receiver_before)) >"$TMP/$run.receiverticks"
    log "$run: $DELIVERIES deliveries at $(cat "$TMP/$run.rate")/s"
}

loop_run() {
    local run=$1 result receiver_before
    receiver_reset
    receiver_before=$(receiver_cpu_ticks)
    result=$(java "$BENCH_DIR/JdkLoop.java" "$RECEIVER/loop" "$DELIVERIES" "$LOOP_THREADS" "$TMP/body.json") \
        || die "$run: the JDK loop failed"
    echo $(($(receiver_cpu_ticks) - receiver_before)) >"$TMP/$run.receiverticks"
    [[ $(awk '{print $3}' <<<"$result") == 0 ]] || die "$run: the JDK loop had failed requests: $result"
    awk '{printf "%.1f", $1 / $2}' <<<"$result" >"$TMP/$run.rate"
    awk '{print $4}' <<<"$result" >"$TMP/$run.cpu"
    log "$run: $DELIVERIES posts at $(cat "$TMP/$run.rate")/s"
}

log "part 2 warm-up"
engine_run warm-engine
loop_run warm-loop
for round in $(seq 1 "$ROUNDS"); do
    log "part 2 round $round/$ROUNDS ($DELIVERIES deliveries)"
    engine_run "engine-$round"
    loop_run "loop-$round"
done

# --- results -----------------------------------------------------------------------------------------------------
verdict=0
echo
echo "Webhooks and the write path: GET /postback/:brand/:offer (a new conversion each), wrk -t$WRK_THREADS" \
    "-c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS rounds, $(nproc) cores; with webhooks every conversion.recorded is" \
    "delivered to a local receiver"
compare "postbacks, receiving endpoint disabled" "postbacks, every event delivered" off on "$WRITE_MIN_RATIO" \
    || verdict=1
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round: the deliveries of the run all arrived $(cat "$TMP/on-$round.drain") s after it ended;" \
        "the receiver used $(awk -v t="$(cat "$TMP/on-$round.receiverticks")" -v hz="$CLK_TCK" -v c="$(nproc)" \
        -v d="$(seconds_of "$WRK_DURATION")" 'BEGIN {printf "%.1f", 100 * t / hz / d / c}') % of the machine during it"
done
echo
echo "Deliveries/s: $DELIVERIES to 8 endpoints on a local receiver (32 workers, 4 per endpoint) vs a plain JDK" \
    "HttpClient loop, $LOOP_THREADS threads, same body and headers"
printf '%-6s %-40s %14s %22s\n' round variant deliveries/s cpu_us/delivery
sum_engine=0 sum_loop=0
for round in $(seq 1 "$ROUNDS"); do
    engine=$(cat "$TMP/engine-$round.rate") loop=$(cat "$TMP/loop-$round.rate")
    cpu=$(awk -v t="$(cat "$TMP/engine-$round.cputicks")" -v hz="$CLK_TCK" -v n="$DELIVERIES" \
        'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
    printf '%-6s %-40s %14.1f %22s\n' "$round" "delivery engine" "$engine" "$cpu (JVM + PostgreSQL)"
    printf '%-6s %-40s %14.1f %22s\n' "$round" "JDK HttpClient loop" "$loop" \
        "$(cat "$TMP/loop-$round.cpu") (its JVM, 2nd half)"
    sum_engine=$(awk -v a="$sum_engine" -v b="$engine" 'BEGIN {print a + b}')
    sum_loop=$(awk -v a="$sum_loop" -v b="$loop" 'BEGIN {print a + b}')
done
receiver_us() { awk -v t="$(cat "$TMP/$1.receiverticks")" -v hz="$CLK_TCK" -v n="$DELIVERIES" \
    'BEGIN {printf "%.0f", t / hz * 1e6 / n}'; }
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round: the receiver spent $(receiver_us "engine-$round") us of CPU per request from the engine," \
        "$(receiver_us "loop-$round") us per request from the loop"
done
ratio=$(awk -v e="$sum_engine" -v l="$sum_loop" 'BEGIN {printf "%.3f", e / l}')
if awk -v r="$ratio" -v m="$DELIVERY_MIN_RATIO" 'BEGIN {exit !(r >= m)}'; then
    echo "ratio = $ratio (threshold $DELIVERY_MIN_RATIO): PASS"
else
    echo "ratio = $ratio (threshold $DELIVERY_MIN_RATIO): FAIL"; verdict=1
fi
exit $verdict
