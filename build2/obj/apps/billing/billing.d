build2/obj/apps/billing/billing.o: apps/billing/billing.c \
 /work/wt-int/apps/common/appkore.h /work/wt-int/apps/common/appjson.h \
 /work/wt-int/verifier/util.h /work/wt-int/apps/common/appreq.h \
 /work/wt-int/apps/common/apptoken.h
/work/wt-int/apps/common/appkore.h:
/work/wt-int/apps/common/appjson.h:
/work/wt-int/verifier/util.h:
/work/wt-int/apps/common/appreq.h:
/work/wt-int/apps/common/apptoken.h:
