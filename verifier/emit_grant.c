/*
 * emit_grant.c: the statements of privileges.  Grants that go, and those
 * whose grant option changes, are revoked first, under the source names
 * (step 0, before any rename or drop; not on objects the migration drops
 * anyway); new ones, and the changed ones again, are granted last, once
 * every object exists under its target name (step 10).  The privileges
 * of one object, column, role and grant option share one statement, in
 * PostgreSQL's order.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/* Whether the migration drops what grant c is on. */
static int
dropped(const struct emitter *e, const struct diff_change *c)
{
	const struct diff_change	*x;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		x = &e->d.v[i];
		if (strcmp(x->action, "drop") != 0)
			continue;
		if ((strcmp(x->kind, c->field) == 0 ||
		    (strcmp(x->kind, "enum") == 0 &&
		    strcmp(c->field, "type") == 0)) && x->tbl == NULL &&
		    strcmp(x->name, c->name) == 0)
			return (1);
		if (c->tbl != NULL && strcmp(x->kind, "column") == 0 &&
		    strcmp(x->tbl, c->name) == 0 &&
		    strcmp(x->name, c->tbl) == 0)
			return (1);
	}
	return (0);
}

/* A privilege's place in PostgreSQL's order (aclexplode()'s). */
static int
priv_rank(const char *p)
{
	static const char *const order[] = { "INSERT", "SELECT", "UPDATE",
		"DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "EXECUTE",
		"USAGE", "CREATE", NULL };
	int	i;

	for (i = 0; order[i] != NULL; i++)
		if (strcmp(order[i], p) == 0)
			return (i);
	return (i);
}

static int
cmp_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return ((a != NULL) - (b != NULL));
	return (strcmp(a, b));
}

/*
 * Whether a and b go in one statement: same object, column and role
 * (under the source names for a revoke) and, for a grant, the same grant
 * option.  Returns <0, 0, >0 as for qsort.
 */
static int
cmp_statement(const struct diff_change *a, const struct diff_change *b,
    int revoke)
{
	int	r;

	if ((r = strcmp(a->field, b->field)) != 0 ||
	    (r = cmp_str(revoke ? a->old_name : a->name,
	    revoke ? b->old_name : b->name)) != 0 ||
	    (r = cmp_str(revoke ? a->old_tbl : a->tbl,
	    revoke ? b->old_tbl : b->tbl)) != 0 ||
	    (r = strcmp(a->extra, b->extra)) != 0)
		return (r);
	return (revoke ? 0 : cmp_str(a->to_val, b->to_val));
}

/* cmp_statement(), then the privileges in PostgreSQL's order. */
static int
cmp_change(const struct diff_change *a, const struct diff_change *b,
    int revoke)
{
	int	r;

	if ((r = cmp_statement(a, b, revoke)) != 0)
		return (r);
	return (priv_rank(a->ckind) - priv_rank(b->ckind));
}

static int
cmp_revoke(const void *a, const void *b)
{
	return (cmp_change(*(const struct diff_change *const *)a,
	    *(const struct diff_change *const *)b, 1));
}

static int
cmp_grant(const void *a, const void *b)
{
	return (cmp_change(*(const struct diff_change *const *)a,
	    *(const struct diff_change *const *)b, 0));
}

static void
put_role(struct emitter *e, const char *role)
{
	if (strcmp(role, "PUBLIC") == 0)
		vbuf_puts(e->out, "PUBLIC");
	else
		vf_quote_ident(e->out, role);
}

/* One GRANT or REVOKE of changes v[0..n). */
static void
put_statement(struct emitter *e, const struct diff_change *const *v,
    size_t n, int revoke)
{
	const char	*name = revoke ? v[0]->old_name : v[0]->name;
	const char	*col = revoke ? v[0]->old_tbl : v[0]->tbl;
	size_t		 i;

	/* No other statement waits for a grant, nor is ordered by one. */
	emit_stmt_begin(e, "grant", name, "finish");
	vbuf_puts(e->out, revoke ? "REVOKE " : "GRANT ");
	for (i = 0; i < n; i++) {
		vbuf_puts(e->out, i > 0 ? ", " : "");
		vbuf_puts(e->out, v[i]->ckind);
		if (col != NULL) {
			vbuf_puts(e->out, " (");
			vf_quote_ident(e->out, col);
			vbuf_putc(e->out, ')');
		}
	}
	if (strcmp(v[0]->field, "schema") == 0) {
		vbuf_puts(e->out, " ON SCHEMA ");
		vf_quote_ident(e->out, name);
	} else {
		vbuf_appendf(e->out, " ON %s ", strcmp(v[0]->field, "table") ==
		    0 ? "TABLE" : strcmp(v[0]->field, "sequence") == 0 ?
		    "SEQUENCE" : "TYPE");
		emit_qname(e, name);
	}
	vbuf_puts(e->out, revoke ? " FROM " : " TO ");
	put_role(e, v[0]->extra);
	if (!revoke && strcmp(v[0]->to_val, "t") == 0)
		vbuf_puts(e->out, " WITH GRANT OPTION");
	vbuf_puts(e->out, ";\n");
}

/* Every statement of the changes that step takes (revoke or grant). */
static void
step(struct emitter *e, int revoke)
{
	const struct diff_change	**v, *c;
	size_t				 i, n, nv = 0;

	v = xcalloc(e->d.n + 1, sizeof(*v));
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "grant", NULL) ||
		    emit_is(c, "grant", revoke ? "add" : "drop") ||
		    (revoke && emit_is(c, "grant", "drop") && dropped(e, c)))
			continue;
		/* A view dropped goes with its grants; one created (again)
		   gets all of its own (emit_views_create()). */
		if (strcmp(c->field, "table") == 0 && (revoke ?
		    c->old_name != NULL && emit_view_dropped(e, c->old_name) :
		    emit_view_whole(e, c->name) ||
		    emit_view_became_table(e, c->name)))
			continue;
		v[nv++] = c;
	}
	qsort(v, nv, sizeof(*v), revoke ? cmp_revoke : cmp_grant);
	for (i = 0; i < nv; i += n) {
		for (n = 1; i + n < nv &&
		    cmp_statement(v[i], v[i + n], revoke) == 0; n++)
			;
		put_statement(e, v + i, n, revoke);
	}
	free(v);
}

void
emit_grants_revoke(struct emitter *e)
{
	step(e, 1);
}

void
emit_grants_grant(struct emitter *e)
{
	step(e, 0);
	emit_view_table_grants(e);
}

/* The end of a GRANT on (word) name, to role, with grant option go. */
static void
put_object_to(struct emitter *e, const char *word, const char *name,
    const char *role, const char *go)
{
	vbuf_appendf(e->out, " ON %s ", word);
	emit_qname(e, name);
	vbuf_puts(e->out, " TO ");
	put_role(e, role);
	vbuf_puts(e->out, strcmp(go, "t") == 0 ? " WITH GRANT OPTION;\n" :
	    ";\n");
}

void
emit_object_grants(struct emitter *e, const char *on_kind, const char *name)
{
	sqlite3_stmt	*st;
	char		*to = NULL, *go = NULL;
	const char	*r, *g;
	const char	*word = strcmp(on_kind, "type") == 0 ? "TYPE" : "TABLE";

	st = emit_query(e, "SELECT grantee, grantable, privilege FROM grants "
	    "WHERE side = ?1 AND on_kind = ?2 AND name = ?3 AND col IS NULL "
	    "ORDER BY grantee, grantable, privilege", e->to, on_kind, name);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		r = emit_text(st, 0);
		g = emit_text(st, 1);
		if (to != NULL && strcmp(to, r) == 0 && strcmp(go, g) == 0) {
			vbuf_puts(e->out, ", ");
			vbuf_puts(e->out, emit_text(st, 2));
			continue;
		}
		if (to != NULL)
			put_object_to(e, word, name, to, go);
		free(to);
		free(go);
		to = xstrdup(r);
		go = xstrdup(g);
		vbuf_puts(e->out, "GRANT ");
		vbuf_puts(e->out, emit_text(st, 2));
	}
	if (to != NULL)
		put_object_to(e, word, name, to, go);
	sqlite3_finalize(st);
	free(to);
	free(go);
}
