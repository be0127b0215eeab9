build2/obj/verifier/model_objects.o: verifier/model_objects.c \
 verifier/model_constraint.h verifier/model_load.h verifier/model.h \
 verifier/util.h verifier/model_expr.h verifier/pgtree.h \
 verifier/model_types.h
verifier/model_constraint.h:
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
verifier/model_types.h:
