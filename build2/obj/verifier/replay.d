build2/obj/verifier/replay.o: verifier/replay.c verifier/replay.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h \
 verifier/runner.h verifier/scratch.h
verifier/replay.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
verifier/runner.h:
verifier/scratch.h:
