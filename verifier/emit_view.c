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
 * orders them.  A view created (new, or again) gets its column comments,
 * its indexes (a materialized view's) and all its grants with it; so
 * does a table that takes the name of a view dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"
#include "model.h"

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

/* All the grants of the target's relation name, under its node kind. */
static void
all_grants(struct emitter *e, const char *kind, const char *name)
{
	emit_stmt_begin(e, kind, name, "finish");
	emit_object_grants(e, "table", name);
}

/* The indexes (materialized) and grants of a view created new or again:
   each index under its node (after the view's create, by the deps), the
   grants after the create. */
static void
view_extras(struct emitter *e, const char *name, int mat)
{
	all_indexes(e, name);
	all_grants(e, mat ? "materialized view" : "view", name);
}

static void
create_view(struct emitter *e, const char *name, int replace)
{
	sqlite3_stmt	*st;

	int		 mat = -1;

	st = emit_query(e, "SELECT def, reloptions, comment, kind = 'm', "
	    "populated, colcomments FROM views WHERE side = ?1 AND name = ?2",
	    e->to, name, NULL);
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
		if (!replace)
			col_comments(e, name, NULL, emit_text(st, 5));
	}
	sqlite3_finalize(st);
	if (!replace && mat != -1)
		view_extras(e, name, mat);
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
}

int
emit_view_dropped(struct emitter *e, const char *name)
{
	return (name != NULL && recreated(e, name));
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

/* fn(e, name) for each view dropped whose name a table takes. */
static void
each_became_table(struct emitter *e, void (*fn)(struct emitter *,
    const char *))
{
	size_t	i;

	for (i = 0; i < e->nrecreated; i++)
		if ((strcmp(e->recreated[2 * i], "view") == 0 ||
		    strcmp(e->recreated[2 * i], "materialized view") == 0) &&
		    emit_view_became_table(e, e->recreated[2 * i + 1]))
			fn(e, e->recreated[2 * i + 1]);
}

static void
table_grants(struct emitter *e, const char *name)
{
	all_grants(e, "table", name);
}

void
emit_view_table_indexes(struct emitter *e)
{
	each_became_table(e, all_indexes);
}

void
emit_view_table_grants(struct emitter *e)
{
	each_became_table(e, table_grants);
}
