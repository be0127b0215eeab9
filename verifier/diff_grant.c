/*
 * diff_grant.c: the differences of privileges, one change per privilege:
 * kind "grant", action "add", "drop" or "alter" (the grant option
 * differs), field the object's kind ("schema", "table", "sequence",
 * "type"), name the object and tbl the column of a column grant (under
 * their target names, but for a drop; old_name and old_tbl under the
 * source names, for a drop and an alter), ckind
 * the privilege, extra the role, from_val / to_val the grant option
 * ("t"/"f").  A source object is seen under its target name through the
 * renames of tables and columns.
 */
#include <stddef.h>

#include "diff.h"

const char *const diff_grant_sql[] = {
	"DROP TABLE IF EXISTS temp.gmap",
	/* The source's grants, target names beside the source names. */
	"CREATE TEMP TABLE gmap AS SELECT g.on_kind, g.name AS f_name, "
	"g.col AS f_col, CASE WHEN g.on_kind = 'table' THEN COALESCE(("
	"SELECT m.t_name FROM tmap m WHERE m.f_name = g.name), g.name) "
	"ELSE g.name END AS name, CASE WHEN g.on_kind = 'table' "
	"AND g.col IS NOT NULL THEN COALESCE((SELECT m.t_name FROM cmap m "
	"WHERE m.f_tbl = g.name AND m.f_name = g.col), g.col) END AS col, "
	"g.grantee, g.privilege, g.grantable FROM grants g WHERE g.side = ?1",
	"INSERT INTO changes (kind, action, field, name, tbl, ckind, extra, "
	"to_val) "
	"SELECT 'grant', 'add', t.on_kind, t.name, t.col, t.privilege, "
	"t.grantee, t.grantable FROM grants t WHERE t.side = ?2 "
	"AND NOT EXISTS (SELECT 1 FROM gmap f WHERE f.on_kind = t.on_kind "
	"AND f.name = t.name AND f.col IS t.col AND f.grantee = t.grantee "
	"AND f.privilege = t.privilege) "
	"ORDER BY t.on_kind, t.name, t.col, t.grantee, t.grantable, "
	"t.privilege",
	"INSERT INTO changes (kind, action, field, name, old_name, tbl, "
	"old_tbl, ckind, extra, from_val, to_val) "
	"SELECT 'grant', 'alter', t.on_kind, t.name, f.f_name, t.col, f.f_col, "
	"t.privilege, t.grantee, f.grantable, t.grantable FROM grants t "
	"JOIN gmap f ON f.on_kind = t.on_kind AND f.name = t.name "
	"AND f.col IS t.col AND f.grantee = t.grantee "
	"AND f.privilege = t.privilege "
	"WHERE t.side = ?2 AND f.grantable <> t.grantable "
	"ORDER BY t.on_kind, t.name, t.col, t.grantee, t.grantable, "
	"t.privilege",
	"INSERT INTO changes (kind, action, field, name, old_name, tbl, "
	"old_tbl, ckind, extra, from_val) "
	"SELECT 'grant', 'drop', f.on_kind, f.f_name, f.f_name, f.f_col, "
	"f.f_col, f.privilege, f.grantee, f.grantable FROM gmap f WHERE NOT EXISTS (SELECT 1 "
	"FROM grants t WHERE t.side = ?2 AND t.on_kind = f.on_kind "
	"AND t.name = f.name AND t.col IS f.col AND t.grantee = f.grantee "
	"AND t.privilege = f.privilege) "
	"ORDER BY f.on_kind, f.f_name, f.f_col, f.grantee, f.grantable, "
	"f.privilege",
	NULL
};

/* "SELECT (col) ON TABLE schema.name TO role" */
void
diff_grant_describe(struct vbuf *b, const char *schema,
    const struct diff_change *c)
{
	int	drop = c->action[0] == 'd';

	vbuf_appendf(b, "grant %s ", c->action[0] == 'a' && c->action[1] ==
	    'd' ? "missing:" : drop ? "extra:" : "differs:");
	vbuf_puts(b, c->ckind);
	if (c->tbl != NULL) {
		vbuf_puts(b, " (");
		vf_quote_ident(b, c->tbl);
		vbuf_putc(b, ')');
	}
	vbuf_appendf(b, " ON %s ", c->field);
	if (c->field[0] != 's' || c->field[1] != 'c') {
		vf_quote_ident(b, schema);
		vbuf_putc(b, '.');
	}
	vf_quote_ident(b, c->name);
	vbuf_puts(b, " TO ");
	vbuf_puts(b, c->extra);
	if (c->action[0] == 'a' && c->action[1] == 'l')
		vbuf_appendf(b, " with_grant_option [%s] -> [%s]",
		    c->from_val, c->to_val);
	else if ((drop ? c->from_val : c->to_val)[0] == 't')
		vbuf_puts(b, " WITH GRANT OPTION");
}
