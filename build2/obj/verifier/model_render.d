build2/obj/verifier/model_render.o: verifier/model_render.c \
 verifier/model.h verifier/util.h
verifier/model.h:
verifier/util.h:
