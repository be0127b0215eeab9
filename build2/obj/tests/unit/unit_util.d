build2/obj/tests/unit/unit_util.o: tests/unit/unit_util.c \
 /work/wt-int/verifier/util.h
/work/wt-int/verifier/util.h:
