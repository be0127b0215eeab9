/*
 * catalog_trigger.c: the triggers of the schema's tables and views, as
 * PostgreSQL prints them (pg_get_triggerdef), without the internal ones
 * (foreign keys' triggers) and without the clones a partitioned table's
 * trigger makes on its partitions (a trigger of a partition itself is
 * reported unsupported).  body is the definition without its table
 * (" ON schema.tbl " cut to " ON "), so that a renamed table's
 * triggers compare equal; the other columns are the parts dump needs and
 * what a trigger depends on: the columns (UPDATE OF, WHEN) and the
 * schema's function it calls.
 */
#include "catalog.h"

const char catalog_triggers_sql[] =
	"SELECT c.relname AS tbl, g.tgname AS name, "
	"pg_catalog.pg_get_triggerdef(g.oid) AS def, "
	"pg_catalog.overlay(pg_catalog.pg_get_triggerdef(g.oid), ' ', "
	"pg_catalog.strpos(pg_catalog.pg_get_triggerdef(g.oid), "
	"' ON ' || pg_catalog.quote_ident(n.nspname) || '.' || "
	"pg_catalog.quote_ident(c.relname) || ' ') + 3, "
	"pg_catalog.length(pg_catalog.quote_ident(n.nspname) || '.' || "
	"pg_catalog.quote_ident(c.relname) || ' ')) AS body, "
	"CASE g.tgenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' "
	"WHEN 'A' THEN 'always' ELSE 'origin' END AS enabled, "
	"g.tgtype::pg_catalog.text AS tgtype, "
	"(SELECT pg_catalog.string_agg(a.attname, E'\\n' ORDER BY k.ord) "
	"FROM pg_catalog.unnest(g.tgattr) WITH ORDINALITY AS k(attnum, ord) "
	"JOIN pg_catalog.pg_attribute a ON a.attrelid = g.tgrelid "
	"AND a.attnum = k.attnum) AS update_of, "
	"CASE WHEN pn.nspname = 'pg_catalog' THEN 'pg_catalog.' ELSE '' END "
	"|| p.proname AS function, "
	"CASE WHEN pn.nspname = $1 THEN p.proname || '(' || "
	"pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' "
	"END AS func, "
	"g.tgnargs::pg_catalog.text AS nargs, "
	"pg_catalog.encode(g.tgargs, 'escape') AS args, "
	"g.tgoldtable::pg_catalog.text AS old_table, "
	"g.tgnewtable::pg_catalog.text AS new_table, "
	"CASE WHEN g.tgconstraint <> 0 THEN 't' ELSE 'f' END AS is_constraint, "
	"CASE WHEN g.tgdeferrable THEN 't' ELSE 'f' END AS is_deferrable, "
	"CASE WHEN g.tginitdeferred THEN 't' ELSE 'f' END AS is_deferred, "
	"(SELECT pg_catalog.string_agg(DISTINCT a.attname, E'\\n') "
	"FROM pg_catalog.pg_depend d "
	"JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid "
	"AND a.attnum = d.refobjsubid "
	"WHERE d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass "
	"AND d.objid = g.oid "
	"AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND d.refobjid = g.tgrelid AND d.refobjsubid > 0) AS cols, "
	"pg_catalog.obj_description(g.oid, 'pg_trigger') AS comment "
	"FROM pg_catalog.pg_trigger g "
	"JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_proc p ON p.oid = g.tgfoid "
	"JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace "
	"WHERE n.nspname = $1 AND NOT g.tgisinternal AND g.tgparentid = 0 "
	"AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition "
	"AND c.relname <> '" VF_VERSION_TABLE "' "
	"ORDER BY c.relname, g.tgname";
