/*
 * emit_order.c: the order of a draft.  Every statement is written under a
 * node (kind, name, action) of a dependency graph (emit_stmt_begin());
 * at the end the groups are sorted by graph.c with edges from the store's
 * deps set (pg_depend on both sides, catalog.h CATALOG_DEPS) and written
 * out.  The edges, X and Y objects, Y depending on X:
 *
 *   - on the target side, a create of Y (or a replace: an alter of a
 *     view or function) after the create of X, and after the alters of X
 *     when X is a relation (a column added or changed, a view replaced);
 *     an alter of a type converts its dependents itself, and other
 *     alters (renames, partitions attached) need nothing new;
 *   - on the source side, a drop of Y before the drop of X, and before
 *     the alters of X when Y reads a column of X (dropped, or of another
 *     type);
 *   - a drop of an object before its own create, and its create before
 *     its "finish" statements; groups of one object keep their order.
 *
 * A sequence owned by a column (deptype a) is not ordered by its owner:
 * the table's default needs it first.  Among groups the edges leave free,
 * the order they were begun in decides: emit_migration()'s steps.
 *
 * And the dependents closure, once for every kind: which objects of the
 * kinds of emit_kinds[] (emit.c) are dropped and created again because
 * something they depend on changes under them (emit_int.h).
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"
#include "graph.h"

void
emit_stmt_begin(struct emitter *e, const char *kind, const char *name,
    const char *action)
{
	struct emit_group	*g;

	if (e->ngroups > 0 && e->groups[e->ngroups - 1]->sql.len == 0)
		g = e->groups[e->ngroups - 1];
	else {
		e->groups = xrealloc(e->groups, (e->ngroups + 1) *
		    sizeof(*e->groups));
		g = xcalloc(1, sizeof(*g));
		vbuf_init(&g->sql);
		e->groups[e->ngroups++] = g;
	}
	free(g->kind);
	free(g->name);
	free(g->action);
	g->kind = xstrdup(kind);
	g->name = xstrdup(name);
	g->action = xstrdup(action);
	e->out = &g->sql;
}

void
emit_stmt_begin_on(struct emitter *e, const char *kind, const char *tbl,
    const char *name, const char *action)
{
	struct vbuf	n;

	vbuf_init(&n);
	vbuf_appendf(&n, "%s.%s", tbl, name);
	emit_stmt_begin(e, kind, n.data, action);
	vbuf_free(&n);
}

/* The edges (before, after) between groups, as numbers from 0. */
static const char edges_sql[] =
    /* Creates and alters after what they depend on. */
    "SELECT x.seq, y.seq FROM deps d "
    "JOIN temp.groups y ON y.kind = d.kind AND y.name = d.name "
    "AND (y.action = 'create' OR (y.action = 'alter' AND y.kind IN "
    "('view', 'function', 'procedure'))) "
    "JOIN temp.groups x ON x.kind = d.ref_kind AND x.name = d.ref_name "
    "AND (x.action = 'create' OR (x.action = 'alter' AND x.kind IN "
    "('table', 'view', 'materialized view'))) "
    "WHERE d.side = ?2 AND NOT (d.kind = 'sequence' AND d.deptype = 'a') "
    /* Drops before what they depend on is dropped or altered. */
    "UNION SELECT y.seq, x.seq FROM deps d "
    "JOIN temp.groups y ON y.kind = d.kind AND y.name = d.name "
    "AND y.action = 'drop' "
    "JOIN temp.groups x ON x.kind = d.ref_kind AND x.name = d.ref_name "
    "AND (x.action = 'drop' OR (x.action = 'alter' AND "
    "d.ref_col IS NOT NULL)) "
    "WHERE d.side = ?1 AND NOT (d.kind = 'sequence' AND d.deptype = 'a') "
    /* An object's own groups: a drop before a create, a create before
       its finish, and otherwise in the order written. */
    "UNION SELECT x.seq, y.seq FROM temp.groups x JOIN temp.groups y "
    "ON y.kind = x.kind AND y.name = x.name AND ((x.action = 'drop' "
    "AND y.action = 'create') OR (x.action = 'create' AND "
    "y.action = 'finish') OR (y.action = x.action AND y.seq = (SELECT "
    "MIN(z.seq) FROM temp.groups z WHERE z.kind = x.kind AND "
    "z.name = x.name AND z.action = x.action AND z.seq > x.seq)))";

/* The groups in the store's temp.groups, numbered from 0. */
static int
store_groups(struct emitter *e)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc = 0;

	if (snapshot_exec(e->snap, "CREATE TEMP TABLE IF NOT EXISTS groups "
	    "(seq INTEGER PRIMARY KEY, kind TEXT, name TEXT, action TEXT); "
	    "DELETE FROM temp.groups; CREATE INDEX IF NOT EXISTS "
	    "temp.groups_key ON groups (kind, name, action)", e->err) == -1)
		return (-1);
	st = emit_query(e, "INSERT INTO temp.groups VALUES (?1, ?2, ?3, ?4)",
	    NULL, NULL, NULL);
	if (st == NULL)
		return (-1);
	for (i = 0; rc == 0 && i < e->ngroups; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i);
		sqlite3_bind_text(st, 2, e->groups[i]->kind, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 3, e->groups[i]->name, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 4, e->groups[i]->action, -1,
		    SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc == -1)
		vf_error_set(e->err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot store the statement groups");
	return (rc);
}

/* Appends group g to e->plan, unless it wrote nothing. */
static void
plan_add(struct emitter *e, const struct emit_group *g)
{
	struct emit_step	*st;

	if (g->sql.len == 0 || *g->kind == '\0')
		return;
	e->plan->v = xrealloc(e->plan->v, (e->plan->n + 1) *
	    sizeof(*e->plan->v));
	st = &e->plan->v[e->plan->n++];
	st->kind = xstrdup(g->kind);
	st->name = xstrdup(g->name);
	st->action = xstrdup(g->action);
	st->recreated = emit_recreated(e, g->kind, g->name);
	st->destructive = strstr(g->sql.data, "-- destructive:") != NULL;
}

void
emit_plan_free(struct emit_plan *plan)
{
	size_t	i;

	for (i = 0; i < plan->n; i++) {
		free(plan->v[i].kind);
		free(plan->v[i].name);
		free(plan->v[i].action);
	}
	free(plan->v);
	plan->v = NULL;
	plan->n = 0;
}

int
emit_order_write(struct emitter *e, struct vbuf *out)
{
	struct graph		 g;
	struct vbuf		 label, name;
	sqlite3_stmt		*st;
	size_t			*order = NULL, i;
	int			 rc = -1;

	graph_init(&g);
	vbuf_init(&label);
	vbuf_init(&name);
	for (i = 0; i < e->ngroups; i++) {
		vbuf_reset(&label);
		vbuf_reset(&name);
		vbuf_appendf(&label, "%s %s", e->groups[i]->action,
		    e->groups[i]->kind);
		vbuf_appendf(&name, "%s.%s", e->schema, e->groups[i]->name);
		graph_add(&g, label.data, name.data);
	}
	if (store_groups(e) == -1)
		goto done;
	if ((st = emit_query(e, edges_sql, e->from, e->to, NULL)) == NULL)
		goto done;
	while (sqlite3_step(st) == SQLITE_ROW)
		graph_edge(&g, (size_t)sqlite3_column_int64(st, 0),
		    (size_t)sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	order = xcalloc(g.n + 1, sizeof(*order));
	if (graph_sort(&g, order, e->err) == -1)
		goto done;
	for (i = 0; i < g.n; i++)
		if (e->plan != NULL)
			plan_add(e, e->groups[order[i]]);
		else
			vbuf_append(out, e->groups[order[i]]->sql.data,
			    e->groups[order[i]]->sql.len);
	rc = 0;
done:
	free(order);
	vbuf_free(&label);
	vbuf_free(&name);
	graph_free(&g);
	return (rc);
}

void
emit_order_free(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->ngroups; i++) {
		free(e->groups[i]->kind);
		free(e->groups[i]->name);
		free(e->groups[i]->action);
		vbuf_free(&e->groups[i]->sql);
		free(e->groups[i]);
	}
	free(e->groups);
	e->groups = NULL;
	e->ngroups = 0;
	for (i = 0; i < 2 * e->nrecreated; i++)
		free(e->recreated[i]);
	free(e->recreated);
	e->recreated = NULL;
	e->nrecreated = 0;
	e->recreated_known = 0;
}

/* The entry of emit_kinds[] for kind, or NULL. */
static const struct emit_kind *
kind_of(const char *kind)
{
	const struct emit_kind	*k;

	for (k = emit_kinds; k->kind != NULL; k++)
		if (strcmp(k->kind, kind) == 0)
			return (k);
	return (NULL);
}

int
emit_recreated(const struct emitter *e, const char *kind, const char *name)
{
	size_t	i;

	for (i = 0; i < e->nrecreated; i++)
		if (strcmp(e->recreated[2 * i], kind) == 0 &&
		    strcmp(e->recreated[2 * i + 1], name) == 0)
			return (1);
	return (0);
}

int
emit_recreated_on(const struct emitter *e, const char *kind, const char *tbl,
    const char *name)
{
	struct vbuf	n;
	int		found;

	vbuf_init(&n);
	vbuf_appendf(&n, "%s.%s", tbl, name);
	found = emit_recreated(e, kind, n.data);
	vbuf_free(&n);
	return (found);
}

static void
add_recreated(struct emitter *e, const char *kind, const char *name)
{
	if (emit_recreated(e, kind, name))
		return;
	e->recreated = xrealloc(e->recreated, 2 * (e->nrecreated + 1) *
	    sizeof(*e->recreated));
	e->recreated[2 * e->nrecreated] = xstrdup(kind);
	e->recreated[2 * e->nrecreated + 1] = xstrdup(name);
	e->nrecreated++;
}

/* A queue of (kind, name, col) to walk from, col NULL for the whole. */
struct walk {
	char	**v;
	size_t	  n;
};

static void
walk_add(struct walk *w, const char *kind, const char *name, const char *col)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->v[3 * i], kind) == 0 &&
		    strcmp(w->v[3 * i + 1], name) == 0 &&
		    (w->v[3 * i + 2] == NULL ? col == NULL : col != NULL &&
		    strcmp(w->v[3 * i + 2], col) == 0))
			return;
	w->v = xrealloc(w->v, 3 * (w->n + 1) * sizeof(*w->v));
	w->v[3 * w->n] = xstrdup(kind);
	w->v[3 * w->n + 1] = xstrdup(name);
	w->v[3 * w->n + 2] = col != NULL ? xstrdup(col) : NULL;
	w->n++;
}

static int
is_type(const char *kind)
{
	return (strcmp(kind, "enum") == 0 || strcmp(kind, "domain") == 0 ||
	    strcmp(kind, "composite type") == 0);
}

/* Whether name ("table.name") belongs to table node i of w (dropped). */
static int
own_table(const struct walk *w, size_t i, const char *name)
{
	size_t	n = strlen(w->v[3 * i + 1]);

	return (strcmp(w->v[3 * i], "table") == 0 &&
	    strncmp(name, w->v[3 * i + 1], n) == 0 && name[n] == '.');
}

/*
 * What depends on node i of w on the source side: objects of a kind of
 * emit_kinds[] are recreated (and walked from, whole); a column whose
 * type is a recreated type is converted, so what reads it is walked too.
 * A column is matched under its source name or the one it takes.
 */
static void
walk_from(struct emitter *e, struct walk *w, size_t i)
{
	const struct emit_kind	*k;
	sqlite3_stmt		*st;
	const char		*kind, *name, *col;

	st = emit_query(e, "SELECT DISTINCT d.kind, d.name, d.col FROM deps d "
	    "WHERE d.side = ?1 AND d.ref_kind = ?2 AND d.ref_name = ?3 "
	    "AND (?4 IS NULL OR d.ref_col = ?4 OR EXISTS (SELECT 1 "
	    "FROM temp.cmap m WHERE m.f_tbl = d.ref_name "
	    "AND m.f_name = d.ref_col AND m.t_name = ?4)) "
	    "ORDER BY d.name, d.kind, d.col", e->from, w->v[3 * i],
	    w->v[3 * i + 1]);
	if (st == NULL)
		return;
	if (w->v[3 * i + 2] != NULL)
		sqlite3_bind_text(st, 4, w->v[3 * i + 2], -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		kind = emit_text(st, 0);
		name = emit_text(st, 1);
		col = emit_text(st, 2);
		if ((k = kind_of(kind)) != NULL && k->on_table &&
		    w->v[3 * i + 2] == NULL && own_table(w, i, name))
			continue;
		if (k != NULL) {
			add_recreated(e, kind, name);
			walk_add(w, kind, name, NULL);
		} else if (col != NULL && strcmp(kind, "table") == 0 &&
		    is_type(w->v[3 * i]))
			walk_add(w, kind, name, col);
	}
	sqlite3_finalize(st);
}

/* Fills e->recreated: the seeds of the diff, then what depends on them. */
static void
find_recreated(struct emitter *e)
{
	const struct diff_change	*c;
	const struct emit_kind		*k;
	const char			*name, *kind;
	struct walk			 w;
	struct vbuf			 n;
	size_t				 i;

	memset(&w, 0, sizeof(w));
	vbuf_init(&n);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if ((k = kind_of(c->kind)) != NULL &&
		    (strcmp(c->action, "drop") == 0 ||
		    (k->recreated != NULL && k->recreated(e, c)))) {
			/* Under its source name, as the deps name it. */
			vbuf_reset(&n);
			if (k->on_table)
				vbuf_appendf(&n, "%s.", c->old_tbl != NULL ?
				    c->old_tbl : c->tbl);
			vbuf_puts(&n, c->name);
			add_recreated(e, c->kind, n.data);
			walk_add(&w, c->kind, n.data, NULL);
		} else if (emit_is(c, "table", "drop"))
			walk_add(&w, "table", c->name, NULL);
		else if (emit_is(c, "column", "drop") ||
		    (emit_is(c, "column", "alter") &&
		    (emit_field_is(c, "type") ||
		    emit_field_is(c, "generated"))))
			/* A type change, or a column dropped and added
			   again to become generated or stop being so. */
			walk_add(&w, "table", c->old_tbl, c->name);
		else if (emit_enum_recreated(e, c))
			walk_add(&w, "enum", c->name, NULL);
		else if ((name = emit_type_recreated(e, c, &kind)) != NULL)
			walk_add(&w, kind, name, NULL);
	}
	/* w grows as it goes. */
	for (i = 0; i < w.n; i++)
		walk_from(e, &w, i);
	for (i = 0; i < 3 * w.n; i++)
		free(w.v[i]);
	free(w.v);
	vbuf_free(&n);
}

void
emit_dependents_find(struct emitter *e)
{
	if (!e->recreated_known)
		find_recreated(e);
	e->recreated_known = 1;
}

void
emit_dependents_drop(struct emitter *e)
{
	size_t	i;

	emit_dependents_find(e);
	for (i = 0; i < e->nrecreated; i++)
		kind_of(e->recreated[2 * i])->drop(e,
		    e->recreated[2 * i + 1]);
}

/* For qsort: pairs (kind, name) by name, then kind. */
static int
cmp_pair(const void *a, const void *b)
{
	const char *const	*x = a, *const *y = b;
	int			 r;

	if ((r = strcmp(x[1], y[1])) != 0)
		return (r);
	return (strcmp(x[0], y[0]));
}

void
emit_dependents_create(struct emitter *e)
{
	char	**v;
	size_t	  i;

	if (e->nrecreated == 0)
		return;
	/* By name: the graph puts what one reads first. */
	v = xcalloc(2 * e->nrecreated + 1, sizeof(*v));
	memcpy(v, e->recreated, 2 * e->nrecreated * sizeof(*v));
	qsort(v, e->nrecreated, 2 * sizeof(*v), cmp_pair);
	for (i = 0; i < e->nrecreated; i++)
		kind_of(v[2 * i])->create(e, v[2 * i + 1]);
	free(v);
}
