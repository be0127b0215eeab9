#!/usr/bin/env bash
# ci/check.sh VERIFIER: `make check`, the CI gate, for every schema that has models.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/env.sh
rc=0
for m in schema_models/*.yaml; do
	[ -f "$m" ] || continue
	s=$(basename "$m" .yaml)
	"$1" check --schema "$s" "${@:2}" || rc=$?
done
exit $rc
