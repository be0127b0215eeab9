#!/usr/bin/env bash
# 30_diff_migra.sh: the migra conformance fixtures (../shared/conformance/
# migra/<case>/, see its README).  Per case and per schema it touches: load
# a.sql and b.sql in two databases, `verifier dump` the schema of b, draft
# from the a database to that model (`draft --from-db`), apply it with
# `migrate`, compare pg_dump --schema-only of both; `down`, compare with a.
# A case that needs object kinds the models do not cover must say
# "unsupported: <kind> <name>" (a pass of this test); a silent wrong result
# is a failure.  Differences already understood are listed, with the
# reason, in tests/schema/migra_known.txt: they are counted as failed but
# do not fail the suite; any other failure does.
. "$TOP/tests/lib.sh"
# Expected catalogs are cached per test run, not in $HOME.
export VERIFIER_CACHE=$TEST_TMP/cache
FIX=${MIGRA_FIXTURES:-$TOP/../shared/conformance/migra}
KNOWN=$TOP/tests/schema/migra_known.txt
if [ ! -d "$FIX" ]; then
	pass "migra fixtures not present at $FIX: nothing to run"
	exit 0
fi
# migra's own test setup has this role; some fixtures grant to it.
q postgres "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE
    rolname = 'schemainspect_test_role') THEN CREATE ROLE schemainspect_test_role;
    END IF; END \$\$" >/dev/null
DBA=d30migra_a
DBB=d30migra_b
npass=0; nunsup=0; nfail=0; nknown=0

load() {	# load DB FILE
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" \
	    -c "CREATE DATABASE $1" >/dev/null 2>&1 &&
	psql -X -q -d "$1" -v ON_ERROR_STOP=1 -f "$2" >/dev/null 2>&1
}

# pgdump DB SCHEMA: the schema's DDL without the version table, comments,
# the random \restrict keys and the CREATE SCHEMA line.
pgdump() {
	pg_dump -s -n "$2" -T "$2.schema_migrations" -d "$1" 2>/dev/null |
	    grep -v -e '^\\restrict' -e '^\\unrestrict' -e '^--' -e '^$' \
	    -e '^SET ' -e '^SELECT pg_catalog.set_config' -e '^CREATE SCHEMA ' \
	    -e '^ALTER SCHEMA .* OWNER TO'
}

schemas_of() {
	q "$1" "SELECT n.nspname FROM pg_namespace n WHERE n.nspname NOT LIKE 'pg\\_%'
	    AND n.nspname <> 'information_schema' AND (n.nspname <> 'public' OR
	    EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid) OR
	    EXISTS (SELECT 1 FROM pg_type t WHERE t.typnamespace = n.oid) OR
	    EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = n.oid) OR
	    EXISTS (SELECT 1 FROM pg_extension e WHERE e.extnamespace = n.oid))"
}

# result CASE/SCHEMA passed|unsupported|failed DETAIL
result() {
	local id=$1 what=$2 detail=$3 reason
	case $what in
	passed) npass=$((npass + 1)); pass "$id: passed" ;;
	unsupported) nunsup=$((nunsup + 1))
		pass "$id: unsupported, said clearly: $(echo "$detail" | grep -m1 -o 'unsupported: .*')" ;;
	failed)
		nfail=$((nfail + 1))
		reason=$(grep -E "^$id[[:space:]]" "$KNOWN" 2>/dev/null | cut -f2-)
		if [ -n "$reason" ]; then
			nknown=$((nknown + 1))
			pass "$id: failed, a known difference: $reason"
		else
			fail "$id: failed" "$detail"
		fi ;;
	esac
}

# step_failed ID WHAT: after a verifier run (run_capture), 0 when it
# failed, with the result of ID said (unsupported, or failed in WHAT).
step_failed() {
	[ $RC -ne 0 ] || return 1
	if [[ $OUT == *"unsupported: "* ]]; then
		result "$1" unsupported "$OUT"
	else
		result "$1" failed "$2: $OUT"
	fi
	return 0
}

for dir in "$FIX"/*/; do
	case=$(basename "$dir")
	if ! load $DBA "$dir/a.sql" || ! load $DBB "$dir/b.sql"; then
		result "$case" failed "a.sql or b.sql does not load"
		continue
	fi
	for s in $( (schemas_of $DBA; schemas_of $DBB) | sort -u); do
		id=$case/$s
		w=$TEST_TMP/$case/$s
		rm -rf "$w"; mkdir -p "$w/models" "$w/mig"
		q $DBA "CREATE SCHEMA IF NOT EXISTS \"$s\"" >/dev/null 2>&1
		q $DBB "CREATE SCHEMA IF NOT EXISTS \"$s\"" >/dev/null 2>&1
		run_capture "$VERIFIER" dump --schema "$s" --db "$(dburl $DBB)" --output "$w/models/$s.yaml"
		step_failed "$id" "dump of b" && continue
		before=$(pgdump $DBA "$s")
		run_capture "$VERIFIER" draft --schema "$s" --models "$w/models" --migrations "$w/mig" \
		    --db "$(dburl $DBA)" --from-db --allow-destructive --msg "$case"
		step_failed "$id" "draft" && continue
		if [ -z "$(ls "$w/mig")" ]; then
			# Nothing to do: a and b must already agree.
			if [ "$before" = "$(pgdump $DBB "$s")" ]; then result "$id" passed
			else result "$id" failed "nothing drafted but pg_dump differs"; fi
			continue
		fi
		run_capture "$VERIFIER" migrate --role "" --schema "$s" --migrations "$w/mig" --db "$(dburl $DBA)"
		if [ $RC -ne 0 ]; then result "$id" failed "migrate: $OUT
$(cat "$w"/mig/*.sql)"; continue; fi
		if ! d=$(diff -u <(pgdump $DBB "$s") <(pgdump $DBA "$s")); then
			result "$id" failed "after up, pg_dump differs from b:
$d"
			continue
		fi
		run_capture "$VERIFIER" down --role "" --schema "$s" --migrations "$w/mig" --db "$(dburl $DBA)"
		if [ $RC -ne 0 ]; then result "$id" failed "down: $OUT"; continue; fi
		if ! d=$(diff -u <(echo "$before") <(pgdump $DBA "$s")); then
			result "$id" failed "after down, pg_dump differs from a:
$d"
			continue
		fi
		result "$id" passed
	done
done
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DBA WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS $DBB WITH (FORCE)" >/dev/null 2>&1
echo "# migra conformance: $npass passed, $nunsup unsupported (said clearly), $nfail failed ($nknown known, listed in tests/schema/migra_known.txt)"
