build2/obj/verifier/util.o: verifier/util.c verifier/pgtree.h \
 verifier/util.h
verifier/pgtree.h:
verifier/util.h:
