#!/usr/bin/env bash
# ci/stop.sh: `make stop`.  Stops what start-db started.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/pg.sh
if [ -x ci/stop-apps.sh ]; then
	bash ci/stop-apps.sh
fi
if pg_running .run/pgdata; then
	pg_stop "$TOP/.run/pgdata" fast && echo "stop: PostgreSQL stopped"
fi
exit 0
