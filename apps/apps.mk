# apps/apps.mk: the kore apps (shared objects loaded by /usr/bin/kore) and
# their unit tests.  Included by the top GNUmakefile.
#
#   $(BUILD)/apps/auth.so, $(BUILD)/apps/billing.so
#   $(BUILD)/tests/unit_apps_*   (cmocka, run by tests/run.sh)

KORE_FEATURES := $(shell cat /usr/share/kore/features 2>/dev/null)
# Request bodies with jansson, tokens and passwords with libsodium.  The
# apps' own code uses no OpenSSL; libcrypto comes in through libverifier
# (SHA-256 of the migration files the apps apply at start).
APPS_PKGS := jansson libsodium
APPS_PKG_CFLAGS := $(shell pkg-config --cflags $(APPS_PKGS) 2>/dev/null)
APPS_PKG_LIBS := $(shell pkg-config --libs $(APPS_PKGS) 2>/dev/null)
APPS_CFLAGS = $(ALL_CFLAGS) $(APPS_PKG_CFLAGS) $(KORE_FEATURES) \
	-I$(TOP)/apps/common
APPS_LIBS = $(VERIFIER_LIB) $(LIBS) $(APPS_PKG_LIBS)

# The .so files are linked aside and renamed: a running kore keeps its
# mapping of the old file instead of reading a half-written one.

# Plain modules (no kore): also linked into the unit tests.
APPS_PLAIN_SRCS := apps/common/appjson.c apps/common/appreq.c \
	apps/common/apptoken.c
APPS_COMMON_SRCS := $(APPS_PLAIN_SRCS) apps/common/appkore.c
APPS_HDRS := $(wildcard apps/common/*.h) $(wildcard verifier/*.h)

APPS_PLAIN_OBJS := $(APPS_PLAIN_SRCS:%.c=$(BUILD)/obj/%.o)
APPS_COMMON_OBJS := $(APPS_COMMON_SRCS:%.c=$(BUILD)/obj/%.o)

APPS_SOS := $(BUILD)/apps/auth.so $(BUILD)/apps/billing.so

APPS_UNIT_SRCS := $(wildcard apps/tests/unit_apps_*.c)
APPS_UNIT_BINS := $(APPS_UNIT_SRCS:apps/tests/%.c=$(BUILD)/tests/%)

.PHONY: apps
all: apps
apps: $(APPS_SOS)
test-build: apps $(APPS_UNIT_BINS)

$(BUILD)/obj/apps/%.o: apps/%.c $(APPS_HDRS) apps/apps.mk GNUmakefile
	@mkdir -p $(dir $@)
	$(CC) $(APPS_CFLAGS) -c $< -o $@

$(BUILD)/apps/auth.so: $(BUILD)/obj/apps/auth/auth.o $(APPS_COMMON_OBJS) \
    $(VERIFIER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -shared -o $@.tmp $< $(APPS_COMMON_OBJS) $(APPS_LIBS)
	mv -f $@.tmp $@

$(BUILD)/apps/billing.so: $(BUILD)/obj/apps/billing/billing.o \
    $(APPS_COMMON_OBJS) $(VERIFIER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -shared -o $@.tmp $< $(APPS_COMMON_OBJS) $(APPS_LIBS)
	mv -f $@.tmp $@

$(BUILD)/tests/unit_apps_%: apps/tests/unit_apps_%.c $(APPS_PLAIN_OBJS) \
    $(VERIFIER_LIB) $(APPS_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(APPS_PKG_CFLAGS) -I$(TOP)/apps/common \
	    $(ALL_LDFLAGS) -o $@ $< \
	    $(APPS_PLAIN_OBJS) $(APPS_LIBS) -lcmocka
