build2/obj/verifier/model_ext.o: verifier/model_ext.c \
 verifier/model_load.h verifier/model.h verifier/util.h \
 verifier/model_expr.h verifier/pgtree.h
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
