#!/usr/bin/env bash
# ci/run.sh: the whole pipeline on a clean machine, as .ci/run and the
# GitHub workflow run it: dependencies, build, the README's test command,
# then the schema gate (`make check`) against a freshly started system and
# a 60 s soak of both apps (`make soak`).
set -eu -o pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"

echo "== deps"
make deps

echo "== build"
make all

echo "== test"
make test 2>&1 | tee .ci-test.log
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' .ci-test.log | tail -1)
rm -f .ci-test.log

echo "== check (verifier check per schema, against a fresh local system)"
export PGPORT=${CI_PGPORT:-55432}
trap 'make stop >/dev/null 2>&1 || true' EXIT
make start-db
make check

echo "== soak (both apps under mixed load, bounded, loopback only)"
SOAK_SECONDS=${CI_SOAK_SECONDS:-60} make soak

# The test runner's closing line, last, for whoever reads the log's end.
echo "$summary"
