build2/obj/tests/unit/unit_apps_req.o: tests/unit/unit_apps_req.c \
 /work/wt-int/apps/common/appreq.h /work/wt-int/apps/common/appjson.h \
 /work/wt-int/verifier/util.h
/work/wt-int/apps/common/appreq.h:
/work/wt-int/apps/common/appjson.h:
/work/wt-int/verifier/util.h:
