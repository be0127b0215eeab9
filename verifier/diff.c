/*
 * diff.c: the differences between the two sides of the snapshot store,
 * as SQL over sqlite.  Renames are resolved first into two maps (tables,
 * columns) from source names to target names; everything else is then
 * compared under target names.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diff_int.h"

/*
 * The maps and the changes table.  ?1 is the source side, ?2 the target.
 * Run statement by statement (sqlite3_prepare on each).
 */
static const char *const diff_sql[] = {
	"DROP TABLE IF EXISTS temp.rn",
	"DROP TABLE IF EXISTS temp.tmap",
	"DROP TABLE IF EXISTS temp.cmap",
	"DROP TABLE IF EXISTS temp.fcols",
	"DROP TABLE IF EXISTS temp.fcons",
	"DROP TABLE IF EXISTS temp.tcons",
	"DROP TABLE IF EXISTS temp.fidx",
	"DROP TABLE IF EXISTS temp.conrn",
	"DROP TABLE IF EXISTS temp.idxrn",
	"DROP TABLE IF EXISTS temp.el",
	"DROP TABLE IF EXISTS temp.changes",
	"CREATE TEMP TABLE changes (seq INTEGER PRIMARY KEY, kind TEXT, "
	"action TEXT, tbl TEXT, old_tbl TEXT, name TEXT, old_name TEXT, "
	"field TEXT, from_val TEXT, to_val TEXT, extra TEXT, ckind TEXT)",
	/* Renames, turned the way of this diff. */
	"CREATE TEMP TABLE rn AS SELECT kind, "
	"CASE WHEN ?1 = 'actual' THEN a_tbl ELSE e_tbl END AS f_tbl, "
	"CASE WHEN ?1 = 'actual' THEN a_name ELSE e_name END AS f_name, "
	"CASE WHEN ?1 = 'actual' THEN e_name ELSE a_name END AS t_name "
	"FROM renames",
	/* A rename applies when the target has the new name and not the old
	   one, and the source has the old name and not the new one. */
	"CREATE TEMP TABLE tmap AS SELECT f.name AS f_name, COALESCE(("
	"SELECT r.t_name FROM rn r WHERE r.kind = 'table' "
	"AND r.f_name = f.name "
	"AND EXISTS (SELECT 1 FROM tables t WHERE t.side = ?2 "
	"AND t.name = r.t_name) "
	"AND NOT EXISTS (SELECT 1 FROM tables t WHERE t.side = ?1 "
	"AND t.name = r.t_name) "
	"AND NOT EXISTS (SELECT 1 FROM tables t WHERE t.side = ?2 "
	"AND t.name = f.name)), f.name) AS t_name "
	"FROM tables f WHERE f.side = ?1",
	"CREATE INDEX temp.tmap_f ON tmap (f_name)",
	"CREATE INDEX temp.tmap_t ON tmap (t_name)",
	"CREATE TEMP TABLE cmap AS SELECT c.tbl AS f_tbl, c.name AS f_name, "
	"m.t_name AS t_tbl, COALESCE(("
	"SELECT r.t_name FROM rn r WHERE r.kind = 'column' "
	"AND r.f_tbl = c.tbl AND r.f_name = c.name "
	"AND EXISTS (SELECT 1 FROM columns x WHERE x.side = ?2 "
	"AND x.tbl = m.t_name AND x.name = r.t_name) "
	"AND NOT EXISTS (SELECT 1 FROM columns x WHERE x.side = ?1 "
	"AND x.tbl = c.tbl AND x.name = r.t_name) "
	"AND NOT EXISTS (SELECT 1 FROM columns x WHERE x.side = ?2 "
	"AND x.tbl = m.t_name AND x.name = c.name)), c.name) AS t_name "
	"FROM columns c JOIN tmap m ON m.f_name = c.tbl WHERE c.side = ?1",
	"CREATE INDEX temp.cmap_f ON cmap (f_tbl, f_name)",
	"CREATE TEMP TABLE fcols AS SELECT m.t_tbl AS tbl, m.t_name AS name, "
	"c.tbl AS o_tbl, c.name AS o_name, c.type, c.not_null, c.default_expr, "
	"c.identity, c.generated, c.comment, c.identity_opts "
	"FROM columns c JOIN cmap m ON m.f_tbl = c.tbl AND m.f_name = c.name "
	"WHERE c.side = ?1",
	"CREATE INDEX temp.fcols_key ON fcols (tbl, name)",
	"CREATE TEMP TABLE fcons AS SELECT m.t_name AS tbl, c.tbl AS o_tbl, "
	"c.name, c.kind, c.def, COALESCE((SELECT x.t_name FROM tmap x "
	"WHERE x.f_name = c.ref_table), c.ref_table) AS ref, c.comment "
	"FROM constraints c JOIN tmap m ON m.f_name = c.tbl WHERE c.side = ?1",
	"CREATE INDEX temp.fcons_key ON fcons (tbl, name)",
	"CREATE TEMP TABLE tcons AS SELECT tbl, name, kind, def, "
	"ref_table AS ref, comment FROM constraints WHERE side = ?2",
	"CREATE INDEX temp.tcons_key ON tcons (tbl, name)",
	/* Indexes of tables and of materialized views (not in tmap). */
	"CREATE TEMP TABLE fidx AS SELECT COALESCE(m.t_name, i.tbl) AS tbl, "
	"i.tbl AS o_tbl, "
	"i.name, i.uniq, i.body, i.core, i.reloptions, i.comment "
	"FROM indexes i LEFT JOIN tmap m "
	"ON m.f_name = i.tbl WHERE i.side = ?1",
	"CREATE INDEX temp.fidx_key ON fidx (name)",
	"CREATE INDEX temp.fidx_tbl ON fidx (tbl)",
	/* A constraint or index of the same table and definition under
	   another name is renamed (a renamed table keeps its old names). */
	"CREATE TEMP TABLE conrn AS SELECT f.tbl, f.name AS f_name, "
	"MIN(t.name) AS t_name FROM fcons f JOIN tcons t ON t.tbl = f.tbl "
	"AND t.kind = f.kind AND t.def = f.def AND t.ref IS f.ref "
	"WHERE NOT EXISTS (SELECT 1 FROM tcons x WHERE x.tbl = f.tbl "
	"AND x.name = f.name) AND NOT EXISTS (SELECT 1 FROM fcons x "
	"WHERE x.tbl = t.tbl AND x.name = t.name) GROUP BY f.tbl, f.name",
	"DELETE FROM conrn WHERE rowid NOT IN (SELECT MIN(rowid) FROM conrn "
	"GROUP BY tbl, t_name)",
	"CREATE TEMP TABLE idxrn AS SELECT f.tbl, f.name AS f_name, "
	"MIN(t.name) AS t_name FROM fidx f JOIN indexes t ON t.side = ?2 "
	"AND t.tbl = f.tbl AND t.uniq = f.uniq AND t.body = f.body "
	"WHERE NOT EXISTS (SELECT 1 FROM indexes x WHERE x.side = ?2 "
	"AND x.name = f.name) AND NOT EXISTS (SELECT 1 FROM fidx x "
	"WHERE x.name = t.name) GROUP BY f.tbl, f.name",
	"DELETE FROM idxrn WHERE rowid NOT IN (SELECT MIN(rowid) FROM idxrn "
	"GROUP BY t_name)",
	"CREATE INDEX temp.conrn_key ON conrn (tbl, f_name)",
	"CREATE INDEX temp.idxrn_key ON idxrn (f_name)",
	"CREATE TEMP TABLE el AS SELECT side, enum, "
	"group_concat(label, char(10)) AS labels FROM ("
	"SELECT side, enum, label FROM enums WHERE side IN (?1, ?2) "
	"ORDER BY side, enum, CAST(pos AS INTEGER)) GROUP BY side, enum",

	/* Enums. */
	"INSERT INTO changes (kind, action, name, to_val) "
	"SELECT 'enum', 'add', t.enum, t.labels FROM el t WHERE t.side = ?2 "
	"AND NOT EXISTS (SELECT 1 FROM el f WHERE f.side = ?1 "
	"AND f.enum = t.enum) ORDER BY t.enum",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'enum', 'alter', t.enum, 'labels', f.labels, t.labels "
	"FROM el t JOIN el f ON f.enum = t.enum AND f.side = ?1 "
	"WHERE t.side = ?2 AND f.labels IS NOT t.labels ORDER BY t.enum",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'enum', 'alter', t.enum, 'comment', f.comment, t.comment "
	"FROM (SELECT DISTINCT enum, comment FROM enums WHERE side = ?2) t "
	"JOIN (SELECT DISTINCT enum, comment FROM enums WHERE side = ?1) f "
	"ON f.enum = t.enum WHERE f.comment IS NOT t.comment ORDER BY t.enum",
	"INSERT INTO changes (kind, action, name, from_val) "
	"SELECT 'enum', 'drop', f.enum, f.labels FROM el f WHERE f.side = ?1 "
	"AND NOT EXISTS (SELECT 1 FROM el t WHERE t.side = ?2 "
	"AND t.enum = f.enum) ORDER BY f.enum",

	/* Sequences. */
	"INSERT INTO changes (kind, action, name, to_val, extra) "
	"SELECT 'sequence', 'add', t.name, t.type || ' ' || t.start || ' ' || "
	"t.increment || ' ' || t.min || ' ' || t.max || ' ' || t.cache || ' ' "
	"|| t.cycle, t.owned_tbl || '.' || t.owned_col FROM sequences t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM sequences f "
	"WHERE f.side = ?1 AND f.name = t.name) ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'sequence', 'alter', t.name, 'definition', "
	"f.type || ' ' || f.start || ' ' || f.increment || ' ' || f.min || ' ' "
	"|| f.max || ' ' || f.cache || ' ' || f.cycle, "
	"t.type || ' ' || t.start || ' ' || t.increment || ' ' || t.min || ' ' "
	"|| t.max || ' ' || t.cache || ' ' || t.cycle "
	"FROM sequences t JOIN sequences f ON f.side = ?1 AND f.name = t.name "
	"WHERE t.side = ?2 AND (f.type, f.start, f.increment, f.min, f.max, "
	"f.cache, f.cycle) IS NOT (t.type, t.start, t.increment, t.min, t.max, "
	"t.cache, t.cycle) ORDER BY t.name",
	/* The owner, through the renames of its table and column. */
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'sequence', 'alter', t.name, 'owned_by', "
	"f.owned_tbl || '.' || f.owned_col, t.owned_tbl || '.' || t.owned_col "
	"FROM sequences t JOIN sequences f ON f.side = ?1 AND f.name = t.name "
	"LEFT JOIN cmap m ON m.f_tbl = f.owned_tbl AND m.f_name = f.owned_col "
	"WHERE t.side = ?2 AND (COALESCE(m.t_tbl, f.owned_tbl), "
	"COALESCE(m.t_name, f.owned_col)) IS NOT (t.owned_tbl, t.owned_col) "
	"ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'sequence', 'alter', t.name, 'comment', f.comment, t.comment "
	"FROM sequences t JOIN sequences f ON f.side = ?1 AND f.name = t.name "
	"WHERE t.side = ?2 AND f.comment IS NOT t.comment ORDER BY t.name",
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'sequence', 'drop', f.name FROM sequences f WHERE f.side = ?1 "
	"AND NOT EXISTS (SELECT 1 FROM sequences t WHERE t.side = ?2 "
	"AND t.name = f.name) ORDER BY f.name",

	/* Views and materialized views: definitions as PostgreSQL prints
	   them, options, whether a materialized view has data. */
#define VIEW_KIND(x) "CASE " x ".kind WHEN 'm' THEN 'materialized view' " \
	"ELSE 'view' END"
	"INSERT INTO changes (kind, action, name, to_val) "
	"SELECT " VIEW_KIND("t") ", 'add', t.name, t.def FROM views t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM views f "
	"WHERE f.side = ?1 AND f.name = t.name AND f.kind = t.kind) "
	"ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT " VIEW_KIND("t") ", 'alter', t.name, k.field, "
	"CASE k.field WHEN 'definition' THEN f.def WHEN 'options' "
	"THEN f.reloptions WHEN 'with_data' THEN f.populated "
	"WHEN 'column_comments' THEN f.colcomments "
	"ELSE f.comment END, CASE k.field WHEN 'definition' THEN t.def "
	"WHEN 'options' THEN t.reloptions WHEN 'with_data' THEN t.populated "
	"WHEN 'column_comments' THEN t.colcomments "
	"ELSE t.comment END "
	"FROM views t JOIN views f ON f.side = ?1 AND f.name = t.name "
	"AND f.kind = t.kind "
	"JOIN (SELECT 1 AS o, 'definition' AS field UNION ALL SELECT 2, "
	"'options' UNION ALL SELECT 3, 'with_data' UNION ALL SELECT 4, "
	"'comment' UNION ALL SELECT 5, 'column_comments') k "
	"ON CASE k.o WHEN 1 THEN f.def IS NOT t.def "
	"WHEN 2 THEN f.reloptions IS NOT t.reloptions "
	"WHEN 3 THEN f.populated IS NOT t.populated "
	"WHEN 5 THEN f.colcomments IS NOT t.colcomments "
	"ELSE f.comment IS NOT t.comment END "
	"WHERE t.side = ?2 ORDER BY k.o, t.name",
	"INSERT INTO changes (kind, action, name, from_val) "
	"SELECT " VIEW_KIND("f") ", 'drop', f.name, f.def FROM views f "
	"WHERE f.side = ?1 AND NOT EXISTS (SELECT 1 FROM views t "
	"WHERE t.side = ?2 AND t.name = f.name AND t.kind = f.kind) "
	"ORDER BY f.name",
#undef VIEW_KIND

	/* Tables. */
	"INSERT INTO changes (kind, action, name, old_name) "
	"SELECT 'table', 'rename', t_name, f_name FROM tmap "
	"WHERE t_name <> f_name ORDER BY t_name",
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'table', 'add', t.name FROM tables t WHERE t.side = ?2 "
	"AND NOT EXISTS (SELECT 1 FROM tmap m WHERE m.t_name = t.name) "
	"ORDER BY t.name",
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'table', 'drop', m.f_name FROM tmap m "
	"WHERE NOT EXISTS (SELECT 1 FROM tables t WHERE t.side = ?2 "
	"AND t.name = m.t_name) ORDER BY m.f_name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'table', 'alter', t.name, 'comment', f.comment, t.comment "
	"FROM tmap m JOIN tables f ON f.side = ?1 AND f.name = m.f_name "
	"JOIN tables t ON t.side = ?2 AND t.name = m.t_name "
	"WHERE f.comment IS NOT t.comment ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'table', 'alter', t.name, 'unlogged', f.unlogged, t.unlogged "
	"FROM tmap m JOIN tables f ON f.side = ?1 AND f.name = m.f_name "
	"JOIN tables t ON t.side = ?2 AND t.name = m.t_name "
	"WHERE f.unlogged IS NOT t.unlogged ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'table', 'alter', t.name, 'with', f.reloptions, t.reloptions "
	"FROM tmap m JOIN tables f ON f.side = ?1 AND f.name = m.f_name "
	"JOIN tables t ON t.side = ?2 AND t.name = m.t_name "
	"WHERE f.reloptions IS NOT t.reloptions ORDER BY t.name",
	/* old_tbl: the source name, for a reset before the renames. */
	"INSERT INTO changes (kind, action, name, old_tbl, field, from_val, "
	"to_val) SELECT 'table', 'alter', t.name, m.f_name, "
	"'replica_identity', f.replident, t.replident "
	"FROM tmap m JOIN tables f ON f.side = ?1 AND f.name = m.f_name "
	"JOIN tables t ON t.side = ?2 AND t.name = m.t_name "
	"WHERE f.replident IS NOT t.replident ORDER BY t.name",

	/* Columns of the tables on both sides. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, old_name) "
	"SELECT 'column', 'rename', m.t_tbl, m.f_tbl, m.t_name, m.f_name "
	"FROM cmap m WHERE m.t_name <> m.f_name AND EXISTS (SELECT 1 "
	"FROM tables t WHERE t.side = ?2 AND t.name = m.t_tbl) "
	"ORDER BY m.t_tbl, m.t_name",
	"INSERT INTO changes (kind, action, tbl, name) "
	"SELECT 'column', 'add', c.tbl, c.name FROM columns c "
	"WHERE c.side = ?2 AND EXISTS (SELECT 1 FROM tmap m "
	"WHERE m.t_name = c.tbl) AND NOT EXISTS (SELECT 1 FROM fcols f "
	"WHERE f.tbl = c.tbl AND f.name = c.name) "
	"ORDER BY c.tbl, CAST(c.pos AS INTEGER)",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name) "
	"SELECT 'column', 'drop', f.tbl, f.o_tbl, f.o_name FROM fcols f "
	"WHERE EXISTS (SELECT 1 FROM tables t WHERE t.side = ?2 "
	"AND t.name = f.tbl) AND NOT EXISTS (SELECT 1 FROM columns c "
	"WHERE c.side = ?2 AND c.tbl = f.tbl AND c.name = f.name) "
	"ORDER BY f.tbl, f.o_name",
	/* One join of the columns on both sides, then one row per field
	   that differs. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val) SELECT 'column', 'alter', x.tbl, x.o_tbl, x.name, "
	"k.field, CASE k.o WHEN 1 THEN x.f1 WHEN 2 THEN x.f2 WHEN 3 THEN x.f3 "
	"WHEN 4 THEN x.f4 WHEN 5 THEN x.f5 WHEN 6 THEN x.f6 ELSE x.f7 END, "
	"CASE k.o WHEN 1 THEN x.t1 WHEN 2 THEN x.t2 WHEN 3 THEN x.t3 "
	"WHEN 4 THEN x.t4 WHEN 5 THEN x.t5 WHEN 6 THEN x.t6 ELSE x.t7 END "
	"FROM (SELECT t.tbl, f.o_tbl, t.name, CAST(t.pos AS INTEGER) AS pos, "
	"f.type AS f1, t.type AS t1, f.not_null AS f2, t.not_null AS t2, "
	"f.default_expr AS f3, t.default_expr AS t3, f.identity AS f4, "
	"t.identity AS t4, f.generated AS f5, t.generated AS t5, "
	"f.comment AS f6, t.comment AS t6, "
	/* An identity's options, when it is one on both sides. */
	"CASE WHEN t.identity IS NOT NULL THEN f.identity_opts END AS f7, "
	"CASE WHEN f.identity IS NOT NULL THEN t.identity_opts END AS t7 "
	"FROM fcols f JOIN columns t "
	"ON t.side = ?2 AND t.tbl = f.tbl AND t.name = f.name "
	"WHERE (f.type, f.not_null, f.default_expr, f.identity, f.generated, "
	"f.comment, f.identity_opts) IS NOT (t.type, t.not_null, "
	"t.default_expr, t.identity, t.generated, t.comment, t.identity_opts)"
	") x "
	"JOIN (SELECT 1 AS o, 'type' AS field UNION ALL SELECT 2, 'not_null' "
	"UNION ALL SELECT 3, 'default' UNION ALL SELECT 4, 'identity' "
	"UNION ALL SELECT 5, 'generated' UNION ALL SELECT 6, 'comment' "
	"UNION ALL SELECT 7, 'identity_options') k "
	"WHERE (CASE k.o WHEN 1 THEN x.f1 WHEN 2 THEN x.f2 WHEN 3 THEN x.f3 "
	"WHEN 4 THEN x.f4 WHEN 5 THEN x.f5 WHEN 6 THEN x.f6 ELSE x.f7 END) "
	"IS NOT (CASE k.o WHEN 1 THEN x.t1 WHEN 2 THEN x.t2 WHEN 3 THEN x.t3 "
	"WHEN 4 THEN x.t4 WHEN 5 THEN x.t5 WHEN 6 THEN x.t6 ELSE x.t7 END) "
	"ORDER BY x.tbl, x.pos, k.o",

	/* Constraints: renames, then what differs under one name. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, old_name, "
	"ckind) SELECT 'constraint', 'rename', r.tbl, f.o_tbl, r.t_name, "
	"r.f_name, f.kind FROM conrn r JOIN fcons f ON f.tbl = r.tbl "
	"AND f.name = r.f_name ORDER BY r.tbl, r.t_name",
	/* field 'validated': only NOT VALID goes (VALIDATE CONSTRAINT);
	   'deferrable': only a foreign key's DEFERRABLE ... changes (ALTER
	   CONSTRAINT); any other difference (field NULL) is a drop and an
	   add. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val, extra, ckind) SELECT 'constraint', 'alter', t.tbl, "
	"f.o_tbl, t.name, CASE WHEN f.ref IS NOT t.ref OR f.kind <> t.kind "
	"THEN NULL WHEN f.def = t.def || ' NOT VALID' THEN 'validated' "
	"WHEN t.kind = 'f' AND replace(replace(f.def, "
	"' DEFERRABLE INITIALLY DEFERRED', ''), ' DEFERRABLE', '') = "
	"replace(replace(t.def, ' DEFERRABLE INITIALLY DEFERRED', ''), "
	"' DEFERRABLE', '') THEN 'deferrable' END, "
	"f.def, t.def, t.ref, t.kind FROM tcons t JOIN fcons f "
	"ON f.tbl = t.tbl AND f.name = t.name "
	"WHERE f.def IS NOT t.def OR f.ref IS NOT t.ref OR f.kind <> t.kind "
	"ORDER BY t.tbl, t.name",
	/* Comments of constraints kept as they are (renamed or not); one
	   added again gets its comment with it. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val, ckind) SELECT 'constraint', 'alter', t.tbl, "
	"f.o_tbl, t.name, 'comment', f.comment, t.comment, t.kind "
	"FROM tcons t JOIN fcons f ON f.tbl = t.tbl AND t.name = "
	"COALESCE((SELECT r.t_name FROM conrn r WHERE r.tbl = f.tbl "
	"AND r.f_name = f.name), f.name) "
	"WHERE f.comment IS NOT t.comment AND NOT EXISTS (SELECT 1 "
	"FROM changes c WHERE c.kind = 'constraint' AND c.action = 'alter' "
	"AND c.field IS NULL AND c.tbl = t.tbl AND c.name = t.name) "
	"ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, name, to_val, extra, ckind) "
	"SELECT 'constraint', 'add', t.tbl, t.name, t.def, t.ref, t.kind "
	"FROM tcons t WHERE NOT EXISTS (SELECT 1 FROM fcons f "
	"WHERE f.tbl = t.tbl AND f.name = t.name) AND NOT EXISTS (SELECT 1 "
	"FROM conrn r WHERE r.tbl = t.tbl AND r.t_name = t.name) "
	"ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, from_val, "
	"ckind) SELECT 'constraint', 'drop', f.tbl, f.o_tbl, f.name, f.def, "
	"f.kind FROM fcons f WHERE EXISTS (SELECT 1 FROM tables t "
	"WHERE t.side = ?2 AND t.name = f.tbl) AND NOT EXISTS (SELECT 1 "
	"FROM tcons t WHERE t.tbl = f.tbl AND t.name = f.name) "
	"AND NOT EXISTS (SELECT 1 FROM conrn r WHERE r.tbl = f.tbl "
	"AND r.f_name = f.name) ORDER BY f.tbl, f.name",

	/* Indexes, the same way. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, old_name) "
	"SELECT 'index', 'rename', r.tbl, f.o_tbl, r.t_name, r.f_name "
	"FROM idxrn r JOIN fidx f ON f.name = r.f_name ORDER BY r.tbl, r.t_name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, from_val, "
	"to_val, extra) SELECT 'index', 'alter', t.tbl, f.o_tbl, t.name, "
	"f.body, t.body, t.uniq FROM indexes t JOIN fidx f ON f.name = t.name "
	"WHERE t.side = ?2 AND (f.core IS NOT t.core OR f.uniq IS NOT t.uniq "
	"OR f.tbl IS NOT t.tbl) ORDER BY t.tbl, t.name",
	/* Storage parameters and comments of an index that is kept. */
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val) SELECT 'index', 'alter', t.tbl, f.o_tbl, t.name, "
	"'with', f.reloptions, t.reloptions FROM indexes t JOIN fidx f "
	"ON f.name = t.name WHERE t.side = ?2 AND f.core IS t.core "
	"AND f.uniq IS t.uniq AND f.tbl IS t.tbl "
	"AND f.reloptions IS NOT t.reloptions ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, field, "
	"from_val, to_val) SELECT 'index', 'alter', t.tbl, f.o_tbl, t.name, "
	"'comment', f.comment, t.comment FROM indexes t "
	"LEFT JOIN idxrn r ON r.t_name = t.name "
	"JOIN fidx f ON f.name = COALESCE(r.f_name, t.name) "
	"WHERE t.side = ?2 AND f.core IS t.core AND f.uniq IS t.uniq "
	"AND f.tbl IS t.tbl AND f.comment IS NOT t.comment "
	"ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, name, to_val, extra) "
	"SELECT 'index', 'add', t.tbl, t.name, t.body, t.uniq FROM indexes t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM fidx f "
	"WHERE f.name = t.name) AND NOT EXISTS (SELECT 1 FROM idxrn r "
	"WHERE r.t_name = t.name) ORDER BY t.tbl, t.name",
	"INSERT INTO changes (kind, action, tbl, old_tbl, name, from_val) "
	"SELECT 'index', 'drop', f.tbl, f.o_tbl, f.name, f.body FROM fidx f "
	"WHERE (EXISTS (SELECT 1 FROM tables t WHERE t.side = ?2 "
	"AND t.name = f.tbl) OR EXISTS (SELECT 1 FROM partitions p "
	"WHERE p.side = ?2 AND p.name = f.tbl AND p.parent IS NOT NULL) "
	"OR EXISTS (SELECT 1 FROM views v "
	"WHERE v.side = ?2 AND v.name = f.tbl AND v.kind = 'm' "
	"AND EXISTS (SELECT 1 FROM views w WHERE w.side = ?1 "
	"AND w.name = f.o_tbl AND w.kind = 'm'))) AND NOT EXISTS (SELECT 1 FROM indexes t "
	"WHERE t.side = ?2 AND t.name = f.name) AND NOT EXISTS (SELECT 1 "
	"FROM idxrn r WHERE r.f_name = f.name) ORDER BY f.tbl, f.name",
	NULL
};

void
diff_free(struct diff *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].kind);
		free(d->v[i].action);
		free(d->v[i].tbl);
		free(d->v[i].old_tbl);
		free(d->v[i].name);
		free(d->v[i].old_name);
		free(d->v[i].field);
		free(d->v[i].from_val);
		free(d->v[i].to_val);
		free(d->v[i].extra);
		free(d->v[i].ckind);
	}
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

/* Splits "type(n)" or "type(n,m)"; returns the number of modifiers. */
static int
type_mods(const char *type, char *base, size_t len, long *a, long *b)
{
	const char	*p;
	size_t		 n;

	p = strchr(type, '(');
	n = p != NULL ? (size_t)(p - type) : strlen(type);
	if (n >= len)
		n = len - 1;
	memcpy(base, type, n);
	base[n] = '\0';
	if (p == NULL)
		return (0);
	if (sscanf(p, "(%ld,%ld)", a, b) == 2)
		return (2);
	if (sscanf(p, "(%ld)", a) == 1)
		return (1);
	return (-1);
}

/* Whether changing a column from type `from` to `to` keeps every value. */
static int
type_widens(const char *from, const char *to)
{
	static const char *const ints[] = { "smallint", "integer", "bigint",
	    "numeric" };
	char	 fb[128], tb[128];
	long	 fa = 0, fbm = 0, ta = 0, tbm = 0;
	int	 fn, tn, i, fi = -1, ti = -1;
	size_t	 fl = strlen(from), tl = strlen(to);

	/* Arrays widen as their elements do. */
	if (fl > 2 && tl > 2 && strcmp(from + fl - 2, "[]") == 0 &&
	    strcmp(to + tl - 2, "[]") == 0) {
		char	f2[256], t2[256];

		if (fl - 2 >= sizeof(f2) || tl - 2 >= sizeof(t2))
			return (0);
		memcpy(f2, from, fl - 2);
		f2[fl - 2] = '\0';
		memcpy(t2, to, tl - 2);
		t2[tl - 2] = '\0';
		return (type_widens(f2, t2));
	}
	fn = type_mods(from, fb, sizeof(fb), &fa, &fbm);
	tn = type_mods(to, tb, sizeof(tb), &ta, &tbm);
	if (fn < 0 || tn < 0)
		return (0);
	for (i = 0; i < 4; i++) {
		if (strcmp(fb, ints[i]) == 0 && fn == 0)
			fi = i;
		if (strcmp(tb, ints[i]) == 0)
			ti = i;
	}
	if (fi >= 0 && ti > fi && (ti < 3 || tn == 0))
		return (1);
	if (strcmp(to, "text") == 0 && (strcmp(fb, "character varying") == 0 ||
	    strcmp(fb, "character") == 0))
		return (1);
	if (strcmp(fb, tb) == 0) {
		if (tn == 0)
			return (strcmp(fb, "character varying") == 0 ||
			    strcmp(fb, "numeric") == 0 ||
			    strcmp(fb, "bit varying") == 0);
		if (fn == 1 && tn == 1)
			return (ta >= fa &&
			    (strcmp(fb, "character varying") == 0 ||
			    strcmp(fb, "bit varying") == 0));
		if (fn == 2 && tn == 2 && strcmp(fb, "numeric") == 0)
			return (tbm == fbm && ta >= fa);
	}
	return (0);
}

/*
 * type_widens() on types that may end in " COLLATE x": a change of
 * collation alone keeps every value.
 */
static int
type_widens_collated(const char *from, const char *to)
{
	char	*f, *t, *p;
	int	 ok;

	if (from == NULL || to == NULL)
		return (0);
	f = xstrdup(from);
	t = xstrdup(to);
	if ((p = strstr(f, " COLLATE ")) != NULL)
		*p = '\0';
	if ((p = strstr(t, " COLLATE ")) != NULL)
		*p = '\0';
	ok = strcmp(f, t) == 0 || type_widens(f, t);
	free(f);
	free(t);
	return (ok);
}

/* Whether every label of from is in to (labels are newline-joined). */
static int
labels_kept(const char *from, const char *to)
{
	char	*f, *p, *save = NULL;
	size_t	 n;
	int	 ok = 1;

	if (from == NULL)
		return (1);
	f = xstrdup(from);
	for (p = strtok_r(f, "\n", &save); p != NULL && ok;
	    p = strtok_r(NULL, "\n", &save)) {
		const char *q = to;

		n = strlen(p);
		ok = 0;
		while (q != NULL && *q != '\0') {
			if (strncmp(q, p, n) == 0 &&
			    (q[n] == '\n' || q[n] == '\0')) {
				ok = 1;
				break;
			}
			q = strchr(q, '\n');
			if (q != NULL)
				q++;
		}
	}
	free(f);
	return (ok);
}

static void
mark_destructive(struct diff_change *c)
{
	if (strcmp(c->action, "drop") == 0) {
		if (strcmp(c->kind, "table") == 0)
			c->destructive = "drops a table and its rows";
		else if (strcmp(c->kind, "partition") == 0)
			c->destructive = "drops a partition and its rows";
		else if (strcmp(c->kind, "column") == 0)
			c->destructive = "drops a column and its values";
		else if (strcmp(c->kind, "attribute") == 0)
			c->destructive = "drops an attribute and its values";
		else if (strcmp(c->kind, "extension") == 0)
			c->destructive = "drops an extension and what uses "
			    "its objects";
		return;
	}
	if (strcmp(c->action, "alter") != 0 || c->field == NULL)
		return;
	if (strcmp(c->kind, "column") == 0 && strcmp(c->field, "type") == 0 &&
	    !type_widens_collated(c->from_val, c->to_val))
		c->destructive = "changes a column's type to one that may not "
		    "hold every value";
	if ((strcmp(c->kind, "domain") == 0 ||
	    strcmp(c->kind, "attribute") == 0) &&
	    strcmp(c->field, "type") == 0 &&
	    !type_widens(c->from_val, c->to_val))
		c->destructive = strcmp(c->kind, "domain") == 0 ?
		    "changes a domain's base type to one that may not hold "
		    "every value" : "changes an attribute's type to one that "
		    "may not hold every value";
	if (strcmp(c->kind, "enum") == 0 && strcmp(c->field, "labels") == 0 &&
	    !labels_kept(c->from_val, c->to_val)) {
		/* Same number of labels: renamed in place, data kept. */
		size_t	nf = 0, nt = 0;
		const char *p;

		for (p = c->from_val; p != NULL && *p; p++)
			nf += *p == '\n';
		for (p = c->to_val; p != NULL && *p; p++)
			nt += *p == '\n';
		if (nf != nt)
			c->destructive = "removes an enum value";
	}
}

/*
 * A type change (of a column, a domain's base type, an attribute) to or
 * from a domain loses nothing when the base types are the same or widen (a
 * domain's checks may refuse a value, which fails the migration, loudly).
 */
static void
domain_keeps_values(struct snapshot *snap, const char *from, const char *to,
    struct diff_change *c)
{
	char	*fb, *tb;

	fb = diff_types_base(snap, from, c->from_val);
	tb = diff_types_base(snap, to, c->to_val);
	if ((strcmp(fb, c->from_val) != 0 || strcmp(tb, c->to_val) != 0) &&
	    (strcmp(fb, tb) == 0 || type_widens(fb, tb)))
		c->destructive = NULL;
	free(fb);
	free(tb);
}

/* The statements to run, in order: diff_sql, then each kind's own. */
static const char *const *const sql_parts[] = { diff_sql, diff_types_sql,
	diff_partition_sql, diff_grant_sql, diff_ext_sql, diff_policy_sql,
	diff_function_sql, diff_trigger_sql, NULL };

int
diff_compute(struct snapshot *snap, const char *from, const char *to,
    struct diff *d, struct vf_error *err)
{
	sqlite3_stmt	*st = NULL;
	size_t		 i, part, cap = 0;
	int		 rc = -1, step;

	memset(d, 0, sizeof(*d));
	for (part = 0; sql_parts[part] != NULL; part++)
		for (i = 0; sql_parts[part][i] != NULL; i++) {
			if (snapshot_prepare(snap, sql_parts[part][i], &st,
			    err) == -1)
				goto done;
			if (sqlite3_bind_parameter_count(st) >= 1)
				sqlite3_bind_text(st, 1, from, -1,
				    SQLITE_STATIC);
			if (sqlite3_bind_parameter_count(st) >= 2)
				sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
			step = sqlite3_step(st);
			if (step != SQLITE_DONE && step != SQLITE_ROW) {
				vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
				    "snapshot store: diff: %s",
				    sqlite3_errmsg(sqlite3_db_handle(st)));
				goto done;
			}
			sqlite3_finalize(st);
			st = NULL;
		}
	if (snapshot_prepare(snap, "SELECT kind, action, tbl, old_tbl, name, "
	    "old_name, field, from_val, to_val, extra, ckind FROM changes "
	    "ORDER BY seq", &st, err) == -1)
		goto done;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct diff_change *c;

		if (d->n == cap) {
			cap = cap ? cap * 2 : 16;
			d->v = xrealloc(d->v, cap * sizeof(*d->v));
		}
		c = &d->v[d->n++];
		memset(c, 0, sizeof(*c));
		c->kind = snapshot_col(st, 0);
		c->action = snapshot_col(st, 1);
		c->tbl = snapshot_col(st, 2);
		c->old_tbl = snapshot_col(st, 3);
		c->name = snapshot_col(st, 4);
		c->old_name = snapshot_col(st, 5);
		c->field = snapshot_col(st, 6);
		c->from_val = snapshot_col(st, 7);
		c->to_val = snapshot_col(st, 8);
		c->extra = snapshot_col(st, 9);
		c->ckind = snapshot_col(st, 10);
		if (c->old_tbl == NULL && c->tbl != NULL)
			c->old_tbl = xstrdup(c->tbl);
		mark_destructive(c);
		if (c->destructive != NULL && strcmp(c->kind, "enum") != 0 &&
		    strcmp(c->action, "alter") == 0 && c->field != NULL &&
		    strcmp(c->field, "type") == 0 && c->from_val != NULL &&
		    c->to_val != NULL)
			domain_keeps_values(snap, from, to, c);
	}
	if (step != SQLITE_DONE) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "snapshot store: diff: %s",
		    sqlite3_errmsg(sqlite3_db_handle(st)));
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	if (rc == -1)
		diff_free(d);
	return (rc);
}

/* "schema.name" for people, names quoted as SQL would need them. */
static void
put_name(struct vbuf *b, const char *schema, const char *tbl,
    const char *name)
{
	vf_quote_ident(b, schema);
	if (tbl != NULL) {
		vbuf_putc(b, '.');
		vf_quote_ident(b, tbl);
	}
	if (name != NULL) {
		vbuf_putc(b, '.');
		vf_quote_ident(b, name);
	}
}

/* A value in a description: its text, with newlines shown as ", ". */
static void
put_value(struct vbuf *b, const char *v)
{
	const char	*p;

	if (v == NULL) {
		vbuf_puts(b, "(none)");
		return;
	}
	vbuf_putc(b, '[');
	for (p = v; *p != '\0'; p++) {
		/* \x1f and \x1e: a view's column comments. */
		if (*p == '\n' || *p == '\x1e')
			vbuf_puts(b, ", ");
		else if (*p == '\x1f')
			vbuf_puts(b, ": ");
		else
			vbuf_putc(b, *p);
	}
	vbuf_putc(b, ']');
}

/* A constraint definition, a foreign key's table put back in. */
static void
put_def(struct vbuf *b, const char *schema, const char *def,
    const char *ref)
{
	static const char	 refs[] = " REFERENCES (";
	const char		*p;

	if (def == NULL || ref == NULL || (p = strstr(def, refs)) == NULL) {
		put_value(b, def);
		return;
	}
	vbuf_putc(b, '[');
	vbuf_append(b, def, (size_t)(p - def));
	vbuf_puts(b, " REFERENCES ");
	put_name(b, schema, ref, NULL);
	vbuf_puts(b, p + sizeof(refs) - 2);
	vbuf_putc(b, ']');
}

void
diff_describe(struct vbuf *b, const char *schema, const struct diff_change *c)
{
	int	ontable = c->tbl != NULL && strcmp(c->kind, "index") != 0;

	if (strcmp(c->kind, "partition") == 0) {
		diff_partition_describe(b, schema, c);
		return;
	}
	if (strcmp(c->kind, "grant") == 0) {
		diff_grant_describe(b, schema, c);
		return;
	}
	if (strcmp(c->kind, "extension") == 0) {
		diff_ext_describe(b, schema, c);
		return;
	}
	vbuf_appendf(b, "%s %s ", c->kind,
	    strcmp(c->action, "add") == 0 ? "missing" :
	    strcmp(c->action, "drop") == 0 ? "extra" :
	    strcmp(c->action, "rename") == 0 ? "renamed" : "differs:");
	if (strcmp(c->action, "rename") == 0) {
		put_name(b, schema, ontable ? c->old_tbl : NULL, c->old_name);
		vbuf_puts(b, " -> ");
	}
	if (strcmp(c->kind, "constraint") == 0) {
		vf_quote_ident(b, c->name);
		vbuf_puts(b, " on ");
		put_name(b, schema, c->tbl, NULL);
	} else if (strcmp(c->kind, "function") == 0 ||
	    strcmp(c->kind, "procedure") == 0) {
		/* name(identity arguments), as PostgreSQL prints them. */
		vf_quote_ident(b, schema);
		vbuf_putc(b, '.');
		vbuf_puts(b, c->name);
	} else
		put_name(b, schema, ontable ? c->tbl : NULL, c->name);
	if (strcmp(c->action, "alter") == 0) {
		vbuf_appendf(b, " %s ", c->field != NULL ? c->field :
		    "definition");
		put_value(b, c->from_val);
		vbuf_puts(b, " -> ");
		if (strcmp(c->kind, "constraint") == 0)
			put_def(b, schema, c->to_val, c->extra);
		else
			put_value(b, c->to_val);
	} else if (strcmp(c->action, "add") == 0 && c->to_val != NULL &&
	    strcmp(c->kind, "constraint") == 0) {
		vbuf_puts(b, " ");
		put_def(b, schema, c->to_val, c->extra);
	}
	if (c->destructive != NULL)
		vbuf_appendf(b, " (destructive: %s)", c->destructive);
}

void
diff_print_text(FILE *out, const char *schema, const struct diff *d,
    int color)
{
	struct vbuf	 b;
	size_t		 i;
	const char	*sign, *col;

	vbuf_init(&b);
	for (i = 0; i < d->n; i++) {
		const struct diff_change *c = &d->v[i];

		vbuf_reset(&b);
		diff_describe(&b, schema, c);
		if (strcmp(c->action, "add") == 0) {
			sign = "+";
			col = "\033[32m";
		} else if (strcmp(c->action, "drop") == 0) {
			sign = "-";
			col = "\033[31m";
		} else {
			sign = "~";
			col = "\033[33m";
		}
		fprintf(out, "%s%s %s%s\n", color ? col : "", sign, b.data,
		    color ? "\033[0m" : "");
	}
	vbuf_free(&b);
}

void
diff_json_string(struct vbuf *out, const char *s)
{
	const unsigned char	*p;

	if (s == NULL) {
		vbuf_puts(out, "null");
		return;
	}
	vbuf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			vbuf_putc(out, '\\');
			vbuf_putc(out, (char)*p);
		} else if (*p == '\n')
			vbuf_puts(out, "\\n");
		else if (*p == '\t')
			vbuf_puts(out, "\\t");
		else if (*p < 0x20)
			vbuf_appendf(out, "\\u%04x", *p);
		else
			vbuf_putc(out, (char)*p);
	}
	vbuf_putc(out, '"');
}

void
diff_json(struct vbuf *out, const struct diff *d)
{
	size_t	i;

	vbuf_putc(out, '[');
	for (i = 0; i < d->n; i++) {
		const struct diff_change *c = &d->v[i];

		vbuf_puts(out, i > 0 ? ",\n {" : "\n {");
		vbuf_puts(out, "\"kind\": ");
		diff_json_string(out, c->kind);
		vbuf_puts(out, ", \"action\": ");
		diff_json_string(out, c->action);
		vbuf_puts(out, ", \"table\": ");
		diff_json_string(out, c->tbl);
		vbuf_puts(out, ", \"name\": ");
		diff_json_string(out, c->name);
		vbuf_puts(out, ", \"old_name\": ");
		diff_json_string(out, c->old_name);
		vbuf_puts(out, ", \"field\": ");
		diff_json_string(out, c->field);
		vbuf_puts(out, ", \"from\": ");
		diff_json_string(out, c->from_val);
		vbuf_puts(out, ", \"to\": ");
		diff_json_string(out, c->to_val);
		vbuf_puts(out, ", \"destructive\": ");
		diff_json_string(out, c->destructive);
		vbuf_putc(out, '}');
	}
	vbuf_puts(out, d->n > 0 ? "\n]" : "]");
}
