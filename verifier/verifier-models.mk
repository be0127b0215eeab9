# verifier/verifier-models.mk: the modules of the models/diff work (issue 3),
# included by verifier/verifier.mk.  Shared: append your own lines.
VERIFIER_SRCS += verifier/model.c verifier/model_load.c \
	verifier/model_objects.c verifier/model_names.c verifier/model_types.c \
	verifier/model_expr.c verifier/model_render.c verifier/model_yaml.c \
	verifier/pgtree.c
-include tests/tools/models.mk
VERIFIER_SRCS += verifier/catalog.c verifier/snapshot.c verifier/diff.c \
	verifier/emit.c
VERIFIER_CLI_EXTRA += verifier/cmd_schema.c
-include tests/schema/schema.mk
