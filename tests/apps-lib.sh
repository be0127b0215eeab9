# tests/apps-lib.sh: what the apps' integration scripts
# (tests/integration/50_apps_*.sh) share, on top of tests/lib.sh: a
# database with the service roles' passwords, app instances on free ports
# that are always stopped when the script ends, and curl helpers.
. "$TOP/tests/lib.sh"
. "$TOP/ci/pg.sh"

export AUTH_SVC_PASSWORD=auth-test-pw BILLING_SVC_PASSWORD=billing-test-pw
export TOKEN_SECRET=test-secret-0123456789abcdef0123456789abcdef
APP_PIDS=""
KORE_ENV=()
APP_ENV=()

# Under build-asan the apps are ASan builds: kore itself is not, so the
# runtime must come first (LD_PRELOAD); kore's own leaks at exit are not
# ours (detect_leaks=0).
if [ "$(basename "$BUILD")" = build-asan ]; then
	KORE_ENV=(env "LD_PRELOAD=$(gcc -print-file-name=libasan.so)"
	    "ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:allocator_may_return_null=1")
fi

# apps_db NAME: a fresh database with initdb/ run and the roles' passwords.
apps_db() {
	fresh_db "$1" || return 1
	psql -X -q -d "$1" -v ON_ERROR_STOP=1 \
	    -c "ALTER ROLE auth_svc PASSWORD '$AUTH_SVC_PASSWORD'" \
	    -c "ALTER ROLE billing_svc PASSWORD '$BILLING_SVC_PASSWORD'" >/dev/null
}

# app_launch APP DB PORT NAME [WORKERS [CONNS]]: starts kore with APP in
# the background (log $TEST_TMP/NAME.log); sets LAUNCHED_PID.  Extra
# environment for the app comes from APP_ENV (an array of VAR=value).
app_launch() {
	local app=$1 db=$2 port=$3 name=$4
	bash "$TOP/apps/mkconf.sh" "$app" "$port" "$BUILD/apps/$app.so" \
	    "$TEST_TMP/$name.pid" "${5:-2}" "${6:-4}" > "$TEST_TMP/$name.conf"
	env DATABASE_URL="$(dburl "$db")" "${APP_ENV[@]}" "${KORE_ENV[@]}" \
	    kore -f -n -r -c "$TEST_TMP/$name.conf" > "$TEST_TMP/$name.log" 2>&1 &
	LAUNCHED_PID=$!
	APP_PIDS="$APP_PIDS $LAUNCHED_PID"
}

# app_wait PORT PID [SECONDS]: waits until /healthz answers 200 (0), or
# PID exits or SECONDS (default 30; 120 under valgrind) pass (1).
app_wait() {
	local limit=${3:-30} end
	case "${KORE_ENV[*]}" in
	valgrind*) limit=${3:-120} ;;
	*libasan*) limit=${3:-90} ;;
	esac
	end=$(( $(date +%s) + limit ))
	while [ "$(date +%s)" -lt $end ]; do
		if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$1/healthz" 2>/dev/null; then
			return 0
		fi
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# bind_lost NAME: the launch NAME lost its port to another process
# between pg_free_port and kore's bind (other suites run on this machine).
bind_lost() {
	grep -q "Address already in use" "$TEST_TMP/$1.log" 2>/dev/null
}

# app_start APP DB NAME [WORKERS [CONNS]]: launches on a free port and
# waits; sets PORT_<NAME> and PID_<NAME>.  Fails the script when it does
# not come up.
app_start() {
	local app=$1 db=$2 name=$3 port try
	for try in 1 2 3; do
		port=$(pg_free_port)
		app_launch "$app" "$db" "$port" "$name" "${4:-2}" "${5:-4}"
		printf -v "PORT_$name" '%s' "$port"
		printf -v "PID_$name" '%s' "$LAUNCHED_PID"
		if app_wait "$port" "$LAUNCHED_PID"; then
			return 0
		fi
		bind_lost "$name" || break
	done
	fail "$name starts on $port" "$(tail -n 20 "$TEST_TMP/$name.log")"
	exit 1
}

# app_exit_status PID: waits (60 s at most, then SIGKILL) for a launched
# app that should exit by itself; returns its exit status.
app_exit_status() {
	local i
	for i in $(seq 1 600); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

# app_stop PID: SIGTERM, then waits for the exit (SIGKILL after 10 s; 3 s
# under ASan, where kore's parent does not always see its workers exit).
app_stop() {
	local i n=100 workers
	[ ${#KORE_ENV[@]} -gt 0 ] && n=30
	# Its workers, known now: if the parent must be killed, they would
	# be left orphaned, holding the listening socket.
	workers=$(pgrep -P "$1" 2>/dev/null)
	kill -TERM "$1" 2>/dev/null || return 0
	for i in $(seq 1 $n); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$1" $workers 2>/dev/null
}

# apps_restore_cluster: the EXIT trap of scripts that stop the suite's
# cluster: it comes back whatever happened, and the apps are stopped.
apps_restore_cluster() {
	pg_running "$PGDATA_TEST" || pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
	apps_cleanup
}

apps_cleanup() {
	local p
	for p in $APP_PIDS; do
		app_stop "$p"
	done
}
trap apps_cleanup EXIT

# req METHOD URL [BODY [HEADER...]]: sets STATUS and BODY (the response),
# with a JSON content type when a body is given.
req() {
	local method=$1 url=$2 data=${3-} out
	shift 3 2>/dev/null || shift $#
	local args=(-sS -m 30 -o "$TEST_TMP/resp" -w '%{http_code}' -X "$method")
	local h
	for h in "$@"; do args+=(-H "$h"); done
	if [ -n "$data" ]; then
		args+=(-H 'content-type: application/json' --data-binary "$data")
	elif [ "$method" = POST ]; then
		args+=(-H 'content-length: 0')
	fi
	STATUS=$(curl "${args[@]}" "$url" 2>"$TEST_TMP/curl.err")
	BODY=$(cat "$TEST_TMP/resp" 2>/dev/null)
}

# jget JSON PATH: a value of a JSON document (python3), "" when absent.
jget() {
	python3 -c 'import json,sys
d=json.loads(sys.argv[1])
for k in sys.argv[2].split("."):
    d = d[int(k)] if isinstance(d, list) else d.get(k) if d is not None else None
print("" if d is None else (json.dumps(d) if isinstance(d,(dict,list)) else d))' "$1" "$2" 2>/dev/null
}

# check_status DESC WANT: STATUS is WANT (shows the body when not).
check_status() {
	if [ "$STATUS" = "$2" ]; then pass "$1"
	else fail "$1" "status $STATUS, want $2; body: $BODY"; fi
}

# check_error DESC STATUS CODE: STATUS and an error document with CODE.
check_error() {
	if [ "$STATUS" = "$2" ] && [ "$(jget "$BODY" error.code)" = "$3" ] &&
	    [ -n "$(jget "$BODY" error.message)" ]; then
		pass "$1"
	else
		fail "$1" "status $STATUS, want $2 with code $3; body: $BODY"
	fi
}

# sign_token UID EXP [SECRET]: a token signed like auth does (openssl).
sign_token() {
	local payload="v1.$1.$2.0123456789abcdef0123456789abcdef" mac
	mac=$(printf '%s' "$payload" | openssl dgst -sha256 -hmac "${3:-$TOKEN_SECRET}" -binary |
	    basenc --base64url | tr -d '=')
	printf '%s.%s' "$payload" "$mac"
}

# billing_customer DB NAME: billing started on a fresh DB, B its URL,
# AUTHZ a bearer header of user 7, CID the id of a new customer NAME.
billing_customer() {
	apps_db "$1" || { fail "fresh database"; exit 1; }
	app_start billing "$1" billing 2 4
	B=http://127.0.0.1:$PORT_billing
	AUTHZ="authorization: Bearer $(sign_token 7 $(( $(date +%s) + 3600 )))"
	req POST $B/customers "{\"name\":\"$2\"}" "$AUTHZ"
	check_status "setup: customer created" 201
	CID=$(jget "$BODY" id)
}
