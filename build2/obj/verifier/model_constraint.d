build2/obj/verifier/model_constraint.o: verifier/model_constraint.c \
 verifier/model_constraint.h verifier/model_load.h verifier/model.h \
 verifier/util.h verifier/model_expr.h verifier/pgtree.h
verifier/model_constraint.h:
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
