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
}

