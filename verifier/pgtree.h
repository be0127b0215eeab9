/*
 * pgtree.h: PostgreSQL's scanner and parser (libpg_query, the grammar of
 * the PostgreSQL version it was built from) through their typed API: the
 * protobuf messages of pg_query.proto, unpacked with the protobuf-c
 * functions libpg_query exports.  Every other module reads parse trees
 * and tokens through here.
 */
#ifndef VERIFIER_PGTREE_H
#define VERIFIER_PGTREE_H

#include <stddef.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "util.h"

/* A parse tree: tree->stmts[i]->stmt are the statements' nodes. */
struct pgtree {
	PgQueryProtobufParseResult	 raw;
	PgQuery__ParseResult		*tree;
};

/*
 * Parses sql (one or more statements).  On success t holds the tree
 * (release it with pgtree_free()).  On failure t needs no release and err
 * holds PostgreSQL's message word for word, col the 1-based character
 * position in sql that it is about (0: unknown), no file and line 0,
 * code VF_EXIT_USAGE; a tree that cannot be unpacked says so.
 */
int	pgtree_parse(const char *sql, struct pgtree *t, struct vf_error *err);
void	pgtree_free(struct pgtree *t);

/* The tokens of a scan: scan->tokens[i], start/end byte offsets in sql. */
struct pgtree_scan {
	PgQueryScanResult	 raw;
	PgQuery__ScanResult	*scan;
};

/* pgtree_parse() for the scanner: same contract, release with _free(). */
int	pgtree_scan(const char *sql, struct pgtree_scan *s,
	    struct vf_error *err);
void	pgtree_scan_free(struct pgtree_scan *s);

/*
 * The keyword kind of word in the linked grammar (a PgQuery__KeywordKind:
 * PG_QUERY__KEYWORD_KIND__NO_KEYWORD when word is not exactly one keyword
 * token).  Answers are cached for the life of the process (a bounded
 * table, shared by threads under a lock), so the scanner runs once per
 * distinct word.  Thread-safe.
 */
int	pgtree_keyword_kind(const char *word);

/* The 1-based character position of byte offset off in s (UTF-8). */
int	pgtree_char_pos(const char *s, size_t off);

/*
 * Calls fn on every Node under msg (msg itself not included) in the order
 * of the message's fields, depth first, parents before children.  For the
 * generic walks (every column reference of an expression); code that
 * needs one node kind reads the typed struct instead.
 */
void	pgtree_walk(const ProtobufCMessage *msg,
	    void (*fn)(const PgQuery__Node *node, void *arg), void *arg);

/*
 * Whether msg has no field set other than those named in keep
 * (NULL-terminated, proto field names): lists empty, messages absent,
 * numbers, enums and booleans 0, strings empty.
 */
int	pgtree_only_fields(const ProtobufCMessage *msg,
	    const char *const *keep);

/*
 * "Which other schemas does this SQL touch": one reference per name of a
 * schema found in the tree, from
 *   - the schemaname of a relation (RangeVar) and of CREATE SCHEMA, the
 *     newschema of ALTER ... SET SCHEMA;
 *   - the first part of a qualified name of two or more parts: types,
 *     functions, operators (OPERATOR(s.+)), collations, operator classes,
 *     CREATE TYPE ... AS ENUM names, and the objects of DROP, COMMENT ON,
 *     GRANT ... ON FUNCTION (lists names, funcname, name, type_name,
 *     opname, collname, defnames, opclass, items, objname) -- except
 *     COMMENT ON COLUMN table.column, whose first part is a table;
 *   - schemas named as objects (DROP SCHEMA, GRANT ... ON SCHEMA);
 *   - every value of SET [LOCAL] search_path;
 *   - (pgtree_foreign_schemas() only) the body of a function in language
 *     sql or plpgsql, a string in the tree (pgtree_function_refs()).
 * Names equal to schema and "pg_catalog" are left out, and so is
 * "information_schema" when flags has PGTREE_REFS_INFO_SCHEMA, and
 * VF_EXTENSIONS_SCHEMA when it has PGTREE_REFS_EXTENSIONS.
 * Each reference's location is the byte offset in the parsed SQL of the
 * nearest node with a location that holds it, -1 when none.
 * The references are in tree order, one per occurrence; with
 * PGTREE_REFS_DISTINCT each name once (at its first location), sorted by
 * strcmp().
 */
#define PGTREE_REFS_INFO_SCHEMA	0x1	/* information_schema is allowed */
#define PGTREE_REFS_DISTINCT	0x2	/* each name once, sorted */
#define PGTREE_REFS_EXTENSIONS	0x4	/* the extensions schema is allowed */

struct pgtree_ref {
	char	*schema;
	int	 location;
};

struct pgtree_refs {
	struct pgtree_ref	*v;
	size_t			 n;
};

/*
 * Parses sql (pgtree_parse(), same errors) and fills refs (release with
 * pgtree_refs_free(); left empty on failure) with the references of all
 * its statements.  Returns 0, or -1 with err set.
 */
int	pgtree_foreign_schemas(const char *sql, const char *schema, int flags,
	    struct pgtree_refs *refs, struct vf_error *err);

/*
 * The same on a tree already parsed, node and everything under it
 * (locations are those of the parsed text): appends to refs, which must
 * be initialised (zeroed, or filled by an earlier call).
 */
void	pgtree_node_foreign_schemas(const PgQuery__Node *node,
	    const char *schema, int flags, struct pgtree_refs *refs);

/*
 * pgtree_func.c: when raw (a statement of sql) is a CREATE FUNCTION or
 * PROCEDURE in language sql or plpgsql, the references of its body (a
 * string in the tree), appended to refs at the location of its AS.
 * pgtree_foreign_schemas() calls it for every statement.
 */
void	pgtree_function_refs(const char *sql, const PgQuery__RawStmt *raw,
	    const char *schema, int flags, struct pgtree_refs *refs);

/* A set of names, in the order they were found. */
struct pgtree_names {
	char	**v;
	size_t	  n;
};

/*
 * pgtree_func.c: the functions (the last part of each name, once) that
 * the body of sql, a CREATE FUNCTION or PROCEDURE in language sql (an
 * SQL-standard body or a string), calls; added to names (zeroed, or
 * filled before; release with pgtree_names_free()).  Nothing for another
 * language or what does not parse.
 */
void	pgtree_function_calls(const char *sql, struct pgtree_names *names);
void	pgtree_names_free(struct pgtree_names *names);

/* Releases what refs holds; refs is left empty. */
void	pgtree_refs_free(struct pgtree_refs *refs);

#endif
