build2/obj/fuzz/fuzz_http.o: fuzz/fuzz_http.c \
 /work/wt-int/apps/common/appjson.h /work/wt-int/verifier/util.h \
 /work/wt-int/apps/common/appreq.h /work/wt-int/apps/common/appjson.h \
 /work/wt-int/apps/common/apptoken.h
/work/wt-int/apps/common/appjson.h:
/work/wt-int/verifier/util.h:
/work/wt-int/apps/common/appreq.h:
/work/wt-int/apps/common/appjson.h:
/work/wt-int/apps/common/apptoken.h:
