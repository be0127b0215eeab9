# tests/tools/expected.mk: the test tools of the expected catalog's
# differential test (included from tests/tests.mk); test-build builds them.

# The model generator of the differential test (tests/integration/
# 30_diff_expected.sh); gen_model.o is shared with fuzz/fuzz_expected.c.
TOOL_BINS += $(BUILD)/tests/gen_models
$(BUILD)/tests/gen_models: $(BUILD)/obj/tests/tools/gen_models.o \
    $(BUILD)/obj/tests/tools/gen_model.o $(VERIFIER_LIB)
	$(link_tool)
