build2/obj/tests/tools/render_model.o: tests/tools/render_model.c \
 /work/wt-int/verifier/model.h /work/wt-int/verifier/util.h
/work/wt-int/verifier/model.h:
/work/wt-int/verifier/util.h:
