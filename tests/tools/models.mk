# tests/tools/models.mk: test tools of the models work (included from
# tests/tests.mk).  test-build builds them.

TOOL_BINS += $(BUILD)/tests/render_model
$(BUILD)/tests/render_model: $(BUILD)/obj/tests/tools/render_model.o $(VERIFIER_LIB)
	$(link_tool)

# xp_print: expected_expr.h's printed forms, for 25_expected_expr.sh.
TOOL_BINS += $(BUILD)/tests/xp_print
$(BUILD)/tests/xp_print: $(BUILD)/obj/tests/tools/xp_print.o $(VERIFIER_LIB)
	$(link_tool)
