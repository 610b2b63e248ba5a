#!/usr/bin/env bash
# What rate limiting and idempotency keys cost (issue: API conventions). One wrk client, the same settings:
#   1. GET /v1/auth/me on a service with rate limits on (limits set too high to be reached, so every request
#      draws from its bucket in PostgreSQL) against a second service with limits off, sharing the first one's
#      database and key. PASS when limits-on >= 0.8 x limits-off requests/s.
#   2. POST /v1/auth/api-keys with a fresh Idempotency-Key on every request against the same POST without the
#      header, on the limits-on service. PASS when with-key >= 0.7 x without.
# Variants alternate round by round (warm-up too), so drift and other load fall on both alike.
#
# Settings (environment): WRK_THREADS=2 WRK_CONNECTIONS=16 WRK_DURATION=15s WARMUP_DURATION=15s ROUNDS=2
# GET_MIN_RATIO=0.8 POST_MIN_RATIO=0.7 JAVA_OPTS JAR KEEP_TMP=1 (see lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GET_MIN_RATIO=${GET_MIN_RATIO:-0.8}
POST_MIN_RATIO=${POST_MIN_RATIO:-0.7}
UNREACHABLE=1000000000

start_service limited CROWDLEDGER_RATELIMIT_MINUTE=$UNREACHABLE CROWDLEDGER_RATELIMIT_HOUR=$UNREACHABLE \
    CROWDLEDGER_RATELIMIT_DAY=$UNREACHABLE
# a second node on the first one's database shares its master key (the embedded default keeps it in its data dir)
start_service unlimited CROWDLEDGER_RATELIMIT_ENABLED=false CROWDLEDGER_SECURITY_ALLOWHTTP=true \
    SPRING_DATASOURCE_URL="$(embedded_jdbc_url limited)" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD="$(embedded_password limited)" \
    CROWDLEDGER_MASTER_KEY="$(cat "${SERVICE_DATA[limited]}/master.key")"
register_verified_key limited
AUTH=(-H "Authorization: Bearer $API_KEY")
ME=/v1/auth/me

# POST bodies for wrk; with-key adds an Idempotency-Key unique per thread and request.
cat >"$TMP/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"name":"bench","scopes":["keys"]}'
wrk.headers["Content-Type"] = "application/json"
LUA
cat >"$TMP/post-idempotent.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"name":"bench","scopes":["keys"]}'
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local n = 0
function request()
  n = n + 1
  -- wrk.format replaces wrk.headers with the table it is given: copy them (Authorization, Content-Type) first
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), tid, n)
  return wrk.format(nil, nil, headers)
end
LUA

log "warm-up: each variant twice, alternating, $WARMUP_DURATION each"
for pass in 1 2; do
    run_wrk "warm-on-$pass" limited "$WARMUP_DURATION" "${SERVICE_URL[limited]}$ME" "${AUTH[@]}"
    run_wrk "warm-off-$pass" unlimited "$WARMUP_DURATION" "${SERVICE_URL[unlimited]}$ME" "${AUTH[@]}"
    run_wrk "warm-post-$pass" limited "$WARMUP_DURATION" "${SERVICE_URL[limited]}/v1/auth/api-keys" "${AUTH[@]}" \
        -s "$TMP/post.lua"
    run_wrk "warm-idem-$pass" limited "$WARMUP_DURATION" "${SERVICE_URL[limited]}/v1/auth/api-keys" "${AUTH[@]}" \
        -s "$TMP/post-idempotent.lua"
done
for round in $(seq 1 "$ROUNDS"); do
    log "round $round/$ROUNDS (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION)"
    run_wrk "off-$round" unlimited "$WRK_DURATION" "${SERVICE_URL[unlimited]}$ME" "${AUTH[@]}"
    run_wrk "on-$round" limited "$WRK_DURATION" "${SERVICE_URL[limited]}$ME" "${AUTH[@]}"
    run_wrk "post-$round" limited "$WRK_DURATION" "${SERVICE_URL[limited]}/v1/auth/api-keys" "${AUTH[@]}" \
        -s "$TMP/post.lua"
    run_wrk "idem-$round" limited "$WRK_DURATION" "${SERVICE_URL[limited]}/v1/auth/api-keys" "${AUTH[@]}" \
        -s "$TMP/post-idempotent.lua"
done

verdict=0
echo
echo "Rate limiting: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $ROUNDS rounds, $(nproc) cores"
compare "GET /v1/auth/me, rate limits off" "GET /v1/auth/me, rate limits on" off on "$GET_MIN_RATIO" || verdict=1
echo
echo "Idempotency keys: the same POST /v1/auth/api-keys (argon2id hashing of the new key included)"
compare "POST without Idempotency-Key" "POST with a fresh Idempotency-Key" post idem "$POST_MIN_RATIO" || verdict=1
exit $verdict
