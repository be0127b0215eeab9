#!/usr/bin/env bash
# 32_expected_split.sh: a model the memory declines only in parts
# (expected_split.c): the rest is built in memory, the declined objects
# (views, functions, triggers, and the checks, indexes, policies and tables
# it does not print) come from the server, with what their DDL needs, or
# from the cache, one file per object; the merged catalog equals the
# server's of the whole model (VERIFIER_EXPECTED=compare).
. "$TOP/tests/lib.sh"
DB=d32split
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)
M=$TOP/tests/schema/expected_split

# stats_models OUT: the "models (...)" part of VERIFIER_STATS's line.
stats_models() {
	printf '%s\n' "$1" | sed -n 's/^verifier: models (\(.*\)): .*/\1/p'
}

# agrees DESC SCHEMA DIR: compare mode finds no row that differs.
agrees() {
	run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED=compare \
	    "$VERIFIER" diff --schema "$2" --models "$3" --db "$URL"
	check_eq "$1" "" "$(printf '%s\n' "$OUT" | grep differs)"
}

for s in xs_mixed xs_many xs_ctrigger; do
	run_capture env VERIFIER_CACHE=off VERIFIER_EXPECTED=compare \
	    "$VERIFIER" diff --schema $s --models "$M" --db "$URL"
	check_eq "$s: split and server agree (diff of an empty schema: 1)" \
	    1 "$RC"
	case "$OUT" in
	*"differs from the server"*) fail "$s: no row differs" \
	    "$(printf '%s\n' "$OUT" | grep differs)" ;;
	*) pass "$s: no row differs" ;;
	esac
	run_capture env VERIFIER_CACHE=off VERIFIER_EXPECTED=server \
	    "$VERIFIER" diff --schema $s --models "$M" --db "$URL"
	want=$OUT
	run_capture env VERIFIER_CACHE=off "$VERIFIER" diff --schema $s \
	    --models "$M" --db "$URL"
	check_eq "$s: the same diff as the server alone" "$want" "$OUT"
done
run_capture env VERIFIER_CACHE=off VERIFIER_STATS=1 VERIFIER_EXPECTED= "$VERIFIER" diff \
    --schema xs_mixed --models "$M" --db "$URL"
check_eq "xs_mixed: 14 objects from the server" \
    "in memory + server (14 objects)" "$(stats_models "$OUT")"
# Two policies of one table, each its own file (they share the table's
# DDL): cold, then warm, the merged catalog is the server's.
VERIFIER_CACHE=$TEST_TMP/mixed agrees "xs_mixed: cold cache agrees" xs_mixed "$M"
VERIFIER_CACHE=$TEST_TMP/mixed agrees "xs_mixed: warm cache agrees" xs_mixed "$M"
check_eq "xs_mixed: one file per object" 14 "$(ls "$TEST_TMP"/mixed/*.sqlite | wc -l)"

# The billing model: a view, a function, a trigger and a check (char(3)
# ~ text) from the server, the rest in memory.
VERIFIER_CACHE=off agrees "billing: split and server agree" billing \
    "$TOP/schema_models"
run_capture env VERIFIER_CACHE=off VERIFIER_STATS=1 VERIFIER_EXPECTED= "$VERIFIER" diff \
    --schema billing --models "$TOP/schema_models" --db "$URL"
check_eq "billing: 4 objects from the server" \
    "in memory + server (4 objects)" "$(stats_models "$OUT")"

# The cache, per object: all from the server, then all from the cache;
# one table edited: only the view that reads it goes to the server.
export VERIFIER_CACHE=$TEST_TMP/cache
C=$TEST_TMP/many
mkdir -p "$C"
cp "$M/xs_many.yaml" "$C/"
# many DESC WANT: diff of $C's xs_many; the objects' sources are WANT.
many() {
	run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED= "$VERIFIER" diff --schema xs_many \
	    --models "$C" --db "$URL"
	check_eq "cache: $1" "$2" "$(stats_models "$OUT")"
}
many "cold, 4 objects from the server" "in memory + server (4 objects)"
cold=$(printf '%s\n' "$OUT" | grep -v '^verifier:')
many "warm, 4 objects from the cache" "in memory + cache (4 objects)"
check_eq "cache: the same diff warm" "$cold" \
    "$(printf '%s\n' "$OUT" | grep -v '^verifier:')"
check_eq "cache: one file per object" 4 "$(ls "$VERIFIER_CACHE"/*.sqlite | wc -l)"
sed -i 's/^  t3:$/  t3:\n    comment: edited/' "$C/xs_many.yaml"
many "t3 edited, only its view from the server" \
    "in memory + cache (3 objects) + server (1 object)"
sed -i 's/SELECT id, v FROM t3/SELECT id, v AS w FROM t3/' "$C/xs_many.yaml"
many "w3 edited, only w3 from the server" \
    "in memory + cache (3 objects) + server (1 object)"
check_contains "cache: w3 edited, the diff has it" "view missing xs_many.w3" \
    "$OUT"
agrees "cache: the merged catalog is the server's" xs_many "$C"
VERIFIER_CACHE=off many "off, every object from the server" \
    "in memory + server (4 objects)"

# A materialized view edited alone goes to the server alone, with its
# table a3, whose policy a3_fn calls the function is_owner: it goes too.
X=$TEST_TMP/mixed2
mkdir -p "$X"
cp "$M/xs_mixed.yaml" "$X/"
export VERIFIER_CACHE=$TEST_TMP/cache3
run_capture "$VERIFIER" diff --schema xs_mixed --models "$X" --db "$URL"
sed -i 's/SELECT id, owner FROM a3/SELECT id, owner AS o FROM a3/' "$X/xs_mixed.yaml"
run_capture env VERIFIER_STATS=1 VERIFIER_EXPECTED= "$VERIFIER" diff --schema xs_mixed \
    --models "$X" --db "$URL"
check_eq "m1 edited: only m1 from the server" \
    "in memory + cache (13 objects) + server (1 object)" "$(stats_models "$OUT")"
check_contains "m1 edited: the diff has it" \
    "materialized view missing xs_mixed.m1" "$OUT"
agrees "m1 edited: the merged catalog is the server's" xs_mixed "$X"
