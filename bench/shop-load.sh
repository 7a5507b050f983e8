#!/usr/bin/env bash
# The example shop's own requests under load, against the honest baseline, on one running WildFly (issue 18):
#   GET  api/cart                 read the cart
#   POST api/cart/items/espresso  add an item
# on /shop (the example: @UserSession cart, the library's login and cookie) and on /baseline (bench/baseline-shop:
# an in-memory @SessionScoped cart and the container's own login kept in the HttpSession), each over 64 signed-in
# sessions, with wrk (2 threads, 16 connections). After a warm-up of every scenario, ROUNDS rounds of every scenario,
# the order of the two applications alternating between rounds; the medians are reported, with the JVM's and the
# database's CPU per request (from /proc: the WildFly process, and every process of the postgres user with what its
# exited backends spent).
#
# Usage: bench/shop-load.sh [BASE_URL]   (default http://127.0.0.1:8080; both WARs deployed: see BENCHMARKS.md)
#   BASELINE=shop-before BASELINE_LOGIN=usersession/login bench/shop-load.sh   compares the shop with another build
#   of itself deployed as shop-before.war (a change of the library measured in one run)
#   BASELINE=springsession BASELINE_URL=http://127.0.0.1:8090 BASELINE_PROCESS=spring-session-shop.jar \
#     bench/shop-load.sh   compares it with bench/spring-session-shop, running in its own JVM (its CPU is that JVM's;
#     BASELINE_PROCESS is matched against the command lines of java processes)
#   SESSIONS=5000 THINK_TIME="2000 5000" SHOP_DATABASE=postgresql://postgres@127.0.0.1/shop bench/shop-load.sh
#     many users with think time (issue 29): each session asks every 2 to 5 s (bench/think-time.lua, wrk's delay(),
#     CONNECTIONS connections, default 256) instead of as fast as 16 connections go. The applications of the library
#     sign in once; the other sessions are copies of that session's row made in SHOP_DATABASE with new tokens (5,000
#     logins would take minutes of PBKDF2). Then the figures that differ are CPU and latency per request, at the same
#     rate; "late" counts requests sent more than 100 ms after their session was due.
# Needs: wrk and curl (Debian packages), a running WildFly with shop.war and baseline.war; for SHOP_DATABASE psql and
# python3.
set -euo pipefail
cd "$(dirname "$0")"
base=${1:-http://127.0.0.1:8080}
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-15}
warmup=${WARMUP:-20}
sessions=${SESSIONS:-64}
baseline=${BASELINE:-baseline}
baseline_login=${BASELINE_LOGIN:-login}
baseline_url=${BASELINE_URL:-$base}
baseline_process=${BASELINE_PROCESS:-jboss-modules.jar}
think_time=${THINK_TIME:-}
shop_database=${SHOP_DATABASE:-}
if [[ -n "$think_time" ]]; then connections=${CONNECTIONS:-256}; else connections=${CONNECTIONS:-16}; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

server_pid=$(pgrep -f -- 'java.*jboss-modules.jar' | head -1 || true)
[[ -n "$server_pid" ]] || { echo "No running WildFly found" >&2; exit 1; }
baseline_pid=$(pgrep -f -- "java.*$baseline_process" | head -1 || true)
[[ -n "$baseline_pid" ]] || { echo "No running process matches $baseline_process" >&2; exit 1; }
url_of() { if [[ $1 == shop ]]; then echo "$base"; else echo "$baseline_url"; fi; }
pid_of() { if [[ $1 == shop ]]; then echo "$server_pid"; else echo "$baseline_pid"; fi; }
ticks=$(getconf CLK_TCK)

cpu_ticks() { # utime + stime of the processes given, in clock ticks
  local total=0
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    read -r -a stat < <(sed 's/^.*) //' "/proc/$pid/stat")
    total=$((total + stat[11] + stat[12]))
  done
  echo "$total"
}

db_ticks() { # every postgres process now, plus what its exited backends spent (the postmaster's cutime + cstime)
  local total postmaster
  # shellcheck disable=SC2046
  total=$(cpu_ticks $(pgrep -u postgres || true))
  postmaster=$(pgrep -o -u postgres -x postgres || true)
  if [[ -n "$postmaster" && -r /proc/$postmaster/stat ]]; then
    read -r -a stat < <(sed 's/^.*) //' "/proc/$postmaster/stat")
    total=$((total + stat[13] + stat[14]))
  fi
  echo "$total"
}

sign_in() { # app login-path cookie-file: signs in $sessions times, one Cookie header value per line
  local app=$1 login=$2 out=$3
  local url
  url=$(url_of "$app")
  : > "$out"
  for i in $(seq 1 "$sessions"); do
    curl -fsS -o /dev/null -c "$work/jar" -H "Origin: $url" -d username=alice -d password=shop-demo-2026 \
      "$url/$app/$login"
    awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 } END { print "" }' \
      "$work/jar" >> "$out"
    rm -f "$work/jar"
  done
}

clone_sessions() { # app login-path cookie-file: signs in once, then copies that session $sessions - 1 times
  local app=$1 login=$2 out=$3
  local url template
  url=$(url_of "$app")
  curl -fsS -o /dev/null -c "$work/jar" -H "Origin: $url" -d username=alice -d password=shop-demo-2026 \
    "$url/$app/$login"
  template=$(awk '$6 == "usersession" { print $7 }' "$work/jar")
  rm -f "$work/jar"
  [[ ${#template} -eq 43 ]] || { echo "No usersession cookie after signing in to $app" >&2; exit 1; }
  # New tokens and their ids (SHA-256, URL-safe base64 without padding), as the library makes them.
  python3 - "$sessions" "$template" "$work/tokens" "$work/ids" <<'PYTHON'
import base64, hashlib, secrets, sys
count, template, tokens, ids = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
encode = lambda raw: base64.urlsafe_b64encode(raw).decode().rstrip("=")
with open(tokens, "w") as t, open(ids, "w") as i:
    print(encode(hashlib.sha256(template.encode()).digest()), file=i)
    for _ in range(count - 1):
        token = encode(secrets.token_bytes(32))
        print(token, file=t)
        print(encode(hashlib.sha256(token.encode()).digest()), file=i)
PYTHON
  psql -q -v ON_ERROR_STOP=1 "$shop_database" <<SQL
create temp table new_ids (id varchar(43));
\copy new_ids from '$work/ids'
delete from new_ids where id = '$(head -1 "$work/ids")';
create temp table clones as select n.id as new_id, s.* from user_session s cross join new_ids n
  where s.id = '$(head -1 "$work/ids")';
update clones set id = new_id;
alter table clones drop column new_id;
insert into user_session select * from clones;
SQL
  { echo "usersession=$template"; sed 's/^/usersession=/' "$work/tokens"; } > "$out"
}

run() { # app method path seconds -> "rps p50 p99 non2xx errors requests jvm_ms_per_req db_ms_per_req"
  local app=$1 method=$2 path=$3 duration=$4
  local url pid
  url=$(url_of "$app")
  pid=$(pid_of "$app")
  local jvm_before db_before
  jvm_before=$(cpu_ticks "$pid")
  db_before=$(db_ticks)
  local line
  if [[ -n "$think_time" ]]; then
    # shellcheck disable=SC2086
    line=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s think-time.lua "$url" -- "$work/$app.cookies" \
      "$method" "/$app/$path" "$url" $think_time 2 | grep '^RESULT')
  else
    line=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s shop-load.lua "$url" -- "$work/$app.cookies" \
      "$method" "/$app/$path" "$url" | grep '^RESULT')
  fi
  local jvm_after db_after
  jvm_after=$(cpu_ticks "$pid")
  db_after=$(db_ticks)
  read -r _ rps p50 p99 non2xx errors requests late <<< "$line"
  awk -v r="$rps" -v a="$p50" -v b="$p99" -v n="$non2xx" -v e="$errors" -v q="$requests" \
    -v j=$((jvm_after - jvm_before)) -v d=$((db_after - db_before)) -v t="$ticks" -v l="${late:--}" \
    'BEGIN { printf "%s %s %s %s %s %s %.3f %.3f %s\n", r, a, b, n, e, q, j * 1000 / t / q, d * 1000 / t / q, l }'
}

sign_in_or_clone() { # app login-path cookie-file
  if [[ -n "$shop_database" && $2 == usersession/login ]]; then clone_sessions "$@"; else sign_in "$@"; fi
}

sign_in_or_clone shop usersession/login "$work/shop.cookies"
sign_in_or_clone "$baseline" "$baseline_login" "$work/$baseline.cookies"
scenarios=()
for name in ${SCENARIOS:-read write}; do # SCENARIOS="write" measures writes only
  case $name in
    read) scenarios+=("read GET api/cart") ;;
    write) scenarios+=("write POST api/cart/items/espresso") ;;
    *) echo "Unknown scenario $name (read, write)" >&2; exit 2 ;;
  esac
done
for scenario in "${scenarios[@]}"; do
  read -r _ method path <<< "$scenario"
  for app in shop "$baseline"; do
    run "$app" "$method" "$path" "$warmup" > /dev/null
  done
done

results=$work/results
if [[ -n "$think_time" ]]; then median_by=9; else median_by=3; fi
: > "$results"
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then order=(shop "$baseline"); else order=("$baseline" shop); fi
  for scenario in "${scenarios[@]}"; do
    read -r name method path <<< "$scenario"
    for app in "${order[@]}"; do
      echo "$app $name $(run "$app" "$method" "$path" "$seconds")" | tee -a "$results" >&2
    done
  done
done

echo
echo "| application | request | req/s | p50 ms | p99 ms | JVM CPU ms/req | DB CPU ms/req | non-2xx | late | shop / $baseline |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for scenario in "${scenarios[@]}"; do
  read -r name _ <<< "$scenario"
  for app in "$baseline" shop; do
    # the median round by throughput; with think time (the same rate everywhere) by JVM CPU per request
    awk -v app="$app" -v name="$name" '$1 == app && $2 == name' "$results" | sort -k"$median_by" -g \
      | awk -v n="$rounds" '{ rows[NR] = $0 } END { print rows[int((n + 1) / 2)] }' > "$work/median-$app-$name"
  done
  base_rps=$(awk '{ print $3 }' "$work/median-$baseline-$name")
  for app in "$baseline" shop; do
    awk -v b="$base_rps" -v app="$app" '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2,
      $3, $4, $5, $9, $10, $6 + $7, $11, (app == "shop" ? sprintf("%.2f", $3 / b) : "") }' "$work/median-$app-$name"
  done
done
