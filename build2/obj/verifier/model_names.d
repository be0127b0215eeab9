build2/obj/verifier/model_names.o: verifier/model_names.c \
 verifier/model_expr.h verifier/model.h verifier/util.h verifier/pgtree.h \
 verifier/model_names.h
verifier/model_expr.h:
verifier/model.h:
verifier/util.h:
verifier/pgtree.h:
verifier/model_names.h:
