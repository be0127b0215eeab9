/*
 * dump_domain.c: the domains and composite types of a catalog as those
 * of a model (`verifier dump`).
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static void
dump_domains(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_DOMAINS];
	const struct catalog_set	*ks = &cat->sets[CATALOG_DOMCHECKS];
	struct model_domain		*d;
	struct model_domain_check	*k;
	const char			*x;
	size_t				 i, j;

	m->domains = xcalloc(s->nrows + 1, sizeof(*m->domains));
	for (i = 0; i < s->nrows; i++) {
		d = &m->domains[m->ndomains++];
		d->name = xstrdup(catalog_get(cat, CATALOG_DOMAINS, i,
		    "name"));
		d->type = dump_type(cat->schema, catalog_get(cat,
		    CATALOG_DOMAINS, i, "type"));
		d->default_expr = dup_or_null(catalog_get(cat,
		    CATALOG_DOMAINS, i, "default_expr"));
		x = catalog_get(cat, CATALOG_DOMAINS, i, "not_null");
		d->not_null = x != NULL && strcmp(x, "t") == 0;
		d->collation = dup_or_null(catalog_get(cat, CATALOG_DOMAINS,
		    i, "collation"));
		d->comment = dup_or_null(catalog_get(cat, CATALOG_DOMAINS, i,
		    "comment"));
		for (j = 0; j < ks->nrows; j++) {
			if (strcmp(catalog_get(cat, CATALOG_DOMCHECKS, j,
			    "domain"), d->name) != 0)
				continue;
			d->checks = xrealloc(d->checks, (d->nchecks + 1) *
			    sizeof(*d->checks));
			k = &d->checks[d->nchecks++];
			memset(k, 0, sizeof(*k));
			k->name = xstrdup(catalog_get(cat, CATALOG_DOMCHECKS,
			    j, "name"));
			k->name_given = 1;
			x = catalog_get(cat, CATALOG_DOMCHECKS, j,
			    "check_expr");
			k->expression = dump_unparen(x != NULL ? x : "true");
		}
	}
}

static void
dump_composites(const struct catalog *cat, struct model *m)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_COMPOSITES];
	const struct catalog_set	*as = &cat->sets[CATALOG_COMPATTRS];
	struct model_composite		*c;
	struct model_attribute		*a;
	size_t				 i, j;

	m->composites = xcalloc(s->nrows + 1, sizeof(*m->composites));
	for (i = 0; i < s->nrows; i++) {
		c = &m->composites[m->ncomposites++];
		c->name = xstrdup(catalog_get(cat, CATALOG_COMPOSITES, i,
		    "name"));
		c->comment = dup_or_null(catalog_get(cat, CATALOG_COMPOSITES,
		    i, "comment"));
		for (j = 0; j < as->nrows; j++) {
			if (strcmp(catalog_get(cat, CATALOG_COMPATTRS, j,
			    "composite"), c->name) != 0)
				continue;
			c->attrs = xrealloc(c->attrs, (c->nattrs + 1) *
			    sizeof(*c->attrs));
			a = &c->attrs[c->nattrs++];
			memset(a, 0, sizeof(*a));
			a->name = xstrdup(catalog_get(cat, CATALOG_COMPATTRS,
			    j, "name"));
			a->type = dump_type(cat->schema, catalog_get(cat,
			    CATALOG_COMPATTRS, j, "type"));
		}
	}
}

void
dump_user_types(const struct catalog *cat, struct model *m,
    struct problems *p)
{
	dump_domains(cat, m);
	dump_composites(cat, m);
}
