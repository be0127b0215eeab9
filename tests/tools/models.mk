# tests/tools/models.mk: test tools of the models work (included from
# tests/tests.mk).  test-build builds them.

TOOL_BINS += $(BUILD)/tests/render_model
$(BUILD)/tests/render_model: $(BUILD)/obj/tests/tools/render_model.o $(VERIFIER_LIB)
	$(link_tool)
