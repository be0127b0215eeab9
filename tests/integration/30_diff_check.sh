#!/usr/bin/env bash
# 30_diff_check.sh: `verifier check`, the CI gate: the project's own
# schemas pass; each failure it exists for is found and named (file and
# line where there is one): a reference to another schema, a change
# outside the schema, migrations that differ from the models, a live
# database not at head, an edited file, drift; formats json and github.
. "$TOP/tests/lib.sh"
# Expected catalogs are cached per test run, not in $HOME.
export VERIFIER_CACHE=$TEST_TMP/cache
DB=d30check
scratch_before=$(q postgres "SELECT count(*) FROM pg_database WHERE datname LIKE 'vf_scratch_%'")
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)

for s in auth billing; do
	run_capture "$VERIFIER" migrate --schema $s --db "$URL"
	check_eq "$s: migrate the project's files" 0 "$RC"
	run_capture "$VERIFIER" check --schema $s --db "$URL"
	check_eq "$s: check passes (models, replay, live at head, no drift)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
	check_contains "$s: check says ok" "check $s: ok" "$OUT"
	run_capture "$VERIFIER" diff --schema $s --db "$URL"
	check_eq "$s: diff of the migrated database shows nothing" 0 "$RC"
done
run_capture "$VERIFIER" check --schema billing --no-live --db "$(dburl postgres)"
check_eq "check --no-live needs no migrated database" 0 "$RC"

# A copy of billing's files to break.
W=$TEST_TMP/w
rm -rf "$W"; mkdir -p "$W"
cp -r "$TOP/migrations/billing" "$W/mig"
cp "$TOP/schema_models/billing.yaml" "$W/billing.yaml"
mkdir -p "$W/models"; cp "$W/billing.yaml" "$W/models/"
opts=(--schema billing --models "$W/models" --migrations "$W/mig" --db "$URL")

cat > "$W/mig/20261201000000_peek.sql" <<'SQL'
-- migrate:up
CREATE TABLE billing.peek AS SELECT id FROM auth.users;
-- migrate:down
DROP TABLE billing.peek;
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "a file that reads auth: exit 1" 1 "$RC"
check_contains "the reference is named with file and line" \
    "20261201000000_peek.sql:2: the up section refers to schema \"auth\"" "$OUT"
rm "$W/mig/20261201000000_peek.sql"

# A view body that reads another schema's table, reported at the line of
# its statement like every reference.
cat > "$W/mig/20261201000000_view.sql" <<'SQL'
-- migrate:up
CREATE VIEW billing.user_invoices AS
  SELECT i.id
    FROM billing.invoices i
    JOIN auth.users u ON u.id = i.id;
-- migrate:down
DROP VIEW billing.user_invoices;
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "a view reading another schema fails check" 1 "$RC"
check_contains "the view's reference is named with file and line" \
    "20261201000000_view.sql:2: the up section refers to schema \"auth\"" "$OUT"
rm "$W/mig/20261201000000_view.sql"

# So is a policy whose USING reads another schema's table.
cat > "$W/mig/20261201000000_policy.sql" <<'SQL'
-- migrate:up
ALTER TABLE billing.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_invoices ON billing.invoices
  USING (EXISTS (SELECT 1 FROM auth.users u WHERE u.id = invoices.id));
-- migrate:down
DROP POLICY own_invoices ON billing.invoices;
ALTER TABLE billing.invoices DISABLE ROW LEVEL SECURITY;
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "a policy reading another schema fails check" 1 "$RC"
check_contains "the policy's reference is named with file and line" \
    "20261201000000_policy.sql:3: the up section refers to schema \"auth\"" "$OUT"
rm "$W/mig/20261201000000_policy.sql"
# A trigger that calls another schema's function, reported at its line.
cat > "$W/mig/20261201000000_trg.sql" <<'SQL'
-- migrate:up
CREATE TRIGGER invoices_audit AFTER UPDATE ON billing.invoices
  FOR EACH ROW EXECUTE FUNCTION audit.log_change();
-- migrate:down
DROP TRIGGER invoices_audit ON billing.invoices;
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "a trigger calling another schema's function fails check" 1 "$RC"
check_contains "the trigger's reference is named with file and line" \
    "20261201000000_trg.sql:2: the up section refers to schema \"audit\"" "$OUT"
rm "$W/mig/20261201000000_trg.sql"

# Function bodies are strings in the parse tree: a language sql body is
# parsed as SQL, a PL/pgSQL one with libpg_query's PL/pgSQL parser; each
# reference is reported at the line of its statement.
cat > "$W/mig/20261201000000_func.sql" <<'SQL'
-- migrate:up
CREATE FUNCTION billing.user_count() RETURNS bigint LANGUAGE sql
  AS $$ SELECT count(*) FROM auth.users $$;
CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('x', NEW.id::text);
  NEW.owner := (SELECT u.name FROM audit.people u WHERE u.id = NEW.id);
  RETURN NEW;
END $$;
CREATE FUNCTION billing.fine() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE billing.invoices SET id = id WHERE id = NEW.id;
  RETURN NEW;
END $$;
-- migrate:down
DROP FUNCTION billing.fine();
DROP FUNCTION billing.touch();
DROP FUNCTION billing.user_count();
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "function bodies reading another schema fail check" 1 "$RC"
check_contains "a language sql body's reference is named with file and line" \
    "20261201000000_func.sql:2: the up section refers to schema \"auth\"" "$OUT"
check_contains "a PL/pgSQL body's reference is named with file and line" \
    "20261201000000_func.sql:4: the up section refers to schema \"audit\"" "$OUT"
if [[ $OUT == *"20261201000000_func.sql:10:"* ]]; then
	fail "a PL/pgSQL body of the schema's own is fine" "$OUT"
else
	pass "a PL/pgSQL body of the schema's own is fine"
fi
rm "$W/mig/20261201000000_func.sql"

# Every way of naming another schema, from the parse tree; a two-part
# column name (table.column) is not a schema.
cat > "$W/mig/20261201000000_names.sql" <<'SQL'
-- migrate:up
SET search_path = auth, billing;
SELECT auth.f(1), 'a'::auth.t;
COMMENT ON COLUMN invoices.id IS 'x';
COMMENT ON COLUMN auth.users.id IS 'x';
DROP SCHEMA auth;
GRANT USAGE ON SCHEMA auth TO public;
ALTER TABLE billing.invoices ADD FOREIGN KEY (id) REFERENCES auth.users (id);
-- migrate:down
DROP TABLE auth.users;
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
for l in 2 3 5 6 7 8; do
	check_contains "reference to auth on line $l is found" \
	    "_names.sql:$l: the up section refers to schema \"auth\"" "$OUT"
done
case $OUT in
*"_names.sql:4:"*) fail "table.column is not a schema" "$OUT" ;;
*) pass "table.column is not a schema" ;;
esac
check_contains "the down section is checked too" \
    "_names.sql:10: the down section refers to schema \"auth\"" "$OUT"
rm "$W/mig/20261201000000_names.sql"

cat > "$W/mig/20261201000000_outside.sql" <<'SQL'
-- migrate:up
CREATE TABLE stray (id int);
-- migrate:down
DROP TABLE stray;
SQL
# The runner sets search_path to the schema; set it away to escape.
sed -i 's/^CREATE TABLE stray/SET LOCAL search_path = public;\nCREATE TABLE stray/' "$W/mig/20261201000000_outside.sql"
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "a file that creates a table outside the schema: exit 1" 1 "$RC"
check_contains "the stray table is named" "something outside the schema: relation public.stray" "$OUT"
rm "$W/mig/20261201000000_outside.sql"

# The shared extensions schema is the one exception: a migration may install
# an extension there and use its types (docs/models.md, "Extensions").
cat > "$W/mig/20261201000000_ext.sql" <<'SQL'
-- migrate:up
CREATE EXTENSION IF NOT EXISTS citext SCHEMA extensions;
ALTER TABLE billing.invoices ADD COLUMN memo extensions.citext;
-- migrate:down
ALTER TABLE billing.invoices DROP COLUMN memo;
SQL
sed -i 's/^schema: billing$/schema: billing\nextensions: [citext]/; s/^      customer_id: bigint$/      customer_id: bigint\n      memo:\n        type: citext\n        nullable: true/' "$W/models/billing.yaml"
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "a file that installs an extension in extensions and uses it: exit 0" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
rm "$W/mig/20261201000000_ext.sql"
cp "$W/billing.yaml" "$W/models/billing.yaml"

cat > "$W/mig/20261201000000_extra.sql" <<'SQL'
-- migrate:up
ALTER TABLE billing.invoices ADD COLUMN memo text;
-- migrate:down
ALTER TABLE billing.invoices DROP COLUMN memo;
SQL
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "migrations that differ from the models: exit 1" 1 "$RC"
check_contains "the difference is listed" "the migrations differ from the models (run verifier draft): column extra billing.invoices.memo" "$OUT"
run_capture "$VERIFIER" check "${opts[@]}" --no-live --format json
check_contains "json: ok false" '"ok": false' "$OUT"
check_contains "json: the problem" 'column extra billing.invoices.memo' "$OUT"
run_capture "$VERIFIER" check "${opts[@]}" --no-live --format github
check_contains "github: an error annotation" '::error title=verifier check::the migrations differ' "$OUT"

# Live: not at head, then edited, then drift.
run_capture "$VERIFIER" check "${opts[@]}"
check_contains "live: a pending file is reported" "20261201000000_extra.sql: live database: not applied (not at head)" "$OUT"
rm "$W/mig/20261201000000_extra.sql"
printf '\n-- an edit\n' >> "$W/mig/20261125100000_create_customers_and_invoices.sql"
run_capture "$VERIFIER" check "${opts[@]}"
check_eq "live: an edited file: exit 1" 1 "$RC"
check_contains "live: the edited file is named" "create_customers_and_invoices.sql: live database: applied, then edited" "$OUT"
cp "$TOP/migrations/billing/"*.sql "$W/mig/"
q $DB "ALTER TABLE billing.customers ADD COLUMN vip boolean" >/dev/null
run_capture "$VERIFIER" check "${opts[@]}"
check_eq "live: drift: exit 1" 1 "$RC"
check_contains "live: the drift is listed" "drift: the live database differs from the models: column extra billing.customers.vip" "$OUT"
run_capture "$VERIFIER" diff "${opts[@]}"
check_eq "diff shows the drift: exit 1" 1 "$RC"
check_contains "diff names it" "column extra billing.customers.vip" "$OUT"
run_capture "$VERIFIER" diff "${opts[@]}" --format json
check_contains "diff --format json" '"kind": "column", "action": "drop", "table": "customers", "name": "vip"' "$OUT"
q $DB "ALTER TABLE billing.customers DROP COLUMN vip" >/dev/null

# --snapshot keeps the sqlite store.
run_capture "$VERIFIER" diff "${opts[@]}" --snapshot "$W/snap.db"
check_eq "diff --snapshot exits 0 when equal" 0 "$RC"
n=$(sqlite3 "$W/snap.db" "SELECT count(*) FROM tables WHERE side = 'expected'" 2>/dev/null || echo missing)
check_eq "the snapshot file holds the expected tables" 2 "$n"

# The expected catalog is cached by the SHA-256 of the model's DDL and the
# server version: the second diff builds nothing; a broken cache file is
# rebuilt, never trusted.
export VERIFIER_CACHE=$TEST_TMP/cache2
# cached MODE DESC FIRST SECOND: three diffs with VERIFIER_EXPECTED=MODE
# ("server": the whole model, one file; "": split, a file per declined
# object), the models' sources FIRST, SECOND (the cache), then FIRST again
# once every cache file is broken.
cached() {
	local first=$3 second=$4
	rm -rf "$VERIFIER_CACHE"
	run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED=$1 "$VERIFIER" diff "${opts[@]}"
	check_contains "$2: first diff builds them" "models ($first" "$OUT"
	run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED=$1 "$VERIFIER" diff "${opts[@]}"
	check_contains "$2: second diff reads them from the cache" "models ($second" "$OUT"
	check_eq "$2: the cached diff still shows nothing" 0 "$RC"
	for f in "$VERIFIER_CACHE"/*.sqlite; do echo garbage > "$f"; done
	run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED=$1 "$VERIFIER" diff "${opts[@]}"
	check_eq "$2: a broken cache file is rebuilt (exit 0)" 0 "$RC"
	check_contains "$2: a broken cache file is not trusted" "models ($first" "$OUT"
}
cached server "whole model" "shadow transaction" "from the cache"
cached "" "split" "in memory + server (4 objects)" "in memory + cache (4 objects)"
export VERIFIER_CACHE=$TEST_TMP/cache

# Bad models: exit 2 with file, line and column.
printf 'schema: billing\ntables:\n  t:\n    columns:\n      a: nosuchtype\n' > "$W/models/billing.yaml"
run_capture "$VERIFIER" check "${opts[@]}" --no-live
check_eq "check with an invalid model exits 2" 2 "$RC"
check_contains "the model error names the file" "billing.yaml:5" "$OUT"

# No scratch database left behind.
left=$(q postgres "SELECT count(*) FROM pg_database WHERE datname LIKE 'vf_scratch_%'")
check_eq "every scratch database was dropped" "$scratch_before" "$left"
