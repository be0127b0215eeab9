# tests/lib.sh: what every integration test script sources.
# tests/run.sh provides: TOP, VERIFIER (the binary under test), TEST_TMP (a
# scratch folder of this script), and PGHOST/PGPORT/PGUSER/PGPASSWORD of a
# throwaway cluster (superuser).  Each result prints one TAP-like line,
# "ok - desc" or "not ok - desc", that run.sh counts.

# pass DESC / fail DESC [DETAIL]
pass() { printf 'ok - %s\n' "$1"; }
fail() {
	printf 'not ok - %s\n' "$1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'
	return 0
}

# check DESC CMD...: passes when CMD exits 0.
check() {
	local d=$1; shift
	local out
	if out=$("$@" 2>&1); then pass "$d"; else fail "$d" "$out"; fi
}

# check_eq DESC EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then pass "$1"
	else fail "$1" "expected: $2
actual:   $3"; fi
}

# check_contains DESC NEEDLE HAYSTACK
check_contains() {
	case "$3" in
	*"$2"*) pass "$1" ;;
	*) fail "$1" "expected to contain: $2
actual: $3" ;;
	esac
}

# run_capture CMD...: runs CMD, sets OUT (stdout+stderr) and RC.
run_capture() {
	OUT=$("$@" 2>&1)
	RC=$?
}

# fresh_db NAME: (re)creates database NAME and runs initdb/*.sql in it.
fresh_db() {
	psql -X -q -d postgres -v ON_ERROR_STOP=1 \
	    -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" \
	    -c "CREATE DATABASE \"$1\"" >/dev/null || return 1
	local f
	for f in "$TOP"/initdb/*.sql; do
		psql -X -q -d "$1" -v ON_ERROR_STOP=1 -f "$f" >/dev/null || return 1
	done
}

# q DB SQL: prints the result of SQL in DB, unaligned, tuples only.
q() {
	psql -X -qAt -d "$1" -v ON_ERROR_STOP=1 -c "$2"
}

# dburl DB [USER [PASSWORD]]: a libpq URL to the throwaway cluster.
dburl() {
	printf 'postgresql://%s:%s@%s:%s/%s' "${2:-$PGUSER}" "${3:-$PGPASSWORD}" \
	    "$PGHOST" "$PGPORT" "$1"
}

# head_version SCHEMA: the version of the newest file of migrations/SCHEMA
# (versions are digits of one length: the last name sorted is the newest).
head_version() {
	local f
	f=$(ls "$TOP/migrations/$1"/*.sql | tail -1)
	f=${f##*/}
	echo "${f%%_*}"
}
