build2/obj/verifier/dump_grant.o: verifier/dump_grant.c verifier/dump.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/catalog.h \
 verifier/util.h verifier/model.h verifier/problems.h verifier/scratch.h
verifier/dump.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/catalog.h:
verifier/util.h:
verifier/model.h:
verifier/problems.h:
verifier/scratch.h:
