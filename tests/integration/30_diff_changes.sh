#!/usr/bin/env bash
# 30_diff_changes.sh: one case per kind of change (tests/schema/cases/*/):
# `verifier draft` from tests/schema/base.yaml (or the case's before.yaml)
# to the case's after.yaml
# writes exactly the golden expected.sql (UPDATE_GOLDEN=1 rewrites it);
# `migrate` then `diff` shows nothing; `down` gives back the catalog of
# before, compared with pg_dump --schema-only.
. "$TOP/tests/lib.sh"
# Expected catalogs are cached per test run, not in $HOME.
export VERIFIER_CACHE=$TEST_TMP/cache
SCHEMA=shop
CASES=$TOP/tests/schema/cases
DB=d30changes
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)

# dump_schema: the schema's DDL as pg_dump prints it, without the random
# \restrict keys and comments.
dump_schema() {
	pg_dump -s -n $SCHEMA -d $DB | grep -v -e '^\\restrict' -e '^\\unrestrict' \
	    -e '^--' -e '^$' -e '^SET ' -e '^SELECT pg_catalog.set_config'
}

# body FILE: a drafted file without its two header comment lines.
body() { sed '1,2d' "$1"; }

for dir in "$CASES"/*/; do
	name=$(basename "$dir")
	# CASES_ONLY=regex runs the cases whose names match.
	[[ $name =~ ${CASES_ONLY:-.} ]] || continue
	w=$TEST_TMP/$name
	rm -rf "$w"
	mkdir -p "$w/models" "$w/migrations/$SCHEMA"
	q $DB "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA" >/dev/null
	opts=(--schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL")
	ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")

	base=$TOP/tests/schema/base.yaml
	[ -f "$dir/before.yaml" ] && base=$dir/before.yaml
	cp "$base" "$w/models/$SCHEMA.yaml"
	run_capture "$VERIFIER" draft "${opts[@]}" --msg "base"
	if [ $RC -ne 0 ]; then fail "$name: draft of the base" "$OUT"; continue; fi
	run_capture "$VERIFIER" migrate "${ropts[@]}"
	if [ $RC -ne 0 ]; then fail "$name: migrate the base" "$OUT"; continue; fi
	before=$(dump_schema)

	cp "$dir/after.yaml" "$w/models/$SCHEMA.yaml"
	run_capture "$VERIFIER" draft "${opts[@]}" --msg "$name" --allow-destructive
	if [ $RC -ne 0 ]; then fail "$name: draft" "$OUT"; continue; fi
	file=$(ls "$w/migrations/$SCHEMA"/*_"$name".sql 2>/dev/null | head -1)
	if [ -z "$file" ]; then fail "$name: draft wrote no file" "$OUT"; continue; fi
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		body "$file" > "$dir/expected.sql"
	fi
	if got=$(diff -u "$dir/expected.sql" <(body "$file")); then
		pass "$name: drafted DDL equals the golden file"
	else
		fail "$name: drafted DDL equals the golden file" "$got"
	fi

	run_capture "$VERIFIER" migrate "${ropts[@]}"
	if [ $RC -ne 0 ]; then fail "$name: migrate the draft" "$OUT"; continue; fi
	run_capture "$VERIFIER" diff "${opts[@]}"
	check_eq "$name: diff after migrate shows nothing (exit 0)" 0 "$RC"
	[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'

	run_capture "$VERIFIER" down "${ropts[@]}"
	if [ $RC -ne 0 ]; then fail "$name: down" "$OUT"; continue; fi
	after=$(dump_schema)
	if d=$(diff -u <(echo "$before") <(echo "$after")); then
		pass "$name: down returns the previous catalog exactly"
	else
		fail "$name: down returns the previous catalog exactly" "$d"
	fi
done

# serial to identity and back: the new sequence goes on from the old one.
w=$TEST_TMP/carry
rm -rf "$w"; mkdir -p "$w/models" "$w/migrations/$SCHEMA"
q $DB "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA" >/dev/null
opts=(--schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL")
ropts=(--schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL")
cp "$CASES/serial_to_identity/before.yaml" "$w/models/$SCHEMA.yaml"
"$VERIFIER" draft "${opts[@]}" --msg base >/dev/null 2>&1
"$VERIFIER" migrate "${ropts[@]}" >/dev/null 2>&1
q $DB "INSERT INTO $SCHEMA.customers (name) VALUES ('a');
    INSERT INTO $SCHEMA.orders (customer_id) SELECT id FROM $SCHEMA.customers, generate_series(1, 3)" >/dev/null
cp "$CASES/serial_to_identity/after.yaml" "$w/models/$SCHEMA.yaml"
"$VERIFIER" draft "${opts[@]}" --msg to_identity >/dev/null 2>&1
run_capture "$VERIFIER" migrate "${ropts[@]}"
check_eq "serial to identity with rows: migrate" 0 "$RC"
check_eq "serial to identity: the identity goes on after the serial's values" 4 \
    "$(q $DB "INSERT INTO $SCHEMA.orders (customer_id) SELECT id FROM $SCHEMA.customers RETURNING id")"
run_capture "$VERIFIER" down "${ropts[@]}"
check_eq "identity back to serial with rows: down" 0 "$RC"
check_eq "identity to serial: the sequence goes on after the identity's values" 5 \
    "$(q $DB "INSERT INTO $SCHEMA.orders (customer_id) SELECT id FROM $SCHEMA.customers RETURNING id")"

# workspace NAME: an empty schema and models and migrations under
# $TEST_TMP/NAME, in w and opts.
workspace() {
	w=$TEST_TMP/$1
	rm -rf "$w"; mkdir -p "$w/models" "$w/migrations/$SCHEMA"
	q $DB "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA" >/dev/null
	opts=(--schema $SCHEMA --models "$w/models" --migrations "$w/migrations/$SCHEMA" --db "$URL")
}

# Nothing to do: said, nothing written, exit 0.
workspace nothing
cp "$TOP/tests/schema/base.yaml" "$w/models/$SCHEMA.yaml"
"$VERIFIER" draft "${opts[@]}" --msg base >/dev/null 2>&1
run_capture "$VERIFIER" draft "${opts[@]}" --msg again
check_eq "draft with nothing to do exits 0" 0 "$RC"
check_contains "draft with nothing to do says so" "nothing to do" "$OUT"
check_eq "draft with nothing to do writes nothing" 1 "$(ls "$w/migrations/$SCHEMA" | wc -l)"

# Destructive steps are refused without --allow-destructive.
for c in drop_table drop_column narrow_type enum_remove_value; do
	cp "$CASES/$c/after.yaml" "$w/models/$SCHEMA.yaml"
	run_capture "$VERIFIER" draft "${opts[@]}" --msg "$c"
	check_eq "$c: refused without --allow-destructive (exit 1)" 1 "$RC"
	check_contains "$c: the refusal lists the steps" "refusing destructive steps" "$OUT"
	check_eq "$c: nothing written when refused" 1 "$(ls "$w/migrations/$SCHEMA" | wc -l)"
done

# A change of a partition key is refused (exit 1), even with
# --allow-destructive, and nothing is written; diff lists it.
workspace partkey
cp "$CASES/part_add/after.yaml" "$w/models/$SCHEMA.yaml"
"$VERIFIER" draft "${opts[@]}" --msg parts >/dev/null 2>&1
"$VERIFIER" migrate --schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL" >/dev/null 2>&1
sed -e 's/partition_by: hash (id)/partition_by: hash (value)/' \
    -e 's/^    partition_by: range (at, lower(line))$//' \
    "$CASES/part_add/after.yaml" > "$w/models/$SCHEMA.yaml"
run_capture "$VERIFIER" diff "${opts[@]}"
check_contains "partition key change: diff lists it" "~ table differs: shop.tokens partition_by [HASH (id)] -> [HASH (value)]" "$OUT"
check_contains "partition key removed: diff lists it" "~ table differs: shop.logs partition_by [RANGE (at, lower(line))] -> (none)" "$OUT"
run_capture "$VERIFIER" draft "${opts[@]}" --msg key --allow-destructive
check_eq "partition key change: refused (exit 1)" 1 "$RC"
check_contains "partition key change: the refusal says why" "verifier draft: refusing to change the partition key of shop.logs (RANGE (at, lower(line)) -> not partitioned): PostgreSQL cannot change a partition key in place" "$OUT"
check_eq "partition key change: nothing written" 1 "$(ls "$w/migrations/$SCHEMA" | wc -l)"

# A type change PostgreSQL has no cast for (bigint to timestamp) is
# refused (exit 1), in either direction, naming the column and the types;
# nothing is written, with --from-db too.
workspace nocast
printf 'schema: shop\ntables:\n  t:\n    columns:\n      id:\n        type: integer\n        primary_key: true\n      at: bigint\n' > "$w/models/$SCHEMA.yaml"
"$VERIFIER" draft "${opts[@]}" --msg base >/dev/null 2>&1
"$VERIFIER" migrate --schema $SCHEMA --migrations "$w/migrations/$SCHEMA" --db "$URL" >/dev/null 2>&1
sed -i 's/at: bigint/at: timestamp/' "$w/models/$SCHEMA.yaml"
for how in replay from-db; do
	extra=(); [ $how = from-db ] && extra=(--from-db)
	run_capture "$VERIFIER" draft "${opts[@]}" "${extra[@]}" --msg at --allow-destructive
	check_eq "no cast ($how): refused (exit 1)" 1 "$RC"
	check_contains "no cast ($how): up named" "column shop.t.at: PostgreSQL has no cast from bigint to timestamp without time zone, so the draft cannot convert its data; write that step yourself (ALTER TABLE ... ALTER COLUMN ... TYPE timestamp without time zone USING <expression>) in a migration file" "$OUT"
	check_contains "no cast ($how): down named" "no cast from timestamp without time zone to bigint" "$OUT"
	check_eq "no cast ($how): nothing written" 1 "$(ls "$w/migrations/$SCHEMA" | wc -l)"
done
opts=(--schema $SCHEMA --models "$TEST_TMP/nothing/models" --migrations "$TEST_TMP/nothing/migrations/$SCHEMA" --db "$URL")
w=$TEST_TMP/nothing

# --from-db diffs against the live database instead of the replay.
q $DB "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA" >/dev/null
cp "$TOP/tests/schema/base.yaml" "$w/models/$SCHEMA.yaml"
run_capture "$VERIFIER" draft "${opts[@]}" --msg "from db" --from-db
check_eq "draft --from-db on an empty schema writes the whole model" 0 "$RC"
check_eq "draft --from-db wrote a second file" 2 "$(ls "$w/migrations/$SCHEMA" | wc -l)"

# Usage errors exit 2.
run_capture "$VERIFIER" draft --schema $SCHEMA --db "$URL"
check_eq "draft without --msg exits 2" 2 "$RC"
run_capture "$VERIFIER" diff --schema $SCHEMA --models "$TEST_TMP/none" --db "$URL"
check_eq "diff with a missing model file exits 2" 2 "$RC"
run_capture "$VERIFIER" diff --bogus
check_eq "diff with an unknown option exits 2" 2 "$RC"
run_capture "$VERIFIER" diff -h
check_eq "diff -h exits 0" 0 "$RC"
check_contains "diff -h prints a synopsis" "usage: verifier diff --schema S" "$OUT"

# A grant to a role that does not exist is the model's error, at its line,
# not the server's (roles are made in initdb/).
cat > "$w/models/$SCHEMA.yaml" <<'YAML'
schema: shop
tables:
  t:
    columns:
      id: bigint
    grants:
      - to: billing_svc
        privileges: [SELECT]
      - to: no_such_role
        privileges: [SELECT]
YAML
run_capture "$VERIFIER" diff "${opts[@]}"
check_eq "grant to a missing role: exit 2" 2 "$RC"
check_eq "grant to a missing role: the model's line and column" \
    "verifier diff: $w/models/$SCHEMA.yaml:9:13: grant to role \"no_such_role\", which does not exist (roles are made in initdb/, not by a model)" "$OUT"

# So is a policy for a role the cluster does not have.
cat > "$w/models/$SCHEMA.yaml" <<'YAML'
schema: shop
tables:
  t:
    columns:
      id: bigint
    policies:
      - name: p
        roles: [billing_svc, no_such_role]
        using: id > 0
YAML
run_capture "$VERIFIER" diff "${opts[@]}"
check_eq "policy for a missing role: exit 2" 2 "$RC"
check_eq "policy for a missing role: the model's line and column" \
    "verifier diff: $w/models/$SCHEMA.yaml:8:30: policy \"p\" of table \"t\" is for role \"no_such_role\", which does not exist (roles are made in initdb/, not by a model)" "$OUT"

# So is an extension the server does not have.
cat > "$w/models/$SCHEMA.yaml" <<'YAML'
schema: shop
extensions: [citext, no_such_extension]
tables:
  t:
    columns:
      id: bigint
YAML
run_capture "$VERIFIER" diff "${opts[@]}"
check_eq "missing extension: exit 2" 2 "$RC"
check_eq "missing extension: the model's line and column" \
    "verifier diff: $w/models/$SCHEMA.yaml:2:22: extension \"no_such_extension\" is not available on this server (pg_available_extensions)" "$OUT"

# A grant to the schema's owner is the model's error too: the owner's
# privileges come with ownership and are never compared.
q $DB "ALTER SCHEMA $SCHEMA OWNER TO billing_svc" >/dev/null
cat > "$w/models/$SCHEMA.yaml" <<'YAML'
schema: shop
tables:
  t:
    columns:
      id: bigint
    grants:
      - to: billing_svc
        privileges: [SELECT]
YAML
run_capture "$VERIFIER" diff "${opts[@]}"
check_eq "grant to the schema's owner: exit 2" 2 "$RC"
check_eq "grant to the schema's owner: the model's line and column" \
    "verifier diff: $w/models/$SCHEMA.yaml:7:13: grant to role \"billing_svc\", which owns schema \"shop\" (its privileges come with ownership)" "$OUT"
q $DB "ALTER SCHEMA $SCHEMA OWNER TO CURRENT_USER" >/dev/null
