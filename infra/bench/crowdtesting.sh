#!/usr/bin/env bash
# Crowdtesting at scale (issue 7). One service with rate limits off, filled through its API by CrowdtestingData.java
# (one owner, 200 campaigns, 2,000 testers, 100,000 bugs, 30 % of them triaged), then, at 16 connections:
#   GET /v1/bugs with each filter (none, campaign, status, severity, tester, from/to)    p99 < MAX_BUGS_P99_MS (25)
#   GET /v1/analytics?campaign= (whole life, and a window)                               p99 < MAX_ANALYTICS_P99_MS (10)
#   POST /v1/campaigns/:id/bugs over every tester and campaign joined, against pgbench's single-row INSERT
#   transactions on the same PostgreSQL in the same run (16 clients), alternating    ratio >= MIN_SUBMIT_RATIO (0.3)
# Exits 1 when a target is missed.
#
# Settings (environment): TESTERS=2000 BUGS_PER_TESTER=50 (100,000 bugs) WRK_THREADS=2 WRK_CONNECTIONS=16
# WRK_DURATION=15s WARMUP_DURATION=15s ROUNDS=2 JAVA_OPTS="-Xms1g -Xmx1g" KEEP_TMP=1 (keep logs and data)
# JFR=1: record a JFR profile of the service over the whole run, kept as $TMP/service.jfr (implies KEEP_TMP=1).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MAX_BUGS_P99_MS=${MAX_BUGS_P99_MS:-25}
MAX_ANALYTICS_P99_MS=${MAX_ANALYTICS_P99_MS:-10}
MIN_SUBMIT_RATIO=${MIN_SUBMIT_RATIO:-0.3}
TESTERS=${TESTERS:-2000}
BUGS_PER_TESTER=${BUGS_PER_TESTER:-50}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in pgbench psql; do command -v "$tool" >/dev/null || die "$tool is required (Debian: postgresql-client)"; done

if [[ ${JFR:-0} == 1 ]]; then
    KEEP_TMP=1
    JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$TMP/service.jfr,settings=profile,dumponexit=true"
fi
start_service api CROWDLEDGER_RATELIMIT_ENABLED=false
BASE=${SERVICE_URL[api]}
DB_PORT=$(embedded_jdbc_url api | sed -E 's|.*:([0-9]+)/.*|\1|')
export PGPASSWORD=$(embedded_password api) # psql and pgbench
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$DB_PORT" -U postgres postgres)

DATA=$TMP/data
log "generating data through the API: $TESTERS testers x $BUGS_PER_TESTER bugs"
started=$SECONDS
java "$BENCH/CrowdtestingData.java" "$BASE" "${SERVICE_DATA[api]}" "$DATA" "$TESTERS" "$BUGS_PER_TESTER" \
    || die "the data generator failed"
GENERATED_IN=$((SECONDS - started))
# fresh planner statistics, as after any bulk load (autovacuum would get there on its own, at its own time)
"${PSQL[@]}" -c "analyze"
BUG_ROWS=$("${PSQL[@]}" -At -c "select count(*) from bugs")
EVENTS=$("${PSQL[@]}" -At -c "select count(*) from domain_event_entry")
log "generated in ${GENERATED_IN}s: $BUG_ROWS bugs, $EVENTS events"

OWNER=$(cat "$DATA/owner.key")
AUTH=(-H "Authorization: Bearer $OWNER")
CAMPAIGN=$(head -n1 "$DATA/campaigns.txt")
TESTER=$(head -n1 "$DATA/testers.txt" | awk '{print $2}')
TODAY=$(date -u +%F)
WEEK_AGO=$(date -u -d '6 days ago' +%F)
declare -A READS=(
    [bugs]="/v1/bugs"
    [bugs-campaign]="/v1/bugs?campaign=$CAMPAIGN"
    [bugs-status]="/v1/bugs?status=accepted"
    [bugs-severity]="/v1/bugs?severity=critical"
    [bugs-tester]="/v1/bugs?tester=$TESTER"
    [bugs-range]="/v1/bugs?from=$WEEK_AGO&to=$TODAY"
    [analytics]="/v1/analytics?campaign=$CAMPAIGN"
    [analytics-window]="/v1/analytics?campaign=$CAMPAIGN&from=$WEEK_AGO&to=$TODAY"
)
ORDER=(bugs bugs-campaign bugs-status bugs-severity bugs-tester bugs-range analytics analytics-window)

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
submit() { # RUN DURATION
    TESTERS_FILE=$DATA/testers.txt run_wrk "$1" api "$2" "$BASE/v1/campaigns" -s "$BENCH/lua/report-bugs.lua"
}

log "warm-up: every read, then submissions, $WARMUP_DURATION each"
for name in "${ORDER[@]}"; do run_wrk "warm-$name" api "$WARMUP_DURATION" "$BASE${READS[$name]}" "${AUTH[@]}"; done
submit warm-submit "$WARMUP_DURATION"
run_pgbench warm-pgbench "$WARMUP_DURATION"
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    for name in "${ORDER[@]}"; do run_wrk "$name-$round" api "$WRK_DURATION" "$BASE${READS[$name]}" "${AUTH[@]}"; done
    run_pgbench "pgbench-$round" "$WRK_DURATION"
    submit "submit-$round" "$WRK_DURATION"
done

echo
echo "Crowdtesting: $BUG_ROWS bugs over $(wc -l <"$DATA/campaigns.txt") campaigns and $(wc -l <"$DATA/testers.txt") testers" \
    "($EVENTS events, generated through the API in ${GENERATED_IN}s); wrk -t$WRK_THREADS -c$WRK_CONNECTIONS" \
    "-d$WRK_DURATION, $ROUNDS rounds, $(nproc) cores"
printf '%-6s %-48s %12s %10s %10s %12s %8s\n' round request requests/s p50_ms p99_ms cpu_us/req verdict
verdict=0
for round in $(seq 1 "$ROUNDS"); do
    for name in "${ORDER[@]}"; do
        run=$name-$round
        [[ $name == analytics* ]] && limit=$MAX_ANALYTICS_P99_MS || limit=$MAX_BUGS_P99_MS
        p99=$(pct_of "$run" 99)
        if awk -v p="$p99" -v l="$limit" 'BEGIN {exit !(p < l)}'; then result="p99<$limit"; else result=FAIL; verdict=1; fi
        printf '%-6s %-48s %12.1f %10s %10s %12s %8s\n' "$round" "GET ${READS[$name]:0:44}" "$(rps_of "$run")" \
            "$(pct_of "$run" 50)" "$p99" "$(cpu_us_of "$run")" "$result"
    done
done
echo
printf '%-6s %-48s %12s %10s %10s %12s\n' round variant per_second p50_ms p99_ms cpu_us/req
submitted=() pgbench=()
for round in $(seq 1 "$ROUNDS"); do
    printf '%-6s %-48s %12.1f %10s %10s %12s\n' "$round" "pgbench single-row INSERT transactions" \
        "$(cat "$TMP/pgbench-$round.tps")" - - -
    printf '%-6s %-48s %12.1f %10s %10s %12s\n' "$round" "POST /v1/campaigns/:id/bugs" "$(rps_of "submit-$round")" \
        "$(pct_of "submit-$round" 50)" "$(pct_of "submit-$round" 99)" "$(cpu_us_of "submit-$round")"
    submitted+=("submit-$round"); pgbench+=("$(cat "$TMP/pgbench-$round.tps")")
done
avg_submit=$(avg_rps_of "${submitted[@]}")
avg_pgbench=$(printf '%s\n' "${pgbench[@]}" | awk '{s += $1} END {printf "%.1f", s / NR}')
ratio=$(awk -v x="$avg_submit" -v y="$avg_pgbench" 'BEGIN {printf "%.3f", x / y}')
if awk -v r="$ratio" -v m="$MIN_SUBMIT_RATIO" 'BEGIN {exit !(r >= m)}'; then
    echo "submissions/s ÷ pgbench tps = $avg_submit / $avg_pgbench = $ratio (threshold $MIN_SUBMIT_RATIO): PASS"
else
    echo "submissions/s ÷ pgbench tps = $avg_submit / $avg_pgbench = $ratio (threshold $MIN_SUBMIT_RATIO): FAIL"
    verdict=1
fi
[[ ${JFR:-0} == 1 ]] && log "the JFR recording will be written to $TMP/service.jfr when the service stops"
exit $verdict
