#!/usr/bin/env bash
# ci/stop-apps.sh: stops what ci/start-apps.sh started (the two kore apps
# and adminer), by the pids in .run/*.pid.  Nothing running is fine.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
RUN_DIR=${RUN_DIR:-$TOP/.run}

# stop NAME PIDFILE WHAT: SIGTERM (kore drains its workers), then waits.
stop() {
	local name=$1 pidfile=$2 what=$3 pid i
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	# Only a process that is what we started (pids get reused).
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
	    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$what"; then
		kill -TERM "$pid" 2>/dev/null
		for i in $(seq 1 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		if kill -0 "$pid" 2>/dev/null; then
			kill -KILL "$pid" 2>/dev/null
		fi
		echo "stop: $name stopped"
	fi
	rm -f "$pidfile"
}

stop auth "$RUN_DIR/auth.pid" kore
stop billing "$RUN_DIR/billing.pid" kore
stop adminer "$RUN_DIR/adminer.pid" php
exit 0
