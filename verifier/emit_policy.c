/*
 * emit_policy.c: the statements of row level security.  A policy whose
 * command or kind (permissive, restrictive) changes, or that loses its
 * USING or WITH CHECK, is dropped and created again (ALTER POLICY cannot
 * say these); so is a policy that reads a column that is dropped, changes
 * type or is made generated, or a table that is dropped (PostgreSQL
 * refuses these under a policy), or of an enum that is recreated, or a
 * view that is dropped (and maybe created again): what
 * a policy reads comes from the
 * store's policies.deps (pg_depend).  Drops go first, under the source
 * names (step 0); creates, ALTER POLICY for a change of roles, USING or
 * WITH CHECK, comments and the tables' ENABLE / FORCE ROW LEVEL SECURITY
 * go after every table, column and view exists (step 8).
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/* Policies to drop and create again: source table, target table, name. */
struct pset {
	char	**o_tbl, **tbl, **name;
	size_t	  n;
};

static int
pset_has(const struct pset *s, const char *o_tbl, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->o_tbl[i], o_tbl) == 0 &&
		    strcmp(s->name[i], name) == 0)
			return (1);
	return (0);
}

/* Whether s holds the policy name of target table tbl. */
static int
pset_has_target(const struct pset *s, const char *tbl, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->tbl[i], tbl) == 0 &&
		    strcmp(s->name[i], name) == 0)
			return (1);
	return (0);
}

static void
pset_add(struct pset *s, const char *o_tbl, const char *tbl,
    const char *name)
{
	if (pset_has(s, o_tbl, name))
		return;
	s->o_tbl = xrealloc(s->o_tbl, (s->n + 1) * sizeof(*s->o_tbl));
	s->tbl = xrealloc(s->tbl, (s->n + 1) * sizeof(*s->tbl));
	s->name = xrealloc(s->name, (s->n + 1) * sizeof(*s->name));
	s->o_tbl[s->n] = xstrdup(o_tbl);
	s->tbl[s->n] = xstrdup(tbl);
	s->name[s->n] = xstrdup(name);
	s->n++;
}

static void
pset_free(struct pset *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		free(s->o_tbl[i]);
		free(s->tbl[i]);
		free(s->name[i]);
	}
	free(s->o_tbl);
	free(s->tbl);
	free(s->name);
	memset(s, 0, sizeof(*s));
}

/*
 * Adds to s the source policies that read column col of source table
 * tbl (col NULL: any of it, but not the policies of tbl itself, which go
 * with it); col is a source name or the target name of a renamed one.
 */
static void
add_readers(struct emitter *e, struct pset *s, const char *tbl,
    const char *col)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT p.o_tbl, p.tbl, p.name FROM temp.pmap p "
	    "WHERE (?2 IS NULL AND p.o_tbl <> ?1 AND instr(p.deps, char(10) "
	    "|| ?1 || char(9)) > 0) OR (?2 IS NOT NULL AND (instr(p.deps, "
	    "char(10) || ?1 || char(9) || ?2 || char(10)) > 0 "
	    "OR EXISTS (SELECT 1 FROM temp.cmap m WHERE m.f_tbl = ?1 "
	    "AND m.t_name = ?2 AND instr(p.deps, char(10) || ?1 || char(9) "
	    "|| m.f_name || char(10)) > 0))) ORDER BY p.o_tbl, p.name",
	    tbl, col, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		pset_add(s, emit_text(st, 0), emit_text(st, 1),
		    emit_text(st, 2));
	sqlite3_finalize(st);
}

/*
 * Adds to s the source policies that read a column of enum name (or of
 * an array of it), which its recreation converts.
 */
static void
enum_readers(struct emitter *e, struct pset *s, const char *name)
{
	sqlite3_stmt	*st;

	st = emit_enum_columns(e, name);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		add_readers(e, s, emit_text(st, 0), emit_text(st, 1));
	sqlite3_finalize(st);
}

/* emit_views_dropped()'s callback: the policies that read view name. */
static void
view_readers(struct emitter *e, const char *name, void *arg)
{
	add_readers(e, arg, name, NULL);
}

/* The source policies to drop before anything else changes. */
static void
dropped_policies(struct emitter *e, struct pset *s)
{
	const struct diff_change	*c;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "policy", "drop") ||
		    (emit_is(c, "policy", "alter") &&
		    (emit_field_is(c, "command") || emit_field_is(c, "as") ||
		    ((emit_field_is(c, "using") ||
		    emit_field_is(c, "with_check")) && c->to_val == NULL))))
			pset_add(s, c->old_tbl, c->tbl, c->name);
		else if (emit_is(c, "table", "drop"))
			add_readers(e, s, c->name, NULL);
		else if (emit_is(c, "column", "drop") ||
		    (emit_is(c, "column", "alter") &&
		    (emit_field_is(c, "type") ||
		    emit_field_is(c, "generated"))))
			add_readers(e, s, c->old_tbl, c->name);
		else if (emit_enum_recreated(e, c))
			enum_readers(e, s, c->name);
	}
	emit_views_dropped(e, view_readers, s);
}

void
emit_policies_drop(struct emitter *e)
{
	struct pset	s;
	size_t		i;

	memset(&s, 0, sizeof(s));
	dropped_policies(e, &s);
	for (i = 0; i < s.n; i++) {
		vbuf_puts(e->out, "DROP POLICY ");
		vf_quote_ident(e->out, s.name[i]);
		vbuf_puts(e->out, " ON ");
		emit_qname(e, s.o_tbl[i]);
		vbuf_puts(e->out, ";\n");
	}
	pset_free(&s);
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

static void
put_comment(struct emitter *e, const char *tbl, const char *name,
    const char *comment)
{
	struct vbuf	what;

	vbuf_init(&what);
	vbuf_puts(&what, "POLICY ");
	vf_quote_ident(&what, name);
	vbuf_puts(&what, " ON");
	emit_comment_on(e, what.data, tbl, NULL, comment);
	vbuf_free(&what);
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
			put_comment(e, tbl, name, emit_text(st, 5));
	}
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
	struct pset			 s;
	size_t				 i;
	int				 on;

	memset(&s, 0, sizeof(s));
	dropped_policies(e, &s);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		on = c->to_val != NULL && strcmp(c->to_val, "t") == 0;
		if (emit_is(c, "table", "add"))
			new_table_flags(e, c->name);
		else if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "row_level_security")) {
			emit_alter_table(e, c->name);
			vbuf_puts(e->out, on ? "ENABLE" : "DISABLE");
			vbuf_puts(e->out, " ROW LEVEL SECURITY;\n");
		} else if (emit_is(c, "table", "alter") &&
		    emit_field_is(c, "force_row_level_security")) {
			emit_alter_table(e, c->name);
			vbuf_puts(e->out, on ? "FORCE" : "NO FORCE");
			vbuf_puts(e->out, " ROW LEVEL SECURITY;\n");
		}
	}
	/* Those dropped that the target keeps, then the new ones. */
	for (i = 0; i < s.n; i++)
		create_policy(e, s.tbl[i], s.name[i]);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "policy", "add"))
			create_policy(e, c->tbl, c->name);
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "policy", "alter") ||
		    pset_has_target(&s, c->tbl, c->name))
			continue;
		if (emit_field_is(c, "comment")) {
			put_comment(e, c->tbl, c->name, c->to_val);
			continue;
		}
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
	pset_free(&s);
}
