build2/obj/verifier/compare.o: verifier/compare.c verifier/compare.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/catalog.h \
 verifier/util.h verifier/diff.h verifier/snapshot.h verifier/model.h \
 verifier/problems.h verifier/sqlfile.h verifier/db.h
verifier/compare.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/catalog.h:
verifier/util.h:
verifier/diff.h:
verifier/snapshot.h:
verifier/model.h:
verifier/problems.h:
verifier/sqlfile.h:
verifier/db.h:
