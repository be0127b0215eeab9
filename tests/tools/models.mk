# tests/tools/models.mk: test tools of the models work (included from
# tests/tests.mk).  test-build builds them.

TOOL_BINS += $(BUILD)/tests/render_model
$(BUILD)/tests/render_model: $(BUILD)/obj/tests/tools/render_model.o $(VERIFIER_LIB)
	$(link_tool)

# The model generator of the differential test (tests/integration/
# 30_diff_expected.sh); gen_model.o is shared with fuzz/fuzz_expected.c.
TOOL_BINS += $(BUILD)/tests/gen_models
$(BUILD)/tests/gen_models: $(BUILD)/obj/tests/tools/gen_models.o \
    $(BUILD)/obj/tests/tools/gen_model.o $(VERIFIER_LIB)
	$(link_tool)

# Whether a model's expected catalog is built in memory, and why not.
TOOL_BINS += $(BUILD)/tests/expected_probe
$(BUILD)/tests/expected_probe: $(BUILD)/obj/tests/tools/expected_probe.o \
    $(VERIFIER_LIB)
	$(link_tool)
