/*
 * unit_schema_lib.c: the library side of the schema commands that needs
 * no database: draft names and file text, the problem list, the
 * outside-the-schema comparison, and the other-schema reference check.
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "compare.h"
#include "draft.h"
#include "problems.h"
#include "refs.h"
#include "replay.h"
#include "sqlfile.h"
#include "util.h"

static void
test_slug(void **state)
{
	char	out[80];

	draft_slug("Add Users table!", out, sizeof(out));
	assert_string_equal(out, "add_users_table");
	draft_slug("  --  ", out, sizeof(out));
	assert_string_equal(out, "migration");
	draft_slug("a very long message that goes on and on and on and on "
	    "and on and on", out, sizeof(out));
	assert_true(strlen(out) <= 60);
}

static void
test_file_text(void **state)
{
	struct vbuf	b;

	vbuf_init(&b);
	draft_file_text(&b, "add x", "m/s.yaml", "CREATE TABLE s.x ();\n", "");
	assert_string_equal(b.data, "-- add x\n-- drafted by verifier draft "
	    "from m/s.yaml\n-- migrate:up\nCREATE TABLE s.x ();\n\n"
	    "-- migrate:down\n");
	vbuf_reset(&b);
	draft_file_text(&b, "two\nlines", "m", "", "");
	assert_true(strncmp(b.data, "-- (message)\n", 13) == 0);
	vbuf_free(&b);
}

static void
test_version(void **state)
{
	char	dir[] = "/tmp/unit_schema_lib.XXXXXX", path[128], v[32];
	FILE	*f;

	assert_non_null(mkdtemp(dir));
	assert_int_equal(replay_has_files(dir), 0);
	draft_version(dir, v, sizeof(v));
	assert_int_equal(strlen(v), 14);
	/* A file from the future: the next version follows it. */
	snprintf(path, sizeof(path), "%s/99990101000000_x.sql", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("-- migrate:up\nSELECT 1;\n", f);
	fclose(f);
	assert_int_equal(replay_has_files(dir), 1);
	draft_version(dir, v, sizeof(v));
	assert_string_equal(v, "99990101000001");
	unlink(path);
	rmdir(dir);
}

static void
test_problems(void **state)
{
	struct problems	p;
	struct vf_error	err;

	memset(&p, 0, sizeof(p));
	problems_add(&p, "", 0, "a %d", 1);
	vf_error_set(&err, VF_EXIT_USAGE, "f.yaml", 3, 7, "bad");
	problems_add_error(&p, &err);
	assert_int_equal(p.n, 2);
	assert_null(p.v[0].file);
	assert_string_equal(p.v[0].msg, "a 1");
	assert_string_equal(p.v[1].file, "f.yaml");
	assert_int_equal(p.v[1].line, 3);
	assert_string_equal(p.v[1].msg, "column 7: bad");
	problems_free(&p);
	assert_int_equal(p.n, 0);
}

static void
test_outside(void **state)
{
	struct problems	p;

	memset(&p, 0, sizeof(p));
	compare_outside("a\nb\nc", "a\nc\n", "new", &p);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0].msg, "new: b");
	compare_outside("ab", "abc", "x", &p);	/* whole lines only */
	assert_int_equal(p.n, 2);
	problems_free(&p);
}

static void
test_refs(void **state)
{
	static const char	text[] =
	    "-- migrate:up\n"
	    "CREATE TABLE s.t (id int);\n"
	    "INSERT INTO other.t SELECT * FROM s.t;\n"
	    "SET search_path = audit, s;\n"
	    "-- migrate:down\n"
	    "DROP TABLE s.t;\n"
	    "SELECT pg_catalog.now();\n";
	struct sqlfile	f;
	struct problems	p;
	struct vf_error	err;

	memset(&p, 0, sizeof(p));
	assert_int_equal(sqlfile_parse("m/1_x.sql", text, strlen(text), &f,
	    &err), 0);
	assert_int_equal(refs_check("s", &f, 1, &p, &err), 0);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.v[0].file, "m/1_x.sql");
	assert_int_equal(p.v[0].line, 3);
	assert_string_equal(p.v[0].msg, "the up section refers to schema "
	    "\"other\"; a migration of s touches nothing outside it");
	assert_int_equal(p.v[1].line, 4);
	assert_true(strstr(p.v[1].msg, "\"audit\"") != NULL);
	problems_free(&p);
	sqlfile_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_file_text),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_outside),
		cmocka_unit_test(test_refs),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
