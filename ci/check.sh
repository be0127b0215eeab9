#!/usr/bin/env bash
# ci/check.sh VERIFIER: `make check`, the CI gate, for every schema that has models.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/env.sh
rc=0
# In GitHub Actions, problems become annotations on the files.
fmt=()
[ "${GITHUB_ACTIONS:-}" = true ] && fmt=(--format github)
for m in schema_models/*.yaml; do
	[ -f "$m" ] || continue
	s=$(basename "$m" .yaml)
	url=$(svc_db_url "$s")	# the service's own server, if it has one
	"$1" check --schema "$s" ${url:+--db "$url"} "${fmt[@]}" "${@:2}" || rc=$?
done
exit $rc
