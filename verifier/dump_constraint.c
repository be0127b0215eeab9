/*
 * dump_constraint.c: what a constraint says beyond its kind and columns,
 * from the catalog back into the model (deferrable, NOT VALID, NULLS NOT
 * DISTINCT, its comment), and exclusion constraints with their elements.
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

static int
is_t(const char *s)
{
	return (s != NULL && strcmp(s, "t") == 0);
}

/* Whether s ends with suffix. */
static int
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), k = strlen(suffix);

	return (n >= k && strcmp(s + n - k, suffix) == 0);
}

void
dump_constraint_options(const struct catalog *cat, size_t row,
    struct model_constraint *c)
{
	const char	*def, *x;

	def = catalog_get(cat, CATALOG_CONSTRAINTS, row, "def");
	c->deferrable = is_t(catalog_get(cat, CATALOG_CONSTRAINTS, row,
	    "is_deferrable"));
	c->initially_deferred = is_t(catalog_get(cat, CATALOG_CONSTRAINTS,
	    row, "is_deferred"));
	/* pg_get_constraintdef() ends a constraint not validated so. */
	c->not_valid = def != NULL && ends_with(def, " NOT VALID");
	/* ... and a check of NO INHERIT so, before any NOT VALID. */
	c->no_inherit = def != NULL && c->kind == MODEL_CON_CHECK &&
	    (ends_with(def, " NO INHERIT") ||
	    ends_with(def, " NO INHERIT NOT VALID"));
	c->nulls_not_distinct = def != NULL && c->kind == MODEL_CON_UNIQUE &&
	    strncmp(def, "UNIQUE NULLS NOT DISTINCT ", 26) == 0;
	x = catalog_get(cat, CATALOG_CONSTRAINTS, row, "comment");
	c->comment = x != NULL ? xstrdup(x) : NULL;
}

void
dump_exclude(const struct catalog *cat, size_t row, const char *tbl,
    struct model_constraint *c)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_CONCOLS];
	struct model_excl_elem		*el;
	const char			*name, *def, *x, *op;
	size_t				 i, n;

	name = catalog_get(cat, CATALOG_CONSTRAINTS, row, "name");
	def = catalog_get(cat, CATALOG_CONSTRAINTS, row, "def");
	/* "EXCLUDE USING <method> (...": the method is a plain word. */
	if (def != NULL && strncmp(def, "EXCLUDE USING ", 14) == 0) {
		n = strcspn(def + 14, " (");
		c->method = xstrndup(def + 14, n);
	} else
		c->method = xstrdup("gist");
	x = catalog_get(cat, CATALOG_CONSTRAINTS, row, "check_expr");
	c->where = x != NULL ? dump_unparen(x) : NULL;
	for (i = 0; i < s->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_CONCOLS, i, "tbl"), tbl) ||
		    strcmp(catalog_get(cat, CATALOG_CONCOLS, i, "con"), name))
			continue;
		op = catalog_get(cat, CATALOG_CONCOLS, i, "op");
		x = catalog_get(cat, CATALOG_CONCOLS, i, "col");
		if (op == NULL) {
			c->include = xrealloc(c->include, (c->ninclude + 1) *
			    sizeof(*c->include));
			c->include[c->ninclude++] = xstrdup(x != NULL ? x : "");
			continue;
		}
		c->elems = xrealloc(c->elems, (c->nelems + 1) *
		    sizeof(*c->elems));
		el = &c->elems[c->nelems++];
		memset(el, 0, sizeof(*el));
		el->op = xstrdup(op);
		if (x != NULL)
			el->column = xstrdup(x);
		else
			el->expression = xstrdup(catalog_get(cat,
			    CATALOG_CONCOLS, i, "expr"));
		x = catalog_get(cat, CATALOG_CONCOLS, i, "opclass");
		el->opclass = x != NULL ? xstrdup(x) : NULL;
	}
}
