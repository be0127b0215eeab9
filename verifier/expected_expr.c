/*
 * expected_expr.c: the printed form of model expressions
 * (expected_expr.h).
 *
 * PostgreSQL stores a default or a check as the parse analyser leaves
 * it: literals typed, implicit casts added, operators chosen; pg_get_expr
 * prints that tree back (ruleutils.c, without pretty flags: every
 * operator, AND/OR/NOT and NULL test in parentheses, an implicit cast
 * shown as "(x)::type" except at the top of the expression).  This file
 * does that analysis for a small set of types, literals, functions and
 * operators whose result is known (proved against the server by
 * tests/integration/25_expected_expr.sh) and declines everything else.
 * The types, their constants and casts are in expected_expr_type.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_expr_int.h"
#include "model_expr.h"



/* A value: its type and its printed form. */
struct xval {
	struct xtype	 t;
	int		 array;	/* an array of t */
	const char	*raw;	/* XT_UNKNOWN: the literal's text */
	struct vbuf	 s;
};

/*
 * What an expression may read: columns, or a domain's VALUE; the schema
 * first on the search_path of the DDL (NULL: not known).
 */
struct xctx {
	const struct xp_column	*cols;
	size_t			 ncols;
	const struct xp_column	*value;
	const char		*schema;
};

static int	xp_eval(const PgQuery__Node *, const struct xctx *,
		    struct xval *);
static int	eval_binary(const PgQuery__Node *, const char *,
		    const PgQuery__Node *, const struct xctx *, struct xval *);













static void
xv_init(struct xval *v)
{
	memset(v, 0, sizeof(*v));
	vbuf_init(&v->s);
}

static void
xv_free(struct xval *v)
{
	vbuf_free(&v->s);
}

/* Types v (a string literal) as t: 1, or 0 when not known. */
static int
xv_type_literal(struct xval *v, const struct xtype *t)
{
	vbuf_reset(&v->s);
	if (!xt_const_print(t, v->raw, &v->s))
		return (0);
	v->t = *t;
	return (1);
}

/*
 * v coerced implicitly to t inside an expression: a literal becomes a
 * constant of t, anything else is shown cast, "(v)::t".
 */
static int
xv_coerce(struct xval *v, const struct xtype *t)
{
	struct vbuf	 c;

	if (v->t.tid == XT_UNKNOWN)
		return (xv_type_literal(v, t));
	if (xt_same(&v->t, t))
		return (1);
	vbuf_init(&c);
	vbuf_appendf(&c, "(%s)::%s%s", v->s.data, xt_printed(t),
	    v->array ? "[]" : "");
	vbuf_free(&v->s);
	v->s = c;
	v->t = *t;
	v->t.mod = 0;
	return (1);
}




/* The String of a one-part name, or of pg_catalog.name; else NULL. */
static const char *
catalog_name(PgQuery__Node *const *names, size_t n)
{
	if (n == 2 && names[0]->node_case == PG_QUERY__NODE__NODE_STRING &&
	    strcmp(names[0]->string->sval, "pg_catalog") == 0) {
		names++;
		n--;
	}
	if (n != 1 || names[0]->node_case != PG_QUERY__NODE__NODE_STRING)
		return (NULL);
	return (names[0]->string->sval);
}

/* The type a cast names, from what ctx knows; XT_NONE when not known. */
static void
xt_of_typename(const PgQuery__TypeName *tn, const struct xctx *ctx,
    struct xtype *t)
{
	const char	*name;
	struct vbuf	 q;
	size_t		 i;

	t->tid = XT_NONE;
	t->ename = NULL;
	t->mod = 0;
	if (tn == NULL || tn->setof || tn->pct_type || tn->n_typmods > 0 ||
	    tn->n_names == 0)
		return;
	if ((name = catalog_name(tn->names, tn->n_names)) != NULL) {
		if (tn->n_array_bounds == 1 && strcmp(name, "text") == 0 &&
		    tn->array_bounds[0]->node_case ==
		    PG_QUERY__NODE__NODE_INTEGER &&
		    tn->array_bounds[0]->integer->ival == -1) {
			t->tid = XT_TEXTARR;
			return;
		}
		if (tn->n_array_bounds > 0)
			return;
		if ((t->tid = xt_of_internal(name)) != XT_NONE)
			return;
		/* Another one-part name is the model schema's type (the
		   DDL's search_path); a pg_catalog one is not known. */
		if (tn->n_names != 1 || ctx->schema == NULL)
			return;
	}
	/* schema.enum, as the enum of a column prints. */
	if (tn->n_array_bounds > 0 || tn->n_names > 2 ||
	    tn->names[0]->node_case != PG_QUERY__NODE__NODE_STRING ||
	    tn->names[tn->n_names - 1]->node_case !=
	    PG_QUERY__NODE__NODE_STRING)
		return;
	vbuf_init(&q);
	vf_quote_ident(&q, tn->n_names == 2 ? tn->names[0]->string->sval :
	    ctx->schema);
	vbuf_putc(&q, '.');
	vf_quote_ident(&q, tn->names[tn->n_names - 1]->string->sval);
	for (i = 0; i < ctx->ncols; i++)
		if (ctx->cols[i].kind == 'e' && ctx->cols[i].type != NULL &&
		    strcmp(ctx->cols[i].type, q.data) == 0) {
			xt_of_column(ctx->cols[i].type, 'e', t);
			break;
		}
	vbuf_free(&q);
}

/* An A_Const: 1, or 0 when not known (NULL, bit strings). */
static int
eval_const(const PgQuery__AConst *c, struct xval *v)
{
	const char	*f;

	if (c->isnull)
		return (0);
	switch (c->val_case) {
	case PG_QUERY__A__CONST__VAL_IVAL:
		v->t.tid = XT_INT4;
		if (c->ival->ival >= 0)
			vbuf_appendf(&v->s, "%d", (int)c->ival->ival);
		else
			vbuf_appendf(&v->s, "'%d'::integer",
			    (int)c->ival->ival);
		return (1);
	case PG_QUERY__A__CONST__VAL_FVAL:
		/* Digits too large for int4 (int8 when they fit), or a
		   number with '.' (numeric); exponents are declined. */
		f = c->fval->fval;
		if (f == NULL)
			return (0);
		if (strchr(f, '.') == NULL) {
			/* make_const(): int4 when it fits (-2147483648). */
			v->t.tid = xt_canon_int(f, -2147483647LL - 1,
			    2147483647LL) ? XT_INT4 : XT_INT8;
			return (xt_const_print(&v->t, f, &v->s));
		}
		v->t.tid = XT_NUMERIC;
		return (xt_const_print(&v->t, f, &v->s));
	case PG_QUERY__A__CONST__VAL_BOOLVAL:
		v->t.tid = XT_BOOL;
		vbuf_puts(&v->s, c->boolval->boolval ? "true" : "false");
		return (1);
	case PG_QUERY__A__CONST__VAL_SVAL:
		v->t.tid = XT_UNKNOWN;
		v->raw = c->sval->sval != NULL ? c->sval->sval : "";
		return (1);
	default:
		return (0);
	}
}

/*
 * The argument of nextval(): 'schema.name' as regclass prints it with
 * search_path = pg_catalog (qualified, each part quote_identifier()ed);
 * an unqualified 'name' is schema's (the model's DDL runs with its schema
 * first on the search_path), declined when schema is NULL.
 */
static int
regclass_print(const char *raw, const char *schema, struct vbuf *b)
{
	char		 part[2][64];
	const char	*p = raw;
	size_t		 n, k;
	int		 i, nparts = 0;

	for (i = 0; i < 2; i++) {
		n = 0;
		if (*p == '"') {
			for (p++; *p != '"' && *p != '\0'; p++)
				if (n < sizeof(part[i]) - 1)
					part[i][n++] = *p;
				else
					return (0);
			if (*p++ != '"')
				return (0);
		} else {
			if (!isalpha((unsigned char)*p) && *p != '_')
				return (0);
			for (; isalnum((unsigned char)*p) || *p == '_'; p++)
				if (n < sizeof(part[i]) - 1)
					part[i][n++] = (char)tolower(
					    (unsigned char)*p);
				else
					return (0);
		}
		if (n == 0)
			return (0);
		part[i][n] = '\0';
		nparts++;
		if (*p != '.')
			break;
		p++;
	}
	if (*p != '\0')
		return (0);
	if (nparts == 1) {
		if (schema == NULL || strlen(schema) >= sizeof(part[1]))
			return (0);
		memcpy(part[1], part[0], sizeof(part[1]));
		snprintf(part[0], sizeof(part[0]), "%s", schema);
	}
	if (strcmp(part[0], "pg_catalog") == 0)
		return (0);
	for (i = 0; i < 2; i++)
		for (k = 0; part[i][k] != '\0'; k++)
			if (part[i][k] == '\'' || part[i][k] == '\\')
				return (0);
	vbuf_puts(b, "nextval('");
	vf_quote_ident(b, part[0]);
	vbuf_putc(b, '.');
	vf_quote_ident(b, part[1]);
	vbuf_puts(b, "'::regclass)");
	return (1);
}

/* A function call: 1, or 0 when not known. */
static int
eval_func(const PgQuery__FuncCall *f, const struct xctx *ctx,
    struct xval *v)
{
	static const char *const noargs[] = { "now", "clock_timestamp",
	    "statement_timestamp", "transaction_timestamp" };
	const PgQuery__Node	*a;
	const char		*name;
	struct xtype		 text = { XT_TEXT, NULL, 0 };
	struct xval		 arg;
	size_t			 i;
	int			 ok = 0;

	if (f->n_agg_order > 0 || f->agg_filter != NULL || f->over != NULL ||
	    f->agg_within_group || f->agg_star || f->agg_distinct ||
	    f->func_variadic ||
	    f->funcformat != PG_QUERY__COERCION_FORM__COERCE_EXPLICIT_CALL ||
	    (name = catalog_name(f->funcname, f->n_funcname)) == NULL)
		return (0);
	if (f->n_args == 0) {
		for (i = 0; i < sizeof(noargs) / sizeof(noargs[0]); i++)
			if (strcmp(name, noargs[i]) == 0) {
				v->t.tid = XT_TIMESTAMPTZ;
				vbuf_appendf(&v->s, "%s()", name);
				return (1);
			}
		if (strcmp(name, "gen_random_uuid") == 0) {
			v->t.tid = XT_UUID;
			vbuf_puts(&v->s, "gen_random_uuid()");
			return (1);
		}
		return (0);
	}
	if (f->n_args != 1)
		return (0);
	a = f->args[0];
	if (strcmp(name, "nextval") == 0) {
		if (a->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
			if (a->type_cast->type_name == NULL ||
			    a->type_cast->arg == NULL)
				return (0);
			name = catalog_name(a->type_cast->type_name->names,
			    a->type_cast->type_name->n_names);
			if (name == NULL || strcmp(name, "regclass") != 0 ||
			    a->type_cast->type_name->n_typmods > 0 ||
			    a->type_cast->type_name->n_array_bounds > 0)
				return (0);
			a = a->type_cast->arg;
		}
		if (a->node_case != PG_QUERY__NODE__NODE_A_CONST ||
		    a->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
		    a->a_const->sval->sval == NULL ||
		    !regclass_print(a->a_const->sval->sval, ctx->schema,
		    &v->s))
			return (0);
		v->t.tid = XT_INT8;
		return (1);
	}
	/* Functions of one text: a varchar argument is cast to text, a
	   character(n) one has length() and char_length() of its own. */
	xv_init(&arg);
	if (!xp_eval(a, ctx, &arg) || arg.t.tid == XT_UNKNOWN)
		goto done;
	if (strcmp(name, "length") == 0 || strcmp(name, "char_length") == 0)
		v->t.tid = XT_INT4;
	else if (strcmp(name, "lower") == 0 || strcmp(name, "upper") == 0 ||
	    strcmp(name, "btrim") == 0)
		v->t.tid = XT_TEXT;
	else
		goto done;
	if (arg.t.tid == XT_VARCHAR)
		xv_coerce(&arg, &text);
	else if (arg.t.tid != XT_TEXT &&
	    !(arg.t.tid == XT_BPCHAR && v->t.tid == XT_INT4))
		goto done;
	vbuf_appendf(&v->s, "%s(%s)", name, arg.s.data);
	ok = 1;
done:
	xv_free(&arg);
	return (ok);
}

/* CURRENT_DATE, CURRENT_TIMESTAMP[(n)], LOCALTIMESTAMP[(n)]. */
static int
eval_svf(const PgQuery__SQLValueFunction *f, struct xval *v)
{
	switch (f->op) {
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
		v->t.tid = XT_DATE;
		vbuf_puts(&v->s, "CURRENT_DATE");
		return (1);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
		v->t.tid = XT_TIMESTAMPTZ;
		vbuf_puts(&v->s, "CURRENT_TIMESTAMP");
		return (1);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
		v->t.tid = XT_TIMESTAMPTZ;
		vbuf_appendf(&v->s, "CURRENT_TIMESTAMP(%d)", (int)f->typmod);
		return (f->typmod >= 0 && f->typmod <= 6);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
		v->t.tid = XT_TIMESTAMP;
		vbuf_puts(&v->s, "LOCALTIMESTAMP");
		return (1);
	case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
		v->t.tid = XT_TIMESTAMP;
		vbuf_appendf(&v->s, "LOCALTIMESTAMP(%d)", (int)f->typmod);
		return (f->typmod >= 0 && f->typmod <= 6);
	default:
		return (0);
	}
}

/*
 * The operator of two values l and r, as the parser chooses it among the
 * types known here: both coerced to the operator's argument types.
 * pattern: a text-only operator (~, LIKE, ...).  1, or 0 when not known.
 */
static int
resolve_binary(struct xval *l, struct xval *r, int pattern)
{
	struct xtype	 text = { XT_TEXT, NULL, 0 }, f8 = { XT_FLOAT8, NULL, 0 };
	struct xtype	 num = { XT_NUMERIC, NULL, 0 };
	struct xval	*a, *b;
	int		 i;

	if (l->t.tid == XT_UNKNOWN && r->t.tid == XT_UNKNOWN)
		return (0);
	if (pattern) {
		for (i = 0; i < 2; i++) {
			a = i == 0 ? l : r;
			if (a->t.tid != XT_TEXT && a->t.tid != XT_VARCHAR &&
			    a->t.tid != XT_UNKNOWN)
				return (0);
			if (!xv_coerce(a, &text))
				return (0);
		}
		return (1);
	}
	/* A literal takes the type of the other side (text for varchar,
	   which has no operators of its own). */
	for (i = 0; i < 2; i++) {
		a = i == 0 ? l : r;
		b = i == 0 ? r : l;
		if (a->t.tid != XT_UNKNOWN)
			continue;
		if (b->t.tid == XT_VARCHAR && !xv_coerce(b, &text))
			return (0);
		/* json has no equality; arrays are left out here. */
		if (b->t.tid == XT_JSON || b->t.tid == XT_TEXTARR)
			return (0);
		return (xv_type_literal(a, &b->t));
	}
	if (xt_num_rank(l->t.tid) != 0 && xt_num_rank(r->t.tid) != 0) {
		/* Integers compare across widths; floats take the rest as
		   double precision, numeric takes integers. */
		if (xt_is_int(l->t.tid) && xt_is_int(r->t.tid))
			return (1);
		if (xt_is_float(l->t.tid) || xt_is_float(r->t.tid)) {
			for (i = 0; i < 2; i++) {
				a = i == 0 ? l : r;
				if (!xt_is_float(a->t.tid))
					xv_coerce(a, &f8);
			}
			return (1);
		}
		for (i = 0; i < 2; i++) {
			a = i == 0 ? l : r;
			if (xt_is_int(a->t.tid))
				xv_coerce(a, &num);
		}
		return (1);
	}
	if ((l->t.tid == XT_TEXT || l->t.tid == XT_VARCHAR) &&
	    (r->t.tid == XT_TEXT || r->t.tid == XT_VARCHAR)) {
		xv_coerce(l, &text);
		xv_coerce(r, &text);
		return (1);
	}
	switch (l->t.tid) {
	case XT_BPCHAR:
	case XT_BOOL:
	case XT_UUID:
	case XT_JSONB:
	case XT_DATE:
	case XT_TIMESTAMP:
	case XT_TIMESTAMPTZ:
	case XT_ENUM:
		return (xt_same(&l->t, &r->t));
	default:
		return (0);
	}
}

static const char *const cmp_ops[] = { "=", "<>", "<", "<=", ">", ">=",
    NULL };
static const char *const pattern_ops[] = { "~", "~*", "!~", "!~*", "~~",
    "!~~", "~~*", "!~~*", NULL };
static const char *const arith_ops[] = { "+", "-", "*", "/", "%", "||",
    NULL };

/* Whether op is one of ops (NULL-terminated). */
static int
op_in(const char *op, const char *const *ops)
{
	for (; *ops != NULL; ops++)
		if (strcmp(op, *ops) == 0)
			return (1);
	return (0);
}

/*
 * The common type of n values, select_common_type() over the types known
 * here, starting from start when not NULL: integers and numeric widen to
 * the widest, text and varchar keep the first (each casts to the other
 * implicitly), anything else must be the same; literals take the result,
 * text when all are literals.  1, or 0 when there is none known here.
 */
static int
common_type(const struct xtype *start, const struct xval *v, size_t n,
    struct xtype *common)
{
	size_t	i;
	int	have = 0;

	common->tid = XT_TEXT;
	common->ename = NULL;
	if (start != NULL) {
		*common = *start;
		have = 1;
	}
	for (i = 0; i < n; i++) {
		if (v[i].t.tid == XT_UNKNOWN)
			continue;
		if (!have) {
			*common = v[i].t;
			have = 1;
		} else if (xt_num_rank(common->tid) != 0 &&
		    xt_num_rank(v[i].t.tid) != 0 && !xt_is_float(common->tid) &&
		    !xt_is_float(v[i].t.tid)) {
			if (xt_num_rank(v[i].t.tid) > xt_num_rank(common->tid))
				*common = v[i].t;
		} else if (!xt_same(&v[i].t, common) &&
		    !((common->tid == XT_TEXT || common->tid == XT_VARCHAR) &&
		    (v[i].t.tid == XT_TEXT || v[i].t.tid == XT_VARCHAR)))
			return (0);
	}
	common->mod = 0;
	switch (common->tid) {
	case XT_INT2: case XT_INT4: case XT_INT8: case XT_NUMERIC:
	case XT_TEXT: case XT_VARCHAR: case XT_BPCHAR: case XT_ENUM:
		return (1);
	default:
		return (0);
	}
}

/* "ARRAY[v...]" with each v coerced to t, appended to b: 1, or 0. */
static int
put_array(struct xval *v, size_t n, const struct xtype *t, struct vbuf *b)
{
	size_t	i;

	vbuf_puts(b, "ARRAY[");
	for (i = 0; i < n; i++) {
		if (!xv_coerce(&v[i], t))
			return (0);
		vbuf_appendf(b, "%s%s", i > 0 ? ", " : "", v[i].s.data);
	}
	vbuf_putc(b, ']');
	return (1);
}

/* n values, initialised. */
static struct xval *
xv_array(size_t n)
{
	struct xval	*v;
	size_t		 i;

	v = xcalloc(n, sizeof(*v));
	for (i = 0; i < n; i++)
		xv_init(&v[i]);
	return (v);
}

static void
xv_array_free(struct xval *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		xv_free(&v[i]);
	free(v);
}


/*
 * An array operand of ANY / ALL: ARRAY[...] (its elements of their common
 * type), or ARRAY[...]::text[] (each element cast to text, as the parser
 * does with a cast of an ARRAY[] constructor).  v->array is set and v->t
 * is the element type.  1, or 0 when not known.
 */
static int
eval_array(const PgQuery__Node *node, const struct xctx *ctx,
    struct xval *v)
{
	const PgQuery__AArrayExpr	*a;
	struct xtype			 t, text = { XT_TEXT, NULL, 0 };
	struct xval			*it;
	size_t				 i, n;
	int				 ok = 0, cast = 0;

	if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
		xt_of_typename(node->type_cast->type_name, ctx, &t);
		if (t.tid != XT_TEXTARR || node->type_cast->arg == NULL)
			return (0);
		node = node->type_cast->arg;
		cast = 1;
	}
	if (node->node_case != PG_QUERY__NODE__NODE_A_ARRAY_EXPR ||
	    (n = (a = node->a_array_expr)->n_elements) == 0)
		return (0);
	it = xv_array(n);
	for (i = 0; i < n; i++)
		if (!xp_eval(a->elements[i], ctx, &it[i]) ||
		    (cast && it[i].t.tid != XT_UNKNOWN &&
		    !xt_castable(it[i].t.tid, XT_TEXT)))
			goto done;
	if (cast)
		t = text;
	else if (!common_type(NULL, it, n, &t))
		goto done;
	if (!put_array(it, n, &t, &v->s))
		goto done;
	v->t = t;
	v->array = 1;
	ok = 1;
done:
	xv_array_free(it, n);
	return (ok);
}

/* x op ANY (array) / x op ALL (array), op a comparison. */
static int
eval_any(const PgQuery__AExpr *e, const char *op, const struct xctx *ctx,
    struct xval *v)
{
	struct xval	l, r;
	int		ok = 0;

	xv_init(&l);
	xv_init(&r);
	if (e->lexpr != NULL && e->rexpr != NULL && op_in(op, cmp_ops) &&
	    xp_eval(e->lexpr, ctx, &l) && l.t.tid != XT_UNKNOWN &&
	    eval_array(e->rexpr, ctx, &r) && resolve_binary(&l, &r, 0)) {
		vbuf_appendf(&v->s, "(%s %s %s (%s))", l.s.data, op,
		    e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY ? "ANY" :
		    "ALL", r.s.data);
		v->t.tid = XT_BOOL;
		ok = 1;
	}
	xv_free(&l);
	xv_free(&r);
	return (ok);
}

/*
 * x IN (a, b, ...) / NOT IN: one item is a plain comparison; more become
 * "(x = ANY (ARRAY[...]))" / "(x <> ALL (ARRAY[...]))" over the common
 * type of x and the items (select_common_type()).
 */
static int
eval_in(const PgQuery__Node *ln, const char *op, const PgQuery__List *items,
    const struct xctx *ctx, struct xval *v)
{
	struct xtype	 common, text = { XT_TEXT, NULL, 0 };
	struct xval	 l, *it;
	struct vbuf	 arr;
	size_t		 i, n = items->n_items;
	int		 ok = 0;

	if (n == 1)
		return (eval_binary(ln, op, items->items[0], ctx, v));
	if (n == 0)
		return (0);
	xv_init(&l);
	vbuf_init(&arr);
	it = xv_array(n);
	if (!xp_eval(ln, ctx, &l) || l.t.tid == XT_UNKNOWN)
		goto done;
	/* Only constants: a column among the items is compared on its
	   own. */
	for (i = 0; i < n; i++)
		if (items->items[i]->node_case != PG_QUERY__NODE__NODE_A_CONST
		    || !xp_eval(items->items[i], ctx, &it[i]))
			goto done;
	if (!common_type(&l.t, it, n, &common))
		goto done;
	/* The items are of the common type; x keeps its own where an
	   operator takes both (integers of any width), else is cast. */
	if (!(xt_is_int(l.t.tid) && xt_is_int(common.tid)) &&
	    common.tid != XT_VARCHAR && !xv_coerce(&l, &common))
		goto done;
	if (!put_array(it, n, &common, &arr))
		goto done;
	/* varchar has no operators: both sides as text. */
	if (common.tid == XT_VARCHAR) {
		xv_coerce(&l, &text);
		vbuf_appendf(&v->s, "(%s %s %s ((%s)::text[]))", l.s.data, op,
		    strcmp(op, "=") == 0 ? "ANY" : "ALL", arr.data);
	} else
		vbuf_appendf(&v->s, "(%s %s %s (%s))", l.s.data, op,
		    strcmp(op, "=") == 0 ? "ANY" : "ALL", arr.data);
	v->t.tid = XT_BOOL;
	ok = 1;
done:
	xv_array_free(it, n);
	vbuf_free(&arr);
	xv_free(&l);
	return (ok);
}

/*
 * An arithmetic operator (+ - * / %) or || on l and r, as the parser
 * chooses it among the types known here: integers of any widths (the
 * wider is the result; % has no cross-width form: the narrower is cast),
 * floats (float4 with float4, else double precision: the rest cast),
 * numeric (integers cast); || on text (varchar cast).  A literal takes
 * the type of the other side.  The result's type in *res.  1, or 0.
 */
static int
resolve_arith(struct xval *l, struct xval *r, const char *op,
    struct xtype *res)
{
	struct xtype	 text = { XT_TEXT, NULL, 0 }, f8 = { XT_FLOAT8, NULL, 0 };
	struct xtype	 num = { XT_NUMERIC, NULL, 0 };
	struct xval	*a, *b;
	int		 i;

	if (l->t.tid == XT_UNKNOWN && r->t.tid == XT_UNKNOWN)
		return (0);
	if (strcmp(op, "||") == 0) {
		for (i = 0; i < 2; i++) {
			a = i == 0 ? l : r;
			if ((a->t.tid != XT_TEXT && a->t.tid != XT_VARCHAR &&
			    a->t.tid != XT_UNKNOWN) || !xv_coerce(a, &text))
				return (0);
		}
		*res = text;
		return (1);
	}
	for (i = 0; i < 2; i++) {
		a = i == 0 ? l : r;
		b = i == 0 ? r : l;
		if (a->t.tid == XT_UNKNOWN && (xt_num_rank(b->t.tid) == 0 ||
		    !xv_type_literal(a, &b->t)))
			return (0);
	}
	if (xt_num_rank(l->t.tid) == 0 || xt_num_rank(r->t.tid) == 0)
		return (0);
	if (xt_is_int(l->t.tid) && xt_is_int(r->t.tid)) {
		a = xt_num_rank(l->t.tid) >= xt_num_rank(r->t.tid) ? l : r;
		*res = a->t;
		if (strcmp(op, "%") == 0)
			xv_coerce(a == l ? r : l, res);
	} else if (xt_is_float(l->t.tid) || xt_is_float(r->t.tid)) {
		if (strcmp(op, "%") == 0)
			return (0);
		if (l->t.tid == XT_FLOAT4 && r->t.tid == XT_FLOAT4)
			*res = l->t;
		else {
			*res = f8;
			for (i = 0; i < 2; i++) {
				a = i == 0 ? l : r;
				if (!xt_is_float(a->t.tid))
					xv_coerce(a, &f8);
			}
		}
	} else {
		*res = num;
		xv_coerce(l, &num);
		xv_coerce(r, &num);
	}
	res->mod = 0;
	return (1);
}

/*
 * "(l op r)" for a comparison, pattern or arithmetic operator op, or
 * "(op r)" for a prefix - or + (ln NULL).
 */
static int
eval_binary(const PgQuery__Node *ln, const char *op,
    const PgQuery__Node *rn, const struct xctx *ctx, struct xval *v)
{
	struct xval	l, r;
	int		ok = 0;

	xv_init(&l);
	xv_init(&r);
	if (rn == NULL || !xp_eval(rn, ctx, &r))
		goto done;
	if (ln == NULL) {
		if ((strcmp(op, "-") != 0 && strcmp(op, "+") != 0) ||
		    xt_num_rank(r.t.tid) == 0)
			goto done;
		vbuf_appendf(&v->s, "(%s %s)", op, r.s.data);
		v->t = r.t;
		v->t.mod = 0;
		ok = 1;
		goto done;
	}
	if (!xp_eval(ln, ctx, &l))
		goto done;
	if (op_in(op, arith_ops)) {
		if (!resolve_arith(&l, &r, op, &v->t))
			goto done;
	} else if (resolve_binary(&l, &r, op_in(op, pattern_ops)))
		v->t.tid = XT_BOOL;
	else
		goto done;
	vbuf_appendf(&v->s, "(%s %s %s)", l.s.data, op, r.s.data);
	ok = 1;
done:
	xv_free(&l);
	xv_free(&r);
	return (ok);
}

/* An A_Expr: comparisons, patterns, IN, BETWEEN. */
static int
eval_aexpr(const PgQuery__AExpr *e, const struct xctx *ctx, struct xval *v)
{
	const PgQuery__List	*lst;
	const char		*op;
	struct xval		 lo, hi;
	int			 ok = 0, neg;

	if (e->n_name != 1 || e->name[0]->node_case !=
	    PG_QUERY__NODE__NODE_STRING)
		return (0);
	op = e->name[0]->string->sval;
	switch (e->kind) {
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
		if (!op_in(op, cmp_ops) && !op_in(op, pattern_ops) &&
		    !op_in(op, arith_ops))
			return (0);
		return (eval_binary(e->lexpr, op, e->rexpr, ctx, v));
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL:
		return (eval_any(e, op, ctx, v));
	case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
	case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
		/* An ESCAPE clause makes it a function call: declined. */
		if (!op_in(op, pattern_ops) || strstr(op, "~~") == NULL ||
		    e->rexpr == NULL ||
		    e->rexpr->node_case == PG_QUERY__NODE__NODE_FUNC_CALL)
			return (0);
		return (eval_binary(e->lexpr, op, e->rexpr, ctx, v));
	case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
		if ((strcmp(op, "=") != 0 && strcmp(op, "<>") != 0) ||
		    e->rexpr == NULL ||
		    e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST)
			return (0);
		return (eval_in(e->lexpr, op, e->rexpr->list, ctx, v));
	case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
		if (e->rexpr == NULL ||
		    e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST ||
		    (lst = e->rexpr->list)->n_items != 2)
			return (0);
		neg = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN;
		xv_init(&lo);
		xv_init(&hi);
		if (eval_binary(e->lexpr, neg ? "<" : ">=", lst->items[0], ctx,
		    &lo) && eval_binary(e->lexpr, neg ? ">" : "<=",
		    lst->items[1], ctx, &hi)) {
			v->t.tid = XT_BOOL;
			vbuf_appendf(&v->s, "(%s %s %s)", lo.s.data,
			    neg ? "OR" : "AND", hi.s.data);
			ok = 1;
		}
		xv_free(&lo);
		xv_free(&hi);
		return (ok);
	default:
		return (0);
	}
}

/* AND, OR, NOT over booleans. */
static int
eval_bool(const PgQuery__BoolExpr *e, const struct xctx *ctx,
    struct xval *v)
{
	struct xval	 a;
	size_t		 i;
	const char	*sep;

	if (e->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) {
		if (e->n_args != 1)
			return (0);
		sep = "";
		vbuf_puts(&v->s, "(NOT ");
	} else if (e->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR)
		sep = " AND ";
	else if (e->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR)
		sep = " OR ";
	else
		return (0);
	if (e->n_args == 0)
		return (0);
	if (e->boolop != PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR)
		vbuf_putc(&v->s, '(');
	for (i = 0; i < e->n_args; i++) {
		xv_init(&a);
		if (!xp_eval(e->args[i], ctx, &a) || a.t.tid != XT_BOOL) {
			xv_free(&a);
			return (0);
		}
		vbuf_appendf(&v->s, "%s%s", i > 0 ? sep : "", a.s.data);
		xv_free(&a);
	}
	vbuf_putc(&v->s, ')');
	v->t.tid = XT_BOOL;
	return (1);
}

/* IS [NOT] NULL, IS [NOT] TRUE / FALSE / UNKNOWN. */
static int
eval_test(const PgQuery__Node *arg, const char *what, int needbool,
    const struct xctx *ctx, struct xval *v)
{
	struct xval	a;
	int		ok = 0;

	xv_init(&a);
	if (arg != NULL && xp_eval(arg, ctx, &a) && a.t.tid != XT_UNKNOWN &&
	    (!needbool || a.t.tid == XT_BOOL)) {
		v->t.tid = XT_BOOL;
		vbuf_appendf(&v->s, "(%s IS %s)", a.s.data, what);
		ok = 1;
	}
	xv_free(&a);
	return (ok);
}

/* The column a ColumnRef names among ctx's (one unqualified name). */
static int
eval_column(const PgQuery__ColumnRef *c, const struct xctx *ctx,
    struct xval *v)
{
	const char	*name;
	size_t		 i;

	if (c->n_fields != 1 ||
	    c->fields[0]->node_case != PG_QUERY__NODE__NODE_STRING)
		return (0);
	name = c->fields[0]->string->sval;
	/* A domain's check reads its value as VALUE (or "value"). */
	if (ctx->value != NULL) {
		if (strcmp(name, "value") != 0)
			return (0);
		xt_of_column(ctx->value->type, ctx->value->kind, &v->t);
		vbuf_puts(&v->s, "VALUE");
		return (v->t.tid != XT_NONE);
	}
	for (i = 0; i < ctx->ncols; i++)
		if (ctx->cols[i].name != NULL &&
		    strcmp(ctx->cols[i].name, name) == 0)
			break;
	if (i == ctx->ncols)
		return (0);
	xt_of_column(ctx->cols[i].type, ctx->cols[i].kind, &v->t);
	if (v->t.tid == XT_NONE)
		return (0);
	vf_quote_ident(&v->s, name);
	return (1);
}

/*
 * A cast: 'literal'::type is a constant of that type; a value cast to its
 * own type (without modifier) is left as it is; other casts known here
 * (xt_castable()) print "(v)::type".  Type modifiers are declined.
 */
static int
eval_cast(const PgQuery__TypeCast *tc, const struct xctx *ctx,
    struct xval *v)
{
	struct xtype	t;

	xt_of_typename(tc->type_name, ctx, &t);
	if (t.tid == XT_NONE || tc->arg == NULL || !xp_eval(tc->arg, ctx, v))
		return (0);
	if (v->t.tid == XT_UNKNOWN)
		return (xv_type_literal(v, &t));
	if (t.tid == XT_TEXTARR)
		return (0);
	if (xt_same(&v->t, &t) && !v->t.mod)
		return (1);
	if (!xt_castable(v->t.tid, t.tid))
		return (0);
	/* A column of a modifier cast to its own type shows the cast. */
	v->t.tid = XT_NONE;
	return (xv_coerce(v, &t));
}

/*
 * The analysed, printed form of node into v (initialised, empty): 1, or
 * 0 when some part of it is not known here.
 */
static int
xp_eval(const PgQuery__Node *node, const struct xctx *ctx, struct xval *v)
{
	static const char *const tests[] = { NULL, "TRUE", "NOT TRUE",
	    "FALSE", "NOT FALSE", "UNKNOWN", "NOT UNKNOWN" };
	if (node == NULL)
		return (0);
	switch (node->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
		return (eval_const(node->a_const, v));
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		return (eval_column(node->column_ref, ctx, v));
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		return (eval_cast(node->type_cast, ctx, v));
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return (eval_func(node->func_call, ctx, v));
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		return (eval_svf(node->sqlvalue_function, v));
	case PG_QUERY__NODE__NODE_A_EXPR:
		return (eval_aexpr(node->a_expr, ctx, v));
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		return (eval_bool(node->bool_expr, ctx, v));
	case PG_QUERY__NODE__NODE_NULL_TEST:
		if (node->null_test->argisrow)
			return (0);
		if (node->null_test->nulltesttype ==
		    PG_QUERY__NULL_TEST_TYPE__IS_NULL)
			return (eval_test(node->null_test->arg, "NULL", 0, ctx,
			    v));
		if (node->null_test->nulltesttype ==
		    PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL)
			return (eval_test(node->null_test->arg, "NOT NULL", 0,
			    ctx, v));
		return (0);
	case PG_QUERY__NODE__NODE_BOOLEAN_TEST:
		if (node->boolean_test->booltesttype < 1 ||
		    node->boolean_test->booltesttype > 6)
			return (0);
		return (eval_test(node->boolean_test->arg,
		    tests[node->boolean_test->booltesttype], 1, ctx, v));
	default:
		return (0);
	}
}


int
xp_default_col(const char *expr, const struct xp_column *col,
    const char *schema, struct vbuf *out)
{
	struct model_expr	 e;
	struct xctx		 ctx = { NULL, 0, NULL, NULL };
	struct xp_column	 self;
	struct xtype		 t;
	struct xval		 v;
	char			 msg[256];
	int			 ok = 0;

	xt_of_column(col->type, col->kind, &t);
	if (expr == NULL || t.tid == XT_NONE ||
	    model_expr_parse(expr, &e, msg, sizeof(msg), NULL) == -1)
		return (0);
	/* A default reads no column; its type may name the column's enum. */
	self = *col;
	self.name = NULL;
	ctx.cols = &self;
	ctx.ncols = 1;
	ctx.schema = schema;
	xv_init(&v);
	if (!xp_eval(e.val, &ctx, &v))
		goto done;
	if (v.t.tid == XT_UNKNOWN) {
		if (!xv_type_literal(&v, &t))
			goto done;
	} else if (!xt_same(&v.t, &t) && !xt_assignable(v.t.tid, t.tid))
		goto done;
	vbuf_puts(out, v.s.data);
	ok = 1;
done:
	xv_free(&v);
	model_expr_free(&e);
	return (ok);
}

int
xp_default(const char *expr, const char *type, struct vbuf *out)
{
	struct xp_column	col;

	memset(&col, 0, sizeof(col));
	col.type = type;
	return (xp_default_col(expr, &col, NULL, out));
}

/* A boolean expression over ctx, printed; def: as "CHECK (...)". */
static int
check_print(const char *expr, const struct xctx *ctx, int def,
    struct vbuf *out)
{
	struct model_expr	 e;
	struct xval		 v;
	char			 msg[256];
	int			 ok = 0;

	if (expr == NULL ||
	    model_expr_parse(expr, &e, msg, sizeof(msg), NULL) == -1)
		return (0);
	xv_init(&v);
	if (xp_eval(e.val, ctx, &v) && v.t.tid == XT_BOOL) {
		vbuf_appendf(out, def ? "CHECK (%s)" : "%s", v.s.data);
		ok = 1;
	}
	xv_free(&v);
	model_expr_free(&e);
	return (ok);
}

int
xp_check(const char *expr, const struct xp_column *cols, size_t ncols,
    struct vbuf *out)
{
	struct xctx	ctx = { cols, ncols, NULL, NULL };

	return (check_print(expr, &ctx, 0, out));
}

int
xp_check_def(const char *expr, const struct xp_column *cols, size_t ncols,
    struct vbuf *out)
{
	struct xctx	ctx = { cols, ncols, NULL, NULL };

	return (check_print(expr, &ctx, 1, out));
}

int
xp_domain_check(const char *expr, const struct xp_column *base, int def,
    struct vbuf *out)
{
	struct xctx	ctx = { NULL, 0, base, NULL };

	return (check_print(expr, &ctx, def, out));
}

int
xp_index_where(const char *expr, const struct xp_column *cols, size_t ncols,
    struct vbuf *out)
{
	struct model_expr	 e;
	char			 msg[256];
	int			 plain;

	/* WHERE true stores no predicate at all. */
	if (expr == NULL ||
	    model_expr_parse(expr, &e, msg, sizeof(msg), NULL) == -1)
		return (0);
	plain = e.val->node_case == PG_QUERY__NODE__NODE_A_CONST;
	model_expr_free(&e);
	return (plain ? 0 : xp_check(expr, cols, ncols, out));
}

/*
 * An index key expression: lower(col) and its like, col ->> 'key' and
 * col -> 'key' on json and jsonb.  pretty: as pg_get_indexdef(i, k, true)
 * prints it (casts as "x::type", an operator in the parentheses every
 * key but a function call gets); else as a key of pg_get_indexdef(i).
 */
int
xp_index_expr(const char *expr, const struct xp_column *cols, size_t ncols,
    int pretty, struct vbuf *out)
{
	struct model_expr	 e;
	struct xctx		 ctx = { cols, ncols, NULL, NULL };
	const PgQuery__Node	*n, *a;
	const PgQuery__AExpr	*x;
	const char		*name, *op;
	struct xval		 col;
	struct vbuf		 b;
	char			 msg[256];
	int			 ok = 0;

	if (expr == NULL ||
	    model_expr_parse(expr, &e, msg, sizeof(msg), NULL) == -1)
		return (0);
	xv_init(&col);
	vbuf_init(&b);
	n = e.val;
	if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
		/* The one-text functions of checks, over a column. */
		if (n->func_call->n_args != 1 ||
		    n->func_call->args[0]->node_case !=
		    PG_QUERY__NODE__NODE_COLUMN_REF ||
		    !eval_func(n->func_call, &ctx, &col))
			goto done;
		name = catalog_name(n->func_call->funcname,
		    n->func_call->n_funcname);
		a = n->func_call->args[0];
		xv_free(&col);
		xv_init(&col);
		if (!eval_column(a->column_ref, &ctx, &col))
			goto done;
		if (col.t.tid == XT_VARCHAR)
			vbuf_appendf(out, pretty ? "%s(%s::text)" :
			    "%s((%s)::text)", name, col.s.data);
		else
			vbuf_appendf(out, "%s(%s)", name, col.s.data);
		ok = 1;
		goto done;
	}
	if (n->node_case != PG_QUERY__NODE__NODE_A_EXPR)
		goto done;
	x = n->a_expr;
	if (x->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || x->n_name != 1 ||
	    x->name[0]->node_case != PG_QUERY__NODE__NODE_STRING ||
	    x->lexpr == NULL || x->rexpr == NULL ||
	    x->lexpr->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    x->rexpr->node_case != PG_QUERY__NODE__NODE_A_CONST)
		goto done;
	op = x->name[0]->string->sval;
	if ((strcmp(op, "->>") != 0 && strcmp(op, "->") != 0) ||
	    !eval_column(x->lexpr->column_ref, &ctx, &col) ||
	    (col.t.tid != XT_JSON && col.t.tid != XT_JSONB))
		goto done;
	a = x->rexpr;
	if (a->a_const->isnull)
		goto done;
	if (a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
		if (a->a_const->sval->sval == NULL || !xt_put_literal(&b, a->a_const->sval->sval))
			goto done;
		vbuf_puts(&b, "::text");
	} else if (a->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
	    a->a_const->ival->ival >= 0)
		vbuf_appendf(&b, "%d", (int)a->a_const->ival->ival);
	else
		goto done;
	vbuf_appendf(out, pretty ? "(%s %s %s)" : "((%s %s %s))",
	    col.s.data, op, b.data);
	ok = 1;
done:
	vbuf_free(&b);
	xv_free(&col);
	model_expr_free(&e);
	return (ok);
}
