build2/obj/tests/unit/unit_schema_lib.o: tests/unit/unit_schema_lib.c \
 /work/wt-int/verifier/compare.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h /work/wt-int/verifier/catalog.h \
 /work/wt-int/verifier/util.h /work/wt-int/verifier/diff.h \
 /work/wt-int/verifier/snapshot.h /work/wt-int/verifier/model.h \
 /work/wt-int/verifier/problems.h /work/wt-int/verifier/sqlfile.h \
 /work/wt-int/verifier/draft.h /work/wt-int/verifier/scratch.h \
 /work/wt-int/verifier/problems.h /work/wt-int/verifier/refs.h \
 /work/wt-int/verifier/replay.h /work/wt-int/verifier/sqlfile.h \
 /work/wt-int/verifier/util.h
/work/wt-int/verifier/compare.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
/work/wt-int/verifier/catalog.h:
/work/wt-int/verifier/util.h:
/work/wt-int/verifier/diff.h:
/work/wt-int/verifier/snapshot.h:
/work/wt-int/verifier/model.h:
/work/wt-int/verifier/problems.h:
/work/wt-int/verifier/sqlfile.h:
/work/wt-int/verifier/draft.h:
/work/wt-int/verifier/scratch.h:
/work/wt-int/verifier/problems.h:
/work/wt-int/verifier/refs.h:
/work/wt-int/verifier/replay.h:
/work/wt-int/verifier/sqlfile.h:
/work/wt-int/verifier/util.h:
