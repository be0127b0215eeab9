/*
 * dump_view.c: the views and materialized views of the catalog back
 * into the model (WITH NO DATA when not populated): the query
 * as PostgreSQL prints it (pg_get_viewdef), the options from reloptions
 * (a materialized view's storage parameters), the comment, a
 * materialized view's indexes (dump.c's, as a table's).  The printed query names its columns, so columns: is
 * left out.
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

/* Whether view name is in m already. */
static int
dumped(const struct model *m, const char *name)
{
	size_t	k;

	for (k = 0; k < m->nviews; k++)
		if (strcmp(m->views[k].name, name) == 0)
			return (1);
	return (0);
}

/* Whether kind (of CATALOG_DEPS) is a view or a materialized view. */
static int
view_kind(const char *kind)
{
	return (strcmp(kind, "view") == 0 ||
	    strcmp(kind, "materialized view") == 0);
}

/*
 * Whether view row i of CATALOG_VIEWS reads a view of the catalog that
 * is not yet in m (CATALOG_DEPS).
 */
static int
reads_pending(const struct catalog *cat, size_t i, const struct model *m)
{
	const struct catalog_set	*d = &cat->sets[CATALOG_DEPS];
	const char			*name, *ref;
	size_t				 j;

	name = catalog_get(cat, CATALOG_VIEWS, i, "name");
	for (j = 0; j < d->nrows; j++) {
		ref = catalog_get(cat, CATALOG_DEPS, j, "ref_name");
		if (!view_kind(catalog_get(cat, CATALOG_DEPS, j, "kind")) ||
		    !view_kind(catalog_get(cat, CATALOG_DEPS, j, "ref_kind")) ||
		    strcmp(catalog_get(cat, CATALOG_DEPS, j, "name"),
		    name) != 0 || strcmp(ref, name) == 0)
			continue;
		if (!dumped(m, ref))
			return (1);
	}
	return (0);
}

/* View row i of CATALOG_VIEWS, appended to m->views. */
static void
dump_view(const struct catalog *cat, size_t i, struct model *m)
{
	struct model_view	*v;
	const char		*x, *p;
	size_t			 n;

	m->views = xrealloc(m->views, (m->nviews + 1) *
	    sizeof(*m->views));
	v = &m->views[m->nviews++];
	memset(v, 0, sizeof(*v));
	v->name = xstrdup(catalog_get(cat, CATALOG_VIEWS, i, "name"));
	v->materialized = strcmp(catalog_get(cat, CATALOG_VIEWS, i, "kind"),
	    "m") == 0;
	v->with_data = !v->materialized || strcmp(catalog_get(cat,
	    CATALOG_VIEWS, i, "populated"), "t") == 0;
	x = catalog_get(cat, CATALOG_VIEWS, i, "def");
	v->query = xstrdup(x != NULL ? x : "");
	x = catalog_get(cat, CATALOG_VIEWS, i, "comment");
	v->comment = x != NULL ? xstrdup(x) : NULL;
	x = catalog_get(cat, CATALOG_VIEWS, i, "colcomments");
	for (p = x; p != NULL && *p != '\0'; p += n + (p[n] != '\0')) {
		const char	*sep;

		n = strcspn(p, "\x1e");
		if ((sep = memchr(p, '\x1f', n)) == NULL)
			continue;
		v->col_comments = xrealloc(v->col_comments,
		    (v->ncol_comments + 1) * sizeof(*v->col_comments));
		v->col_comments[v->ncol_comments].name = xstrndup(p,
		    (size_t)(sep - p));
		v->col_comments[v->ncol_comments++].value = xstrndup(sep + 1,
		    n - (size_t)(sep - p) - 1);
	}
	x = catalog_get(cat, CATALOG_VIEWS, i, "reloptions");
	if (v->materialized) {
		/* Storage parameters, and the indexes. */
		dump_params(x, &v->with, &v->nwith);
		dump_rel_indexes(cat, v->name, &v->indexes, &v->nindexes);
		return;
	}
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

/* In an order where every view comes after the views it reads (the
   model's file order is its creation order). */
void
dump_views(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_VIEWS];
	size_t				 i;
	int				 progress = 1;

	while (progress) {
		progress = 0;
		for (i = 0; i < s->nrows; i++)
			if (!dumped(m, catalog_get(cat, CATALOG_VIEWS, i,
			    "name")) && !reads_pending(cat, i, m)) {
				dump_view(cat, i, m);
				progress = 1;
			}
	}
	/* A cycle cannot happen between views: none left but in case. */
	for (i = 0; i < s->nrows; i++)
		if (!dumped(m, catalog_get(cat, CATALOG_VIEWS, i, "name")))
			dump_view(cat, i, m);
}
