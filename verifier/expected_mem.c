/*
 * expected_mem.c: the expected catalog built in memory from the model,
 * row by row in the exact text the catalog queries (catalog.c) print, for
 * every object whose printed form is known; an object it cannot print
 * exactly sends the model to the server (expected_from_server()).
 */
#include <stdio.h>
#include <string.h>

#include "expected.h"
#include "expected_expr.h"

int
expected_from_model(const struct model *m, struct catalog *cat, char *why,
    size_t whylen)
{
	memset(cat, 0, sizeof(*cat));
	(void)m;
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "not yet");
	return (0);
}
