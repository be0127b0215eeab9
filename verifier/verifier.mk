# verifier/verifier.mk: the verifier library (libverifier.a, also linked by
# the apps) and the verifier CLI.  Included by the top GNUmakefile.

# Library sources: every module but the CLI.  Keep the list explicit.
VERIFIER_SRCS := verifier/util.c verifier/db.c verifier/sqlfile.c \
	verifier/runner.c
# Modules of the models/diff work add themselves here.
-include verifier/verifier-models.mk

VERIFIER_OBJS := $(VERIFIER_SRCS:%.c=$(BUILD)/obj/%.o)
VERIFIER_LIB := $(BUILD)/libverifier.a
VERIFIER_CLI_SRCS := verifier/main.c verifier/cli.c $(VERIFIER_CLI_EXTRA)

.PHONY: verifier
verifier: $(BUILD)/verifier

$(BUILD)/obj/%.o: %.c $(wildcard verifier/*.h) GNUmakefile verifier/verifier.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(VERIFIER_LIB): $(VERIFIER_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# Linked beside and renamed into place: a test running the old binary
# never finds a half-written one.
$(BUILD)/verifier: $(VERIFIER_CLI_SRCS:%.c=$(BUILD)/obj/%.o) $(VERIFIER_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@.tmp $^ $(LIBS)
	mv -f $@.tmp $@
