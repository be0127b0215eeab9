build2/obj/apps/common/appjson.o: apps/common/appjson.c \
 apps/common/appjson.h /work/wt-int/verifier/util.h
apps/common/appjson.h:
/work/wt-int/verifier/util.h:
