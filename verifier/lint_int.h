/*
 * lint_int.h: what lint.c (the files, the tables they touch, silences,
 * the live database, findings) and the rules (lint_rules.c: statements
 * other than ALTER TABLE and the hygiene rules; lint_rules_alter.c: ALTER
 * TABLE) share.  Not for other modules.
 */
#ifndef VERIFIER_LINT_INT_H
#define VERIFIER_LINT_INT_H

#include "lint.h"
#include "pgtree.h"

/* A column type as the grammar spells it: pg_catalog.varchar(20). */
struct lint_type {
	int	known;
	char	base[64];	/* last part of the name: varchar, int4 */
	int	mods[2];
	int	nmods;
	int	array;
};

struct lint_col {
	char			*name;
	struct lint_type	 type;
	int			 notnull;
	int			 checked;	/* a validated CHECK (c IS NOT NULL) */
};

enum lint_origin {
	LINT_NEW,		/* created earlier in the file being linted */
	LINT_EARLIER,		/* created by an earlier file */
	LINT_LIVE,		/* in the live database */
};

struct lint_table {
	char			*name;		/* in the schema */
	enum lint_origin	 origin;
	int			 placeholder;	/* only named, never made */
	int			 sized;		/* rows and size known */
	double			 rows;
	long long		 bytes;
	char			*pretty;	/* pg_size_pretty of bytes */
	struct lint_col		*cols;
	size_t			 ncols;
};

/* A CHECK (col IS NOT NULL) constraint, or an index: name -> table. */
struct lint_named {
	char	*name;
	char	*table;
	char	*col;		/* checks: the column */
	int	 flag;		/* checks: validated; indexes: made in this file */
};

struct lint_silence {
	char	*rule;
	int	 line, col;
	int	 used;
};

struct lint_state {
	const char		*schema;
	PGconn			*conn;
	struct lint_result	*out;
	struct lint_table	*tables;
	size_t			 ntables;
	struct lint_named	*checks;
	size_t			 nchecks;
	struct lint_named	*indexes;
	size_t			 nindexes;
	struct pgtree_names	 volatile_funcs;	/* created volatile */
	struct pgtree_names	 safe_funcs;		/* created stable/immutable */
	/* The file: */
	const struct sqlfile	*f;
	int			 report;	/* 0 while reading ctx files */
	int			 transactional;
	struct pgtree_names	 enum_values;	/* ADD VALUE in this file */
	struct lint_named	*not_valid;	/* added NOT VALID in this file */
	size_t			 nnot_valid;
	int			 timeout_set;	/* SET lock_timeout seen */
	long			 timeout_ms;
	int			 timeout_reported;
	/* The statement: */
	const char		*sql;		/* its text, NUL-terminated */
	int			 line, col;
	struct lint_silence	*silences;
	size_t			 nsilences;
	const struct lint_table	*blocks;	/* locks out traffic on it */
	const char		*blocks_lock;
};

/*
 * Tables: lookup by a RangeVar of the schema (NULL for other schemas); a
 * table no file made and the live database lacks is added as existing.
 */
struct lint_table	*lint_table_of(struct lint_state *,
			    const PgQuery__RangeVar *rv);
struct lint_table	*lint_table_find(struct lint_state *, const char *name);
struct lint_table	*lint_table_add(struct lint_state *, const char *name);
void			 lint_table_drop(struct lint_state *, const char *name);
struct lint_col		*lint_col_find(struct lint_table *, const char *name);
struct lint_col		*lint_col_add(struct lint_table *, const char *name,
			    const PgQuery__TypeName *tn);
void			 lint_col_drop(struct lint_table *, const char *name);
/* Whether the RangeVar names a relation of the schema being linted. */
int			 lint_in_schema(const struct lint_state *,
			    const PgQuery__RangeVar *rv);

/* Checks and indexes by name (the list, name, table, col, flag). */
struct lint_named	*lint_named_find(struct lint_named *v, size_t n,
			    const char *name);
void			 lint_named_add(struct lint_named **v, size_t *n,
			    const char *name, const char *table,
			    const char *col, int flag);

void			 lint_named_drop(struct lint_named *v, size_t *n,
			    const char *name);

/* A type from a TypeName (unknown when NULL or odd). */
void	lint_type_of(const PgQuery__TypeName *tn, struct lint_type *t);
/* "varchar(20)", "bigint" into b, for messages (SQL's names). */
void	lint_type_str(const struct lint_type *t, struct vbuf *b);

/*
 * Reports a finding of rule for the current statement.  With table t:
 * nothing when t is new in this file; else a warning when the live
 * database says t is small, an error when it is big or its size is
 * unknown, and the size is said after what.  Without t: severity sev.
 * Nothing is reported while reading context files, nor when a silence
 * names rule.
 */
void	lint_report(struct lint_state *s, const char *rule,
	    const struct lint_table *t, enum lint_severity sev,
	    const char *fix, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/* The statement locks out traffic (lock) on t, when t is existing. */
void	lint_blocks(struct lint_state *s, const struct lint_table *t,
	    const char *lock);

/* The fix of the drop rules (a printf format of the rule's name). */
#define LINT_FIX_DROP	"first deploy code that no longer uses it; " \
	"then drop it, and say so with '-- verifier:allow %s <why it is " \
	"safe now>' right before the statement"

/* Whether a function (the last part of its name) is volatile. */
int	lint_func_volatile(struct lint_state *s, const char *name);

/* The rules of one statement (lint_rules.c). */
void	lint_rules_stmt(struct lint_state *s, const PgQuery__Node *stmt);
/* ALTER TABLE (lint_rules_alter.c). */
void	lint_rules_alter(struct lint_state *s,
	    const PgQuery__AlterTableStmt *a);
/* The hygiene rules of a column's type (lint_rules.c). */
void	lint_hygiene_type(struct lint_state *s, const char *table,
	    const char *col, const PgQuery__TypeName *tn);
/* The column that a CHECK expression says IS NOT NULL, or NULL. */
const char *lint_not_null_col(const PgQuery__Node *expr);
/* Appends a copy of name to names. */
void	lint_name_add(struct pgtree_names *names, const char *name);
/* The sval of a String node, or NULL. */
const char *lint_str(const PgQuery__Node *n);

#endif
