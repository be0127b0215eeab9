build2/obj/tests/unit/unit_diff.o: tests/unit/unit_diff.c \
 /work/wt-int/verifier/catalog.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h /work/wt-int/verifier/util.h \
 /work/wt-int/verifier/diff.h /work/wt-int/verifier/snapshot.h \
 /work/wt-int/verifier/catalog.h /work/wt-int/verifier/emit.h \
 /work/wt-int/verifier/diff.h /work/wt-int/verifier/snapshot.h
/work/wt-int/verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
/work/wt-int/verifier/util.h:
/work/wt-int/verifier/diff.h:
/work/wt-int/verifier/snapshot.h:
/work/wt-int/verifier/catalog.h:
/work/wt-int/verifier/emit.h:
/work/wt-int/verifier/diff.h:
/work/wt-int/verifier/snapshot.h:
