/*
 * emit_function.c: the statements of functions and procedures.  A new
 * one is created with PostgreSQL's own text of it (pg_get_functiondef on
 * the target side, its "CREATE OR REPLACE" made "CREATE"); a change of
 * its body or attributes is that text as it is, CREATE OR REPLACE, which
 * sets every attribute; a change of its arguments (defaults, OUT ones) or
 * of its result type, which PostgreSQL cannot replace, is a drop and a
 * create, and the views that call it are dropped before and created
 * again after (emit_view.c asks emit_function_recreated()).  Functions
 * are dropped after the tables (step 7), so a dropped table's defaults
 * and checks no longer need them, and created after everything but the
 * views (step 8), which may call them; a language sql function that no
 * view calls is created after the views, since PostgreSQL checks its
 * body, which may read one, when it is created.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

static int
is_function(const struct diff_change *c, const char *action)
{
	return (emit_is(c, "function", action) ||
	    emit_is(c, "procedure", action));
}

int
emit_function_recreated(const struct diff_change *c)
{
	return (is_function(c, "drop") || (is_function(c, "alter") &&
	    (emit_field_is(c, "arguments") || emit_field_is(c, "result"))));
}

/* Whether function name is dropped and created again by these changes. */
static int
recreated(const struct emitter *e, const char *name)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (strcmp(e->d.v[i].name, name) == 0 &&
		    is_function(&e->d.v[i], "alter") &&
		    emit_function_recreated(&e->d.v[i]))
			return (1);
	return (0);
}

/* "schema"."fname"(identity) of function name on side. */
static int
put_function(struct emitter *e, const char *side, const char *name)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	st = emit_query(e, "SELECT fname, identity FROM functions "
	    "WHERE side = ?1 AND name = ?2", side, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		emit_qname(e, emit_text(st, 0));
		vbuf_putc(e->out, '(');
		vbuf_puts(e->out, emit_text(st, 1));
		vbuf_putc(e->out, ')');
		found = 1;
	}
	sqlite3_finalize(st);
	return (found);
}

void
emit_functions_drop(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i, j;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_function_recreated(c))
			continue;
		/* Once for a function with two changes of this kind. */
		for (j = 0; j < i; j++)
			if (emit_function_recreated(&e->d.v[j]) &&
			    strcmp(e->d.v[j].name, c->name) == 0)
				break;
		if (j < i)
			continue;
		vbuf_puts(e->out, emit_is(c, "procedure", NULL) ?
		    "DROP PROCEDURE " : "DROP FUNCTION ");
		put_function(e, e->from, c->name);
		vbuf_puts(e->out, ";\n");
	}
}

/* PostgreSQL's text of function name on the target side, as CREATE OR
   REPLACE or (create set) as CREATE; then its comment (comment set). */
static void
create_function(struct emitter *e, const char *name, int create,
    int comment)
{
	sqlite3_stmt	*st;
	const char	*def, *cm;
	size_t		 len;

	st = emit_query(e, "SELECT def, comment, kind FROM functions "
	    "WHERE side = ?1 AND name = ?2", e->to, name, NULL);
	if (st == NULL)
		return;
	if (sqlite3_step(st) == SQLITE_ROW && (def = emit_text(st, 0)) !=
	    NULL) {
		if (create && strncmp(def, "CREATE OR REPLACE ", 18) == 0) {
			vbuf_puts(e->out, "CREATE ");
			def += 18;
		}
		len = strlen(def);
		while (len > 0 && strchr(" \n", def[len - 1]) != NULL)
			len--;
		vbuf_append(e->out, def, len);
		vbuf_puts(e->out, ";\n");
		if (comment && (cm = emit_text(st, 1)) != NULL) {
			vbuf_puts(e->out, strcmp(emit_text(st, 2), "p") == 0 ?
			    "COMMENT ON PROCEDURE " : "COMMENT ON FUNCTION ");
			put_function(e, e->to, name);
			vbuf_puts(e->out, " IS ");
			vf_quote_literal(e->out, cm);
			vbuf_puts(e->out, ";\n");
		}
	}
	sqlite3_finalize(st);
}

/*
 * Whether function name goes after the views: a language sql one
 * (PostgreSQL checks its body when it is created, and the body may read a
 * view) that no view of the target calls.
 */
static int
after_views(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;
	int		 late = 0;

	st = emit_query(e, "SELECT 1 FROM functions f WHERE f.side = ?1 "
	    "AND f.name = ?2 AND f.language = 'sql' AND NOT EXISTS (SELECT 1 "
	    "FROM viewdeps d WHERE d.side = ?1 AND d.ref_tbl = f.name)",
	    e->to, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		late = 1;
	sqlite3_finalize(st);
	return (late);
}

void
emit_functions_create(struct emitter *e, int late)
{
	const struct diff_change	*c;
	size_t				 i, j;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if ((is_function(c, "add") || is_function(c, "alter")) &&
		    after_views(e, c->name) != late)
			continue;
		if (is_function(c, "add")) {
			create_function(e, c->name, 1, 1);
			continue;
		}
		if (!is_function(c, "alter"))
			continue;
		/* The first change of each function says what it needs. */
		for (j = 0; j < i; j++)
			if (is_function(&e->d.v[j], "alter") &&
			    strcmp(e->d.v[j].name, c->name) == 0)
				break;
		if (j < i)
			continue;
		if (recreated(e, c->name)) {
			create_function(e, c->name, 1, 1);
			continue;
		}
		for (j = i; j < e->d.n; j++)
			if (is_function(&e->d.v[j], "alter") &&
			    strcmp(e->d.v[j].name, c->name) == 0 &&
			    !emit_field_is(&e->d.v[j], "comment"))
				break;
		if (j < e->d.n)
			create_function(e, c->name, 0, 0);
	}
	/* Comments of kept functions. */
	for (i = 0; late && i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!is_function(c, "alter") || !emit_field_is(c, "comment") ||
		    recreated(e, c->name))
			continue;
		vbuf_puts(e->out, emit_is(c, "procedure", NULL) ?
		    "COMMENT ON PROCEDURE " : "COMMENT ON FUNCTION ");
		put_function(e, e->to, c->name);
		vbuf_puts(e->out, " IS ");
		if (c->to_val != NULL)
			vf_quote_literal(e->out, c->to_val);
		else
			vbuf_puts(e->out, "NULL");
		vbuf_puts(e->out, ";\n");
	}
}
