build2/obj/apps/auth/auth.o: apps/auth/auth.c \
 /work/wt-int/apps/common/appkore.h /work/wt-int/apps/common/appjson.h \
 /work/wt-int/verifier/util.h /work/wt-int/apps/common/appreq.h \
 /work/wt-int/apps/common/apptoken.h
/work/wt-int/apps/common/appkore.h:
/work/wt-int/apps/common/appjson.h:
/work/wt-int/verifier/util.h:
/work/wt-int/apps/common/appreq.h:
/work/wt-int/apps/common/apptoken.h:
