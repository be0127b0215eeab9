/*
 * expected_mem.c: the expected catalog built in memory from the model,
 * row by row in the exact text the catalog queries (catalog.c) print, for
 * every object whose printed form is known; an object it cannot print
 * exactly sends the model to the server (expected_from_server()).
 *
 * This file: the build's order, the shared helpers, tables and columns,
 * and the names PostgreSQL gives the sequences of serial and identity
 * columns.  The other parts, by kind: expected_mem_type.c (column types),
 * _domain.c (enums, domains, composite types), _seq.c (sequences), _con.c
 * (constraints, indexes), _storage.c (storage parameters), _policy.c,
 * _grant.c, _deps.c (CATALOG_DEPS).  The relations are made in the order
 * model_render.c creates them, so that a generated name collides as it
 * would on the server.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"
#include "expected_expr.h"

int
xm_decline(struct xm_ctx *x, const char *fmt, ...)
{
	va_list	ap;

	if (x->why != NULL && x->whylen > 0) {
		va_start(ap, fmt);
		vsnprintf(x->why, x->whylen, fmt, ap);
		va_end(ap);
	}
	return (0);
}

void
xm_decline_at(struct xm_ctx *x, int kind, const char *table,
    const char *name)
{
	if (x->decl == NULL)
		return;
	x->decl->kind = kind;
	snprintf(x->decl->table, sizeof(x->decl->table), "%s", table);
	snprintf(x->decl->name, sizeof(x->decl->name), "%s",
	    name != NULL ? name : "");
}

void
xm_row(struct xm_ctx *x, enum catalog_set_id set, const char *const *cells,
    size_t n)
{
	char	**row;
	size_t	  i;

	if (n != x->cat->sets[set].ncols)
		abort();
	row = catalog_add_row(x->cat, set);
	for (i = 0; i < n; i++)
		row[i] = cells[i] != NULL ? xstrdup(cells[i]) : NULL;
}

/* The slot of name: its own, or the empty one where it would go. */
static size_t
slot(const struct xm_names *s, const char *name)
{
	size_t	h;

	for (h = vf_str_hash(name) & (s->nslots - 1); s->keys[h] != NULL &&
	    strcmp(s->keys[h], name) != 0; h = (h + 1) & (s->nslots - 1))
		;
	return (h);
}

int
xm_names_get(const struct xm_names *s, const char *name)
{
	size_t	h;

	if (s->nslots == 0)
		return (-1);
	h = slot(s, name);
	return (s->keys[h] != NULL ? s->vals[h] : -1);
}

void
xm_names_put(struct xm_names *s, const char *name, int val)
{
	struct xm_names	old;
	size_t		h, i;

	if ((s->n + 1) * 2 > s->nslots) {
		old = *s;
		s->nslots = old.nslots == 0 ? 64 : old.nslots * 2;
		s->keys = xcalloc(s->nslots, sizeof(*s->keys));
		s->vals = xcalloc(s->nslots, sizeof(*s->vals));
		for (i = 0; i < old.nslots; i++)
			if (old.keys[i] != NULL) {
				h = slot(s, old.keys[i]);
				s->keys[h] = old.keys[i];
				s->vals[h] = old.vals[i];
			}
		free(old.keys);
		free(old.vals);
	}
	h = slot(s, name);
	if (s->keys[h] != NULL)
		return;
	s->keys[h] = xstrdup(name);
	s->vals[h] = val;
	s->n++;
}

void
xm_names_free(struct xm_names *s)
{
	size_t	i;

	for (i = 0; i < s->nslots; i++)
		free(s->keys[i]);
	free(s->keys);
	free(s->vals);
	memset(s, 0, sizeof(*s));
}

const char *
xm_comment(const char *comment)
{
	return (comment != NULL && *comment != '\0' ? comment : NULL);
}

/*
 * A relation the model names, made now: 1, or 0 when the name is taken
 * (by a sequence PostgreSQL named: the server would reject the model).
 */
static int
make_rel(struct xm_ctx *x, const char *name, int kind)
{
	if (xm_names_get(&x->rels, name) != -1)
		return (xm_decline(x, "relation \"%s\": the name is taken",
		    name));
	xm_names_put(&x->rels, name, kind);
	return (1);
}

/*
 * The sequences of table t's serial and identity columns, named as
 * ChooseRelationName() names them when CREATE TABLE runs (the base name,
 * then seq1, seq2... until no relation has it), then the table and the
 * indexes of its primary key and unique constraints: 1, or 0 declined.
 */
static int
name_table_rels(struct xm_ctx *x, size_t ti)
{
	const struct model_table	*t = &x->m->tables[ti];
	const struct model_column	*c;
	char				 name[MODEL_NAME_MAX + 1], label[32];
	size_t				 j, k;
	int				 pass;

	for (j = 0; j < t->ncolumns; j++) {
		c = &t->columns[j];
		if (c->identity == MODEL_IDENTITY_NONE &&
		    model_serial_base(c->type) == NULL)
			continue;
		snprintf(label, sizeof(label), "seq");
		for (pass = 0;;) {
			model_make_name(name, t->name, c->name, label);
			if (xm_names_get(&x->rels, name) == -1)
				break;
			snprintf(label, sizeof(label), "seq%d", ++pass);
		}
		/* Two of one table named alike: CREATE TABLE fails. */
		for (k = 0; k < j; k++)
			if (x->cols[ti][k].seq != NULL &&
			    strcmp(x->cols[ti][k].seq, name) == 0)
				return (xm_decline(x, "table \"%s\": two "
				    "sequences named \"%s\"", t->name, name));
		x->cols[ti][j].seq = xstrdup(name);
	}
	for (j = 0; j < t->ncolumns; j++)
		if (x->cols[ti][j].seq != NULL) {
			xm_names_put(&x->rels, x->cols[ti][j].seq,
			    REL_SEQUENCE);
			xm_names_put(&x->seqtab, x->cols[ti][j].seq,
			    (int)ti + 1);
		}
	if (!make_rel(x, t->name, REL_TABLE))
		return (0);
	for (j = 0; j < t->nconstraints; j++)
		if (t->constraints[j].kind == MODEL_CON_PRIMARY &&
		    !make_rel(x, t->constraints[j].name, REL_INDEX))
			return (0);
	for (j = 0; j < t->nconstraints; j++)
		if (t->constraints[j].kind == MODEL_CON_UNIQUE &&
		    !make_rel(x, t->constraints[j].name, REL_INDEX))
			return (0);
	return (1);
}

/* Whether column name is in the primary key of t. */
static int
in_pkey(const struct model_table *t, const char *name)
{
	size_t	i, j;

	for (i = 0; i < t->nconstraints; i++) {
		if (t->constraints[i].kind != MODEL_CON_PRIMARY)
			continue;
		for (j = 0; j < t->constraints[i].ncolumns; j++)
			if (strcmp(t->constraints[i].columns[j], name) == 0)
				return (1);
	}
	return (0);
}

int
xm_known_collation(const char *coll)
{
	return (strcmp(coll, "C") == 0 || strcmp(coll, "POSIX") == 0 ||
	    strcmp(coll, "ucs_basic") == 0 || strcmp(coll, "default") == 0);
}

/* Column c of table t: its printed type, collation and NOT NULL. */
static int
type_column(struct xm_ctx *x, const struct model_table *t,
    const struct model_column *c, struct xm_col *xc)
{
	struct vbuf	b;

	vbuf_init(&b);
	if (!xm_format_type(x, c, &b, &xc->user)) {
		vbuf_free(&b);
		xm_decline_at(x, 't', t->name, NULL);
		return (xm_decline(x, "table \"%s\" column \"%s\": type \"%s\"",
		    t->name, c->name, c->type));
	}
	xc->type = xstrdup(b.data);
	xc->coll = "default";
	if (c->collation != NULL) {
		if (!xm_known_collation(c->collation) ||
		    !xm_type_collatable(xc->type)) {
			vbuf_free(&b);
			xm_decline_at(x, 't', t->name, NULL);
			return (xm_decline(x, "table \"%s\" column \"%s\": "
			    "collation", t->name, c->name));
		}
		xc->coll = c->collation;
		if (strcmp(c->collation, "default") != 0) {
			vbuf_puts(&b, " COLLATE ");
			vf_quote_ident(&b, c->collation);
		}
	}
	xc->full = vbuf_steal(&b);
	xc->not_null = !c->nullable || c->identity != MODEL_IDENTITY_NONE ||
	    model_serial_base(c->type) != NULL || in_pkey(t, c->name);
	return (1);
}

/*
 * The printed default of column c into def: 1, or 0 when it is not
 * printed.  A default of an enum column (not an array) prints only as one
 * of its labels: the server refuses any other.
 */
static int
default_text(struct xm_ctx *x, const struct model_column *c,
    const struct xm_col *xc, struct vbuf *def)
{
	const struct model_enum	*e;
	struct xp_column	 col;
	struct vbuf		 want;
	size_t			 i;
	int			 ok = 0;

	memset(&col, 0, sizeof(col));
	col.name = c->name;
	col.type = xc->type;
	if (c->enum_index >= 0 && strchr(c->type, '[') == NULL)
		col.kind = 'e';
	if (!xp_default_col(c->default_expr, &col, x->m->schema, def))
		return (0);
	if (col.kind != 'e')
		return (1);
	e = &x->m->enums[c->enum_index];
	vbuf_init(&want);
	for (i = 0; !ok && i < e->nvalues; i++) {
		vbuf_reset(&want);
		vf_quote_literal(&want, e->values[i]);
		vbuf_appendf(&want, "::%s", xc->type);
		ok = strcmp(want.data, def->data) == 0;
	}
	vbuf_free(&want);
	return (ok);
}

static int
build_column(struct xm_ctx *x, size_t ti, size_t j, struct xm_col *xc)
{
	const struct model_table	*t = &x->m->tables[ti];
	const struct model_column	*c = &t->columns[j];
	const char			*serial = model_serial_base(c->type);
	const char			*cells[10];
	struct vbuf			 def, opts;
	struct model_seq_opts		 none;
	struct xm_seq			 s;
	char				 pos[24];
	int				 rc = 0;

	vbuf_init(&def);
	vbuf_init(&opts);
	if (c->generated != NULL) {
		xm_decline(x, "table \"%s\" column \"%s\": generated", t->name,
		    c->name);
		goto done;
	}
	if (xc->user != 0) {
		char	*elem = xstrndup(c->type, strcspn(c->type, "["));

		xm_dep(x, "table", t->name, c->name, "n",
		    xm_type_kind(xc->user), elem, NULL);
		free(elem);
	}
	if (serial != NULL) {
		if (c->default_expr != NULL ||
		    c->identity != MODEL_IDENTITY_NONE) {
			xm_decline(x, "table \"%s\" column \"%s\": serial",
			    t->name, c->name);
			goto done;
		}
		xm_nextval(x, xc->seq, &def);
		memset(&none, 0, sizeof(none));
		(void)xm_seq_resolve(serial, &none, &s);
		xm_seq_row(x, xc->seq, serial, &s, t->name, c->name, NULL);
		xm_dep(x, "sequence", xc->seq, NULL, "a", "table", t->name,
		    c->name);
		xm_dep(x, "table", t->name, c->name, "n", "sequence", xc->seq,
		    NULL);
	} else if (c->identity != MODEL_IDENTITY_NONE) {
		if (c->default_expr != NULL ||
		    !xm_seq_resolve(xc->type, &c->identity_opts, &s)) {
			xm_decline(x, "table \"%s\" column \"%s\": identity",
			    t->name, c->name);
			goto done;
		}
		xm_identity_opts(&s, &opts);
		xm_dep(x, "sequence", xc->seq, NULL, "i", "table", t->name,
		    c->name);
	} else if (c->default_expr != NULL) {
		if (!default_text(x, c, xc, &def) ||
		    !xm_expr_deps(x, def.data, "table", t->name, c->name,
		    ti + 1)) {
			xm_decline(x, "table \"%s\" column \"%s\": default",
			    t->name, c->name);
			goto done;
		}
	}
	snprintf(pos, sizeof(pos), "%zu", j + 1);
	cells[0] = t->name;
	cells[1] = c->name;
	cells[2] = pos;
	cells[3] = xc->full;
	cells[4] = xc->not_null ? "t" : "f";
	cells[5] = def.len > 0 ? def.data : NULL;
	cells[6] = c->identity == MODEL_IDENTITY_ALWAYS ? "always" :
	    c->identity == MODEL_IDENTITY_BY_DEFAULT ? "by default" : NULL;
	cells[7] = NULL;
	cells[8] = xm_comment(c->comment);
	cells[9] = opts.len > 0 ? opts.data : NULL;
	xm_row(x, CATALOG_COLUMNS, cells, 10);
	rc = 1;
done:
	if (!rc)
		xm_decline_at(x, 't', t->name, NULL);
	vbuf_free(&def);
	vbuf_free(&opts);
	return (rc);
}

