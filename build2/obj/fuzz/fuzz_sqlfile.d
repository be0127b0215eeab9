build2/obj/fuzz/fuzz_sqlfile.o: fuzz/fuzz_sqlfile.c \
 /work/wt-int/verifier/sqlfile.h /work/wt-int/verifier/util.h
/work/wt-int/verifier/sqlfile.h:
/work/wt-int/verifier/util.h:
