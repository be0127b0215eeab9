/*
 * unit_picture.c: picture.h without a store: the SVG stamp written and
 * read back, --around's selection by depth, and DOT's quoting of names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "picture.h"

static void
test_stamp(void **state)
{
	struct vbuf	out;
	char		hex[65], want[65];

	(void)state;
	vbuf_init(&out);
	picture_stamp("<?xml version=\"1.0\"?>\n<svg/>\n", "digraph {}\n", 11,
	    &out);
	vf_sha256_hex("digraph {}\n", 11, want);
	assert_true(strncmp(out.data, "<?xml version=\"1.0\"?>\n"
	    PICTURE_STAMP, 22 + strlen(PICTURE_STAMP)) == 0);
	assert_int_equal(picture_stamp_read(out.data, hex), 1);
	assert_string_equal(hex, want);
	vbuf_reset(&out);
	/* No XML declaration: the stamp goes first. */
	picture_stamp("<svg/>", "x", 1, &out);
	assert_true(strncmp(out.data, PICTURE_STAMP,
	    strlen(PICTURE_STAMP)) == 0);
	vbuf_free(&out);
	assert_int_equal(picture_stamp_read("<svg/>", hex), 0);
	assert_int_equal(picture_stamp_read(PICTURE_STAMP "12zz -->", hex), 0);
}

/* A chain a - b - c - d of tables, by hand. */
static void
chain(struct picture *pic)
{
	static const char *const names[] = { "a", "b", "c", "d" };
	size_t	i;

	memset(pic, 0, sizeof(*pic));
	pic->schema = xstrdup("s");
	pic->nodes = xcalloc(4, sizeof(*pic->nodes));
	pic->edges = xcalloc(3, sizeof(*pic->edges));
	for (i = 0; i < 4; i++) {
		pic->nodes[i].kind = xstrdup("table");
		pic->nodes[i].name = xstrdup(names[i]);
		pic->nodes[i].title = xstrdup(names[i]);
		vbuf_init(&pic->nodes[i].rows);
	}
	pic->n = 4;
	for (i = 0; i < 3; i++) {
		pic->edges[i].from = i + 1;	/* b -> a, c -> b, d -> c */
		pic->edges[i].to = i;
		pic->edges[i].port = -1;
	}
	pic->ne = 3;
}

static void
test_around(void **state)
{
	struct picture	pic;

	(void)state;
	chain(&pic);
	pic.nodes[1].keep = 1;
	picture_keep_around(&pic, 1);
	assert_int_equal(pic.n, 3);
	assert_string_equal(pic.nodes[0].name, "a");
	assert_string_equal(pic.nodes[2].name, "c");
	assert_int_equal(pic.ne, 2);
	assert_int_equal(picture_find(&pic, "table", "d"), (size_t)-1);
	picture_free(&pic);
	chain(&pic);
	pic.nodes[0].keep = 1;
	picture_keep_around(&pic, 0);
	assert_int_equal(pic.n, 1);
	assert_int_equal(pic.ne, 0);
	picture_free(&pic);
}

static void
test_dot_quoting(void **state)
{
	struct picture	pic;
	struct vbuf	out;

	(void)state;
	chain(&pic);
	free(pic.nodes[3].name);
	pic.nodes[3].name = xstrdup("Odd \"T\"\\x");
	free(pic.nodes[3].title);
	pic.nodes[3].title = xstrdup("<b>&");
	vbuf_init(&out);
	picture_dot(&pic, &out);
	assert_non_null(strstr(out.data, "\"table:Odd \\\"T\\\"\\\\x\" ["));
	assert_non_null(strstr(out.data, "<B>&lt;b&gt;&amp;</B>"));
	assert_non_null(strstr(out.data, "\"table:b\" -> \"table:a\" "
	    "[style=dashed"));
	vbuf_free(&out);
	picture_free(&pic);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_around),
		cmocka_unit_test(test_dot_quoting),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
