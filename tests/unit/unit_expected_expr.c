/*
 * unit_expected_expr.c: what expected_expr.c declines (the printed forms
 * themselves are proved against PostgreSQL by
 * tests/integration/25_expected_expr.sh), and that a decline leaves the
 * output alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "expected_expr.h"

static const struct xp_column cols[] = {
	{ "a", "integer", 0 },
	{ "n", "numeric(12,2)", 0 },
	{ "t", "text", 0 },
	{ "v", "character varying(10)", 0 },
	{ "c", "character(3)", 0 },
	{ "b", "boolean", 0 },
	{ "st", "billing.status", 'e' },
	{ "dm", "billing.code", 0 },
	{ "ts", "timestamp with time zone", 0 },
	{ "tl", "timestamp without time zone", 0 },
	{ "j", "json", 0 },
	{ "arr", "text[]", 0 },
	{ "ct", "text COLLATE \"C\"", 0 },
};

#define NCOLS	(sizeof(cols) / sizeof(cols[0]))

/* The default expr of a column of type, printed; NULL when declined. */
static const char *
dflt(const char *expr, const char *type, char kind)
{
	static struct vbuf	 b;
	static int		 init;
	struct xp_column	 col = { "x", type, kind };

	if (!init) {
		vbuf_init(&b);
		init = 1;
	}
	vbuf_reset(&b);
	vbuf_puts(&b, "<");
	if (!xp_default_col(expr, &col, NULL, &b)) {
		/* A decline leaves out as it was. */
		assert_string_equal(b.data, "<");
		return (NULL);
	}
	return (b.data + 1);
}

/* The check expr over cols, printed; NULL when declined. */
static const char *
chk(const char *expr)
{
	static struct vbuf	 b;
	static int		 init;

	if (!init) {
		vbuf_init(&b);
		init = 1;
	}
	vbuf_reset(&b);
	vbuf_puts(&b, "<");
	if (!xp_check(expr, cols, NCOLS, &b)) {
		assert_string_equal(b.data, "<");
		return (NULL);
	}
	return (b.data + 1);
}

static void
test_default_printed(void **state)
{
	assert_string_equal(dflt("0", "numeric(12,2)", 0), "0");
	assert_string_equal(dflt("-1", "bigint", 0), "'-1'::integer");
	assert_string_equal(dflt("'x'", "character varying(5)", 0),
	    "'x'::character varying");
	assert_string_equal(dflt("'a'", "billing.status", 'e'),
	    "'a'::billing.status");
	assert_string_equal(dflt("current_timestamp", "timestamp with time "
	    "zone", 0), "CURRENT_TIMESTAMP");
	assert_string_equal(dflt("nextval('Billing.\"Seq\"')", "bigint", 0),
	    "nextval('billing.\"Seq\"'::regclass)");
	assert_string_equal(dflt("'{}'", "jsonb", 0), "'{}'::jsonb");
}

static void
test_default_declines(void **state)
{
	static const char *const cases[][2] = {
		/* NULL stores no default at all. */
		{ "NULL", "integer" },
		/* Refused by the server. */
		{ "'x'", "integer" },
		{ "0", "boolean" },
		{ "'maybe'", "boolean" },
		{ "3000000000", "uuid" },
		{ "now()", "time without time zone" },
		{ "b", "integer" },
		/* Printed in a form of their own (normalised by the type's
		   output function, or by a setting). */
		{ "'05'", "integer" },
		{ "1e3", "numeric" },
		{ ".5", "numeric" },
		{ "'1.0'", "double precision" },
		{ "'123456.789'", "real" },
		{ "'1e20'", "double precision" },
		{ "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "uuid" },
		{ "'{\"a\":1}'", "jsonb" },
		{ "'{a, b}'", "text[]" },
		{ "'{NULL}'", "text[]" },
		{ "'a\\b'", "text" },
		{ "E'\\n'", "text" },
		{ "'2020-01-01'", "date" },
		{ "'2020-01-01'", "timestamp with time zone" },
		{ "'1 day'", "interval" },
		/* A type of the model's own that is not known to be an
		   enum (a domain's literal prints as its base type's). */
		{ "'a'", "billing.status" },
		/* nextval() of a name the search_path resolves. */
		{ "nextval('seq')", "bigint" },
		{ "nextval('pg_catalog.seq')", "bigint" },
		{ "nextval(\"seq\")", "bigint" },
		/* Not known here. */
		{ "2 ^ 2", "double precision" },
		{ "'a' || 'b'", "text" },
		{ "now() + interval '1 day'", "timestamp with time zone" },
		{ "'x'", "text COLLATE \"C\"" },
		{ "'x'", "char" },		/* the internal "char" */
		{ "'x'", "character(1,2)" },
		{ "0", "numeric(1,2,3)" },
		{ "0", "int(4)" },
		{ "'x'", "varchar(" },
		{ "'x'::varchar(3)", "character varying(3)" },
		{ "(SELECT 1)", "integer" },
		{ "CASE WHEN true THEN 1 END", "integer" },
		{ "current_user", "text" },
		{ "pg_catalog.version()", "text" },
		/* Not one expression. */
		{ "1, 2", "integer" },
		{ "", "integer" },
		{ "(1", "integer" },
		{ "1; DROP TABLE x", "integer" },
	};
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (dflt(cases[i][0], cases[i][1], 0) != NULL)
			fail_msg("printed %s for %s", dflt(cases[i][0],
			    cases[i][1], 0), cases[i][0]);
	assert_null(dflt(NULL, "integer", 0));
	assert_null(dflt("0", NULL, 0));
	assert_null(dflt("0", "no such type", 0));
}

static void
test_check_printed(void **state)
{
	struct vbuf	b;

	assert_string_equal(chk("n >= 0"), "(n >= (0)::numeric)");
	assert_string_equal(chk("v IN ('x', 'y')"), "((v)::text = ANY "
	    "((ARRAY['x'::character varying, 'y'::character varying])"
	    "::text[]))");
	assert_string_equal(chk("a > 0 or a < -5 and b"),
	    "((a > 0) OR ((a < '-5'::integer) AND b))");
	assert_string_equal(chk("st <> 'a'"), "(st <> 'a'::billing.status)");
	vbuf_init(&b);
	assert_int_equal(xp_check_def("b", cols, NCOLS, &b), 1);
	assert_string_equal(b.data, "CHECK (b)");
	vbuf_free(&b);
}

static void
test_check_declines(void **state)
{
	static const char *const cases[] = {
		"x > 0",		/* no such column */
		"tbl.a > 0",		/* qualified */
		"dm <> 'a'",		/* a domain (or unknown type) */
		"ct <> 'a'",		/* a collation of its own */
		"a",			/* not boolean */
		"a ^ 2 > 0",
		"@a > 0",
		"a || 1 <> ''",
		"b + 1 > 0",
		"ts + interval '1 day' > now()",
		"a BETWEEN SYMMETRIC 1 AND 10",
		"t LIKE 'x%' ESCAPE '!'",
		"t SIMILAR TO 'x'",
		"a IS DISTINCT FROM 1",
		"t IN ('x', t)",
		"v IN ('x', 'y'::text)",
		"t = lower(t) COLLATE \"C\"",
		"t ~ '\\d'",
		"a = NULL",
		"j = '{}'",
		"arr <> '{}'",
		"tl <= now()",		/* timestamp against timestamptz */
		"c = t",		/* character(n) against text */
		"lower(c) = t",
		"'a' = 'b'",
		"a = (SELECT 1)",
		"CASE WHEN a > 0 THEN true END",
		"n > 1e3",
		"length('x') > 0",
		"ts > '2020-01-01'",
		"a > 0 AND",
	};
	size_t	i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (chk(cases[i]) != NULL)
			fail_msg("printed %s for %s", chk(cases[i]), cases[i]);
	assert_null(chk(NULL));
}

static void
test_domain(void **state)
{
	struct xp_column	base = { NULL, "character varying(10)", 0 };
	struct vbuf		b;

	vbuf_init(&b);
	assert_int_equal(xp_domain_check("value <> ''", &base, 1, &b), 1);
	assert_string_equal(b.data, "CHECK (((VALUE)::text <> ''::text))");
	vbuf_reset(&b);
	/* Only VALUE: no column, no "VALUE" quoted. */
	assert_int_equal(xp_domain_check("x <> ''", &base, 0, &b), 0);
	assert_int_equal(xp_domain_check("\"VALUE\" <> ''", &base, 0, &b),
	    0);
	base.type = "billing.code";
	assert_int_equal(xp_domain_check("VALUE <> ''", &base, 0, &b), 0);
	assert_string_equal(b.data, "");
	vbuf_free(&b);
}

static void
test_index(void **state)
{
	struct vbuf	b;

	vbuf_init(&b);
	/* WHERE true stores no predicate. */
	assert_int_equal(xp_index_where("true", cols, NCOLS, &b), 0);
	assert_int_equal(xp_index_where("a > 0", cols, NCOLS, &b), 1);
	assert_string_equal(b.data, "(a > 0)");
	vbuf_reset(&b);
	assert_int_equal(xp_index_expr("lower(v)", cols, NCOLS, 1, &b), 1);
	assert_string_equal(b.data, "lower(v::text)");
	vbuf_reset(&b);
	assert_int_equal(xp_index_expr("lower(v)", cols, NCOLS, 0, &b), 1);
	assert_string_equal(b.data, "lower((v)::text)");
	vbuf_reset(&b);
	assert_int_equal(xp_index_expr("j->>'k'", cols, NCOLS, 0, &b), 1);
	assert_string_equal(b.data, "((j ->> 'k'::text))");
	vbuf_reset(&b);
	assert_int_equal(xp_index_expr("a", cols, NCOLS, 1, &b), 0);
	assert_int_equal(xp_index_expr("(j->>'k')::integer", cols, NCOLS, 1,
	    &b), 0);
	assert_int_equal(xp_index_expr("t || 'x'", cols, NCOLS, 1, &b), 0);
	assert_int_equal(xp_index_expr("lower(t || 'x')", cols, NCOLS, 1,
	    &b), 0);
	assert_int_equal(xp_index_expr("j->>-1", cols, NCOLS, 1, &b), 0);
	assert_int_equal(xp_index_expr("a->>'k'", cols, NCOLS, 1, &b), 0);
	assert_string_equal(b.data, "");
	vbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_printed),
		cmocka_unit_test(test_default_declines),
		cmocka_unit_test(test_check_printed),
		cmocka_unit_test(test_check_declines),
		cmocka_unit_test(test_domain),
		cmocka_unit_test(test_index),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
