/*
 * emit_view.c: the statements of views and materialized views (a change
 * of a materialized view's query or options is always a drop and a
 * create).  A view whose new query changes its columns other than by
 * appending (CREATE OR REPLACE VIEW cannot) is recreated; other changes
 * of a query or of the options are CREATE OR REPLACE VIEW.  Views are a
 * kind of emit_kinds[]: the dependents closure (emit_order.c) drops and
 * creates again those that read what changes under them (a table
 * dropped, a column dropped, given another type or made generated, a
 * type recreated: PostgreSQL refuses these under a view), and the graph
 * orders them.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/*
 * Whether CREATE OR REPLACE VIEW can take view name from its source
 * columns to its target ones: the same names and types, new ones only
 * appended (cols is "name type\n" per column).
 */
static int
replaceable(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;
	const char	*f, *t;
	int		 ok = 0;

	st = emit_query(e, "SELECT f.cols, t.cols FROM views f JOIN views t "
	    "ON t.side = ?2 AND t.name = f.name WHERE f.side = ?1 "
	    "AND f.name = ?3", e->from, e->to, name);
	if (st == NULL)
		return (0);
	if (sqlite3_step(st) == SQLITE_ROW) {
		f = emit_text(st, 0);
		t = emit_text(st, 1);
		ok = f != NULL && t != NULL &&
		    strncmp(f, t, strlen(f)) == 0;
	}
	sqlite3_finalize(st);
	return (ok);
}

/* Whether c is about a view or a materialized view. */
static int
is_view(const struct diff_change *c, const char *action)
{
	return (emit_is(c, "view", action) ||
	    emit_is(c, "materialized view", action));
}

/* The kind of view name on side: 'v', 'm', or 0 when it has none. */
static char
view_kind(struct emitter *e, const char *side, const char *name)
{
	sqlite3_stmt	*st;
	char		 k = 0;

	st = emit_query(e, "SELECT kind FROM views WHERE side = ?1 "
	    "AND name = ?2", side, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW &&
	    emit_text(st, 0) != NULL)
		k = emit_text(st, 0)[0];
	sqlite3_finalize(st);
	return (k);
}

int
emit_view_recreated(struct emitter *e, const struct diff_change *c)
{
	return ((emit_is(c, "view", "alter") &&
	    emit_field_is(c, "definition") && !replaceable(e, c->name)) ||
	    (emit_is(c, "materialized view", "alter") &&
	    (emit_field_is(c, "definition") ||
	    emit_field_is(c, "options"))));
}

void
emit_view_drop(struct emitter *e, const char *name)
{
	if (view_kind(e, e->from, name) != 'm') {
		emit_stmt_begin(e, "view", name, "drop");
		vbuf_puts(e->out, "DROP VIEW ");
		emit_qname(e, name);
		vbuf_puts(e->out, ";\n");
		return;
	}
	emit_stmt_begin(e, "materialized view", name, "drop");
	if (view_kind(e, e->to, name) == 'm')
		vbuf_appendf(e->out, "-- not destructive: %s.%s is "
		    "created again below, its rows computed again "
		    "from its query (as REFRESH does)\n", e->schema, name);
	vbuf_puts(e->out, "DROP MATERIALIZED VIEW ");
	emit_qname(e, name);
	vbuf_puts(e->out, ";\n");
}

/* "name=value\n..." (reloptions) as " WITH (name = 'value', ...)". */
static void
put_options(struct emitter *e, const char *opts)
{
	const char	*p, *eq, *nl;
	char		*v;

	if (opts == NULL || *opts == '\0')
		return;
	vbuf_puts(e->out, " WITH (");
	for (p = opts; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		if ((eq = memchr(p, '=', (size_t)(nl - p))) == NULL)
			eq = nl;
		if (p != opts)
			vbuf_puts(e->out, ", ");
		v = xstrndup(p, (size_t)(eq - p));
		vf_quote_ident(e->out, v);
		free(v);
		if (eq < nl) {
			v = xstrndup(eq + 1, (size_t)(nl - eq - 1));
			vbuf_puts(e->out, " = ");
			vf_quote_literal(e->out, v);
			free(v);
		}
	}
	vbuf_putc(e->out, ')');
}

static void
create_view(struct emitter *e, const char *name, int replace)
{
	sqlite3_stmt	*st;

	int		 mat;

	st = emit_query(e, "SELECT def, reloptions, comment, kind = 'm', "
	    "populated FROM views WHERE side = ?1 AND name = ?2", e->to, name,
	    NULL);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		mat = sqlite3_column_int(st, 3);
		emit_stmt_begin(e, mat ? "materialized view" : "view", name,
		    replace ? "alter" : "create");
		vbuf_puts(e->out, mat ? "CREATE MATERIALIZED VIEW " :
		    replace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
		emit_qname(e, name);
		put_options(e, emit_text(st, 1));
		vbuf_puts(e->out, " AS\n");
		vbuf_puts(e->out, emit_text(st, 0));
		if (mat && strcmp(emit_text(st, 4), "t") != 0)
			vbuf_puts(e->out, "\n  WITH NO DATA");
		vbuf_puts(e->out, ";\n");
		if (!replace && emit_text(st, 2) != NULL)
			emit_comment_on(e, mat ? "MATERIALIZED VIEW" : "VIEW",
			    name, NULL, emit_text(st, 2));
	}
	sqlite3_finalize(st);
}

/* Whether view name is dropped and created again (either kind). */
static int
recreated(struct emitter *e, const char *name)
{
	return (emit_recreated(e, "view", name) ||
	    emit_recreated(e, "materialized view", name));
}

/* Whether c creates its view, or replaces it. */
static int
created(const struct diff_change *c)
{
	return (is_view(c, "add") || (emit_is(c, "view", "alter") &&
	    (emit_field_is(c, "definition") || emit_field_is(c, "options"))));
}

/* Whether a change before change i creates or replaces its view. */
static int
created_before(struct emitter *e, size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++)
		if (created(&e->d.v[j]) &&
		    strcmp(e->d.v[j].name, e->d.v[i].name) == 0)
			return (1);
	return (0);
}

void
emit_view_create(struct emitter *e, const char *name)
{
	create_view(e, name, 0);
}

void
emit_views_create(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	/* New views and replaced ones, once each (those recreated are
	   created by emit_dependents_create()); the graph orders them. */
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (recreated(e, c->name) || !created(c) ||
		    created_before(e, i))
			continue;
		create_view(e, c->name, !is_view(c, "add"));
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (recreated(e, c->name) || !is_view(c, "alter"))
			continue;
		emit_stmt_begin(e, c->kind, c->name, "finish");
		if (emit_field_is(c, "comment"))
			emit_comment_on(e, emit_is(c, "view", NULL) ? "VIEW" :
			    "MATERIALIZED VIEW", c->name, NULL, c->to_val);
		else if (emit_field_is(c, "with_data")) {
			vbuf_puts(e->out, "REFRESH MATERIALIZED VIEW ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, c->to_val != NULL &&
			    strcmp(c->to_val, "t") == 0 ? ";\n" :
			    " WITH NO DATA;\n");
		}
	}
}
