/*
 * unit_sqlfile.c: the migration file parser and statement splitter, on
 * nasty inputs, with exact error messages; and the identifier quoting
 * that every name reaching SQL goes through.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sqlfile.h"
#include "util.h"

static int
parse(const char *text, struct sqlfile *f, struct vf_error *err)
{
	vf_error_clear(err);
	return (sqlfile_parse("m/1_x.sql", text, strlen(text), f, err));
}

/* The text of statement i of section sec, NUL-terminated (static buffer). */
static const char *
stmt(const struct sqlfile *f, const struct sqlfile_section *sec, size_t i)
{
	static char	buf[4096];

	assert_true(i < sec->nstmts);
	snprintf(buf, sizeof(buf), "%.*s", (int)sec->stmts[i].len,
	    f->text + sec->stmts[i].off);
	return (buf);
}

static void
test_basic(void **state)
{
	struct sqlfile	f;
	struct vf_error	err;

	assert_int_equal(parse("-- migrate:up\nCREATE TABLE t (a int);\n"
	    "INSERT INTO t VALUES (1);\n-- migrate:down\nDROP TABLE t;\n",
	    &f, &err), 0);
	assert_true(f.up.present);
	assert_true(f.up.transaction);
	assert_int_equal(f.up.nstmts, 2);
	assert_string_equal(stmt(&f, &f.up, 0), "CREATE TABLE t (a int)");
	assert_int_equal(f.up.stmts[0].line, 2);
	assert_string_equal(stmt(&f, &f.up, 1), "INSERT INTO t VALUES (1)");
	assert_int_equal(f.up.stmts[1].line, 3);
	assert_int_equal(f.down.nstmts, 1);
	assert_int_equal(f.down.marker_line, 4);
	assert_string_equal(stmt(&f, &f.down, 0), "DROP TABLE t");
	assert_int_equal(strlen(f.checksum), 64);
	sqlfile_free(&f);
}

static void
test_dollar_quotes(void **state)
{
	struct sqlfile	f;
	struct vf_error	err;

	assert_int_equal(parse("-- migrate:up\n"
	    "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\n"
	    "BEGIN\n  PERFORM 1; PERFORM 2;\n-- migrate:down\n"
	    "  RETURN $x$;$x$::int;\nEND\n$body$;\n"
	    "SELECT 1;\n-- migrate:down\nDROP FUNCTION f();\n", &f, &err), 0);
	assert_int_equal(f.up.nstmts, 2);
	assert_int_equal(f.up.stmts[1].line, 9);
	assert_string_equal(stmt(&f, &f.up, 1), "SELECT 1");
	assert_int_equal(f.down.marker_line, 10);
	sqlfile_free(&f);
}

static void
test_e_strings_and_comments(void **state)
{
	struct sqlfile	f;
	struct vf_error	err;

	assert_int_equal(parse("/* header /* nested; */ still; */\n"
	    "-- just a comment; with a semicolon\n"
	    "-- migrate:up\n"
	    "SELECT E'it\\'s; fine';\n"
	    "/* a comment\n-- migrate:down\n /* nested */ */\n"
	    "SELECT 'a\n-- migrate:down\n';\n"
	    "SELECT \"odd;\n-- migrate:down\nname\" FROM (SELECT 1 AS \"odd;\n"
	    "-- migrate:down\nname\") s;\n",
	    &f, &err), 0);
	assert_false(f.down.present);
	assert_int_equal(f.up.nstmts, 3);
	assert_string_equal(stmt(&f, &f.up, 0), "SELECT E'it\\'s; fine'");
	assert_int_equal(f.up.stmts[1].line, 8);
	assert_string_equal(stmt(&f, &f.up, 1), "SELECT 'a\n-- migrate:down\n'");
	sqlfile_free(&f);
}

static void
test_transaction_false(void **state)
{
	struct sqlfile	f;
	struct vf_error	err;

	assert_int_equal(parse("-- migrate:up transaction:false\n"
	    "CREATE INDEX CONCURRENTLY i ON t (a);\n"
	    "-- migrate:down transaction:false\n"
	    "DROP INDEX CONCURRENTLY i;\n", &f, &err), 0);
	assert_false(f.up.transaction);
	assert_false(f.down.transaction);
	sqlfile_free(&f);
}

static void
expect_error(const char *text, int line, int col, const char *msg)
{
	struct sqlfile	f;
	struct vf_error	err;

	assert_int_equal(parse(text, &f, &err), -1);
	assert_int_equal(err.code, VF_EXIT_USAGE);
	assert_string_equal(err.file, "m/1_x.sql");
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.col, col);
	assert_null(f.text);
}

#define NO_UP	"no '-- migrate:up' section: expected a line " \
		"'-- migrate:up' before the statements"

/* Each bad file: its text, the line and column and the message. */
static const struct {
	const char	*text;
	int		 line, col;
	const char	*msg;
} bad_files[] = {
	{ "CREATE TABLE t (a int);\n", 0, 0, NO_UP },
	{ "", 0, 0, NO_UP },
	{ "SELECT 1;\n-- migrate:up\nSELECT 2;\n", 1, 1,
	  "statement before the first section marker: expected "
	  "'-- migrate:up' first" },
	{ "-- migrate:up\nSELECT 1;\n\nSELECT 'a' FRM t;\n", 4, 16,
	  "up section does not parse: syntax error at or near \"t\"" },
	{ "-- migrate:up\nSELECT 1;\n-- migrate:down\nDROP TABL t;\n", 4, 6,
	  "down section does not parse: syntax error at or near \"TABL\"" },
	{ "-- migrate:up\nSELECT 'open;\n", 2, 8,
	  "up section does not parse: unterminated quoted string at or "
	  "near \"'open;\n\"" },
	{ "-- migrate:sideways\nSELECT 1;\n", 1, 12,
	  "unknown section 'sideways': expected '-- migrate:up' or "
	  "'-- migrate:down'" },
	{ "-- migrate:up transaction:maybe\nSELECT 1;\n", 1, 15,
	  "unknown option 'transaction:maybe' on a section marker: "
	  "expected 'transaction:false'" },
	{ "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n", 3, 1,
	  "second '-- migrate:up' section (the first is on line 1): "
	  "expected one of each" },
	{ "-- migrate:up\n-- nothing\n-- migrate:down\nSELECT 1;\n", 1, 1,
	  "the up section has no statement" },
	{ "-- migrate:up\nSELECT '\xe9t\xe9';\n", 2, 9,
	  "invalid UTF-8 byte 0xe9: expected UTF-8 text" },
};

static void
test_errors(void **state)
{
	size_t	i;

	for (i = 0; i < sizeof(bad_files) / sizeof(bad_files[0]); i++)
		expect_error(bad_files[i].text, bad_files[i].line,
		    bad_files[i].col, bad_files[i].msg);
}

static void
test_utf8_positions(void **state)
{
	/* Positions count characters; é is two bytes and one column. */
	expect_error("-- migrate:up\nSELECT 'é' FRM t;\n", 2, 16,
	    "up section does not parse: syntax error at or near \"t\"");
}

static void
test_names(void **state)
{
	struct vf_error	 err;
	char		*v, *s;

	assert_int_equal(sqlfile_parse_name("20261125143000_add_users.sql",
	    &v, &s, &err), 0);
	assert_string_equal(v, "20261125143000");
	assert_string_equal(s, "add_users");
	free(v);
	free(s);
	assert_int_equal(sqlfile_parse_name("add_users.sql", &v, &s, &err), -1);
	assert_string_equal(err.msg, "file name does not match "
	    "<version>_<slug>.sql (version: digits, e.g. a UTC timestamp "
	    "20261125143000; slug: letters, digits, _ or -)");
	assert_int_equal(sqlfile_parse_name("1_x.SQL", &v, &s, &err), -1);
	assert_int_equal(sqlfile_parse_name("1_.sql", &v, &s, &err), -1);
	assert_int_equal(sqlfile_parse_name("1_a b.sql", &v, &s, &err), -1);
	assert_true(sqlfile_version_cmp("9", "10") < 0);
	assert_true(sqlfile_version_cmp("010", "10") == 0);
	assert_true(sqlfile_version_cmp("20261125143001",
	    "20261125143000") > 0);
}

/* The quoted form of name, from vf_quote_ident (static buffer). */
static const char *
quoted(const char *name)
{
	static char	buf[256];
	struct vbuf	b;

	vbuf_init(&b);
	vf_quote_ident(&b, name);
	snprintf(buf, sizeof(buf), "%s", b.data);
	vbuf_free(&b);
	return (buf);
}

static void
test_quote_ident(void **state)
{
	/* Reserved, type/function-name and column-name keywords: quoted. */
	assert_string_equal(quoted("all"), "\"all\"");
	assert_string_equal(quoted("user"), "\"user\"");
	assert_string_equal(quoted("select"), "\"select\"");
	assert_string_equal(quoted("order"), "\"order\"");
	assert_string_equal(quoted("verbose"), "\"verbose\"");
	assert_string_equal(quoted("freeze"), "\"freeze\"");
	assert_string_equal(quoted("int"), "\"int\"");
	assert_string_equal(quoted("xmltable"), "\"xmltable\"");
	assert_string_equal(quoted("none"), "\"none\"");
	/* Unreserved keywords and plain names: bare. */
	assert_string_equal(quoted("name"), "name");
	assert_string_equal(quoted("abort"), "abort");
	assert_string_equal(quoted("id"), "id");
	assert_string_equal(quoted("customer_id"), "customer_id");
	assert_string_equal(quoted("a"), "a");
	assert_string_equal(quoted("userx"), "userx");
	assert_string_equal(quoted("select_"), "select_");
	/*
	 * Keywords of PostgreSQL 16 and 17 are plain names to the linked
	 * PostgreSQL 15 grammar, as its quote_identifier() has them.
	 */
	assert_string_equal(quoted("system_user"), "system_user");
	assert_string_equal(quoted("json"), "json");
	assert_string_equal(quoted("json_object"), "json_object");
	assert_string_equal(quoted("merge_action"), "merge_action");
	/* Asked twice: the second answer comes from the cache. */
	assert_string_equal(quoted("user"), "\"user\"");
	assert_string_equal(quoted("name"), "name");
	/* Not a plain lower-case identifier. */
	assert_string_equal(quoted("Invoices"), "\"Invoices\"");
	assert_string_equal(quoted("1st"), "\"1st\"");
	assert_string_equal(quoted("a$b"), "\"a$b\"");
	assert_string_equal(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(quoted(""), "\"\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_dollar_quotes),
		cmocka_unit_test(test_e_strings_and_comments),
		cmocka_unit_test(test_transaction_false),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_utf8_positions),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_quote_ident),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
