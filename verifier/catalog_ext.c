/*
 * catalog_ext.c: the extensions installed in the shared schema
 * VF_EXTENSIONS_SCHEMA, and whether an object of the schema read uses one
 * of their members (a column's type, an index's operator class, a
 * constraint's operator, a default's function: a normal dependency on an
 * object the extension owns).  Their members are never the schema's: the
 * other sets do not read them.  The extensions installed in the schema
 * read itself are read too, used 'o' (own).
 */
#include "catalog.h"

/* Objects of schema $1 (relations, their columns and indexes,
   constraints, types, defaults) that depend on object d.refobjid. */
#define OF_SCHEMA(cls, nscol) \
	"(d.classid = 'pg_catalog." cls "'::pg_catalog.regclass " \
	"AND d.objid IN (SELECT o.oid FROM pg_catalog." cls " o " \
	"JOIN pg_catalog.pg_namespace s ON s.oid = o." nscol " " \
	"WHERE s.nspname = $1)) "

const char catalog_extensions_sql[] =
	"SELECT e.extname::pg_catalog.text AS name, "
	"CASE WHEN n.nspname = $1 THEN 'o' WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_depend m "
	"JOIN pg_catalog.pg_depend d ON d.refclassid = m.classid "
	"AND d.refobjid = m.objid AND d.deptype = 'n' "
	"WHERE m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass "
	"AND m.refobjid = e.oid AND m.deptype = 'e' AND ("
	OF_SCHEMA("pg_class", "relnamespace") "OR "
	OF_SCHEMA("pg_constraint", "connamespace") "OR "
	OF_SCHEMA("pg_type", "typnamespace") "OR "
	"(d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass "
	"AND d.objid IN (SELECT a.oid FROM pg_catalog.pg_attrdef a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.adrelid "
	"JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace "
	"WHERE s.nspname = $1)))) THEN 't' ELSE 'f' END AS used "
	"FROM pg_catalog.pg_extension e "
	"JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
	"WHERE n.nspname IN ('" VF_EXTENSIONS_SCHEMA "', $1) "
	"ORDER BY e.extname";
