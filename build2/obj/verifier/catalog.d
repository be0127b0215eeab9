build2/obj/verifier/catalog.o: verifier/catalog.c verifier/catalog.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h verifier/db.h
verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
verifier/db.h:
