# tests/conformance-lib.sh: what the conformance scripts (30_diff_migra.sh,
# 30_diff_psd.sh) share, sourced after tests/lib.sh.  A fixture is two
# schema scripts, a.sql (start) and b.sql (target).  Per schema it touches:
# `verifier dump` the schema of b, draft from the a database to that model
# (`draft --from-db`), apply it with `migrate`, compare pg_dump
# --schema-only of both; `down`, compare with a.  Each case/schema gets one
# result: passed, unsupported (the verifier exited non-zero saying
# "unsupported: <kind> <name>") or failed (a wrong result; a known one when
# listed with its reason in $CONF_KNOWN).
#
# The caller sets: CONF_KNOWN (the known-failures file), CONF_DBA and
# CONF_DBB (the two databases); optionally CONF_DBT (a database that
# after up is also a right result: b's columns in the order a migration
# reaches), CONF_EMPTY=1 (the draft
# must be empty), CONF_REDRAFT=1 (after up, a second draft must be
# empty) and CONF_SCHEMAS (schemas to run besides the ones found,
# one a line).

# Expected catalogs are cached per test run, not in $HOME.
export VERIFIER_CACHE=$TEST_TMP/cache
npass=0; nunsup=0; nfail=0; nknown=0

# conf_load DB FILE...: (re)creates DB and runs each FILE in it; 0 when all
# of them load without an error.
conf_load() {
	local db=$1 f; shift
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" \
	    -c "CREATE DATABASE \"$db\"" >/dev/null 2>&1 || return 1
	for f in "$@"; do
		psql -X -q -d "$db" -v ON_ERROR_STOP=1 -f "$f" >/dev/null 2>&1 || return 1
	done
}

# conf_drop DB...: drops the databases.
conf_drop() {
	local db
	for db in "$@"; do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
	done
}

# conf_ident NAME: NAME as a double-quoted SQL identifier (also a pg_dump
# pattern that matches exactly NAME, whatever its case or spaces).
conf_ident() {
	printf '"%s"' "${1//\"/\"\"}"
}

# conf_pgdump DB SCHEMA: the schema's DDL without the version table,
# comments, the random \restrict keys and the CREATE SCHEMA line.  When
# pg_dump fails, a line that equals no other dump (so no two failed dumps
# compare equal).
conf_pgdump() {
	local n out
	n=$(conf_ident "$2")
	if ! out=$(pg_dump -s -n "$n" -T "$n.schema_migrations" -d "$1" 2>"$TEST_TMP/pg_dump.err"); then
		printf 'pg_dump of %s failed (%s): %s\n' "$1" "$BASHPID.$RANDOM" \
		    "$(cat "$TEST_TMP/pg_dump.err")"
		return
	fi
	printf '%s\n' "$out" |
	    grep -v -e '^\\restrict' -e '^\\unrestrict' -e '^--' -e '^$' \
	    -e '^SET ' -e '^SELECT pg_catalog.set_config' -e '^CREATE SCHEMA ' \
	    -e '^ALTER SCHEMA .* OWNER TO'
}

# conf_schemas DB: the schemas of DB a fixture touches, one a line: every
# one but the system ones, and public only when something is in it.
conf_schemas() {
	q "$1" "SELECT n.nspname FROM pg_namespace n WHERE n.nspname NOT LIKE 'pg\\_%'
	    AND n.nspname <> 'information_schema' AND (n.nspname <> 'public' OR
	    EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid) OR
	    EXISTS (SELECT 1 FROM pg_type t WHERE t.typnamespace = n.oid) OR
	    EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = n.oid) OR
	    EXISTS (SELECT 1 FROM pg_extension e WHERE e.extnamespace = n.oid))"
}

# conf_result ID passed|unsupported|failed DETAIL
conf_result() {
	local id=$1 what=$2 detail=$3 reason
	reason=$(awk -F'\t' -v id="$id" '$1 == id { sub(/^[^\t]*\t/, ""); print; exit }' \
	    "$CONF_KNOWN" 2>/dev/null)
	[ "$what" = failed ] || [ -z "$reason" ] ||
	    echo "# summary: $id is $what now: remove it from $(basename "$CONF_KNOWN")"
	case $what in
	passed) npass=$((npass + 1)); pass "$id: passed" ;;
	unsupported) nunsup=$((nunsup + 1))
		pass "$id: unsupported, said clearly: $(echo "$detail" | grep -m1 -o 'unsupported: .*')" ;;
	failed)
		nfail=$((nfail + 1))
		if [ -n "$reason" ]; then
			nknown=$((nknown + 1))
			pass "$id: failed, a known difference: $reason"
		else
			fail "$id: failed" "$detail"
		fi ;;
	esac
}

# conf_differ EXPECTED ACTUAL: 0 when the two texts differ, with the
# unified diff in D.
conf_differ() {
	[ "$1" != "$2" ] || return 1
	D=$(diff -u --label expected --label actual <(printf '%s\n' "$1") <(printf '%s\n' "$2"))
	return 0
}

# conf_target_differs SCHEMA ACTUAL: 0 when ACTUAL (a pg_dump) is neither
# b's nor CONF_DBT's, with the diff from b in D.
conf_target_differs() {
	conf_differ "$(conf_pgdump "$CONF_DBB" "$1")" "$2" || return 1
	[ -n "${CONF_DBT:-}" ] && [ "$(conf_pgdump "$CONF_DBT" "$1")" = "$2" ] && return 1
	return 0
}

# conf_step_failed ID WHAT: after a verifier run (run_capture), 0 when it
# failed, with the result of ID said (unsupported, or failed in WHAT).
conf_step_failed() {
	[ $RC -ne 0 ] || return 1
	if [[ $OUT == *"unsupported: "* ]]; then
		conf_result "$1" unsupported "$OUT"
	else
		conf_result "$1" failed "$2: $OUT"
	fi
	return 0
}

# conf_schema ID SCHEMA WORKDIR MSG: the round trip of one schema of the
# loaded pair, with its result said.
conf_schema() {
	local id=$1 s=$2 w=$3 msg=$4 n before
	n=$(conf_ident "$s")
	rm -rf "$w"; mkdir -p "$w/models" "$w/mig"
	q "$CONF_DBA" "CREATE SCHEMA IF NOT EXISTS $n" >/dev/null 2>&1
	q "$CONF_DBB" "CREATE SCHEMA IF NOT EXISTS $n" >/dev/null 2>&1
	[ -z "${CONF_DBT:-}" ] || q "$CONF_DBT" "CREATE SCHEMA IF NOT EXISTS $n" >/dev/null 2>&1
	run_capture "$VERIFIER" dump --schema "$s" --db "$(dburl "$CONF_DBB")" --output "$w/models/$s.yaml"
	conf_step_failed "$id" "dump of b" && return
	before=$(conf_pgdump "$CONF_DBA" "$s")
	run_capture "$VERIFIER" draft --schema "$s" --models "$w/models" --migrations "$w/mig" \
	    --db "$(dburl "$CONF_DBA")" --from-db --allow-destructive --msg "$msg"
	conf_step_failed "$id" "draft" && return
	if [ -z "$(ls "$w/mig")" ]; then
		# Nothing to do: a and b must already agree.
		if conf_target_differs "$s" "$before"; then
			conf_result "$id" failed "nothing drafted but pg_dump differs:
$D"
		else
			conf_result "$id" passed
		fi
		return
	fi
	if [ -n "${CONF_EMPTY:-}" ]; then
		conf_result "$id" failed "a and b are the same schema, but a migration was drafted:
$(cat "$w"/mig/*.sql)"
		return
	fi
	run_capture "$VERIFIER" migrate --role "" --schema "$s" --migrations "$w/mig" --db "$(dburl "$CONF_DBA")"
	if [ $RC -ne 0 ]; then
		conf_result "$id" failed "migrate: $OUT
$(cat "$w"/mig/*.sql)"
		return
	fi
	if conf_target_differs "$s" "$(conf_pgdump "$CONF_DBA" "$s")"; then
		conf_result "$id" failed "after up, pg_dump differs from b:
$D
$(cat "$w"/mig/*.sql)"
		return
	fi
	if [ -n "${CONF_REDRAFT:-}" ]; then
		# Drafting again from the migrated database must find nothing.
		mkdir -p "$w/again"
		run_capture "$VERIFIER" draft --schema "$s" --models "$w/models" --migrations "$w/again" \
		    --db "$(dburl "$CONF_DBA")" --from-db --allow-destructive --msg again
		if [ $RC -ne 0 ] || [ -n "$(ls "$w/again")" ]; then
			conf_result "$id" failed "drafting again after up is not empty: $OUT
$(cat "$w"/again/*.sql 2>/dev/null)"
			return
		fi
	fi
	run_capture "$VERIFIER" down --role "" --schema "$s" --migrations "$w/mig" --db "$(dburl "$CONF_DBA")"
	if [ $RC -ne 0 ]; then
		conf_result "$id" failed "down: $OUT"
		return
	fi
	if conf_differ "$before" "$(conf_pgdump "$CONF_DBA" "$s")"; then
		conf_result "$id" failed "after down, pg_dump differs from a:
$D
$(cat "$w"/mig/*.sql)"
		return
	fi
	conf_result "$id" passed
}

# conf_case ID DIR: loads DIR's a.sql and b.sql and runs conf_schema for
# every schema either touches (IDs ID/<schema>).  $CONF_SCHEMAS, when set,
# is added to the discovered schemas (one a line).
conf_case() {
	local id=$1 dir=$2 s
	if ! conf_load "$CONF_DBA" "$dir/a.sql"; then
		conf_result "$id" failed "a.sql does not load"
		return
	fi
	if ! conf_load "$CONF_DBB" "$dir/b.sql"; then
		conf_result "$id" failed "b.sql does not load"
		return
	fi
	while IFS= read -r s; do
		[ -n "$s" ] || continue
		conf_schema "$id/$s" "$s" "$TEST_TMP/$id/$s" "$(basename "$id")"
	done < <( (conf_schemas "$CONF_DBA"; conf_schemas "$CONF_DBB"; printf '%s\n' "${CONF_SCHEMAS:-}") | sort -u)
}
