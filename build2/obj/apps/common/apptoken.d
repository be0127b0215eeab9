build2/obj/apps/common/apptoken.o: apps/common/apptoken.c \
 apps/common/apptoken.h /work/wt-int/verifier/util.h
apps/common/apptoken.h:
/work/wt-int/verifier/util.h:
