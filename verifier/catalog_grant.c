/*
 * catalog_grant.c: the privileges granted on the schema, its tables
 * (and views, as tables), their columns, its sequences and its types, one row per privilege, from
 * PostgreSQL's ACLs by aclexplode().  The owner's own privileges are left
 * out (they come with ownership and are never drift), and so is the USAGE
 * that every type grants to PUBLIC by default.
 */
#include "catalog.h"

/* Tables (partitioned ones too), views and sequences of the schema, as the other
   sets see them; partitions are the unsupported set's. */
#define GRANT_REL \
	"n.nspname = $1 AND (c.relkind IN ('S', 'v', 'm') " \
	"OR (c.relkind IN ('r', 'p') " \
	"AND NOT c.relispartition AND c.relname <> '" VF_VERSION_TABLE "')) "

/* grantee, privilege, grantable of aclexplode() a, whose object is owned
   by owner. */
#define GRANT_COLS(owner) \
	"CASE WHEN a.grantee = 0 THEN 'PUBLIC' " \
	"ELSE pg_catalog.pg_get_userbyid(a.grantee)::pg_catalog.text END " \
	"AS grantee, a.privilege_type AS privilege, " \
	"CASE WHEN a.is_grantable THEN 't' ELSE 'f' END AS grantable " \
	"FROM " owner

const char catalog_grants_sql[] =
	"SELECT on_kind, name, col, grantee, privilege, grantable FROM ("
	"SELECT 'schema' AS on_kind, n.nspname::pg_catalog.text AS name, "
	"NULL::pg_catalog.text AS col, " GRANT_COLS("pg_catalog.pg_namespace n")
	" CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a "
	"WHERE n.nspname = $1 AND a.grantee <> n.nspowner "
	"UNION ALL SELECT CASE c.relkind WHEN 'S' THEN 'sequence' "
	"ELSE 'table' END, c.relname::pg_catalog.text, NULL, "
	GRANT_COLS("pg_catalog.pg_class c")
	" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a "
	"WHERE " GRANT_REL "AND a.grantee <> c.relowner "
	"UNION ALL SELECT 'table', c.relname::pg_catalog.text, "
	"t.attname::pg_catalog.text, "
	GRANT_COLS("pg_catalog.pg_attribute t")
	" JOIN pg_catalog.pg_class c ON c.oid = t.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"CROSS JOIN LATERAL pg_catalog.aclexplode(t.attacl) a "
	"WHERE " GRANT_REL "AND c.relkind IN ('r', 'p') AND t.attnum > 0 "
	"AND NOT t.attisdropped AND a.grantee <> c.relowner "
	"UNION ALL SELECT 'type', t.typname::pg_catalog.text, NULL, "
	GRANT_COLS("pg_catalog.pg_type t")
	" JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"CROSS JOIN LATERAL pg_catalog.aclexplode(t.typacl) a "
	"WHERE n.nspname = $1 AND t.typtype IN ('e', 'd', 'r', 'm', 'b', 'c') "
	"AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_class r "
	"WHERE r.oid = t.typrelid AND r.relkind = 'c')) "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e "
	"WHERE e.typarray = t.oid) "
	"AND a.grantee <> t.typowner "
	"AND NOT (a.grantee = 0 AND a.privilege_type = 'USAGE')"
	") g ORDER BY on_kind, name, col NULLS FIRST, grantee, privilege";
