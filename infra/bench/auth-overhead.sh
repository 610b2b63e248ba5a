#!/usr/bin/env bash
# Authentication overhead (issue: platform core). One service, one wrk client, the same wrk settings:
#   GET /actuator/health/liveness   no authentication: the cost of a request through the stack
#   GET /v1/auth/me                 a Bearer API key: the same plus authentication
# PASS when requests/s(/me) >= MIN_RATIO (0.8) x requests/s(liveness). Rate limits are off here so that only
# authentication is measured (conventions-overhead.sh measures them). Both endpoints alternate, in the warm-up
# too, so JIT, GC and other load on the machine fall on both alike.
#
# Settings (environment): WRK_THREADS=2 WRK_CONNECTIONS=16 WRK_DURATION=15s WARMUP_DURATION=15s ROUNDS=2
# MIN_RATIO=0.8 JAVA_OPTS="-Xms1g -Xmx1g" JAR=infra/target/crowdledger.jar KEEP_TMP=1 (keep logs and data).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MIN_RATIO=${MIN_RATIO:-0.8}

start_service api CROWDLEDGER_RATELIMIT_ENABLED=false
register_verified_key api
BASE=${SERVICE_URL[api]}
AUTH=(-H "Authorization: Bearer $API_KEY")

log "warm-up: liveness, /me, liveness, /me, $WARMUP_DURATION each"
for pass in 1 2; do
    run_wrk "warm-liveness-$pass" api "$WARMUP_DURATION" "$BASE/actuator/health/liveness"
    run_wrk "warm-me-$pass" api "$WARMUP_DURATION" "$BASE/v1/auth/me" "${AUTH[@]}"
done
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    run_wrk "liveness-$round" api "$WRK_DURATION" "$BASE/actuator/health/liveness"
    run_wrk "me-$round" api "$WRK_DURATION" "$BASE/v1/auth/me" "${AUTH[@]}"
done

echo
echo "Authentication overhead: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS rounds, $(nproc) cores"
compare "GET /actuator/health/liveness" "GET /v1/auth/me (Bearer key)" liveness me "$MIN_RATIO"
