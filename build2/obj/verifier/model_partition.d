build2/obj/verifier/model_partition.o: verifier/model_partition.c \
 verifier/model_load.h verifier/model.h verifier/util.h \
 verifier/model_expr.h verifier/pgtree.h
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
