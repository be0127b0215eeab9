/*
 * picture_change.c: the picture of a draft (`verifier graph --change`):
 * the objects of the draft's plan (emit_migration_plan()) marked with
 * what the draft does to them, over the picture of the target side, with
 * the dropped objects of the source side added.
 */
#include <stdlib.h>
#include <string.h>

#include "picture.h"

/* What the steps of a plan do to one node. */
enum {
	DID_DROP = 1,
	DID_CREATE = 2,
	DID_ALTER = 4,
	DID_RECREATE = 8,
	DID_DESTROY = 16
};

/* The table an index belongs to, on either side; the caller frees it. */
static char *
index_table(struct snapshot *snap, const char *name)
{
	sqlite3_stmt	*st;
	char		*tbl = NULL;

	if (snapshot_prepare(snap, "SELECT tbl FROM indexes WHERE name = ?1 "
	    "ORDER BY side LIMIT 1", &st, NULL) == -1)
		return (NULL);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		tbl = snapshot_col(st, 0);
	sqlite3_finalize(st);
	return (tbl);
}

/*
 * The node a step is about: its own, or for a constraint, an index or a
 * column's sequence the table's (whose change it is an alter of).
 */
static size_t
step_node(struct snapshot *snap, const struct picture *pic,
    const struct emit_step *s, int *on_table)
{
	const char	*dot;
	char		*tbl;
	size_t		 i;

	*on_table = 0;
	if ((i = picture_find(pic, s->kind, s->name)) != (size_t)-1)
		return (i);
	*on_table = 1;
	if (strcmp(s->kind, "constraint") == 0 &&
	    (dot = strchr(s->name, '.')) != NULL) {
		tbl = xstrndup(s->name, (size_t)(dot - s->name));
		i = picture_find(pic, "table", tbl);
		free(tbl);
		return (i);
	}
	if (strcmp(s->kind, "index") == 0 &&
	    (tbl = index_table(snap, s->name)) != NULL) {
		i = picture_find(pic, "table", tbl);
		free(tbl);
		return (i);
	}
	return ((size_t)-1);
}

/* Moves the nodes of old that pic lacks into pic, with their edges. */
static void
add_dropped(struct picture *pic, struct picture *old)
{
	struct picture_edge	*e;
	size_t			*to, i, base = pic->n;

	to = xcalloc(old->n + 1, sizeof(*to));
	for (i = 0; i < old->n; i++) {
		to[i] = picture_find(pic, old->nodes[i].kind,
		    old->nodes[i].name);
		if (to[i] != (size_t)-1)
			continue;
		pic->nodes = xrealloc(pic->nodes, (pic->n + 1) *
		    sizeof(*pic->nodes));
		to[i] = pic->n;
		pic->nodes[pic->n++] = old->nodes[i];
		/* Now pic's: old keeps an empty node. */
		memset(&old->nodes[i], 0, sizeof(old->nodes[i]));
		vbuf_init(&old->nodes[i].rows);
	}
	for (i = 0; i < old->ne; i++) {
		if (to[old->edges[i].from] < base && to[old->edges[i].to] <
		    base)
			continue;
		pic->edges = xrealloc(pic->edges, (pic->ne + 1) *
		    sizeof(*pic->edges));
		e = &pic->edges[pic->ne++];
		*e = old->edges[i];
		e->from = to[old->edges[i].from];
		e->to = to[old->edges[i].to];
		if (e->from < base)
			e->port = -1;	/* a port of the old columns */
		old->edges[i].label = NULL;
	}
	free(to);
}

int
picture_mark_plan(struct snapshot *snap, const char *from,
    struct picture *pic, const struct emit_plan *plan, struct vf_error *err)
{
	struct picture	 old;
	const struct emit_step *s;
	size_t		 i, nd;
	int		*did, on_table;

	if (picture_build(snap, from, pic->schema, &old, err) == -1)
		return (-1);
	add_dropped(pic, &old);
	picture_free(&old);
	pic->change = 1;
	did = xcalloc(pic->n + 1, sizeof(*did));
	for (i = 0; i < plan->n; i++) {
		s = &plan->v[i];
		if ((nd = step_node(snap, pic, s, &on_table)) == (size_t)-1)
			continue;
		if (on_table || strcmp(s->action, "alter") == 0 ||
		    strcmp(s->action, "finish") == 0)
			did[nd] |= DID_ALTER;
		else if (strcmp(s->action, "drop") == 0)
			did[nd] |= DID_DROP;
		else
			did[nd] |= DID_CREATE;
		if (s->recreated)
			did[nd] |= DID_RECREATE;
		if (s->destructive)
			did[nd] |= DID_DESTROY;
	}
	for (i = 0; i < pic->n; i++) {
		struct picture_node *n = &pic->nodes[i];

		n->keep = did[i] != 0;
		n->destructive = (did[i] & DID_DESTROY) != 0;
		if (did[i] == 0)
			n->change = "context";
		else if ((did[i] & DID_RECREATE) || ((did[i] & DID_DROP) &&
		    (did[i] & DID_CREATE)))
			n->change = "recreate";
		else if (did[i] & DID_DROP)
			n->change = "drop";
		else if (did[i] & DID_CREATE)
			n->change = "create";
		else
			n->change = "alter";
	}
	free(did);
	picture_keep_around(pic, 1);
	return (0);
}
