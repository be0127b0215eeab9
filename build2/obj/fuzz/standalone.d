build2/obj/fuzz/standalone.o: fuzz/standalone.c \
 /work/wt-int/verifier/util.h
/work/wt-int/verifier/util.h:
