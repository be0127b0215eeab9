# apps/apps.mk: the kore apps (shared objects loaded by /usr/bin/kore) and
# their unit tests.  Included by the top GNUmakefile.
#
#   $(BUILD)/apps/auth.so, $(BUILD)/apps/billing.so
#   $(BUILD)/tests/unit_apps_*   (tests/unit/unit_apps_*.c, cmocka)

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
APPS_PLAIN_SRCS := \
	apps/common/appjson.c \
	apps/common/apperr.c \
	apps/common/appreq.c \
	apps/common/apptoken.c
APPS_COMMON_SRCS := $(APPS_PLAIN_SRCS) \
	apps/common/appkore.c

APPS_PLAIN_OBJS := $(APPS_PLAIN_SRCS:%.c=$(BUILD)/obj/%.o)
APPS_COMMON_OBJS := $(APPS_COMMON_SRCS:%.c=$(BUILD)/obj/%.o)

APPS_SOS := $(BUILD)/apps/auth.so $(BUILD)/apps/billing.so

.PHONY: apps
all: apps
apps: $(APPS_SOS)
test-build: apps

$(BUILD)/obj/apps/%.o: apps/%.c GNUmakefile apps/apps.mk
	@mkdir -p $(dir $@)
	$(CC) $(APPS_CFLAGS) -MMD -MP -c $< -o $@

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

# The apps' unit tests (tests/unit/unit_apps_*.c) see apps/common.
$(BUILD)/obj/tests/unit/unit_apps_%.o: EXTRA_CFLAGS = -I$(TOP)/apps/common \
	$(APPS_PKG_CFLAGS)
$(BUILD)/tests/unit_apps_%: $(BUILD)/obj/tests/unit/unit_apps_%.o \
    $(APPS_PLAIN_OBJS) $(VERIFIER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(APPS_PLAIN_OBJS) $(APPS_LIBS) \
	    $(CMOCKA_LIBS)
