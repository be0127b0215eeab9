/*
 * diff_types.c: the differences of domains and composite types, as SQL
 * over the store, run by diff_compute() after those of diff.c (same
 * temp.changes table, ?1 the source side, ?2 the target).  A domain's
 * check or a composite type's attribute is a change of kind "domain
 * check" or "attribute" whose tbl is its domain or type.
 */
#include <stddef.h>

#include "diff_int.h"

/* One field of domains that differs, for a domain on both sides. */
#define DOMAIN_FIELD(f, col) \
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) " \
	"SELECT 'domain', 'alter', t.name, '" f "', f." col ", t." col " " \
	"FROM domains t JOIN domains f ON f.side = ?1 AND f.name = t.name " \
	"WHERE t.side = ?2 AND f." col " IS NOT t." col " ORDER BY t.name"

const char *const diff_types_sql[] = {
	/* Domains. */
	"INSERT INTO changes (kind, action, name, to_val) "
	"SELECT 'domain', 'add', t.name, t.type FROM domains t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM domains f "
	"WHERE f.side = ?1 AND f.name = t.name) ORDER BY t.name",
	DOMAIN_FIELD("type", "type"),
	DOMAIN_FIELD("default", "default_expr"),
	DOMAIN_FIELD("not_null", "not_null"),
	DOMAIN_FIELD("collation", "collation"),
	DOMAIN_FIELD("comment", "comment"),
	"INSERT INTO changes (kind, action, name, from_val) "
	"SELECT 'domain', 'drop', f.name, f.type FROM domains f "
	"WHERE f.side = ?1 AND NOT EXISTS (SELECT 1 FROM domains t "
	"WHERE t.side = ?2 AND t.name = f.name) ORDER BY f.name",
	/* Checks of the domains on both sides whose base type stays (a new
	   base type recreates the domain with its checks). */
	"INSERT INTO changes (kind, action, tbl, name, from_val, to_val) "
	"SELECT 'domain check', 'alter', t.domain, t.name, f.def, t.def "
	"FROM domchecks t JOIN domchecks f ON f.side = ?1 "
	"AND f.domain = t.domain AND f.name = t.name "
	"JOIN domains fd ON fd.side = ?1 AND fd.name = t.domain "
	"JOIN domains td ON td.side = ?2 AND td.name = t.domain "
	"WHERE t.side = ?2 AND f.def IS NOT t.def AND fd.type IS td.type "
	"ORDER BY t.domain, t.name",
	"INSERT INTO changes (kind, action, tbl, name, to_val) "
	"SELECT 'domain check', 'add', t.domain, t.name, t.def "
	"FROM domchecks t "
	"JOIN domains fd ON fd.side = ?1 AND fd.name = t.domain "
	"JOIN domains td ON td.side = ?2 AND td.name = t.domain "
	"WHERE t.side = ?2 AND fd.type IS td.type AND NOT EXISTS (SELECT 1 "
	"FROM domchecks f WHERE f.side = ?1 AND f.domain = t.domain "
	"AND f.name = t.name) ORDER BY t.domain, t.name",
	"INSERT INTO changes (kind, action, tbl, name, from_val) "
	"SELECT 'domain check', 'drop', f.domain, f.name, f.def "
	"FROM domchecks f "
	"JOIN domains fd ON fd.side = ?1 AND fd.name = f.domain "
	"JOIN domains td ON td.side = ?2 AND td.name = f.domain "
	"WHERE f.side = ?1 AND fd.type IS td.type AND NOT EXISTS (SELECT 1 "
	"FROM domchecks t WHERE t.side = ?2 AND t.domain = f.domain "
	"AND t.name = f.name) ORDER BY f.domain, f.name",

	/* Composite types and their attributes. */
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'composite type', 'add', t.name FROM composites t "
	"WHERE t.side = ?2 AND NOT EXISTS (SELECT 1 FROM composites f "
	"WHERE f.side = ?1 AND f.name = t.name) ORDER BY t.name",
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'composite type', 'alter', t.name, 'comment', f.comment, "
	"t.comment FROM composites t JOIN composites f ON f.side = ?1 "
	"AND f.name = t.name WHERE t.side = ?2 AND f.comment IS NOT t.comment "
	"ORDER BY t.name",
	"INSERT INTO changes (kind, action, name) "
	"SELECT 'composite type', 'drop', f.name FROM composites f "
	"WHERE f.side = ?1 AND NOT EXISTS (SELECT 1 FROM composites t "
	"WHERE t.side = ?2 AND t.name = f.name) ORDER BY f.name",
	"INSERT INTO changes (kind, action, tbl, name, to_val) "
	"SELECT 'attribute', 'add', t.composite, t.name, t.type "
	"FROM compattrs t WHERE t.side = ?2 AND EXISTS (SELECT 1 "
	"FROM composites f WHERE f.side = ?1 AND f.name = t.composite) "
	"AND NOT EXISTS (SELECT 1 FROM compattrs f WHERE f.side = ?1 "
	"AND f.composite = t.composite AND f.name = t.name) "
	"ORDER BY t.composite, CAST(t.pos AS INTEGER)",
	"INSERT INTO changes (kind, action, tbl, name, field, from_val, "
	"to_val) SELECT 'attribute', 'alter', t.composite, t.name, 'type', "
	"f.type, t.type FROM compattrs t JOIN compattrs f ON f.side = ?1 "
	"AND f.composite = t.composite AND f.name = t.name "
	"WHERE t.side = ?2 AND f.type IS NOT t.type "
	"ORDER BY t.composite, CAST(t.pos AS INTEGER)",
	"INSERT INTO changes (kind, action, tbl, name, from_val) "
	"SELECT 'attribute', 'drop', f.composite, f.name, f.type "
	"FROM compattrs f WHERE f.side = ?1 AND EXISTS (SELECT 1 "
	"FROM composites t WHERE t.side = ?2 AND t.name = f.composite) "
	"AND NOT EXISTS (SELECT 1 FROM compattrs t WHERE t.side = ?2 "
	"AND t.composite = f.composite AND t.name = f.name) "
	"ORDER BY f.composite, f.name",
	NULL
};
