/*
 * emit_view.c: the statements of views and materialized views (a change
 * of a materialized view's query or options is always a drop and a
 * create).  A view is dropped before what
 * it reads changes under it (a table dropped, a column dropped, given
 * another type or made generated, an enum it uses recreated: PostgreSQL
 * refuses these under a view) and created again
 * at the end; so is a view whose new query changes its columns other
 * than by appending (CREATE OR REPLACE VIEW cannot), and every view that
 * reads a dropped one.  Other changes of a query or of the options are
 * CREATE OR REPLACE VIEW.  What reads what comes from the store's
 * viewdeps (the views' rules in pg_depend): drops on the source side,
 * dependents first; creates on the target side, dependencies first.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"
#include "pgtree.h"

/* A set of view names, in the order they were added. */
struct vset {
	char	**v;
	size_t	  n;
};

static int
vset_has(const struct vset *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i], name) == 0)
			return (1);
	return (0);
}

static void
vset_add(struct vset *s, const char *name)
{
	if (vset_has(s, name))
		return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	s->v[s->n++] = xstrdup(name);
}

static void
vset_free(struct vset *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/*
 * Adds to s the views of the source side that read relation tbl (column
 * col of it, when col is not NULL: under its source name, or the one it
 * is renamed from).
 */
static void
add_readers(struct emitter *e, struct vset *s, const char *tbl,
    const char *col)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT DISTINCT d.vw FROM viewdeps d "
	    "WHERE d.side = ?1 AND d.ref_tbl = ?2 AND (?3 IS NULL "
	    "OR d.ref_col = ?3 OR EXISTS (SELECT 1 FROM temp.cmap m "
	    "WHERE m.f_tbl = d.ref_tbl AND m.f_name = d.ref_col "
	    "AND m.t_name = ?3)) ORDER BY d.vw", e->from, tbl, col);
	if (st == NULL)
		return;
	while (sqlite3_step(st) == SQLITE_ROW)
		vset_add(s, emit_text(st, 0));
	sqlite3_finalize(st);
}

/*
 * Adds to s the views that name enum (a cast) or read a column of it (or
 * of an array of it), which its recreation converts.
 */
static void
enum_readers(struct emitter *e, struct vset *s, const char *name)
{
	struct vbuf	 qual;
	sqlite3_stmt	*st;

	add_readers(e, s, name, NULL);
	vbuf_init(&qual);
	vf_quote_ident(&qual, e->schema);
	vbuf_putc(&qual, '.');
	vf_quote_ident(&qual, name);
	st = emit_query(e, "SELECT tbl, name FROM columns WHERE side = ?1 "
	    "AND (type = ?2 OR type = ?2 || '[]') ORDER BY tbl, name",
	    e->from, qual.data, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		add_readers(e, s, emit_text(st, 0), emit_text(st, 1));
	sqlite3_finalize(st);
	vbuf_free(&qual);
}

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

/* The source views to drop (and create again when the target has them). */
static void
dropped_views(struct emitter *e, struct vset *r)
{
	const struct diff_change	*c;
	struct pgtree_names		 fn;
	size_t				 i;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (is_view(c, "drop") ||
		    (emit_is(c, "view", "alter") &&
		    emit_field_is(c, "definition") &&
		    !replaceable(e, c->name)) ||
		    (emit_is(c, "materialized view", "alter") &&
		    (emit_field_is(c, "definition") ||
		    emit_field_is(c, "options"))))
			vset_add(r, c->name);
		else if (emit_is(c, "table", "drop"))
			add_readers(e, r, c->name, NULL);
		else if (emit_is(c, "column", "drop"))
			add_readers(e, r, c->old_tbl, c->name);
		else if (emit_is(c, "column", "alter") &&
		    (emit_field_is(c, "type") ||
		    emit_field_is(c, "generated")))
			/* A type change, or a column dropped and added
			   again to become generated or stop being so. */
			add_readers(e, r, c->old_tbl, c->name);
		else if (emit_enum_recreated(e, c))
			enum_readers(e, r, c->name);
	}
	/* The views that call a function the migration drops. */
	memset(&fn, 0, sizeof(fn));
	emit_functions_dropped(e, &fn);
	for (i = 0; i < fn.n; i++)
		add_readers(e, r, fn.v[i], NULL);
	pgtree_names_free(&fn);
	/* And whatever reads those, r growing as it goes. */
	for (i = 0; i < r->n; i++)
		add_readers(e, r, r->v[i], NULL);
}

/* Whether some view of s other than done ones reads name on side. */
static int
read_by_pending(struct emitter *e, const char *side, const char *name,
    const struct vset *s, const struct vset *done, int reverse)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	/* reverse: does name read a pending view, instead. */
	st = emit_query(e, reverse ?
	    "SELECT ref_tbl FROM viewdeps WHERE side = ?1 AND vw = ?2" :
	    "SELECT vw FROM viewdeps WHERE side = ?1 AND ref_tbl = ?2",
	    side, name, NULL);
	if (st == NULL)
		return (0);
	while (!found && sqlite3_step(st) == SQLITE_ROW)
		found = strcmp(emit_text(st, 0), name) != 0 &&
		    vset_has(s, emit_text(st, 0)) &&
		    !vset_has(done, emit_text(st, 0));
	sqlite3_finalize(st);
	return (found);
}

/*
 * s in an order where no view comes before one it must follow: with
 * reverse 0, a view after those that read it (for drops); with reverse 1,
 * after those it reads (for creates).  A cycle cannot happen between
 * views; should one show up, the rest go in the order of s.
 */
static void
ordered(struct emitter *e, const char *side, const struct vset *s,
    int reverse, struct vset *out)
{
	size_t	i;
	int	progress = 1;

	while (out->n < s->n && progress) {
		progress = 0;
		for (i = 0; i < s->n; i++) {
			if (vset_has(out, s->v[i]) || read_by_pending(e, side,
			    s->v[i], s, out, reverse))
				continue;
			vset_add(out, s->v[i]);
			progress = 1;
		}
	}
	for (i = 0; i < s->n; i++)
		vset_add(out, s->v[i]);
}

int
emit_view_dropped(struct emitter *e, const char *name)
{
	struct vset	r;
	int		found;

	memset(&r, 0, sizeof(r));
	dropped_views(e, &r);
	found = vset_has(&r, name);
	vset_free(&r);
	return (found);
}

void
emit_views_drop(struct emitter *e)
{
	struct vset	r, o;
	size_t		i;

	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	dropped_views(e, &r);
	ordered(e, e->from, &r, 0, &o);
	for (i = 0; i < o.n; i++) {
		if (view_kind(e, e->from, o.v[i]) != 'm') {
			vbuf_puts(e->out, "DROP VIEW ");
			emit_qname(e, o.v[i]);
			vbuf_puts(e->out, ";\n");
			continue;
		}
		if (view_kind(e, e->to, o.v[i]) == 'm')
			vbuf_appendf(e->out, "-- not destructive: %s.%s is "
			    "created again below, its rows computed again "
			    "from its query (as REFRESH does)\n", e->schema,
			    o.v[i]);
		vbuf_puts(e->out, "DROP MATERIALIZED VIEW ");
		emit_qname(e, o.v[i]);
		vbuf_puts(e->out, ";\n");
	}
	vset_free(&r);
	vset_free(&o);
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

/* Whether view name is new in the target. */
static int
is_new(struct emitter *e, const char *name)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (is_view(&e->d.v[i], "add") &&
		    strcmp(e->d.v[i].name, name) == 0)
			return (1);
	return (0);
}

void
emit_views_create(struct emitter *e)
{
	const struct diff_change	*c;
	struct vset			 r, s, o;
	size_t				 i;
	sqlite3_stmt			*st;

	memset(&r, 0, sizeof(r));
	memset(&s, 0, sizeof(s));
	memset(&o, 0, sizeof(o));
	dropped_views(e, &r);
	/* New views, dropped ones the target keeps, replaced ones. */
	st = emit_query(e, "SELECT name FROM views WHERE side = ?1 "
	    "ORDER BY name", e->to, NULL, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		if (vset_has(&r, emit_text(st, 0)))
			vset_add(&s, emit_text(st, 0));
	sqlite3_finalize(st);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (is_view(c, "add") || (emit_is(c, "view", "alter") &&
		    (emit_field_is(c, "definition") ||
		    emit_field_is(c, "options"))))
			vset_add(&s, c->name);
	}
	ordered(e, e->to, &s, 1, &o);
	for (i = 0; i < o.n; i++)
		create_view(e, o.v[i], !vset_has(&r, o.v[i]) &&
		    !is_new(e, o.v[i]));
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (vset_has(&r, c->name) || !is_view(c, "alter"))
			continue;
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
	vset_free(&r);
	vset_free(&s);
	vset_free(&o);
}
