/*
 * expected_expr_int.h: what the parts of expected_expr.c share: the
 * types known there (expected_expr_type.c: their names, how their
 * constants and casts print).  Not for other modules: they use
 * expected_expr.h.
 */
#ifndef VERIFIER_EXPECTED_EXPR_INT_H
#define VERIFIER_EXPECTED_EXPR_INT_H

#include "expected_expr.h"

/* The types known here. */
enum xt {
	XT_NONE,
	XT_UNKNOWN,	/* a string literal, typed by its context */
	XT_INT2, XT_INT4, XT_INT8, XT_NUMERIC, XT_FLOAT4, XT_FLOAT8,
	XT_TEXT, XT_VARCHAR, XT_BPCHAR,
	XT_BOOL, XT_UUID, XT_JSON, XT_JSONB,
	XT_DATE, XT_TIMESTAMP, XT_TIMESTAMPTZ,
	XT_TEXTARR,
	XT_ENUM
};

/* A type: its kind, and the printed name of an enum. */
struct xtype {
	enum xt		 tid;
	const char	*ename;
	int		 mod;	/* a column's type with a type modifier */
};

/* format_type()'s name of t without type modifier ("?" if none). */
const char	*xt_printed(const struct xtype *t);

/* Whether a and b are the same type (modifiers aside). */
int		 xt_same(const struct xtype *a, const struct xtype *b);

/*
 * The type of a column printed as format_type() prints it, or written as
 * a model writes a built-in type (lower case, modifiers glued: "int",
 * "varchar(20)", "timestamptz"); kind 'e': an enum, a qualified name
 * (t->ename then points into type).  XT_NONE when not known.
 */
void		 xt_of_column(const char *type, char kind, struct xtype *t);

/* The type of pg_type's name ("int4", "varchar"), XT_NONE if not known. */
enum xt		 xt_of_internal(const char *name);

/*
 * '...' as ruleutils' simple_quote_literal() writes s, appended to b: 1,
 * or 0 (b unchanged) when a backslash or a control character makes the
 * form depend on a setting.
 */
int		 xt_put_literal(struct vbuf *b, const char *s);

/*
 * Whether s is an integer as its type's output function prints it: an
 * optional '-' and digits without leading zeros, within [lo, hi].
 */
int		 xt_canon_int(const char *s, long long lo, long long hi);

/*
 * The constant of type t that the string literal raw becomes, printed as
 * get_const_expr() prints it, appended to b: 1, or 0 when not known (the
 * type's input would refuse raw, or its output would rewrite it).
 */
int		 xt_const_print(const struct xtype *t, const char *raw,
		    struct vbuf *b);

/* The rank of a number type in the implicit cast chain, 0 if none. */
int		 xt_num_rank(enum xt tid);
int		 xt_is_int(enum xt tid);
int		 xt_is_float(enum xt tid);

/*
 * Whether an explicit cast from from to to is known here (PostgreSQL
 * shows it as "(v)::to").
 */
int		 xt_castable(enum xt from, enum xt to);

/*
 * Whether a value of type from is stored in a column of type to with an
 * assignment cast that pg_get_expr() does not show at the top of the
 * expression.
 */
int		 xt_assignable(enum xt from, enum xt to);

#endif
