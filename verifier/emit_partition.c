/*
 * emit_partition.c: the DDL of partitioned tables.  A new table's
 * PARTITION BY; a change of a key is refused (PostgreSQL cannot change
 * one in place), unless a column rename makes it; partitions are detached and dropped before the tables
 * of step 7 are, then created (parents first) and attached to their new
 * bound or parent.  Indexes and keys are the parent's: PostgreSQL clones
 * them onto every partition, created or attached.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_int.h"

/* The top table of partition name on the target side (name itself when
   it is one), a new string; *levels (when not NULL) how far up it is. */
static char *
top_table(struct emitter *e, const char *name, int *levels)
{
	sqlite3_stmt	*st;
	char		*cur = xstrdup(name), *up;
	int		 depth;

	for (depth = 0; depth < 64; depth++) {
		st = emit_query(e, "SELECT parent FROM partitions WHERE "
		    "side = ?1 AND name = ?2 AND parent IS NOT NULL", e->to,
		    cur, NULL);
		up = st != NULL && sqlite3_step(st) == SQLITE_ROW ?
		    snapshot_col(st, 0) : NULL;
		sqlite3_finalize(st);
		if (up == NULL)
			break;
		free(cur);
		cur = up;
	}
	if (levels != NULL)
		*levels = depth;
	return (cur);
}

int
emit_partition_depth(struct emitter *e, const char *name)
{
	int	levels;

	free(top_table(e, name, &levels));
	return (levels);
}

/*
 * Whether key `to` is key `from` with the columns renamed in this
 * migration on table tbl, which RENAME COLUMN carries into the key: each
 * bare word of from outside quotes that is a renamed column's old name
 * is replaced by the new one.
 */
static int
same_key_renamed(struct emitter *e, const char *tbl, const char *from,
    const char *to)
{
	struct vbuf	 b;
	const char	*p, *q;
	size_t		 i, n;
	int		 inq = 0, same, hit;

	if (from == NULL || to == NULL)
		return (0);
	vbuf_init(&b);
	vbuf_puts(&b, "");
	for (p = from; *p != '\0'; ) {
		if (*p == '\'' || *p == '"')
			inq = inq == 0 ? *p : inq == *p ? 0 : inq;
		n = 0;
		if (!inq && (p == from || !(p[-1] == '_' ||
		    (p[-1] >= 'a' && p[-1] <= 'z') ||
		    (p[-1] >= '0' && p[-1] <= '9'))))
			for (q = p; *q == '_' || (*q >= 'a' && *q <= 'z') ||
			    (*q >= '0' && *q <= '9'); q++)
				n++;
		hit = 0;
		for (i = 0; n > 0 && i < e->d.n && !hit; i++) {
			const struct diff_change *c = &e->d.v[i];

			if (emit_is(c, "column", "rename") &&
			    strcmp(c->tbl, tbl) == 0 &&
			    strlen(c->old_name) == n &&
			    strncmp(c->old_name, p, n) == 0) {
				vf_quote_ident(&b, c->name);
				hit = 1;
			}
		}
		if (!hit && n == 0)
			n = 1;
		if (!hit)
			vbuf_append(&b, p, n);
		p += n;
	}
	same = strcmp(b.data, to) == 0;
	vbuf_free(&b);
	return (same);
}

int
emit_partitions_refused(struct emitter *e)
{
	const struct diff_change	*c;
	char				*top;
	size_t				 i;
	int				 carried;

	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if ((!emit_is(c, "table", "alter") &&
		    !emit_is(c, "partition", "alter")) ||
		    !emit_field_is(c, "partition_by"))
			continue;
		top = top_table(e, c->name, NULL);
		carried = same_key_renamed(e, top, c->from_val, c->to_val);
		free(top);
		if (carried)
			continue;
		e->failed = 1;
		return (vf_error_set(e->err, VF_EXIT_FAIL, NULL, 0, 0,
		    "refusing to change the partition key of %s.%s (%s -> "
		    "%s): PostgreSQL cannot change a partition key in place; "
		    "write this migration by hand (a new table, the rows "
		    "copied, the names swapped)", e->schema, c->name,
		    c->from_val != NULL ? c->from_val : "not partitioned",
		    c->to_val != NULL ? c->to_val : "not partitioned"));
	}
	return (0);
}

void
emit_partition_by(struct emitter *e, const char *tbl)
{
	sqlite3_stmt	*st;

	st = emit_query(e, "SELECT partkey FROM partitions WHERE side = ?1 "
	    "AND name = ?2 AND parent IS NULL", e->to, tbl, NULL);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW &&
	    emit_text(st, 0) != NULL)
		vbuf_appendf(e->out, " PARTITION BY %s", emit_text(st, 0));
	sqlite3_finalize(st);
}

/* Whether name is the name of a change of kind and action. */
static int
named(struct emitter *e, const char *kind, const char *action,
    const char *name)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], kind, action) &&
		    strcmp(e->d.v[i].name, name) == 0)
			return (1);
	return (0);
}

/* Whether name is dropped in this migration, as a table or a partition. */
static int
dropped(struct emitter *e, const char *name)
{
	return (named(e, "table", "drop", name) ||
	    named(e, "partition", "drop", name));
}

static void
detach(struct emitter *e, const char *parent, const char *name)
{
	emit_alter_table(e, parent);
	vbuf_puts(e->out, "DETACH PARTITION ");
	emit_qname(e, name);
	vbuf_puts(e->out, ";\n");
}

static void
drop_partition(struct emitter *e, const struct diff_change *c)
{
	emit_stmt_begin(e, "table", c->name, "drop");
	emit_destructive(e, c->destructive, c->name);
	detach(e, c->tbl, c->name);
	vbuf_puts(e->out, "DROP TABLE ");
	emit_qname(e, c->name);
	vbuf_puts(e->out, ";\n");
}

void
emit_partitions_replaced(struct emitter *e)
{
	size_t	i;

	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "partition", "drop") &&
		    !dropped(e, e->d.v[i].old_tbl) &&
		    named(e, "table", "add", e->d.v[i].name))
			drop_partition(e, &e->d.v[i]);
}

void
emit_partitions_detach(struct emitter *e)
{
	const struct diff_change	*c;
	size_t				 i;

	/* Moved ones first: their old parent may be dropped. */
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "partition", "alter") &&
		    emit_field_is(c, "bound")) {
			emit_stmt_begin(e, "table", c->name, "alter");
			detach(e, c->old_tbl, c->name);
		}
	}
	/* Dropped partitions whose parent stays: its drop takes them. */
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (emit_is(c, "partition", "drop") &&
		    !dropped(e, c->old_tbl) &&
		    !named(e, "table", "add", c->name))
			drop_partition(e, c);
	}
}

/* "FOR VALUES ..." or "DEFAULT", as the catalog prints a bound. */
static void
bound(struct emitter *e, const char *b)
{
	vbuf_appendf(e->out, " %s", b != NULL ? b : "DEFAULT");
}

void
emit_partitions_create(struct emitter *e)
{
	const struct diff_change	*c;
	char				*done;
	size_t				 i, j, left;
	int				 waits;

	done = xcalloc(e->d.n + 1, 1);
	left = 0;
	for (i = 0; i < e->d.n; i++)
		if (emit_is(&e->d.v[i], "partition", "add"))
			left++;
		else
			done[i] = 1;
	/* Parents first: a partition waits for a new parent. */
	while (left > 0) {
		size_t	before = left;

		for (i = 0; i < e->d.n; i++) {
			if (done[i])
				continue;
			c = &e->d.v[i];
			waits = 0;
			for (j = 0; j < e->d.n; j++)
				if (!done[j] && j != i &&
				    strcmp(e->d.v[j].name, c->tbl) == 0)
					waits = 1;
			if (waits)
				continue;
			emit_stmt_begin(e, "table", c->name, "create");
			vbuf_puts(e->out, "CREATE TABLE ");
			emit_qname(e, c->name);
			vbuf_puts(e->out, " PARTITION OF ");
			emit_qname(e, c->tbl);
			bound(e, c->to_val);
			if (c->extra != NULL)
				vbuf_appendf(e->out, " PARTITION BY %s",
				    c->extra);
			vbuf_puts(e->out, ";\n");
			done[i] = 1;
			left--;
		}
		if (left == before)
			break;		/* a cycle: cannot be in a catalog */
	}
	free(done);
	for (i = 0; i < e->d.n; i++) {
		c = &e->d.v[i];
		if (!emit_is(c, "partition", "alter") ||
		    !emit_field_is(c, "bound"))
			continue;
		emit_stmt_begin(e, "table", c->name, "alter");
		emit_alter_table(e, c->tbl);
		vbuf_puts(e->out, "ATTACH PARTITION ");
		emit_qname(e, c->name);
		bound(e, c->to_val);
		vbuf_puts(e->out, ";\n");
	}
}
