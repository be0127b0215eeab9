build2/obj/verifier/model_domain.o: verifier/model_domain.c \
 verifier/model_load.h verifier/model.h verifier/util.h \
 verifier/model_expr.h verifier/pgtree.h verifier/model_types.h
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
verifier/model_types.h:
