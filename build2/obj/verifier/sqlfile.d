build2/obj/verifier/sqlfile.o: verifier/sqlfile.c verifier/sqlfile.h \
 verifier/util.h
verifier/sqlfile.h:
verifier/util.h:
