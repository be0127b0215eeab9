/*
 * expected_expr.h: PostgreSQL's printed form of a model expression, as
 * pg_get_expr() and pg_get_constraintdef() print it with search_path set
 * to pg_catalog, computed from libpg_query's parse tree and the types of
 * the columns it reads, for the forms whose printed text is known
 * (literals with their casts, now(), CURRENT_TIMESTAMP, nextval(...),
 * booleans, numbers, simple comparisons, ...).  Anything else is
 * declined, and the object goes to the server.
 *
 * What needs the catalog is not checked here: that a label is one of its
 * enum's ('x'::billing.status), that the sequence of nextval() exists.
 * The printed form is the server's when the server accepts the DDL; a
 * caller that cannot tell that (a label, a sequence not in the model)
 * must ask the server.  Literals that the column's type refuses ('x' for
 * an integer) are declined.
 */
#ifndef VERIFIER_EXPECTED_EXPR_H
#define VERIFIER_EXPECTED_EXPR_H

#include <stddef.h>

#include "util.h"

/*
 * A column an expression may read: its name and its printed type, and
 * kind 'e' when that type is an enum (pg_type.typtype; 0 when unknown:
 * a type of the model's own is then declined, since an enum's literal
 * prints 'a'::schema.type but a domain's prints 'a'::text).
 */
struct xp_column {
	const char	*name;
	const char	*type;	/* as format_type() prints it: "integer",
				   "numeric(12,2)", "text[]", "billing.status";
				   a built-in type also as a model writes it:
				   "int", "varchar(20)", "timestamptz" */
	char		 kind;
};

/*
 * The printed form of expr, a default of a column of type type (printed
 * as format_type() prints it), appended to out: 1, or 0 when not known
 * (out unchanged).
 */
int	xp_default(const char *expr, const char *type, struct vbuf *out);

/*
 * xp_default() for the column col (its name is not used): its kind 'e'
 * lets a literal of the column's enum be printed; schema, when not NULL,
 * the model's schema (first on the search_path of its DDL) lets
 * nextval('seq') name schema's sequence.
 */
int	xp_default_col(const char *expr, const struct xp_column *col,
	    const char *schema, struct vbuf *out);

/*
 * The printed form of a check's expression over the columns cols, as the
 * catalog's check_expr prints it (pg_get_expr of conbin), appended to
 * out: 1, or 0 when not known (out unchanged).
 */
int	xp_check(const char *expr, const struct xp_column *cols, size_t ncols,
	    struct vbuf *out);

/*
 * The check's definition as the catalog's def prints it
 * (pg_get_constraintdef() of a valid, inheritable check):
 * "CHECK (" check_expr ")" appended to out: 1, or 0 when not known.
 */
int	xp_check_def(const char *expr, const struct xp_column *cols,
	    size_t ncols, struct vbuf *out);

/*
 * The check of a domain over base (its type and kind; its name is not
 * used), which reads the value as VALUE, appended to out as the catalog's
 * domain check_expr prints it (pg_get_expr of conbin: "(VALUE > 0)"), or
 * with def as its def ("CHECK ((VALUE > 0))"): 1, or 0 when not known.
 * A domain's default is xp_default_col() over its base type.
 */
int	xp_domain_check(const char *expr, const struct xp_column *base,
	    int def, struct vbuf *out);

/*
 * The predicate of a partial index, as the catalog's where_expr prints it
 * (pg_get_expr of indpred: the form of xp_check()), appended to out: 1,
 * or 0 when not known (a bare constant, WHERE true, is declined: it
 * stores no predicate).
 */
int	xp_index_where(const char *expr, const struct xp_column *cols,
	    size_t ncols, struct vbuf *out);

/*
 * An index key expression over cols, appended to out: with pretty, as
 * the catalog's index key expr prints it (pg_get_indexdef(i, k, true):
 * "lower(email::text)", "(data ->> 'k'::text)"); without, as the key is
 * printed inside pg_get_indexdef(i) ("lower((email)::text)",
 * "((data ->> 'k'::text))").  1, or 0 when not known.  Known: lower,
 * upper, btrim, length, char_length of a text or varchar column (length
 * and char_length of a character(n) one), and json/jsonb ->> and -> with
 * a string or non-negative integer key.
 */
int	xp_index_expr(const char *expr, const struct xp_column *cols,
	    size_t ncols, int pretty, struct vbuf *out);

#endif
