#!/usr/bin/env bash
# ci/stop.sh: `make stop`.  Stops what start-db started.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/pg.sh
if [ -x ci/stop-apps.sh ] && [ "${START_APPS:-1}" = 1 ]; then
	bash ci/stop-apps.sh
fi
RUN_DIR=${RUN_DIR:-$TOP/.run}
if pg_running "$RUN_DIR/pgdata"; then
	pg_stop "$RUN_DIR/pgdata" fast && echo "stop: PostgreSQL stopped"
fi
exit 0
