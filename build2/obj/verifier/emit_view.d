build2/obj/verifier/emit_view.o: verifier/emit_view.c verifier/emit_int.h \
 verifier/emit.h verifier/diff.h verifier/snapshot.h verifier/catalog.h \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h verifier/util.h
verifier/emit_int.h:
verifier/emit.h:
verifier/diff.h:
verifier/snapshot.h:
verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
verifier/util.h:
