build2/obj/verifier/expected.o: verifier/expected.c verifier/db.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h \
 verifier/expected.h verifier/catalog.h verifier/model.h \
 verifier/scratch.h verifier/snapshot.h
verifier/db.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
verifier/expected.h:
verifier/catalog.h:
verifier/model.h:
verifier/scratch.h:
verifier/snapshot.h:
