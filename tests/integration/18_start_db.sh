#!/usr/bin/env bash
# 18_start_db.sh: `make start-db`'s script on a fresh run folder and a free
# port: it makes a cluster, runs initdb/, migrates both schemas as their
# roles, is harmless twice, refuses a taken port, and stop stops it.
# (The apps are left out here: their own suites start them.)
. "$TOP/tests/lib.sh"
. "$TOP/ci/pg.sh"
[ "$(basename "$BUILD")" = build ] || { pass "start-db: checked in the normal build only"; exit 0; }
export RUN_DIR=$TEST_TMP/run START_APPS=0
PGPORT_SUITE=$PGPORT
port=$(pg_free_port)
(
	unset PGHOST PGUSER PGPASSWORD PGDATABASE
	export PGPORT=$port
	run_capture bash ci/start-db.sh
	check_eq "start-db: exit 0" 0 "$RC"
	check_contains "start-db: says how to connect" \
	    "PostgreSQL: psql postgresql://postgres:postgres@127.0.0.1:$port/test_db" "$OUT"
	check_contains "start-db: migrates auth" "auth: applied 1 file" "$OUT"
	check_eq "start-db: secrets file is private" 600 "$(stat -c %a $RUN_DIR/env)"
	U="postgresql://postgres:postgres@127.0.0.1:$port/test_db"
	check_eq "start-db: both schemas at head, applied by their roles" \
	    "auth_svc|billing_svc" \
	    "$(psql -X -qAt "$U" -c "SELECT (SELECT applied_by FROM auth.schema_migrations LIMIT 1) || '|' || (SELECT applied_by FROM billing.schema_migrations LIMIT 1)")"
	run_capture bash ci/start-db.sh
	check_eq "start-db twice: exit 0" 0 "$RC"
	check_contains "start-db twice: nothing to do" "billing: up to date at 20261202042138" "$OUT"
	run_capture bash ci/stop.sh
	check_eq "stop: says so" "stop: PostgreSQL stopped" "$OUT"
	check_eq "stop: the server is down" 1 "$(pg_running $RUN_DIR/pgdata && echo 0 || echo 1)"
	# A port in use by something else.
	PGPORT_TEST_TAKEN=$PGPORT_SUITE
	run_capture env PGPORT="$PGPORT_TEST_TAKEN" bash ci/start-db.sh
	check_eq "taken port: exit 1" 1 "$RC"
	check_contains "taken port: clear message" \
	    "start-db: port $PGPORT_TEST_TAKEN on 127.0.0.1 is already in use; stop what listens there or run: make start-db PGPORT=5433" "$OUT"
	bash ci/stop.sh >/dev/null
)
