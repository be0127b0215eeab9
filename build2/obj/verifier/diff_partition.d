build2/obj/verifier/diff_partition.o: verifier/diff_partition.c \
 verifier/diff_int.h verifier/diff.h verifier/snapshot.h \
 verifier/catalog.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h
verifier/diff_int.h:
verifier/diff.h:
verifier/snapshot.h:
verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
