/*
 * catalog.h: reading one schema's catalog from PostgreSQL with libpq, in a
 * fixed number of queries filtered in SQL by the schema's name, printed
 * by PostgreSQL's own functions (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef) with search_path set to
 * pg_catalog alone, so that every name outside pg_catalog is printed
 * schema-qualified and both sides of a diff read the same way.
 *
 * The result is a set of row sets, one per query, each a table of text
 * cells; snapshot.c loads them into sqlite under the same column names.
 */
#ifndef VERIFIER_CATALOG_H
#define VERIFIER_CATALOG_H

#include <stddef.h>

#include <libpq-fe.h>

#include "util.h"

/* The row sets of a catalog read, one query each. */
enum catalog_set_id {
	CATALOG_ENUMS = 0,	/* enum, pos, label, comment */
	CATALOG_TABLES,		/* name, comment, unlogged, reloptions:
				   "name=value" sorted, one a line; rls,
				   force_rls (t/f): ROW LEVEL SECURITY;
				   replident: NULL (DEFAULT), "full",
				   "nothing" or "index:<name>" */
	CATALOG_COLUMNS,	/* tbl, name, pos, type (with " COLLATE x" when
				   not the type's), not_null, default_expr,
				   identity, generated, comment,
				   identity_opts: "start increment min max
				   cache cycle" of an identity's sequence,
				   min/max "-" at the type's bound */
	CATALOG_CONSTRAINTS,	/* tbl, name, kind, def, ref_table, is_deferrable,
				   is_deferred, on_update, on_delete,
				   check_expr (an exclusion's WHERE), comment */
	CATALOG_CONCOLS,	/* tbl, con, pos, col, refcol, expr, op,
				   opclass (op: exclusion elements only) */
	CATALOG_INDEXES,	/* tbl, name, uniq, method, body, where_expr,
				   comment, reloptions, core: the body without
				   its WITH (...) */
	CATALOG_INDEXKEYS,	/* tbl, idx, pos, col, expr, descending,
				   nulls_first, included, collation, opclass */
	CATALOG_SEQUENCES,	/* name, type, start, increment, min, max,
				   cache, cycle, owned_tbl, owned_col,
				   comment */
	CATALOG_DOMAINS,	/* name, type, default_expr, not_null,
				   collation, comment */
	CATALOG_DOMCHECKS,	/* domain, name, def, check_expr */
	CATALOG_COMPOSITES,	/* name, comment */
	CATALOG_COMPATTRS,	/* composite, pos, name, type */
	CATALOG_PARTITIONS,	/* name, parent, bound, partkey */
	CATALOG_GRANTS,		/* on_kind ("schema", "table", "sequence",
				   "type"), name, col (column grants),
				   grantee (a role or PUBLIC), privilege,
				   grantable: catalog_grant.c */
	CATALOG_EXTENSIONS,	/* name, used ("t" when an object of the
				   schema depends on one of its members):
				   those in VF_EXTENSIONS_SCHEMA,
				   catalog_ext.c */
	CATALOG_VIEWS,		/* name, kind: v (view) or m (materialized),
				   populated (t/f), def: pg_get_viewdef()
				   without its
				   ';', cols: "name type\n" for each column,
				   reloptions, comment, colcomments:
				   "col\x1fcomment" joined by \x1e */
	CATALOG_POLICIES,	/* tbl, name, cmd (ALL, SELECT, ...),
				   permissive (PERMISSIVE / RESTRICTIVE),
				   roles (names or PUBLIC, sorted, one a
				   line), qual, with_check (pg_get_expr),
				   comment, deps ("\nrel\tcol\n" per
				   relation (col empty) or column of the
				   schema it reads): catalog_policy.c */
	CATALOG_FUNCTIONS,	/* name: fname(identity arguments), fname,
				   kind (f or p), identity, args: "mode\tname
				   \ttype\tdefault" a line (mode i, o, b, v,
				   t), result: pg_get_function_result(),
				   rettype ("setof " and the type, NULL for a
				   procedure), language, body (as kept),
				   volatility, strict, secdef (t/f), config
				   (proconfig, a line each), parallel, cost,
				   rows, def: pg_get_functiondef(), comment */
	CATALOG_TRIGGERS,	/* tbl, name, def: pg_get_triggerdef(), body:
				   def without its table, enabled (origin,
				   disabled, replica, always), tgtype,
				   update_of, function, func (a function
				   of the schema as CATALOG_FUNCTIONS names
				   it: fname(identity)), nargs,
				   args (tgargs, bytea's escape format),
				   old_table, new_table, is_constraint,
				   is_deferrable, is_deferred, cols (that it
				   depends on, one a line), comment:
				   catalog_trigger.c */
	CATALOG_DEPS,		/* kind, name, col, deptype, ref_kind,
				   ref_name, ref_col: object (kind, name,
				   column or NULL) depends on ref (pg_depend,
				   deptype n, a or i), both in the schema;
				   kind as diff.c names changes ("table",
				   "view", "materialized view", "index",
				   "constraint", "sequence", "enum", "domain",
				   "composite type", "function", "procedure",
				   "trigger", "policy"); constraints, triggers
				   and policies named "table.name", functions
				   "name(identity arguments)"; a unique,
				   primary key or exclusion index is its
				   constraint, an array type its element */
	CATALOG_UNSUPPORTED,	/* kind, name */
	CATALOG_NSETS
};

/* catalog_grant.c: the query of CATALOG_GRANTS. */
extern const char catalog_grants_sql[];
/* catalog_ext.c: the query of CATALOG_EXTENSIONS. */
extern const char catalog_extensions_sql[];
/* catalog_policy.c: the query of CATALOG_POLICIES. */
extern const char catalog_policies_sql[];
/* catalog_trigger.c: the query of CATALOG_TRIGGERS. */
extern const char catalog_triggers_sql[];

struct catalog_set {
	size_t	 ncols;
	size_t	 nrows;
	char	**colnames;	/* ncols names */
	char	**cells;	/* nrows * ncols; NULL for SQL NULL */
};

struct catalog {
	char			*schema;
	struct catalog_set	 sets[CATALOG_NSETS];
	int			 nqueries;	/* catalog queries sent */
	const char		*source;	/* where it came from, for
						   VERIFIER_STATS: "in memory",
						   "from the cache", ...
						   (static) */
};

/*
 * Reads the catalog of schema from conn into cat (which need not be
 * initialised) inside one read-only repeatable-read transaction.  The
 * version table is left out.  Objects the verifier does not model
 * (views, functions, triggers, ...) are listed in CATALOG_UNSUPPORTED,
 * never dropped silently.  Returns 0 (release with catalog_free()), or -1
 * with err set (cat left empty).  conn must not be inside a transaction.
 */
int	catalog_read(PGconn *conn, const char *schema, struct catalog *cat,
	    struct vf_error *err);

/*
 * catalog_read() inside the transaction conn is in (a shadow, see
 * scratch.h), which sees its own changes: no BEGIN nor COMMIT; the
 * settings it makes (search_path, jit) are local to that transaction.
 */
int	catalog_read_in_tx(PGconn *conn, const char *schema,
	    struct catalog *cat, struct vf_error *err);

/* Releases what catalog_read() filled in; cat is left empty. */
void	catalog_free(struct catalog *cat);

/*
 * The cell of row (0-based) and the column named col of a set; NULL for
 * SQL NULL.  col must be one of the set's columns (aborts otherwise: a
 * programming error).  Valid while cat is.
 */
const char	*catalog_get(const struct catalog *cat, enum catalog_set_id set,
		    size_t row, const char *col);

/* The column names of a set, as its query names them: "a, b, c". */
const char	*catalog_set_columns(enum catalog_set_id set);

/* Sets s up empty, with the column names of set. */
void		 catalog_set_init(struct catalog_set *s,
		    enum catalog_set_id set);

/*
 * Sets cat up empty, every set with its columns and no row, for a
 * catalog built by hand (expected_mem.c); release with catalog_free().
 */
void		 catalog_init(struct catalog *cat, const char *schema);

/*
 * Appends a row to a set of cat and returns its ncols cells, all NULL,
 * for the caller to fill with malloc'd strings (catalog_free() frees
 * them).  Valid until the next row is added to the set.
 */
char		**catalog_add_row(struct catalog *cat, enum catalog_set_id set);

/* The name of a set ("enums", "tables", ...), as a sqlite table name. */
const char	*catalog_set_name(enum catalog_set_id set);

/*
 * The SQL text of the query of a set, with the schema name as $1.  For the
 * benchmark, which runs the same queries through psql.
 */
const char	*catalog_set_sql(enum catalog_set_id set);

/*
 * A text listing of every object outside schema (and outside the system
 * schemas and the shared VF_EXTENSIONS_SCHEMA, whose extensions a
 * migration may install) of the database conn is connected to, one line per object, in
 * a stable order, so that two listings before and after a replay compare
 * as strings.  *out is the caller's to free().  0 or -1 with err set.
 */
int	catalog_outside(PGconn *conn, const char *schema, char **out,
	    struct vf_error *err);

#endif
