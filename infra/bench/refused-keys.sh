#!/usr/bin/env bash
# What a refused key costs (issue 6, defect 1). One service with the real per-address limit (60 requests a minute
# per client address without a valid key) and the key's own limits out of reach, one wrk client, the same settings,
# three floods of GET /v1/auth/me from one address, alternating round by round (warm-up too):
#   accepted     the account's key                                                           expects 200
#   wrong rest   the key's display prefix (tpk_test_ + its first 8 hex digits) + 24 zeros    expects 401 or 429
#   unknown      a well-formed key whose display prefix matches no key                       expects 401 or 429
# A flood from one address is answered 429 after its first 60 refusals of a minute: what matters is what those
# answers cost (argon2 ran before each of them once). PASS when each refused flood serves >= MIN_RATIO (0.5) x the
# requests/s of the accepted one, and costs the server <= MAX_CPU_RATIO (2) x its CPU per request. The server's CPU
# is the JVM's and its embedded PostgreSQL's together.
# OPEN_ADDRESS=1 sets the per-address limit out of reach as well: every refusal is then a 401 (still drawn from the
# address's bucket), as for an attacker with more addresses than requests.
#
# Settings (environment): WRK_THREADS=2 WRK_CONNECTIONS=16 WRK_DURATION=15s WARMUP_DURATION=15s ROUNDS=2
# MIN_RATIO=0.5 MAX_CPU_RATIO=2 OPEN_ADDRESS=0 JAVA_OPTS JAR KEEP_TMP=1 (see lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MIN_RATIO=${MIN_RATIO:-0.5}
MAX_CPU_RATIO=${MAX_CPU_RATIO:-2}
CPU_INCLUDES_DATABASE=1
UNREACHABLE=1000000000

LIMITS=(CROWDLEDGER_RATELIMIT_MINUTE=$UNREACHABLE CROWDLEDGER_RATELIMIT_HOUR=$UNREACHABLE
    CROWDLEDGER_RATELIMIT_DAY=$UNREACHABLE)
[[ ${OPEN_ADDRESS:-0} == 1 ]] && LIMITS+=(CROWDLEDGER_RATELIMIT_ANONYMOUS_MINUTE=$UNREACHABLE
    CROWDLEDGER_RATELIMIT_ANONYMOUS_HOUR=$UNREACHABLE CROWDLEDGER_RATELIMIT_ANONYMOUS_DAY=$UNREACHABLE)
start_service api "${LIMITS[@]}"
register_verified_key api
ME=${SERVICE_URL[api]}/v1/auth/me
ZEROS=000000000000000000000000
WRONG_REST=${API_KEY:0:17}$ZEROS
[[ ${API_KEY:9:8} == ffffffff ]] && OTHER_PREFIX=eeeeeeee || OTHER_PREFIX=ffffffff
UNKNOWN=${API_KEY:0:9}$OTHER_PREFIX$ZEROS

# flood RUN DURATION KEY STATUSES
flood() {
    EXPECTED_STATUSES=$4 run_wrk "$1" api "$2" "$ME" -H "Authorization: Bearer $3"
}

log "warm-up: accepted, wrong rest, unknown, twice, $WARMUP_DURATION each"
for pass in 1 2; do
    flood "warm-accepted-$pass" "$WARMUP_DURATION" "$API_KEY" 200
    flood "warm-wrong-$pass" "$WARMUP_DURATION" "$WRONG_REST" "401 429"
    flood "warm-unknown-$pass" "$WARMUP_DURATION" "$UNKNOWN" "401 429"
done
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    flood "accepted-$round" "$WRK_DURATION" "$API_KEY" 200
    flood "wrong-$round" "$WRK_DURATION" "$WRONG_REST" "401 429"
    flood "unknown-$round" "$WRK_DURATION" "$UNKNOWN" "401 429"
done

verdict=0
echo
echo "Refused keys: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS rounds, $(nproc) cores;" \
    "cpu_us/req counts the JVM and its PostgreSQL"
compare "accepted key" "valid prefix, wrong rest (401/429)" accepted wrong "$MIN_RATIO" "$MAX_CPU_RATIO" \
    || verdict=1
echo
compare "accepted key" "unknown prefix (401/429)" accepted unknown "$MIN_RATIO" "$MAX_CPU_RATIO" || verdict=1
exit $verdict
