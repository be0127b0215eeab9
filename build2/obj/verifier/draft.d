build2/obj/verifier/draft.o: verifier/draft.c verifier/compare.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/catalog.h \
 verifier/util.h verifier/diff.h verifier/snapshot.h verifier/model.h \
 verifier/problems.h verifier/sqlfile.h verifier/draft.h \
 verifier/scratch.h verifier/replay.h
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
verifier/draft.h:
verifier/scratch.h:
verifier/replay.h:
