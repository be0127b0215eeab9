/*
 * unit_graph.c: graph.c's stable topological sort and its cycle reports.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "graph.h"

/* The names of g's nodes in the order graph_sort() gives, "a b c". */
static void
sorted(const struct graph *g, char *out, size_t len)
{
	struct vf_error	 err;
	size_t		 order[64], i;

	vf_error_clear(&err);
	assert_true(g->n <= 64);
	assert_int_equal(graph_sort(g, order, &err), 0);
	out[0] = '\0';
	for (i = 0; i < g->n; i++) {
		if (i > 0)
			strncat(out, " ", len - strlen(out) - 1);
		strncat(out, g->nodes[order[i]].name, len - strlen(out) - 1);
	}
}

static void
test_order_kept(void **state)
{
	struct graph	g;
	char		s[256];

	(void)state;
	graph_init(&g);
	sorted(&g, s, sizeof(s));
	assert_string_equal(s, "");
	graph_add(&g, "table", "a");
	graph_add(&g, "view", "b");
	graph_add(&g, "view", "c");
	graph_add(&g, "index", "d");
	/* Edges the order already keeps change nothing. */
	graph_edge(&g, 0, 1);
	graph_edge(&g, 1, 2);
	graph_edge(&g, 0, 2);
	graph_edge(&g, 0, 2);
	graph_edge(&g, 3, 3);
	sorted(&g, s, sizeof(s));
	assert_string_equal(s, "a b c d");
	graph_free(&g);
}

static void
test_order_moved(void **state)
{
	struct graph	g;
	char		s[256];

	(void)state;
	graph_init(&g);
	graph_add(&g, "view", "v2");		/* reads v1 */
	graph_add(&g, "table", "t");
	graph_add(&g, "view", "v1");		/* reads t */
	graph_add(&g, "index", "i");
	graph_edge(&g, 2, 0);
	graph_edge(&g, 1, 2);
	sorted(&g, s, sizeof(s));
	/* Only what must move moves; i stays after the rest. */
	assert_string_equal(s, "t v1 v2 i");
	graph_free(&g);

	graph_init(&g);
	graph_add(&g, "x", "a");
	graph_add(&g, "x", "b");
	graph_add(&g, "x", "c");
	graph_add(&g, "x", "d");
	graph_edge(&g, 3, 0);
	sorted(&g, s, sizeof(s));
	/* b and c were ready before d; a waits for d only. */
	assert_string_equal(s, "b c d a");
	graph_free(&g);
}

static void
test_find(void **state)
{
	struct graph	g;

	(void)state;
	graph_init(&g);
	graph_add(&g, "drop view", "v");
	graph_add(&g, "create view", "v");
	graph_add(&g, "drop view", "v");
	assert_int_equal(graph_find(&g, "drop view", "v", 0), 0);
	assert_int_equal(graph_find(&g, "drop view", "v", 1), 2);
	assert_int_equal(graph_find(&g, "create view", "v", 0), 1);
	assert_true(graph_find(&g, "create view", "w", 0) == (size_t)-1);
	assert_true(graph_find(&g, "drop view", "v", 3) == (size_t)-1);
	graph_free(&g);
}

static void
test_cycle(void **state)
{
	struct graph	g;
	struct vf_error	err;
	size_t		order[8];

	(void)state;
	graph_init(&g);
	graph_add(&g, "table", "t");
	graph_add(&g, "view", "b");
	graph_add(&g, "view", "a");
	graph_add(&g, "view", "c");
	graph_add(&g, "index", "free");
	graph_edge(&g, 0, 1);
	graph_edge(&g, 1, 2);
	graph_edge(&g, 2, 3);
	graph_edge(&g, 3, 1);
	vf_error_clear(&err);
	assert_int_equal(graph_sort(&g, order, &err), -1);
	assert_int_equal(err.code, VF_EXIT_FAIL);
	assert_string_equal(err.msg, "dependency cycle: view b -> view a -> "
	    "view c -> view b");
	graph_free(&g);

	/* Two nodes that each must go first. */
	graph_init(&g);
	graph_add(&g, "function", "f(integer)");
	graph_add(&g, "view", "v");
	graph_edge(&g, 1, 0);
	graph_edge(&g, 0, 1);
	assert_int_equal(graph_sort(&g, order, &err), -1);
	assert_string_equal(err.msg, "dependency cycle: function f(integer) "
	    "-> view v -> function f(integer)");
	graph_free(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_kept),
		cmocka_unit_test(test_order_moved),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_cycle),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
