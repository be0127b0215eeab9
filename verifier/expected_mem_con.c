/*
 * expected_mem_con.c: the in-memory expected catalog's constraints
 * (primary key, unique, foreign key, check: CATALOG_CONSTRAINTS,
 * CATALOG_CONCOLS) and plain column indexes (CATALOG_INDEXES,
 * CATALOG_INDEXKEYS), with their CATALOG_DEPS rows, printed as
 * pg_get_constraintdef() and pg_get_indexdef() print them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"
#include "expected_expr.h"
#include "model_expr.h"

/* The index of column name in t, or -1. */
static int
col_index(const struct model_table *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return ((int)i);
	return (-1);
}

/* " ON UPDATE CASCADE" and the like: the action upper case; nothing for
   NO ACTION. */
static void
put_action(struct vbuf *out, const char *on, enum model_fk_action a)
{
	const char	*p;

	if (a == MODEL_FK_NO_ACTION)
		return;
	vbuf_appendf(out, " ON %s ", on);
	for (p = model_fk_actions[a]; *p != '\0'; p++)
		vbuf_putc(out, (char)toupper((unsigned char)*p));
}

/* confupdtype and confdeltype's letters, by enum model_fk_action. */
static const char *const fk_letters[] = { "a", "r", "c", "n", "d" };

/* Whether the n names of a are those of b, in any order. */
static int
same_set(char *const *a, char *const *b, size_t n)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(a[i], b[j]) == 0)
				break;
		if (j == n)
			return (0);
	}
	return (1);
}

/*
 * The unique index a foreign key to table r on columns cols uses, as
 * transformFkeyCheckAttrs() finds it: the first made (primary key, unique
 * constraints, then unique indexes) that is not deferrable, has no
 * predicate or expression and whose keys are cols in any order.  *kind
 * and *name as CATALOG_DEPS names it ("constraint", "r.name", into
 * name); 0 when there is none (the server rejects the key).
 */
static int
fk_index(const struct model_table *r, char *const *cols, size_t n,
    const char **kind, struct vbuf *name)
{
	const struct model_constraint	*k;
	const struct model_index	*ix;
	char				**keys;
	size_t				 i, pass, j;
	int				 ok;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < r->nconstraints; i++) {
			k = &r->constraints[i];
			if (k->kind != (pass == 0 ? MODEL_CON_PRIMARY :
			    MODEL_CON_UNIQUE) || k->deferrable ||
			    k->ncolumns != n || !same_set(cols, k->columns, n))
				continue;
			*kind = "constraint";
			vbuf_appendf(name, "%s.%s", r->name, k->name);
			return (1);
		}
	for (i = 0; i < r->nindexes; i++) {
		ix = &r->indexes[i];
		if (!ix->unique || ix->where != NULL || ix->nkeys != n)
			continue;
		keys = xcalloc(n + 1, sizeof(*keys));
		ok = 1;
		for (j = 0; j < n; j++)
			if ((keys[j] = ix->keys[j].column) == NULL)
				ok = 0;
		ok = ok && same_set(cols, keys, n);
		free(keys);
		if (!ok)
			continue;
		*kind = "index";
		vbuf_puts(name, ix->name);
		return (1);
	}
	return (0);
}

/* Whether a column's type has a default operator class for method that
   the build knows (a domain's or a composite type's: not known). */
static int
key_type(const struct xm_col *c, const char *method)
{
	return ((c->user == 0 || c->user == XM_ENUM) &&
	    xm_type_indexable(c->type, method));
}

/* Whether two printed types compare in a foreign key as the build knows:
   the same type, or two integer types. */
static int
fk_types(const char *a, const char *b)
{
	static const char *const ints[] = { "smallint", "integer", "bigint",
		NULL };
	size_t	i, in = 0;

	if (strcmp(a, b) == 0)
		return (1);
	for (i = 0; ints[i] != NULL; i++)
		in += (strcmp(a, ints[i]) == 0) + (strcmp(b, ints[i]) == 0);
	return (in == 2);
}

/* The columns an expression reads (ColumnRef's last field). */
struct refs {
	const struct model_table	*t;
	char				*seen;	/* per column */
	int				 bad;
};

static void
colref(const PgQuery__Node *node, void *arg)
{
	struct refs		*r = arg;
	const PgQuery__Node	*f;
	int			 i;

	/* A subquery reads other relations: not only t's columns. */
	if (node->node_case == PG_QUERY__NODE__NODE_SUB_LINK ||
	    node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
		r->bad = 1;
		return;
	}
	if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return;
	if (node->column_ref->n_fields == 0) {
		r->bad = 1;
		return;
	}
	f = node->column_ref->fields[node->column_ref->n_fields - 1];
	if (f->node_case != PG_QUERY__NODE__NODE_STRING ||
	    (i = col_index(r->t, f->string->sval)) < 0) {
		r->bad = 1;
		return;
	}
	r->seen[i] = 1;
}

int
xm_expr_columns(const struct model_table *t, const char *src, char *seen)
{
	struct model_expr	 e;
	struct refs		 r;
	char			 msg[256];

	if (model_expr_parse(src, &e, msg, sizeof(msg), NULL) == -1)
		return (0);
	memset(&r, 0, sizeof(r));
	r.t = t;
	r.seen = seen;
	colref(e.val, &r);
	pgtree_walk(&e.val->base, colref, &r);
	model_expr_free(&e);
	return (!r.bad);
}

/*
 * The dependencies of an expression src of table t (a check's, or an
 * index's predicate), printed as printed, on what it reads, as object
 * (kind, name): a check's 'a' and 'n' on each column it reads ('a' on the
 * table when none), a predicate's 'a' on each; and what the printed form
 * names (made by table upto - 1 or before: xm_expr_deps()).  1, or 0
 * when a reference is not one of t's columns.
 */
static int
expr_deps(struct xm_ctx *x, const struct model_table *t, const char *src,
    const char *printed, const char *kind, const char *name, int check,
    size_t upto)
{
	char	*seen;
	size_t	 i, n = 0;
	int	 ok = 0;

	seen = xcalloc(t->ncolumns + 1, 1);
	if (!xm_expr_columns(t, src, seen))
		goto done;
	for (i = 0; i < t->ncolumns; i++) {
		if (!seen[i])
			continue;
		n++;
		xm_dep(x, kind, name, NULL, "a", "table", t->name,
		    t->columns[i].name);
		if (check)
			xm_dep(x, kind, name, NULL, "n", "table", t->name,
			    t->columns[i].name);
	}
	if (n == 0 && check)
		xm_dep(x, kind, name, NULL, "a", "table", t->name, NULL);
	ok = xm_expr_deps(x, printed, kind, name, NULL, upto);
done:
	free(seen);
	return (ok);
}

/* The columns of table ti as an expression reads them; free() them. */
static struct xp_column *
table_xp_cols(const struct xm_ctx *x, size_t ti)
{
	const struct model_table	*t = &x->m->tables[ti];
	struct xp_column		*cols;
	size_t				 i;

	cols = xcalloc(t->ncolumns + 1, sizeof(*cols));
	for (i = 0; i < t->ncolumns; i++) {
		cols[i].name = t->columns[i].name;
		cols[i].type = x->cols[ti][i].type;
	}
	return (cols);
}

int
xm_print_expr(struct xm_ctx *x, size_t ti, const char *src, struct vbuf *out)
{
	struct xp_column	*cols = table_xp_cols(x, ti);
	int			 ok;

	ok = xp_check(src, cols, x->m->tables[ti].ncolumns, out);
	free(cols);
	return (ok);
}

/*
 * Whether a column of table ti has a collation of its own: an expression
 * key over it takes that collation (lower(c) of a "C" column is "C"),
 * which the build does not follow.
 */
static int
any_collated(const struct xm_ctx *x, size_t ti)
{
	size_t	j;

	for (j = 0; j < x->m->tables[ti].ncolumns; j++)
		if (strcmp(x->cols[ti][j].coll, "default") != 0)
			return (1);
	return (0);
}

/*
 * An index key expression src over table ti's columns, as xp_index_expr()
 * prints it (pretty: as the index key's expr; else inside the index's
 * definition) into out: 1, or 0 when not printed.
 */
static int
index_expr(const struct xm_ctx *x, size_t ti, const char *src, int pretty,
    struct vbuf *out)
{
	struct xp_column	*cols = table_xp_cols(x, ti);
	int			 ok;

	ok = xp_index_expr(src, cols, x->m->tables[ti].ncolumns, pretty, out);
	free(cols);
	return (ok);
}

static int
build_constraint(struct xm_ctx *x, size_t ti, const struct model_constraint *k)
{
	const struct model_table	*t = &x->m->tables[ti], *r = NULL;
	const char			*cells[11], *ccells[8], *ikind = NULL;
	struct vbuf			 def, qname, chk, iname;
	char				 pos[24];
	size_t				 i;
	int				 ri, a, b, rc = 0;

	vbuf_init(&def);
	vbuf_init(&qname);
	vbuf_init(&chk);
	vbuf_init(&iname);
	vbuf_appendf(&qname, "%s.%s", t->name, k->name);
	for (i = 0; i < k->ncolumns; i++)
		if (col_index(t, k->columns[i]) < 0)
			goto decline;
	switch (k->kind) {
	case MODEL_CON_PRIMARY:
	case MODEL_CON_UNIQUE:
		if (k->not_valid || k->ncolumns == 0)
			goto decline;
		vbuf_puts(&def, k->kind == MODEL_CON_PRIMARY ?
		    "PRIMARY KEY " : "UNIQUE ");
		if (k->nulls_not_distinct)
			vbuf_puts(&def, "NULLS NOT DISTINCT ");
		model_put_columns(&def, k->columns, k->ncolumns);
		for (i = 0; i < k->ncolumns; i++) {
			a = col_index(t, k->columns[i]);
			if (!key_type(&x->cols[ti][a], "btree"))
				goto decline;
			xm_dep(x, "constraint", qname.data, NULL, "a", "table",
			    t->name, k->columns[i]);
		}
		break;
	case MODEL_CON_FOREIGN:
		ri = xm_names_get(&x->tables, k->ref_table);
		if (ri < 0 || k->nref_columns != k->ncolumns ||
		    k->ncolumns == 0)
			goto decline;
		r = &x->m->tables[ri];
		/* A permanent table's key may not reference an unlogged
		   one. */
		if (r->unlogged && !t->unlogged)
			goto decline;
		for (i = 0; i < k->ncolumns; i++) {
			a = col_index(t, k->columns[i]);
			b = col_index(r, k->ref_columns[i]);
			if (b < 0 || !key_type(&x->cols[ti][a], "btree") ||
			    !fk_types(x->cols[ti][a].type,
			    x->cols[ri][b].type))
				goto decline;
		}
		if (!fk_index(r, k->ref_columns, k->ncolumns, &ikind, &iname))
			goto decline;
		vbuf_puts(&def, "FOREIGN KEY ");
		model_put_columns(&def, k->columns, k->ncolumns);
		vbuf_puts(&def, " REFERENCES ");
		model_put_columns(&def, k->ref_columns, k->nref_columns);
		put_action(&def, "UPDATE", k->on_update);
		put_action(&def, "DELETE", k->on_delete);
		for (i = 0; i < k->ncolumns; i++) {
			xm_dep(x, "constraint", qname.data, NULL, "a", "table",
			    t->name, k->columns[i]);
			xm_dep(x, "constraint", qname.data, NULL, "n", "table",
			    r->name, k->ref_columns[i]);
		}
		xm_dep(x, "constraint", qname.data, NULL, "n", ikind,
		    iname.data, NULL);
		break;
	case MODEL_CON_CHECK:
		if (k->deferrable || !xm_print_expr(x, ti, k->expression, &chk) ||
		    !expr_deps(x, t, k->expression, chk.data, "constraint",
		    qname.data, 1, ti + 1))
			goto decline;
		vbuf_appendf(&def, "CHECK (%s)", chk.data);
		if (k->no_inherit)
			vbuf_puts(&def, " NO INHERIT");
		break;
	case MODEL_CON_EXCLUDE:
	default:
		goto decline;
	}
	if (k->deferrable)
		vbuf_puts(&def, " DEFERRABLE");
	if (k->initially_deferred)
		vbuf_puts(&def, " INITIALLY DEFERRED");
	if (k->not_valid)
		vbuf_puts(&def, " NOT VALID");
	cells[0] = t->name;
	cells[1] = k->name;
	cells[2] = k->kind == MODEL_CON_PRIMARY ? "p" :
	    k->kind == MODEL_CON_UNIQUE ? "u" :
	    k->kind == MODEL_CON_FOREIGN ? "f" : "c";
	cells[3] = def.data;
	cells[4] = r != NULL ? r->name : NULL;
	cells[5] = k->deferrable ? "t" : "f";
	cells[6] = k->initially_deferred ? "t" : "f";
	cells[7] = r != NULL ? fk_letters[k->on_update] : NULL;
	cells[8] = r != NULL ? fk_letters[k->on_delete] : NULL;
	cells[9] = k->kind == MODEL_CON_CHECK ? chk.data : NULL;
	cells[10] = xm_comment(k->comment);
	xm_row(x, CATALOG_CONSTRAINTS, cells, 11);
	for (i = 0; k->kind != MODEL_CON_CHECK && i < k->ncolumns; i++) {
		snprintf(pos, sizeof(pos), "%zu", i + 1);
		ccells[0] = t->name;
		ccells[1] = k->name;
		ccells[2] = pos;
		ccells[3] = k->columns[i];
		ccells[4] = r != NULL ? k->ref_columns[i] : NULL;
		ccells[5] = ccells[6] = ccells[7] = NULL;
		xm_row(x, CATALOG_CONCOLS, ccells, 8);
	}
	rc = 1;
	goto done;
decline:
	xm_decline_at(x, 'c', t->name, k->name);
	xm_decline(x, "table \"%s\" constraint \"%s\"", t->name, k->name);
done:
	vbuf_free(&def);
	vbuf_free(&qname);
	vbuf_free(&chk);
	vbuf_free(&iname);
	return (rc);
}

int
xm_constraints(struct xm_ctx *x)
{
	size_t	i, j;

	for (i = 0; i < x->m->ntables; i++)
		for (j = 0; j < x->m->tables[i].nconstraints; j++)
			if (!build_constraint(x, i,
			    &x->m->tables[i].constraints[j]))
				return (0);
	return (1);
}

/* The methods whose indexes the build prints. */
static int
known_method(const char *method)
{
	return (strcmp(method, "btree") == 0 || strcmp(method, "hash") == 0 ||
	    strcmp(method, "gin") == 0 || strcmp(method, "gist") == 0 ||
	    strcmp(method, "brin") == 0 || strcmp(method, "spgist") == 0);
}

/*
 * Whether opclass, not the default of its method, is one the build
 * prints for a key of printed type type: the pattern operator classes of
 * btree (LIKE 'abc%' under any collation) and gin's jsonb_path_ops.
 */
static int
known_opclass(const char *opclass, const char *method, const char *type)
{
	if (strcmp(method, "btree") == 0 &&
	    (strcmp(opclass, "text_pattern_ops") == 0 ||
	    strcmp(opclass, "varchar_pattern_ops") == 0))
		return (strcmp(type, "text") == 0 ||
		    strncmp(type, "character varying", 17) == 0);
	if (strcmp(method, "btree") == 0 &&
	    strcmp(opclass, "bpchar_pattern_ops") == 0)
		return (strncmp(type, "character(", 10) == 0 ||
		    strcmp(type, "bpchar") == 0);
	if (strcmp(method, "gin") == 0 &&
	    strcmp(opclass, "jsonb_path_ops") == 0)
		return (strcmp(type, "jsonb") == 0);
	return (0);
}

/* Whether an index of table ti is one the build prints. */
static int
index_ok(const struct xm_ctx *x, size_t ti, const struct model_index *ix)
{
	const struct model_table	*t = &x->m->tables[ti];
	const struct model_index_key	*k;
	struct vbuf			 rel, with;
	int				 btree, c, ok;
	size_t				 i;

	if (ix->method == NULL || ix->name == NULL)
		return (0);
	btree = strcmp(ix->method, "btree") == 0;
	if (!known_method(ix->method) ||
	    ix->nkeys == 0 || (ix->unique && !btree) ||
	    (ix->nulls_not_distinct && !ix->unique) ||
	    (ix->ninclude > 0 && !btree) ||
	    ((strcmp(ix->method, "hash") == 0 ||
	    strcmp(ix->method, "spgist") == 0) && ix->nkeys != 1) ||
	    strstr(ix->name, " USING ") != NULL ||
	    strstr(t->name, " USING ") != NULL ||
	    strstr(x->m->schema, " USING ") != NULL)
		return (0);
	for (i = 0; i < ix->nkeys; i++) {
		k = &ix->keys[i];
		/* An expression: a btree key of its type's collation and
		   operator class, that xp_index_expr() prints. */
		if (k->expression != NULL) {
			vbuf_init(&rel);
			ok = btree && k->opclass == NULL &&
			    k->collation == NULL && !any_collated(x, ti) &&
			    index_expr(x, ti, k->expression, 0, &rel);
			vbuf_free(&rel);
			if (!ok)
				return (0);
			continue;
		}
		if (k->column == NULL || (c = col_index(t, k->column)) < 0 ||
		    (k->opclass != NULL && !known_opclass(k->opclass,
		    ix->method, x->cols[ti][c].type)) ||
		    !key_type(&x->cols[ti][c], ix->method) ||
		    (!btree && (k->desc || k->nulls != MODEL_NULLS_DEFAULT)))
			return (0);
		if (k->collation != NULL &&
		    (!xm_type_collatable(x->cols[ti][c].type) ||
		    !xm_known_collation(k->collation)))
			return (0);
	}
	for (i = 0; i < ix->ninclude; i++)
		if (col_index(t, ix->include[i]) < 0)
			return (0);
	vbuf_init(&rel);
	vbuf_init(&with);
	ok = xm_params(ix->with, ix->nwith, ix->method, &rel, &with);
	vbuf_free(&rel);
	vbuf_free(&with);
	return (ok);
}

static void
build_index(struct xm_ctx *x, size_t ti, const struct model_index *ix,
    const char *pred)
{
	const struct model_table	*t = &x->m->tables[ti];
	const struct model_index_key	*k;
	const char			*cells[10], *coll;
	struct vbuf			 body, core, rel, with, pretty;
	char				 pos[24];
	size_t				 i;
	int				 c, desc, nf, btree, simple = 0;

	btree = strcmp(ix->method, "btree") == 0;
	vbuf_init(&body);
	vbuf_init(&pretty);
	vbuf_appendf(&body, "%s (", ix->method);
	for (i = 0; i < ix->nkeys + ix->ninclude; i++) {
		k = i < ix->nkeys ? &ix->keys[i] : NULL;
		if (i == ix->nkeys)
			vbuf_puts(&body, ") INCLUDE (");
		else if (i > 0)
			vbuf_puts(&body, ", ");
		vbuf_reset(&pretty);
		if (k != NULL && k->expression != NULL) {
			c = -1;
			(void)index_expr(x, ti, k->expression, 0, &body);
			(void)index_expr(x, ti, k->expression, 1, &pretty);
			(void)expr_deps(x, t, k->expression, pretty.data,
			    "index", ix->name, 0, x->m->ntables);
		} else {
			vf_quote_ident(&body, k != NULL ? k->column :
			    ix->include[i - ix->nkeys]);
			c = col_index(t, k != NULL ? k->column :
			    ix->include[i - ix->nkeys]);
			xm_dep(x, "index", ix->name, NULL, "a", "table",
			    t->name, t->columns[c].name);
			simple = 1;
		}
		coll = NULL;
		desc = nf = 0;
		if (k != NULL) {
			if (k->collation != NULL && c >= 0 &&
			    strcmp(k->collation, x->cols[ti][c].coll) != 0) {
				coll = k->collation;
				vbuf_puts(&body, " COLLATE ");
				vf_quote_ident(&body, coll);
			}
			if (k->opclass != NULL) {
				vbuf_putc(&body, ' ');
				vf_quote_ident(&body, k->opclass);
			}
			desc = btree && k->desc;
			nf = btree && (k->nulls == MODEL_NULLS_FIRST ||
			    (k->desc && k->nulls != MODEL_NULLS_LAST));
			if (desc)
				vbuf_puts(&body, nf ? " DESC" :
				    " DESC NULLS LAST");
			else if (nf)
				vbuf_puts(&body, " NULLS FIRST");
		}
		snprintf(pos, sizeof(pos), "%zu", i + 1);
		cells[0] = t->name;
		cells[1] = ix->name;
		cells[2] = pos;
		cells[3] = c >= 0 ? t->columns[c].name : NULL;
		cells[4] = c >= 0 ? NULL : pretty.data;
		cells[5] = desc ? "t" : "f";
		cells[6] = nf ? "t" : "f";
		cells[7] = k != NULL ? "f" : "t";
		cells[8] = coll;
		cells[9] = k != NULL ? k->opclass : NULL;
		xm_row(x, CATALOG_INDEXKEYS, cells, 10);
	}
	/* No plain column: an 'a' dependency on the whole table
	   (index_create()). */
	if (!simple)
		xm_dep(x, "index", ix->name, NULL, "a", "table", t->name,
		    NULL);
	vbuf_putc(&body, ')');
	if (ix->nulls_not_distinct)
		vbuf_puts(&body, " NULLS NOT DISTINCT");
	/* core: the body without its WITH (...). */
	vbuf_init(&core);
	vbuf_puts(&core, body.data);
	vbuf_init(&rel);
	vbuf_init(&with);
	(void)xm_params(ix->with, ix->nwith, ix->method, &rel, &with);
	if (with.len > 0)
		vbuf_appendf(&body, " WITH (%s)", with.data);
	if (pred != NULL) {
		vbuf_appendf(&body, " WHERE %s", pred);
		vbuf_appendf(&core, " WHERE %s", pred);
	}
	cells[0] = t->name;
	cells[1] = ix->name;
	cells[2] = ix->unique ? "t" : "f";
	cells[3] = ix->method;
	cells[4] = body.data;
	cells[5] = pred;
	cells[6] = xm_comment(ix->comment);
	cells[7] = rel.len > 0 ? rel.data : NULL;
	cells[8] = core.data;
	xm_row(x, CATALOG_INDEXES, cells, 9);
	vbuf_free(&body);
	vbuf_free(&pretty);
	vbuf_free(&core);
	vbuf_free(&rel);
	vbuf_free(&with);
}

int
xm_indexes(struct xm_ctx *x)
{
	const struct model_table	*t;
	const struct model_index	*ix;
	struct vbuf			 pred;
	size_t				 i, j;

	vbuf_init(&pred);
	for (i = 0; i < x->m->ntables; i++) {
		t = &x->m->tables[i];
		for (j = 0; j < t->nindexes; j++) {
			ix = &t->indexes[j];
			vbuf_reset(&pred);
			/* A predicate of constant true is none
			   (make_ands_implicit()). */
			if (!index_ok(x, i, ix) || (ix->where != NULL &&
			    (!xm_print_expr(x, i, ix->where, &pred) ||
			    strcmp(pred.data, "true") == 0 ||
			    !expr_deps(x, t, ix->where, pred.data, "index",
			    ix->name, 0, x->m->ntables)))) {
				vbuf_free(&pred);
				xm_decline_at(x, 'i', t->name, ix->name);
				return (xm_decline(x, "table \"%s\" index "
				    "\"%s\"", t->name, ix->name));
			}
			build_index(x, i, ix, ix->where != NULL ? pred.data :
			    NULL);
		}
	}
	vbuf_free(&pred);
	return (1);
}
