#!/usr/bin/env bash
# 50_apps_startup.sh: the apps' migration on start.  Four instances of each
# app started at once on an empty database apply each file once (the
# runner's advisory lock); a broken migration file makes the app exit
# non-zero naming the file, serving nothing; missing secrets are refused.
. "$TOP/tests/apps-lib.sh"
DB=apps_startup
apps_db $DB || { fail "fresh database"; exit 1; }

# Three files per schema, the extra two slow, so the instances overlap.
for s in auth billing; do
	mkdir -p "$TEST_TMP/mig/$s"
	cp migrations/$s/*.sql "$TEST_TMP/mig/$s/"
	for v in 20991231000001 20991231000002; do
		printf -- '-- migrate:up\nSELECT pg_sleep(0.3);\nCREATE TABLE %s.t_%s (id int);\n-- migrate:down\nDROP TABLE %s.t_%s;\n' \
		    $s $v $s $v > "$TEST_TMP/mig/$s/${v}_slow_$v.sql"
	done
done

names="auth1 auth2 auth3 auth4 billing1 billing2 billing3 billing4"
declare -A port_of pid_of
for name in $names; do
	s=${name%?}
	port_of[$name]=$(pg_free_port)
	APP_ENV=(MIGRATIONS_DIR="$TEST_TMP/mig/$s")
	app_launch $s $DB "${port_of[$name]}" "$name" 1 2
	pid_of[$name]=$LAUNCHED_PID
done
up=0
for name in $names; do
	s=${name%?}
	if ! app_wait "${port_of[$name]}" "${pid_of[$name]}" && bind_lost "$name"; then
		# Its port was taken by another process meanwhile: once more.
		port_of[$name]=$(pg_free_port)
		APP_ENV=(MIGRATIONS_DIR="$TEST_TMP/mig/$s")
		app_launch $s $DB "${port_of[$name]}" "$name" 1 2
		pid_of[$name]=$LAUNCHED_PID
	fi
	app_wait "${port_of[$name]}" "${pid_of[$name]}" && up=$((up + 1))
done
APP_ENV=()
pids="${pid_of[*]}"
check_eq "8 instances (4 auth, 4 billing) started at once all serve" 8 "$up"
for s in auth billing; do
	nfiles=$(ls "$TEST_TMP/mig/$s" | wc -l)
	check_eq "$s: each of the $nfiles files applied exactly once" "$nfiles|$nfiles" \
	    "$(q $DB "SELECT count(*) || '|' || count(DISTINCT version) FROM $s.schema_migrations")"
	applied=$(cat "$TEST_TMP"/${s}[1-4].log | grep -c "^  applied ")
	check_eq "$s: the logs of the 4 instances report $nfiles applications in all" "$nfiles" "$applied"
	check_eq "$s: every version row by ${s}_svc" "${s}_svc" \
	    "$(q $DB "SELECT string_agg(DISTINCT applied_by, ',') FROM $s.schema_migrations")"
done
for p in $pids; do app_stop "$p"; done

# launch_exit APP NAME VAR=value...: launches APP (one worker, on $port)
# with that environment and returns its exit status: for the starts that
# must fail.
launch_exit() {
	local app=$1 name=$2
	shift 2
	APP_ENV=("$@")
	app_launch "$app" $DB "$port" "$name" 1 1
	APP_ENV=()
	app_exit_status "$LAUNCHED_PID"
}

# --- a broken file: exit non-zero, the file named, nothing served ------------
cp -r "$TEST_TMP/mig/auth" "$TEST_TMP/broken"
printf -- '-- migrate:up\nCREATE TABLE auth.half (id int);\nALTER TABLE auth.no_such_table ADD COLUMN x int;\n-- migrate:down\nDROP TABLE auth.half;\n' \
    > "$TEST_TMP/broken/20991231000003_broken.sql"
port=$(pg_free_port)
launch_exit auth broken MIGRATIONS_DIR="$TEST_TMP/broken"
rc=$?
check_eq "server-side failure: the app exits 1" 1 "$rc"
check_contains "server-side failure: names the file and the server's message" \
    "20991231000003_broken.sql" "$(cat "$TEST_TMP/broken.log")"
check_contains "server-side failure: the server's message" \
    'relation "auth.no_such_table" does not exist' "$(cat "$TEST_TMP/broken.log")"
check_eq "server-side failure: the file rolled back whole" "" "$(q $DB "SELECT to_regclass('auth.half')")"
check_eq "server-side failure: nothing listens on its port" 000 \
    "$(curl -s -m 2 -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/healthz)"
check_eq "server-side failure: no pidfile left" no "$([ -f "$TEST_TMP/broken.pid" ] && echo yes || echo no)"

printf -- '-- migrate:up\nCREATE TABLE auth.half (id int;\n-- migrate:down\nDROP TABLE auth.half;\n' \
    > "$TEST_TMP/broken/20991231000003_broken.sql"
launch_exit auth broken2 MIGRATIONS_DIR="$TEST_TMP/broken"
rc=$?
check_eq "unparsable file: the app exits 1" 1 "$rc"
check_contains "unparsable file: named with its line" "20991231000003_broken.sql:2" "$(cat "$TEST_TMP/broken2.log")"

# --- an edited applied file is refused -----------------------------------------
sed -i 's/pg_sleep(0.3)/pg_sleep(0.2)/' "$TEST_TMP/mig/auth/20991231000001_slow_20991231000001.sql"
launch_exit auth edited MIGRATIONS_DIR="$TEST_TMP/mig/auth"
rc=$?
check_eq "edited applied file: the app exits 1" 1 "$rc"
check_contains "edited applied file: named" "20991231000001_slow_20991231000001.sql" "$(cat "$TEST_TMP/edited.log")"

# --- missing configuration ---------------------------------------------------------
launch_exit auth nopw AUTH_SVC_PASSWORD=
check_eq "no role password: exit 1" 1 "$?"
check_contains "no role password: says which variable" "AUTH_SVC_PASSWORD is not set" "$(cat "$TEST_TMP/nopw.log")"
launch_exit billing nosecret TOKEN_SECRET=short
check_eq "short TOKEN_SECRET: exit 1" 1 "$?"
check_contains "short TOKEN_SECRET: says so" "TOKEN_SECRET must be set, at least 32 characters" "$(cat "$TEST_TMP/nosecret.log")"
launch_exit billing badpw BILLING_SVC_PASSWORD=wrong-password
check_eq "wrong role password: exit 1" 1 "$?"
check_contains "wrong role password: the server's message" 'password authentication failed for user "billing_svc"' "$(cat "$TEST_TMP/badpw.log")"
