/*
 * diff_partition.c: the differences of partitioned tables, as SQL over
 * the store's partitions set (catalog.h), run by diff_compute() after
 * diff.c's statements (the table map tmap is made): a table's key
 * ("table" "alter" of field "partition_by"), and partitions added,
 * dropped, moved to another bound or parent ("bound"), or whose own key
 * changes ("partition_by").  A partition is named by itself (relation
 * names are the schema's); tbl is its parent on the target side, old_tbl
 * its source parent under its target name.
 */
#include <string.h>

#include "diff_int.h"

/* The source parent of f under its target name (tables may be renamed). */
#define F_PARENT \
	"COALESCE((SELECT x.t_name FROM tmap x WHERE x.f_name = f.parent), " \
	"f.parent)"

const char *const diff_partition_sql[] = {
	/* A top table's key, on tables of both sides. */
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'table', 'alter', m.t_name, 'partition_by', fp.partkey, "
	"tp.partkey FROM tmap m JOIN tables t ON t.side = ?2 "
	"AND t.name = m.t_name "
	"LEFT JOIN partitions fp ON fp.side = ?1 AND fp.name = m.f_name "
	"AND fp.parent IS NULL "
	"LEFT JOIN partitions tp ON tp.side = ?2 AND tp.name = m.t_name "
	"AND tp.parent IS NULL "
	"WHERE fp.partkey IS NOT tp.partkey ORDER BY m.t_name",
	"INSERT INTO changes (kind, action, tbl, name, to_val, extra) "
	"SELECT 'partition', 'add', t.parent, t.name, t.bound, t.partkey "
	"FROM partitions t WHERE t.side = ?2 AND t.parent IS NOT NULL "
	"AND NOT EXISTS (SELECT 1 FROM partitions f WHERE f.side = ?1 "
	"AND f.name = t.name AND f.parent IS NOT NULL) ORDER BY t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val) SELECT 'partition', 'alter', t.parent, " F_PARENT
	", t.name, 'bound', f.bound, t.bound FROM partitions t "
	"JOIN partitions f ON f.side = ?1 AND f.name = t.name "
	"AND f.parent IS NOT NULL "
	"WHERE t.side = ?2 AND t.parent IS NOT NULL "
	"AND (f.bound IS NOT t.bound OR " F_PARENT " IS NOT t.parent) "
	"ORDER BY t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val) SELECT 'partition', 'alter', t.parent, " F_PARENT
	", t.name, 'partition_by', f.partkey, t.partkey FROM partitions t "
	"JOIN partitions f ON f.side = ?1 AND f.name = t.name "
	"AND f.parent IS NOT NULL "
	"WHERE t.side = ?2 AND t.parent IS NOT NULL "
	"AND f.partkey IS NOT t.partkey ORDER BY t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, from_val) "
	"SELECT 'partition', 'drop', " F_PARENT ", f.parent, f.name, f.bound "
	"FROM partitions f WHERE f.side = ?1 AND f.parent IS NOT NULL "
	"AND NOT EXISTS (SELECT 1 FROM partitions t WHERE t.side = ?2 "
	"AND t.name = f.name AND t.parent IS NOT NULL) ORDER BY f.name",
	NULL
};

static int
is_bound(const struct diff_change *c)
{
	return (c->field != NULL && strcmp(c->field, "bound") == 0 &&
	    c->old_tbl != NULL && c->tbl != NULL &&
	    strcmp(c->old_tbl, c->tbl) != 0);
}

void
diff_partition_describe(struct vbuf *b, const char *schema,
    const struct diff_change *c)
{
	const char	*parent = c->tbl;

	vbuf_appendf(b, "partition %s ", strcmp(c->action, "add") == 0 ?
	    "missing" : strcmp(c->action, "drop") == 0 ? "extra" :
	    "differs:");
	vf_quote_ident(b, schema);
	vbuf_putc(b, '.');
	vf_quote_ident(b, c->name);
	if (parent != NULL) {
		vbuf_puts(b, " of ");
		vf_quote_ident(b, schema);
		vbuf_putc(b, '.');
		vf_quote_ident(b, parent);
	}
	if (strcmp(c->action, "add") == 0 && c->to_val != NULL)
		vbuf_appendf(b, " %s", c->to_val);
	else if (strcmp(c->action, "drop") == 0 && c->from_val != NULL)
		vbuf_appendf(b, " %s", c->from_val);
	else if (strcmp(c->action, "alter") == 0) {
		vbuf_appendf(b, " %s [", c->field);
		if (is_bound(c))
			vbuf_appendf(b, "of %s ", c->old_tbl);
		vbuf_appendf(b, "%s] -> [", c->from_val != NULL ? c->from_val :
		    "(none)");
		if (is_bound(c))
			vbuf_appendf(b, "of %s ", c->tbl);
		vbuf_appendf(b, "%s]", c->to_val != NULL ? c->to_val :
		    "(none)");
	}
	if (c->destructive != NULL)
		vbuf_appendf(b, " (destructive: %s)", c->destructive);
}
