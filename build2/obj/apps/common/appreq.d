build2/obj/apps/common/appreq.o: apps/common/appreq.c \
 apps/common/appreq.h apps/common/appjson.h /work/wt-int/verifier/util.h
apps/common/appreq.h:
apps/common/appjson.h:
/work/wt-int/verifier/util.h:
