#!/usr/bin/env bash
# 32_expected_mem.sh: the expected catalog built in memory
# (expected_mem*.c) equals, row for row, the one PostgreSQL makes from the
# same model's DDL (VERIFIER_EXPECTED=compare), for hand-written models of
# every form it prints (tests/schema/expected_mem); what it cannot print
# goes to the server, and a model the server rejects is never built.
. "$TOP/tests/lib.sh"
export VERIFIER_CACHE=off
DB=d32mem
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)
M=$TOP/tests/schema/expected_mem
WHY=$(dirname "$VERIFIER")/tests/expected_why

for s in xm_types xm_names xm_seqnames xm_indexes xm_domains xm_exprindex \
    xm_noinherit xm_replident; do
	run_capture "$WHY" "$M/$s.yaml"
	check_contains "$s: built in memory" "$s.yaml: in memory" "$OUT"
	run_capture env VERIFIER_EXPECTED=compare "$VERIFIER" diff \
	    --schema $s --models "$M" --db "$URL"
	check_eq "$s: memory and server agree (diff of an empty schema: 1)" \
	    1 "$RC"
	case "$OUT" in
	*"differs from the server"*) fail "$s: no row differs" \
	    "$(printf '%s\n' "$OUT" | grep differs)" ;;
	*) pass "$s: no row differs" ;;
	esac
	run_capture env -u VERIFIER_EXPECTED VERIFIER_STATS=1 "$VERIFIER" \
	    diff --schema $s --models "$M" --db "$URL"
	check_contains "$s: diff takes the memory's" "models (in memory)" \
	    "$OUT"
done

# Defaults, checks, predicates and policies: in memory once
# expected_expr.c prints their expressions; the same rows either way.
for s in xm_exprs xm_rls; do
	run_capture env VERIFIER_EXPECTED=compare "$VERIFIER" diff \
	    --schema $s --models "$M" --db "$URL"
	check_eq "$s: memory (or the server alone) and server agree" 1 "$RC"
	case "$OUT" in
	*"differs from the server"*) fail "$s: no row differs" \
	    "$(printf '%s\n' "$OUT" | grep differs)" ;;
	*) pass "$s: no row differs" ;;
	esac
done

# The loader refuses it before any server (model_names.c), at the column.
run_capture "$VERIFIER" diff --schema xm_taken --models "$M" --db "$URL"
check_eq "a name the server would refuse is the model's error" 2 "$RC"
check_contains "named at the model's line" \
    "xm_taken.yaml:7:7: column \"id\" of table \"t\": PostgreSQL names its sequence \"t_id_seq\", which the relation at line 10, made after it, also has: PostgreSQL refuses that relation" \
    "$OUT"
