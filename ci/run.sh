#!/usr/bin/env bash
# ci/run.sh: the whole pipeline on a clean machine, as .ci/run and the
# GitHub workflow run it: dependencies, build, the README's test command,
# then the schema gate (`make check`) against a freshly started system.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"

echo "== deps"
make deps

echo "== build"
make all

echo "== test"
make test

echo "== check (verifier check per schema, against a fresh local system)"
export PGPORT=${CI_PGPORT:-55432}
trap 'make stop >/dev/null 2>&1 || true' EXIT
make start-db
make check