static int
build_table(struct xm_ctx *x, size_t ti)
{
	const struct model_table	*t = &x->m->tables[ti];
	const char			*cells[7];
	struct vbuf			 rel, with, ri;
	size_t				 j;
	int				 ok;

	if (t->partition_by != NULL)
		return (xm_decline(x, "table \"%s\": partitioned", t->name));
	if (t->open_columns)
		return (xm_decline(x, "table \"%s\": a materialized view's",
		    t->name));
	if (strcmp(t->name, VF_VERSION_TABLE) == 0)
		return (xm_decline(x, "table \"%s\": the version table",
		    t->name));
	cells[0] = t->name;
	cells[1] = xm_comment(t->comment);
	cells[2] = t->unlogged ? "t" : "f";
	vbuf_init(&rel);
	vbuf_init(&with);
	ok = xm_params(t->with, t->nwith, "table", &rel, &with);
	cells[3] = rel.len > 0 ? rel.data : NULL;
	cells[4] = t->rls ? "t" : "f";
	cells[5] = t->force_rls ? "t" : "f";
	vbuf_init(&ri);
	if (t->replident == 'i')
		vbuf_appendf(&ri, "index:%s", t->replident_index);
	cells[6] = t->replident == 'f' ? "full" : t->replident == 'n' ?
	    "nothing" : t->replident == 'i' ? ri.data : NULL;
	if (ok)
		xm_row(x, CATALOG_TABLES, cells, 7);
	vbuf_free(&ri);
	vbuf_free(&rel);
	vbuf_free(&with);
	if (!ok)
		xm_decline_at(x, 't', t->name, NULL);
	if (!ok)
		return (xm_decline(x, "table \"%s\": storage parameters",
		    t->name));
	for (j = 0; j < t->ncolumns; j++)
		if (!build_column(x, ti, j, &x->cols[ti][j]))
			return (0);
	return (xm_policies(x, ti));
}

/* The kinds the build does not print. */
static int
model_kinds(struct xm_ctx *x)
{
	const struct model	*m = x->m;

	if (m->npartitions > 0)
		return (xm_decline(x, "partitions"));
	if (m->nviews > 0)
		return (xm_decline(x, "views"));
	if (m->nfunctions > 0)
		return (xm_decline(x, "functions"));
	if (m->ntriggers > 0)
		return (xm_decline(x, "triggers"));
	if (m->nextensions > 0)
		return (xm_decline(x, "extensions"));
	/* A backslash reads differently without standard strings. */
	if (strchr(m->schema, '\\') != NULL)
		return (xm_decline(x, "schema name"));
	return (1);
}

/* Every table's column types, then the relations in creation order. */
static int
name_relations(struct xm_ctx *x)
{
	const struct model	*m = x->m;
	const struct model_table *t;
	size_t			 i, j;

	for (i = 0; i < m->nenums + m->ndomains + m->ncomposites; i++) {
		const char	*n;
		int		 kind;

		if (i < m->nenums) {
			n = m->enums[i].name;
			kind = XM_ENUM;
		} else if (i < m->nenums + m->ndomains) {
			n = m->domains[i - m->nenums].name;
			kind = XM_DOMAIN;
		} else {
			n = m->composites[i - m->nenums - m->ndomains].name;
			kind = XM_COMPOSITE;
		}
		if (xm_names_get(&x->types, n) != -1)
			return (xm_decline(x, "type \"%s\": two of that name",
			    n));
		xm_names_put(&x->types, n, kind);
	}
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		xm_names_put(&x->tables, t->name, (int)i);
		for (j = 0; j < t->ncolumns; j++)
			if (!type_column(x, t, &t->columns[j],
			    &x->cols[i][j]))
				return (0);
	}
	/* Composite types are relations, made before the sequences. */
	for (i = 0; i < m->ncomposites; i++)
		if (!make_rel(x, m->composites[i].name, REL_COMPOSITE))
			return (0);
	for (i = 0; i < m->nsequences; i++) {
		if (!make_rel(x, m->sequences[i].name, REL_SEQUENCE))
			return (0);
		xm_names_put(&x->seqtab, m->sequences[i].name, 0);
	}
	for (i = 0; i < m->ntables; i++)
		if (!name_table_rels(x, i))
			return (0);
	for (i = 0; i < m->ntables; i++)
		for (j = 0; j < m->tables[i].nindexes; j++)
			if (!make_rel(x, m->tables[i].indexes[j].name,
			    REL_INDEX))
				return (0);
	return (1);
}

int
expected_from_model(const struct model *m, struct catalog *cat, char *why,
    size_t whylen)
{
	return (expected_from_model_decl(m, cat, why, whylen, NULL));
}

int
expected_from_model_decl(const struct model *m, struct catalog *cat,
    char *why, size_t whylen, struct expected_decline *d)
{
	struct xm_ctx	x;
	struct vbuf	q;
	size_t		i, j;
	int		ok = 0;

	memset(&x, 0, sizeof(x));
	memset(cat, 0, sizeof(*cat));
	if (why != NULL && whylen > 0)
		*why = '\0';
	if (m->schema == NULL)
		return (0);
	x.m = m;
	x.cat = cat;
	x.why = why;
	x.whylen = whylen;
	x.decl = d;
	if (d != NULL)
		memset(d, 0, sizeof(*d));
	vbuf_init(&q);
	vf_quote_ident(&q, m->schema);
	x.qschema = vbuf_steal(&q);
	x.cols = xcalloc(m->ntables + 1, sizeof(*x.cols));
	for (i = 0; i < m->ntables; i++)
		x.cols[i] = xcalloc(m->tables[i].ncolumns + 1,
		    sizeof(**x.cols));
	catalog_init(cat, m->schema);
	if (!model_kinds(&x) || !name_relations(&x) || !xm_enums(&x) ||
	    !xm_user_types(&x) || !xm_sequences(&x))
		goto done;
	for (i = 0; i < m->ntables; i++)
		if (!build_table(&x, i))
			goto done;
	if (!xm_constraints(&x) || !xm_indexes(&x) || !xm_grants(&x))
		goto done;
	ok = 1;
done:
	if (!ok)
		catalog_free(cat);
	for (i = 0; i < m->ntables; i++) {
		for (j = 0; j < m->tables[i].ncolumns; j++) {
			free(x.cols[i][j].type);
			free(x.cols[i][j].full);
			free(x.cols[i][j].seq);
		}
		free(x.cols[i]);
	}
	free(x.cols);
	free(x.qschema);
	xm_names_free(&x.tables);
	xm_names_free(&x.types);
	xm_names_free(&x.seqtab);
	xm_names_free(&x.rels);
	free(x.dep_slots);
	return (ok);
}
