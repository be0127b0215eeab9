#!/usr/bin/env bash
# ci/graph.sh VERIFIER [--check]: `make graph` writes docs/schema/<schema>.svg
# for each schema_models/*.yaml; with --check (`make check`) it fails,
# naming the file, when a committed picture no longer matches its model.
# A model the verifier cannot build in memory (views, ...) needs the
# database of ci/env.sh, as `make check` does.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/env.sh
rc=0
for m in schema_models/*.yaml; do
	[ -f "$m" ] || continue
	s=$(basename "$m" .yaml)
	svg=docs/schema/$s.svg
	if [ "${2:-}" = --check ]; then
		[ -f "$svg" ] || continue
		"$1" graph --schema "$s" --check "$svg" || rc=1
	else
		mkdir -p docs/schema
		"$1" graph --schema "$s" --format svg -o "$svg" && echo "graph: wrote $svg" || rc=1
	fi
done
exit $rc
