/*
 * emit_policy.c: the statements of row level security.  A policy whose
 * command or kind (permissive, restrictive) changes, or that loses its
 * USING or WITH CHECK, is dropped and created again (ALTER POLICY cannot
 * say these).  Policies are a kind of emit_kinds[] (named "table.name"
 * as the deps set names them): the dependents closure (emit_order.c)
 * drops and creates again those that read a column that is dropped,
 * changes type or is made generated, a table that is dropped (not their
 * own: it takes them with it), a column of an enum or domain that is
 * recreated, or a view that is dropped or created again; PostgreSQL
 * refuses these under a policy, and the graph orders them.  Creates,
 * ALTER POLICY for a change of roles, USING or WITH CHECK, comments and
 * the tables' ENABLE / FORCE ROW LEVEL SECURITY are step 8.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

int
emit_policy_recreated(struct emitter *e, const struct diff_change *c)
{
	return (emit_is(c, "policy", "alter") &&
	    (emit_field_is(c, "command") || emit_field_is(c, "as") ||
	    ((emit_field_is(c, "using") || emit_field_is(c, "with_check")) &&
	    c->to_val == NULL)));
}

void
emit_policy_drop(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;

	/* name is "tbl.name": the source's policy of that whole name. */
	st = emit_query(e, "SELECT tbl, name FROM policies WHERE side = ?1 "
	    "AND tbl || '.' || name = ?2", e->from, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		emit_stmt_begin(e, "policy", name, "drop");
		vbuf_puts(e->out, "DROP POLICY ");
		vf_quote_ident(e->out, emit_text(st, 1));
		vbuf_puts(e->out, " ON ");
		emit_qname(e, emit_text(st, 0));
		vbuf_puts(e->out, ";\n");
	}
	sqlite3_finalize(st);
}

/* Whether expression x is one parenthesised whole: "(a) AND (b)" is not. */
static int
wrapped(const char *x)
{
	const char	*p;
	int		 depth = 0;
	char		 q = 0;

	if (x[0] != '(')
		return (0);
	for (p = x; *p != '\0'; p++) {
		if (q != 0) {
			if (*p == q)
				q = 0;
			continue;
		}
		if (*p == '\'' || *p == '"')
			q = *p;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return (p[1] == '\0');
	}
	return (0);
}

/* " word (x)", x in parentheses when it has none of its own. */
static void
put_expr(struct emitter *e, const char *word, const char *x)
{
	vbuf_appendf(e->out, "\n  %s ", word);
	if (wrapped(x))
		vbuf_puts(e->out, x);
	else
		vbuf_appendf(e->out, "(%s)", x);
}

/* " TO a, b" from roles one a line (PUBLIC as it is). */
static void
put_roles(struct emitter *e, const char *roles)
{
	const char	*p, *nl;
	char		*r;

	vbuf_puts(e->out, " TO ");
	for (p = roles; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		if (p != roles)
			vbuf_puts(e->out, ", ");
		r = xstrndup(p, (size_t)(nl - p));
		if (strcmp(r, "PUBLIC") == 0)
			vbuf_puts(e->out, r);
		else
			vf_quote_ident(e->out, r);
		free(r);
	}
}

/* CREATE POLICY for policy name of target table tbl, with its comment. */
static void
create_policy(struct emitter *e, const char *tbl, const char *name)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT cmd, permissive, roles, qual, with_check, "
	    "comment FROM policies WHERE side = ?1 AND tbl = ?2 AND name = ?3",
	    e->to, tbl, name);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		emit_stmt_begin_on(e, "policy", tbl, name, "create");
		vbuf_puts(e->out, "CREATE POLICY ");
		vf_quote_ident(e->out, name);
		vbuf_puts(e->out, " ON ");
		emit_qname(e, tbl);
		if (strcmp(emit_text(st, 1), "RESTRICTIVE") == 0)
			vbuf_puts(e->out, " AS RESTRICTIVE");
		if (strcmp(emit_text(st, 0), "ALL") != 0)
			vbuf_appendf(e->out, " FOR %s", emit_text(st, 0));
		if (emit_text(st, 2) != NULL &&
		    strcmp(emit_text(st, 2), "PUBLIC") != 0)
			put_roles(e, emit_text(st, 2));
		if (emit_text(st, 3) != NULL)
			put_expr(e, "USING", emit_text(st, 3));
		if (emit_text(st, 4) != NULL)
			put_expr(e, "WITH CHECK", emit_text(st, 4));
		vbuf_puts(e->out, ";\n");
		if (emit_text(st, 5) != NULL)
			emit_comment_on_member(e, "POLICY", tbl,
			    name, emit_text(st, 5));
	}
	sqlite3_finalize(st);
}

void
emit_policy_create(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;

	/* name is the source's "tbl.name"; its table may take a new name. */
	st = emit_query(e, "SELECT tbl, name FROM temp.pmap "
	    "WHERE o_tbl || '.' || name = ?1", name, NULL, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		create_policy(e, emit_text(st, 0), emit_text(st, 1));
	sqlite3_finalize(st);
}

/* ENABLE / FORCE ROW LEVEL SECURITY of new table tbl, as the target has. */
static void
new_table_flags(struct emitter *e, const char *tbl)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT rls = 't', force_rls = 't' FROM tables "
	    "WHERE side = ?1 AND name = ?2", e->to, tbl, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		emit_stmt_begin(e, "table", tbl, "finish");
		if (sqlite3_column_int(st, 0)) {
			emit_alter_table(e, tbl);
			vbuf_puts(e->out, "ENABLE ROW LEVEL SECURITY;\n");
		}
		if (sqlite3_column_int(st, 1)) {
			emit_alter_table(e, tbl);
			vbuf_puts(e->out, "FORCE ROW LEVEL SECURITY;\n");
		}
	}
	sqlite3_finalize(st);
}

void
emit_policies_create(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;
	int				 on;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		on = c->to_val != NULL && strcmp(c->to_val, "t") == 0;
		if (emit_is(c, "table", "add"))
			new_table_flags(e, c->name);
		else if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "row_level_security")) {
			emit_stmt_begin(e, "table", c->name, "alter");
			emit_alter_table(e, c->name);
			vbuf_puts(e->out, on ? "ENABLE" : "DISABLE");
			vbuf_puts(e->out, " ROW LEVEL SECURITY;\n");
		} else if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "force_row_level_security")) {
			emit_stmt_begin(e, "table", c->name, "alter");
			emit_alter_table(e, c->name);
			vbuf_puts(e->out, on ? "FORCE" : "NO FORCE");
			vbuf_puts(e->out, " ROW LEVEL SECURITY;\n");
		}
	}
	/* The new ones (those recreated: emit_dependents_create()). */
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "policy", "add"))
			create_policy(e, c->tbl, c->name);
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "policy", "alter") ||
		    emit_recreated_on(e, "policy", c->old_tbl, c->name))
			continue;
		if (emit_field_is(c, "comment")) {
			emit_stmt_begin_on(e, "policy", c->tbl, c->name,
			    "finish");
			emit_comment_on_member(e, "POLICY", c->tbl,
			    c->name, c->to_val);
			continue;
		}
		emit_stmt_begin_on(e, "policy", c->tbl, c->name, "alter");
		vbuf_puts(e->out, "ALTER POLICY ");
		vf_quote_ident(e->out, c->name);
		vbuf_puts(e->out, " ON ");
		emit_qname(e, c->tbl);
		if (emit_field_is(c, "roles"))
			put_roles(e, c->to_val != NULL ? c->to_val : "PUBLIC");
		else
			put_expr(e, emit_field_is(c, "using") ? "USING" :
			    "WITH CHECK", c->to_val);
		vbuf_puts(e->out, ";\n");
	}
}
