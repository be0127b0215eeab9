build2/obj/verifier/dump_constraint.o: verifier/dump_constraint.c \
 verifier/dump.h /usr/include/postgresql/libpq-fe.h \
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
