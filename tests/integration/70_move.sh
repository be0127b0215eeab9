#!/usr/bin/env bash
# 70_move.sh: `verifier move`, billing moved to a server of its own with
# logical replication.  The source is a second throwaway cluster with
# wal_level = logical on another free port (stopped at the end); the
# target is the suite's cluster.  billing moves with rows in it: counts and
# checksums equal, the version table's rows come across, the target's
# `check` is clean, auth on the source is untouched (pg_dump before and
# after).  Each refusal has its exact message and exit 2; an interrupted
# move resumes; --abort undoes each step and leaves the source as it was.
. "$TOP/tests/lib.sh"
. "$TOP/ci/pg.sh"
export VERIFIER_CACHE=$TEST_TMP/cache
SRC_DATA=$TEST_TMP/src
SRC_PORT=$(pg_free_port) || { fail "a free port for the source"; exit 1; }
rm -rf "$SRC_DATA" "$SRC_DATA.initdb.log"
pg_init "$SRC_DATA" postgres || { fail "initdb of the source"; exit 1; }
PG_FSYNC=off PG_WAL_LEVEL=logical pg_start "$SRC_DATA" "$SRC_PORT" \
    "$TEST_TMP/src.log" || { fail "start the source"; exit 1; }
trap 'pg_stop "$SRC_DATA" immediate' EXIT

SRC=d70src
TGT=d70tgt
srcq() { PGPORT=$SRC_PORT q "$@"; }
SRC_URL=$(PGPORT=$SRC_PORT dburl $SRC)
TGT_URL=$(dburl $TGT)
PGPORT=$SRC_PORT fresh_db $SRC || { fail "source database"; exit 1; }
fresh_db $TGT || { fail "target database"; exit 1; }
for s in auth billing; do
	run_capture "$VERIFIER" migrate --schema $s --db "$SRC_URL"
	check_eq "source: migrate $s" 0 "$RC"
done
srcq $SRC "INSERT INTO billing.customers (name, email, owner_user_id)
    SELECT 'c' || g, 'c' || g || '@example.com', g FROM generate_series(1, 50) g;
  INSERT INTO billing.invoices (customer_id, amount_cents, currency, status)
    SELECT 1 + g % 50, g * 7, 'EUR', (ARRAY['open','paid','void']::billing.invoice_status[])[1 + g % 3]
    FROM generate_series(1, 2000) g;
  UPDATE billing.invoices SET paid_at = now() WHERE status = 'paid';
  INSERT INTO auth.users (email, password_hash) VALUES ('a@example.com', 'x');" >/dev/null
check_eq "source: billing has rows" 2000 "$(srcq $SRC 'SELECT count(*) FROM billing.invoices')"
# pg_dump without its \restrict lines, whose key changes every run.
dump() { PGPORT=$SRC_PORT pg_dump "$@" | grep -v '^\\\(un\)\?restrict '; }
AUTH_BEFORE=$(dump --schema auth $SRC)
SRC_BEFORE=$(dump $SRC)
# The target's billing before: the empty schema initdb/ makes, its grants.
tgt_schema() {
	q $TGT "SELECT n.nspname, pg_get_userbyid(n.nspowner), n.nspacl,
	    (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid)
	    FROM pg_namespace n WHERE n.nspname = 'billing'"
}
TGT_BEFORE=$(tgt_schema)
# refused DESC MESSAGE CMD...: CMD exits 2 and says MESSAGE.
refused() {
	local d=$1 msg=$2; shift 2
	run_capture "$@"
	check_eq "$d: exit 2" 2 "$RC"
	check_contains "$d: said" "$msg" "$OUT"
}
mv_=("$VERIFIER" move --schema billing --db "$SRC_URL" --to "$TGT_URL" --timeout 60)

# Refusals.
refused "no --to" "verifier move: missing --to URL (the target database)" \
    "$VERIFIER" move --schema billing --db "$SRC_URL"
refused "--until a step that is not one" \
    "verifier move: --until 'cutover': expected preflight, build, copy or verify" \
    "${mv_[@]}" --until cutover

