/*
 * catalog.c: one schema's catalog in CATALOG_NSETS queries, whatever the
 * number of tables: each query is filtered by n.nspname = $1 and printed
 * by PostgreSQL's own functions under search_path = pg_catalog.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "db.h"

/* Not a member of an extension (those are the extension's, never drift). */
#define NOT_EXT_MEMBER(cls, oid) \
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x " \
	"WHERE x.classid = 'pg_catalog." cls "'::pg_catalog.regclass " \
	"AND x.objid = " oid " AND x.deptype = 'e') "

/* Relations of the schema that the catalog covers: plain and partitioned
   tables, not the version table, not partitions (CATALOG_PARTITIONS has
   them: their columns, keys and indexes are their parents'). */
#define REL_FILTER \
	"n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition " \
	"AND c.relname <> '" VF_VERSION_TABLE "' "

/* Relations whose indexes (i) the catalog covers: those, materialized
   views, and partitions for the indexes of their own (not attached to
   an index of their parent, which PostgreSQL clones onto them). */
#define IDX_REL_FILTER \
	"n.nspname = $1 AND (c.relkind = 'm' OR (c.relkind IN ('r', 'p') " \
	"AND c.relname <> '" VF_VERSION_TABLE "' AND (NOT c.relispartition " \
	"OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h " \
	"WHERE h.inhrelid = i.oid)))) "

/* A relation's storage parameters, "name=value" sorted, one a line; a
   table's also those of its TOAST table, as "toast.name=value". */
#define RELOPTIONS(rel) \
	"(SELECT pg_catalog.string_agg(o, E'\\n' ORDER BY o) " \
	"FROM (SELECT pg_catalog.unnest(" rel ".reloptions) AS o " \
	"UNION ALL SELECT 'toast.' || pg_catalog.unnest(tc.reloptions) " \
	"FROM pg_catalog.pg_class tc WHERE tc.oid = " rel ".reltoastrelid) r)"

/* The kind of object a relation (c) is, as diff.c names changes. */
#define REL_KIND(c) \
	"CASE " c ".relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' " \
	"WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' " \
	"WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' " \
	"WHEN 'S' THEN 'sequence' WHEN 'c' THEN 'composite type' " \
	"ELSE 'relation' END"

/*
 * An object of pg_depend (class cl, oid o, sub-object s) as rows of
 * (kind, name, col, rel, nsp): rel the relation it belongs to (NULL for
 * types and functions), nsp its schema.  A view's rule is its view; a
 * column's default, its column; a domain's check, its domain; an array
 * type, its element type; a unique, primary key or exclusion index, its
 * constraint.  Per-table objects (constraints, triggers, policies) are
 * named "table.name"; functions "name(identity arguments)".  Internal
 * triggers (a foreign key's) are not objects of their own.
 */
#define DEP_OBJ(cl, o, s) \
	"SELECT CASE WHEN x.conname IS NOT NULL THEN 'constraint' " \
	"ELSE " REL_KIND("c") " END AS kind, " \
	"CASE WHEN x.conname IS NOT NULL THEN xc.relname || '.' || " \
	"x.conname ELSE c.relname::pg_catalog.text END AS name, " \
	"CASE WHEN x.conname IS NULL THEN a.attname::pg_catalog.text END " \
	"AS col, COALESCE(xc.relname, c.relname)::pg_catalog.text AS rel, " \
	"n.nspname AS nsp FROM pg_catalog.pg_class c " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
	"LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid " \
	"AND a.attnum = " s " AND " s " > 0 " \
	"LEFT JOIN pg_catalog.pg_constraint x ON x.conindid = c.oid " \
	"AND c.relkind IN ('i', 'I') AND x.contype IN ('p', 'u', 'x') " \
	"LEFT JOIN pg_catalog.pg_class xc ON xc.oid = x.conrelid " \
	"WHERE " cl " = 'pg_catalog.pg_class'::pg_catalog.regclass " \
	"AND c.oid = " o " " \
	"UNION ALL SELECT " REL_KIND("c") ", c.relname, NULL, c.relname, " \
	"n.nspname FROM pg_catalog.pg_rewrite r " \
	"JOIN pg_catalog.pg_class c ON c.oid = r.ev_class " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
	"WHERE " cl " = 'pg_catalog.pg_rewrite'::pg_catalog.regclass " \
	"AND r.oid = " o " " \
	"UNION ALL SELECT " REL_KIND("c") ", c.relname, a.attname, " \
	"c.relname, n.nspname FROM pg_catalog.pg_attrdef ad " \
	"JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
	"JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid " \
	"AND a.attnum = ad.adnum " \
	"WHERE " cl " = 'pg_catalog.pg_attrdef'::pg_catalog.regclass " \
	"AND ad.oid = " o " " \
	"UNION ALL SELECT CASE WHEN t.typtype = 'e' THEN 'enum' " \
	"WHEN t.typtype = 'd' THEN 'domain' " \
	"WHEN t.typtype = 'c' THEN " REL_KIND("tc") " ELSE 'type' END, " \
	"t.typname, NULL, tc.relname, n.nspname " \
	"FROM pg_catalog.pg_type t0 " \
	"JOIN pg_catalog.pg_type t ON t.oid = CASE WHEN t0.typcategory = " \
	"'A' AND t0.typelem <> 0 THEN t0.typelem ELSE t0.oid END " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace " \
	"LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid " \
	"WHERE " cl " = 'pg_catalog.pg_type'::pg_catalog.regclass " \
	"AND t0.oid = " o " " \
	"UNION ALL SELECT CASE WHEN x.contypid <> 0 THEN 'domain' " \
	"ELSE 'constraint' END, CASE WHEN x.contypid <> 0 THEN t.typname " \
	"ELSE c.relname || '.' || x.conname END, NULL, c.relname, " \
	"n.nspname FROM pg_catalog.pg_constraint x " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = x.connamespace " \
	"LEFT JOIN pg_catalog.pg_class c ON c.oid = x.conrelid " \
	"LEFT JOIN pg_catalog.pg_type t ON t.oid = x.contypid " \
	"WHERE " cl " = 'pg_catalog.pg_constraint'::pg_catalog.regclass " \
	"AND x.oid = " o " " \
	"UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'procedure' " \
	"ELSE 'function' END, p.proname || '(' || " \
	"pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', " \
	"NULL, NULL, n.nspname FROM pg_catalog.pg_proc p " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace " \
	"WHERE " cl " = 'pg_catalog.pg_proc'::pg_catalog.regclass " \
	"AND p.oid = " o " " \
	"UNION ALL SELECT 'trigger', c.relname || '.' || g.tgname, NULL, " \
	"c.relname, n.nspname FROM pg_catalog.pg_trigger g " \
	"JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
	"WHERE " cl " = 'pg_catalog.pg_trigger'::pg_catalog.regclass " \
	"AND g.oid = " o " AND NOT g.tgisinternal " \
	"UNION ALL SELECT 'policy', c.relname || '.' || y.polname, NULL, " \
	"c.relname, n.nspname FROM pg_catalog.pg_policy y " \
	"JOIN pg_catalog.pg_class c ON c.oid = y.polrelid " \
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " \
	"WHERE " cl " = 'pg_catalog.pg_policy'::pg_catalog.regclass " \
	"AND y.oid = " o

/* A collation's name, schema-qualified outside pg_catalog. */
#define COLLNAME(co) \
	"CASE WHEN cn.nspname = 'pg_catalog' THEN '' " \
	"ELSE pg_catalog.quote_ident(cn.nspname) || '.' END || " \
	"pg_catalog.quote_ident(" co ".collname)"

/* The columns of each set, as its query names them. */
static const char *const set_columns[CATALOG_NSETS] = {
	"enum, pos, label, comment",
	"name, comment, unlogged, reloptions, rls, force_rls, replident",
	"tbl, name, pos, type, not_null, default_expr, identity, generated, "
	    "comment, identity_opts",
	"tbl, name, kind, def, ref_table, is_deferrable, is_deferred, on_update, "
	    "on_delete, check_expr, comment",
	"tbl, con, pos, col, refcol, expr, op, opclass",
	"tbl, name, uniq, method, body, where_expr, comment, reloptions, core",
	"tbl, idx, pos, col, expr, descending, nulls_first, included, "
	    "collation, opclass",
	"name, type, start, increment, min, max, cache, cycle, owned_tbl, "
	    "owned_col, comment",
	"name, type, default_expr, not_null, collation, comment",
	"domain, name, def, check_expr",
	"name, comment",
	"composite, pos, name, type",
	"name, parent, bound, partkey",
	"on_kind, name, col, grantee, privilege, grantable",
	"name, used",
	"name, kind, populated, def, cols, reloptions, comment, colcomments",
	"tbl, name, cmd, permissive, roles, qual, with_check, comment, deps",
	"name, fname, kind, identity, args, result, rettype, language, body, "
	    "volatility, strict, secdef, config, parallel, cost, rows, def, "
	    "comment",
	"tbl, name, def, body, enabled, tgtype, update_of, function, func, "
	    "nargs, args, old_table, new_table, is_constraint, is_deferrable, is_deferred, "
	    "cols, comment",
	"kind, name, col, deptype, ref_kind, ref_name, ref_col",
	"kind, name",
};

static const char *const set_names[CATALOG_NSETS] = {
	"enums", "tables", "columns", "constraints", "concols", "indexes",
	"indexkeys", "sequences", "domains", "domchecks", "composites",
	"compattrs", "partitions", "grants", "extensions", "views", "policies",
	"functions", "triggers", "deps", "unsupported"
};

static const char *const set_sql[CATALOG_NSETS] = {
	/* CATALOG_ENUMS */
	"SELECT t.typname AS enum, (pg_catalog.row_number() OVER (PARTITION BY "
	"t.oid ORDER BY e.enumsortorder))::pg_catalog.text AS pos, "
	"e.enumlabel AS label, "
	"pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
	"FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
	"WHERE n.nspname = $1 AND t.typtype = 'e' "
	"ORDER BY t.typname, e.enumsortorder",

	/* CATALOG_TABLES */
	"SELECT c.relname AS name, "
	"pg_catalog.obj_description(c.oid, 'pg_class') AS comment, "
	"CASE WHEN c.relpersistence = 'u' THEN 't' ELSE 'f' END AS unlogged, "
	RELOPTIONS("c") " AS reloptions, "
	"CASE WHEN c.relrowsecurity THEN 't' ELSE 'f' END AS rls, "
	"CASE WHEN c.relforcerowsecurity THEN 't' ELSE 'f' END AS force_rls, "
	/* NULL for REPLICA IDENTITY DEFAULT */
	"CASE c.relreplident WHEN 'f' THEN 'full' WHEN 'n' THEN 'nothing' "
	"WHEN 'i' THEN 'index:' || COALESCE((SELECT ic.relname "
	"FROM pg_catalog.pg_index ri "
	"JOIN pg_catalog.pg_class ic ON ic.oid = ri.indexrelid "
	"WHERE ri.indrelid = c.oid AND ri.indisreplident), '') "
	"END AS replident "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE " REL_FILTER
	"ORDER BY c.relname",

	/* CATALOG_COLUMNS */
	"SELECT c.relname AS tbl, a.attname AS name, "
	"a.attnum::pg_catalog.text AS pos, "
	/* A collation other than the type's is part of the type, as it is
	   in ALTER COLUMN ... TYPE. */
	"pg_catalog.format_type(a.atttypid, a.atttypmod) || "
	"COALESCE((SELECT ' COLLATE ' || " COLLNAME("co") " "
	"FROM pg_catalog.pg_collation co "
	"JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
	"JOIN pg_catalog.pg_type ct ON ct.oid = a.atttypid "
	"WHERE co.oid = a.attcollation "
	"AND a.attcollation <> ct.typcollation), '') AS type, "
	"CASE WHEN a.attnotnull THEN 't' ELSE 'f' END AS not_null, "
	"CASE WHEN a.attgenerated = '' "
	"THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS default_expr, "
	"CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' "
	"END AS identity, "
	"CASE WHEN a.attgenerated = 's' "
	"THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated, "
	"pg_catalog.col_description(c.oid, a.attnum) AS comment, "
	/* An identity's sequence: "start increment min max cache cycle",
	   min (descending) or max (ascending) "-" at the type's bound, so
	   that a type change alone changes nothing here. */
	"(SELECT s.seqstart::pg_catalog.text || ' ' || "
	"s.seqincrement::pg_catalog.text || ' ' || "
	"CASE WHEN s.seqincrement < 0 AND s.seqmin = CASE s.seqtypid "
	"WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN -32768 "
	"WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN -2147483648 "
	"ELSE -9223372036854775808 END THEN '-' "
	"ELSE s.seqmin::pg_catalog.text END || ' ' || "
	"CASE WHEN s.seqincrement > 0 AND s.seqmax = CASE s.seqtypid "
	"WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN 32767 "
	"WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647 "
	"ELSE 9223372036854775807 END THEN '-' "
	"ELSE s.seqmax::pg_catalog.text END || ' ' || "
	"s.seqcache::pg_catalog.text || ' ' || "
	"CASE WHEN s.seqcycle THEN 't' ELSE 'f' END "
	"FROM pg_catalog.pg_depend dd "
	"JOIN pg_catalog.pg_sequence s ON s.seqrelid = dd.objid "
	"WHERE a.attidentity <> '' "
	"AND dd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND dd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND dd.refobjid = a.attrelid AND dd.refobjsubid = a.attnum "
	"AND dd.deptype = 'i') AS identity_opts "
	"FROM pg_catalog.pg_attribute a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"LEFT JOIN pg_catalog.pg_attrdef d "
	"ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
	"WHERE " REL_FILTER "AND a.attnum > 0 AND NOT a.attisdropped "
	"ORDER BY c.relname, a.attnum",

	/* CATALOG_CONSTRAINTS: a foreign key's definition without the
	   referenced table, which is in ref_table, so that a renamed table
	   compares equal. */
	"SELECT c.relname AS tbl, k.conname AS name, "
	"k.contype::pg_catalog.text AS kind, "
	"CASE WHEN k.contype = 'f' THEN pg_catalog.replace("
	"pg_catalog.pg_get_constraintdef(k.oid), ' REFERENCES ' || "
	"pg_catalog.quote_ident(rn.nspname) || '.' || "
	"pg_catalog.quote_ident(rc.relname) || '(', ' REFERENCES (') "
	"ELSE pg_catalog.pg_get_constraintdef(k.oid) END AS def, "
	"rc.relname AS ref_table, "
	"CASE WHEN k.condeferrable THEN 't' ELSE 'f' END AS is_deferrable, "
	"CASE WHEN k.condeferred THEN 't' ELSE 'f' END AS is_deferred, "
	"NULLIF(k.confupdtype, ' ')::pg_catalog.text AS on_update, "
	"NULLIF(k.confdeltype, ' ')::pg_catalog.text AS on_delete, "
	"CASE WHEN k.contype = 'c' "
	"THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid) "
	/* An exclusion constraint's WHERE, from its index. */
	"WHEN k.contype = 'x' THEN (SELECT pg_catalog.pg_get_expr(x.indpred, "
	"x.indrelid) FROM pg_catalog.pg_index x "
	"WHERE x.indexrelid = k.conindid) END AS check_expr, "
	"pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment "
	"FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
	"LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
	"WHERE " REL_FILTER "AND k.contype IN ('p', 'u', 'f', 'c', 'x') "
	"AND (k.contype <> 'f' OR rn.nspname = $1) AND k.conparentid = 0 "
	"ORDER BY c.relname, k.conname",

	/* CATALOG_CONCOLS: the columns of keys; an exclusion constraint's
	   elements from its index (expr when not a column, op its operator,
	   opclass when not the type's default; include columns without op). */
	"SELECT tbl, con, pos::pg_catalog.text AS pos, col, refcol, expr, op, "
	"opclass "
	"FROM (SELECT c.relname AS tbl, k.conname AS con, k_u.ord AS pos, "
	"a.attname AS col, ra.attname AS refcol, "
	"NULL::pg_catalog.text AS expr, NULL::pg_catalog.text AS op, "
	"NULL::pg_catalog.text AS opclass "
	"FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"CROSS JOIN LATERAL pg_catalog.unnest(k.conkey) "
	"WITH ORDINALITY AS k_u(attnum, ord) "
	"JOIN pg_catalog.pg_attribute a "
	"ON a.attrelid = k.conrelid AND a.attnum = k_u.attnum "
	"LEFT JOIN pg_catalog.pg_attribute ra "
	"ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[k_u.ord] "
	"WHERE " REL_FILTER "AND k.contype IN ('p', 'u', 'f') "
	"AND k.conparentid = 0 "
	"UNION ALL SELECT c.relname, k.conname, g.ord, "
	"a.attname, NULL, CASE WHEN x.indkey[g.ord - 1] = 0 THEN "
	"pg_catalog.pg_get_indexdef(x.indexrelid, g.ord, true) END, "
	"o.oprname::pg_catalog.text, "
	"CASE WHEN NOT oc.opcdefault THEN oc.opcname::pg_catalog.text END "
	"FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_index x ON x.indexrelid = k.conindid "
	"CROSS JOIN LATERAL pg_catalog.generate_series(1, x.indnatts::integer) "
	"AS g(ord) "
	"LEFT JOIN pg_catalog.pg_attribute a "
	"ON a.attrelid = x.indrelid AND a.attnum = x.indkey[g.ord - 1] "
	"AND x.indkey[g.ord - 1] <> 0 "
	"LEFT JOIN pg_catalog.pg_operator o ON o.oid = k.conexclop[g.ord] "
	"LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = x.indclass[g.ord - 1] "
	"AND g.ord <= x.indnkeyatts "
	"WHERE " REL_FILTER "AND k.contype = 'x' AND k.conparentid = 0) u "
	"ORDER BY tbl, con, u.pos",

	/* CATALOG_INDEXES: indexes that no constraint of the table owns (and
	   those of materialized views); the
	   body is the definition from USING on, without the names. */
	"SELECT c.relname AS tbl, i.relname AS name, "
	"CASE WHEN x.indisunique THEN 't' ELSE 'f' END AS uniq, "
	"am.amname::pg_catalog.text AS method, "
	"pg_catalog.substr(pg_catalog.pg_get_indexdef(i.oid), "
	"pg_catalog.strpos(pg_catalog.pg_get_indexdef(i.oid), ' USING ') + 7) "
	"AS body, "
	"pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS where_expr, "
	"pg_catalog.obj_description(i.oid, 'pg_class') AS comment, "
	RELOPTIONS("i") " AS reloptions, "
	/* The body without its WITH (...), as pg_get_indexdef() prints
	   the options (flatten_reloptions()). */
	"COALESCE(pg_catalog.replace(pg_catalog.substr("
	"pg_catalog.pg_get_indexdef(i.oid), "
	"pg_catalog.strpos(pg_catalog.pg_get_indexdef(i.oid), ' USING ') + 7), "
	"' WITH (' || (SELECT pg_catalog.string_agg("
	"pg_catalog.quote_ident(pg_catalog.split_part(o, '=', 1)) || '=' || "
	"CASE WHEN pg_catalog.quote_ident(v) = v THEN v "
	"ELSE pg_catalog.quote_literal(v) END, ', ' ORDER BY n) "
	"FROM pg_catalog.unnest(i.reloptions) WITH ORDINALITY AS r(o, n), "
	"LATERAL pg_catalog.substr(o, pg_catalog.strpos(o, '=') + 1) AS v) "
	"|| ')', ''), pg_catalog.substr(pg_catalog.pg_get_indexdef(i.oid), "
	"pg_catalog.strpos(pg_catalog.pg_get_indexdef(i.oid), ' USING ') + 7)) "
	"AS core "
	"FROM pg_catalog.pg_index x "
	"JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
	"JOIN pg_catalog.pg_class c ON c.oid = x.indrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_am am ON am.oid = i.relam "
	"WHERE " IDX_REL_FILTER "AND NOT EXISTS (SELECT 1 "
	"FROM pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid "
	"AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x')) "
	"ORDER BY c.relname, i.relname",

	/* CATALOG_INDEXKEYS */
	"SELECT c.relname AS tbl, i.relname AS idx, g.ord::pg_catalog.text "
	"AS pos, a.attname AS col, "
	"CASE WHEN x.indkey[g.ord - 1] = 0 THEN "
	"pg_catalog.pg_get_indexdef(x.indexrelid, g.ord, true) END AS expr, "
	"CASE WHEN g.ord <= x.indnkeyatts AND (x.indoption[g.ord - 1] & 1) <> 0 "
	"THEN 't' ELSE 'f' END AS descending, "
	"CASE WHEN g.ord <= x.indnkeyatts AND (x.indoption[g.ord - 1] & 2) <> 0 "
	"THEN 't' ELSE 'f' END AS nulls_first, "
	"CASE WHEN g.ord > x.indnkeyatts THEN 't' ELSE 'f' END AS included, "
	/* A key's collation when it is not its column's (its type's for
	   an expression), its operator class when not the default. */
	"(SELECT co.collname FROM pg_catalog.pg_collation co "
	"JOIN pg_catalog.pg_attribute ia ON ia.attrelid = x.indexrelid "
	"AND ia.attnum = g.ord "
	"JOIN pg_catalog.pg_type it ON it.oid = ia.atttypid "
	"WHERE g.ord <= x.indnkeyatts AND co.oid = x.indcollation[g.ord - 1] "
	"AND co.oid <> COALESCE(a.attcollation, it.typcollation)) "
	"AS collation, "
	"(SELECT oc.opcname FROM pg_catalog.pg_opclass oc "
	"WHERE g.ord <= x.indnkeyatts AND oc.oid = x.indclass[g.ord - 1] "
	"AND NOT oc.opcdefault) AS opclass "
	"FROM pg_catalog.pg_index x "
	"JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
	"JOIN pg_catalog.pg_class c ON c.oid = x.indrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"CROSS JOIN LATERAL pg_catalog.generate_series(1, x.indnatts::integer) "
	"AS g(ord) "
	"LEFT JOIN pg_catalog.pg_attribute a "
	"ON a.attrelid = x.indrelid AND a.attnum = x.indkey[g.ord - 1] "
	"AND x.indkey[g.ord - 1] <> 0 "
	"WHERE " IDX_REL_FILTER "AND NOT EXISTS (SELECT 1 "
	"FROM pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid "
	"AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x')) "
	"ORDER BY c.relname, i.relname, g.ord",

	/* CATALOG_SEQUENCES: not those of identity columns. */
	"SELECT c.relname AS name, "
	"pg_catalog.format_type(s.seqtypid, NULL) AS type, "
	"s.seqstart::pg_catalog.text AS start, "
	"s.seqincrement::pg_catalog.text AS increment, "
	"s.seqmin::pg_catalog.text AS min, s.seqmax::pg_catalog.text AS max, "
	"s.seqcache::pg_catalog.text AS cache, "
	"CASE WHEN s.seqcycle THEN 't' ELSE 'f' END AS cycle, "
	"oc.relname AS owned_tbl, oa.attname AS owned_col, "
	"pg_catalog.obj_description(c.oid, 'pg_class') AS comment "
	"FROM pg_catalog.pg_sequence s "
	"JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"LEFT JOIN pg_catalog.pg_depend d "
	"ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND d.objid = c.oid "
	"AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND d.deptype = 'a' "
	"LEFT JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid "
	"LEFT JOIN pg_catalog.pg_attribute oa "
	"ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid "
	"WHERE n.nspname = $1 AND NOT EXISTS (SELECT 1 "
	"FROM pg_catalog.pg_depend i "
	"WHERE i.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND i.objid = c.oid AND i.deptype = 'i') "
	"ORDER BY c.relname",

	/* CATALOG_DOMAINS: the collation only when not the base type's. */
	"SELECT t.typname AS name, "
	"pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type, "
	"pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr, "
	"CASE WHEN t.typnotnull THEN 't' ELSE 'f' END AS not_null, "
	"CASE WHEN t.typcollation <> b.typcollation "
	"THEN co.collname::pg_catalog.text END AS collation, "
	"pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
	"FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype "
	"LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation "
	"WHERE n.nspname = $1 AND t.typtype = 'd' "
	"ORDER BY t.typname",

	/* CATALOG_DOMCHECKS */
	"SELECT t.typname AS domain, k.conname AS name, "
	"pg_catalog.pg_get_constraintdef(k.oid) AS def, "
	"pg_catalog.pg_get_expr(k.conbin, 0) AS check_expr "
	"FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_type t ON t.oid = k.contypid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"WHERE n.nspname = $1 AND t.typtype = 'd' AND k.contype = 'c' "
	"ORDER BY t.typname, k.conname",

	/* CATALOG_COMPOSITES: stand-alone composite types, not row types. */
	"SELECT t.typname AS name, "
	"pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
	"FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"JOIN pg_catalog.pg_class c ON c.oid = t.typrelid "
	"WHERE n.nspname = $1 AND t.typtype = 'c' AND c.relkind = 'c' "
	"ORDER BY t.typname",

	/* CATALOG_COMPATTRS */
	"SELECT t.typname AS composite, (pg_catalog.row_number() OVER "
	"(PARTITION BY t.oid ORDER BY a.attnum))::pg_catalog.text AS pos, "
	"a.attname AS name, "
	"pg_catalog.format_type(a.atttypid, a.atttypmod) AS type "
	"FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"JOIN pg_catalog.pg_class c ON c.oid = t.typrelid "
	"JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
	"WHERE n.nspname = $1 AND t.typtype = 'c' AND c.relkind = 'c' "
	"AND a.attnum > 0 AND NOT a.attisdropped "
	"ORDER BY t.typname, a.attnum",

	/* CATALOG_PARTITIONS: every partitioned table (parent NULL for a
	   top one, which is in CATALOG_TABLES too) and every partition of a
	   parent of the schema: its bound ("FOR VALUES ...", "DEFAULT") and
	   its own key when it is partitioned too. */
	"SELECT c.relname AS name, p.relname AS parent, "
	"CASE WHEN c.relispartition "
	"THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound, "
	"CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) "
	"END AS partkey "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"LEFT JOIN pg_catalog.pg_inherits h "
	"ON h.inhrelid = c.oid AND c.relispartition "
	"LEFT JOIN pg_catalog.pg_class p ON p.oid = h.inhparent "
	"LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace "
	"WHERE n.nspname = $1 AND (c.relkind = 'p' "
	"OR (c.relkind = 'r' AND c.relispartition)) "
	"AND (NOT c.relispartition OR pn.nspname = $1) "
	"ORDER BY c.relname",

	/* CATALOG_GRANTS */
	catalog_grants_sql,

	/* CATALOG_EXTENSIONS */
	catalog_extensions_sql,

	/* CATALOG_VIEWS */
	"SELECT c.relname AS name, c.relkind::pg_catalog.text AS kind, "
	"CASE WHEN c.relispopulated THEN 't' ELSE 'f' END AS populated, "
	"pg_catalog.btrim("
	"pg_catalog.pg_get_viewdef(c.oid, true), E' \\n;') AS def, "
	"(SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || "
	"' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) || E'\\n', '' "
	"ORDER BY a.attnum) FROM pg_catalog.pg_attribute a "
	"WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) "
	"AS cols, "
	RELOPTIONS("c") " AS reloptions, "
	"pg_catalog.obj_description(c.oid, 'pg_class') AS comment, "
	/* Comments on its columns: "name\x1fcomment", \x1e between. */
	"(SELECT pg_catalog.string_agg(a.attname || E'\\x1f' || "
	"d.description, E'\\x1e' ORDER BY a.attnum) "
	"FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_description d "
	"ON d.objoid = c.oid AND d.classoid = "
	"'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum "
	"WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) "
	"AS colcomments "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relkind IN ('v', 'm') "
	"ORDER BY c.relname",
	/* CATALOG_POLICIES */
	catalog_policies_sql,

	/* CATALOG_FUNCTIONS: functions and procedures, not an extension's. */
	"SELECT p.proname || '(' || "
	"pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS name, "
	"p.proname AS fname, p.prokind::pg_catalog.text AS kind, "
	"pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity, "
	"(SELECT pg_catalog.string_agg(COALESCE(a.m::pg_catalog.text, 'i') "
	"|| E'\\t' || COALESCE(a.nm, '') || E'\\t' || "
	"pg_catalog.format_type(a.t, NULL) || E'\\t' || "
	"COALESCE(pg_catalog.pg_get_function_arg_default(p.oid, "
	"a.i::pg_catalog.int4), ''), E'\\n' ORDER BY a.i) "
	"FROM ROWS FROM (pg_catalog.unnest(COALESCE(p.proallargtypes, "
	"p.proargtypes::pg_catalog.oid[])), "
	"pg_catalog.unnest(p.proargmodes), pg_catalog.unnest(p.proargnames)) "
	"WITH ORDINALITY AS a(t, m, nm, i)) AS args, "
	"pg_catalog.pg_get_function_result(p.oid) AS result, "
	"CASE WHEN p.prokind = 'p' THEN NULL ELSE CASE WHEN p.proretset "
	"THEN 'setof ' ELSE '' END || pg_catalog.format_type(p.prorettype, "
	"NULL) END AS rettype, l.lanname AS language, "
	"COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) "
	"AS body, "
	"p.provolatile::pg_catalog.text AS volatility, "
	"CASE WHEN p.proisstrict THEN 't' ELSE 'f' END AS strict, "
	"CASE WHEN p.prosecdef THEN 't' ELSE 'f' END AS secdef, "
	"pg_catalog.array_to_string(p.proconfig, E'\\n') AS config, "
	"p.proparallel::pg_catalog.text AS parallel, "
	"p.procost::pg_catalog.text AS cost, p.prorows::pg_catalog.text AS rows, "
	"pg_catalog.pg_get_functiondef(p.oid) AS def, "
	"pg_catalog.obj_description(p.oid, 'pg_proc') AS comment "
	"FROM pg_catalog.pg_proc p "
	"JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
	"JOIN pg_catalog.pg_language l ON l.oid = p.prolang "
	"WHERE n.nspname = $1 AND p.prokind IN ('f', 'p') "
	NOT_EXT_MEMBER("pg_proc", "p.oid")
	"ORDER BY 1",
	/* CATALOG_TRIGGERS */
	catalog_triggers_sql,

	/* CATALOG_DEPS: pg_depend between two objects of the schema (not
	   the version table), each as DEP_OBJ() names it; an object's
	   own parts (a view's rule, a column's default) left out. */
	"WITH rel AS (SELECT c.oid FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1), "
	/* The oids of the schema's objects, first, for speed: DEP_OBJ()
	   then checks each one's class and schema. */
	"sch AS (SELECT oid FROM rel "
	"UNION ALL SELECT t.oid FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"WHERE n.nspname = $1 "
	"UNION ALL SELECT p.oid FROM pg_catalog.pg_proc p "
	"JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
	"WHERE n.nspname = $1 "
	"UNION ALL SELECT x.oid FROM pg_catalog.pg_constraint x "
	"JOIN pg_catalog.pg_namespace n ON n.oid = x.connamespace "
	"WHERE n.nspname = $1 "
	"UNION ALL SELECT oid FROM pg_catalog.pg_rewrite "
	"WHERE ev_class IN (SELECT oid FROM rel) "
	"UNION ALL SELECT oid FROM pg_catalog.pg_attrdef "
	"WHERE adrelid IN (SELECT oid FROM rel) "
	"UNION ALL SELECT oid FROM pg_catalog.pg_trigger "
	"WHERE tgrelid IN (SELECT oid FROM rel) "
	"UNION ALL SELECT oid FROM pg_catalog.pg_policy "
	"WHERE polrelid IN (SELECT oid FROM rel)) "
	"SELECT DISTINCT o.kind, o.name, o.col, d.deptype::pg_catalog.text "
	"AS deptype, r.kind AS ref_kind, r.name AS ref_name, r.col AS ref_col "
	"FROM (SELECT * FROM pg_catalog.pg_depend "
	"WHERE objid IN (SELECT oid FROM sch) "
	"AND refobjid IN (SELECT oid FROM sch)) d "
	"CROSS JOIN LATERAL (" DEP_OBJ("d.classid", "d.objid", "d.objsubid")
	") o CROSS JOIN LATERAL ("
	DEP_OBJ("d.refclassid", "d.refobjid", "d.refobjsubid") ") r "
	"WHERE d.deptype IN ('n', 'a', 'i') AND o.nsp = $1 AND r.nsp = $1 "
	"AND (o.kind <> r.kind OR o.name <> r.name) "
	"AND o.rel IS DISTINCT FROM '" VF_VERSION_TABLE "' "
	"AND r.rel IS DISTINCT FROM '" VF_VERSION_TABLE "' "
	"ORDER BY 1, 2, 3, 4, 5, 6, 7",

	/* CATALOG_UNSUPPORTED: what is in the schema and not modelled. */
	"SELECT kind, name FROM ("
	"SELECT 'foreign table' AS kind, c.relname::pg_catalog.text AS name "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relkind = 'f' "
	/* Partitions: what is their own and not their parent's. */
	"UNION ALL SELECT 'partition of a table in another schema', "
	"c.relname FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_inherits h ON h.inhrelid = c.oid "
	"JOIN pg_catalog.pg_class p ON p.oid = h.inhparent "
	"JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace "
	"WHERE n.nspname = $1 AND c.relispartition AND pn.nspname <> $1 "
	/* A partitioned index made ON ONLY its table and not yet attached on
	   every partition (invalid until then): a model cannot say it. */
	"UNION ALL SELECT 'index on only a partitioned table', c.relname || "
	"'.' || i.relname FROM pg_catalog.pg_index x "
	"JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid "
	"JOIN pg_catalog.pg_class c ON c.oid = x.indrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND i.relkind = 'I' AND NOT x.indisvalid "
	"UNION ALL SELECT 'constraint on a partition', c.relname || '.' || "
	"k.conname FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relispartition AND k.conislocal "
	"AND k.conparentid = 0 AND k.contype IN ('c', 'f', 'p', 'u', 'x') "
	"UNION ALL SELECT 'privileges on a partition', c.relname "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relispartition AND c.relacl IS NOT NULL "
	"UNION ALL SELECT 'comment on a partition', c.relname "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relispartition "
	"AND pg_catalog.obj_description(c.oid, 'pg_class') IS NOT NULL "
	"UNION ALL SELECT 'column privileges on a view', c.relname || '.' "
	"|| a.attname FROM pg_catalog.pg_attribute a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relkind IN ('v', 'm') AND a.attnum > 0 "
	"AND a.attacl IS NOT NULL "
	"UNION ALL SELECT 'inherited table', c.relname "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relkind = 'r' AND NOT c.relispartition "
	"AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h "
	"WHERE h.inhrelid = c.oid OR h.inhparent = c.oid) "
	/* Row level security of a partition (a table's is modelled). */
	"UNION ALL SELECT 'row level security on a partition', c.relname "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relispartition "
	"AND (c.relrowsecurity OR c.relforcerowsecurity) "
	/* REPLICA IDENTITY other than DEFAULT (FULL, NOTHING, USING
	   INDEX) of a partition (a table's is modelled). */
	"UNION ALL SELECT 'replica identity of a partition', c.relname "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') "
	"AND c.relispartition AND c.relreplident <> 'd' "
	"UNION ALL SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' "
	"ELSE 'window function' END, p.proname || '(' || "
	"pg_catalog.oidvectortypes(p.proargtypes) || ')' "
	"FROM pg_catalog.pg_proc p "
	"JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
	"WHERE n.nspname = $1 AND p.prokind IN ('a', 'w') "
	NOT_EXT_MEMBER("pg_proc", "p.oid")
	/* A function of another schema whose SQL-standard body calls one
	   of the schema's (pg_depend): dropping it would fail. */
	"UNION ALL SELECT 'function from another schema', dn.nspname || '.' "
	"|| dp.proname || '(' || pg_catalog.oidvectortypes(dp.proargtypes) "
	"|| ')' FROM pg_catalog.pg_depend d "
	"JOIN pg_catalog.pg_proc p ON p.oid = d.refobjid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
	"JOIN pg_catalog.pg_proc dp ON dp.oid = d.objid "
	"JOIN pg_catalog.pg_namespace dn ON dn.oid = dp.pronamespace "
	"WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
	"AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
	"AND n.nspname = $1 AND dn.nspname <> $1 "
	"UNION ALL SELECT 'privileges on a ' || CASE p.prokind WHEN 'p' "
	"THEN 'procedure' ELSE 'function' END, p.proname || '(' || "
	"pg_catalog.oidvectortypes(p.proargtypes) || ')' "
	"FROM pg_catalog.pg_proc p "
	"JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
	"WHERE n.nspname = $1 AND p.prokind IN ('f', 'p') "
	"AND p.proacl IS NOT NULL " NOT_EXT_MEMBER("pg_proc", "p.oid")
	/* Triggers: of a partition itself (not a clone of its parent's),
	   a constraint trigger's FROM table, or calling a function of
	   another schema. */
	"UNION ALL SELECT 'constraint trigger with FROM', c.relname || '.' "
	"|| g.tgname FROM pg_catalog.pg_trigger g "
	"JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND NOT g.tgisinternal AND g.tgparentid = 0 "
	"AND g.tgconstrrelid <> 0 "
	"UNION ALL SELECT 'trigger on a partition', c.relname || '.' || "
	"g.tgname FROM pg_catalog.pg_trigger g "
	"JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND NOT g.tgisinternal AND g.tgparentid = 0 "
	"AND c.relispartition "
	"UNION ALL SELECT 'trigger calling a function of another schema', "
	"c.relname || '.' || g.tgname || ' (' || pn.nspname || '.' || "
	"p.proname || ')' FROM pg_catalog.pg_trigger g "
	"JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_proc p ON p.oid = g.tgfoid "
	"JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace "
	"WHERE n.nspname = $1 AND NOT g.tgisinternal AND g.tgparentid = 0 "
	"AND pn.nspname NOT IN ($1, 'pg_catalog') "
	"UNION ALL SELECT 'policy on a partition', c.relname || '.' || "
	"p.polname FROM pg_catalog.pg_policy p "
	"JOIN pg_catalog.pg_class c ON c.oid = p.polrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relispartition "
	"UNION ALL SELECT 'rule', c.relname || '.' || r.rulename "
	"FROM pg_catalog.pg_rewrite r "
	"JOIN pg_catalog.pg_class c ON c.oid = r.ev_class "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND r.rulename <> '_RETURN' "
	"UNION ALL SELECT CASE t.typtype "
	"WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type' "
	"ELSE 'base type' END, t.typname "
	"FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"WHERE n.nspname = $1 AND t.typtype IN ('r', 'm', 'b') "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e "
	"WHERE e.typarray = t.oid) " NOT_EXT_MEMBER("pg_type", "t.oid")
	"UNION ALL SELECT 'collation of an attribute', c.relname || '.' || "
	"a.attname "
	"FROM pg_catalog.pg_attribute a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
	"WHERE n.nspname = $1 AND c.relkind = 'c' AND a.attnum > 0 "
	"AND NOT a.attisdropped AND a.attcollation <> t.typcollation "
	"UNION ALL SELECT 'collation from another schema', c.relname || '.' "
	"|| a.attname || ' (' || cn.nspname || '.' || co.collname || ')' "
	"FROM pg_catalog.pg_attribute a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
	"JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
	"WHERE " REL_FILTER "AND a.attnum > 0 AND NOT a.attisdropped "
	"AND cn.nspname NOT IN ('pg_catalog', $1) "
	"UNION ALL SELECT 'type from another schema', c.relname || '.' || "
	"a.attname || ' (' || pg_catalog.format_type(a.atttypid, a.atttypmod) "
	"|| ')' "
	"FROM pg_catalog.pg_attribute a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
	"LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem "
	"AND t.typcategory = 'A' "
	"JOIN pg_catalog.pg_namespace tn "
	"ON tn.oid = COALESCE(et.typnamespace, t.typnamespace) "
	"WHERE " REL_FILTER "AND a.attnum > 0 AND NOT a.attisdropped "
	"AND tn.nspname NOT IN ('pg_catalog', '" VF_EXTENSIONS_SCHEMA "', $1) "
	"UNION ALL SELECT 'foreign key to another schema', c.relname || '.' || "
	"k.conname "
	"FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
	"LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
	"WHERE " REL_FILTER "AND k.contype = 'f' AND rn.nspname <> $1 "
	"UNION ALL SELECT 'foreign key from another schema', "
	"fn.nspname || '.' || fc.relname || '.' || k.conname "
	"FROM pg_catalog.pg_constraint k "
	"JOIN pg_catalog.pg_class c ON c.oid = k.confrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_class fc ON fc.oid = k.conrelid "
	"JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
	"WHERE n.nspname = $1 AND k.contype = 'f' AND fn.nspname <> $1 "
	"UNION ALL SELECT 'collation', c.collname "
	"FROM pg_catalog.pg_collation c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace "
	"WHERE n.nspname = $1 "
	"UNION ALL SELECT 'operator', o.oprname "
	"FROM pg_catalog.pg_operator o "
	"JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace "
	"WHERE n.nspname = $1 " NOT_EXT_MEMBER("pg_operator", "o.oid")
	"UNION ALL SELECT 'statistics', s.stxname "
	"FROM pg_catalog.pg_statistic_ext s "
	"JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace "
	"WHERE n.nspname = $1 "
	"UNION ALL SELECT 'text search configuration', s.cfgname "
	"FROM pg_catalog.pg_ts_config s "
	"JOIN pg_catalog.pg_namespace n ON n.oid = s.cfgnamespace "
	"WHERE n.nspname = $1 "
	") u ORDER BY kind, name",
};

const char *
catalog_set_name(enum catalog_set_id set)
{
	return (set_names[set]);
}

const char *
catalog_set_sql(enum catalog_set_id set)
{
	return (set_sql[set]);
}

const char *
catalog_set_columns(enum catalog_set_id set)
{
	return (set_columns[set]);
}

/* Splits a set's column list ("a, b, c") into names. */
static char **
split_columns(const char *list, size_t *n)
{
	char	**v = NULL;
	char	 *copy, *p, *save = NULL;

	*n = 0;
	copy = xstrdup(list);
	for (p = strtok_r(copy, ", ", &save); p != NULL;
	    p = strtok_r(NULL, ", ", &save)) {
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(p);
	}
	free(copy);
	return (v);
}

void
catalog_set_init(struct catalog_set *s, enum catalog_set_id set)
{
	s->colnames = split_columns(set_columns[set], &s->ncols);
	s->nrows = 0;
	s->cells = NULL;
}

void
catalog_init(struct catalog *cat, const char *schema)
{
	int	i;

	memset(cat, 0, sizeof(*cat));
	cat->schema = xstrdup(schema);
	for (i = 0; i < CATALOG_NSETS; i++) {
		catalog_set_init(&cat->sets[i], i);
		cat->sets[i].cells = xcalloc(1, sizeof(char *));
	}
}

char **
catalog_add_row(struct catalog *cat, enum catalog_set_id set)
{
	struct catalog_set	*s = &cat->sets[set];
	size_t			 j;

	/* Doubling: the capacity is the next power of two of nrows. */
	if (s->nrows == 0 || (s->nrows & (s->nrows - 1)) == 0)
		s->cells = xrealloc(s->cells, (s->nrows ? s->nrows * 2 : 1) *
		    s->ncols * sizeof(char *));
	for (j = 0; j < s->ncols; j++)
		s->cells[s->nrows * s->ncols + j] = NULL;
	return (&s->cells[s->nrows++ * s->ncols]);
}

static void
set_free(struct catalog_set *s)
{
	size_t	i;

	for (i = 0; i < s->ncols; i++)
		free(s->colnames[i]);
	for (i = 0; i < s->ncols * s->nrows; i++)
		free(s->cells[i]);
	free(s->colnames);
	free(s->cells);
	memset(s, 0, sizeof(*s));
}

void
catalog_free(struct catalog *cat)
{
	int	i;

	for (i = 0; i < CATALOG_NSETS; i++)
		set_free(&cat->sets[i]);
	free(cat->schema);
	memset(cat, 0, sizeof(*cat));
}

/* Copies a result into a set. */
static void
set_fill(struct catalog_set *s, const PGresult *res)
{
	size_t	i, j;

	s->ncols = (size_t)PQnfields(res);
	s->nrows = (size_t)PQntuples(res);
	s->colnames = xcalloc(s->ncols ? s->ncols : 1, sizeof(char *));
	s->cells = xcalloc(s->ncols * s->nrows > 0 ? s->ncols * s->nrows : 1,
	    sizeof(char *));
	for (j = 0; j < s->ncols; j++)
		s->colnames[j] = xstrdup(PQfname(res, (int)j));
	for (i = 0; i < s->nrows; i++)
		for (j = 0; j < s->ncols; j++)
			if (!PQgetisnull(res, (int)i, (int)j))
				s->cells[i * s->ncols + j] =
				    xstrdup(PQgetvalue(res, (int)i, (int)j));
}

/*
 * The reads of catalog_read(), in a transaction of their own (own_tx) or
 * in the caller's.
 */
static int
read_sets(PGconn *conn, const char *schema, struct catalog *cat, int own_tx,
    struct vf_error *err)
{
	const char	*params[1];
	PGresult	*res;
	int		 i, intx = 0;

	memset(cat, 0, sizeof(*cat));
	cat->schema = xstrdup(schema);
	params[0] = schema;
	/* One snapshot for every query; names printed schema-qualified. */
	if (own_tx && db_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ "
	    "READ ONLY", 0, NULL, err) == -1)
		goto fail;
	intx = own_tx;
	/* And no JIT: compiling costs more than these small reads. */
	res = db_query(conn, "SELECT pg_catalog.set_config('search_path', "
	    "'pg_catalog', true), pg_catalog.set_config('jit', 'off', true)",
	    0, NULL, PGRES_TUPLES_OK, err);
	if (res == NULL)
		goto fail;
	PQclear(res);
	for (i = 0; i < CATALOG_NSETS; i++) {
		res = db_query(conn, set_sql[i], 1, params, PGRES_TUPLES_OK,
		    err);
		if (res == NULL)
			goto fail;
		cat->nqueries++;
		set_fill(&cat->sets[i], res);
		PQclear(res);
	}
	intx = 0;
	if (own_tx && db_exec(conn, "COMMIT", 0, NULL, err) == -1)
		goto fail;
	return (0);
fail:
	if (intx)
		PQclear(PQexec(conn, "ROLLBACK"));
	catalog_free(cat);
	return (-1);
}

int
catalog_read(PGconn *conn, const char *schema, struct catalog *cat,
    struct vf_error *err)
{
	return (read_sets(conn, schema, cat, 1, err));
}

int
catalog_read_in_tx(PGconn *conn, const char *schema, struct catalog *cat,
    struct vf_error *err)
{
	return (read_sets(conn, schema, cat, 0, err));
}

const char *
catalog_get(const struct catalog *cat, enum catalog_set_id set, size_t row,
    const char *col)
{
	const struct catalog_set	*s = &cat->sets[set];
	size_t				 j;

	for (j = 0; j < s->ncols; j++)
		if (strcmp(s->colnames[j], col) == 0)
			return (s->cells[row * s->ncols + j]);
	abort();
}

int
catalog_outside(PGconn *conn, const char *schema, char **out,
    struct vf_error *err)
{
	static const char sql[] =
	    "SELECT pg_catalog.string_agg(o, E'\\n' ORDER BY o) FROM ("
	    "SELECT 'schema ' || n.nspname AS o "
	    "FROM pg_catalog.pg_namespace n "
	    "WHERE n.nspname NOT LIKE 'pg\\_temp\\_%' "
	    "AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%' "
	    "UNION ALL SELECT 'relation ' || n.nspname || '.' || c.relname || "
	    "' ' || c.relkind::pg_catalog.text || ' ' || "
	    "COALESCE((SELECT pg_catalog.string_agg("
	    "a.attname || ':' || pg_catalog.format_type(a.atttypid, "
	    "a.atttypmod) || ':' || a.attnotnull::pg_catalog.text, ',' "
	    "ORDER BY a.attnum) "
	    "FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid "
	    "AND a.attnum > 0 AND NOT a.attisdropped), '') "
	    "FROM pg_catalog.pg_class c "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	    "WHERE n.nspname <> $1 AND n.nspname NOT IN ('pg_catalog', '" VF_EXTENSIONS_SCHEMA "', "
	    "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
	    "AND n.nspname NOT LIKE 'pg\\_temp%' "
	    "UNION ALL SELECT 'constraint ' || n.nspname || '.' || k.conname || "
	    "' ' || pg_catalog.pg_get_constraintdef(k.oid) "
	    "FROM pg_catalog.pg_constraint k "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace "
	    "WHERE n.nspname <> $1 AND n.nspname NOT IN ('pg_catalog', '" VF_EXTENSIONS_SCHEMA "', "
	    "'information_schema') "
	    "UNION ALL SELECT 'routine ' || n.nspname || '.' || p.proname || "
	    "'(' || pg_catalog.oidvectortypes(p.proargtypes) || ')' "
	    "FROM pg_catalog.pg_proc p "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
	    "WHERE n.nspname <> $1 AND n.nspname NOT IN ('pg_catalog', '" VF_EXTENSIONS_SCHEMA "', "
	    "'information_schema') "
	    "UNION ALL SELECT 'type ' || n.nspname || '.' || t.typname "
	    "FROM pg_catalog.pg_type t "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	    "WHERE n.nspname <> $1 AND n.nspname NOT IN ('pg_catalog', '" VF_EXTENSIONS_SCHEMA "', "
	    "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
	    "UNION ALL SELECT 'trigger ' || g.tgname || ' on ' || "
	    "g.tgrelid::pg_catalog.regclass::pg_catalog.text "
	    "FROM pg_catalog.pg_trigger g "
	    "JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	    "WHERE n.nspname <> $1 AND NOT g.tgisinternal "
	    ") x";
	const char	*params[1];
	PGresult	*res;

	params[0] = schema;
	res = db_query(conn, sql, 1, params, PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	*out = xstrdup(PQgetisnull(res, 0, 0) ? "" : PQgetvalue(res, 0, 0));
	PQclear(res);
	return (0);
}
