/*
 * expected_mem.c: the expected catalog built in memory from the model,
 * row by row in the exact text the catalog queries (catalog.c) print, for
 * every object whose printed form is known; an object it cannot print
 * exactly sends the model to the server (expected_from_server()).
 *
 * This file: the build's order, the shared helpers, enums, sequences,
 * tables and columns, and the names PostgreSQL gives the sequences of
 * serial and identity columns.  Constraints and indexes are in
 * expected_mem_con.c, privileges in expected_mem_grant.c, types in
 * expected_mem_type.c.  The relations are made in the order
 * model_render.c creates them, so that a generated name collides as it
 * would on the server.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"
#include "expected_expr.h"

/* What a relation name is, as xm_ctx.rels keeps it. */
enum { REL_TABLE = 1, REL_SEQUENCE, REL_INDEX, REL_COMPOSITE };

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

/* The hash of a row's n cells (NULL apart from ""). */
static size_t
row_hash(char *const *cells, size_t n)
{
	size_t	h = 0, i;

	for (i = 0; i < n; i++)
		h = h * 31 + (cells[i] != NULL ? vf_str_hash(cells[i]) : 7);
	return (h);
}

static int
cell_eq(const char *a, const char *b)
{
	return (a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0);
}

/* The slot of row r of CATALOG_DEPS in x->dep_slots, or the empty one
   where it would go, for the cells of a row. */
static size_t
dep_slot(const struct xm_ctx *x, char *const *cells)
{
	const struct catalog_set	*set = &x->cat->sets[CATALOG_DEPS];
	char				*const *row;
	size_t				 h, i;

	for (h = row_hash(cells, 7) & (x->dep_nslots - 1);
	    x->dep_slots[h] != 0; h = (h + 1) & (x->dep_nslots - 1)) {
		row = &set->cells[(x->dep_slots[h] - 1) * 7];
		for (i = 0; i < 7 && cell_eq(row[i], cells[i]); i++)
			;
		if (i == 7)
			break;
	}
	return (h);
}

void
xm_dep(struct xm_ctx *x, const char *kind, const char *name, const char *col,
    const char *deptype, const char *ref_kind, const char *ref_name,
    const char *ref_col)
{
	const struct catalog_set	*set = &x->cat->sets[CATALOG_DEPS];
	char				*cells[7];
	size_t				 h, i;

	cells[0] = (char *)(uintptr_t)kind;
	cells[1] = (char *)(uintptr_t)name;
	cells[2] = (char *)(uintptr_t)col;
	cells[3] = (char *)(uintptr_t)deptype;
	cells[4] = (char *)(uintptr_t)ref_kind;
	cells[5] = (char *)(uintptr_t)ref_name;
	cells[6] = (char *)(uintptr_t)ref_col;
	/* SELECT DISTINCT: each row once; the slots hold row numbers + 1,
	   half of them free at most. */
	if ((set->nrows + 1) * 2 > x->dep_nslots) {
		free(x->dep_slots);
		x->dep_nslots = x->dep_nslots == 0 ? 256 : x->dep_nslots * 2;
		x->dep_slots = xcalloc(x->dep_nslots, sizeof(*x->dep_slots));
		for (i = 0; i < set->nrows; i++)
			x->dep_slots[dep_slot(x, &set->cells[i * 7])] = i + 1;
	}
	h = dep_slot(x, cells);
	if (x->dep_slots[h] != 0)
		return;
	xm_row(x, CATALOG_DEPS, (const char *const *)cells, 7);
	x->dep_slots[h] = set->nrows;
}

const char *
xm_comment(const char *comment)
{
	return (comment != NULL && *comment != '\0' ? comment : NULL);
}

/* The bounds of a sequence's integer type; 0 for another type. */
static int
int_bounds(const char *type, long long *lo, long long *hi)
{
	if (strcmp(type, "smallint") == 0) {
		*lo = -32768;
		*hi = 32767;
	} else if (strcmp(type, "integer") == 0) {
		*lo = -2147483648LL;
		*hi = 2147483647LL;
	} else if (strcmp(type, "bigint") == 0) {
		*lo = INT64_MIN;
		*hi = INT64_MAX;
	} else
		return (0);
	return (1);
}

/* A sequence's options resolved as CREATE SEQUENCE does (init_params()):
   1, or 0 when the server would reject them. */
struct xm_seq {
	long long	start, inc, min, max, cache, lo, hi;
	int		cycle;
};

static int
seq_resolve(const char *type, const struct model_seq_opts *o,
    struct xm_seq *s)
{
	if (!int_bounds(type, &s->lo, &s->hi))
		return (0);
	s->inc = o->have & MODEL_SEQ_INCREMENT ? o->increment : 1;
	if (s->inc == 0)
		return (0);
	s->max = o->have & MODEL_SEQ_MAX ? o->max : s->inc > 0 ? s->hi : -1;
	s->min = o->have & MODEL_SEQ_MIN ? o->min : s->inc > 0 ? 1 : s->lo;
	if (s->max < s->lo || s->max > s->hi || s->min < s->lo ||
	    s->min > s->hi || s->min >= s->max)
		return (0);
	s->start = o->have & MODEL_SEQ_START ? o->start :
	    s->inc > 0 ? s->min : s->max;
	if (s->start < s->min || s->start > s->max)
		return (0);
	s->cache = o->have & MODEL_SEQ_CACHE ? o->cache : 1;
	if (s->cache < 1)
		return (0);
	s->cycle = o->have & MODEL_SEQ_CYCLE ? o->cycle : 0;
	return (1);
}

/* A CATALOG_SEQUENCES row. */
static void
seq_row(struct xm_ctx *x, const char *name, const char *type,
    const struct xm_seq *s, const char *owned_tbl, const char *owned_col,
    const char *comment)
{
	char		 n[5][24];
	const char	*cells[11];

	snprintf(n[0], sizeof(n[0]), "%lld", s->start);
	snprintf(n[1], sizeof(n[1]), "%lld", s->inc);
	snprintf(n[2], sizeof(n[2]), "%lld", s->min);
	snprintf(n[3], sizeof(n[3]), "%lld", s->max);
	snprintf(n[4], sizeof(n[4]), "%lld", s->cache);
	cells[0] = name;
	cells[1] = type;
	cells[2] = n[0];
	cells[3] = n[1];
	cells[4] = n[2];
	cells[5] = n[3];
	cells[6] = n[4];
	cells[7] = s->cycle ? "t" : "f";
	cells[8] = owned_tbl;
	cells[9] = owned_col;
	cells[10] = xm_comment(comment);
	xm_row(x, CATALOG_SEQUENCES, cells, 11);
}

static int
build_enums(struct xm_ctx *x)
{
	const struct model_enum	*e;
	const char		*cells[4];
	char			 pos[24];
	size_t			 i, j;

	for (i = 0; i < x->m->nenums; i++) {
		e = &x->m->enums[i];
		if (xm_names_get(&x->rels, e->name) != -1)
			return (xm_decline(x, "enum \"%s\": a relation has its "
			    "name", e->name));
		cells[0] = e->name;
		cells[3] = xm_comment(e->comment);
		for (j = 0; j < e->nvalues || j == 0; j++) {
			snprintf(pos, sizeof(pos), "%zu", j + 1);
			cells[1] = pos;
			cells[2] = j < e->nvalues ? e->values[j] : NULL;
			xm_row(x, CATALOG_ENUMS, cells, 4);
		}
	}
	return (1);
}

