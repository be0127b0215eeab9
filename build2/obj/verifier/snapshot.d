build2/obj/verifier/snapshot.o: verifier/snapshot.c verifier/snapshot.h \
 verifier/catalog.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h
verifier/snapshot.h:
verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
