/*
 * emit_function.c: the statements of functions and procedures.  A new
 * one is created with PostgreSQL's own text of it (pg_get_functiondef on
 * the target side, its "CREATE OR REPLACE" made "CREATE"); a change of
 * its body or attributes is that text as it is, CREATE OR REPLACE, which
 * sets every attribute; a change of its arguments (defaults, OUT ones) or
 * of its result type, which PostgreSQL cannot replace, is a drop and a
 * create.  Functions and procedures are kinds of emit_kinds[]: the
 * dependents closure (emit_order.c) drops, before, and creates again,
 * after, the views, policies, triggers and functions with SQL-standard
 * bodies that depend on one dropped or recreated (and such a function when
 * what it reads changes); the graph orders them.  Functions are dropped
 * after the tables (step 7), so a dropped table's defaults and checks no
 * longer need them, but those with an SQL-standard body, which PostgreSQL
 * makes depend on the tables and columns it reads, before anything
 * changes (step 0); they are created after everything but the
 * views (step 8), which may call them; a language sql function that no
 * view calls is created after the views, since PostgreSQL checks its
 * body, which may read one, when it is created.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"
#include "pgtree.h"

static int
is_function(const struct diff_change *c, const char *action)
{
	return (emit_is(c, "function", action) ||
	    emit_is(c, "procedure", action));
}

int
emit_function_recreated(struct emitter *e, const struct diff_change *c)
{
	return (is_function(c, "alter") &&
	    (emit_field_is(c, "arguments") || emit_field_is(c, "result")));
}

/* One function to drop or create: its name (identity) and what to do. */
struct fitem {
	char	*name;
	int	 create;	/* CREATE, not CREATE OR REPLACE */
	int	 comment;	/* with its comment */
	int	 late;		/* created after the views */
};

struct flist {
	struct fitem	*v;
	size_t		 n;
};

static int
flist_has(const struct flist *l, const char *name)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return (1);
	return (0);
}

static void
flist_add(struct flist *l, const char *name, int create, int comment)
{
	if (flist_has(l, name))
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n].name = xstrdup(name);
	l->v[l->n].create = create;
	l->v[l->n].comment = comment;
	l->v[l->n].late = 0;
	l->n++;
}

static void
flist_free(struct flist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/*
 * The store's row of function name on side: its name without arguments,
 * its kind ('p' for a procedure, else 'f'), whether its body is
 * SQL-standard, which PostgreSQL tracks in pg_depend (each unless NULL);
 * the functions its language sql body calls, by name, into calls (unless
 * NULL).  0 when side has no such function.
 */
static int
function_row(struct emitter *e, const char *side, const char *name,
    char **fname, char *kind, int *sqlbody, struct pgtree_names *calls)
{
	sqlite3_stmt	*st;
	const char	*def;
	int		 found = 0;

	st = emit_query(e, "SELECT fname, def, language, kind FROM functions "
	    "WHERE side = ?1 AND name = ?2", side, name, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW &&
	    (def = emit_text(st, 1)) != NULL) {
		found = 1;
		if (fname != NULL)
			*fname = xstrdup(emit_text(st, 0));
		if (kind != NULL)
			*kind = emit_text(st, 3)[0];
		if (sqlbody != NULL)
			*sqlbody = strcmp(emit_text(st, 2), "sql") == 0 &&
			    strstr(def, "\nAS $") == NULL;
		if (calls != NULL)
			pgtree_function_calls(def, calls);
	}
	sqlite3_finalize(st);
	return (found);
}

/* Whether function name of side calls one named fname. */
static int
calls_name(struct emitter *e, const char *side, const char *name,
    const char *fname)
{
	struct pgtree_names	c;
	size_t			i;
	int			found = 0;

	memset(&c, 0, sizeof(c));
	function_row(e, side, name, NULL, NULL, NULL, &c);
	for (i = 0; i < c.n && !found; i++)
		found = strcmp(c.v[i], fname) == 0;
	pgtree_names_free(&c);
	return (found);
}

/*
 * l in an order where a function comes after those of l it calls on side
 * (reverse 0: for creates), or before them (reverse 1: for drops).  A
 * cycle leaves the rest in l's order.
 */
static void
fordered(struct emitter *e, const char *side, struct flist *l, int reverse)
{
	struct flist	 out;
	char		**fn;
	size_t		 i, j;
	int		 progress = 1, blocked;

	memset(&out, 0, sizeof(out));
	fn = xcalloc(l->n + 1, sizeof(*fn));
	for (i = 0; i < l->n; i++)
		if (!function_row(e, side, l->v[i].name, &fn[i], NULL, NULL,
		    NULL))
			fn[i] = xstrdup("");
	while (out.n < l->n && progress) {
		progress = 0;
		for (i = 0; i < l->n; i++) {
			if (flist_has(&out, l->v[i].name))
				continue;
			for (j = 0, blocked = 0; j < l->n && !blocked; j++)
				blocked = j != i && !flist_has(&out,
				    l->v[j].name) && (reverse ?
				    calls_name(e, side, l->v[j].name, fn[i]) :
				    calls_name(e, side, l->v[i].name, fn[j]));
			if (blocked)
				continue;
			flist_add(&out, l->v[i].name, l->v[i].create,
			    l->v[i].comment);
			progress = 1;
		}
	}
	for (i = 0; i < l->n; i++) {
		flist_add(&out, l->v[i].name, l->v[i].create,
		    l->v[i].comment);
		free(fn[i]);
	}
	free(fn);
	flist_free(l);
	*l = out;
}

/* The source functions to drop: those of emit_kinds[] the closure found. */
static void
dropped_functions(struct emitter *e, struct flist *l)
{
	size_t	i;

	for (i = 0; i < e->nrecreated; i++)
		if (strcmp(e->recreated[2 * i], "function") == 0 ||
		    strcmp(e->recreated[2 * i], "procedure") == 0)
			flist_add(l, e->recreated[2 * i + 1], 1, 1);
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

/* DROP FUNCTION or PROCEDURE of source function name, when its body is
   SQL-standard (early) or not. */
static void
drop_function(struct emitter *e, const char *name, int early)
{
	char	kind = 'f';
	int	sqlbody = 0;

	if (!function_row(e, e->from, name, NULL, &kind, &sqlbody, NULL) ||
	    sqlbody != early)
		return;
	emit_stmt_begin(e, kind == 'p' ? "procedure" : "function", name,
	    "drop");
	vbuf_puts(e->out, kind == 'p' ? "DROP PROCEDURE " :
	    "DROP FUNCTION ");
	put_function(e, e->from, name);
	vbuf_puts(e->out, ";\n");
}

void
emit_function_drop_early(struct emitter *e, const char *name)
{
	drop_function(e, name, 1);
}

void
emit_function_create_none(struct emitter *e, const char *name)
{
	/* emit_functions_create() creates them, before or after the views. */
}

void
emit_functions_drop(struct emitter *e)
{
	struct flist	l;
	size_t		i;

	memset(&l, 0, sizeof(l));
	dropped_functions(e, &l);
	fordered(e, e->from, &l, 1);
	for (i = 0; i < l.n; i++)
		drop_function(e, l.v[i].name, 0);
	flist_free(&l);
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
		emit_stmt_begin(e, strcmp(emit_text(st, 2), "p") == 0 ?
		    "procedure" : "function", name, create ? "create" :
		    "alter");
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
	    "FROM deps d WHERE d.side = ?1 AND d.ref_name = f.name "
	    "AND d.ref_kind IN ('function', 'procedure') "
	    "AND d.kind IN ('view', 'materialized view'))",
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
	struct flist			 dropped, l;
	char				*fname;
	size_t				 i, j;
	int				 progress;

	memset(&dropped, 0, sizeof(dropped));
	memset(&l, 0, sizeof(l));
	dropped_functions(e, &dropped);
	/* New ones, dropped ones the target has, replaced ones. */
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (is_function(c, "add"))
			flist_add(&l, c->name, 1, 1);
	}
	for (i = 0; i < dropped.n; i++)
		if (function_row(e, e->to, dropped.v[i].name, NULL, NULL,
		    NULL, NULL))
			flist_add(&l, dropped.v[i].name, 1, 1);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (is_function(c, "alter") && !emit_field_is(c, "comment") &&
		    !flist_has(&dropped, c->name))
			flist_add(&l, c->name, 0, 0);
	}
	/* Before the views: what after_views() does not put after them,
	   and what those call. */
	for (i = 0; i < l.n; i++)
		l.v[i].late = after_views(e, l.v[i].name);
	for (progress = 1; progress; ) {
		progress = 0;
		for (i = 0; i < l.n; i++)
			for (j = 0; !l.v[i].late && j < l.n; j++) {
				if (!l.v[j].late || !function_row(e, e->to,
				    l.v[j].name, &fname, NULL, NULL, NULL))
					continue;
				if (calls_name(e, e->to, l.v[i].name, fname)) {
					l.v[j].late = 0;
					progress = 1;
				}
				free(fname);
			}
	}
	for (i = l.n; i-- > 0; )
		if (l.v[i].late != late) {
			free(l.v[i].name);
			memmove(&l.v[i], &l.v[i + 1], (l.n - i - 1) *
			    sizeof(*l.v));
			l.n--;
		}
	fordered(e, e->to, &l, 0);
	for (i = 0; i < l.n; i++)
		create_function(e, l.v[i].name, l.v[i].create,
		    l.v[i].comment);
	/* Comments of kept functions. */
	for (i = 0; late && i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!is_function(c, "alter") || !emit_field_is(c, "comment") ||
		    flist_has(&dropped, c->name))
			continue;
		emit_stmt_begin(e, c->kind, c->name, "finish");
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
	flist_free(&dropped);
	flist_free(&l);
}
