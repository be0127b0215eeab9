#!/usr/bin/env bash
# 20_models.sh: YAML models (verifier/model*.c) through tests/tools/render_model.
# - every tests/models/bad/X.yaml fails with exit 2 and exactly X.err;
# - tests/models/good/full.yaml renders exactly full.sql, which PostgreSQL runs,
#   and writes exactly full.canon.yaml; every model round-trips through
#   the canonical YAML;
# - tests/models/good/names.yaml gives every object the name PostgreSQL gives
#   the same objects left unnamed (names.sql): pg_dump of both is equal;
# - schema_models/S.yaml builds exactly what migrations/S builds (pg_dump).
. "$TOP/tests/lib.sh"
RENDER="$BUILD/tests/render_model"
if [ ! -x "$RENDER" ]; then
	fail "models: $RENDER is not built"
	exit 0
fi

# dump DB SCHEMA: the schema's DDL as pg_dump prints it, without what differs
# between two databases that hold the same objects.
dump() {
	pg_dump --schema-only --no-owner --no-privileges --schema="$2" \
	    --exclude-table="$2.schema_migrations" -d "$1" |
	    grep -v -e '^--' -e '^$' -e '^\\restrict' -e '^\\unrestrict'
}

# apply DB FILE: runs FILE in DB in one transaction.
apply() {
	psql -X -q -d "$1" -v ON_ERROR_STOP=1 --single-transaction -f "$2" 2>&1
}

cd "$TOP" || exit 1

# Errors: exact message, line and column.
for y in tests/models/bad/*.yaml; do
	want=$(cat "${y%.yaml}.err")
	got=$("$RENDER" "$y" 2>&1 >/dev/null)
	rc=$?
	if [ $rc -eq 2 ] && [ "$got" = "$want" ]; then
		pass "model error: $(basename "$y" .yaml)"
	else
		fail "model error: $(basename "$y" .yaml)" "exit $rc
expected: $want
actual:   $got"
	fi
done

# The rendered DDL of a full example, byte for byte.
out="$TEST_TMP/full.sql"
if "$RENDER" tests/models/good/full.yaml >"$out" 2>"$TEST_TMP/full.err" &&
    diff -u tests/models/good/full.sql "$out" >"$TEST_TMP/full.diff"; then
	pass "model DDL: full.yaml renders full.sql"
else
	fail "model DDL: full.yaml renders full.sql" \
	    "$(cat "$TEST_TMP/full.err" "$TEST_TMP/full.diff")"
fi
# The canonical form (model_write_yaml, what `verifier dump` writes): pinned
# for full.yaml, and for every model it loads back as the same model and is
# a fixed point.
if "$RENDER" --yaml tests/models/good/full.yaml >"$TEST_TMP/full.canon.yaml" &&
    d=$(diff -u tests/models/good/full.canon.yaml "$TEST_TMP/full.canon.yaml"); then
	pass "model YAML: full.yaml writes full.canon.yaml"
else
	fail "model YAML: full.yaml writes full.canon.yaml" "$d"
fi
for y in tests/models/good/*.yaml schema_models/*.yaml; do
	n=$(basename "$y")
	c1="$TEST_TMP/rt1-$n"
	c2="$TEST_TMP/rt2-$n"
	if "$RENDER" --yaml "$y" >"$c1" && "$RENDER" --yaml "$c1" >"$c2" &&
	    cmp -s "$c1" "$c2" &&
	    cmp -s <("$RENDER" "$y") <("$RENDER" "$c1"); then
		pass "model YAML: $y round-trips through the canonical form"
	else
		fail "model YAML: $y round-trips through the canonical form" \
		    "$(diff -u "$c1" "$c2"; diff -u <("$RENDER" "$y") <("$RENDER" "$c1"))"
	fi
done

fresh_db models_full
# Literals stay literals whatever the session's string settings.
q models_full "ALTER DATABASE models_full SET standard_conforming_strings = off" >/dev/null
check "model DDL: full.sql runs in PostgreSQL" apply models_full "$out"
check_eq "model DDL: a comment with a quote and a backslash reads back" \
    "It's quoted, with a \\ backslash" \
    "$(q models_full "SELECT obj_description('billing.\"Order Lines\"'::regclass, 'pg_class')")"

# Constraint options and exclusion constraints build as written.
fresh_db models_cons
"$RENDER" tests/models/good/constraints.yaml >"$TEST_TMP/cons.sql"
if r=$(apply models_cons "$TEST_TMP/cons.sql"); then
	check_eq "model DDL: constraints.yaml builds its constraints" \
	    "invoices_code_key u f f t At most one invoice without a code
invoices_number_check c f f t 
invoices_number_key u t f t 
invoices_pk p t t t Deferred to the end of the transaction
invoices_total_check c f f f Added online; validated later
reservations_customer_id_fkey f f f f Checked by VALIDATE CONSTRAINT later
reservations_customer_id_id_cancelled_excl x f f t 
reservations_during_excl x f f t 
reservations_no_shared_seat x t t t No two reservations share a seat" \
	    "$(q models_cons "SELECT concat_ws(' ', conname, contype::text,
	        condeferrable, condeferred, convalidated,
	        coalesce(obj_description(oid, 'pg_constraint'), ''))
	        FROM pg_constraint WHERE connamespace = 'billing'::regnamespace
	        AND (contype <> 'p' OR conname = 'invoices_pk') ORDER BY conname")"
	check_eq "model DDL: no_inherit: true builds a check NO INHERIT" \
	    "invoices_number_check" \
	    "$(q models_cons "SELECT string_agg(conname, ' ') FROM pg_constraint
	        WHERE connamespace = 'billing'::regnamespace AND contype = 'c'
	        AND connoinherit")"
	check_eq "model DDL: replica_identity builds REPLICA IDENTITY" \
	    "customers f
invoices d
reservations i billing.reservations_pkey" \
	    "$(q models_cons "SELECT concat_ws(' ', c.relname, c.relreplident,
	        (SELECT i.indexrelid::regclass::text FROM pg_index i
	        WHERE i.indrelid = c.oid AND i.indisreplident))
	        FROM pg_class c WHERE c.relnamespace = 'billing'::regnamespace
	        AND c.relkind = 'r' ORDER BY c.relname")"
else
	fail "model DDL: constraints.yaml builds its constraints" "$r"
fi

# Every constraint of the model exists, even those CREATE TABLE would merge.
fresh_db models_dups
q models_dups "CREATE SCHEMA shop" >/dev/null
"$RENDER" tests/models/good/duplicates.yaml >"$TEST_TMP/dups.sql"
if r=$(apply models_dups "$TEST_TMP/dups.sql"); then
	check_eq "model DDL: no constraint merged away" \
	    "d_a_again d_a_key d_a_key1 d_pkey" \
	    "$(q models_dups "SELECT string_agg(conname, ' ' ORDER BY conname)
	        FROM pg_constraint WHERE conrelid = 'shop.d'::regclass")"
else
	fail "model DDL: no constraint merged away" "$r"
fi

# Generated names are PostgreSQL's.
for db in models_names_pg models_names_model; do
	fresh_db "$db"
	q "$db" "CREATE SCHEMA shop" >/dev/null
done
"$RENDER" tests/models/good/names.yaml >"$TEST_TMP/names.sql"
if r1=$(apply models_names_pg tests/models/good/names.sql) &&
    r2=$(apply models_names_model "$TEST_TMP/names.sql"); then
	if d=$(diff -u <(dump models_names_pg shop) <(dump models_names_model shop)); then
		pass "model names: as PostgreSQL chooses them"
	else
		fail "model names: as PostgreSQL chooses them" "$d"
	fi
else
	fail "model names: as PostgreSQL chooses them" "$r1 $r2"
fi

# Domains and composite types: the DDL runs (types in the order they use
# each other); an unnamed domain check gets PostgreSQL's name.
fresh_db models_types
q models_types "CREATE SCHEMA shop; CREATE DOMAIN public.vf_d AS int CHECK (VALUE > 0)
    CHECK (VALUE < 9)" >/dev/null
"$RENDER" tests/models/good/types.yaml >"$TEST_TMP/types.sql"
check "model DDL: types.yaml runs in PostgreSQL" apply models_types "$TEST_TMP/types.sql"
check_eq "model names: unnamed domain checks as PostgreSQL names them" \
    "$(q models_types "SELECT string_agg(replace(conname, 'vf_d', 'cents'), ' '
        ORDER BY conname) FROM pg_constraint WHERE contypid = 'public.vf_d'::regtype")" \
    "$(printf 'schema: shop\ndomains:\n  cents:\n    type: integer\n    checks:\n      - expression: VALUE > 0\n      - expression: VALUE < 9\n' >"$TEST_TMP/cents.yaml"
        "$RENDER" "$TEST_TMP/cents.yaml" | grep -o 'CONSTRAINT [a-z_0-9]*' | cut -d' ' -f2 | sort | paste -sd' ')"

# Each schema's model describes exactly what its migrations build.
for y in schema_models/*.yaml; do
	s=$(basename "$y" .yaml)
	fresh_db "models_mig_$s"
	fresh_db "models_mod_$s"
	if ! r=$("$VERIFIER" migrate --schema "$s" --db "$(dburl "models_mig_$s")" 2>&1); then
		fail "model $s: migrations apply" "$r"
		continue
	fi
	if ! "$RENDER" "$y" >"$TEST_TMP/$s.sql" 2>"$TEST_TMP/$s.err"; then
		fail "model $s: loads" "$(cat "$TEST_TMP/$s.err")"
		continue
	fi
	if ! r=$(apply "models_mod_$s" "$TEST_TMP/$s.sql"); then
		fail "model $s: DDL runs" "$r"
		continue
	fi
	a=$(dump "models_mig_$s" "$s")
	b=$(dump "models_mod_$s" "$s")
	if [ -z "$a" ]; then
		fail "model $s: pg_dump of the migrated schema is empty"
	elif d=$(diff -u <(printf '%s\n' "$a") <(printf '%s\n' "$b")); then
		pass "model $s: equals migrations/$s (pg_dump)"
	else
		fail "model $s: equals migrations/$s (pg_dump)" "$d"
	fi
done

for db in models_full models_dups models_names_pg models_names_model; do
	q postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
done
for y in schema_models/*.yaml; do
	s=$(basename "$y" .yaml)
	q postgres "DROP DATABASE IF EXISTS models_mig_$s WITH (FORCE)" >/dev/null
	q postgres "DROP DATABASE IF EXISTS models_mod_$s WITH (FORCE)" >/dev/null
done
