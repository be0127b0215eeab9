# tests/schema/schema.mk: test tools of the catalog/diff/emit work
# (included from verifier/verifier-models.mk); test-build builds them.

# catalog_sql: the catalog queries, for the benchmark's psql baseline.
$(BUILD)/tests/catalog_sql: tests/schema/catalog_sql.c $(BUILD)/libverifier.a $(wildcard verifier/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libverifier.a $(LIBS)

test-build: $(BUILD)/tests/catalog_sql
