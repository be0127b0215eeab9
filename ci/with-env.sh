#!/usr/bin/env bash
# ci/with-env.sh CMD...: runs CMD with the local system's connection (ci/env.sh).
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/ci/env.sh"
exec "$@"
