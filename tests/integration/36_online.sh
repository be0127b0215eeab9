#!/usr/bin/env bash
# 36_online.sh: `verifier draft --online`, one case per kind of change
# (tests/online/cases/*/) from tests/online/base.yaml to the case's
# after.yaml, on tables that hold rows: the files drafted are exactly the
# golden expected.sql (each file's name without its version, then its
# text without the two header lines; UPDATE_GOLDEN=1 rewrites it);
# `migrate` applies them, `diff` and `check` are clean after, `down`
# through all of them gives back the catalog of before.  Then the
# runner's retries of a file that waits too long for a lock, and a
# concurrent index build that failed, tried again.
. "$TOP/tests/lib.sh"
export VERIFIER_CACHE=$TEST_TMP/cache
SCHEMA=shop
CASES=$TOP/tests/online/cases
DB=d36online
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)

# dump_schema: the schema as pg_dump prints it, less what varies by run.
dump_schema() {
	pg_dump -s -n $SCHEMA -d $DB | sed -e '/^\\\(un\)\{0,1\}restrict/d' \
	    -e '/^--/d' -e '/^$/d' -e '/^SET /d' -e '/^SELECT pg_catalog.set_config/d'
}

# drafted DIR FIRST: the files of DIR from version FIRST on, each as
# "== <name without version>" and its text without the header lines.
drafted() {
	local f n
	for f in "$1"/*.sql; do
		n=${f##*/}
		[[ ${n%%_*} < $2 ]] && continue
		echo "== ${n#*_}"
		sed '1,2d' "$f"
	done
}

# base W [MODEL]: a fresh schema at tests/online/base.yaml (or MODEL,
# then without rows), drafted and migrated in W, with rows in its tables.
base() {
	local w=$1
	rm -rf "$w"
	mkdir -p "$w/models" "$w/migrations/$SCHEMA"
	q $DB "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA" >/dev/null
	cp "${2:-$TOP/tests/online/base.yaml}" "$w/models/$SCHEMA.yaml"
	"$VERIFIER" draft --schema $SCHEMA --models "$w/models" \
	    --migrations "$w/migrations/$SCHEMA" --db "$URL" --msg base >/dev/null &&
	"$VERIFIER" migrate --schema $SCHEMA --migrations "$w/migrations/$SCHEMA" \
	    --db "$URL" >/dev/null || return 1
	[ -n "${2:-}" ] && return 0
	q $DB "INSERT INTO shop.customers (email, name) SELECT 'c' || i || '@x', 'c' || i FROM generate_series(1, 50) i;
	    INSERT INTO shop.orders (customer_id, total_cents, code, note)
	    SELECT 1 + i % 50, i, 'k' || i, 'n' || i FROM generate_series(1, 200) i;
	    INSERT INTO shop.events SELECT i, 'b' FROM generate_series(1, 20) i" >/dev/null
}

for dir in "$CASES"/*/; do
	name=$(basename "$dir")
	[[ $name =~ ${CASES_ONLY:-.} ]] || continue
	w=$TEST_TMP/$name
	if ! base "$w"; then fail "$name: the base"; continue; fi
	opts=(--schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL")
	ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")
	before=$(dump_schema)
	first=$(ls "$w/migrations/$SCHEMA" | wc -l)
	cp "$dir/after.yaml" "$w/models/$SCHEMA.yaml"
	run_capture "$VERIFIER" draft "${opts[@]}" --msg "$name" --online
	if [ $RC -ne 0 ]; then fail "$name: draft --online" "$OUT"; continue; fi
	nfiles=$(( $(ls "$w/migrations/$SCHEMA" | wc -l) - first ))
	v0=$(ls "$w/migrations/$SCHEMA" | sed -n "$((first + 1))p"); v0=${v0%%_*}
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		drafted "$w/migrations/$SCHEMA" "$v0" > "$dir/expected.sql"
	fi
	if got=$(diff -u "$dir/expected.sql" <(drafted "$w/migrations/$SCHEMA" "$v0")); then
		pass "$name: the drafted files equal the golden file"
	else
		fail "$name: the drafted files equal the golden file" "$got"
	fi
	check_contains "$name: draft says how many files" \
	    "in $nfiles file" "$OUT"
	# The drafts of --online lint clean: no error-level finding on the
	# pending files, sized by the live database.
	run_capture "$VERIFIER" lint "${ropts[@]}"
	check_eq "$name: verifier lint of the online draft finds no error (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
	run_capture "$VERIFIER" migrate "${ropts[@]}"
	if [ $RC -ne 0 ]; then fail "$name: migrate the draft" "$OUT"; continue; fi
	run_capture "$VERIFIER" diff "${opts[@]}"
	check_eq "$name: diff after migrate shows nothing (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
	run_capture "$VERIFIER" check "${opts[@]}"
	check_eq "$name: check after migrate is clean (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
	check_eq "$name: no invalid index left" "0" \
	    "$(q $DB "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'shop'::regnamespace AND NOT i.indisvalid")"
	run_capture "$VERIFIER" down "${ropts[@]}" --steps "$nfiles"
	if [ $RC -ne 0 ]; then fail "$name: down" "$OUT"; continue; fi
	if d=$(diff -u <(echo "$before") <(dump_schema)); then
		pass "$name: down through the $nfiles files returns the previous catalog exactly"
	else
		fail "$name: down through the $nfiles files returns the previous catalog exactly" "$d"
	fi
done

# online W CASE: the base in W, then CASE's after.yaml drafted --online.
online() {
	base "$1" || return 1
	cp "$CASES/$2/after.yaml" "$1/models/$SCHEMA.yaml"
	"$VERIFIER" draft --schema $SCHEMA --models "$1/models" \
	    --migrations "$1/migrations/$SCHEMA" --db "$URL" --msg "$2" --online >/dev/null
}

# hold SECONDS: a session that holds ACCESS EXCLUSIVE on shop.orders for
# SECONDS, in the background (HOLDER its pid), once it has the lock.
hold() {
	psql -X -q -d $DB -c "SET application_name = 'vf_holder'" \
	    -c "BEGIN" -c "LOCK TABLE shop.orders IN ACCESS EXCLUSIVE MODE" \
	    -c "SELECT pg_sleep($1)" -c "COMMIT" >/dev/null 2>&1 &
	HOLDER=$!
	local i
	for i in $(seq 100); do
		[ "$(q $DB "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
		    WHERE c.relname = 'orders' AND l.mode = 'AccessExclusiveLock' AND l.granted")" = 1 ] && return 0
		sleep 0.05
	done
	return 1
}

# A lock held for 3 s: the first file's 2 s lock_timeout passes, the
# runner tries again after 200 ms and the second try gets the lock.
w=$TEST_TMP/retry
if online "$w" check_fk && hold 3; then
	ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")
	f1=$(ls "$w/migrations/$SCHEMA" | sed -n 2p)
	run_capture env VERIFIER_LOCK_BACKOFF_MS=200 "$VERIFIER" migrate "${ropts[@]}"
	wait $HOLDER
	check_eq "retry: migrate succeeds once the lock is let go (exit 0)" 0 "$RC"
	check_contains "retry: the retry is said" \
	    "  lock timeout on $f1 (try 1 of 5): retrying in 200 ms
  applied $f1" "$OUT"
	check_eq "retry: both files applied" 3 \
	    "$(q $DB "SELECT count(*) FROM shop.schema_migrations")"
	check_eq "retry: the foreign key is there, validated" "t" \
	    "$(q $DB "SELECT convalidated FROM pg_constraint WHERE conname = 'orders_customer_id_fkey'")"
	# down tries again the same way.
	if hold 3; then
		run_capture env VERIFIER_LOCK_BACKOFF_MS=200 "$VERIFIER" down "${ropts[@]}" --steps 2
		wait $HOLDER
		check_eq "retry: down succeeds once the lock is let go (exit 0)" 0 "$RC"
		check_contains "retry: down says its retry" \
		    "  lock timeout on $f1 (try 1 of 5): retrying in 200 ms
  rolled back $f1" "$OUT"
		check_eq "retry: down leaves the base" "1 0" \
		    "$(q $DB "SELECT (SELECT count(*) FROM shop.schema_migrations), (SELECT count(*) FROM pg_constraint WHERE conname = 'orders_customer_id_fkey')" | tr '|' ' ')"
	else
		fail "retry: hold the lock for down"
	fi
else
	fail "retry: set up the draft and the lock"
fi

# A lock held past every try: the exact error, exit 1, nothing of the
# file applied or recorded.
w=$TEST_TMP/giveup
if online "$w" check_fk && hold 60; then
	ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")
	f1=$(ls "$w/migrations/$SCHEMA" | sed -n 2p)
	run_capture env VERIFIER_LOCK_BACKOFF_MS=100 "$VERIFIER" migrate "${ropts[@]}" --lock-tries 2
	q $DB "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'vf_holder'" >/dev/null
	wait $HOLDER
	check_eq "give up: migrate exits 1" 1 "$RC"
	check_eq "give up: the exact output" "shop: 2 pending files
  lock timeout on $f1 (try 1 of 2): retrying in 100 ms
verifier: $w/migrations/$SCHEMA/$f1:5: canceling statement due to lock timeout; rolled back: nothing of this file was applied; gave up after 2 tries on a lock timeout" "$OUT"
	check_eq "give up: nothing of the file applied" "0 1" \
	    "$(q $DB "SELECT (SELECT count(*) FROM pg_constraint WHERE conname LIKE 'orders_%check' OR conname = 'orders_customer_id_fkey'), (SELECT count(*) FROM shop.schema_migrations)" | tr '|' ' ')"
	run_capture "$VERIFIER" migrate "${ropts[@]}"
	check_eq "give up: migrate again once the lock is gone (exit 0)" 0 "$RC"
else
	fail "give up: set up the draft and the lock"
fi

# A concurrent unique index whose build fails (a duplicate) leaves an
# invalid index; once the data is mended, migrate again drops it first
# and builds it whole.
w=$TEST_TMP/invalid
if online "$w" keys; then
	ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")
	f1=$(ls "$w/migrations/$SCHEMA" | sed -n 2p)
	q $DB "UPDATE shop.customers SET email = 'dup@x' WHERE id IN (1, 2)" >/dev/null
	run_capture "$VERIFIER" migrate "${ropts[@]}"
	check_eq "invalid index: migrate exits 1" 1 "$RC"
	check_contains "invalid index: the exact error" \
	    "verifier: $w/migrations/$SCHEMA/$f1:6: could not create unique index \"customers_email_key\" (Key (email)=(dup@x) is duplicated.); transaction:false: the statements before this one stay applied and the file is not recorded" "$OUT"
	check_eq "invalid index: the failed build left an invalid index" "f" \
	    "$(q $DB "SELECT indisvalid FROM pg_index WHERE indexrelid = 'shop.customers_email_key'::regclass")"
	q $DB "UPDATE shop.customers SET email = 'c2@x' WHERE id = 2" >/dev/null
	run_capture "$VERIFIER" migrate "${ropts[@]}"
	check_eq "invalid index: migrate again succeeds (exit 0)" 0 "$RC"
	check_eq "invalid index: the index is valid and backs the key" "t customers_email_key" \
	    "$(q $DB "SELECT i.indisvalid, c.conname FROM pg_index i JOIN pg_constraint c ON c.conindid = i.indexrelid WHERE i.indexrelid = 'shop.customers_email_key'::regclass" | tr '|' ' ')"
	run_capture "$VERIFIER" check --schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL"
	check_eq "invalid index: check is clean after (exit 0)" 0 "$RC"
else
	fail "invalid index: set up the draft"
fi

# Destructive steps keep needing --allow-destructive with --online.
w=$TEST_TMP/destr
if base "$w"; then
	sed -e '/^      note:$/,/^        nullable: true$/d' -e '/^      - columns: \[note\]$/d' \
	    "$TOP/tests/online/base.yaml" > "$w/models/$SCHEMA.yaml"
	opts=(--schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL")
	run_capture "$VERIFIER" draft "${opts[@]}" --msg "drop note" --online
	check_eq "destructive: refused without --allow-destructive (exit 1)" 1 "$RC"
	check_eq "destructive: the exact refusal" "verifier draft: refusing destructive steps (run again with --allow-destructive to write them):
  shop.orders.note: drops a column and its values" "$OUT"
	check_eq "destructive: no file written" 1 "$(ls "$w/migrations/$SCHEMA" | wc -l)"
	run_capture "$VERIFIER" draft "${opts[@]}" --msg "drop note" --online --allow-destructive
	check_eq "destructive: written with --allow-destructive (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed "s/^/#   /"
	check_eq "destructive: one file, its index going with the column" \
	    "2 SET LOCAL lock_timeout = '2s';
DROP INDEX shop.orders_note_idx;
-- destructive: drops a column and its values (shop.orders.note)
ALTER TABLE shop.orders DROP COLUMN note;" \
	    "$(ls "$w/migrations/$SCHEMA" | wc -l) $(sed -n '/migrate:up/,/^$/p' "$w/migrations/$SCHEMA"/*_drop_note.sql | sed '1d;$d')"
else
	fail "destructive: the base"
fi

# Without CREATEDB there is no scratch database to prove the
# transaction:false file on: refused, nothing written.
w=$TEST_TMP/nocreatedb
if base "$w"; then
	q postgres "DO \$\$BEGIN
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vf_online_own') THEN
			CREATE ROLE vf_online_own LOGIN NOCREATEDB PASSWORD 'pw';
		END IF;
	END\$\$" >/dev/null
	q $DB "GRANT CONNECT ON DATABASE $DB TO vf_online_own; ALTER SCHEMA shop OWNER TO vf_online_own" >/dev/null
	cp "$CASES/indexes/after.yaml" "$w/models/$SCHEMA.yaml"
	run_capture "$VERIFIER" draft --schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" \
	    --db "$(dburl $DB vf_online_own pw)" --msg more --online
	check_eq "no CREATEDB: refused (exit 1)" 1 "$RC"
	check_eq "no CREATEDB: the exact error" "verifier draft: draft --online proves its transaction:false file on a scratch database: role vf_online_own needs CREATEDB" "$OUT"
	check_eq "no CREATEDB: nothing written" 1 "$(ls "$w/migrations/$SCHEMA" | wc -l)"
	q $DB "ALTER SCHEMA shop OWNER TO postgres" >/dev/null
else
	fail "no CREATEDB: the base"
fi

# A kept leaf partition's own indexes are built CONCURRENTLY (changed:
# a new one under a temporary name); a partitioned partition's, the plain
# way (PostgreSQL has no CONCURRENTLY there).
w=$TEST_TMP/partitions
opts=(--schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL")
ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")
if base "$w" "$TOP/tests/online/partitions/before.yaml"; then
	before=$(dump_schema)
	cp "$TOP/tests/online/partitions/after.yaml" "$w/models/$SCHEMA.yaml"
	run_capture "$VERIFIER" draft "${opts[@]}" --msg parts --online
	check_eq "partition indexes: draft --online (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed "s/^/#   /"
	got=$(cat "$w/migrations/$SCHEMA"/*_parts*.sql)
	check_contains "partition indexes: a leaf partition's new index is built concurrently" \
	    "CREATE INDEX CONCURRENTLY events_a_at_idx ON shop.events_a USING btree (at);" "$got"
	check_contains "partition indexes: a leaf partition's changed index is rebuilt concurrently" \
	    "CREATE INDEX CONCURRENTLY events_a_old_new ON shop.events_a USING btree (id, at);" "$got"
	check_contains "partition indexes: a partitioned partition's index is built the plain way" \
	    "CREATE INDEX events_b_id_idx ON shop.events_b USING btree (id);" "$got"
	run_capture "$VERIFIER" migrate "${ropts[@]}"
	check_eq "partition indexes: migrate (exit 0)" 0 "$RC"
	run_capture "$VERIFIER" diff "${opts[@]}"
	check_eq "partition indexes: diff after migrate shows nothing (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed "s/^/#   /"
	run_capture "$VERIFIER" down "${ropts[@]}" --steps "$(ls "$w/migrations/$SCHEMA"/*_parts*.sql | wc -l)"
	check_eq "partition indexes: down (exit 0)" 0 "$RC"
	check_eq "partition indexes: down returns the previous catalog exactly" \
	    "$before" "$(dump_schema)"
else
	fail "partition indexes: the base"
fi
