#!/usr/bin/env bash
# bench_online.sh: a lock test under load.  A table of BENCH_ROWS rows
# (default 1,000,000) is written to by a steady, bounded pgbench writer on
# loopback (BENCH_RATE updates a second, default 200, from 4 clients)
# while a migration adds an index, a foreign key and a NOT NULL and
# widens a column (varchar(50) to varchar(200)): once as `verifier draft`
# writes it, once as `draft --online` does, on two copies of the same
# data, in the same run.  For each it prints the migration's time, the
# longest write stall (the highest latency of pgbench's per-transaction
# log: with --rate it counts from the scheduled start, so a write that
# waited behind a lock shows the whole wait) and the writes that failed,
# then the ratio naive/online of the stalls.  Target for --online: no
# write waits longer than 200 ms and none fails.
set -eu
. "$(dirname "$0")/lib.sh"
ROWS=${BENCH_ROWS:-1000000}
RATE=${BENCH_RATE:-200}
V=${VERIFIER:-$TOP/build/verifier}
W=$BENCH_ROOT/w
mkdir -p "$W/models" "$W/base"

model() {	# model LABEL_TYPE EXTRA: the bench schema's models
	cat <<YAML
schema: bench
tables:
  owners:
    columns:
      id:
        type: bigint
        primary_key: true
      name: text
  items:
    columns:
      id:
        type: bigint
        identity: by default
        primary_key: true
      owner_id:
        type: bigint
        nullable: true
      qty:
        type: integer
$2
      label:
        type: $1
        nullable: true
$3
YAML
}
model "varchar(50)" "        nullable: true" "" > "$W/models/bench.yaml"
URL0="postgresql://postgres:postgres@127.0.0.1:$PGPORT/postgres"
psql -X -q -c "CREATE SCHEMA bench"
"$V" draft --schema bench --models "$W/models" --migrations "$W/base" --db "$URL0" --msg base >/dev/null
model "varchar(200)" "" "    foreign_keys:
      - columns: [owner_id]
        references:
          table: owners
    indexes:
      - columns: [label]" > "$W/models/bench.yaml"
for kind in naive online; do
	db=bench_$kind
	psql -X -q -c "CREATE DATABASE $db"
	psql -X -q -d $db -c "CREATE SCHEMA bench"
	mkdir -p "$W/$kind"
	cp "$W/base"/*.sql "$W/$kind/"
	"$V" migrate --schema bench --migrations "$W/$kind" \
	    --db "postgresql://postgres:postgres@127.0.0.1:$PGPORT/$db" >/dev/null
	psql -X -q -d $db -v ON_ERROR_STOP=1 \
	    -c "INSERT INTO bench.owners SELECT i, 'o' || i FROM generate_series(1, 1000) i" \
	    -c "INSERT INTO bench.items (owner_id, qty, label) SELECT 1 + i % 1000, i % 100, 'l' || (i % 5000) FROM generate_series(1, $ROWS) i" \
	    -c "VACUUM ANALYZE bench.items"
	opt=""
	[ $kind = online ] && opt=--online
	"$V" draft --schema bench --models "$W/models" --migrations "$W/$kind" \
	    --db "postgresql://postgres:postgres@127.0.0.1:$PGPORT/$db" --msg change $opt >/dev/null
done
cat > "$W/writer.sql" <<'SQL'
\set id random(1, :rows)
\set o random(1, 1000)
UPDATE bench.items SET qty = qty + 1, owner_id = :o WHERE id = :id;
SQL

# run KIND: the writer on bench_KIND, the migration 2 s into it; the
# writer stops 3 s after the migration ends.  Sets MIG_MS, STALL_MS,
# FAILED, WRITES.
run() {
	local kind=$1 db=bench_$1 t0 t1 pid
	mkdir -p "$W/log_$kind"
	# -T bounds it; it is stopped sooner once the migration is done.
	(cd "$W/log_$kind" && exec pgbench -n -d $db -f "$W/writer.sql" -D rows="$ROWS" \
	    -c 4 -j 2 -R "$RATE" -T 600 --log --log-prefix=w >"$W/pgbench_$kind.out" 2>&1) &
	pid=$!
	sleep 2
	t0=$(now_ms)
	"$V" migrate --schema bench --migrations "$W/$kind" \
	    --db "postgresql://postgres:postgres@127.0.0.1:$PGPORT/$db" >"$W/migrate_$kind.out" 2>&1 || {
		echo "bench: migrate ($kind) failed:" >&2; cat "$W/migrate_$kind.out" >&2; exit 1; }
	t1=$(now_ms)
	sleep 3
	# SIGINT is ignored by a background job; the log lines of the last
	# moments may be lost with TERM, but not those of the migration.
	kill -TERM $pid 2>/dev/null || true
	wait $pid || true
	MIG_MS=$((t1 - t0))
	# Fields: client, tx, latency us, script, epoch s, us (, lag).
	STALL_MS=$(cat "$W/log_$kind"/w.* | awk '$3 > m { m = $3 } END { printf "%d", m / 1000 }')
	WRITES=$(cat "$W/log_$kind"/w.* | awk '$3 != "failed" && $3 != "skipped"' | wc -l)
	FAILED=$(cat "$W/log_$kind"/w.* | awk '$3 == "failed"' | wc -l)
	if grep -q "aborted" "$W/pgbench_$kind.out"; then
		FAILED=$((FAILED + $(grep -c "aborted" "$W/pgbench_$kind.out")))
	fi
}

run naive
n_mig=$MIG_MS; n_stall=$STALL_MS; n_failed=$FAILED; n_writes=$WRITES
run online
o_mig=$MIG_MS; o_stall=$STALL_MS; o_failed=$FAILED; o_writes=$WRITES
for d in naive online; do
	[ "$(psql -X -qAt -d bench_$d -c "SELECT count(*) FROM pg_constraint WHERE conname = 'items_owner_id_fkey' AND convalidated")" = 1 ] ||
	    { echo "bench: the $d migration did not add the foreign key" >&2; exit 1; }
done
printf 'rows: %d, writer: %d updates/s from 4 clients\n' "$ROWS" "$RATE"
printf 'naive:  migration %d ms, %d writes, longest write stall %d ms, %d failed\n' \
    "$n_mig" "$n_writes" "$n_stall" "$n_failed"
printf 'online: migration %d ms (%d files), %d writes, longest write stall %d ms, %d failed\n' \
    "$o_mig" "$(ls "$W/online" | wc -l | awk '{ print $1 - 1 }')" "$o_writes" "$o_stall" "$o_failed"
printf 'ratio naive/online longest stall: %.1f (target for online: <= 200 ms, 0 failed)\n' \
    "$(echo "$n_stall / ($o_stall + 0.001)" | bc -l)"
