#!/usr/bin/env bash
# apps/mkconf.sh APP PORT SO PIDFILE [WORKERS [PGSQL_CONN_MAX]]: prints the
# kore config of APP (apps/APP/APP.conf) with its port, shared object and
# pidfile replaced, and the worker count and pool size when given
# ($APP_ACCEPT_THRESHOLD, when set, replaces worker_accept_threshold).  Used
# by ci/start-apps.sh, the tests and the benchmarks.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
app=$1 port=$2 so=$3 pidfile=$4 workers=${5:-} conns=${6:-}
sed -e "s|^\(\s*bind 127.0.0.1\) [0-9]*|\1 $port|" \
    -e "s|^load .*|load $so|" \
    -e "s|^pidfile .*|pidfile $pidfile|" \
    ${workers:+-e "s|^workers .*|workers $workers|"} \
    ${conns:+-e "s|^pgsql_conn_max .*|pgsql_conn_max $conns|"} \
    ${APP_ACCEPT_THRESHOLD:+-e "s|^worker_accept_threshold .*|worker_accept_threshold $APP_ACCEPT_THRESHOLD|"} \
    "$TOP/apps/$app/$app.conf"
