build2/obj/apps/common/appkore.o: apps/common/appkore.c \
 apps/common/appkore.h apps/common/appjson.h /work/wt-int/verifier/util.h \
 apps/common/appreq.h apps/common/apptoken.h /work/wt-int/verifier/db.h \
 /work/wt-int/verifier/util.h /work/wt-int/verifier/runner.h
apps/common/appkore.h:
apps/common/appjson.h:
/work/wt-int/verifier/util.h:
apps/common/appreq.h:
apps/common/apptoken.h:
/work/wt-int/verifier/db.h:
/work/wt-int/verifier/util.h:
/work/wt-int/verifier/runner.h:
