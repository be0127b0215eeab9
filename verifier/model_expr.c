/*
 * model_expr.c: a model's SQL expressions through PostgreSQL's scanner
 * and parser (pgtree.h): one expression or an error at its character,
 * the column name PostgreSQL would figure for it, the columns it uses,
 * the schemas it names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_expr.h"

/* Characters of the "SELECT (" put in front of an expression. */
#define EXPR_PREFIX	8

/*
 * Checks that expr's parentheses balance and that it holds no ';' and no
 * "--" comment, so that it stays one expression once wrapped in the
 * parentheses of CHECK (...), DEFAULT (...) or an index key.  0, or -1
 * with msg set and *pos the 1-based character position in expr (0:
 * unknown).
 */
static int
expr_scan(const char *expr, char *msg, size_t msglen, int *pos)
{
	struct pgtree_scan	 s;
	const PgQuery__ScanToken *tok;
	struct vf_error		 err;
	size_t			 i;
	int			 depth = 0, rc = -1;

	*pos = 0;
	if (pgtree_scan(expr, &s, &err) == -1) {
		snprintf(msg, msglen, "%s", err.msg);
		*pos = err.col;
		return (-1);
	}
	for (i = 0; i < s.scan->n_tokens; i++) {
		tok = s.scan->tokens[i];
		if (tok->start >= 0 && (size_t)tok->start <= strlen(expr))
			*pos = pgtree_char_pos(expr, (size_t)tok->start);
		if (tok->token == PG_QUERY__TOKEN__ASCII_40)
			depth++;
		else if (tok->token == PG_QUERY__TOKEN__ASCII_41 &&
		    --depth < 0) {
			snprintf(msg, msglen, "unbalanced \")\"");
			goto done;
		} else if (tok->token == PG_QUERY__TOKEN__ASCII_59) {
			snprintf(msg, msglen, "\";\" is not allowed");
			goto done;
		} else if (tok->token == PG_QUERY__TOKEN__SQL_COMMENT) {
			snprintf(msg, msglen,
			    "\"--\" comments are not allowed");
			goto done;
		}
	}
	if (depth != 0) {
		snprintf(msg, msglen, "unbalanced \"(\"");
		*pos = 0;
		goto done;
	}
	rc = 0;
	*pos = 0;
done:
	pgtree_scan_free(&s);
	return (rc);
}

int
model_expr_parse(const char *expr, struct model_expr *e, char *msg,
    size_t msglen, int *pos)
{
	static const char *const select_keep[] = { "target_list",
	    "limit_option", "op", NULL };
	const PgQuery__ParseResult	*tree;
	const PgQuery__Node		*stmt, *rt;
	const PgQuery__SelectStmt	*sel;
	struct vf_error			 err;
	struct vbuf			 q;
	int				 epos, nchars;

	memset(e, 0, sizeof(*e));
	if (pos == NULL)
		pos = &epos;
	*pos = 0;
	if (expr_scan(expr, msg, msglen, pos) == -1)
		return (-1);
	vbuf_init(&q);
	vbuf_puts(&q, "SELECT (");
	vbuf_puts(&q, expr);
	vbuf_puts(&q, ")");
	if (pgtree_parse(q.data, &e->t, &err) == -1) {
		vbuf_free(&q);
		if (err.col == 0) {
			/* Not PostgreSQL's message: the tree was unreadable. */
			snprintf(msg, msglen, "%s", err.msg);
			return (-1);
		}
		nchars = pgtree_char_pos(expr, strlen(expr)) - 1;
		*pos = err.col - EXPR_PREFIX;
		/* An error at the closing parenthesis we added. */
		if (*pos > nchars && strncmp(err.msg,
		    "syntax error at or near", 23) == 0)
			snprintf(msg, msglen, "syntax error at end of "
			    "expression");
		else
			snprintf(msg, msglen, "%s", err.msg);
		if (*pos < 1)
			*pos = 0;
		else if (*pos > nchars + 1)
			*pos = nchars + 1;
		return (-1);
	}
	vbuf_free(&q);
	tree = e->t.tree;
	if (tree->n_stmts != 1 || (stmt = tree->stmts[0]->stmt) == NULL ||
	    stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		goto notone;
	sel = stmt->select_stmt;
	if (!pgtree_only_fields(&sel->base, select_keep) ||
	    sel->n_target_list != 1)
		goto notone;
	rt = sel->target_list[0];
	if (rt->node_case != PG_QUERY__NODE__NODE_RES_TARGET ||
	    rt->res_target->val == NULL)
		goto notone;
	e->val = rt->res_target->val;
	return (0);
notone:
	snprintf(msg, msglen, "not one SQL expression");
	model_expr_free(e);
	return (-1);
}

void
model_expr_free(struct model_expr *e)
{
	pgtree_free(&e->t);
	e->val = NULL;
}

char *
model_expr_foreign_schema(const struct model_expr *e, const char *expr,
    const char *schema, int *pos)
{
	struct pgtree_refs	 refs;
	char			*s = NULL;
	int			 loc;

	memset(&refs, 0, sizeof(refs));
	*pos = 0;
	pgtree_node_foreign_schemas(e->val, schema, PGTREE_REFS_EXTENSIONS,
	    &refs);
	if (refs.n > 0) {
		s = xstrdup(refs.v[0].schema);
		/* Locations count bytes of "SELECT (" + expr. */
		loc = refs.v[0].location;
		*pos = loc >= EXPR_PREFIX &&
		    (size_t)(loc - EXPR_PREFIX) <= strlen(expr) ?
		    pgtree_char_pos(expr, (size_t)(loc - EXPR_PREFIX)) : 0;
	}
	pgtree_refs_free(&refs);
	return (s);
}

/* The sval of the last node of a list when it is a String, or NULL. */
static const char *
last_string(PgQuery__Node *const *list, size_t n)
{
	if (n == 0 || list[n - 1]->node_case != PG_QUERY__NODE__NODE_STRING)
		return (NULL);
	return (list[n - 1]->string->sval);
}

/* Sets *name to s and returns strength; 0 when s is NULL. */
static int
named(const char *s, int strength, const char **name)
{
	if (s == NULL)
		return (0);
	*name = s;
	return (strength);
}

/*
 * PostgreSQL's FigureColnameInternal() on a raw parse tree node: sets
 * *name and returns its strength (2 a real name, 1 a fallback, 0 none).
 */
static int
figure_colname(const PgQuery__Node *node, const char **name)
{
	static const char *const svf[] = {
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE] =
		    "current_date",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME] =
		    "current_time",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N] =
		    "current_time",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP] =
		    "current_timestamp",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N] =
		    "current_timestamp",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME] =
		    "localtime",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N] =
		    "localtime",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP] =
		    "localtimestamp",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N] =
		    "localtimestamp",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE] =
		    "current_role",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER] =
		    "current_user",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER] = "user",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER] =
		    "session_user",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG] =
		    "current_catalog",
		[PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA] =
		    "current_schema",
	};
	int		 strength;
	size_t		 op;

	if (node == NULL)
		return (0);
	switch (node->node_case) {
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		return (named(last_string(node->column_ref->fields,
		    node->column_ref->n_fields), 2, name));
	case PG_QUERY__NODE__NODE_A_INDIRECTION:
		if (named(last_string(node->a_indirection->indirection,
		    node->a_indirection->n_indirection), 2, name))
			return (2);
		return (figure_colname(node->a_indirection->arg, name));
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		return (named(last_string(node->func_call->funcname,
		    node->func_call->n_funcname), 2, name));
	case PG_QUERY__NODE__NODE_A_EXPR:
		if (node->a_expr->kind ==
		    PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) {
			*name = "nullif";
			return (2);
		}
		return (0);
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		strength = figure_colname(node->type_cast->arg, name);
		if (strength <= 1 && node->type_cast->type_name != NULL &&
		    named(last_string(node->type_cast->type_name->names,
		    node->type_cast->type_name->n_names), 1, name))
			return (1);
		return (strength);
	case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
		return (figure_colname(node->collate_clause->arg, name));
	case PG_QUERY__NODE__NODE_GROUPING_FUNC:
		*name = "grouping";
		return (2);
	case PG_QUERY__NODE__NODE_SUB_LINK:
		if (node->sub_link->sub_link_type ==
		    PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) {
			*name = "exists";
			return (2);
		}
		if (node->sub_link->sub_link_type ==
		    PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) {
			*name = "array";
			return (2);
		}
		return (0);
	case PG_QUERY__NODE__NODE_CASE_EXPR:
		*name = "case";
		return (1);
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		*name = "array";
		return (1);
	case PG_QUERY__NODE__NODE_ROW_EXPR:
		*name = "row";
		return (1);
	case PG_QUERY__NODE__NODE_COALESCE_EXPR:
		*name = "coalesce";
		return (2);
	case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
		*name = node->min_max_expr->op ==
		    PG_QUERY__MIN_MAX_OP__IS_LEAST ? "least" : "greatest";
		return (2);
	case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
		op = (size_t)node->sqlvalue_function->op;
		*name = op < sizeof(svf) / sizeof(svf[0]) && svf[op] != NULL ?
		    svf[op] : "current_date";
		return (2);
	case PG_QUERY__NODE__NODE_XML_SERIALIZE:
		*name = "xmlserialize";
		return (2);
	default:
		return (0);
	}
}

int
model_expr_colname(const char *expr, char out[MODEL_NAME_MAX + 1])
{
	struct model_expr	 e;
	const char		*name = NULL;
	char			 msg[256];
	size_t			 n;

	if (model_expr_parse(expr, &e, msg, sizeof(msg), NULL) == -1) {
		snprintf(out, MODEL_NAME_MAX + 1, "expr");
		return (-1);
	}
	(void)figure_colname(e.val, &name);
	if (name == NULL)
		name = "expr";
	n = strlen(name);
	if (n > MODEL_NAME_MAX) {
		n = MODEL_NAME_MAX;
		while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, name, n);
	out[n] = '\0';
	model_expr_free(&e);
	return (0);
}

const char *
model_expr_literal_label(const struct model_expr *e)
{
	const PgQuery__Node	*n = e->val;

	if (n != NULL && n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		n = n->type_cast->arg;
	if (n == NULL || n->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return (NULL);
	return (n->a_const->sval->sval != NULL ? n->a_const->sval->sval : "");
}

/*
 * The distinct columns a parse tree refers to, the way pull_var_clause()
 * finds Vars: every ColumnRef's last field.  Counts past max without
 * keeping them.
 */
struct colrefs {
	const char	*names[2];
	size_t		 n;
};

static void
colref(const PgQuery__Node *node, void *arg)
{
	struct colrefs	*c = arg;
	const char	*s;
	size_t		 i, max = sizeof(c->names) / sizeof(c->names[0]);

	if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
	    (s = last_string(node->column_ref->fields,
	    node->column_ref->n_fields)) == NULL)
		return;
	for (i = 0; i < c->n && i < max; i++)
		if (strcmp(c->names[i], s) == 0)
			return;
	if (c->n < max)
		c->names[c->n] = s;
	c->n++;
}

const char *
model_expr_single_column(const struct model_table *t, const char *expr)
{
	struct model_expr		 e;
	struct colrefs			 c;
	const struct model_column	*col = NULL;
	char				 msg[256];

	if (model_expr_parse(expr, &e, msg, sizeof(msg), NULL) == -1)
		return (NULL);
	memset(&c, 0, sizeof(c));
	colref(e.val, &c);
	pgtree_walk(&e.val->base, colref, &c);
	if (c.n == 1)
		col = model_find_column(t, c.names[0]);
	model_expr_free(&e);
	return (col != NULL ? col->name : NULL);
}
