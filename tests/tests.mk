# tests/tests.mk: `make test` builds the normal and the ASan/UBSan variant,
# then tests/run.sh runs the unit and integration suites against both.

UNIT_SRCS := $(wildcard tests/unit/unit_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/unit_%: tests/unit/unit_%.c $(VERIFIER_LIB) $(wildcard verifier/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(VERIFIER_LIB) $(LIBS) -lcmocka

# Test programs that talk to PostgreSQL, run by integration scripts.
TOOL_BINS += $(BUILD)/tests/prop_split
$(BUILD)/tests/prop_split: tests/tools/prop_split.c $(VERIFIER_LIB) $(wildcard verifier/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(VERIFIER_LIB) $(LIBS)

.PHONY: test-build
test-build: verifier $(UNIT_BINS) $(FUZZ_RUNNERS) $(TOOL_BINS)

test: deps
	$(MAKE) test-build
	$(MAKE) SANITIZE=address,undefined test-build
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    bash tests/run.sh build build-asan valgrind:build
