#!/usr/bin/env bash
# 32_shadow.sh: `diff` and `check --no-live` for roles without CREATEDB.
# The expected catalog and the replay are built in a shadow transaction
# on the command's own connection, always rolled back: the same output as
# the superuser's (who uses a scratch database for check's replay), the
# live schema, its objects and rows untouched after success, after a
# model the server rejects, after a lock not granted and after SIGTERM;
# a role with neither the schema nor CREATEDB gets the exact error.
. "$TOP/tests/lib.sh"
export VERIFIER_CACHE=off
DB=d32shadow
fresh_db $DB || { fail "create database"; exit 1; }
SU=$(dburl $DB)
q postgres "DO \$\$BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vf_shadow_own') THEN
		CREATE ROLE vf_shadow_own LOGIN NOCREATEDB PASSWORD 'pw';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vf_shadow_none') THEN
		CREATE ROLE vf_shadow_none LOGIN NOCREATEDB PASSWORD 'pw';
	END IF;
END\$\$" >/dev/null
q $DB "GRANT CONNECT ON DATABASE $DB TO vf_shadow_own, vf_shadow_none" >/dev/null
run_capture "$VERIFIER" migrate --schema billing --db "$SU"
check_eq "billing migrated" 0 "$RC"
# The owner role owns the schema here, without CREATE on the database.
q $DB "ALTER SCHEMA billing OWNER TO vf_shadow_own;
	INSERT INTO billing.customers (name, owner_user_id) VALUES ('a', 1), ('b', 2)" >/dev/null
OWN=$(dburl $DB vf_shadow_own pw)
NONE=$(dburl $DB vf_shadow_none pw)

# live: every schema, the billing objects with their owners, columns,
# constraints and grants, and the rows of its tables.
live() {
	q $DB "SELECT string_agg(nspname || ':' || pg_get_userbyid(nspowner) || ':' || coalesce(nspacl::text, ''), ' ' ORDER BY nspname) FROM pg_namespace;
	SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relacl,
	    (SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ',' ORDER BY attnum)
	     FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped)
	FROM pg_class c WHERE c.relnamespace = 'billing'::regnamespace ORDER BY 1;
	SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
	WHERE connamespace = 'billing'::regnamespace ORDER BY 1;
	SELECT typname FROM pg_type WHERE typnamespace = 'billing'::regnamespace ORDER BY 1;
	SELECT version FROM billing.schema_migrations ORDER BY 1;
	SELECT id, name, owner_user_id FROM billing.customers ORDER BY 1"
}
before=$(live)
untouched() {
	check_eq "$1: the live schema, its objects and rows are untouched" "$before" "$(live)"
}

# Equal to the models: the same output as the superuser's.
run_capture "$VERIFIER" diff --schema billing --db "$SU"
su_out=$OUT; su_rc=$RC
check_eq "superuser: diff exits 0" 0 "$su_rc"
run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED=server "$VERIFIER" diff \
    --schema billing --db "$OWN"
check_eq "owner without CREATEDB: diff exits 0" 0 "$RC"
check_contains "owner without CREATEDB: built in a shadow transaction" \
    "models (shadow transaction, DDL, read back, rolled back)" "$OUT"
run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED= "$VERIFIER" diff --schema billing --db "$OWN"
check_contains "owner without CREATEDB: the declined objects in a shadow" \
    "models (in memory + server (4 objects))" "$OUT"
run_capture "$VERIFIER" diff --schema billing --db "$OWN"
check_eq "owner without CREATEDB: diff says what the superuser says" "$su_out" "$OUT"
untouched "diff"

# With drift: the same differences.
q $DB "ALTER TABLE billing.customers ADD COLUMN vip boolean" >/dev/null
before=$(live)
run_capture "$VERIFIER" diff --schema billing --db "$SU"
su_out=$OUT
check_eq "superuser: diff with drift exits 1" 1 "$RC"
run_capture "$VERIFIER" diff --schema billing --db "$OWN"
check_eq "owner: diff with drift exits 1" 1 "$RC"
check_eq "owner: the same differences" "$su_out" "$OUT"
run_capture "$VERIFIER" diff --schema billing --db "$OWN" --format json
check_contains "owner: the same differences in json" \
    '"kind": "column", "action": "drop", "table": "customers", "name": "vip"' "$OUT"
untouched "diff with drift"

# dump proves its file the same way.
run_capture "$VERIFIER" dump --schema billing --db "$SU" --output "$TEST_TMP/dump_su.yaml"
check_eq "superuser: dump exits 0" 0 "$RC"
run_capture "$VERIFIER" dump --schema billing --db "$OWN" --output "$TEST_TMP/dump_own.yaml"
check_eq "owner: dump exits 0" 0 "$RC"
check_eq "owner: dump writes the superuser's file" "$(cat "$TEST_TMP/dump_su.yaml")" "$(cat "$TEST_TMP/dump_own.yaml")"
untouched "dump"

# check --no-live: the superuser replays in a scratch database, the owner
# in a shadow transaction; the same output.
run_capture "$VERIFIER" check --schema billing --no-live --db "$SU"
su_out=$OUT
check_eq "superuser: check --no-live exits 0" 0 "$RC"
run_capture "$VERIFIER" check --schema billing --no-live --db "$OWN"
check_eq "owner: check --no-live exits 0" 0 "$RC"
check_eq "owner: check --no-live says what the superuser says" "$su_out" "$OUT"
q $DB "GRANT SELECT ON billing.schema_migrations TO vf_shadow_own" >/dev/null
before=$(live)
run_capture "$VERIFIER" check --schema billing --db "$SU"
su_out=$OUT
run_capture "$VERIFIER" check --schema billing --db "$OWN"
check_eq "owner: check with the live database says what the superuser says" "$su_out" "$OUT"
check_contains "owner: check finds the drift" "drift: the live database differs from the models" "$OUT"
untouched "check --no-live and check"

# Migrations that differ from the models: the same problems.
W=$TEST_TMP/w
rm -rf "$W"; mkdir -p "$W"
cp -r "$TOP/migrations/billing" "$W/mig"
cat > "$W/mig/20261201000000_more.sql" <<'SQL'
-- migrate:up
ALTER TABLE billing.customers ADD COLUMN note text;
-- migrate:down
ALTER TABLE billing.customers DROP COLUMN note;
SQL
run_capture "$VERIFIER" check --schema billing --no-live --migrations "$W/mig" --db "$SU"
su_out=$OUT
check_eq "superuser: check of differing migrations exits 1" 1 "$RC"
run_capture "$VERIFIER" check --schema billing --no-live --migrations "$W/mig" --db "$OWN"
check_eq "owner: check of differing migrations exits 1" 1 "$RC"
check_eq "owner: the same problems" "$su_out" "$OUT"
untouched "check of differing migrations"

# A file that refers to another schema is not replayed in a shadow (its
# rows there would stay locked until the rollback): the reference is
# the problem.
cat > "$W/mig/20261201000001_peek.sql" <<'SQL'
-- migrate:up
CREATE TABLE billing.peek AS SELECT id FROM auth.users;
-- migrate:down
DROP TABLE billing.peek;
SQL
run_capture "$VERIFIER" check --schema billing --no-live --migrations "$W/mig" --db "$OWN"
check_eq "owner: a file reading auth exits 1" 1 "$RC"
# (check's lint warnings aside: docs/lint.md)
check_eq "owner: the reference is the problem" "$W/mig/20261201000001_peek.sql:2: the up section refers to schema \"auth\"; a migration of billing touches nothing outside it
check billing: 1 problem (4 warnings)" "$(echo "$OUT" | grep -v ': lint warning ')"
untouched "a file reading another schema"
rm "$W/mig/20261201000001_peek.sql"

# A transaction:false file with CONCURRENTLY, which PostgreSQL refuses in a
# transaction block: the shadow replays it without the keyword (the same
# catalog), so the owner sees what the superuser's scratch database sees.
rm "$W/mig/20261201000000_more.sql"
cat > "$W/mig/20261201000000_conc.sql" <<'SQL'
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY customers_name ON billing.customers (name);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY billing.customers_name;
SQL
run_capture "$VERIFIER" check --schema billing --no-live --migrations "$W/mig" --db "$OWN"
own_out=$OUT
check_eq "owner: CREATE INDEX CONCURRENTLY replayed in a shadow: the index is there, not in the model (exit 1)" 1 "$RC"
check_contains "owner: the difference is the index" \
    "the migrations differ from the models (run verifier draft): index extra billing.customers_name" "$OUT"
