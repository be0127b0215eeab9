#!/usr/bin/env bash
# 05_fuzz_corpus.sh: every committed fuzz corpus input, once, through its
# harness (fuzz/standalone.c) in this build: the fuzzers' regression suite.
# The model harness also reads the model tests' bad inputs (tests/models/bad)
# and the SQL file harness the real migrations (migrations/*/), the
# expected-catalog harness the regression models (tests/expected), each
# kept there once; `make fuzz` gives libFuzzer those folders too.
. "$TOP/tests/lib.sh"
for d in "$TOP"/fuzz/corpus/*/; do
	name=$(basename "$d")
	bin="$BUILD/tests/fuzzrun_$name"
	if [ ! -x "$bin" ]; then
		fail "fuzz corpus $name: $bin is not built"
		continue
	fi
	inputs=("$d"*)
	case $name in
	model) inputs+=("$TOP"/tests/models/bad/*.yaml) ;;
	sqlfile) inputs+=("$TOP"/migrations/*/*.sql) ;;
	expected) inputs+=("$TOP"/tests/expected/*.yaml) ;;
	esac
	out=$("$bin" "${inputs[@]}" 2>&1)
	rc=$?
	n=${#inputs[@]}
	if [ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^ok ')" = "$n" ]; then
		pass "fuzz corpus $name: $n inputs"
	else
		fail "fuzz corpus $name: exit $rc" "$(printf '%s\n' "$out" | tail -20)"
	fi
done
