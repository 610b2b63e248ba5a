#!/usr/bin/env bash
# Affiliate tracking under load (issue 8). One service with rate limits off; a test-mode owner with an offer "bench"
# (30-day hold), an offer "probe" and a partner "bench"; against pgbench on the same embedded PostgreSQL in the same
# run: one single-row INSERT per transaction, WRK_CONNECTIONS clients (the same concurrency as wrk).
#   1. Postbacks: POST /v1/conversions with the key, a fresh txn_id each, on clicks made by run 2 (the full command
#      path: auth, the click read, dedup by the txn_id claim, the event appended and committed before the 201).
#      wrk at WRK_CONNECTIONS connections, alternating with pgbench and clicks:   postbacks/s >= 0.5 x pgbench tps
#      Then tracking/FixedRate.java at a fixed rate, half the postback maximum just measured (when that maximum meets
#      its target, at least 0.25 x pgbench tps), over the same number of connections, for FIXED_SECONDS; latency
#      counted from each request's intended start (wrk2's way):                   p99 < 50 ms
#   2. Click redirects: GET /r/<brand>/bench?via=bench&sub1=bench&mode=test, 302 expected (wrk, same settings):
#                                                                                  clicks/s >= 0.5 x pgbench tps
#   3. Report lag: FixedRate.java at 80 % of the postback maximum for LAG_SECONDS, with a probe beside it that posts one
#      conversion at a time on the probe offer and polls GET /v1/reports?offer=<probe> every 10 ms until the totals
#      count it (lag = from the 201 to that answer); p50/p99 per 10 s window:   p99 < 1000 ms, and not growing: the
#      last window's p50 exceeds the first's by less than LAG_MAX_GROWTH_MS (100)
#   4. Scale: SCALE_CONVERSIONS conversions (1,000,000 in the full run) of a year over SCALE_OFFERS offers and
#      SCALE_PARTNERS partners (each promoting SCALE_OFFERS_PER_PARTNER offers), then GET /v1/reports for the last
#      365 days grouped by day and offer, wrk with REPORT_CONNECTIONS (1: the answer's own latency) and, for
#      information, WRK_CONNECTIONS connections:                                  p99 < 50 ms (at 1 connection)
#      Also the report's SQL alone (pgbench, REPORT_CONNECTIONS clients): the database's share of that time. The
#      report reads the rollup per day and offer (report_daily_offer: it neither filters nor groups by partner).
#      How the year is filled: the offers and partners through the API; the conversions and their daily rollups with
#      SQL (tracking/scale.sql), straight into the read models (conversions, report_daily, report_daily_sub1,
#      report_daily_offer) as the projections would have written them. Through the API a million postbacks (and their clicks) take hours on this
#      machine, and the report reads only the rollups: what matters is that they hold what a real year holds (a row per
#      day, offer and partner that sold, skewed towards a few partners and recent days). The event store does not hold
#      these conversions, so a rebuild of the read models drops them: do not rebuild during the run.
# Exits 1 when a target is missed.
#
# Settings (environment). The defaults are a smoke run (about 5 minutes); FULL=1 sets the full run's defaults (about
# 15 minutes): WRK_DURATION=15s WARMUP_DURATION=60s ROUNDS=2 FIXED_SECONDS=30 LAG_SECONDS=60 SCALE_CONVERSIONS=1000000.
# Smoke: WRK_DURATION=5s WARMUP_DURATION=20s ROUNDS=1 FIXED_SECONDS=10 LAG_SECONDS=20 SCALE_CONVERSIONS=100000.
# The warm-up is long because these requests are slow: the JIT compiles a method after thousands of calls, and at a
# few hundred requests a second a short warm-up leaves the service measuring its interpreter.
# Each can be set on its own, as can WRK_THREADS=2 WRK_CONNECTIONS=16 REPORT_CONNECTIONS=1 SCALE_OFFERS=10
# SCALE_PARTNERS=60 SCALE_OFFERS_PER_PARTNER=3 MIN_POSTBACK_RATIO=0.5 MIN_CLICK_RATIO=0.5 MAX_POSTBACK_P99_MS=50
# MAX_LAG_P99_MS=1000 LAG_MAX_GROWTH_MS=100 MAX_REPORT_P99_MS=50 FIXED_WARM_UP_SECONDS=10 JAVA_OPTS="-Xms1g -Xmx1g"
# KEEP_TMP=1 (see lib.sh).
# JFR=1: record a JFR profile of the service over the whole run, kept as $TMP/service.jfr (implies KEEP_TMP=1).
if [[ ${FULL:-0} == 1 ]]; then
    : "${WRK_DURATION:=15s}" "${WARMUP_DURATION:=60s}" "${ROUNDS:=2}" "${FIXED_SECONDS:=30}" "${LAG_SECONDS:=60}"
    : "${SCALE_CONVERSIONS:=1000000}"
else
    : "${WRK_DURATION:=5s}" "${WARMUP_DURATION:=20s}" "${ROUNDS:=1}" "${FIXED_SECONDS:=10}" "${LAG_SECONDS:=20}"
    : "${SCALE_CONVERSIONS:=100000}"
fi
export WRK_DURATION WARMUP_DURATION ROUNDS
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPORT_CONNECTIONS=${REPORT_CONNECTIONS:-1}
SCALE_OFFERS=${SCALE_OFFERS:-10}
SCALE_PARTNERS=${SCALE_PARTNERS:-60}
SCALE_OFFERS_PER_PARTNER=${SCALE_OFFERS_PER_PARTNER:-3}
MIN_POSTBACK_RATIO=${MIN_POSTBACK_RATIO:-0.5}
MIN_CLICK_RATIO=${MIN_CLICK_RATIO:-0.5}
MAX_POSTBACK_P99_MS=${MAX_POSTBACK_P99_MS:-50}
MAX_LAG_P99_MS=${MAX_LAG_P99_MS:-1000}
LAG_MAX_GROWTH_MS=${LAG_MAX_GROWTH_MS:-100}
MAX_REPORT_P99_MS=${MAX_REPORT_P99_MS:-50}
FIXED_WARM_UP_SECONDS=${FIXED_WARM_UP_SECONDS:-10}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/tracking" && pwd)
if ! command -v pgbench >/dev/null || ! command -v psql >/dev/null; then
    log "pgbench or psql is missing: installing the Debian package postgresql-client"
    apt-get install -y postgresql-client >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y postgresql-client >/dev/null; } \
        || die "pgbench and psql are required (Debian package postgresql-client)"
fi

if [[ ${JFR:-0} == 1 ]]; then
    KEEP_TMP=1
    JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$TMP/service.jfr,settings=profile,dumponexit=true"
fi
start_service api CROWDLEDGER_RATELIMIT_ENABLED=false
register_verified_key api
export API_KEY # for postback.lua
BASE=${SERVICE_URL[api]}
DB_PORT=$(embedded_jdbc_url api | sed -E 's|.*:([0-9]+)/.*|\1|')
export PGPASSWORD=$(embedded_password api) # psql and pgbench
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$DB_PORT" -U postgres postgres)

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
offer() { # SLUG: a USD offer with a 30-day hold; its id
    call POST /v1/offers "{\"name\":\"Offer $1\",\"slug\":\"$1\",\"destinationUrl\":\"https://shop.example/$1?utm=aff\",\
\"defaultRevenue\":\"40.00\",\"defaultPayout\":\"5.00\",\"holdDays\":30}" | id_of
}
partner() { call POST /v1/partners "{\"name\":\"Partner $1\",\"slug\":\"$1\"}" | id_of; }

ME=$(call GET /v1/auth/me)
ACCOUNT=$(grep -o '"account":{"id":"[^"]*"' <<<"$ME" | cut -d'"' -f6)
BRAND=$(grep -o '"slug":"[^"]*"' <<<"$ME" | head -n1 | cut -d'"' -f4)
[[ -n $ACCOUNT && -n $BRAND ]] || die "no account id or brand in $ME"
offer bench >/dev/null
PROBE_OFFER=$(offer probe)
partner bench >/dev/null
CLICK_PATH="/r/$BRAND/bench?via=bench&sub1=bench&mode=test"
PROBE_CLICK=$(curl -sS -o /dev/null -w '%{redirect_url}' "$BASE/r/$BRAND/probe?via=bench&mode=test" \
    | grep -o 'clk_[A-Za-z0-9]*') || die "no click on the probe offer"
log "brand $BRAND, probe click $PROBE_CLICK"

"${PSQL[@]}" -c "create table bench_single_row (id bigserial primary key, v integer not null, at timestamptz not null)"
cat >"$TMP/insert.sql" <<'SQL'
\set v random(1, 1000000000)
insert into bench_single_row (v, at) values (:v, now());
SQL
run_pgbench() { # RUN DURATION: tps of single-row INSERT transactions, WRK_CONNECTIONS clients
    pgbench -n -h "$HOST" -p "$DB_PORT" -U postgres -c "$WRK_CONNECTIONS" -j "$WRK_THREADS" -T "$(seconds_of "$2")" \
        -f "$TMP/insert.sql" postgres >"$TMP/$1.txt" 2>&1 || { cat "$TMP/$1.txt" >&2; die "pgbench failed"; }
    awk '/^tps = / {print $3; exit}' "$TMP/$1.txt" >"$TMP/$1.tps"
}
clicks() { # RUN DURATION: every 50th click's id is kept in $TMP/clicks.<thread>
    CLICKS_OUT=$TMP/clicks run_wrk "$1" api "$2" "$BASE$CLICK_PATH" -s "$BENCH/click.lua" --timeout 30s \
        -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) bench'
}
postbacks() { # RUN DURATION
    CLICKS_FILE=$TMP/clicks.txt TXN_PREFIX=$1 run_wrk "$1" api "$2" "$BASE/v1/conversions" -s "$BENCH/postback.lua" \
        --timeout 30s
}

log "warm-up: clicks, postbacks, pgbench, $WARMUP_DURATION each"
clicks warm-clicks "$WARMUP_DURATION"
cat "$TMP"/clicks.[0-9]* >"$TMP/clicks.txt"
log "$(wc -l <"$TMP/clicks.txt") click ids kept for postbacks"
postbacks warm-postbacks "$WARMUP_DURATION"
run_pgbench warm-pgbench "$WARMUP_DURATION"
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    run_pgbench "pgbench-$round" "$WRK_DURATION"
    clicks "clicks-$round" "$WRK_DURATION"
    postbacks "postbacks-$round" "$WRK_DURATION"
done
runs() { local round; for round in $(seq 1 "$ROUNDS"); do echo "$1-$round"; done; }
AVG_PGBENCH=$(cat $(runs pgbench | sed "s|^|$TMP/|; s|$|.tps|") | awk '{s += $1} END {printf "%.1f", s / NR}')
AVG_CLICKS=$(avg_rps_of $(runs clicks))
AVG_POSTBACKS=$(avg_rps_of $(runs postbacks))

# fixed_rate RUN RATE SECONDS [probe]: FixedRate.java's output in $TMP/RUN.txt. It starts once the previous run's
# events are worked off (settle). Without the probe, FIXED_WARM_UP_SECONDS of the same load go first, not measured:
# the load generator is a fresh JVM, and its own cold start would count as the service's latency. The probe's run has
# none, so its first window is the lag's starting point.
fixed_rate() {
    local probe=() warm_up=$FIXED_WARM_UP_SECONDS
    [[ ${4:-} == probe ]] && probe=("$PROBE_CLICK" "$PROBE_OFFER") && warm_up=0
    settle api
    log "$1: postbacks at $2/s for $3 s over $WRK_CONNECTIONS connections${probe:+, with the lag probe}" \
        "(after $warm_up s of the same load, not measured)"
    FIXED_WARM_UP_SECONDS=$warm_up java "$BENCH/FixedRate.java" "$BASE" "$API_KEY" "$TMP/clicks.txt" "$2" "$3" \
        "$WRK_CONNECTIONS" "$1" "${probe[@]}" >"$TMP/$1.txt" || die "$1: the load generator failed"
    local errors
    errors=$(awk '$1 == "load" {print $8}' "$TMP/$1.txt")
    [[ $errors == 0 ]] || die "$1: $errors requests failed (see above): the result is bogus"
}
HALF_RATE=$(awk -v m="$AVG_POSTBACKS" 'BEGIN {printf "%.0f", m * 0.5}')
LAG_RATE=$(awk -v m="$AVG_POSTBACKS" 'BEGIN {printf "%.0f", m * 0.8}')
fixed_rate half "$HALF_RATE" "$FIXED_SECONDS"
fixed_rate lag "$LAG_RATE" "$LAG_SECONDS" probe

log "scale: $SCALE_OFFERS offers and $SCALE_PARTNERS partners through the API"
{
    echo "create temp table scale_offers (idx int, id text); create temp table scale_partners (idx int, id text);"
    for i in $(seq 1 "$SCALE_OFFERS"); do echo "insert into scale_offers values ($i, '$(offer "year-offer-$i")');"; done
    for i in $(seq 1 "$SCALE_PARTNERS"); do
        echo "insert into scale_partners values ($i, '$(partner "year-partner-$i")');"
    done
    echo '\i '"$BENCH/scale.sql"
} >"$TMP/scale.sql"
log "scale: $SCALE_CONVERSIONS conversions of a year and their rollups (SQL)"
started=$SECONDS
"${PSQL[@]}" -v account="$ACCOUNT" -v conversions="$SCALE_CONVERSIONS" -v per_partner="$SCALE_OFFERS_PER_PARTNER" \
    -f "$TMP/scale.sql" >/dev/null || die "the scale data could not be written"
FILLED_IN=$((SECONDS - started))
FROM=$(date -u -d '364 days ago' +%F) TO=$(date -u +%F)
STORED=$("${PSQL[@]}" -At -c "select count(*) from conversions where account_id = '$ACCOUNT'")
ROLLUP_ROWS=$("${PSQL[@]}" -At -c "select count(*) from report_daily where account_id = '$ACCOUNT'
    and day between '$FROM' and '$TO'")
OFFER_ROLLUP_ROWS=$("${PSQL[@]}" -At -c "select count(*) from report_daily_offer where account_id = '$ACCOUNT'
    and day between '$FROM' and '$TO'")
REPORT="/v1/reports?from=$FROM&to=$TO&groupBy=day,offer"
REPORT_ROWS=$(call GET "$REPORT" | grep -o '"group":' | wc -l)
log "scale: filled in ${FILLED_IN}s; $STORED conversions stored, $ROLLUP_ROWS rollup rows in the year" \
    "($OFFER_ROLLUP_ROWS per day and offer), $REPORT_ROWS report rows"
report() { # RUN DURATION CONNECTIONS
    WRK_CONNECTIONS=$3 WRK_THREADS=$((WRK_THREADS < $3 ? WRK_THREADS : $3)) \
        run_wrk "$1" api "$2" "$BASE$REPORT" -H "Authorization: Bearer $API_KEY" --timeout 30s
}
report warm-report "$WARMUP_DURATION" "$REPORT_CONNECTIONS"
report report "$WRK_DURATION" "$REPORT_CONNECTIONS"
report report-busy "$WRK_DURATION" "$WRK_CONNECTIONS"
# The database's share: the report's SQL (ReportRepository, Rollup.BY_OFFER, grouped by day and offer) alone
cat >"$TMP/report-sql.sql" <<SQL
select case when true then r.day end, case when true then r.offer_id end,
       case when false then null end, null, sum(r.clicks)::bigint, sum(r.unique_clicks)::bigint,
       sum(r.conversions)::bigint, sum(r.revenue), sum(r.payout), r.currency
from report_daily_offer r
where r.account_id = '$ACCOUNT' and r.mode in ('TEST') and r.day between '$FROM' and '$TO'
  and (cast(null as text) is null or r.currency = cast(null as text))
  and (cast(null as text) is null or r.offer_id = cast(null as text))
  and (cast(null as text) is null or null = cast(null as text))
group by 1, 2, 3, 4, r.currency order by 1, 2, 3, 4, r.currency limit 10001;
SQL
(cd "$TMP" && pgbench -n -h "$HOST" -p "$DB_PORT" -U postgres -c "$REPORT_CONNECTIONS" -T "$(seconds_of "$WRK_DURATION")" -l \
    --log-prefix=report-sql -f report-sql.sql postgres >report-sql.txt 2>&1) || die "pgbench failed on the report's SQL"
# per-transaction log lines: client, transaction, latency (us), ...: p50 and p99 in ms
sort -n -k3,3 "$TMP"/report-sql.[0-9]* | awk '{v[NR] = $3} END {
    printf "%.3f %.3f\n", v[int(NR * 0.5 + 0.999)] / 1000, v[int(NR * 0.99 + 0.999)] / 1000}' >"$TMP/report-sql.pct"

# --- results ------------------------------------------------------------------------------------------------------
verdict=0
check() { # LABEL MEASURED OP LIMIT: a line of the targets table
    local result=PASS
    awk -v m="$2" -v l="$4" -v op="$3" 'BEGIN {exit !((op == ">=") ? m >= l : m < l)}' || { result=FAIL; verdict=1; }
    printf '%-64s %12s %3s %-10s %s\n' "$1" "$2" "$3" "$4" "$result"
}
ms() { awk -v r="$1" -v k="$2" '$1 == r {print $k}' "$TMP/$3.txt"; }
echo
echo "Affiliate tracking: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS rounds, pgbench -c$WRK_CONNECTIONS" \
    "-j$WRK_THREADS (single-row INSERT transactions), same PostgreSQL, $(nproc) cores"
printf '%-6s %-52s %12s %10s %10s %12s\n' round variant per_second p50_ms p99_ms cpu_us/req
for round in $(seq 1 "$ROUNDS"); do
    printf '%-6s %-52s %12.1f %10s %10s %12s\n' "$round" "pgbench single-row INSERT transactions" \
        "$(cat "$TMP/pgbench-$round.tps")" - - -
    for run in clicks postbacks; do
        [[ $run == clicks ]] && label="GET /r/:brand/:offer (302)" || label="POST /v1/conversions, fresh txn_id (201)"
        printf '%-6s %-52s %12.1f %10s %10s %12s\n' "$round" "$label" "$(rps_of "$run-$round")" \
            "$(pct_of "$run-$round" 50)" "$(pct_of "$run-$round" 99)" "$(cpu_us_of "$run-$round")"
    done
done
printf '%-6s %-52s %12s %10s %10s %12s\n' fixed "POST /v1/conversions at $HALF_RATE/s (half load)" "$(ms load 4 half)" \
    "$(ms load 5 half)" "$(ms load 6 half)" -
printf '%-6s %-52s %12s %10s %10s %12s\n' fixed "POST /v1/conversions at $LAG_RATE/s (80 %), lag probe" \
    "$(ms load 4 lag)" "$(ms load 5 lag)" "$(ms load 6 lag)" -
for run in report report-busy; do
    printf '%-6s %-52s %12.1f %10s %10s %12s\n' "-" "GET year report by day,offer, $(grep -o '[0-9]* connections' \
        "$TMP/$run.txt" | head -n1)" "$(rps_of "$run")" "$(pct_of "$run" 50)" "$(pct_of "$run" 99)" "$(cpu_us_of "$run")"
done
printf '%-6s %-52s %12.1f %10s %10s %12s\n' "-" "the same report's SQL alone, pgbench -c$REPORT_CONNECTIONS" \
    "$(awk '/^tps = / {print $3; exit}' "$TMP/report-sql.txt")" $(cat "$TMP/report-sql.pct") -
echo
echo "Report lag at $LAG_RATE postbacks/s, from the postback's 201 to the report counting it (10 ms polls):"
printf '%-12s %8s %10s %10s %10s\n' window probes p50_ms p99_ms max_ms
awk '$1 == "window" {printf "%-12s %8s %10s %10s %10s\n", $2 "-" $3 " s", $4, $5, $6, $7}' "$TMP/lag.txt"
LAG_GROWTH=$(awk '$1 == "window" && $4 > 0 {if (first == "") first = $5; last = $5} END {printf "%.1f", last - first}' \
    "$TMP/lag.txt")
echo
echo "Scale: $STORED conversions stored (SQL, ${FILLED_IN}s), $ROLLUP_ROWS rollup rows in the year" \
    "($OFFER_ROLLUP_ROWS per day and offer), $REPORT_ROWS report rows"
printf '%-64s %12s %3s %-10s %s\n' target measured "" threshold verdict
check "1 postbacks/s / pgbench tps ($AVG_POSTBACKS / $AVG_PGBENCH)" \
    "$(awk -v a="$AVG_POSTBACKS" -v b="$AVG_PGBENCH" 'BEGIN {printf "%.3f", a / b}')" ">=" "$MIN_POSTBACK_RATIO"
check "1 postback p99 ms at $HALF_RATE/s (sent $(ms load 4 half)/s)" "$(ms load 6 half)" "<" "$MAX_POSTBACK_P99_MS"
check "2 clicks/s / pgbench tps ($AVG_CLICKS / $AVG_PGBENCH)" \
    "$(awk -v a="$AVG_CLICKS" -v b="$AVG_PGBENCH" 'BEGIN {printf "%.3f", a / b}')" ">=" "$MIN_CLICK_RATIO"
check "3 report lag p99 ms at $LAG_RATE/s over ${LAG_SECONDS}s ($(ms lag 2 lag) probes)" "$(ms lag 4 lag)" "<" \
    "$MAX_LAG_P99_MS"
check "3 report lag growth ms (last window p50 - first)" "$LAG_GROWTH" "<" "$LAG_MAX_GROWTH_MS"
check "4 year report by day,offer p99 ms ($REPORT_CONNECTIONS connection(s))" "$(pct_of report 99)" "<" \
    "$MAX_REPORT_P99_MS"
[[ ${JFR:-0} == 1 ]] && log "the JFR recording will be written to $TMP/service.jfr when the service stops"
exit $verdict