run_capture "$VERIFIER" check --schema billing --no-live --migrations "$W/mig" --db "$SU"
check_eq "superuser (scratch database): the same output" "$own_out" "$OUT"
# A keyword in parentheses is left: PostgreSQL's own message, at its line.
cat > "$W/mig/20261201000000_conc.sql" <<'SQL'
-- migrate:up transaction:false
REINDEX (CONCURRENTLY) TABLE billing.customers;
-- migrate:down transaction:false
SELECT 1;
SQL
run_capture "$VERIFIER" check --schema billing --no-live --migrations "$W/mig" --db "$OWN"
check_contains "owner: REINDEX (CONCURRENTLY) in a shadow says a scratch database is needed" \
    "$W/mig/20261201000000_conc.sql:2: REINDEX CONCURRENTLY cannot run inside a transaction block; replaying a transaction:false file with such a statement needs a scratch database (the role needs CREATEDB); rolled back: nothing of this file was applied" "$OUT"
untouched "a file PostgreSQL refuses in a transaction"

# A model the server rejects: reported at its line, nothing committed.
mkdir -p "$W/bad"
sed 's/default: now()/default: no_such_function()/' \
    "$TOP/schema_models/billing.yaml" > "$W/bad/billing.yaml"
run_capture "$VERIFIER" diff --schema billing --models "$W/bad" --db "$OWN"
check_eq "owner: a model the server rejects exits 2" 2 "$RC"
check_eq "owner: it is reported at the model's line (its table)" \
    "verifier diff: $W/bad/billing.yaml:9:3: PostgreSQL rejects the model: ERROR:  function no_such_function() does not exist" "$OUT"
untouched "a model the server rejects"

# A role with neither the schema nor CREATEDB: the exact error, exit 1.
msg='role "vf_shadow_none" can build schema "billing" neither in a shadow transaction (it needs to own schema "billing", or CREATE on database "d32shadow" when the schema does not exist) nor in a scratch database (it needs CREATEDB)'
run_capture "$VERIFIER" diff --schema billing --db "$NONE"
check_eq "neither: diff exits 1" 1 "$RC"
check_eq "neither: diff names what the role needs" "verifier diff: $msg" "$OUT"
run_capture "$VERIFIER" check --schema billing --no-live --db "$NONE"
check_eq "neither: check --no-live exits 1" 1 "$RC"
check_eq "neither: check names what the role needs" "verifier check: $msg" "$OUT"
untouched "a role that may not"

