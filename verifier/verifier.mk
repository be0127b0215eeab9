# verifier/verifier.mk: the verifier library (libverifier.a, also linked by
# the apps) and the verifier CLI.  Included by the top GNUmakefile.
# The lists are explicit, one file a line: add yours where it belongs.

# Layers, low to high; a module includes only headers of its own layer or
# below (the CLI is the only one that prints):
#   1. util, pgtree (libpg_query: the scanner quotes names), problems,
#      graph (nodes, edges, their order)
#   2. db, sqlfile, model (model_load, model_objects, model_storage,
#      model_constraint, model_domain, model_partition, model_names,
#      model_types, model_expr, model_render, model_yaml)
#   3. catalog, runner, scratch
#   4. snapshot
#   5. diff (diff_types, diff_partition), emit (emit_enum, emit_sequence,
#      emit_domain, emit_storage, emit_constraint, emit_partition,
#      emit_order: the statement groups sorted by graph)
#   6. expected, replay, compare, refs (refs: over pgtree)
#   7. draft, dump, move (move_cutover: over runner, compare, catalog)
#   8. the CLI: cli, cmd_diff, cmd_draft, cmd_check, cmd_dump, cmd_move, main

# Library sources: every module but the CLI.
VERIFIER_SRCS := \
	verifier/util.c \
	verifier/graph.c \
	verifier/problems.c \
	verifier/db.c \
	verifier/sqlfile.c \
	verifier/pgtree.c \
	verifier/pgtree_func.c \
	verifier/model.c \
	verifier/model_load.c \
	verifier/model_domain.c \
	verifier/model_objects.c \
	verifier/model_storage.c \
	verifier/model_view.c \
	verifier/model_function.c \
	verifier/model_trigger.c \
	verifier/model_constraint.c \
	verifier/model_names.c \
	verifier/model_types.c \
	verifier/model_expr.c \
	verifier/model_render.c \
	verifier/model_yaml.c \
	verifier/model_partition.c \
	verifier/model_grant.c \
	verifier/model_ext.c \
	verifier/model_policy.c \
	verifier/catalog.c \
	verifier/catalog_grant.c \
	verifier/catalog_ext.c \
	verifier/catalog_policy.c \
	verifier/catalog_trigger.c \
	verifier/runner.c \
	verifier/scratch.c \
	verifier/snapshot.c \
	verifier/diff.c \
	verifier/diff_types.c \
	verifier/diff_partition.c \
	verifier/diff_grant.c \
	verifier/diff_ext.c \
	verifier/diff_policy.c \
	verifier/diff_function.c \
	verifier/diff_trigger.c \
	verifier/emit.c \
	verifier/emit_order.c \
	verifier/emit_enum.c \
	verifier/emit_domain.c \
	verifier/emit_sequence.c \
	verifier/emit_view.c \
	verifier/emit_function.c \
	verifier/emit_trigger.c \
	verifier/emit_storage.c \
	verifier/emit_constraint.c \
	verifier/emit_online.c \
	verifier/emit_partition.c \
	verifier/emit_grant.c \
	verifier/emit_ext.c \
	verifier/emit_policy.c \
	verifier/expected.c \
	verifier/expected_cache.c \
	verifier/expected_split.c \
	verifier/expected_mem.c \
	verifier/expected_mem_type.c \
	verifier/expected_mem_con.c \
	verifier/expected_mem_grant.c \
	verifier/expected_mem_storage.c \
	verifier/expected_mem_policy.c \
	verifier/expected_mem_domain.c \
	verifier/expected_mem_seq.c \
	verifier/expected_mem_deps.c \
	verifier/expected_expr.c \
	verifier/expected_expr_type.c \
	verifier/replay.c \
	verifier/compare.c \
	verifier/refs.c \
	verifier/lint.c \
	verifier/lint_rules.c \
	verifier/lint_rules_alter.c \
	verifier/draft.c \
	verifier/dump.c \
	verifier/dump_constraint.c \
	verifier/dump_domain.c \
	verifier/dump_partition.c \
	verifier/dump_grant.c \
	verifier/dump_ext.c \
	verifier/dump_policy.c \
	verifier/dump_view.c \
	verifier/dump_function.c \
	verifier/dump_trigger.c
VERIFIER_SRCS += \
	verifier/picture.c \
	verifier/picture_change.c \
	verifier/picture_dot.c
VERIFIER_SRCS += verifier/move.c verifier/move_cutover.c

# The CLI: main.c's command table and the commands.
VERIFIER_CLI_SRCS := \
	verifier/main.c \
	verifier/cli.c \
	verifier/cmd_diff.c \
	verifier/cmd_draft.c \
	verifier/cmd_check.c \
	verifier/cmd_dump.c \
	verifier/cmd_lint.c
VERIFIER_CLI_SRCS += verifier/cmd_graph.c
VERIFIER_CLI_SRCS += verifier/cmd_move.c

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
