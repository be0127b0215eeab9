build2/obj/verifier/dump.o: verifier/dump.c verifier/compare.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/catalog.h \
 verifier/util.h verifier/diff.h verifier/snapshot.h verifier/model.h \
 verifier/problems.h verifier/sqlfile.h verifier/dump_int.h \
 verifier/dump.h verifier/scratch.h verifier/expected.h
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
verifier/dump_int.h:
verifier/dump.h:
verifier/scratch.h:
verifier/expected.h:
