#!/usr/bin/env bash
# What announcing a change costs PostgreSQL's writers (issue 29): pgbench, 8 clients, the same one-row update in
# auto-commit, on three tables alike but for their trigger, alternating, ROUNDS rounds of SECONDS each:
#   plain      no trigger
#   notify     a BEFORE UPDATE trigger that calls pg_notify (what the first version of the trigger did)
#   log        a BEFORE UPDATE trigger that inserts the change into a log table (what the triggers do now)
# A transaction that notifies takes a database-wide lock before its commit and holds it until the commit is flushed
# (PostgreSQL's async.c, PreCommit_Notify), so notifying commits cannot share a WAL flush: their rate is bounded by
# the flush time, whatever the number of clients.
#
# Usage: bench/notify-ceiling.sh [PGURL]   (default postgresql://postgres@127.0.0.1/notifyceiling, created and
# dropped by the script). Needs pgbench and psql.
set -euo pipefail
url=${1:-postgresql://postgres@127.0.0.1/notifyceiling}
database=${url##*/}
admin=${url%/*}/postgres
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_RUN:-10}
clients=${CLIENTS:-8}
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -q "$admin" -c "drop database if exists $database" >/dev/null 2>&1 || true' EXIT

psql -q "$admin" -c "drop database if exists $database" -c "create database $database" >/dev/null
psql -q "$url" >/dev/null <<'SQL'
create table t_plain (id int primary key, v bigint);
insert into t_plain select g, 0 from generate_series(1, 10000) g;
create table t_notify (like t_plain including all);
insert into t_notify select * from t_plain;
create table t_log (like t_plain including all);
insert into t_log select * from t_plain;
create table change_log (seq bigserial primary key, id int not null, changed_at bigint not null);
create function announce() returns trigger language plpgsql as
  'BEGIN PERFORM pg_notify(''bench'', OLD.id || '' '' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint); RETURN NEW; END';
create trigger announced before update on t_notify for each row execute function announce();
create function log_change() returns trigger language plpgsql as
  'BEGIN INSERT INTO change_log (id, changed_at) VALUES (OLD.id, floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint); RETURN NEW; END';
create trigger logged before update on t_log for each row execute function log_change();
SQL
for way in plain notify log; do
  printf '\\set id random(1, 10000)\nupdate t_%s set v = v + 1 where id = :id;\n' "$way" > "$work/$way.sql"
done

for round in $(seq 1 "$rounds"); do
  for way in plain notify log; do
    tps=$("$pgbench" -n -c "$clients" -j 2 -T "$seconds" -f "$work/$way.sql" "$url" 2>&1 \
      | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
    echo "$way $tps" | tee -a "$work/results" >&2
  done
done
echo
echo "| way | commits/s (median of $rounds) | / plain |"
echo "|---|---|---|"
plain=$(awk '$1 == "plain" { print $2 }' "$work/results" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
for way in plain notify log; do
  awk -v way="$way" '$1 == way { print $2 }' "$work/results" | sort -g \
    | awk -v way="$way" -v plain="$plain" '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)];
        printf "| %s | %.0f | %.2f |\n", way, m, m / plain }'
done
