/*
 * dump_view.c: the views of the catalog back into the model: the query
 * as PostgreSQL prints it (pg_get_viewdef), the options from reloptions,
 * the comment.  The printed query names its columns, so columns: is
 * left out.
 */
#include <stdlib.h>
#include <string.h>

#include "dump.h"

void
dump_views(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_VIEWS];
	struct model_view		*v;
	const char			*x, *p;
	size_t				 i, n;

	for (i = 0; i < s->nrows; i++) {
		m->views = xrealloc(m->views, (m->nviews + 1) *
		    sizeof(*m->views));
		v = &m->views[m->nviews++];
		memset(v, 0, sizeof(*v));
		v->name = xstrdup(catalog_get(cat, CATALOG_VIEWS, i, "name"));
		x = catalog_get(cat, CATALOG_VIEWS, i, "def");
		v->query = xstrdup(x != NULL ? x : "");
		x = catalog_get(cat, CATALOG_VIEWS, i, "comment");
		v->comment = x != NULL ? xstrdup(x) : NULL;
		x = catalog_get(cat, CATALOG_VIEWS, i, "reloptions");
		for (p = x; p != NULL && *p != '\0'; p += n + (p[n] == '\n')) {
			n = strcspn(p, "\n");
			if (strncmp(p, "security_barrier=true", n) == 0 &&
			    n == strlen("security_barrier=true"))
				v->security_barrier = 1;
			else if (strncmp(p, "security_invoker=true", n) == 0 &&
			    n == strlen("security_invoker=true"))
				v->security_invoker = 1;
			else if (strncmp(p, "check_option=", 13) == 0 &&
			    n > 13)
				v->check_option = xstrndup(p + 13, n - 13);
		}
	}
}
