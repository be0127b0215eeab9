build2/obj/tests/tools/prop_split.o: tests/tools/prop_split.c \
 /work/wt-int/verifier/db.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h /work/wt-int/verifier/util.h \
 /work/wt-int/verifier/sqlfile.h
/work/wt-int/verifier/db.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
/work/wt-int/verifier/util.h:
/work/wt-int/verifier/sqlfile.h:
