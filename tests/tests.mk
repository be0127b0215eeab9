# tests/tests.mk: `make test` builds the normal and the ASan/UBSan variant,
# then tests/run.sh runs the unit and integration suites against both.
# Test tools of other modules live in their own fragments, included here.

# tests/unit/unit_*.c: cmocka tests, one program each (the apps' ones,
# unit_apps_*, are linked by apps/apps.mk).
UNIT_SRCS := $(wildcard tests/unit/unit_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/unit_%: $(BUILD)/obj/tests/unit/unit_%.o $(VERIFIER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(VERIFIER_LIB) $(LIBS) $(CMOCKA_LIBS)

# Test programs that talk to PostgreSQL, run by integration scripts.
TOOL_BINS += $(BUILD)/tests/prop_split
$(BUILD)/tests/prop_split: $(BUILD)/obj/tests/tools/prop_split.o $(VERIFIER_LIB)
	$(link_tool)

include tests/tools/models.mk
include tests/tools/expected.mk
include tests/schema/schema.mk

.PHONY: test-build
test-build: verifier $(UNIT_BINS) $(FUZZ_RUNNERS) $(TOOL_BINS)

test: deps
	$(MAKE) test-build
	$(MAKE) SANITIZE=address,undefined test-build
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    bash tests/run.sh build build-asan valgrind:build
