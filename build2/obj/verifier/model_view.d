build2/obj/verifier/model_view.o: verifier/model_view.c \
 verifier/model_load.h verifier/model.h verifier/util.h \
 verifier/model_expr.h verifier/pgtree.h
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
