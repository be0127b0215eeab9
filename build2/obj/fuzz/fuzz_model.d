build2/obj/fuzz/fuzz_model.o: fuzz/fuzz_model.c \
 /work/wt-int/verifier/model.h /work/wt-int/verifier/util.h
/work/wt-int/verifier/model.h:
/work/wt-int/verifier/util.h:
