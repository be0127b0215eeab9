# tests/tools/models.mk: test tools of the models work (included from
# verifier/verifier-models.mk).  test-build builds them.

$(BUILD)/tests/render_model: tests/tools/render_model.c $(BUILD)/libverifier.a $(wildcard verifier/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libverifier.a $(LIBS)

test-build: $(BUILD)/tests/render_model
