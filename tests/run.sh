#!/usr/bin/env bash
# tests/run.sh: the whole test suite.  Starts a throwaway PostgreSQL cluster
# on a free port, runs the cmocka unit tests and the integration scripts
# (tests/integration/*.sh) against each verifier build given, stops the
# cluster, and ends with "N passed, N failed".
#
# usage: tests/run.sh BUILD_DIR... [valgrind:BUILD_DIR]
# (each holds verifier and the unit tests; ONLY=regex picks tests by path)
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TOP
. "$TOP/ci/pg.sh"

ROOT=$(mktemp -d /tmp/verifier-tests.XXXXXX)
chmod 755 "$ROOT"
DATA="$ROOT/pgdata"
PORT=$(pg_free_port) || { echo "no free port" >&2; exit 1; }
PASSED=0
FAILED=0

cleanup() {
	pg_stop "$DATA" immediate 2>/dev/null
	[ -n "${KEEP_TMP:-}" ] || rm -rf "$ROOT"
}
trap cleanup EXIT

PG_FSYNC=off
pg_init "$DATA" postgres || exit 1
pg_start "$DATA" "$PORT" "$ROOT/pg.log" || { cat "$ROOT/pg.log"; exit 1; }
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGPASSWORD=postgres \
    PGDATABASE=postgres PGDATA_TEST=$DATA PGLOG_TEST=$ROOT/pg.log
unset DATABASE_URL
export PGOPTIONS="-c client_min_messages=warning"

# count FILE: adds FILE's ok / not ok lines to the totals and shows failures
# (and the lines "# summary: ..." a script prints).
count() {
	local p f
	p=$(grep -c '^ok ' "$1")
	f=$(grep -c '^not ok' "$1")
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	if [ -n "${VERBOSE:-}" ]; then
		cat "$1"
	elif [ "$f" -gt 0 ]; then
		grep -v '^ok ' "$1"
	else
		grep '^# summary: ' "$1"
	fi
	printf '%-52s %4d passed, %d failed\n' "$2" "$p" "$f"
}

# An argument valgrind:BUILD runs the tests matching $VALGRIND_ONLY (an
# extended regex; default: the unit tests and the runner suite) with every
# unit test and every verifier run under memcheck: a leak or an invalid
# access makes the program exit 99, which fails its test.
MEMCHECK="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99"

ONLY=${ONLY:-}
for arg in "$@"; do
	VG=""
	filter=$ONLY
	build=$arg
	if [ "${arg#valgrind:}" != "$arg" ]; then
		VG=$MEMCHECK
		build=${arg#valgrind:}
		filter=${VALGRIND_ONLY:-unit_|10_runner}
	fi
	build=$(cd "$build" && pwd)
	label=$(basename "$build")${VG:+-valgrind}
	verifier="$build/verifier"
	if [ -n "$VG" ]; then
		verifier="$ROOT/$label/verifier"
		mkdir -p "$(dirname "$verifier")"
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$VG" "$build/verifier" > "$verifier"
		chmod 755 "$verifier"
	fi
	for t in "$build"/tests/unit_*; do
		[ -x "$t" ] || continue
		[[ $t =~ $filter ]] || continue
		log="$ROOT/$label-$(basename "$t").log"
		CMOCKA_MESSAGE_OUTPUT=TAP $VG "$t" >"$log" 2>&1
		rc=$?
		# A crash before cmocka's summary must not pass silently.
		if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log"; then
			echo "not ok - $(basename "$t") exited $rc" >>"$log"
		fi
		count "$log" "$label/$(basename "$t")"
	done
	for t in "$TOP"/tests/integration/*.sh; do
		[ -f "$t" ] || continue
		[[ $t =~ $filter ]] || continue
		name=$(basename "$t" .sh)
		TEST_TMP="$ROOT/$label-$name"
		mkdir -p "$TEST_TMP"
		chmod 777 "$TEST_TMP"
		log="$TEST_TMP.log"
		( export VERIFIER="$verifier" BUILD="$build" TEST_TMP; \
		  cd "$TOP" && bash "$t" ) >"$log" 2>&1
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "not ok - $name exited $rc" >>"$log"
		fi
		count "$log" "$label/$name"
	done
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
