build2/obj/verifier/pgtree.o: verifier/pgtree.c verifier/pgtree.h \
 verifier/util.h
verifier/pgtree.h:
verifier/util.h:
