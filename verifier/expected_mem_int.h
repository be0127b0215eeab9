/*
 * expected_mem_int.h: what the files of the in-memory expected catalog
 * (expected_mem*.c) share: the build's state, a set of names, the rows'
 * writer and the decline.  Internal to them.
 */
#ifndef VERIFIER_EXPECTED_MEM_INT_H
#define VERIFIER_EXPECTED_MEM_INT_H

#include <stdarg.h>

#include "expected.h"

/* A set of names (open addressing, a power of two slots), each with an
   int value. */
struct xm_names {
	char	**keys;
	int	 *vals;
	size_t	  n, nslots;
};

/* What the build knows of a column once its type is printed. */
struct xm_col {
	char	*type;		/* as format_type() prints it */
	char	*full;		/* type and " COLLATE x" when not the type's */
	const char *coll;	/* its collation: "default" or the model's */
	int	 user;		/* XM_* of its element type, 0 built-in */
	char	*seq;		/* its serial or identity sequence, or NULL */
	int	 not_null;
};

struct xm_ctx {
	const struct model	*m;
	struct catalog		*cat;
	char			*why;
	size_t			 whylen;
	char			*qschema;	/* quote_ident(schema) */
	struct xm_names		 tables;	/* name -> index in m->tables */
	struct xm_names		 types;		/* enums, domains, composite
						   types -> XM_* */
	struct xm_names		 rels;		/* relations made so far */
	struct xm_names		 seqtab;	/* sequence -> 1 + the table
						   that makes it, 0 standalone */
	size_t			*dep_slots;	/* CATALOG_DEPS rows by hash */
	size_t			 dep_nslots;
	struct xm_col		**cols;		/* per table, per column */
	struct expected_decline	*decl;		/* or NULL */
};

/* Records what is declined: an object of table (xm_ctx.decl). */
void	xm_decline_at(struct xm_ctx *x, int kind, const char *table,
	    const char *name);

/* Sets why to the formatted text; returns 0 (the model is declined). */
int	xm_decline(struct xm_ctx *x, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Adds a row to set: its cells are the set's columns, in order, each
 * copied (NULL for SQL NULL).  n must be the set's number of columns.
 */
void	xm_row(struct xm_ctx *x, enum catalog_set_id set,
	    const char *const *cells, size_t n);

/* A CATALOG_DEPS row. */
void	xm_dep(struct xm_ctx *x, const char *kind, const char *name,
	    const char *col, const char *deptype, const char *ref_kind,
	    const char *ref_name, const char *ref_col);

/* The set: value of name, or -1; adding keeps the first value. */
int	xm_names_get(const struct xm_names *s, const char *name);
void	xm_names_put(struct xm_names *s, const char *name, int val);
void	xm_names_free(struct xm_names *s);

/* The comment as obj_description() gives it: NULL for none or "". */
const char *xm_comment(const char *comment);

/* What a relation name is, as xm_ctx.rels keeps it. */
enum { REL_TABLE = 1, REL_SEQUENCE, REL_INDEX, REL_COMPOSITE };

/* What a type name of the model is (xm_ctx.types). */
enum { XM_ENUM = 1, XM_DOMAIN, XM_COMPOSITE };

/*
 * A type as a column, a domain or an attribute of the model names it
 * ("varchar(20)", "status[]", a domain's name), as format_type() prints
 * it, appended to out, *user set to its element's XM_* kind when it is a
 * type of the model (0 for a built-in one): 1, or 0 when it is not one
 * whose printed form is known.  xm_format_type() is a column's type (a
 * serial type as its integer type).  expected_mem_type.c.
 */
int	xm_format_typestr(const struct xm_ctx *x, const char *type,
	    struct vbuf *out, int *user);
int	xm_format_type(const struct xm_ctx *x, const struct model_column *c,
	    struct vbuf *out, int *user);

/* The kind of a type of the model as CATALOG_DEPS names it. */
const char *xm_type_kind(int user);

/*
 * Whether a type (printed) has a default operator class for index
 * method (btree, hash, gin, gist) that the build knows: 1 or 0.
 */
int	xm_type_indexable(const char *type, const char *method);

/* Whether a collation is one the build prints: one every server has
   ("C", "POSIX", "ucs_basic", "default"). */
int	xm_known_collation(const char *coll);

/* Whether a printed type takes a collation (text, varchar, ...). */
int	xm_type_collatable(const char *type);

/*
 * The n storage parameters p of a table (on "table") or of an index (on
 * its method): reloptions' text ("name=value" sorted, one a line) into
 * lines and pg_get_indexdef()'s list ("name='value', ...") into with; 1,
 * or 0 when one is not a parameter whose stored form the build knows.
 * expected_mem_storage.c.
 */
int	xm_params(const struct model_param *p, size_t n, const char *on,
	    struct vbuf *lines, struct vbuf *with);

/*
 * The printed form of src, a check, predicate or policy expression of
 * table ti, into out (xp_check() over the table's columns): 1, or 0.
 */
int	xm_print_expr(struct xm_ctx *x, size_t ti, const char *src,
	    struct vbuf *out);

/*
 * The columns of t that expression src reads, marked in seen (one char
 * per column): 1, or 0 when it does not parse, reads something else or
 * has a subquery.  expected_mem_con.c.
 */
int	xm_expr_columns(const struct model_table *t, const char *src,
	    char *seen);

/* A sequence's options resolved as CREATE SEQUENCE resolves them, with
   its type's bounds (expected_mem_seq.c). */
struct xm_seq {
	long long	start, inc, min, max, cache, lo, hi;
	int		cycle;
};

/* o resolved for a sequence of type: 1, or 0 when the server would
   reject them. */
int	xm_seq_resolve(const char *type, const struct model_seq_opts *o,
	    struct xm_seq *s);

/* A CATALOG_SEQUENCES row. */
void	xm_seq_row(struct xm_ctx *x, const char *name, const char *type,
	    const struct xm_seq *s, const char *owned_tbl,
	    const char *owned_col, const char *comment);

/* "start increment min max cache cycle" of an identity's sequence, min
   or max "-" at the type's bound (catalog.c's identity_opts), into out. */
void	xm_identity_opts(const struct xm_seq *s, struct vbuf *out);

/* nextval('schema.seq'::regclass), as pg_get_expr() prints it. */
void	xm_nextval(struct xm_ctx *x, const char *seq, struct vbuf *out);

/*
 * The parts of the catalog: each 1, or 0 with the model declined
 * (expected_mem_con.c, expected_mem_grant.c).
 */
int	xm_constraints(struct xm_ctx *x);
int	xm_indexes(struct xm_ctx *x);
int	xm_grants(struct xm_ctx *x);
int	xm_policies(struct xm_ctx *x, size_t ti);
int	xm_user_types(struct xm_ctx *x);
int	xm_enums(struct xm_ctx *x);
int	xm_sequences(struct xm_ctx *x);

/*
 * The dependencies of a printed expression (a column's default, a
 * check's) on objects of the schema, as CATALOG_DEPS rows of (kind,
 * name, col): a sequence of nextval('s'::regclass), a type of the model
 * of a cast; 1, or 0 when it names the schema otherwise, or a sequence
 * not made yet when the expression is: made by table upto - 1 (one of
 * its serial or identity columns, or of a table before it) or before
 * (a standalone one; upto 0: only those, and only enums for types).
 */
int	xm_expr_deps(struct xm_ctx *x, const char *expr, const char *kind,
	    const char *name, const char *col, size_t upto);

#endif
