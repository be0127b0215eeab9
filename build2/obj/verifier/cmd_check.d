build2/obj/verifier/cmd_check.o: verifier/cmd_check.c verifier/cli.h \
 verifier/catalog.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h verifier/model.h \
 verifier/problems.h verifier/scratch.h verifier/snapshot.h \
 verifier/cmd_schema.h verifier/compare.h verifier/diff.h \
 verifier/sqlfile.h verifier/db.h verifier/expected.h verifier/refs.h \
 verifier/replay.h
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
verifier/cmd_schema.h:
verifier/compare.h:
verifier/diff.h:
verifier/sqlfile.h:
verifier/db.h:
verifier/expected.h:
verifier/refs.h:
verifier/replay.h:
