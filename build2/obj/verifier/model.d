build2/obj/verifier/model.o: verifier/model.c verifier/model.h \
 verifier/util.h verifier/model_constraint.h verifier/model_load.h \
 verifier/model_expr.h verifier/pgtree.h
verifier/model.h:
verifier/util.h:
verifier/model_constraint.h:
verifier/model_load.h:
verifier/model_expr.h:
verifier/pgtree.h:
