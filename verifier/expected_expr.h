/*
 * expected_expr.h: PostgreSQL's printed form of a model expression, as
 * pg_get_expr() and pg_get_constraintdef() print it with search_path set
 * to pg_catalog, computed from libpg_query's parse tree and the types of
 * the columns it reads, for the forms whose printed text is known
 * (literals with their casts, now(), CURRENT_TIMESTAMP, nextval(...),
 * booleans, numbers, simple comparisons, ...).  Anything else is
 * declined, and the object goes to the server.
 */
#ifndef VERIFIER_EXPECTED_EXPR_H
#define VERIFIER_EXPECTED_EXPR_H

#include <stddef.h>

#include "util.h"

/* A column an expression may read: its name and its printed type. */
struct xp_column {
	const char	*name;
	const char	*type;	/* as format_type() prints it: "integer",
				   "numeric(12,2)", "text[]", "billing.status" */
};

/*
 * The printed form of expr, a default of a column of type type (printed
 * as format_type() prints it), appended to out: 1, or 0 when not known
 * (out unchanged).
 */
int	xp_default(const char *expr, const char *type, struct vbuf *out);

/*
 * The printed form of a check's expression over the columns cols, as the
 * catalog's check_expr prints it (pg_get_expr of conbin), appended to
 * out: 1, or 0 when not known (out unchanged).
 */
int	xp_check(const char *expr, const struct xp_column *cols, size_t ncols,
	    struct vbuf *out);

#endif
