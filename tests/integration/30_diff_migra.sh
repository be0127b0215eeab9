#!/usr/bin/env bash
# 30_diff_migra.sh: the migra conformance fixtures (../shared/conformance/
# migra/<case>/, see its README).  Per case and per schema it touches: load
# a.sql and b.sql in two databases, `verifier dump` the schema of b, draft
# from the a database to that model (`draft --from-db`), apply it with
# `migrate`, compare pg_dump --schema-only of both; `down`, compare with a
# (tests/conformance-lib.sh).  A case that needs object kinds the models do
# not cover must say "unsupported: <kind> <name>" (a pass of this test); a
# silent wrong result is a failure.  Differences already understood are
# listed, with the reason, in tests/schema/migra_known.txt: they are counted
# as failed but do not fail the suite; any other failure does.
# MIGRA_ONLY=regex picks cases by name.
. "$TOP/tests/lib.sh"
. "$TOP/tests/conformance-lib.sh"
FIX=${MIGRA_FIXTURES:-$TOP/../shared/conformance/migra}
CONF_KNOWN=$TOP/tests/schema/migra_known.txt
if [ ! -d "$FIX" ]; then
	pass "migra fixtures not present at $FIX: nothing to run"
	exit 0
fi
# migra's own test setup has this role; some fixtures grant to it.
q postgres "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE
    rolname = 'schemainspect_test_role') THEN CREATE ROLE schemainspect_test_role;
    END IF; END \$\$" >/dev/null
CONF_DBA=d30migra_a
CONF_DBB=d30migra_b

for dir in "$FIX"/*/; do
	[[ $(basename "$dir") =~ ${MIGRA_ONLY:-.} ]] || continue
	conf_case "$(basename "$dir")" "$dir"
done
conf_drop $CONF_DBA $CONF_DBB
echo "# summary: migra conformance: $npass passed, $nunsup unsupported (said clearly), $nfail failed ($nknown known, listed in tests/schema/migra_known.txt)"