# A lock held by another session: the shadow waits lock_timeout (5s),
# then fails and says so; SIGTERM while it waits cancels it and rolls it
# back (exit 130).
# hold SECONDS [SQL]: another session holds a lock (SQL, by default one
# on billing.invoices) while it sleeps; release ends it.
hold() {
	psql -X -q -d $DB -c "BEGIN; ${2:-LOCK TABLE billing.invoices IN ACCESS SHARE MODE}; SELECT pg_sleep($1); COMMIT" >/dev/null 2>&1 &
	holder=$!
	for _ in $(seq 1 50); do
		[ "$(q $DB "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep($1)%' AND pid <> pg_backend_pid()")" -gt 0 ] && break
		sleep 0.1
	done
}
release() {
	kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
	q $DB "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$DB' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null
}
hold 8
run_capture "$VERIFIER" diff --schema billing --db "$OWN"
check_eq "locked: diff exits 1" 1 "$RC"
check_eq "locked: it says so" 'verifier diff: schema "billing" or one of its objects is locked by another session (lock_timeout 5s); nothing was changed: try again when it is free' "$OUT"
release
untouched "a lock not granted"

# term WHAT CMD...: CMD, run while a lock is held ($HOLD, SQL), is sent
# SIGTERM.
term() {
	local what=$1 vpid vrc
	shift
	hold 8 "$HOLD"
	"$@" >"$TEST_TMP/term.out" 2>&1 &
	vpid=$!
	sleep 1.5
	kill -TERM $vpid
	wait $vpid
	vrc=$?
	check_eq "SIGTERM: $what exits 130" 130 "$vrc"
	check_contains "SIGTERM: $what says the shadow was rolled back" \
	    "verifier: interrupted; the shadow transaction was rolled back" "$(cat "$TEST_TMP/term.out")"
	release
	untouched "SIGTERM to $what"
}
HOLD=
term diff "$VERIFIER" diff --schema billing --db "$OWN"
term "check --no-live" "$VERIFIER" check --schema billing --no-live --db "$OWN"

# With CREATE on the database the owner renames the live schema away
# instead (its objects are not locked): the same output.
q $DB "GRANT CREATE ON DATABASE $DB TO vf_shadow_own" >/dev/null
before=$(live)
run_capture "$VERIFIER" diff --schema billing --db "$SU"
su_out=$OUT
run_capture "$VERIFIER" diff --schema billing --db "$OWN"
check_eq "owner with CREATE: diff says what the superuser says" "$su_out" "$OUT"
run_capture "$VERIFIER" check --schema billing --no-live --db "$OWN"
check_eq "owner with CREATE: check --no-live exits 0" 0 "$RC"
hold 8
run_capture "$VERIFIER" diff --schema billing --db "$OWN"
check_eq "owner with CREATE: a lock on a table does not stop the rename" "$su_out" "$OUT"
release
untouched "the rename"
# The rename waits for the schema's row, locked by a GRANT not committed.
before=$(live)
HOLD="GRANT USAGE ON SCHEMA billing TO vf_shadow_none"
term "diff (rename)" "$VERIFIER" diff --schema billing --db "$OWN"

# draft: the owner proves the draft in shadow transactions and writes the
# superuser's file (who proves it in one scratch database).
mkdir -p "$W/nick"
sed 's/^      name: text$/      name: text\n      nick:\n        type: text\n        nullable: true/' \
    "$TOP/schema_models/billing.yaml" > "$W/nick/billing.yaml"
for who in su own; do
	rm -rf "$W/dmig_$who"; cp -r "$TOP/migrations/billing" "$W/dmig_$who"
done
before=$(live)
run_capture "$VERIFIER" draft --schema billing --models "$W/nick" --migrations "$W/dmig_su" --msg "add nick" --db "$SU"
check_eq "superuser: draft exits 0" 0 "$RC"
run_capture "$VERIFIER" draft --schema billing --models "$W/nick" --migrations "$W/dmig_own" --msg "add nick" --db "$OWN"
check_eq "owner: draft exits 0" 0 "$RC"
check_contains "owner: draft wrote a file" "draft: wrote $W/dmig_own/" "$OUT"
check_eq "owner: the same file as the superuser's" \
    "$(cat "$W"/dmig_su/*_add_nick.sql 2>&1)" "$(cat "$W"/dmig_own/*_add_nick.sql 2>&1)"
untouched "draft"
run_capture "$VERIFIER" draft --schema billing --models "$W/nick" --migrations "$W/dmig_own" --msg "again" --db "$NONE"
check_eq "neither: draft exits 1" 1 "$RC"
check_eq "neither: draft names what the role needs" "verifier draft: $msg" "$OUT"
# Without CREATEDB a file that refers to another schema is not replayed
# by draft either (in the live database its rows would stay locked).
cat > "$W/dmig_own/20261201000001_peek.sql" <<'SQL'
-- migrate:up
CREATE TABLE billing.peek AS SELECT id FROM auth.users;
-- migrate:down
DROP TABLE billing.peek;
SQL
run_capture "$VERIFIER" draft --schema billing --models "$W/nick" --migrations "$W/dmig_own" --msg "peek" --db "$OWN"
check_eq "owner: draft over a file reading auth exits 1" 1 "$RC"
check_eq "owner: draft says why" "verifier draft: a migration refers to another schema; without CREATEDB the migrations replay in a transaction on the live database, where the rows it touches would stay locked until the rollback; no file written:
$W/dmig_own/20261201000001_peek.sql:2: the up section refers to schema \"auth\"; a migration of billing touches nothing outside it
draft billing: 1 problem" "$OUT"
untouched "draft over a file reading auth"