# A source without wal_level = logical: the suite's own cluster.
fresh_db d70replica || fail "replica database"
"$VERIFIER" migrate --schema billing --db "$(dburl d70replica)" >/dev/null 2>&1
refused "wal_level = replica" \
    "verifier move: preflight: the source has wal_level = replica; set wal_level = logical in its postgresql.conf (or run ALTER SYSTEM SET wal_level = logical) and restart it" \
    "$VERIFIER" move --schema billing --db "$(dburl d70replica)" --to "$TGT_URL"
refused "an unreachable target" \
    "verifier move: preflight: cannot reach the target: cannot connect to the database:" \
    "$VERIFIER" move --schema billing --db "$SRC_URL" --to "postgresql://postgres:postgres@127.0.0.1:1/x"

# A schema that fails check: an extra file that reads auth.
W=$TEST_TMP/w
rm -rf "$W"; mkdir -p "$W"
cp -r "$TOP/migrations/billing" "$W/mig"
cat > "$W/mig/20261231000000_peek.sql" <<'SQL'
-- migrate:up
CREATE VIEW billing.peek AS SELECT id FROM auth.users;
SQL
refused "a schema that fails check" \
    "verifier move: preflight: verifier check --schema billing fails on the source; fix it first" \
    "${mv_[@]}" --migrations "$W/mig"
check_contains "a schema that fails check: check's problem shown" \
    "20261231000000_peek.sql:2: the up section refers to schema \"auth\"" "$OUT"

# A table without a primary key or replica identity (models and files
# that say so, applied in a database of their own on the source).
mkdir -p "$W/nopk/models"
cp -r "$TOP/migrations/billing" "$W/nopk/mig"
cat > "$W/nopk/mig/20261231000000_notes.sql" <<'SQL'
-- migrate:up
CREATE TABLE billing.notes (body text NOT NULL);
-- migrate:down
DROP TABLE billing.notes;
SQL
sed 's/^tables:$/tables:\n  notes:\n    columns:\n      body: text\n/' \
    "$TOP/schema_models/billing.yaml" > "$W/nopk/models/billing.yaml"
PGPORT=$SRC_PORT fresh_db d70nopk || fail "nopk database"
"$VERIFIER" migrate --schema billing --migrations "$W/nopk/mig" \
    --db "$(PGPORT=$SRC_PORT dburl d70nopk)" >/dev/null 2>&1
refused "a table without a primary key" \
    "verifier move: preflight: tables of billing without a primary key or replica identity (their UPDATE and DELETE would fail once published): notes" \
    "$VERIFIER" move --schema billing --db "$(PGPORT=$SRC_PORT dburl d70nopk)" \
    --to "$TGT_URL" --models "$W/nopk/models" --migrations "$W/nopk/mig"
srcq postgres "DROP DATABASE d70nopk WITH (FORCE)" >/dev/null

# A target on the source's own server.
PGPORT=$SRC_PORT fresh_db d70same || fail "same-server database"
refused "a target on the source's server" \
    "verifier move: preflight: the target is on the source's server (system identifier" \
    "$VERIFIER" move --schema billing --db "$SRC_URL" --to "$(PGPORT=$SRC_PORT dburl d70same)"
srcq postgres "DROP DATABASE d70same WITH (FORCE)" >/dev/null

# A schema whose owner has no role on the target (a role of the source
# cluster only).
PGPORT=$SRC_PORT fresh_db d70role || fail "role database"
"$VERIFIER" migrate --schema billing --db "$(PGPORT=$SRC_PORT dburl d70role)" >/dev/null 2>&1
srcq d70role "CREATE ROLE billing_elsewhere; ALTER SCHEMA billing OWNER TO billing_elsewhere" >/dev/null
refused "a target without the owner's role" \
    "verifier move: preflight: the target has no role \"billing_elsewhere\" (the owner of billing on the source); create it there first (initdb/)" \
    "$VERIFIER" move --schema billing --db "$(PGPORT=$SRC_PORT dburl d70role)" --to "$TGT_URL"
srcq postgres "DROP DATABASE d70role WITH (FORCE)" >/dev/null
srcq postgres "DROP ROLE billing_elsewhere" >/dev/null

# A target that already has billing.
fresh_db d70has || fail "has database"
"$VERIFIER" migrate --schema billing --db "$(dburl d70has)" >/dev/null 2>&1
refused "a target that has billing" \
    "verifier move: preflight: the target already has schema \"billing\" with 14 objects; drop it there or move to another database" \
    "$VERIFIER" move --schema billing --db "$SRC_URL" --to "$(dburl d70has)"
check_eq "a refused move leaves no publication on the source" 0 \
    "$(srcq $SRC 'SELECT count(*) FROM pg_publication')"

# --abort with nothing done.
run_capture "${mv_[@]}" --abort
check_eq "--abort with no move: exit 0" 0 "$RC"
check_contains "--abort with no move: said" "abort: no move of billing to undo" "$OUT"

# --abort after each step leaves the source as it was and the target clean.
for step in preflight build copy verify; do
	run_capture "${mv_[@]}" --until $step
	check_eq "--until $step: exit 0" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
	if [ $step = verify ]; then
		# As if a cutover was killed right after its revoke.
		srcq $SRC "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA billing FROM billing_svc" >/dev/null
	fi
	run_capture "${mv_[@]}" --abort
	check_eq "--abort after $step: exit 0" 0 "$RC"
	[ $step != verify ] || check_contains "--abort after an interrupted cutover: writes given back" \
	    "abort: billing_svc's write privileges on billing given back on the source" "$OUT"
	if [ $step = preflight ]; then
		check_contains "--abort after preflight: nothing to undo" \
		    "abort: no move of billing to undo" "$OUT"
	else
		check_contains "--abort after $step: schema dropped, the empty one of initdb/ given back" \
		    "abort: schema billing dropped on the target (made again empty, as it was before)" "$OUT"
	fi
	check_eq "--abort after $step: the target's billing as it was" "$TGT_BEFORE" "$(tgt_schema)"
	check_eq "--abort after $step: no subscription on the target" 0 \
	    "$(q $TGT 'SELECT count(*) FROM pg_subscription')"
	check_eq "--abort after $step: no publication, no slot on the source" 0 \
	    "$(srcq $SRC 'SELECT (SELECT count(*) FROM pg_publication) + (SELECT count(*) FROM pg_replication_slots)')"
	check_eq "--abort after $step: the source is as it was" "$SRC_BEFORE" \
	    "$(dump $SRC)"
done

# An interrupted move resumes: build, then the rest.
run_capture "${mv_[@]}" --until build
check_contains "until build: stopped" "move: stopped after build; run again to go on" "$OUT"
check_contains "build: the catalogs are compared" \
    "build: the target's catalog of billing equals the source's" "$OUT"
# Killed inside the build: the state row says preflight; the build runs again.
q $TGT "UPDATE verifier_move SET step = 'preflight' WHERE schema_name = 'billing'" >/dev/null
run_capture "${mv_[@]}" --until build
check_contains "interrupted build: resumed" "move: resuming the move of billing, done up to preflight" "$OUT"
check_contains "interrupted build: built again" \
    "build: billing created on the target by $(ls "$TOP"/migrations/billing/*.sql | wc -l) migration files, as billing_svc" "$OUT"
run_capture "${mv_[@]}" --until build
check_contains "resumed: says so" "move: resuming the move of billing, done up to build" "$OUT"
check_contains "resumed: build skipped" "build: done before, skipped" "$OUT"
srcq $SRC "INSERT INTO billing.invoices (customer_id, amount_cents) SELECT 1, g FROM generate_series(1, 100) g" >/dev/null
# Killed (SIGKILL) in the copy, as soon as the subscription exists.
KOUT=$TEST_TMP/killed.out
"${mv_[@]}" > "$KOUT" 2>&1 &
KPID=$!
for _ in $(seq 1 600); do
	grep -q "^copy: subscription vf_move_billing created" "$KOUT" && break
	sleep 0.05
done
kill -KILL $KPID; wait $KPID 2>/dev/null
check_eq "killed in the copy: the state still says build" build \
    "$(q $TGT "SELECT step FROM verifier_move WHERE schema_name = 'billing'")"
run_capture "${mv_[@]}"
check_contains "killed in the copy: resumed after build" "move: resuming the move of billing, done up to build" "$OUT"
check_eq "the move: exit 0" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
# The rows: 2,100 invoices, the customers, the version table's rows.
check_contains "copy: progress" "copy: 3/3 tables ready, $(srcq $SRC "SELECT (SELECT count(*) FROM billing.invoices) + (SELECT count(*) FROM billing.customers) + (SELECT count(*) FROM billing.schema_migrations)") rows on the target" "$OUT"
check_contains "verify: invoices equal" "verify: billing.invoices: rows checksum 2100 " "$OUT"
check_contains "verify: every table" "verify: 3 tables equal on the source and the target" "$OUT"
check_contains "the move: its last line" \
    "move: billing is copied, followed and verified on the target; the source still serves it" "$OUT"
check_eq "rows written during the move come across" 2100 "$(q $TGT 'SELECT count(*) FROM billing.invoices')"
check_eq "the version table's rows came across" \
    "$(srcq $SRC "SELECT string_agg(version || checksum || applied_at, ',' ORDER BY version) FROM billing.schema_migrations")" \
    "$(q $TGT "SELECT string_agg(version || checksum || applied_at, ',' ORDER BY version) FROM billing.schema_migrations")"
run_capture "$VERIFIER" check --schema billing --db "$TGT_URL"
check_eq "the target's check is clean" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
run_capture "${mv_[@]}"
check_contains "run again when done: every step skipped" "verify: done before, skipped" "$OUT"
check_eq "auth on the source is untouched (pg_dump)" "$AUTH_BEFORE" \
    "$(dump --schema auth $SRC)"

# Cutover and finish.
refused "--finish before the cutover" \
    "verifier move: finish: the move of billing is done up to verify; run --cutover first" \
    "${mv_[@]}" --finish
refused "--cutover and --abort together" "verifier move: --abort, --cutover and --finish go alone" \
    "${mv_[@]}" --cutover --abort
ENVF=$TEST_TMP/env.cutover
printf 'AUTH_SVC_PASSWORD=x\nBILLING_DATABASE_URL=postgresql://old\n' > "$ENVF"
srcq $SRC "INSERT INTO billing.invoices (customer_id, amount_cents) SELECT 2, g FROM generate_series(1, 10) g" >/dev/null
# A writer logged in as billing_svc adds customers through the cutover;
# every insert it saw committed must be on the target.
srcq postgres "ALTER ROLE billing_svc PASSWORD 'billing'" >/dev/null
W_URL=postgresql://billing_svc:billing@127.0.0.1:$SRC_PORT/$SRC
ACK=$TEST_TMP/acked
rm -f "$ACK" "$TEST_TMP/stop"; : > "$ACK"
(
	while [ ! -f "$TEST_TMP/stop" ]; do
		id=$(psql -X -qAt -d "$W_URL" -c "INSERT INTO billing.customers (name, owner_user_id) VALUES ('w', 1) RETURNING id" 2>/dev/null) &&
		    echo "$id" >> "$ACK"
	done
) &
WPID=$!
for _ in $(seq 1 50); do [ -s "$ACK" ] && break; sleep 0.1; done
sleep 0.5
run_capture "${mv_[@]}" --cutover --env-file "$ENVF"
touch "$TEST_TMP/stop"; wait $WPID
NACK=$(wc -l < "$ACK")
[ "$NACK" -gt 0 ] && pass "the writer had inserts acknowledged before the cutover ($NACK)" ||
    fail "the writer had inserts acknowledged before the cutover"
check_eq "every insert acknowledged on the source is on the target" 0 \
    "$(q $TGT "SELECT count(*) FROM unnest('{$(paste -sd, "$ACK")}'::bigint[]) a(id) WHERE NOT EXISTS (SELECT 1 FROM billing.customers c WHERE c.id = a.id)")"
check_eq "customers' identity continues past every acknowledged id on the target" t \
    "$(q $TGT "SET ROLE billing_svc; INSERT INTO billing.customers (name, owner_user_id) VALUES ('after', 1) RETURNING id > $(sort -n "$ACK" | tail -1)" | head -1)"
check_eq "--cutover: exit 0" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
check_contains "--cutover: writes stopped" "cutover: billing_svc may no longer write to the tables of billing on the source" "$OUT"
check_contains "--cutover: equal counts with writes stopped" "cutover: 3 tables have equal row counts with writes stopped" "$OUT"
check_contains "--cutover: identity sequence set" "cutover: sequence billing.invoices_id_seq set to 2110 on the target" "$OUT"
check_contains "--cutover: the pause measured" "cutover: billing is served by the target; writes were paused for " "$OUT"
PAUSE=$(printf '%s\n' "$OUT" | sed -n 's/.*writes were paused for \([0-9]*\) ms.*/\1/p')
echo "# summary: cutover write pause ${PAUSE} ms (2110 invoices, a writer adding customers)"
check_eq "--cutover: the services file points billing at the target" \
    "AUTH_SVC_PASSWORD=x|BILLING_DATABASE_URL=$TGT_URL" "$(paste -sd'|' "$ENVF")"
check_eq "--cutover: the services file stays mode 600" 600 "$(stat -c %a "$ENVF")"
run_capture srcq $SRC "SET ROLE billing_svc; INSERT INTO billing.customers (name, owner_user_id) VALUES ('late', 1)"
check_contains "--cutover: billing_svc cannot write on the source" "permission denied for table customers" "$OUT"
check_eq "--cutover: identity values continue on the target without collision" 2111 \
    "$(q $TGT "SET ROLE billing_svc; INSERT INTO billing.invoices (customer_id, amount_cents) VALUES (1, 5) RETURNING id" | head -1)"
check_eq "--cutover: no subscription left, no slot on the source" "0|0" \
    "$(q $TGT 'SELECT count(*) FROM pg_subscription')|$(srcq $SRC 'SELECT count(*) FROM pg_replication_slots')"
run_capture "$VERIFIER" check --schema billing --db "$TGT_URL"
check_eq "--cutover: the target's check is clean" 0 "$RC"
refused "--abort after the cutover" \
    "verifier move: abort: billing was cut over; the target serves it and holds writes the source has not, so it cannot be undone (move it back with another move)" \
    "${mv_[@]}" --abort
run_capture "${mv_[@]}"
check_contains "a plain run after the cutover: what is left" \
    "move: billing was cut over to the target (done up to cutover); what is left: --finish" "$OUT"
run_capture "${mv_[@]}" --finish
check_eq "--finish: exit 0" 0 "$RC"
check_contains "--finish: S dropped on the source" "finish: schema billing dropped on the source" "$OUT"
check_eq "--finish: no billing, no publication on the source" "0|0" \
    "$(srcq $SRC "SELECT count(*) FROM pg_namespace WHERE nspname = 'billing'")|$(srcq $SRC 'SELECT count(*) FROM pg_publication')"
check_eq "--finish: auth on the source still untouched (pg_dump)" "$AUTH_BEFORE" "$(dump --schema auth $SRC)"
run_capture "${mv_[@]}" --finish
check_contains "--finish again: skipped" "finish: done before, skipped" "$OUT"
q postgres "DROP DATABASE IF EXISTS d70has WITH (FORCE)" >/dev/null
q postgres "DROP DATABASE IF EXISTS d70replica WITH (FORCE)" >/dev/null

# Where each service lives (ci/env.sh): <SCHEMA>_DATABASE_URL, else the default.
ENVRUN=$TEST_TMP/run; rm -rf "$ENVRUN"; mkdir -p "$ENVRUN"
check_eq "SVC=billing with BILLING_DATABASE_URL: that server" "$TGT_URL" \
    "$(RUN_DIR=$ENVRUN SVC=billing BILLING_DATABASE_URL=$TGT_URL bash "$TOP/ci/with-env.sh" sh -c 'echo "$DATABASE_URL"')"
check_eq "SVC=auth without AUTH_DATABASE_URL: the default" "$SRC_URL" \
    "$(RUN_DIR=$ENVRUN SVC=auth DATABASE_URL=$SRC_URL BILLING_DATABASE_URL=$TGT_URL bash "$TOP/ci/with-env.sh" sh -c 'echo "$DATABASE_URL"')"
run_capture env RUN_DIR=$ENVRUN DATABASE_URL=$SRC_URL \
    BILLING_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:1/x \
    bash "$TOP/ci/check.sh" "$VERIFIER"
check_eq "make check: billing checked on its own server (unreachable here): exit 1" 1 "$RC"
check_contains "make check: auth on the default server" "check auth: ok" "$OUT"
check_contains "make check: billing on BILLING_DATABASE_URL" "127.0.0.1\", port 1 failed" "$OUT"
check_eq "completion: move --until's steps" "preflight build copy verify" \
    "$(. "$TOP/verifier/completion.bash"; COMP_WORDS=(verifier move --until ''); COMP_CWORD=3; _verifier; echo "${COMPREPLY[*]}")"
