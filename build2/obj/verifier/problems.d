build2/obj/verifier/problems.o: verifier/problems.c verifier/problems.h \
 verifier/util.h
verifier/problems.h:
verifier/util.h:
