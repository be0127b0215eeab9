build2/obj/verifier/cli.o: verifier/cli.c verifier/cli.h \
 verifier/catalog.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h verifier/model.h \
 verifier/problems.h verifier/scratch.h verifier/snapshot.h \
 verifier/diff.h
verifier/cli.h:
verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
verifier/model.h:
verifier/problems.h:
verifier/scratch.h:
verifier/snapshot.h:
verifier/diff.h:
