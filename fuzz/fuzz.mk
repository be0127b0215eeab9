# fuzz/fuzz.mk: libFuzzer harnesses (fuzz/fuzz_<name>.c) and their corpora
# (fuzz/corpus/<name>/).  `make fuzz` runs each for FUZZ_SECONDS under
# clang's -fsanitize=fuzzer,address,undefined; `make test` runs each corpus
# once through fuzz/standalone.c in the normal and the ASan build.
# Harnesses of other modules add their name to FUZZ_TARGETS and, when they
# need more than libverifier, their objects to FUZZ_EXTRA_<name>.

FUZZ_TARGETS += sqlfile model http expected
# The apps' plain request code (apps/apps.mk) for the http harness.
$(BUILD)/obj/fuzz/fuzz_http.o: EXTRA_CFLAGS = -I$(TOP)/apps/common \
	$(APPS_PKG_CFLAGS)
FUZZ_EXTRA_http = $(APPS_PLAIN_OBJS) $(APPS_PKG_LIBS)
FUZZ_SRCS_http = $(APPS_PLAIN_SRCS) $(APPS_PKG_CFLAGS) $(APPS_PKG_LIBS)
$(BUILD)/tests/fuzzrun_http: $(APPS_PLAIN_OBJS)
# The expected-catalog harness draws models with the test's generator;
# VERIFIER_FUZZ_DB (a server URL) makes it compare with the server too.
$(BUILD)/obj/fuzz/fuzz_expected.o: EXTRA_CFLAGS = -I$(TOP)/tests/tools
FUZZ_EXTRA_expected = $(BUILD)/obj/tests/tools/gen_model.o
FUZZ_SRCS_expected = -I$(TOP)/tests/tools tests/tools/gen_model.c
$(BUILD)/tests/fuzzrun_expected: $(BUILD)/obj/tests/tools/gen_model.o
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build-fuzz
# Extra corpus folders of a harness, read as they are (the model loader's
# bad inputs are the model tests' fixtures, the SQL file reader's good ones
# the real migrations, each kept once).
FUZZ_CORPUS_model = tests/models/bad
FUZZ_CORPUS_sqlfile = $(wildcard migrations/*/)
FUZZ_CORPUS_expected = tests/expected

$(BUILD)/tests/fuzzrun_%: $(BUILD)/obj/fuzz/fuzz_%.o \
    $(BUILD)/obj/fuzz/standalone.o $(VERIFIER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/obj/fuzz/fuzz_$*.o \
	    $(BUILD)/obj/fuzz/standalone.o $(FUZZ_EXTRA_$*) $(VERIFIER_LIB) $(LIBS)

FUZZ_RUNNERS = $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzzrun_%)

.PHONY: fuzz fuzz-build
fuzz-build:
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) SANITIZE=address,undefined \
	    CFLAGS=-fsanitize=fuzzer-no-link $(FUZZ_BUILD)/libverifier.a
	@for t in $(FUZZ_TARGETS); do \
	    echo "clang fuzz/fuzz_$$t.c"; \
	    clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
	        $(PKG_CFLAGS) -I$(TOP)/verifier -I$(TOP)/apps/common \
	        -o $(FUZZ_BUILD)/fuzz_$$t fuzz/fuzz_$$t.c \
	        $$(case $$t in http) echo "$(FUZZ_SRCS_http)";; \
	            expected) echo "$(FUZZ_SRCS_expected)";; esac) \
	        $(FUZZ_BUILD)/libverifier.a $(LIBS) || exit 1; done

fuzz: deps fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	    mkdir -p .run/fuzz/$$t; \
	    echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	    $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	        -print_final_stats=1 .run/fuzz/$$t fuzz/corpus/$$t \
	        $$(case $$t in model) echo "$(FUZZ_CORPUS_model)";; \
	            sqlfile) echo "$(FUZZ_CORPUS_sqlfile)";; \
	            expected) echo "$(FUZZ_CORPUS_expected)";; esac) 2>&1 | \
	        grep -E '^(stat::number_of_executed_units|stat::new_units_added|==|SUMMARY)' ; \
	    test $${PIPESTATUS[0]} -eq 0; \
	done
