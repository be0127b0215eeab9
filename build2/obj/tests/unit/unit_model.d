build2/obj/tests/unit/unit_model.o: tests/unit/unit_model.c \
 /work/wt-int/verifier/model.h /work/wt-int/verifier/util.h \
 /work/wt-int/verifier/pgtree.h
/work/wt-int/verifier/model.h:
/work/wt-int/verifier/util.h:
/work/wt-int/verifier/pgtree.h:
