build2/obj/verifier/model_types.o: verifier/model_types.c \
 verifier/model_types.h verifier/model.h verifier/util.h
verifier/model_types.h:
verifier/model.h:
verifier/util.h:
