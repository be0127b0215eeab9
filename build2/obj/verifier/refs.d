build2/obj/verifier/refs.o: verifier/refs.c verifier/pgtree.h \
 verifier/util.h verifier/refs.h verifier/problems.h verifier/sqlfile.h
verifier/pgtree.h:
verifier/util.h:
verifier/refs.h:
verifier/problems.h:
verifier/sqlfile.h:
