/*
 * diff_policy.c: the differences of row level security.  A kept table's
 * flags: kind "table", action "alter", field "row_level_security" or
 * "force_row_level_security", values "t"/"f".  Policies: kind "policy",
 * tbl its table (target name; old_tbl the source one), name the policy;
 * action "add", "drop" (only on a table the target keeps: a dropped
 * table takes its policies with it) or "alter", one change per field
 * that differs: "command", "as" (PERMISSIVE / RESTRICTIVE), "roles" (one
 * a line), "using", "with_check", "comment".  A source policy is seen
 * under its table's target name (temp.pmap, which emit_policy.c reads).
 */
#include <stddef.h>

#include "diff.h"

const char *const diff_policy_sql[] = {
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'table', 'alter', t.name, k.field, "
	"CASE k.o WHEN 1 THEN f.rls ELSE f.force_rls END, "
	"CASE k.o WHEN 1 THEN t.rls ELSE t.force_rls END "
	"FROM tmap m JOIN tables f ON f.side = ?1 AND f.name = m.f_name "
	"JOIN tables t ON t.side = ?2 AND t.name = m.t_name "
	"JOIN (SELECT 1 AS o, 'row_level_security' AS field UNION ALL "
	"SELECT 2, 'force_row_level_security') k "
	"ON CASE k.o WHEN 1 THEN f.rls IS NOT t.rls "
	"ELSE f.force_rls IS NOT t.force_rls END "
	"ORDER BY t.name, k.o",
	"DROP TABLE IF EXISTS temp.pmap",
	"CREATE TEMP TABLE pmap AS SELECT COALESCE((SELECT m.t_name "
	"FROM tmap m WHERE m.f_name = p.tbl), p.tbl) AS tbl, p.tbl AS o_tbl, "
	"p.name, p.cmd, p.permissive, p.roles, p.qual, p.with_check, "
	"p.comment, p.deps FROM policies p WHERE p.side = ?1",
	"INSERT INTO changes (kind, action, tbl, name) "
	"SELECT 'policy', 'add', t.tbl, t.name FROM policies t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM pmap f "
	"WHERE f.tbl = t.tbl AND f.name = t.name) ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val) SELECT 'policy', 'alter', t.tbl, f.o_tbl, t.name, "
	"k.field, CASE k.o WHEN 1 THEN f.cmd WHEN 2 THEN f.permissive "
	"WHEN 3 THEN f.roles WHEN 4 THEN f.qual WHEN 5 THEN f.with_check "
	"ELSE f.comment END, CASE k.o WHEN 1 THEN t.cmd WHEN 2 "
	"THEN t.permissive WHEN 3 THEN t.roles WHEN 4 THEN t.qual "
	"WHEN 5 THEN t.with_check ELSE t.comment END "
	"FROM policies t JOIN pmap f ON f.tbl = t.tbl AND f.name = t.name "
	"JOIN (SELECT 1 AS o, 'command' AS field UNION ALL SELECT 2, 'as' "
	"UNION ALL SELECT 3, 'roles' UNION ALL SELECT 4, 'using' "
	"UNION ALL SELECT 5, 'with_check' UNION ALL SELECT 6, 'comment') k "
	"ON CASE k.o WHEN 1 THEN f.cmd IS NOT t.cmd "
	"WHEN 2 THEN f.permissive IS NOT t.permissive "
	"WHEN 3 THEN f.roles IS NOT t.roles WHEN 4 THEN f.qual IS NOT t.qual "
	"WHEN 5 THEN f.with_check IS NOT t.with_check "
	"ELSE f.comment IS NOT t.comment END "
	"WHERE t.side = ?2 ORDER BY t.tbl, t.name, k.o",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name) "
	"SELECT 'policy', 'drop', f.tbl, f.o_tbl, f.name FROM pmap f "
	"WHERE EXISTS (SELECT 1 FROM tables t WHERE t.side = ?2 "
	"AND t.name = f.tbl) AND NOT EXISTS (SELECT 1 FROM policies t "
	"WHERE t.side = ?2 AND t.tbl = f.tbl AND t.name = f.name) "
	"ORDER BY f.tbl, f.name",
	NULL
};
