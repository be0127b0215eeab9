/*
 * expected_mem_domain.c: the in-memory expected catalog's types: enums
 * (CATALOG_ENUMS), domains
 * (CATALOG_DOMAINS, CATALOG_DOMCHECKS: checks over a built-in base type,
 * printed by xp_domain_check()) and composite types (CATALOG_COMPOSITES,
 * CATALOG_COMPATTRS), with the CATALOG_DEPS rows of what they are made
 * of.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"
#include "expected_expr.h"

const char *
xm_type_kind(int user)
{
	return (user == XM_ENUM ? "enum" : user == XM_DOMAIN ? "domain" :
	    "composite type");
}

/* The dependency of object (kind, name, col) on the user type its type
   names, if any. */
static void
type_dep(struct xm_ctx *x, const char *kind, const char *name,
    const char *col, const char *type, int user)
{
	char	*elem;

	if (user == 0)
		return;
	elem = xstrndup(type, strcspn(type, "["));
	xm_dep(x, kind, name, col, "n", xm_type_kind(user), elem, NULL);
	free(elem);
}

/*
 * The checks of domain d over its built-in base type (printed), as
 * xp_domain_check() prints them, each with the dependencies of what it
 * names (its own 'a' on the domain is the domain's own part): 1, or 0
 * when one is not printed.
 */
static int
domain_checks(struct xm_ctx *x, const struct model_domain *d,
    const char *base)
{
	const struct model_domain_check	*k;
	const char			*cells[4];
	struct xp_column		 col;
	struct vbuf			 chk, def;
	size_t				 i;
	int				 ok = 1;

	memset(&col, 0, sizeof(col));
	col.name = "VALUE";
	col.type = base;
	vbuf_init(&chk);
	vbuf_init(&def);
	for (i = 0; ok && i < d->nchecks; i++) {
		k = &d->checks[i];
		vbuf_reset(&chk);
		vbuf_reset(&def);
		ok = xp_domain_check(k->expression, &col, 0, &chk) &&
		    xp_domain_check(k->expression, &col, 1, &def) &&
		    xm_expr_deps(x, chk.data, "domain", d->name, NULL, 0);
		if (!ok)
			break;
		cells[0] = d->name;
		cells[1] = k->name;
		cells[2] = def.data;
		cells[3] = chk.data;
		xm_row(x, CATALOG_DOMCHECKS, cells, 4);
	}
	vbuf_free(&chk);
	vbuf_free(&def);
	return (ok);
}

/* Whether the model's domain named by type (bare, no "[]") has a default. */
static int
base_has_default(const struct xm_ctx *x, const char *type)
{
	size_t	i;

	for (i = 0; i < x->m->ndomains; i++)
		if (strcmp(x->m->domains[i].name, type) == 0)
			return (x->m->domains[i].default_expr != NULL);
	return (1);
}

static int
domain(struct xm_ctx *x, const struct model_domain *d)
{
	const char	*cells[6];
	struct vbuf	 type, def;
	int		 user, ok = 0;

	vbuf_init(&type);
	vbuf_init(&def);
	if (xm_names_get(&x->rels, d->name) != -1 ||
	    !xm_format_typestr(x, d->type, &type, &user) ||
	    (d->nchecks > 0 && (user != 0 || !domain_checks(x, d,
	    type.data))))
		goto done;
	/* Over another domain with a default and none of its own, it
	   takes that one's default: declined. */
	if (user == XM_DOMAIN && d->default_expr == NULL &&
	    base_has_default(x, d->type))
		goto done;
	/* A collation of a built-in base type that takes one. */
	if (d->collation != NULL && (user != 0 ||
	    !xm_known_collation(d->collation) ||
	    !xm_type_collatable(type.data) ||
	    strcmp(d->collation, "default") == 0))
		goto done;
	if (d->default_expr != NULL &&
	    (!xp_default(d->default_expr, type.data, &def) ||
	    !xm_expr_deps(x, def.data, "domain", d->name, NULL, 0)))
		goto done;
	type_dep(x, "domain", d->name, NULL, d->type, user);
	cells[0] = d->name;
	cells[1] = type.data;
	cells[2] = d->default_expr != NULL ? def.data : NULL;
	cells[3] = d->not_null ? "t" : "f";
	cells[4] = d->collation;
	cells[5] = xm_comment(d->comment);
	xm_row(x, CATALOG_DOMAINS, cells, 6);
	ok = 1;
done:
	vbuf_free(&type);
	vbuf_free(&def);
	if (!ok)
		xm_decline(x, "domain \"%s\"", d->name);
	return (ok);
}

static int
composite(struct xm_ctx *x, const struct model_composite *c)
{
	const char	*cells[4];
	struct vbuf	 type;
	char		 pos[24];
	size_t		 i;
	int		 user;

	cells[0] = c->name;
	cells[1] = xm_comment(c->comment);
	xm_row(x, CATALOG_COMPOSITES, cells, 2);
	vbuf_init(&type);
	for (i = 0; i < c->nattrs; i++) {
		vbuf_reset(&type);
		if (!xm_format_typestr(x, c->attrs[i].type, &type, &user) ||
		    model_serial_base(c->attrs[i].type) != NULL) {
			vbuf_free(&type);
			return (xm_decline(x, "composite type \"%s\" attribute "
			    "\"%s\"", c->name, c->attrs[i].name));
		}
		type_dep(x, "composite type", c->name, c->attrs[i].name,
		    c->attrs[i].type, user);
		snprintf(pos, sizeof(pos), "%zu", i + 1);
		cells[0] = c->name;
		cells[1] = pos;
		cells[2] = c->attrs[i].name;
		cells[3] = type.data;
		xm_row(x, CATALOG_COMPATTRS, cells, 4);
	}
	vbuf_free(&type);
	return (1);
}

int
xm_enums(struct xm_ctx *x)
{
	const struct model_enum	*e;
	const char		*cells[4];
	char			 pos[24];
	size_t			 i, j;

	for (i = 0; i < x->m->nenums; i++) {
		e = &x->m->enums[i];
		if (xm_names_get(&x->rels, e->name) != -1)
			return (xm_decline(x, "enum \"%s\": a relation has its "
			    "name", e->name));
		cells[0] = e->name;
		cells[3] = xm_comment(e->comment);
		for (j = 0; j < e->nvalues || j == 0; j++) {
			snprintf(pos, sizeof(pos), "%zu", j + 1);
			cells[1] = pos;
			cells[2] = j < e->nvalues ? e->values[j] : NULL;
			xm_row(x, CATALOG_ENUMS, cells, 4);
		}
	}
	return (1);
}

int
xm_user_types(struct xm_ctx *x)
{
	size_t	i;

	for (i = 0; i < x->m->ndomains; i++)
		if (!domain(x, &x->m->domains[i]))
			return (0);
	for (i = 0; i < x->m->ncomposites; i++)
		if (!composite(x, &x->m->composites[i]))
			return (0);
	return (1);
}
