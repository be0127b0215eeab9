/*
 * catalog_policy.c: the row level security policies of the schema's
 * tables (pg_policy), printed as pg_policies prints them: the command,
 * permissive or restrictive, the roles (PUBLIC for the 0 that stands for
 * it), USING and WITH CHECK by pg_get_expr(); and what each reads in the
 * schema (pg_depend: relations and their columns), for the drafts that
 * must drop a policy before a column it reads goes or changes type.
 */
#include "catalog.h"

const char catalog_policies_sql[] =
	"SELECT c.relname AS tbl, p.polname AS name, "
	"CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' "
	"WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS cmd, "
	"CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END "
	"AS permissive, "
	"(SELECT pg_catalog.string_agg(r.name, E'\\n' ORDER BY r.name) "
	"FROM (SELECT CASE WHEN o.o = 0 THEN 'PUBLIC' "
	"ELSE pg_catalog.pg_get_userbyid(o.o)::pg_catalog.text END AS name "
	"FROM pg_catalog.unnest(p.polroles) AS o(o)) r) AS roles, "
	"pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS qual, "
	"pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check, "
	"pg_catalog.obj_description(p.oid, 'pg_policy') AS comment, "
	"(SELECT E'\\n' || pg_catalog.string_agg(x.l, E'\\n' ORDER BY x.l) "
	"|| E'\\n' FROM (SELECT DISTINCT rc.relname || E'\\t' || "
	"COALESCE(a.attname::pg_catalog.text, '') AS l "
	"FROM pg_catalog.pg_depend d "
	"JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid "
	"JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
	"LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid "
	"AND a.attnum = d.refobjsubid AND d.refobjsubid > 0 "
	"WHERE d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass "
	"AND d.objid = p.oid "
	"AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
	"AND rn.nspname = $1) x) AS deps "
	"FROM pg_catalog.pg_policy p "
	"JOIN pg_catalog.pg_class c ON c.oid = p.polrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') "
	"AND NOT c.relispartition "
	"AND c.relname <> '" VF_VERSION_TABLE "' "
	"ORDER BY c.relname, p.polname";