static int
build_sequences(struct xm_ctx *x)
{
	const struct model_sequence	*sq;
	const struct model_table	*t;
	struct xm_seq			 s;
	int				 ti;
	size_t				 i;

	for (i = 0; i < x->m->nsequences; i++) {
		sq = &x->m->sequences[i];
		if (sq->type == NULL || !seq_resolve(sq->type, &sq->opts, &s))
			return (xm_decline(x, "sequence \"%s\": options",
			    sq->name));
		if (sq->owned_tbl != NULL) {
			ti = xm_names_get(&x->tables, sq->owned_tbl);
			if (ti < 0 || (t = &x->m->tables[ti],
			    model_find_column(t, sq->owned_col) == NULL))
				return (xm_decline(x, "sequence \"%s\": owned "
				    "by", sq->name));
			xm_dep(x, "sequence", sq->name, NULL, "a", "table",
			    sq->owned_tbl, sq->owned_col);
		}
		seq_row(x, sq->name, sq->type, &s, sq->owned_tbl,
		    sq->owned_col, sq->comment);
	}
	return (1);
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
		return (xm_decline(x, "table \"%s\" column \"%s\": type \"%s\"",
		    t->name, c->name, c->type));
	}
	xc->type = xstrdup(b.data);
	xc->coll = "default";
	if (c->collation != NULL) {
		if (!xm_known_collation(c->collation) ||
		    !xm_type_collatable(xc->type)) {
			vbuf_free(&b);
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

/* "start increment min max cache cycle" of an identity's sequence, min
   or max "-" at the type's bound (catalog.c's identity_opts). */
static void
identity_opts(const struct xm_seq *s, struct vbuf *out)
{
	vbuf_appendf(out, "%lld %lld ", s->start, s->inc);
	if (s->inc < 0 && s->min == s->lo)
		vbuf_puts(out, "-");
	else
		vbuf_appendf(out, "%lld", s->min);
	vbuf_putc(out, ' ');
	if (s->inc > 0 && s->max == s->hi)
		vbuf_puts(out, "-");
	else
		vbuf_appendf(out, "%lld", s->max);
	vbuf_appendf(out, " %lld %s", s->cache, s->cycle ? "t" : "f");
}

/* nextval('schema.seq'::regclass), as pg_get_expr() prints it. */
static void
nextval_expr(struct xm_ctx *x, const char *seq, struct vbuf *out)
{
	struct vbuf	 q;
	const char	*p;

	vbuf_init(&q);
	vbuf_puts(&q, x->qschema);
	vbuf_putc(&q, '.');
	vf_quote_ident(&q, seq);
	vbuf_puts(out, "nextval('");
	for (p = q.data; *p != '\0'; p++) {
		if (*p == '\'')
			vbuf_putc(out, '\'');
		vbuf_putc(out, *p);
	}
	vbuf_puts(out, "'::regclass)");
	vbuf_free(&q);
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
		nextval_expr(x, xc->seq, &def);
		memset(&none, 0, sizeof(none));
		(void)seq_resolve(serial, &none, &s);
		seq_row(x, xc->seq, serial, &s, t->name, c->name, NULL);
		xm_dep(x, "sequence", xc->seq, NULL, "a", "table", t->name,
		    c->name);
		xm_dep(x, "table", t->name, c->name, "n", "sequence", xc->seq,
		    NULL);
	} else if (c->identity != MODEL_IDENTITY_NONE) {
		if (c->default_expr != NULL ||
		    !seq_resolve(xc->type, &c->identity_opts, &s)) {
			xm_decline(x, "table \"%s\" column \"%s\": identity",
			    t->name, c->name);
			goto done;
		}
		identity_opts(&s, &opts);
		xm_dep(x, "sequence", xc->seq, NULL, "i", "table", t->name,
		    c->name);
	} else if (c->default_expr != NULL) {
		if (!xp_default(c->default_expr, xc->type, &def) ||
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
	vbuf_free(&def);
	vbuf_free(&opts);
	return (rc);
}

static int
build_table(struct xm_ctx *x, size_t ti)
{
	const struct model_table	*t = &x->m->tables[ti];
	const char			*cells[6];
	struct vbuf			 rel, with;
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
	if (ok)
		xm_row(x, CATALOG_TABLES, cells, 6);
	vbuf_free(&rel);
	vbuf_free(&with);
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

/*
 * An identifier of printed SQL at p (bare or double-quoted) into out:
 * the characters after it, or NULL when there is none.
 */
static const char *
read_ident(const char *p, struct vbuf *out)
{
	if (*p == '"') {
		for (p++; *p != '\0'; p++) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				return (p + 1);
			vbuf_putc(out, *p);
		}
		return (NULL);
	}
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
	    *p == '_' || *p == '$')
		vbuf_putc(out, *p++);
	return (out->len > 0 ? p : NULL);
}

int
xm_expr_deps(struct xm_ctx *x, const char *expr, const char *kind,
    const char *name, const char *col, size_t upto)
{
	const char	*p, *q;
	struct vbuf	 id;
	size_t		 ql = strlen(x->qschema);
	int		 ok = 1, rel, e;

	vbuf_init(&id);
	for (p = expr; ok && (p = strstr(p, x->qschema)) != NULL; p = q) {
		q = p + ql;
		if (*q != '.' || (p > expr && (p[-1] == '_' ||
		    (p[-1] >= 'a' && p[-1] <= 'z') ||
		    (p[-1] >= '0' && p[-1] <= '9')))) {
			/* Part of another word: no name of the schema. */
			if (*q == '.')
				ok = 0;
			continue;
		}
		vbuf_reset(&id);
		vbuf_puts(&id, "");
		if ((q = read_ident(q + 1, &id)) == NULL) {
			ok = 0;
			break;
		}
		if (p > expr && p[-1] == '\'' &&
		    strncmp(q, "'::regclass", 11) == 0) {
			rel = xm_names_get(&x->rels, id.data);
			e = xm_names_get(&x->seqtab, id.data);
			if (rel != REL_SEQUENCE || e < 0 || (size_t)e > upto)
				ok = 0;
			else
				xm_dep(x, kind, name, col, "n", "sequence",
				    id.data, NULL);
		} else if (p >= expr + 2 && p[-1] == ':' && p[-2] == ':') {
			if ((e = xm_names_get(&x->types, id.data)) <= 0 ||
			    (upto == 0 && e != XM_ENUM))
				ok = 0;
			else
				xm_dep(x, kind, name, col, "n",
				    xm_type_kind(e), id.data, NULL);
		} else
			ok = 0;
	}
	vbuf_free(&id);
	return (ok);
}

int
expected_from_model(const struct model *m, struct catalog *cat, char *why,
    size_t whylen)
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
	vbuf_init(&q);
	vf_quote_ident(&q, m->schema);
	x.qschema = vbuf_steal(&q);
	x.cols = xcalloc(m->ntables + 1, sizeof(*x.cols));
	for (i = 0; i < m->ntables; i++)
		x.cols[i] = xcalloc(m->tables[i].ncolumns + 1,
		    sizeof(**x.cols));
	catalog_init(cat, m->schema);
	if (!model_kinds(&x) || !name_relations(&x) || !build_enums(&x) ||
	    !xm_user_types(&x) || !build_sequences(&x))
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
