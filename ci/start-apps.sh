#!/usr/bin/env bash
# ci/start-apps.sh: the part of `make start-db` after the database: starts
# the auth app (AUTH_PORT, 5008), the billing app (BILLING_PORT, 5009),
# each migrating its own schema as its own role, and adminer
# (ADMINER_PORT, 8080) with `php -S`; waits until each answers.  Logs and
# pid files go to .run/.  What already runs is left alone, so running it
# twice is harmless.  `ci/start-apps.sh --urls` prints where they are.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/env.sh
RUN_DIR=${RUN_DIR:-$TOP/.run}
AUTH_PORT=${AUTH_PORT:-5008}
BILLING_PORT=${BILLING_PORT:-5009}
ADMINER_PORT=${ADMINER_PORT:-8080}
BUILD=${BUILD:-build}

if [ "${1:-}" = "--urls" ]; then
	echo "auth:     http://127.0.0.1:$AUTH_PORT/  (API reference; /healthz, /openapi.json)"
	echo "billing:  http://127.0.0.1:$BILLING_PORT/  (API reference; /healthz, /openapi.json)"
	echo "adminer:  http://127.0.0.1:$ADMINER_PORT/?pgsql=${PGHOST:-127.0.0.1}:${PGPORT:-5432}&username=postgres&db=test_db"
	echo "          (system PostgreSQL, login postgres / postgres, database test_db)"
	echo "logs:     $RUN_DIR/logs/{auth,billing,adminer}.log"
	exit 0
fi

mkdir -p "$RUN_DIR/logs"
export AUTH_SVC_PASSWORD BILLING_SVC_PASSWORD TOKEN_SECRET

# alive PIDFILE: true when the pid in PIDFILE is a live process.
alive() {
	[ -f "$1" ] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null
}

# answers URL: true when URL gives 200.
answers() {
	curl -fsS -m 2 -o /dev/null "$1" 2>/dev/null
}

# port_busy PORT: something listens on 127.0.0.1:PORT.
port_busy() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_app() {
	local app=$1 port=$2 pidfile=$RUN_DIR/$1.pid conf=$RUN_DIR/$1.conf
	local log=$RUN_DIR/logs/$1.log i
	if alive "$pidfile"; then
		if [ "$BUILD/apps/$app.so" -nt "$pidfile" ]; then
			echo "start-apps: $app was rebuilt; restarting it"
			kill -TERM "$(cat "$pidfile")" 2>/dev/null
			for i in $(seq 1 50); do alive "$pidfile" || break; sleep 0.2; done
		else
			echo "start-apps: $app already runs (pid $(cat "$pidfile"))"
			return 0
		fi
	fi
	if port_busy "$port"; then
		echo "start-apps: port $port is in use; set ${app^^}_PORT" >&2
		return 1
	fi
	[ -f "$BUILD/apps/$app.so" ] || { echo "start-apps: $BUILD/apps/$app.so missing: run make" >&2; return 1; }
	bash apps/mkconf.sh "$app" "$port" "$TOP/$BUILD/apps/$app.so" "$pidfile" > "$conf"
	echo "--- $(date -u +%FT%TZ) starting $app on $port" >> "$log"
	# A service with a server of its own (ci/env.sh) is started on it.
	local url
	url=$(svc_db_url "$app")
	env ${url:+DATABASE_URL="$url"} setsid nohup kore -f -n -r -c "$conf" \
	    >> "$log" 2>&1 < /dev/null &
	local pid=$!
	for i in $(seq 1 150); do
		if answers "http://127.0.0.1:$port/healthz"; then
			echo "start-apps: $app answers on $port (migrated; log $log)"
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "start-apps: $app exited during start-up:" >&2
			tail -n 5 "$log" >&2
			return 1
		fi
		sleep 0.2
	done
	echo "start-apps: $app does not answer on $port after 30 s; see $log" >&2
	return 1
}

start_adminer() {
	local pidfile=$RUN_DIR/adminer.pid log=$RUN_DIR/logs/adminer.log i
	if alive "$pidfile"; then
		echo "start-apps: adminer already runs (pid $(cat "$pidfile"))"
		return 0
	fi
	if port_busy "$ADMINER_PORT"; then
		echo "start-apps: port $ADMINER_PORT is in use; set ADMINER_PORT" >&2
		return 1
	fi
	setsid nohup php -S "127.0.0.1:$ADMINER_PORT" -t /usr/share/adminer/adminer \
	    >> "$log" 2>&1 < /dev/null &
	echo $! > "$pidfile"
	for i in $(seq 1 50); do
		if answers "http://127.0.0.1:$ADMINER_PORT/"; then
			echo "start-apps: adminer answers on $ADMINER_PORT"
			return 0
		fi
		sleep 0.2
	done
	echo "start-apps: adminer does not answer on $ADMINER_PORT; see $log" >&2
	return 1
}

rc=0
start_app auth "$AUTH_PORT" || rc=1
start_app billing "$BILLING_PORT" || rc=1
start_adminer || rc=1
exit $rc
