build2/obj/tests/unit/unit_apps_json.o: tests/unit/unit_apps_json.c \
 /work/wt-int/apps/common/appjson.h /work/wt-int/verifier/util.h
/work/wt-int/apps/common/appjson.h:
/work/wt-int/verifier/util.h:
