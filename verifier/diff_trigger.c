/*
 * diff_trigger.c: the differences of triggers, kind "trigger", as SQL
 * over the store's triggers set (catalog.h), run by diff_compute() after
 * diff.c's statements (the table map tmap is made).  A trigger is named
 * by its table (or view) and its name; tbl is its table on the target
 * side, old_tbl on the source side.  Added, dropped, or altered: field
 * "definition" (pg_get_triggerdef() without the table: from_val and
 * to_val the whole definitions; ckind "t" when either side is a
 * constraint trigger, which CREATE OR REPLACE cannot change), "enabled",
 * "comment".
 */
#include <stddef.h>

#include "diff_int.h"

/* The source triggers, their table under its target name. */
#define F_TRIGGERS \
	"(SELECT COALESCE((SELECT x.t_name FROM tmap x " \
	"WHERE x.f_name = g.tbl), g.tbl) AS t_tbl, g.* FROM triggers g " \
	"WHERE g.side = ?1)"

const char *const diff_trigger_sql[] = {
	"INSERT INTO changes (kind, action, tbl, name, to_val) "
	"SELECT 'trigger', 'add', t.tbl, t.name, t.def FROM triggers t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM " F_TRIGGERS " f "
	"WHERE f.t_tbl = t.tbl AND f.name = t.name) ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val, ckind) SELECT 'trigger', 'alter', t.tbl, f.tbl, "
	"t.name, k.field, CASE k.o WHEN 1 THEN f.def WHEN 2 THEN f.enabled "
	"ELSE f.comment END, CASE k.o WHEN 1 THEN t.def WHEN 2 THEN t.enabled "
	"ELSE t.comment END, CASE WHEN f.is_constraint = 't' "
	"OR t.is_constraint = 't' THEN 't' END "
	"FROM triggers t JOIN " F_TRIGGERS " f ON f.t_tbl = t.tbl "
	"AND f.name = t.name "
	"JOIN (SELECT 1 AS o, 'definition' AS field UNION ALL SELECT 2, "
	"'enabled' UNION ALL SELECT 3, 'comment') k "
	"ON CASE k.o WHEN 1 THEN f.body IS NOT t.body "
	"WHEN 2 THEN f.enabled IS NOT t.enabled "
	"ELSE f.comment IS NOT t.comment END "
	"WHERE t.side = ?2 ORDER BY k.o, t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, from_val) "
	"SELECT 'trigger', 'drop', f.t_tbl, f.tbl, f.name, f.def "
	"FROM " F_TRIGGERS " f WHERE NOT EXISTS (SELECT 1 FROM triggers t "
	"WHERE t.side = ?2 AND t.tbl = f.t_tbl AND t.name = f.name) "
	"ORDER BY f.tbl, f.name",
	NULL
};
