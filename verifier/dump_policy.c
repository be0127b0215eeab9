/*
 * dump_policy.c: row level security of the catalog back into the model:
 * each table's ENABLE / FORCE flags (CATALOG_TABLES) and its policies
 * (CATALOG_POLICIES): command, kind, roles (left out when PUBLIC alone),
 * USING and WITH CHECK as PostgreSQL prints them, without their outer
 * parentheses, and the comment.
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

static struct model_table *
find_table(struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->ntables; i++)
		if (strcmp(m->tables[i].name, name) == 0)
			return (&m->tables[i]);
	return (NULL);
}

/* Roles one a line into p, unless they are PUBLIC alone. */
static void
dump_roles(const char *roles, struct model_policy *p)
{
	const char	*s, *nl;

	if (roles == NULL || strcmp(roles, "PUBLIC") == 0)
		return;
	for (s = roles; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		p->roles = xrealloc(p->roles, (p->nroles + 1) *
		    sizeof(*p->roles));
		p->roles[p->nroles++] = xstrndup(s, (size_t)(nl - s));
	}
}

void
dump_policies(const struct catalog *cat, struct model *m)
{
	struct model_table	*t;
	struct model_policy	*p;
	const char		*x;
	size_t			 i;

	for (i = 0; i < cat->sets[CATALOG_TABLES].nrows; i++) {
		t = find_table(m, catalog_get(cat, CATALOG_TABLES, i, "name"));
		if (t == NULL)
			continue;
		x = catalog_get(cat, CATALOG_TABLES, i, "rls");
		t->rls = x != NULL && strcmp(x, "t") == 0;
		x = catalog_get(cat, CATALOG_TABLES, i, "force_rls");
		t->force_rls = x != NULL && strcmp(x, "t") == 0;
	}
	for (i = 0; i < cat->sets[CATALOG_POLICIES].nrows; i++) {
		t = find_table(m, catalog_get(cat, CATALOG_POLICIES, i, "tbl"));
		if (t == NULL)
			continue;
		t->policies = xrealloc(t->policies, (t->npolicies + 1) *
		    sizeof(*t->policies));
		p = &t->policies[t->npolicies++];
		memset(p, 0, sizeof(*p));
		p->name = xstrdup(catalog_get(cat, CATALOG_POLICIES, i,
		    "name"));
		p->command = xstrdup(catalog_get(cat, CATALOG_POLICIES, i,
		    "cmd"));
		p->restrictive = strcmp(catalog_get(cat, CATALOG_POLICIES, i,
		    "permissive"), "RESTRICTIVE") == 0;
		dump_roles(catalog_get(cat, CATALOG_POLICIES, i, "roles"), p);
		if ((x = catalog_get(cat, CATALOG_POLICIES, i, "qual")) !=
		    NULL)
			p->using_expr = dump_unparen(x);
		if ((x = catalog_get(cat, CATALOG_POLICIES, i,
		    "with_check")) != NULL)
			p->check_expr = dump_unparen(x);
		if ((x = catalog_get(cat, CATALOG_POLICIES, i, "comment")) !=
		    NULL)
			p->comment = xstrdup(x);
	}
}
