build2/obj/verifier/model_yaml.o: verifier/model_yaml.c \
 verifier/model_load.h verifier/model.h verifier/util.h \
 verifier/model_expr.h verifier/pgtree.h verifier/model_names.h
verifier/model_load.h:
verifier/model.h:
verifier/util.h:
verifier/model_expr.h:
verifier/pgtree.h:
verifier/model_names.h:
