# verifier/verifier.mk: the verifier library (libverifier.a, also linked by
# the apps) and the verifier CLI.  Included by the top GNUmakefile.
# The lists are explicit, one file a line: add yours where it belongs.

# Library sources: every module but the CLI.
VERIFIER_SRCS := \
	verifier/util.c \
	verifier/db.c \
	verifier/sqlfile.c \
	verifier/runner.c \
	verifier/model.c \
	verifier/catalog.c \
	verifier/snapshot.c \
	verifier/diff.c \
	verifier/emit.c

# The CLI: main.c's command table and the commands.
VERIFIER_CLI_SRCS := \
	verifier/main.c \
	verifier/cli.c \
	verifier/cmd_schema.c

VERIFIER_OBJS := $(VERIFIER_SRCS:%.c=$(BUILD)/obj/%.o)
VERIFIER_LIB := $(BUILD)/libverifier.a

# The version, kept in VERSION alone: `verifier --version`.
VF_VERSION := $(shell cat VERSION)
$(BUILD)/obj/verifier/main.o: VERSION
$(BUILD)/obj/verifier/main.o: EXTRA_CFLAGS = -DVF_VERSION='"$(VF_VERSION)"'

.PHONY: verifier
verifier: $(BUILD)/verifier

$(VERIFIER_LIB): $(VERIFIER_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# Linked beside and renamed into place: a test running the old binary
# never finds a half-written one.
$(BUILD)/verifier: $(VERIFIER_CLI_SRCS:%.c=$(BUILD)/obj/%.o) $(VERIFIER_LIB)
	$(CC) $(ALL_LDFLAGS) -o $@.tmp $^ $(LIBS)
	mv -f $@.tmp $@
