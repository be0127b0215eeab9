/*
 * unit_cache.c: the bound of the expected catalog's cache
 * (expected_cache_trim): the least recently used files go first, the
 * newest stays, and files that are not caches are left alone.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "expected.h"

static char	dir[PATH_MAX];

/* Writes dir/name with size bytes, last used at t (seconds). */
static void
put(const char *name, size_t size, time_t t)
{
	struct timespec	ts[2];
	char		path[PATH_MAX + 64];
	FILE		*f;
	size_t		i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	for (i = 0; i < size; i++)
		fputc('x', f);
	fclose(f);
	ts[0].tv_sec = ts[1].tv_sec = t;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static int
exists(const char *name)
{
	char	path[PATH_MAX + 64];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return (access(path, F_OK) == 0);
}

static int
setup(void **state)
{
	snprintf(dir, sizeof(dir), "/tmp/unit_cache.XXXXXX");
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	char	cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
test_trim_count(void **state)
{
	char	name[32];
	int	i;

	for (i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "f%d.sqlite", i);
		put(name, 10, 1000000 + i);
	}
	put("notes.txt", 10, 1);
	expected_cache_trim(dir, 4, 1 << 20);
	for (i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "f%d.sqlite", i);
		assert_int_equal(exists(name), i >= 6);
	}
	assert_true(exists("notes.txt"));
}

static void
test_trim_bytes(void **state)
{
	put("a.sqlite", 100, 2000000);
	put("b.sqlite", 100, 2000001);
	put("c.sqlite", 100, 2000002);
	expected_cache_trim(dir, 100, 250);
	assert_false(exists("a.sqlite"));
	assert_true(exists("b.sqlite"));
	assert_true(exists("c.sqlite"));
	/* The newest stays even when it alone is over the bound. */
	put("d.sqlite", 1000, 2000003);
	expected_cache_trim(dir, 100, 250);
	assert_true(exists("d.sqlite"));
	assert_false(exists("b.sqlite"));
	assert_false(exists("c.sqlite"));
}

static void
test_touch(void **state)
{
	char	path[PATH_MAX + 64];

	put("old.sqlite", 10, 3000000);
	put("new.sqlite", 10, 3000001);
	snprintf(path, sizeof(path), "%s/old.sqlite", dir);
	expected_cache_touch(path);	/* now the newest */
	expected_cache_trim(dir, 1, 1 << 20);
	assert_true(exists("old.sqlite"));
	assert_false(exists("new.sqlite"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_trim_count, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_trim_bytes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_touch, setup, teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
