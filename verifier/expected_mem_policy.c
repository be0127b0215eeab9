/*
 * expected_mem_policy.c: the in-memory expected catalog's row level
 * security policies (CATALOG_POLICIES, catalog_policy.c) and their
 * CATALOG_DEPS rows.  A policy depends on its table ('a') and on each
 * column its expressions read ('n'); its expressions are printed by
 * xp_check(), as pg_get_expr() prints them.  The roles and the deps
 * column are sorted by the database's collation: the build takes only
 * names that every collation sorts alike.
 */
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"

/*
 * Whether names a and b (sorted by strcmp()) sort alike in every
 * collation (C, glibc's, ICU's): [a-z0-9_] only, and where they first
 * differ neither has an '_', which collations ignore or place apart.
 */
static int
sorts_alike(const char *a, const char *b)
{
	const char	*p;

	for (p = a; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return (0);
	for (p = b; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return (0);
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (*a != '_' && *b != '_');
}

static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* The roles column: sorted, one a line; 0 when the build cannot say. */
static int
roles(const struct model_policy *p, struct vbuf *out)
{
	char	**v;
	size_t	  i;
	int	  ok = 1;

	if (p->nroles == 0) {
		vbuf_puts(out, "PUBLIC");
		return (1);
	}
	if (p->nroles == 1) {
		vbuf_puts(out, p->roles[0]);
		return (1);
	}
	v = xcalloc(p->nroles, sizeof(*v));
	for (i = 0; i < p->nroles; i++)
		v[i] = p->roles[i];
	qsort(v, p->nroles, sizeof(*v), cmp_str);
	for (i = 0; ok && i < p->nroles; i++) {
		if (i > 0 && (strcmp(v[i], v[i - 1]) == 0 ||
		    !sorts_alike(v[i - 1], v[i])))
			ok = 0;
		vbuf_puts(out, i > 0 ? "\n" : "");
		vbuf_puts(out, v[i]);
	}
	free(v);
	return (ok);
}

/* One expression of policy p (src) printed into out, its columns marked
   in seen: 1, or 0. */
static int
expr(struct xm_ctx *x, size_t ti, const char *src, struct vbuf *out,
    char *seen)
{
	const struct model_table	*t = &x->m->tables[ti];

	return (xm_print_expr(x, ti, src, out) &&
	    xm_expr_columns(t, src, seen));
}

static int
policy(struct xm_ctx *x, size_t ti, const struct model_policy *p)
{
	const struct model_table	*t = &x->m->tables[ti];
	const char			*cells[9];
	struct vbuf			 qname, rl, qual, chk, deps;
	char				*seen;
	size_t				 i, n = 0;
	int				 ok = 0, cmd_sel, cmd_ins;

	vbuf_init(&qname);
	vbuf_init(&rl);
	vbuf_init(&qual);
	vbuf_init(&chk);
	vbuf_init(&deps);
	seen = xcalloc(t->ncolumns + 1, 1);
	vbuf_appendf(&qname, "%s.%s", t->name, p->name);
	cmd_sel = strcmp(p->command, "SELECT") == 0 ||
	    strcmp(p->command, "DELETE") == 0;
	cmd_ins = strcmp(p->command, "INSERT") == 0;
	/* What the server refuses: WITH CHECK on SELECT or DELETE, USING
	   on INSERT. */
	if ((cmd_sel && p->check_expr != NULL) ||
	    (cmd_ins && p->using_expr != NULL) || !roles(p, &rl))
		goto done;
	if (p->using_expr != NULL &&
	    !expr(x, ti, p->using_expr, &qual, seen))
		goto done;
	if (p->check_expr != NULL &&
	    !expr(x, ti, p->check_expr, &chk, seen))
		goto done;
	xm_dep(x, "policy", qname.data, NULL, "a", "table", t->name, NULL);
	vbuf_appendf(&deps, "\n%s\t\n", t->name);
	for (i = 0; i < t->ncolumns; i++) {
		if (!seen[i])
			continue;
		xm_dep(x, "policy", qname.data, NULL, "n", "table", t->name,
		    t->columns[i].name);
		n++;
	}
	if (n > 0) {
		char	**v = xcalloc(n, sizeof(*v));
		size_t	  k = 0;

		for (i = 0; i < t->ncolumns; i++)
			if (seen[i])
				v[k++] = t->columns[i].name;
		qsort(v, n, sizeof(*v), cmp_str);
		/* Sorted by the database's collation. */
		for (k = 1; k < n; k++)
			if (!sorts_alike(v[k - 1], v[k]))
				n = 0;
		for (k = 0; k < n; k++)
			vbuf_appendf(&deps, "%s\t%s\n", t->name, v[k]);
		free(v);
		if (n == 0)
			goto done;
	}
	if ((qual.len > 0 && !xm_expr_deps(x, qual.data, "policy",
	    qname.data, NULL, x->m->ntables)) || (chk.len > 0 &&
	    !xm_expr_deps(x, chk.data, "policy", qname.data, NULL,
	    x->m->ntables)))
		goto done;
	cells[0] = t->name;
	cells[1] = p->name;
	cells[2] = p->command;
	cells[3] = p->restrictive ? "RESTRICTIVE" : "PERMISSIVE";
	cells[4] = rl.data;
	cells[5] = p->using_expr != NULL ? qual.data : NULL;
	cells[6] = p->check_expr != NULL ? chk.data : NULL;
	cells[7] = xm_comment(p->comment);
	cells[8] = deps.data;
	xm_row(x, CATALOG_POLICIES, cells, 9);
	ok = 1;
done:
	vbuf_free(&qname);
	vbuf_free(&rl);
	vbuf_free(&qual);
	vbuf_free(&chk);
	vbuf_free(&deps);
	free(seen);
	if (!ok) {
		xm_decline_at(x, 'p', t->name, p->name);
		xm_decline(x, "table \"%s\" policy \"%s\"", t->name, p->name);
	}
	return (ok);
}

int
xm_policies(struct xm_ctx *x, size_t ti)
{
	const struct model_table	*t = &x->m->tables[ti];
	size_t				 i;

	for (i = 0; i < t->npolicies; i++)
		if (!policy(x, ti, &t->policies[i]))
			return (0);
	return (1);
}
