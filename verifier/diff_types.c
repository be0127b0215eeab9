/*
 * diff_types.c: the differences of domains and composite types, as SQL
 * over the store, run by diff_compute() after those of diff.c (same
 * temp.changes table, ?1 the source side, ?2 the target).  A domain's
 * check or a composite type's attribute is a change of kind "domain
 * check" or "attribute" whose tbl is its domain or type.
 */
#include <stdlib.h>
#include <string.h>

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
	/* The order of the attributes, when adding at the end and dropping
	   in place cannot give the target's: the type is then recreated. */
	"INSERT INTO changes (kind, action, name, field, from_val, to_val) "
	"SELECT 'composite type', 'alter', name, 'attributes', f_names, "
	"t_names FROM (SELECT t.name, "
	"(SELECT group_concat(name, char(10)) FROM (SELECT a.name "
	"FROM compattrs a WHERE a.side = ?1 AND a.composite = t.name "
	"ORDER BY CAST(a.pos AS INTEGER))) AS f_names, "
	"(SELECT group_concat(name, char(10)) FROM (SELECT a.name "
	"FROM compattrs a WHERE a.side = ?2 AND a.composite = t.name "
	"ORDER BY CAST(a.pos AS INTEGER))) AS t_names, "
	"(SELECT group_concat(name, char(10)) FROM (SELECT name FROM ("
	"SELECT 0 AS k, CAST(a.pos AS INTEGER) AS p, a.name FROM compattrs a "
	"WHERE a.side = ?1 AND a.composite = t.name AND EXISTS (SELECT 1 "
	"FROM compattrs b WHERE b.side = ?2 AND b.composite = t.name "
	"AND b.name = a.name) "
	"UNION ALL SELECT 1, CAST(a.pos AS INTEGER), a.name "
	"FROM compattrs a WHERE a.side = ?2 AND a.composite = t.name "
	"AND NOT EXISTS (SELECT 1 FROM compattrs b WHERE b.side = ?1 "
	"AND b.composite = t.name AND b.name = a.name)) ORDER BY k, p)) "
	"AS in_place "
	"FROM composites t JOIN composites f ON f.side = ?1 "
	"AND f.name = t.name WHERE t.side = ?2) "
	"WHERE in_place IS NOT t_names ORDER BY name",
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

/*
 * The name of a type printed "schema"."name" (each part quoted only when
 * needed), without its schema, unquoted: a new string; NULL when type is
 * not qualified.
 */
static char *
unqualified(const char *type)
{
	const char	*p = type;
	struct vbuf	 b;

	if (*p == '"') {
		for (p++; *p != '\0' && !(p[0] == '"' && p[1] != '"'); p++)
			if (p[0] == '"')
				p++;
		if (*p == '"')
			p++;
	} else
		while (*p != '\0' && *p != '.' && *p != '"')
			p++;
	if (*p != '.')
		return (NULL);
	p++;
	vbuf_init(&b);
	vbuf_puts(&b, "");
	if (*p != '"')
		vbuf_puts(&b, p);
	else
		for (p++; *p != '\0' && !(p[0] == '"' && p[1] != '"'); p++) {
			if (p[0] == '"')
				p++;
			vbuf_putc(&b, *p);
		}
	return (vbuf_steal(&b));
}

char *
diff_types_base(struct snapshot *snap, const char *side, const char *type)
{
	sqlite3_stmt	*st = NULL;
	char		*cur, *name, *next;
	size_t		 n, depth;

	n = strlen(type);
	while (n >= 2 && type[n - 2] == '[' && type[n - 1] == ']')
		n -= 2;
	cur = xstrndup(type, n);
	if (snapshot_prepare(snap, "SELECT type FROM domains WHERE side = ?1 "
	    "AND name = ?2", &st, NULL) == -1)
		goto done;
	/* A domain over a domain, ..., at most as deep as the catalog. */
	for (depth = 0; depth < 64; depth++) {
		if ((name = unqualified(cur)) == NULL)
			break;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, side, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		free(name);
		if (sqlite3_step(st) != SQLITE_ROW)
			break;
		next = snapshot_col(st, 0);
		if (next == NULL)
			break;
		free(cur);
		cur = next;
	}
done:
	sqlite3_finalize(st);
	next = xmalloc(strlen(cur) + strlen(type + n) + 1);
	strcpy(next, cur);
	strcat(next, type + n);
	free(cur);
	return (next);
}
