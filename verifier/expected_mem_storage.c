/*
 * expected_mem_storage.c: storage parameters (`with:`) of a table or an
 * index in the in-memory expected catalog: reloptions as catalog.c's
 * RELOPTIONS() lists them and an index's WITH (...) as pg_get_indexdef()
 * prints it (flatten_reloptions()), for the parameters whose stored form
 * is known; any other is declined.
 */
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"

/* The parameters the build prints: where, and their values. */
static const struct {
	const char	*name;
	const char	*on;	/* "table" or an index method */
	int		 lo, hi;	/* integer range; lo > hi: boolean */
} params[] = {
	{ "fillfactor", "table", 10, 100 },
	{ "autovacuum_enabled", "table", 1, 0 },
	{ "parallel_workers", "table", 0, 1024 },
	{ "fillfactor", "btree", 10, 100 },
	{ "deduplicate_items", "btree", 1, 0 },
	{ "fillfactor", "hash", 10, 100 },
	{ "fillfactor", "gist", 10, 100 },
	{ "fastupdate", "gin", 1, 0 },
};

/* Whether value is one PostgreSQL takes for param i, written as it keeps
   it: a plain number without leading zeros, or true / false. */
static int
value_ok(size_t i, const char *v)
{
	const char	*p;
	long		 n;

	if (params[i].lo > params[i].hi)
		return (strcmp(v, "true") == 0 || strcmp(v, "false") == 0);
	if (*v == '\0' || strlen(v) > 6 || (*v == '0' && v[1] != '\0'))
		return (0);
	for (p = v; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return (0);
	n = strtol(v, NULL, 10);
	return (n >= params[i].lo && n <= params[i].hi);
}

static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

int
xm_params(const struct model_param *p, size_t n, const char *on,
    struct vbuf *lines, struct vbuf *with)
{
	char	**v;
	size_t	  i, j;
	int	  ok = 1;

	if (n == 0)
		return (1);
	v = xcalloc(n, sizeof(*v));
	for (i = 0; ok && i < n; i++) {
		for (j = 0; j < sizeof(params) / sizeof(params[0]); j++)
			if (strcmp(params[j].name, p[i].name) == 0 &&
			    strcmp(params[j].on, on) == 0)
				break;
		if (j == sizeof(params) / sizeof(params[0]) ||
		    p[i].value == NULL || !value_ok(j, p[i].value)) {
			ok = 0;
			break;
		}
		v[i] = xmalloc(strlen(p[i].name) + strlen(p[i].value) + 2);
		strcpy(v[i], p[i].name);
		strcat(v[i], "=");
		strcat(v[i], p[i].value);
		/* flatten_reloptions(): a value quote_ident() would quote
		   (a number, true, false) as a literal. */
		vbuf_appendf(with, "%s%s='%s'", i > 0 ? ", " : "",
		    p[i].name, p[i].value);
	}
	if (ok) {
		/* The names are plain words of distinct first letters: any
		   collation sorts them alike. */
		qsort(v, n, sizeof(*v), cmp_str);
		for (i = 0; i < n; i++) {
			vbuf_puts(lines, i > 0 ? "\n" : "");
			vbuf_puts(lines, v[i]);
		}
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return (ok);
}
