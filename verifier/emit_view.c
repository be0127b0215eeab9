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
#include "model.h"

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
	sqlite3_stmt	*st;

	add_readers(e, s, name, NULL);
	st = emit_enum_columns(e, name);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		add_readers(e, s, emit_text(st, 0), emit_text(st, 1));
	sqlite3_finalize(st);
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

/* The views the migration drops, computed once and kept in e. */
static void
known_dropped(struct emitter *e, struct vset *r)
{
	size_t	i;

	if (!e->views_known) {
		memset(r, 0, sizeof(*r));
		dropped_views(e, r);
		e->views_dropped = r->v;
		e->nviews_dropped = r->n;
		e->views_known = 1;
	}
	memset(r, 0, sizeof(*r));
	for (i = 0; i < e->nviews_dropped; i++)
		vset_add(r, e->views_dropped[i]);
}

int
emit_view_dropped(struct emitter *e, const char *name)
{
	struct vset	r;
	int		found;

	if (name == NULL)
		return (0);
	known_dropped(e, &r);
	found = vset_has(&r, name);
	vset_free(&r);
	return (found);
}

void
emit_views_free(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->nviews_dropped; i++)
		free(e->views_dropped[i]);
	free(e->views_dropped);
	e->views_dropped = NULL;
	e->nviews_dropped = 0;
	e->views_known = 0;
}

void
emit_views_dropped(struct emitter *e, void (*fn)(struct emitter *,
    const char *, void *), void *arg)
{
	struct vset	r;
	size_t		i;

	memset(&r, 0, sizeof(r));
	dropped_views(e, &r);
	for (i = 0; i < r.n; i++)
		fn(e, r.v[i], arg);
	vset_free(&r);
}

void
emit_views_drop(struct emitter *e)
{
	struct vset	r, o;
	size_t		i;

	memset(&o, 0, sizeof(o));
	known_dropped(e, &r);
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
	char		*v, *w;

	if (opts == NULL || *opts == '\0')
		return;
	vbuf_puts(e->out, " WITH (");
	for (p = opts; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		if ((eq = memchr(p, '=', (size_t)(nl - p))) == NULL)
			eq = nl;
		if (p != opts)
			vbuf_puts(e->out, ", ");
		/* "toast.name": a materialized view's TOAST table's. */
		v = xstrndup(p, (size_t)(eq - p));
		w = eq < nl ? xstrndup(eq + 1, (size_t)(nl - eq - 1)) : NULL;
		model_put_param(e->out, v, w);
		free(v);
		free(w);
	}
	vbuf_putc(e->out, ')');
}

/*
 * Column comments of view name: each "col\x1fcomment" of list to (set),
 * with those of from that to has not (set to NULL); from NULL for a view
 * created with none.
 */
static void
col_comments(struct emitter *e, const char *name, const char *from,
    const char *to)
{
	const char	*l, *p, *q, *end, *sep;
	char		*col, *com, *old;
	size_t		 n;
	int		 pass;

	for (pass = 0; pass < 2; pass++) {
		/* pass 0: to's comments that differ; 1: from's that go. */
		l = pass == 0 ? to : from;
		for (p = l; p != NULL && *p != '\0'; p = *end != '\0' ?
		    end + 1 : end) {
			end = p + strcspn(p, "\x1e");
			if ((sep = memchr(p, '\x1f', (size_t)(end - p))) == NULL)
				continue;
			col = xstrndup(p, (size_t)(sep - p));
			com = xstrndup(sep + 1, (size_t)(end - sep - 1));
			/* The same column in the other list. */
			old = NULL;
			n = strlen(col);
			for (q = pass == 0 ? from : to; q != NULL &&
			    *q != '\0'; q += strcspn(q, "\x1e") +
			    (q[strcspn(q, "\x1e")] != '\0')) {
				if (strncmp(q, col, n) == 0 &&
				    q[n] == '\x1f') {
					old = xstrndup(q + n + 1,
					    strcspn(q + n + 1, "\x1e"));
					break;
				}
			}
			if (pass == 0 && (old == NULL || strcmp(old, com) != 0))
				emit_comment_on(e, "COLUMN", name, col, com);
			else if (pass == 1 && old == NULL)
				emit_comment_on(e, "COLUMN", name, col, NULL);
			free(col);
			free(com);
			free(old);
		}
	}
}

static void
create_view(struct emitter *e, const char *name, int replace)
{
	sqlite3_stmt	*st;

	int		 mat;

	st = emit_query(e, "SELECT def, reloptions, comment, kind = 'm', "
	    "populated, colcomments FROM views WHERE side = ?1 AND name = ?2",
	    e->to, name, NULL);
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
		if (!replace)
			col_comments(e, name, NULL, emit_text(st, 5));
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

int
emit_view_whole(struct emitter *e, const char *rel)
{
	/* A view of the target: a table may take a dropped view's name. */
	return (rel != NULL && view_kind(e, e->to, rel) != 0 &&
	    (is_new(e, rel) || emit_view_dropped(e, rel)));
}

/* Every index of the target's relation name, with its comment. */
static void
all_indexes(struct emitter *e, const char *name)
{
	struct diff_change	 c;
	sqlite3_stmt		*st;

	st = emit_query(e, "SELECT name, body, uniq, comment FROM indexes "
	    "WHERE side = ?1 AND tbl = ?2 ORDER BY name", e->to, name, NULL);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		memset(&c, 0, sizeof(c));
		c.tbl = xstrdup(name);
		c.name = xstrdup(emit_text(st, 0));
		c.to_val = xstrdup(emit_text(st, 1));
		c.extra = xstrdup(emit_text(st, 2));
		emit_create_index(e, &c);
		if (emit_text(st, 3) != NULL)
			emit_comment_on(e, "INDEX", c.name, NULL,
			    emit_text(st, 3));
		free(c.tbl);
		free(c.name);
		free(c.to_val);
		free(c.extra);
	}
	sqlite3_finalize(st);
}

/* The indexes (materialized) and grants of a view created new or again. */
static void
view_extras(struct emitter *e, const char *name)
{
	all_indexes(e, name);
	emit_object_grants(e, "table", name);
}

int
emit_view_became_table(struct emitter *e, const char *name)
{
	sqlite3_stmt	*st;
	int		 found = 0;

	if (name == NULL || view_kind(e, e->to, name) != 0 ||
	    !emit_view_dropped(e, name))
		return (0);
	st = emit_query(e, "SELECT 1 FROM tables WHERE side = ?1 "
	    "AND name = ?2", e->to, name, NULL);
	found = st != NULL && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return (found);
}

void
emit_view_table_indexes(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->nviews_dropped; i++)
		if (emit_view_became_table(e, e->views_dropped[i]))
			all_indexes(e, e->views_dropped[i]);
}

void
emit_view_table_grants(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->nviews_dropped; i++)
		if (emit_view_became_table(e, e->views_dropped[i]))
			emit_object_grants(e, "table", e->views_dropped[i]);
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
	known_dropped(e, &r);
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
	for (i = 0; i < o.n; i++) {
		if (!vset_has(&r, o.v[i]) && !is_new(e, o.v[i])) {
			create_view(e, o.v[i], 1);
			continue;
		}
		create_view(e, o.v[i], 0);
		view_extras(e, o.v[i]);
	}
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (vset_has(&r, c->name) || !is_view(c, "alter"))
			continue;
		if (emit_field_is(c, "comment"))
			emit_comment_on(e, emit_is(c, "view", NULL) ? "VIEW" :
			    "MATERIALIZED VIEW", c->name, NULL, c->to_val);
		else if (emit_field_is(c, "column_comments"))
			col_comments(e, c->name, c->from_val, c->to_val);
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
