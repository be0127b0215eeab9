# verifier/verifier-models.mk: the modules of the models/diff work (issue 3),
# included by verifier/verifier.mk.  Shared: append your own lines.
#
# Layers, low to high; a module includes only headers of its own layer or
# below (the CLI is the only one that prints):
#   1. util, problems
#   2. db, sqlfile, model
#   3. catalog, runner, scratch
#   4. snapshot
#   5. diff, emit
#   6. expected, replay, compare, refs
#   7. draft, dump
#   8. the CLI: cli, cmd_diff, cmd_draft, cmd_check, cmd_dump, main
VERIFIER_SRCS += verifier/model.c
-include tests/tools/models.mk
VERIFIER_SRCS += verifier/catalog.c verifier/snapshot.c verifier/diff.c \
	verifier/emit.c
VERIFIER_SRCS += verifier/problems.c verifier/scratch.c verifier/expected.c \
	verifier/replay.c verifier/compare.c verifier/refs.c verifier/draft.c \
	verifier/dump.c
VERIFIER_CLI_EXTRA += verifier/cmd_diff.c verifier/cmd_draft.c \
	verifier/cmd_check.c verifier/cmd_dump.c
-include tests/schema/schema.mk
