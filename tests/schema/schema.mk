# tests/schema/schema.mk: test tools of the catalog/diff/emit work
# (included from tests/tests.mk); test-build builds them.

# catalog_sql: the catalog queries, for the benchmark's psql baseline.
TOOL_BINS += $(BUILD)/tests/catalog_sql
$(BUILD)/tests/catalog_sql: $(BUILD)/obj/tests/schema/catalog_sql.o $(VERIFIER_LIB)
	$(link_tool)

# expected_why: whether each model's expected catalog is built in memory.
TOOL_BINS += $(BUILD)/tests/expected_why
$(BUILD)/tests/expected_why: $(BUILD)/obj/tests/schema/expected_why.o $(VERIFIER_LIB)
	$(link_tool)
