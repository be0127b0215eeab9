/*
 * model_expr.h: the SQL expressions of a model (defaults, generated
 * columns, checks, index keys and predicates), read with PostgreSQL's
 * scanner and parser through pgtree.h.  Internal to the model modules.
 */
#ifndef VERIFIER_MODEL_EXPR_H
#define VERIFIER_MODEL_EXPR_H

#include "model.h"
#include "pgtree.h"

/* An expression parsed as "SELECT (expr)": val is its node in t. */
struct model_expr {
	struct pgtree		 t;
	const PgQuery__Node	*val;
};

/*
 * Parses expr as exactly one SQL expression that stays one once wrapped
 * in parentheses (balanced, no ';', no "--" comment).  On success e holds
 * it (release with model_expr_free()).  -1 with msg set (PostgreSQL's
 * message, or what is wrong) and *pos (when not NULL) the 1-based
 * character position in expr that msg is about, 0 when none; e then
 * needs no release.
 */
int	model_expr_parse(const char *expr, struct model_expr *e, char *msg,
	    size_t msglen, int *pos);
void	model_expr_free(struct model_expr *e);

/*
 * The first schema other than schema and pg_catalog that the parsed
 * expr names (pgtree_node_foreign_schemas()), as a new string (the
 * caller frees it), or NULL; *pos the 1-based character position in expr
 * of the node that names it, 0 when unknown.
 */
char	*model_expr_foreign_schema(const struct model_expr *e,
	    const char *expr, const char *schema, int *pos);

/*
 * The label of an expression that is a string literal, possibly cast
 * ('a', 'a'::status), or NULL.  Valid while e is.
 */
const char *model_expr_literal_label(const struct model_expr *e);

/*
 * The one column of t that the expression expr refers to, or NULL when
 * it refers to none or to several or does not parse (PostgreSQL names a
 * check "t_col_check" or "t_check" by this rule).  Valid while t is.
 */
const char *model_expr_single_column(const struct model_table *t,
	    const char *expr);

#endif
