#!/usr/bin/env bash
# Shared parts of the benchmarks: tools, the jar, services on loopback with their own temp data, a verified key,
# wrk runs with the service's CPU time, and reading wrk's figures. Sourced by the benchmark scripts.
# Traffic goes to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:-$ROOT/infra/target/crowdledger.jar}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
WRK_DURATION=${WRK_DURATION:-15s}
WARMUP_DURATION=${WARMUP_DURATION:-15s}
ROUNDS=${ROUNDS:-2}
# A fixed heap: no heap resizing in the middle of a measurement.
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-240}
HOST=127.0.0.1
CLK_TCK=$(getconf CLK_TCK)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# --- tools and jar ----------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "wrk is missing: installing the Debian package"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in wrk curl java awk; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
if [[ ! -f $JAR ]]; then
    log "$JAR is missing: building it"
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
    [[ -f $JAR ]] || die "the build did not produce $JAR"
fi

# --- services and cleanup ---------------------------------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/crowdledger-bench.XXXXXX")
declare -A SERVICE_PID=() SERVICE_URL=() SERVICE_DATA=()

stop_service() {
    local name=$1 pid=${SERVICE_PID[$1]:-}
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        log "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && { log "$name did not stop in 30 s: killing it"; kill -KILL "$pid" || true; }
        wait "$pid" 2>/dev/null || true
    fi
    SERVICE_PID[$name]=
    # A killed JVM leaves its embedded PostgreSQL behind: stop that one (found by its own pid file only).
    local pidfile=${SERVICE_DATA[$name]:-/nonexistent}/postgres/postmaster.pid pg_pid
    if [[ -f $pidfile ]]; then
        pg_pid=$(head -n1 "$pidfile")
        if [[ $pg_pid =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null \
                && tr '\0' ' ' <"/proc/$pg_pid/cmdline" 2>/dev/null | grep -qF "${SERVICE_DATA[$name]}"; then
            kill -INT "$pg_pid" 2>/dev/null || true
            for _ in $(seq 1 20); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
}

cleanup() {
    local rc=$? name
    trap - EXIT INT TERM
    # stop the services that use another one's database first
    for name in $(printf '%s\n' "${!SERVICE_PID[@]}" | sort -r); do stop_service "$name"; done
    # exit 1 is a measured FAIL; anything else non-zero is a broken run, where the services' logs help
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then
        for name in "${!SERVICE_DATA[@]}"; do
            log "last lines of $name's log:"; tail -n 30 "$TMP/$name.log" >&2 || true
        done
    fi
    if [[ ${KEEP_TMP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
free_port() {
    local candidate
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 40000))
        port_in_use "$candidate" || { echo "$candidate"; return; }
    done
    die "found no free port"
}

# start_service NAME [VAR=value ...]: the jar on a free loopback port with its own data dir and the given
# environment; waits for readiness. Without SPRING_DATASOURCE_URL it runs its embedded PostgreSQL.
start_service() {
    local name=$1 port; shift
    port=$(free_port)
    SERVICE_DATA[$name]=$TMP/$name-data
    SERVICE_URL[$name]=http://$HOST:$port
    local jvm_opts=()
    read -r -a jvm_opts <<<"$JAVA_OPTS"
    # the settings as given, secrets masked
    log "starting $name on ${SERVICE_URL[$name]} ($(sed -E 's/(KEY|SECRET|PASSWORD)=[^ ]*/\1=***/g' <<<"$*"))"
    env -u SPRING_DATASOURCE_URL CROWDLEDGER_DATA_DIR="${SERVICE_DATA[$name]}" SERVER_PORT="$port" \
        SERVER_ADDRESS="$HOST" "$@" java "${jvm_opts[@]}" -jar "$JAR" >"$TMP/$name.log" 2>&1 &
    SERVICE_PID[$name]=$!
    local deadline=$((SECONDS + STARTUP_TIMEOUT)) started=$SECONDS
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "${SERVICE_URL[$name]}/actuator/health/readiness" \
            || true) == 200 ]]; do
        kill -0 "${SERVICE_PID[$name]}" 2>/dev/null || die "$name exited during startup"
        ((SECONDS < deadline)) || die "$name was not ready within ${STARTUP_TIMEOUT}s"
        sleep 1
    done
    log "$name ready after $((SECONDS - started))s"
}

# The JDBC URL of a running service's embedded PostgreSQL, for a second service to share it.
embedded_jdbc_url() {
    local port
    port=$(grep -ao 'Embedded PostgreSQL on port [0-9]*' "$TMP/$1.log" | head -n1 | awk '{print $NF}')
    [[ -n $port ]] || die "$1 has no embedded PostgreSQL"
    echo "jdbc:postgresql://$HOST:$port/postgres"
}

# The password of a running service's embedded PostgreSQL (user postgres), for a second service or psql/pgbench.
embedded_password() { cat "${SERVICE_DATA[$1]}/postgres.password"; }

# register_verified_key SERVICE: registers an owner with a test key, verifies its e-mail through the mail the
# embedded default writes under its data dir, and sets API_KEY.
register_verified_key() {
    local base=${SERVICE_URL[$1]} body=$TMP/body.json code token= email=bench-$$-$RANDOM@example.com
    code=$(curl -sS -o "$body" -w '%{http_code}' -X POST "$base/v1/auth/register/api-key" \
        -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\
\"password\":\"bench-password-1234\",\"role\":\"owner\",\"name\":\"Bench\",\"mode\":\"test\"}")
    [[ $code == 201 ]] || die "registration answered $code: $(cat "$body")"
    API_KEY=$(grep -o '"key":"[^"]*"' "$body" | head -n1 | cut -d'"' -f4)
    for _ in $(seq 1 20); do
        # the mail to this address: the mail directory may hold other accounts' (a benchmark's own registrations)
        token=$(grep -lsF "$email" "${SERVICE_DATA[$1]}"/mail/*.eml | head -n1 | xargs -r grep -ohsE 'token=[A-Za-z0-9_-]+' \
            | tail -n1 | cut -d= -f2 || true)
        [[ -n $token ]] && break
        sleep 0.5
    done
    [[ -n $token ]] || die "no verification token under ${SERVICE_DATA[$1]}/mail"
    code=$(curl -sS -o "$body" -w '%{http_code}' -X POST "$base/v1/auth/verify-email" \
        -H 'Content-Type: application/json' -d "{\"token\":\"$token\"}")
    [[ $code == 200 ]] || die "verify-email answered $code: $(cat "$body")"
    log "verified account with key ${API_KEY:0:17}..."
}

# user + system CPU time of a service JVM so far, in clock ticks (fields 14 and 15 of /proc/PID/stat). With
# CPU_INCLUDES_DATABASE=1, also its embedded PostgreSQL's: the postmaster, its live backends, and the backends that
# have exited (the postmaster's fields 16 and 17), so work moved from the JVM into the database is not hidden.
service_cpu_ticks() {
    local ticks pidfile=${SERVICE_DATA[$1]}/postgres/postmaster.pid postmaster
    ticks=$(awk '{print $14 + $15}' "/proc/${SERVICE_PID[$1]}/stat")
    if [[ ${CPU_INCLUDES_DATABASE:-0} == 1 ]]; then
        [[ -f $pidfile ]] || die "$1 has no embedded PostgreSQL to count"
        postmaster=$(head -n1 "$pidfile")
        # one line per process; cat goes on past processes that end meanwhile
        ticks=$((ticks + $(cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$postmaster" '
            $1 == pm {t += $14 + $15 + $16 + $17} $4 == pm {t += $14 + $15} END {print t + 0}')))
    fi
    echo "$ticks"
}

# settle SERVICE: waits (60 s at most) until the service and its database use less than a tenth of a core over a
# second, so a measurement does not start while the tracking processors still work off the previous run's events.
settle() {
    local before after deadline=$((SECONDS + 60)) started=$SECONDS
    while ((SECONDS < deadline)); do
        before=$(CPU_INCLUDES_DATABASE=1 service_cpu_ticks "$1")
        sleep 1
        after=$(CPU_INCLUDES_DATABASE=1 service_cpu_ticks "$1")
        if ((after - before < CLK_TCK / 10)); then
            log "$1 settled after $((SECONDS - started)) s"
            return
        fi
    done
    log "warning: $1 still busy after 60 s"
}

# A wrk script that counts responses by status; run_wrk checks them against EXPECTED_STATUSES.
STATUS_SCRIPT=$TMP/statuses.lua
cat >"$STATUS_SCRIPT" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
end
LUA

# run_wrk RUN SERVICE DURATION URL [wrk options...]: wrk's output in $TMP/RUN.txt, the service's CPU ticks in
# $TMP/RUN.cputicks. Any error response voids the benchmark: a run of 401s or 429s would look fast and mean nothing.
# A benchmark of refusals declares the statuses it expects instead, for one run: EXPECTED_STATUSES="401 429" run_wrk
# ...; then every response is counted by status (a wrk script, so not with -s) and any other status voids the run.
run_wrk() {
    local run=$1 service=$2 duration=$3 url=$4 out=$TMP/$1.txt before counting=(); shift 4
    [[ -n ${EXPECTED_STATUSES:-} ]] && counting=(-s "$STATUS_SCRIPT")
    before=$(service_cpu_ticks "$service")
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$duration" --latency "${counting[@]}" "$@" "$url" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed on $url"; }
    echo $(($(service_cpu_ticks "$service") - before)) >"$TMP/$run.cputicks"
    if [[ -n ${EXPECTED_STATUSES:-} ]]; then
        check_statuses "$run" "$url" "$out"
    elif grep -q 'Non-2xx or 3xx responses' "$out"; then
        cat "$out" >&2; die "$run: $url got error responses (see above): the result is bogus"
    fi
    grep -q 'Socket errors' "$out" && log "warning: $run had $(grep 'Socket errors' "$out")"
    grep -q '^Requests/sec:' "$out" || { cat "$out" >&2; die "$run: no Requests/sec in wrk's output"; }
}

# check_statuses RUN URL OUT: every response of the run had one of EXPECTED_STATUSES, and there were responses.
check_statuses() {
    local run=$1 url=$2 out=$3 status count seen=0
    while read -r _ status count; do
        [[ " $EXPECTED_STATUSES " == *" $status "* ]] \
            || { cat "$out" >&2; die "$run: $url answered $count x $status, expected only $EXPECTED_STATUSES"; }
        seen=$((seen + count))
    done < <(grep '^status ' "$out")
    ((seen > 0)) || { cat "$out" >&2; die "$run: no responses counted on $url"; }
    log "$run: $(grep '^status ' "$out" | awk '{printf "%s%s x %s", sep, $3, $2; sep = ", "}')"
}

# seconds_of DURATION: a wrk duration (15, 15s, 2m, 1h) in whole seconds, for pgbench -T and rates
seconds_of() {
    case $1 in
        *h) echo $((${1%h} * 3600)) ;;
        *m) echo $((${1%m} * 60)) ;;
        *) echo "${1%s}" ;;
    esac
}
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$TMP/$1.txt"; }
requests_of() { awk '/ requests in / {print $1}' "$TMP/$1.txt"; }
# wrk prints latencies as 812.00us / 1.23ms / 1.01s: in milliseconds
pct_of() {
    awk -v v="$(awk -v p="$2%" '$1 == p {print $2}' "$TMP/$1.txt")" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.3f", n }'
}
# microseconds of service CPU per request over the given runs
cpu_us_of() {
    local run ticks=0 requests=0
    for run in "$@"; do
        ticks=$((ticks + $(cat "$TMP/$run.cputicks")))
        requests=$((requests + $(requests_of "$run")))
    done
    awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}'
}
avg_rps_of() {
    local run sum=0
    for run in "$@"; do sum=$(awk -v a="$sum" -v b="$(rps_of "$run")" 'BEGIN {print a + b}'); done
    awk -v s="$sum" -v n="$#" 'BEGIN {printf "%.1f", s / n}'
}

# compare LABEL_A LABEL_B PREFIX_A PREFIX_B MIN_RATIO [MAX_CPU_RATIO]: table of rounds PREFIX-1..ROUNDS for both,
# the ratio of B's average requests/s to A's, PASS/FAIL; given MAX_CPU_RATIO, also the ratio of B's service CPU per
# request to A's, which must not exceed it. Returns 1 on FAIL.
compare() {
    local label_a=$1 label_b=$2 a=$3 b=$4 min=$5 max_cpu=${6:-} round run label runs_a=() runs_b=()
    printf '%-6s %-44s %12s %10s %10s %12s\n' round variant requests/s p50_ms p99_ms cpu_us/req
    for round in $(seq 1 "$ROUNDS"); do
        for run in "$a-$round" "$b-$round"; do
            [[ $run == "$a-$round" ]] && label=$label_a || label=$label_b
            printf '%-6s %-44s %12.1f %10s %10s %12s\n' "$round" "$label" "$(rps_of "$run")" "$(pct_of "$run" 50)" \
                "$(pct_of "$run" 99)" "$(cpu_us_of "$run")"
        done
        runs_a+=("$a-$round"); runs_b+=("$b-$round")
    done
    local avg_a avg_b ratio
    avg_a=$(avg_rps_of "${runs_a[@]}"); avg_b=$(avg_rps_of "${runs_b[@]}")
    printf '%-6s %-44s %12.1f %10s %10s %12s\n' avg "$label_a" "$avg_a" - - "$(cpu_us_of "${runs_a[@]}")"
    printf '%-6s %-44s %12.1f %10s %10s %12s\n' avg "$label_b" "$avg_b" - - "$(cpu_us_of "${runs_b[@]}")"
    ratio=$(awk -v x="$avg_b" -v y="$avg_a" 'BEGIN {printf "%.3f", x / y}')
    local verdict=0
    if awk -v r="$ratio" -v m="$min" 'BEGIN {exit !(r >= m)}'; then
        echo "ratio = $ratio (threshold $min): PASS"
    else
        echo "ratio = $ratio (threshold $min): FAIL"; verdict=1
    fi
    if [[ -n $max_cpu ]]; then
        local cpu_ratio
        cpu_ratio=$(awk -v x="$(cpu_us_of "${runs_b[@]}")" -v y="$(cpu_us_of "${runs_a[@]}")" \
            'BEGIN {printf "%.3f", x / y}')
        if awk -v r="$cpu_ratio" -v m="$max_cpu" 'BEGIN {exit !(r <= m)}'; then
            echo "cpu/request ratio = $cpu_ratio (at most $max_cpu): PASS"
        else
            echo "cpu/request ratio = $cpu_ratio (at most $max_cpu): FAIL"; verdict=1
        fi
    fi
    return $verdict
}
