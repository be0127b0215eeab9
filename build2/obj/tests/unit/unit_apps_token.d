build2/obj/tests/unit/unit_apps_token.o: tests/unit/unit_apps_token.c \
 /work/wt-int/apps/common/apptoken.h
/work/wt-int/apps/common/apptoken.h:
