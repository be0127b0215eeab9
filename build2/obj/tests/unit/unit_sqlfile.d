build2/obj/tests/unit/unit_sqlfile.o: tests/unit/unit_sqlfile.c \
 /work/wt-int/verifier/sqlfile.h /work/wt-int/verifier/util.h \
 /work/wt-int/verifier/util.h
/work/wt-int/verifier/sqlfile.h:
/work/wt-int/verifier/util.h:
/work/wt-int/verifier/util.h:
