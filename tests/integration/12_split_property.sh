#!/usr/bin/env bash
# 12_split_property.sh: generated files of statements with random quoting,
# comments and dollar-quoted bodies split into exactly the statements
# written, each of which PostgreSQL accepts and evaluates as intended.
. "$TOP/tests/lib.sh"
out=$("$BUILD/tests/prop_split" "${PROP_FILES:-300}" "${PROP_SEED:-20261125}" 2>&1)
rc=$?
if [ $rc -eq 0 ]; then
	pass "splitter property: $(printf '%s\n' "$out" | grep -c '^ok ') generated files, every statement found and evaluated as written"
else
	fail "splitter property" "$(printf '%s\n' "$out" | grep -v '^ok ' | head -30)"
fi
