/*
 * refs.c: the other schemas a migration refers to, from PostgreSQL's
 * parse tree (libpg_query's JSON) walked with sqlite's json_tree in a
 * store in memory.
 */
#include <stdlib.h>

#include <pg_query.h>

#include "refs.h"
#include "snapshot.h"

/*
 * The schemas a statement refers to, from PostgreSQL's parse tree walked
 * with sqlite's json_tree: RangeVar and CREATE SCHEMA schemanames, the
 * first part of qualified names (types, functions, operators, objects of
 * DROP and COMMENT), schemas named as objects (DROP/GRANT ... SCHEMA) and
 * the schemas of a SET search_path.
 */
static const char refs_sql[] =
    "SELECT DISTINCT s FROM ("
    "SELECT value AS s FROM json_tree(?1) WHERE key IN ('schemaname', "
    "'newschema') AND type = 'text' "
    "UNION ALL SELECT json_extract(value, '$[0].String.sval') FROM "
    "json_tree(?1) WHERE type = 'array' AND key IN ('names', 'funcname', "
    "'typeName', 'opname', 'collname', 'defnames', 'opclass', 'items', "
    "'objname') AND json_array_length(value) >= 2 "
    "AND json_extract(value, '$[1].String.sval') IS NOT NULL "
    "AND (path NOT LIKE '%.CommentStmt.object.List' "
    "OR json_array_length(value) >= 3 OR COALESCE(json_extract(?1, "
    "substr(path, 1, length(path) - 12) || '.objtype'), '') "
    "<> 'OBJECT_COLUMN') "
    "UNION ALL SELECT json_extract(value, '$.String.sval') FROM "
    "json_tree(?1) WHERE path LIKE '%.objects' AND type = 'object' "
    "AND (json_extract(?1, substr(path, 1, length(path) - 8) || "
    "'.removeType') = 'OBJECT_SCHEMA' OR json_extract(?1, substr(path, 1, "
    "length(path) - 8) || '.objtype') = 'OBJECT_SCHEMA') "
    "UNION ALL SELECT value FROM json_tree(?1) WHERE key = 'sval' "
    "AND type = 'text' AND fullkey LIKE '%.VariableSetStmt.args[%' "
    "AND json_extract(?1, substr(fullkey, 1, instr(fullkey, "
    "'.VariableSetStmt') + 15) || '.name') = 'search_path'"
    ") WHERE s IS NOT NULL AND s <> ?2 AND s NOT IN ('pg_catalog', "
    "'information_schema') ORDER BY s";

/* One section (section: "up" or "down") of file f. */
static int
check_section(struct snapshot *snap, const char *schema,
    const struct sqlfile *f, const struct sqlfile_section *sec,
    const char *section, struct problems *p, struct vf_error *err)
{
	sqlite3_stmt		*st = NULL;
	PgQueryParseResult	 r;
	char			*text;
	size_t			 i;

	if (snapshot_prepare(snap, refs_sql, &st, err) == -1)
		return (-1);
	for (i = 0; i < sec->nstmts; i++) {
		text = xstrndup(f->text + sec->stmts[i].off,
		    sec->stmts[i].len);
		r = pg_query_parse(text);
		free(text);
		if (r.error != NULL) {
			problems_add(p, f->path, sec->stmts[i].line,
			    "does not parse: %s", r.error->message);
			pg_query_free_parse_result(r);
			continue;
		}
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, r.parse_tree, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			problems_add(p, f->path, sec->stmts[i].line,
			    "the %s section refers to schema \"%s\"; a "
			    "migration of %s touches nothing outside it",
			    section, (const char *)sqlite3_column_text(st, 0),
			    schema);
		pg_query_free_parse_result(r);
	}
	sqlite3_finalize(st);
	return (0);
}

int
refs_check(const char *schema, const struct sqlfile *files, size_t nfiles,
    struct problems *p, struct vf_error *err)
{
	struct snapshot	snap;
	size_t		i;
	int		rc = -1;

	snap.db = NULL;
	if (snapshot_open(&snap, NULL, err) == -1)
		goto done;
	for (i = 0; i < nfiles; i++)
		if (check_section(&snap, schema, &files[i], &files[i].up,
		    "up", p, err) == -1 ||
		    check_section(&snap, schema, &files[i], &files[i].down,
		    "down", p, err) == -1)
			goto done;
	rc = 0;
done:
	snapshot_close(&snap);
	return (rc);
}
