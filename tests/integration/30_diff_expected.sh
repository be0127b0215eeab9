#!/usr/bin/env bash
# 30_diff_expected.sh: the expected catalog built in memory is exact.
# Generated models (tests/tools/gen_models, a fixed seed: every type,
# modifier, array, default, check, key, index method, comment, grant,
# sequence and name length the model allows) and the fixed regression
# models of tests/expected/ go through `verifier diff` with
# VERIFIER_EXPECTED=compare, which builds the expected catalog both in
# memory and on the server and fails on the first row that differs.
# Models the memory declines are counted, not failed: the count falls as
# expected_mem.c learns more.
. "$TOP/tests/lib.sh"
export VERIFIER_CACHE=$TEST_TMP/cache
DB=d30expected
SEED=${EXPECTED_SEED:-20261202}
fresh_db $DB || { fail "create database"; exit 1; }
URL=$(dburl $DB)
M=$TEST_TMP/models
rm -rf "$M" "$VERIFIER_CACHE"
mkdir -p "$M"

# One model of everything, and one per kind (small to read on a mismatch).
run_capture "$BUILD/tests/gen_models" --seed "$SEED" --tables 120 --out "$M"
check_eq "generate a model of everything" 0 "$RC"
all=$OUT
run_capture "$BUILD/tests/gen_models" --seed "$SEED" --tables 15 --split \
    --out "$M"
check_eq "generate one model per kind" 0 "$RC"
# Small models of the kinds most often declined whole (one default or
# check the memory cannot print declines its model): the rest are built.
small=
for k in defaults checks indexes; do
	for i in 1 2 3 4 5; do
		small+=$("$BUILD/tests/gen_models" --seed "$SEED$i" --tables 2 \
		    --kind $k --schema "small_${k}_$i" --out "$M")$'\n'
	done
done
objects=$(printf '%s\n%s\n%s\n' "$all" "$OUT" "$small" |
    sed -n 's/.*, \([0-9]*\) objects$/\1/p' | awk '{ n += $1 } END { print n }')
cp "$TOP"/tests/expected/*.yaml "$M"/

memory=0 split=0 declined=0 models=0
for f in "$M"/*.yaml; do
	schema=$(sed -n 's/^schema: *//p' "$f" | head -1)
	name=$(basename "$f")
	models=$((models + 1))
	q $DB "CREATE SCHEMA IF NOT EXISTS $schema" >/dev/null
	OUT=$(VERIFIER_EXPECTED=compare "$VERIFIER" diff --schema "$schema" \
	    --models "$M" --db "$URL" 2>&1)
	RC=$?
	# 1: the empty live schema differs from the model; 0: an empty model.
	case "$OUT" in
	*"differs from the server's"*)
		fail "$name: the catalog in memory is the server's" \
		    "$(printf '%s\n' "$OUT" | grep "differs from the server's")"
		continue ;;
	esac
	if [ "$RC" -gt 1 ]; then
		fail "$name: diff runs (exit $RC)" "$(printf '%s\n' "$OUT" | head -5)"
		continue
	fi
	pass "$name: the catalog in memory is the server's (or declined)"
	# Where the catalog comes from outside compare mode: the memory, or
	# (declined) the cache the compare run filled.
	src=$(VERIFIER_STATS=1 "$VERIFIER" diff --schema "$schema" \
	    --models "$M" --db "$URL" 2>&1 >/dev/null |
	    sed -n 's/^verifier: models (\([^)]*\)).*/\1/p')
	case $src in
	"in memory") memory=$((memory + 1)) ;;
	"in memory + "*) split=$((split + 1)) ;;
	*) declined=$((declined + 1)) ;;
	esac
done
echo "# summary: $models models ($objects generated objects): $memory built in memory, $split in memory but for some objects (expected_split.c), $declined declined (the server's)"
# Why the memory declines, most common reason first (expected_from_model's
# "why"): what expected_mem.c could learn next.
"$BUILD/tests/expected_why" "$M"/*.yaml 2>&1 |
    sed -n 's/^.*: declined: //p' | sed 's/"[^"]*"/"..."/g' |
    sort | uniq -c | sort -rn | head -10 |
    sed 's/^ *\([0-9]*\) /# summary: declined \1 times: /'
