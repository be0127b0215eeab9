/*
 * unit_lint.c: lint.c without a database: which type changes rewrite a
 * table, new and existing tables across files, silences that reach one
 * statement only, lock_timeout values, positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lint.h"

#define BASE	"-- migrate:up\nCREATE TABLE s.t (id bigint PRIMARY KEY, " \
	"v varchar(10), w varchar, n numeric(10,2), i integer, ts " \
	"timestamptz(3), c char(3), a cidr, x text);\n"

/*
 * Lints text (file "m/2_x.sql") after the context file BASE; fills r.
 * Returns the number of findings.
 */
static size_t
lint_text(const char *text, struct lint_result *r)
{
	struct sqlfile	ctx, f;
	struct vf_error	err;

	memset(r, 0, sizeof(*r));
	assert_int_equal(sqlfile_parse("m/1_base.sql", BASE, strlen(BASE),
	    &ctx, &err), 0);
	assert_int_equal(sqlfile_parse("m/2_x.sql", text, strlen(text), &f,
	    &err), 0);
	assert_int_equal(lint_files("s", NULL, &ctx, 1, &f, 1, r, &err), 0);
	sqlfile_free(&ctx);
	sqlfile_free(&f);
	return (r->n);
}

/* One ALTER COLUMN ... TYPE: 1 when lint says it rewrites. */
static int
rewrites(const char *change)
{
	struct lint_result	r;
	char			text[512];
	size_t			i;
	int			n = 0;

	snprintf(text, sizeof(text), "-- migrate:up\nSET LOCAL lock_timeout "
	    "= '1s';\nALTER TABLE s.t ALTER COLUMN %s;\n", change);
	lint_text(text, &r);
	for (i = 0; i < r.n; i++)
		n += strcmp(r.v[i].rule, "type-rewrite") == 0;
	lint_result_free(&r);
	return (n);
}

static void
test_type_changes(void **state)
{
	assert_int_equal(rewrites("v TYPE varchar(20)"), 0);
	assert_int_equal(rewrites("v TYPE varchar(10)"), 0);
	assert_int_equal(rewrites("v TYPE varchar(5)"), 1);
	assert_int_equal(rewrites("v TYPE varchar"), 0);
	assert_int_equal(rewrites("v TYPE text"), 0);
	assert_int_equal(rewrites("v TYPE character varying(30)"), 0);
	assert_int_equal(rewrites("x TYPE varchar"), 0);
	assert_int_equal(rewrites("x TYPE varchar(5)"), 1);
	assert_int_equal(rewrites("w TYPE text"), 0);
	assert_int_equal(rewrites("n TYPE numeric(12,2)"), 0);
	assert_int_equal(rewrites("n TYPE decimal(12,2)"), 0);
	assert_int_equal(rewrites("n TYPE numeric"), 0);
	assert_int_equal(rewrites("n TYPE numeric(8,2)"), 1);
	assert_int_equal(rewrites("n TYPE numeric(12,3)"), 1);
	assert_int_equal(rewrites("i TYPE bigint"), 1);
	assert_int_equal(rewrites("i TYPE int4"), 0);
	assert_int_equal(rewrites("ts TYPE timestamptz(6)"), 0);
	assert_int_equal(rewrites("ts TYPE timestamp(3)"), 1);
	assert_int_equal(rewrites("c TYPE text"), 1);
	assert_int_equal(rewrites("a TYPE inet"), 0);
	assert_int_equal(rewrites("v TYPE text USING v::text"), 0);
	assert_int_equal(rewrites("v TYPE text USING lower(v)"), 1);
	assert_int_equal(rewrites("nosuch TYPE text"), 1);
}

static void
test_new_and_existing(void **state)
{
	struct lint_result	r;

	/* Made in the file: nothing; made by the earlier file: a finding. */
	assert_int_equal(lint_text("-- migrate:up\nSET LOCAL lock_timeout = "
	    "'1s';\nCREATE TABLE s.u (id bigint);\nCREATE INDEX ON s.u (id);\n"
	    "CREATE INDEX ON u (id);\nCREATE INDEX ON s.t (v);\n"
	    "CREATE INDEX ON other.t (v);\n", &r), 1);
	assert_string_equal(r.v[0].rule, "index-not-concurrent");
	assert_int_equal(r.v[0].line, 6);
	assert_int_equal(r.v[0].col, 1);
	assert_int_equal(r.v[0].severity, LINT_ERROR);
	assert_non_null(strstr(r.v[0].what, "s.t takes a SHARE lock"));
	assert_non_null(strstr(r.v[0].what, "(size unknown: no live database)"));
	assert_int_equal(r.nfiles, 1);
	assert_int_equal(r.nstmts, 6);
	lint_result_free(&r);
	/* A table no file made exists too. */
	assert_int_equal(lint_text("-- migrate:up\nSET LOCAL lock_timeout = "
	    "'1s';\nALTER TABLE s.elsewhere ADD CONSTRAINT k CHECK (a > 0);\n",
	    &r), 1);
	assert_string_equal(r.v[0].rule, "constraint-not-valid");
	lint_result_free(&r);
	/* Dropped then made again in the file: new. */
	assert_int_equal(lint_text("-- migrate:up\nSET LOCAL lock_timeout = "
	    "'1s';\n-- verifier:allow drop-table replaced below\n"
	    "DROP TABLE s.t;\nCREATE TABLE s.t (id int8 PRIMARY KEY);\n"
	    "CREATE INDEX ON s.t (id);\n", &r), 0);
	lint_result_free(&r);
}

static void
test_silences(void **state)
{
	struct lint_result	r;

	/* Two silences for one statement; the next one is not silenced. */
	assert_int_equal(lint_text("-- migrate:up\nSET LOCAL lock_timeout = "
	    "'1s';\n-- verifier:allow drop-column the code is gone\n"
	    "  --   verifier:allow rename-column   also gone\n"
	    "ALTER TABLE s.t DROP COLUMN x, ALTER COLUMN c TYPE text;"
	    " ALTER TABLE s.t DROP COLUMN w;\n", &r), 3);
	assert_string_equal(r.v[0].rule, "type-rewrite");
	assert_int_equal(r.v[0].line, 5);
	assert_string_equal(r.v[1].rule, "allow-unused");
	assert_int_equal(r.v[1].line, 4);
	assert_int_equal(r.v[1].col, 3);
	assert_string_equal(r.v[2].rule, "drop-column");
	assert_int_equal(r.v[2].line, 5);
	assert_int_equal(r.v[2].col, 58);
	assert_string_equal(r.v[2].what, "DROP COLUMN s.t.w: running code that "
	    "still reads or writes the column fails once it is gone");
	lint_result_free(&r);
	/* A silence cannot silence the silence rules. */
	assert_int_equal(lint_text("-- migrate:up\n-- verifier:allow "
	    "allow-unused why not\nSELECT 1;\n", &r), 1);
	assert_string_equal(r.v[0].rule, "allow-unknown-rule");
	lint_result_free(&r);
}

/* The lock-timeout finding of a file whose first line is set. */
static const char *
timeout_rule(const char *set, enum lint_severity *sev)
{
	static char		rule[64];
	struct lint_result	r;
	char			text[512];

	snprintf(text, sizeof(text), "-- migrate:up\n%s\nALTER TABLE s.t ADD "
	    "COLUMN z text;\n", set);
	rule[0] = '\0';
	*sev = 0;
	if (lint_text(text, &r) == 1) {
		snprintf(rule, sizeof(rule), "%s", r.v[0].rule);
		*sev = r.v[0].severity;
	}
	lint_result_free(&r);
	return (rule);
}

static void
test_lock_timeout(void **state)
{
	enum lint_severity	sev;

	assert_string_equal(timeout_rule("SELECT 1;", &sev), "lock-timeout");
	assert_int_equal(sev, LINT_WARNING);
	assert_string_equal(timeout_rule("SET lock_timeout TO 0;", &sev),
	    "lock-timeout");
	assert_int_equal(sev, LINT_ERROR);
	assert_string_equal(timeout_rule("SET lock_timeout = 4000;", &sev), "");
	assert_string_equal(timeout_rule("SET lock_timeout = '5 s';", &sev), "");
	assert_string_equal(timeout_rule("SET lock_timeout = '6s';", &sev),
	    "lock-timeout");
	assert_int_equal(sev, LINT_WARNING);
	assert_string_equal(timeout_rule("SET LOCAL lock_timeout = '1s'; "
	    "RESET lock_timeout;", &sev), "lock-timeout");
	assert_string_equal(timeout_rule("SELECT set_config('lock_timeout', "
	    "'250ms', true);", &sev), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_changes),
		cmocka_unit_test(test_new_and_existing),
		cmocka_unit_test(test_silences),
		cmocka_unit_test(test_lock_timeout),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
