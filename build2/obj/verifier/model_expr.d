build2/obj/verifier/model_expr.o: verifier/model_expr.c \
 verifier/model_expr.h verifier/model.h verifier/util.h verifier/pgtree.h
verifier/model_expr.h:
verifier/model.h:
verifier/util.h:
verifier/pgtree.h:
