#!/usr/bin/env bash
# The live notification stream under load (issue 11). One service with rate limits off. notifications/StreamLoad.java
# registers an owner and STREAMS / 5 testers who joined its campaign (one conversation each), opens 5 streams per
# tester key (the per-key limit: STREAMS in all), then posts chat messages from the owner to the testers in turn at
# RATE per second for SECONDS; every message is a notification for its tester, so it must reach that tester's 5
# streams. It reports:
#   - the server's memory per stream: heap used after a full GC (jcmd) and RSS, before and after the streams open,
#     the difference divided by the streams;
#   - every delivery's latency, from the message's intended moment (not when its request left, so a stalled service
#     cannot hide) to the event read on the stream:                                p99 < 1000 ms
#   - that nothing is missed: deliveries expected (messages x 5) = received, and none twice.
# Then the service is stopped with 3 streams still open (curl -N): they must end, within the 30 s the service gets to
# stop, and the log must hold no error of the streams.
# Exits 1 when a target is missed.
#
# Settings (environment): STREAMS=1000 RATE=200 LOAD_SECONDS=60 JAVA_OPTS JAR KEEP_TMP=1 (see lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
STREAMS=${STREAMS:-1000}
RATE=${RATE:-200}
SECONDS_OF_LOAD=${LOAD_SECONDS:-60}
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/notifications" && pwd)
command -v jcmd >/dev/null || die "jcmd (the JDK's) is required"

start_service main CROWDLEDGER_RATELIMIT_ENABLED=false
BASE=${SERVICE_URL[main]}

log "StreamLoad: $STREAMS streams, $RATE messages/s for ${SECONDS_OF_LOAD}s"
java "$BENCH_DIR/StreamLoad.java" "$BASE" "${SERVICE_DATA[main]}/mail" "${SERVICE_PID[main]}" "$STREAMS" "$RATE" \
    "$SECONDS_OF_LOAD" >"$TMP/load.txt" || { cat "$TMP/load.txt" >&2; die "StreamLoad failed"; }
cat "$TMP/load.txt" >&2

read -r _ streams heap_before heap_after heap_per rss_before rss_after rss_per < <(grep '^memory ' "$TMP/load.txt")
read -r _ sent took post_errors < <(grep '^load ' "$TMP/load.txt")
read -r _ expected received missing duplicates p50 p99 max < <(grep '^delivery ' "$TMP/load.txt")

# shutdown with streams open: each must end (curl exits), and the service's log must hold no error
register_verified_key main
CURL_PIDS=()
for i in 1 2 3; do
    curl -sN -H "Authorization: Bearer $API_KEY" "$BASE/v1/notifications/stream" >"$TMP/curl-$i.txt" 2>&1 &
    CURL_PIDS+=("$!")
done
sleep 2
log_lines_before=$(wc -l <"$TMP/main.log")
stop_started=$SECONDS
stop_service main
stop_took=$((SECONDS - stop_started))
ended=0
for pid in "${CURL_PIDS[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill "$pid" || ended=$((ended + 1))
done
# the stream's own failures only: the embedded PostgreSQL stops in a JVM shutdown hook of its own, at the same time
# as the application, and what that does to the rest of the service is not this benchmark's subject
errors=$(tail -n +"$log_lines_before" "$TMP/main.log" \
    | grep -cE '(ERROR|Exception).*(otification|SseEmitter|/stream)|at com\.crowdledger\.query\.notification' || true)

verdict=PASS
((p99 < 1000)) || verdict=FAIL
((missing == 0 && duplicates == 0 && post_errors == 0)) || verdict=FAIL
((ended == 3 && errors == 0 && stop_took < 30)) || verdict=FAIL
cat <<REPORT

Notification streams ($(nproc) cores; other builds may share them): $streams streams, $sent messages at $RATE/s over ${took}s
  memory per stream: heap ${heap_per} KiB (${heap_before} -> ${heap_after} MiB used after GC), RSS ${rss_per} KiB (${rss_before} -> ${rss_after} MiB)
  deliveries: $received of $expected received, $missing missing, $duplicates twice; post errors $post_errors
  latency from the message's intended moment to its event on a stream: p50 ${p50} ms, p99 ${p99} ms, max ${max} ms (target p99 < 1000 ms)
  shutdown with 3 open streams: stopped in ${stop_took}s, $ended of 3 streams ended, $errors error lines of the streams in the log
  verdict: $verdict
REPORT
[[ $verdict == PASS ]] || exit 1
