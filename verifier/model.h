/*
 * model.h: the YAML model of one schema (docs/models.md): its data
 * structures (model.c), loading and checking it with libyaml
 * (model_load.c, model_objects.c), the names PostgreSQL would generate
 * for what the model leaves unnamed (model_names.c), the CREATE DDL that
 * builds the model in a scratch database, where PostgreSQL normalises it
 * (model_render.c), and the model written back as YAML (model_yaml.c).
 */
#ifndef VERIFIER_MODEL_H
#define VERIFIER_MODEL_H

#include <stddef.h>

#include "util.h"

/* PostgreSQL's NAMEDATALEN - 1: the longest name, in bytes. */
#define MODEL_NAME_MAX	63

enum model_identity {
	MODEL_IDENTITY_NONE = 0,
	MODEL_IDENTITY_ALWAYS,
	MODEL_IDENTITY_BY_DEFAULT
};

enum model_con_kind {
	MODEL_CON_PRIMARY = 0,
	MODEL_CON_UNIQUE,
	MODEL_CON_FOREIGN,
	MODEL_CON_CHECK,
	MODEL_CON_EXCLUDE
};

enum model_fk_action {
	MODEL_FK_NO_ACTION = 0,
	MODEL_FK_RESTRICT,
	MODEL_FK_CASCADE,
	MODEL_FK_SET_NULL,
	MODEL_FK_SET_DEFAULT
};

enum model_nulls {
	MODEL_NULLS_DEFAULT = 0,
	MODEL_NULLS_FIRST,
	MODEL_NULLS_LAST
};

/*
 * Every object carries where it was written: line and col are 1-based,
 * 0 for objects that were not read from a file.  Code that fills a model
 * itself (dump, from the catalog) follows the same rules: every string
 * malloc'ed (model_free() frees them all), every constraint and index
 * named, index method set, enum_index set for enum-typed columns.
 */

/*
 * A grant (`grants:`) on the schema, a table (or some of its columns) or a
 * sequence: privileges upper case, in model_grant_privileges() order,
 * none twice; to is a role name or "PUBLIC".
 */
struct model_grant {
	char		**privileges;
	size_t		  nprivileges;
	char		 *to;
	char		**columns;	/* a table's grants only, else NULL */
	size_t		  ncolumns;
	int		  grant_option;	/* WITH GRANT OPTION */
	int		  line, col;	/* of the entry */
	int		  to_line, to_col;	/* of its role */
};

/* An extension the schema uses (`extensions:`), in VF_EXTENSIONS_SCHEMA,
   or in the schema itself (`{name: citext, schema: own}`). */
struct model_extension {
	char		*name;
	int		 own;	/* installed in the model's schema */
	int		 line, col;
};

struct model_enum {
	char		 *name;
	char		**values;	/* labels, in order */
	size_t		  nvalues;
	char		 *comment;	/* or NULL */
	struct model_grant *grants;
	size_t		  ngrants;
	int		  line, col;
};

/*
 * A storage parameter (`with:`) of a table or an index, as PostgreSQL
 * keeps it in reloptions: name ("fillfactor", "toast.autovacuum_enabled")
 * and value as written.
 */
struct model_param {
	char		*name;
	char		*value;
};

/*
 * Options of a sequence or of an identity column's sequence: each is set
 * only when the file wrote it (have bit), PostgreSQL's default otherwise.
 */
enum {
	MODEL_SEQ_START = 1 << 0,
	MODEL_SEQ_INCREMENT = 1 << 1,
	MODEL_SEQ_MIN = 1 << 2,
	MODEL_SEQ_MAX = 1 << 3,
	MODEL_SEQ_CACHE = 1 << 4,
	MODEL_SEQ_CYCLE = 1 << 5
};

struct model_seq_opts {
	unsigned	 have;		/* MODEL_SEQ_* bits */
	long long	 start, increment, min, max, cache;
	int		 cycle;
};

/* A standalone sequence (`sequences:`). */
struct model_sequence {
	char			*name;
	char			*type;		/* "smallint", "integer" or
						   "bigint" (the default) */
	struct model_seq_opts	 opts;
	char			*owned_tbl;	/* owned_by, or NULLs */
	char			*owned_col;
	char			*comment;	/* or NULL */
	struct model_grant	*grants;
	size_t			 ngrants;
	int			 line, col;
};

/* A named check of a domain; its expression says VALUE for the value. */
struct model_domain_check {
	char		*name;		/* always set: written or generated */
	int		 name_given;
	char		*expression;
	int		 line, col;
};

/*
 * A domain (`domains:`, model_domain.c).  type is its base type as a
 * column's type is (a built-in type normalised, or an enum, domain or
 * composite type of the model by bare name, with "[]"s).
 */
struct model_domain {
	char			*name;
	char			*type;
	char			*default_expr;	/* SQL as written, or NULL */
	int			 not_null;
	char			*collation;	/* or NULL */
	struct model_domain_check *checks;
	size_t			 nchecks;
	char			*comment;	/* or NULL */
	int			 line, col;
};

/* An attribute of a composite type; type as a column's type is. */
struct model_attribute {
	char	*name;
	char	*type;
	int	 line, col;
};

/* A composite type (`composite_types:`, model_domain.c). */
struct model_composite {
	char			*name;
	struct model_attribute	*attrs;		/* in order */
	size_t			 nattrs;
	char			*comment;	/* or NULL */
	int			 line, col;
};

struct model_column {
	char		*name;
	char		*type;		/* normalised as written: "varchar(20)",
					   "timestamp(3) with time zone", "text[]",
					   or an enum's bare name (+ "[]"s);
					   "serial", "bigserial" or
					   "smallserial" for a serial column */
	int		 enum_index;	/* index in model.enums when the element
					   type is an enum of the model, else -1 */
	int		 nullable;	/* 0: NOT NULL (the default) */
	char		*default_expr;	/* SQL as written, or NULL */
	enum model_identity identity;
	struct model_seq_opts identity_opts; /* identity columns only */
	char		*generated;	/* stored generated expression, or NULL */
	char		*comment;	/* or NULL */
	char		*renamed_from;	/* or NULL */
	char		*collation;	/* a non-default collation's name
					   ("C"), or NULL */
	struct model_grant *seq_grants;	/* on the sequence of a serial or
					   identity column */
	size_t		 nseq_grants;
	char		*seq_name;	/* that sequence's name as CREATE
					   TABLE chooses it (numbered when
					   taken), set by the loader; or NULL */
	int		 line, col;
};

/* One element of an exclusion constraint: a column or an expression. */
struct model_excl_elem {
	char		*column;	/* exactly one of column and expression */
	char		*expression;
	char		*opclass;	/* or NULL for the type's default */
	char		*op;		/* the operator, as written: "&&", "=" */
	int		 line, col;
};

struct model_constraint {
	enum model_con_kind kind;
	char		 *name;		/* always set: written or generated */
	int		  name_given;	/* 1 when the file wrote it */
	char		**columns;	/* PRIMARY, UNIQUE, FOREIGN (local side) */
	size_t		  ncolumns;
	/* FOREIGN only */
	char		 *ref_table;	/* a table of the same model/schema */
	char		**ref_columns;	/* as many as columns; filled from the
					   referenced primary key when left out */
	size_t		  nref_columns;
	enum model_fk_action on_delete, on_update;
	/* PRIMARY, UNIQUE, FOREIGN, EXCLUDE (model_constraint.c) */
	int		  deferrable;
	int		  initially_deferred;
	/* FOREIGN and CHECK: 1 for validated: false (NOT VALID) */
	int		  not_valid;
	/* CHECK only: 1 for no_inherit: true (NO INHERIT) */
	int		  no_inherit;
	/* UNIQUE only */
	int		  nulls_not_distinct;
	char		 *comment;	/* any kind; or NULL */
	/* CHECK only */
	char		 *expression;
	/* EXCLUDE only: method, elements, include (columns), where */
	char		 *method;	/* "gist" unless written */
	struct model_excl_elem *elems;
	size_t		  nelems;
	char		**include;
	size_t		  ninclude;
	char		 *where;
	int		  line, col;
};

/* One key of an index: a column or an expression. */
struct model_index_key {
	char		*column;	/* exactly one of column and expression */
	char		*expression;
	int		 desc;
	enum model_nulls nulls;
	char		*collation;	/* or NULL: the key's own */
	char		*opclass;	/* or NULL: the type's default */
	int		 line, col;
};

struct model_index {
	char			*name;		/* always set */
	int			 name_given;
	int			 unique;
	char			*method;	/* "btree", "hash", ... */
	struct model_index_key	*keys;
	size_t			 nkeys;
	char			**include;
	size_t			 ninclude;
	char			*where;		/* or NULL */
	struct model_param	*with;		/* storage parameters */
	size_t			 nwith;
	char			*comment;	/* or NULL */
	int			 nulls_not_distinct; /* unique only */
	int			 line, col;
};

/*
 * A row level security policy of a table (`policies:`, model_policy.c):
 * command upper case ("ALL", "SELECT", ...); roles names or "PUBLIC"
 * (none written: PUBLIC alone), role_lines/role_cols where each was
 * written; the expressions as written, or NULL.
 */
struct model_policy {
	char		 *name;
	char		 *command;
	int		  restrictive;
	char		**roles;
	size_t		  nroles;
	int		 *role_lines, *role_cols;
	char		 *using_expr;
	char		 *check_expr;
	char		 *comment;	/* or NULL */
	int		  line, col;
};

struct model_table {
	char			*name;
	char			*comment;	/* or NULL */
	char			*partition_by;	/* "range (a)", ... as written,
						   or NULL */
	char			*renamed_from;	/* or NULL */
	struct model_column	*columns;	/* in table order */
	size_t			 ncolumns;
	struct model_constraint	*constraints;	/* primary key first, then
						   unique, foreign, check */
	size_t			 nconstraints;
	struct model_index	*indexes;
	size_t			 nindexes;
	int			 unlogged;
	struct model_param	*with;		/* storage parameters */
	size_t			 nwith;
	struct model_grant	*grants;
	size_t			 ngrants;
	int			 open_columns;	/* a materialized view's stand-in
						   for its indexes: columns are
						   its query's, not checked */
	int			 partition;	/* a partition's stand-in for its
						   indexes: columns are its top
						   table's */
	int			 rls;		/* ENABLE ROW LEVEL SECURITY */
	int			 force_rls;	/* FORCE ROW LEVEL SECURITY */
	struct model_policy	*policies;	/* in file order */
	size_t			 npolicies;
	/* REPLICA IDENTITY: 0 for DEFAULT, 'f' FULL, 'n' NOTHING, 'i' USING
	   INDEX replident_index (an index, primary key or unique
	   constraint of the table), written at replident_line:col */
	char			 replident;
	char			*replident_index;
	int			 replident_line, replident_col;
	int			 line, col;
};

/*
 * A partition (`partitions:` under its table or partition, docs/models.md),
 * in struct model's flat list: every parent before its partitions.
 */
struct model_partition {
	char		*name;
	char		*parent;	/* a table, or a partition listed before */
	char		*values;	/* the bound after FOR VALUES, as written;
					   NULL for the default partition */
	char		*partition_by;	/* of a sub-partitioned one, or NULL */
	struct model_index *indexes;	/* its own (local) indexes */
	size_t		 nindexes;
	int		 line, col;
};

/*
 * A view (`views:`, model_view.c) or a materialized view
 * (`materialized_views:`, materialized set): its query as written (one
 * SELECT, no trailing ';'), the names of its columns when written, its
 * options (the security ones and check_option: plain views only).
 */
struct model_view {
	char		 *name;
	int		  materialized;
	int		  with_data;	/* materialized: 0 for WITH NO DATA */
	char		 *query;
	char		**columns;	/* or none */
	size_t		  ncolumns;
	int		  security_barrier;
	int		  security_invoker;
	char		 *check_option;	/* "local", "cascaded" or NULL */
	char		 *comment;	/* or NULL */
	struct model_index *indexes;	/* materialized only */
	size_t		  nindexes;
	struct model_param *with;	/* materialized: storage parameters */
	size_t		  nwith;
	struct model_grant *grants;	/* on the view, as on a table */
	size_t		  ngrants;
	struct model_param *col_comments; /* column name, comment */
	size_t		  ncol_comments;
	int		  line, col;
	int		  qline, qcol;	/* where the query starts */
};

/*
 * An argument of a function (`args:`), or a column of its `returns:
 * table:` list (mode NULL, no default): type as written.
 */
struct model_func_arg {
	char		*name;		/* or NULL */
	char		*type;
	char		*mode;		/* "in", "out", "inout", "variadic" */
	char		*default_expr;	/* or NULL */
};

/*
 * A function or a procedure (`functions:`, model_function.c), one entry
 * of the list; overloads are distinct entries.  returns is the return
 * type as written ("integer", "setof integer", "trigger", "void"), NULL
 * for a procedure, for `returns: table:` (table set) and when OUT
 * arguments make it.  body is as written; a language sql body that
 * starts with BEGIN ATOMIC or RETURN is an SQL-standard body, written
 * as it is, else it is dollar-quoted.  The attributes hold their
 * PostgreSQL defaults when not written.
 */
struct model_function {
	char			*name;
	int			 procedure;
	struct model_func_arg	*args;
	size_t			 nargs;
	char			*returns;
	int			 returns_table;
	struct model_func_arg	*table;	/* returns: table: */
	size_t			 ntable;
	char			*language;
	char			*body;
	char			*volatility;	/* "volatile" ... */
	int			 strict;
	int			 security_definer;
	struct model_param	*set;		/* SET name = value */
	size_t			 nset;
	char			*parallel;	/* "unsafe" ... */
	char			*cost;		/* a number, or NULL */
	char			*rows;		/* a number, or NULL */
	char			*comment;	/* or NULL */
	int			 line, col;
	int			 bline, bcol;	/* where the body starts */
};

/* Trigger events (a set of bits). */
enum {
	MODEL_TRG_INSERT = 1 << 0,
	MODEL_TRG_UPDATE = 1 << 1,
	MODEL_TRG_DELETE = 1 << 2,
	MODEL_TRG_TRUNCATE = 1 << 3
};

/*
 * A trigger (`triggers:` under its table or view, model_trigger.c), in
 * struct model's flat list in file order.  timing and enabled index
 * model_trg_timings[] and model_trg_enabled[]; function is as written: a
 * function of the schema by bare name, or "pg_catalog.name".
 */
struct model_trigger {
	char		 *table;	/* its table or view */
	int		  on_view;
	char		 *name;
	int		  timing;	/* 0 before, 1 after, 2 instead of */
	unsigned	  events;	/* MODEL_TRG_* bits */
	char		**update_of;	/* columns of UPDATE OF, or none */
	size_t		  nupdate_of;
	int		  for_each_row;
	char		 *when;		/* or NULL */
	char		 *function;
	char		**args;		/* literals' values */
	size_t		  nargs;
	char		 *old_table;	/* REFERENCING names, or NULL */
	char		 *new_table;
	int		  constraint;	/* CREATE CONSTRAINT TRIGGER */
	int		  deferrable;
	int		  initially_deferred;
	int		  enabled;	/* 0 origin (the default) */
	char		 *comment;	/* or NULL */
	int		  line, col;
	int		  fline, fcol;	/* of its function */
};

struct model {
	char			*path;		/* as given to model_load/parse */
	char			*schema;
	struct model_enum	*enums;		/* in file order */
	size_t			 nenums;
	struct model_sequence	*sequences;	/* in file order */
	size_t			 nsequences;
	struct model_domain	*domains;	/* in file order */
	size_t			 ndomains;
	struct model_composite	*composites;	/* in file order */
	size_t			 ncomposites;
	struct model_table	*tables;	/* in file order */
	size_t			 ntables;
	struct model_partition	*partitions;	/* parents first */
	size_t			 npartitions;
	struct model_grant	*grants;	/* on the schema */
	size_t			 ngrants;
	struct model_extension	*extensions;	/* in file order */
	size_t			 nextensions;
	struct model_view	*views;		/* in file order */
	size_t			 nviews;
	struct model_function	*functions;	/* in file order */
	size_t			 nfunctions;
	struct model_trigger	*triggers;	/* in file order */
	size_t			 ntriggers;
};

/*
 * Reads and checks the model file at path.  On success m holds the model
 * (release it with model_free()); every constraint and index has a name.
 * On failure m is left empty and err names path, line and column and says
 * what was expected (code VF_EXIT_USAGE).  m need not be initialised.
 */
int	model_load(const char *path, struct model *m, struct vf_error *err);

/*
 * model_load() on text already in memory (len bytes, need not be
 * NUL-terminated); path is only used in errors and m->path.
 */
int	model_parse(const char *path, const char *text, size_t len,
	    struct model *m, struct vf_error *err);

/* Releases what model_load()/model_parse() filled in; m is left empty. */
void	model_free(struct model *m);

/*
 * Appends to out the DDL that creates every object of m in schema
 * m->schema, which must exist: SET standard_conforming_strings = on (the
 * literals are standard strings) and SET search_path to the schema (the
 * user's expressions resolve as they do in a migration), CREATE TYPE for the
 * enums, CREATE TABLE with columns, primary key and checks, each unique
 * constraint in an ALTER TABLE of its own (CREATE TABLE would merge two on
 * the same columns), then the foreign keys (after every table), CREATE
 * INDEX, COMMENT ON.  Every name is explicit,
 * quoted with vf_quote_ident() and schema-qualified; comments and enum
 * labels are literals; expressions are emitted as written.  The DDL runs
 * in one transaction or none.  Returns 0, or -1 with err set.
 */
int	model_render_sql(const struct model *m, struct vbuf *out,
	    struct vf_error *err);

/*
 * Appends m to out as a model file in the canonical form of
 * docs/models.md: keys in a fixed order, the shorthands wherever they
 * apply, a name only when it differs from the one that would be
 * generated, strings quoted only when YAML needs it.  Loading the result
 * gives the same model back.  For `verifier dump`: fill a struct model
 * from the catalog (names set, line/col 0) and write it with this.
 */
void	model_write_yaml(const struct model *m, struct vbuf *out);

/*
 * model_render_sql() one statement at a time, each with the position of
 * the model object it creates (0, 0 for the SETs), so that a statement the
 * server rejects can be reported at its line of the model file.  On
 * success *stmts (release with model_stmts_free()) holds *n statements,
 * each ending in ";\n"; joined they are model_render_sql()'s text.
 */
struct model_stmt {
	char	*sql;
	int	 line, col;
};

int	model_render_stmts(const struct model *m, struct model_stmt **stmts,
	    size_t *n, struct vf_error *err);
void	model_stmts_free(struct model_stmt *stmts, size_t n);

/*
 * The words of enum model_fk_action in a model file ("no action",
 * "restrict", ...), indexed by it, NULL-terminated.
 */
extern const char *const model_fk_actions[];

/*
 * model_partition.c: "CREATE TABLE schema.p PARTITION OF schema.parent
 * FOR VALUES ... | DEFAULT [PARTITION BY ...];\n" for p, into out.
 */
void	model_partition_sql(const struct model *m,
	    const struct model_partition *p, struct vbuf *out);

/* Frees n strings of v and v itself (NULL with n 0 is fine). */
void	model_strv_free(char **v, size_t n);

/*
 * Appends a storage parameter as a WITH or SET list item: name (each
 * part an identifier) = value as a literal; the name alone when value is
 * NULL (for RESET).
 */
void	model_put_param(struct vbuf *out, const char *name,
	    const char *value);

/* Appends "(a, b)": n column names, each quoted (model_render.c). */
void	model_put_columns(struct vbuf *out, char *const *cols, size_t n);

/* Appends "COMMENT ON what schema.name IS 'comment';\n" (model_render.c). */
void	model_put_comment(const struct model *m, struct vbuf *out,
	    const char *what, const char *name, const char *comment);

/* Appends " WITH (a = '1', b = '2')" for n > 0 parameters, else nothing. */
void	model_put_with(struct vbuf *out, const struct model_param *p,
	    size_t n);

/* Frees n indexes of v and v itself (NULL with n 0 is fine). */
void	model_indexes_free(struct model_index *v, size_t n);

/*
 * model_render.c: "CREATE [UNIQUE] INDEX ix ON schema.rel ...;\n" of
 * index ix of relation rel (a table or a materialized view).
 */
void	model_render_index(const struct model *m, const char *rel,
	    const struct model_index *ix, struct vbuf *out);

/* Frees n parameters of v and v itself (NULL with n 0 is fine). */
void	model_params_free(struct model_param *v, size_t n);

/*
 * model_view.c: the DDL of view v (CREATE VIEW, or with comment set its
 * COMMENT ON VIEW and COMMENT ON COLUMN, nothing when it has none),
 * appended to out; the views
 * written back as YAML; the views released.
 */
void	model_render_view(const struct model *m, const struct model_view *v,
	    int comment, struct vbuf *out);
void	model_views_free(struct model_view *v, size_t n);

/*
 * model_policy.c: the row level security DDL of m's tables (ALTER TABLE
 * ... ENABLE / FORCE ROW LEVEL SECURITY, CREATE POLICY, COMMENT ON
 * POLICY), done(arg, line, col) called after each statement; a table's
 * policies written back as YAML (at indent 4); released.
 */
void	model_render_policies(const struct model *m, struct vbuf *out,
	    void (*done)(void *, int, int), void *arg);
void	model_write_policies(const struct model_table *t, struct vbuf *out);
void	model_policies_free(struct model_policy *p, size_t n);

/*
 * model_function.c: the DDL of function f (CREATE FUNCTION or
 * PROCEDURE, or with comment set its COMMENT ON, nothing when it has
 * none), appended to out; the functions written back as YAML; the
 * functions released.
 */
void	model_render_function(const struct model *m,
	    const struct model_function *f, int comment, struct vbuf *out);
void	model_write_functions(const struct model *m, struct vbuf *out);
void	model_functions_free(struct model_function *f, size_t n);

/*
 * model_trigger.c: the words of a trigger's timing ("before", "after",
 * "instead of") and enabled state ("origin", "disabled", "replica",
 * "always"), NULL-terminated; the DDL of m's triggers (CREATE TRIGGER,
 * ALTER TABLE ... TRIGGER when not enabled on origin, COMMENT ON
 * TRIGGER), one statement per stmt() call; the triggers of table (or
 * view) tbl written back as YAML at indent; the triggers released.
 */
extern const char *const model_trg_timings[];
extern const char *const model_trg_enabled[];
void	model_render_triggers(const struct model *m, struct vbuf *out,
	    void (*stmt)(void *arg, int line, int col), void *arg);
void	model_write_triggers(const struct model *m, const char *tbl,
	    int indent, struct vbuf *out);
void	model_triggers_free(struct model_trigger *v, size_t n);

/* Lookups by exact name; NULL when absent.  Valid while m is. */
const struct model_table	*model_find_table(const struct model *m,
				    const char *name);
const struct model_column	*model_find_column(const struct model_table *t,
				    const char *name);
const struct model_enum		*model_find_enum(const struct model *m,
				    const char *name);

/*
 * The domain or composite type of m whose name type starts with (followed
 * by nothing or an array suffix), as a column, attribute or domain of m
 * names it; NULL when type names neither.  *len gets the name's length.
 */
const char	*model_user_type(const struct model *m, const char *type,
		    size_t *len);

/*
 * type (a column's, a domain's or an attribute's) as SQL: an enum, domain
 * or composite type of m schema-qualified, with its array suffix; a
 * built-in type as it is.
 */
void	model_render_type(struct vbuf *out, const struct model *m,
	    const char *type);

/*
 * Appends CREATE DOMAIN and CREATE TYPE ... AS (...) for m's domains and
 * composite types, each after the ones it uses, each followed by its
 * COMMENT ON; done(arg, line, col) is called after each statement.
 */
void	model_render_user_types(const struct model *m, struct vbuf *out,
	    void (*done)(void *, int, int), void *arg);

/* Releases m's domains and composite types (model_domain.c). */
void	model_domains_free(struct model *m);

/*
 * The integer type a serial column type stands for ("integer" for
 * "serial", ...), or NULL when type is not a serial type.
 */
const char	*model_serial_base(const char *type);

/*
 * PostgreSQL's makeObjectName(): "name1_name2_label" (name2 and label may
 * be NULL), the longer of name1 and name2 cut first so that the result has
 * at most MODEL_NAME_MAX bytes, never splitting a UTF-8 character.
 * Writes into out (MODEL_NAME_MAX + 1 bytes).
 */
void	model_make_name(char out[MODEL_NAME_MAX + 1], const char *name1,
	    const char *name2, const char *label);

/*
 * The name PostgreSQL gives an index key that is the expression expr
 * (FigureColname: "lower" for lower(email), "expr" when it has none) into
 * out.  Returns 0, or -1 when expr is not one SQL expression.
 */
int	model_expr_colname(const char *expr, char out[MODEL_NAME_MAX + 1]);

/*
 * The name the model would generate for constraint c / index ix of table
 * t if it had no name, before any numbering to avoid a taken name (that
 * is "t_a_check", never "t_a_check1").  For `verifier dump`: leave a name
 * out exactly when it equals this.  Writes into out.
 */
void	model_constraint_default_name(const struct model_table *t,
	    const struct model_constraint *c, char out[MODEL_NAME_MAX + 1]);
void	model_index_default_name(const struct model_table *t,
	    const struct model_index *ix, char out[MODEL_NAME_MAX + 1]);

/*
 * model_ext.c: the DDL that makes m's extensions in a scratch database
 * (CREATE SCHEMA IF NOT EXISTS for VF_EXTENSIONS_SCHEMA, as initdb/ does,
 * then CREATE EXTENSION IF NOT EXISTS ... SCHEMA for each), one statement
 * per stmt() call; nothing without extensions.
 */
void	model_ext_render(const struct model *m, struct vbuf *out,
	    void (*stmt)(void *arg, int line, int col), void *arg);

/* Releases m's extensions. */
void	model_ext_free(struct model *m);

/* What a grant is on: the words of the catalog's on_kind column. */
enum model_grant_on {
	MODEL_GRANT_SCHEMA = 0,
	MODEL_GRANT_TABLE,
	MODEL_GRANT_SEQUENCE,
	MODEL_GRANT_TYPE
};

/*
 * The privileges a grant on `on` may name, in PostgreSQL's order,
 * NULL-terminated (columns: those of a grant with a column list).
 */
const char *const *model_grant_privileges(enum model_grant_on on,
	    int columns);

/*
 * The name of the sequence PostgreSQL makes for serial or identity column
 * c of table t ("t_c_seq", or "t_c_seq1" when a relation made before the
 * table has that name: c->seq_name when the loader set it), into out.
 */
void	model_column_seq_name(const struct model_table *t,
	    const struct model_column *c, char out[MODEL_NAME_MAX + 1]);

/* Frees n grants of v and v itself. */
void	model_grants_free(struct model_grant *v, size_t n);

/*
 * Appends "GRANT privs [(cols)] ON <on> name TO role [WITH GRANT
 * OPTION];\n", name qualified by schema (the schema's own name for a
 * grant on the schema).
 */
void	model_grant_render(struct vbuf *out, enum model_grant_on on,
	    const char *schema, const char *name, const struct model_grant *g);

/*
 * Appends grants to out as key ("grants", "sequence_grants") of a model
 * file at indent (nothing when n is 0).
 */
void	model_grants_write(struct vbuf *out, int indent, const char *key,
	    const struct model_grant *g, size_t n);

#endif
