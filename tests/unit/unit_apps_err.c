/*
 * unit_apps_err.c: the apps' one mapping of database failures to HTTP
 * statuses (apperr_map()) and its test of writing statements.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "apperr.h"

/* The status sqlstate gets, broken and write as given. */
static int
status_of(const char *sqlstate, int broken, int write)
{
	struct apperr	e;

	apperr_map(sqlstate, broken, write, &e);
	assert_non_null(e.code);
	assert_non_null(e.message);
	return (e.status);
}

/* apperr_map() gives status and code for sqlstate, broken and write. */
static void
expect(const char *sqlstate, int broken, int write, int status,
    const char *code)
{
	struct apperr	e;

	apperr_map(sqlstate, broken, write, &e);
	assert_int_equal(e.status, status);
	assert_string_equal(e.code, code);
}

static void
t_transient(void **state)
{
	static const char *const s[] = {
		"08000", "08003", "08006", "08001", "08P01", "57P01", "57P02",
		"57P03", "53300", "26000", "25006", "55P03", "40001", "40P01"
	};
	size_t		i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		assert_int_equal(status_of(s[i], 0, 0), 503);
		assert_int_equal(status_of(s[i], 0, 1), 503);
	}
	expect("57P01", 0, 1, 503, "database_unavailable");
	assert_string_equal(APPERR_RETRY_AFTER, "1");
}

static void
t_no_connection(void **state)
{
	/* No server answer at all, or a connection that broke. */
	expect(NULL, 0, 0, 503, "database_unavailable");
	expect(NULL, 1, 1, 503, "database_unavailable");
	/* A broken connection wins over whatever the state said. */
	expect("42P01", 1, 0, 503, "database_unavailable");
}

static void
t_privilege(void **state)
{
	/* The cutover's revoke: a write is paused; a read refused is a bug. */
	expect("42501", 0, 1, 503, "writes_paused");
	expect("42501", 0, 0, 500, "internal_error");
}

static void
t_values_and_bugs(void **state)
{
	expect("23505", 0, 1, 422, "invalid_value");
	assert_int_equal(status_of("22003", 0, 1), 422);
	assert_int_equal(status_of("42P01", 0, 0), 500);
	assert_int_equal(status_of("42601", 0, 1), 500);
	assert_int_equal(status_of("40002", 0, 1), 500);
	assert_int_equal(status_of("55000", 0, 1), 500);
	assert_int_equal(status_of("57014", 0, 0), 500);
	assert_int_equal(status_of("", 0, 0), 500);
}

static void
t_is_write(void **state)
{
	assert_int_equal(apperr_is_write("INSERT INTO t VALUES ($1)"), 1);
	assert_int_equal(apperr_is_write("update t set a = 1"), 1);
	assert_int_equal(apperr_is_write("WITH x AS (SELECT 1), p AS "
	    "(Delete FROM t RETURNING *) SELECT * FROM p"), 1);
	assert_int_equal(apperr_is_write("MERGE INTO t USING s ON true "
	    "WHEN MATCHED THEN DO NOTHING"), 1);
	assert_int_equal(apperr_is_write("SELECT a FROM t WHERE b = $1"), 0);
	assert_int_equal(apperr_is_write("SELECT updated_at, insert_id "
	    "FROM t"), 0);
	assert_int_equal(apperr_is_write("SELECT 'INSERT', \"update\" "
	    "FROM t -- delete\n/* merge */"), 0);
	assert_int_equal(apperr_is_write("SELECT 'unterminated"), 0);
	assert_int_equal(apperr_is_write("SELECT 1 /* open"), 0);
	assert_int_equal(apperr_is_write(""), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_transient),
		cmocka_unit_test(t_no_connection),
		cmocka_unit_test(t_privilege),
		cmocka_unit_test(t_values_and_bugs),
		cmocka_unit_test(t_is_write),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
