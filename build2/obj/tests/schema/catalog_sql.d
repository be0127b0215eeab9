build2/obj/tests/schema/catalog_sql.o: tests/schema/catalog_sql.c \
 /work/wt-int/verifier/catalog.h /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h /work/wt-int/verifier/util.h
/work/wt-int/verifier/catalog.h:
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
/work/wt-int/verifier/util.h:
