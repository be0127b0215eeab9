/*
 * expected_split.c: the expected catalog of a model that the memory
 * declines only for its views, functions and triggers.  The rest is built
 * in memory; each of those objects (a view, the functions of one name, a
 * trigger) comes from the cache, keyed by the DDL of the object and of
 * what its DDL needs, or from the server, where the objects the cache
 * misses go together, in one shadow transaction or scratch database, with
 * the tables (and the tables their foreign keys reference), types,
 * sequences, functions and views they need; their own rows are taken
 * from the server's catalog and added to the memory's.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "expected.h"
#include "pgtree.h"
#include "snapshot.h"

/* Bump when the catalog queries, the store or the split change. */
#define OBJ_CACHE_TAG	"verifier-expected-object-3"

/* The objects that may come from the server: those the memory never
   builds, and a table, or a constraint, index or policy of one, that it
   declined. */
enum { XS_VIEW, XS_FUNCTION, XS_TRIGGER, XS_TABLE, XS_CON, XS_INDEX,
	XS_POLICY };

/* A selection of a model's objects, a byte each: 1 selected. */
struct xs_need {
	char	*tables, *views, *funcs, *trigs;
};

/* A declined object, its rows once found. */
struct xs_obj {
	int		 kind;
	size_t		 idx;	/* in views, functions (the first of its
				   name), triggers, tables */
	size_t		 sub;	/* the constraint, index or policy of
				   table idx */
	struct xs_need	 need;	/* it and what its DDL needs */
	char		 path[PATH_MAX + 100];
	int		 cached;	/* path is usable */
	int		 miss;		/* not in the cache: the server's */
	struct catalog	 rows;
};

struct xs_ctx {
	const struct model	*m;
	struct xs_need		*vref;	/* per view: what its query names */
	struct xs_need		*fref;	/* per function: its signature and
					   SQL body */
	struct xs_need		*tref;	/* per table: what its expressions
					   may call or read */
	struct xs_obj		*objs;
	size_t			 nobjs;
	char			*srv_tables;	/* per table: the server's */
	char			**srv_sub;	/* per table, 'c', 'i', 'p' per
						   constraint, index, policy
						   (in that order) */
};

/* The slot of constraint, index or policy j (kind c, i, p) of table t. */
static size_t
sub_slot(const struct model_table *t, int kind, size_t j)
{
	if (kind == 'c')
		return (j);
	if (kind == 'i')
		return (t->nconstraints + j);
	return (t->nconstraints + t->nindexes + j);
}

static void
need_init(const struct model *m, struct xs_need *n)
{
	n->tables = xcalloc(m->ntables + 1, 1);
	n->views = xcalloc(m->nviews + 1, 1);
	n->funcs = xcalloc(m->nfunctions + 1, 1);
	n->trigs = xcalloc(m->ntriggers + 1, 1);
}

static void
need_free(struct xs_need *n)
{
	free(n->tables);
	free(n->views);
	free(n->funcs);
	free(n->trigs);
	memset(n, 0, sizeof(*n));
}

/* Adds b's selection to a: 1 when a grew. */
static int
need_or(const struct model *m, struct xs_need *a, const struct xs_need *b)
{
	size_t	i;
	int	grew = 0;

	for (i = 0; i < m->ntables; i++)
		if (b->tables[i] && !a->tables[i])
			grew = a->tables[i] = 1;
	for (i = 0; i < m->nviews; i++)
		if (b->views[i] && !a->views[i])
			grew = a->views[i] = 1;
	for (i = 0; i < m->nfunctions; i++)
		if (b->funcs[i] && !a->funcs[i])
			grew = a->funcs[i] = 1;
	for (i = 0; i < m->ntriggers; i++)
		if (b->trigs[i] && !a->trigs[i])
			grew = a->trigs[i] = 1;
	return (grew);
}

/* Marks the table or view named name (of the model's schema). */
static void
mark_relation(const struct model *m, struct xs_need *n, const char *name)
{
	size_t	i;

	for (i = 0; i < m->ntables; i++)
		if (strcmp(m->tables[i].name, name) == 0)
			n->tables[i] = 1;
	for (i = 0; i < m->nviews; i++)
		if (strcmp(m->views[i].name, name) == 0)
			n->views[i] = 1;
}

/* Marks the functions named name. */
static void
mark_function(const struct model *m, struct xs_need *n, const char *name)
{
	size_t	i;

	for (i = 0; i < m->nfunctions; i++)
		if (strcmp(m->functions[i].name, name) == 0)
			n->funcs[i] = 1;
}

struct walk_arg {
	const struct model	*m;
	struct xs_need		*n;
};

/* The relations and functions of the schema a parse tree names. */
static void
walk_refs(const PgQuery__Node *node, void *arg)
{
	struct walk_arg		*w = arg;
	const PgQuery__Node	*last;
	const char		*nsp;

	if (node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
		nsp = node->range_var->schemaname;
		if (nsp == NULL || *nsp == '\0' || strcmp(nsp,
		    w->m->schema) == 0)
			mark_relation(w->m, w->n, node->range_var->relname);
	} else if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
	    node->func_call->n_funcname > 0) {
		last = node->func_call->funcname[
		    node->func_call->n_funcname - 1];
		if (last->node_case == PG_QUERY__NODE__NODE_STRING &&
		    last->string != NULL)
			mark_function(w->m, w->n, last->string->sval);
	}
}

/* What sql names, into n; every table and view when it does not parse. */
static void
sql_refs(const struct model *m, const char *sql, struct xs_need *n)
{
	struct pgtree	t;
	struct vf_error	err;
	struct walk_arg	w;

	if (sql == NULL || pgtree_parse(sql, &t, &err) == -1) {
		memset(n->tables, 1, m->ntables);
		memset(n->views, 1, m->nviews);
		return;
	}
	w.m = m;
	w.n = n;
	pgtree_walk(&t.tree->base, walk_refs, &w);
	pgtree_free(&t);
}

/* A type as a signature writes it, without "setof", "[]" and schema. */
static void
mark_type(const struct model *m, struct xs_need *n, const char *type)
{
	char		*s, *dot;
	size_t		 len;

	if (type == NULL)
		return;
	if (strncasecmp(type, "setof ", 6) == 0)
		type += 6;
	s = xstrdup(type);
	len = strcspn(s, "[(");
	while (len > 0 && s[len - 1] == ' ')
		len--;
	s[len] = '\0';
	dot = strrchr(s, '.');
	mark_relation(m, n, dot != NULL ? dot + 1 : s);
	free(s);
}

/*
 * What function f's DDL needs: the tables and views of its signature's
 * types, and, for a body in language sql (checked when it is created),
 * every table and view and the functions it calls.  A body in another
 * language is not resolved when it is created.
 */
static void
function_refs(const struct model *m, const struct model_function *f,
    struct xs_need *n)
{
	struct pgtree_names calls;
	struct vbuf	sql;
	size_t		i;

	for (i = 0; i < f->nargs; i++)
		mark_type(m, n, f->args[i].type);
	for (i = 0; i < f->ntable; i++)
		mark_type(m, n, f->table[i].type);
	mark_type(m, n, f->returns);
	if (f->language == NULL || strcasecmp(f->language, "sql") != 0)
		return;
	memset(n->tables, 1, m->ntables);
	memset(n->views, 1, m->nviews);
	/* The body's calls, read from the function's DDL. */
	vbuf_init(&sql);
	vbuf_puts(&sql, "");
	model_render_function(m, f, 0, &sql);
	memset(&calls, 0, sizeof(calls));
	pgtree_function_calls(sql.data, &calls);
	for (i = 0; i < calls.n; i++)
		mark_function(m, n, calls.v[i]);
	pgtree_names_free(&calls);
	vbuf_free(&sql);
}

/*
 * What expression e of a table may need: the functions whose name it
 * holds, and every table and view when it may hold a subquery (a
 * policy's).  Text, not a parse: more than needed is only slower.
 */
static void
expr_refs(const struct model *m, const char *e, struct xs_need *n)
{
	size_t	i;

	if (e == NULL)
		return;
	for (i = 0; i < m->nfunctions; i++)
		if (strstr(e, m->functions[i].name) != NULL)
			n->funcs[i] = 1;
	if (strcasestr(e, "select") != NULL) {
		memset(n->tables, 1, m->ntables);
		memset(n->views, 1, m->nviews);
	}
}

/* What the DDL of table t needs besides its foreign keys' tables. */
static void
table_refs(const struct model *m, const struct model_table *t,
    struct xs_need *n)
{
	size_t	j, k;

	for (j = 0; j < t->ncolumns; j++) {
		expr_refs(m, t->columns[j].default_expr, n);
		expr_refs(m, t->columns[j].generated, n);
	}
	for (j = 0; j < t->nconstraints; j++)
		expr_refs(m, t->constraints[j].expression, n);
	for (j = 0; j < t->nindexes; j++) {
		expr_refs(m, t->indexes[j].where, n);
		for (k = 0; k < t->indexes[j].nkeys; k++)
			expr_refs(m, t->indexes[j].keys[k].expression, n);
	}
	for (j = 0; j < t->npolicies; j++) {
		expr_refs(m, t->policies[j].using_expr, n);
		expr_refs(m, t->policies[j].check_expr, n);
	}
}

/* The index of the table named name, or -1. */
static long
table_index(const struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->ntables; i++)
		if (strcmp(m->tables[i].name, name) == 0)
			return ((long)i);
	return (-1);
}

/*
 * n and what it needs, until nothing more: the references of its views
 * and functions, the tables (or views) and functions of its triggers, the
 * tables its tables' foreign keys reference.
 */
static void
closure(struct xs_ctx *x, struct xs_need *n)
{
	const struct model	*m = x->m;
	const struct model_trigger *tg;
	size_t			 i, j;
	long			 k;
	int			 grew = 1;

	while (grew) {
		grew = 0;
		for (i = 0; i < m->nviews; i++)
			if (n->views[i])
				grew |= need_or(m, n, &x->vref[i]);
		for (i = 0; i < m->nfunctions; i++)
			if (n->funcs[i])
				grew |= need_or(m, n, &x->fref[i]);
		for (i = 0; i < m->ntriggers; i++) {
			if (!n->trigs[i])
				continue;
			tg = &m->triggers[i];
			for (j = 0; j < m->ntables; j++)
				if (!n->tables[j] &&
				    strcmp(m->tables[j].name, tg->table) == 0)
					grew = n->tables[j] = 1;
			for (j = 0; j < m->nviews; j++)
				if (!n->views[j] &&
				    strcmp(m->views[j].name, tg->table) == 0)
					grew = n->views[j] = 1;
			for (j = 0; j < m->nfunctions; j++)
				if (!n->funcs[j] && strcmp(
				    m->functions[j].name, tg->function) == 0)
					grew = n->funcs[j] = 1;
		}
		for (i = 0; i < m->ntables; i++) {
			if (!n->tables[i])
				continue;
			grew |= need_or(m, n, &x->tref[i]);
			for (j = 0; j < m->tables[i].nconstraints; j++) {
				const struct model_constraint *c =
				    &m->tables[i].constraints[j];

				if (c->kind != MODEL_CON_FOREIGN ||
				    c->ref_table == NULL ||
				    (k = table_index(m, c->ref_table)) == -1 ||
				    n->tables[k])
					continue;
				grew = n->tables[k] = 1;
			}
		}
	}
}

/*
 * The model of the objects n selects (arrays of copies of m's structs:
 * release with sub_free()), with every enum, domain, composite type and
 * sequence (a sequence owned by a table left out is not owned), and the
 * schema's grants.
 */
static void
sub_model(const struct model *m, const struct xs_need *n, struct model *sub)
{
	size_t	i;

	*sub = *m;
	sub->tables = xcalloc(m->ntables + 1, sizeof(*sub->tables));
	sub->ntables = 0;
	for (i = 0; i < m->ntables; i++)
		if (n->tables[i])
			sub->tables[sub->ntables++] = m->tables[i];
	sub->sequences = xcalloc(m->nsequences + 1, sizeof(*sub->sequences));
	for (i = 0; i < m->nsequences; i++) {
		sub->sequences[i] = m->sequences[i];
		if (m->sequences[i].owned_tbl != NULL &&
		    (table_index(m, m->sequences[i].owned_tbl) == -1 ||
		    !n->tables[table_index(m, m->sequences[i].owned_tbl)])) {
			sub->sequences[i].owned_tbl = NULL;
			sub->sequences[i].owned_col = NULL;
		}
	}
	sub->views = xcalloc(m->nviews + 1, sizeof(*sub->views));
	sub->nviews = 0;
	for (i = 0; i < m->nviews; i++)
		if (n->views[i])
			sub->views[sub->nviews++] = m->views[i];
	sub->functions = xcalloc(m->nfunctions + 1, sizeof(*sub->functions));
	sub->nfunctions = 0;
	for (i = 0; i < m->nfunctions; i++)
		if (n->funcs[i])
			sub->functions[sub->nfunctions++] = m->functions[i];
	sub->triggers = xcalloc(m->ntriggers + 1, sizeof(*sub->triggers));
	sub->ntriggers = 0;
	for (i = 0; i < m->ntriggers; i++)
		if (n->trigs[i])
			sub->triggers[sub->ntriggers++] = m->triggers[i];
}

static void
sub_free(struct model *sub)
{
	free(sub->tables);
	free(sub->sequences);
	free(sub->views);
	free(sub->functions);
	free(sub->triggers);
}

/* Whether the name of a row is "tbl.name". */
static int
dotted(const char *cell, const char *tbl, const char *name)
{
	size_t	len = strlen(tbl);

	return (cell != NULL && strncmp(cell, tbl, len) == 0 &&
	    cell[len] == '.' && (name == NULL || strcmp(cell + len + 1,
	    name) == 0));
}

/* Whether name is the sequence of a serial or identity column of t. */
static int
table_seq(const struct model_table *t, const char *name)
{
	char	seq[MODEL_NAME_MAX + 1];
	size_t	j;

	for (j = 0; name != NULL && j < t->ncolumns; j++) {
		if (t->columns[j].identity == MODEL_IDENTITY_NONE &&
		    model_serial_base(t->columns[j].type) == NULL)
			continue;
		model_column_seq_name(t, &t->columns[j], seq);
		if (strcmp(seq, name) == 0)
			return (1);
	}
	return (0);
}

/* Whether name is an index of t (not a constraint's). */
static int
table_index_named(const struct model_table *t, const char *name)
{
	size_t	j;

	for (j = 0; name != NULL && j < t->nindexes; j++)
		if (strcmp(t->indexes[j].name, name) == 0)
			return (1);
	return (0);
}

#define CELL(c)	catalog_get(cat, set, r, (c))
#define IS(c, v) (CELL(c) != NULL && strcmp(CELL(c), (v)) == 0)

/*
 * Whether row r of set of cat is the own of a table (XS_TABLE: all that
 * is its, its sequences' too) or of one of its constraints, indexes or
 * policies.
 */
static int
owns_table(const struct xs_ctx *x, const struct xs_obj *o,
    const struct catalog *cat, enum catalog_set_id set, size_t r)
{
	const struct model_table	*t = &x->m->tables[o->idx];
	const char			*sub = NULL, *kind;

	if (o->kind == XS_CON)
		sub = t->constraints[o->sub].name;
	else if (o->kind == XS_INDEX)
		sub = t->indexes[o->sub].name;
	else if (o->kind == XS_POLICY)
		sub = t->policies[o->sub].name;
	switch (set) {
	case CATALOG_TABLES:
		return (o->kind == XS_TABLE && IS("name", t->name));
	case CATALOG_COLUMNS:
		return (o->kind == XS_TABLE && IS("tbl", t->name));
	case CATALOG_CONSTRAINTS:
		return (IS("tbl", t->name) && (o->kind == XS_TABLE ||
		    (o->kind == XS_CON && IS("name", sub))));
	case CATALOG_INDEXES:
		return (IS("tbl", t->name) && (o->kind == XS_TABLE ||
		    (o->kind == XS_INDEX && IS("name", sub))));
	case CATALOG_POLICIES:
		return (IS("tbl", t->name) && (o->kind == XS_TABLE ||
		    (o->kind == XS_POLICY && IS("name", sub))));
	case CATALOG_CONCOLS:
		return (IS("tbl", t->name) && (o->kind == XS_TABLE ||
		    (o->kind == XS_CON && IS("con", sub))));
	case CATALOG_INDEXKEYS:
		return (IS("tbl", t->name) && (o->kind == XS_TABLE ||
		    (o->kind == XS_INDEX && IS("idx", sub))));
	case CATALOG_SEQUENCES:
		return (o->kind == XS_TABLE && IS("owned_tbl", t->name));
	case CATALOG_GRANTS:
		if (o->kind != XS_TABLE)
			return (0);
		return ((IS("on_kind", "table") && IS("name", t->name)) ||
		    (IS("on_kind", "sequence") && table_seq(t, CELL("name"))));
	case CATALOG_DEPS:
		kind = CELL("kind");
		if (kind == NULL)
			return (0);
		if (o->kind == XS_CON)
			return (strcmp(kind, "constraint") == 0 &&
			    dotted(CELL("name"), t->name, sub));
		if (o->kind == XS_POLICY)
			return (strcmp(kind, "policy") == 0 &&
			    dotted(CELL("name"), t->name, sub));
		if (o->kind == XS_INDEX)
			return (strcmp(kind, "index") == 0 && IS("name", sub));
		if (strcmp(kind, "table") == 0)
			return (IS("name", t->name));
		if (strcmp(kind, "constraint") == 0 ||
		    strcmp(kind, "policy") == 0)
			return (dotted(CELL("name"), t->name, NULL));
		if (strcmp(kind, "index") == 0)
			return (table_index_named(t, CELL("name")));
		if (strcmp(kind, "sequence") == 0)
			return (table_seq(t, CELL("name")));
		return (0);
	default:
		return (0);
	}
}

/* Whether row r of set of cat is one of object o's own. */
static int
owns(const struct xs_ctx *x, const struct xs_obj *o, const struct catalog *cat,
    enum catalog_set_id set, size_t r)
{
	const struct model	*m = x->m;
	const char		*kind, *name, *oname;
	char			 buf[2 * MODEL_NAME_MAX + 4];
	size_t			 j, len;

	if (o->kind == XS_VIEW) {
		const struct model_view *v = &m->views[o->idx];

		oname = v->name;
		switch (set) {
		case CATALOG_VIEWS:
			name = catalog_get(cat, set, r, "name");
			break;
		case CATALOG_INDEXES:
		case CATALOG_INDEXKEYS:
			name = catalog_get(cat, set, r, "tbl");
			break;
		case CATALOG_GRANTS:
			kind = catalog_get(cat, set, r, "on_kind");
			if (kind == NULL || strcmp(kind, "table") != 0)
				return (0);
			name = catalog_get(cat, set, r, "name");
			break;
		case CATALOG_DEPS:
			kind = catalog_get(cat, set, r, "kind");
			name = catalog_get(cat, set, r, "name");
			if (kind == NULL || name == NULL)
				return (0);
			if (strcmp(kind, "index") == 0) {
				for (j = 0; j < v->nindexes; j++)
					if (strcmp(v->indexes[j].name,
					    name) == 0)
						return (1);
				return (0);
			}
			if (strcmp(kind, "view") != 0 &&
			    strcmp(kind, "materialized view") != 0)
				return (0);
			break;
		default:
			return (0);
		}
		return (name != NULL && strcmp(name, oname) == 0);
	}
	if (o->kind == XS_FUNCTION) {
		oname = m->functions[o->idx].name;
		if (set == CATALOG_FUNCTIONS) {
			name = catalog_get(cat, set, r, "fname");
			return (name != NULL && strcmp(name, oname) == 0);
		}
		if (set != CATALOG_DEPS)
			return (0);
		kind = catalog_get(cat, set, r, "kind");
		name = catalog_get(cat, set, r, "name");
		len = strlen(oname);
		return (kind != NULL && name != NULL &&
		    (strcmp(kind, "function") == 0 ||
		    strcmp(kind, "procedure") == 0) &&
		    strncmp(name, oname, len) == 0 && name[len] == '(');
	}
	if (o->kind != XS_TRIGGER)
		return (owns_table(x, o, cat, set, r));
	{
		const struct model_trigger *tg = &m->triggers[o->idx];
		const char *tbl;

		if (set == CATALOG_TRIGGERS) {
			tbl = catalog_get(cat, set, r, "tbl");
			name = catalog_get(cat, set, r, "name");
			return (tbl != NULL && name != NULL &&
			    strcmp(tbl, tg->table) == 0 &&
			    strcmp(name, tg->name) == 0);
		}
		if (set != CATALOG_DEPS)
			return (0);
		kind = catalog_get(cat, set, r, "kind");
		name = catalog_get(cat, set, r, "name");
		snprintf(buf, sizeof(buf), "%s.%s", tg->table, tg->name);
		/* A constraint trigger is a constraint of that name too. */
		return (kind != NULL && name != NULL &&
		    (strcmp(kind, "trigger") == 0 || (tg->constraint &&
		    strcmp(kind, "constraint") == 0)) &&
		    strcmp(name, buf) == 0);
	}
}

/* Appends row r of set of from to to. */
static void
copy_row(const struct catalog *from, enum catalog_set_id set, size_t r,
    struct catalog *to)
{
	const struct catalog_set	*s = &from->sets[set];
	char				**row;
	size_t				  j;

	row = catalog_add_row(to, set);
	for (j = 0; j < s->ncols; j++)
		row[j] = s->cells[r * s->ncols + j] != NULL ?
		    xstrdup(s->cells[r * s->ncols + j]) : NULL;
}

/*
 * The model the memory builds: m without its views, functions and
 * triggers, the server's tables, and the server's constraints, indexes
 * and policies of the others (release with base_free()).
 */
static void
base_model(const struct xs_ctx *x, struct model *base)
{
	const struct model	*m = x->m;
	const struct model_table *t;
	struct model_table	*bt;
	size_t			 i, j;

	*base = *m;
	base->nviews = base->nfunctions = base->ntriggers = 0;
	base->tables = xcalloc(m->ntables + 1, sizeof(*base->tables));
	base->ntables = 0;
	for (i = 0; i < m->ntables; i++) {
		if (x->srv_tables[i])
			continue;
		t = &m->tables[i];
		bt = &base->tables[base->ntables++];
		*bt = *t;
		bt->constraints = xcalloc(t->nconstraints + 1,
		    sizeof(*bt->constraints));
		bt->indexes = xcalloc(t->nindexes + 1, sizeof(*bt->indexes));
		bt->policies = xcalloc(t->npolicies + 1, sizeof(*bt->policies));
		bt->nconstraints = bt->nindexes = bt->npolicies = 0;
		for (j = 0; j < t->nconstraints; j++)
			if (!x->srv_sub[i][sub_slot(t, 'c', j)])
				bt->constraints[bt->nconstraints++] =
				    t->constraints[j];
		for (j = 0; j < t->nindexes; j++)
			if (!x->srv_sub[i][sub_slot(t, 'i', j)])
				bt->indexes[bt->nindexes++] = t->indexes[j];
		for (j = 0; j < t->npolicies; j++)
			if (!x->srv_sub[i][sub_slot(t, 'p', j)])
				bt->policies[bt->npolicies++] = t->policies[j];
	}
}

static void
base_free(struct model *base)
{
	size_t	i;

	for (i = 0; i < base->ntables; i++) {
		free(base->tables[i].constraints);
		free(base->tables[i].indexes);
		free(base->tables[i].policies);
	}
	free(base->tables);
}

/* Table i and every table a chain of foreign keys joins it to, either
   way, are the server's. */
static void
server_component(struct xs_ctx *x, size_t i)
{
	const struct model	*m = x->m;
	const struct model_constraint *c;
	size_t			 a, j;
	long			 k;
	int			 grew = 1;

	x->srv_tables[i] = 1;
	while (grew) {
		grew = 0;
		for (a = 0; a < m->ntables; a++)
			for (j = 0; j < m->tables[a].nconstraints; j++) {
				c = &m->tables[a].constraints[j];
				if (c->kind != MODEL_CON_FOREIGN ||
				    c->ref_table == NULL ||
				    (k = table_index(m, c->ref_table)) == -1 ||
				    x->srv_tables[a] == x->srv_tables[k])
					continue;
				x->srv_tables[a] = x->srv_tables[k] = 1;
				grew = 1;
			}
	}
}

/*
 * What the memory declined (d) made the server's: a check or foreign key
 * constraint, an index that is not unique or a policy on its own, else
 * its table with those joined to it by foreign keys.  1, or 0 when it is
 * not an object of a table, or already the server's.
 */
static int
server_declined(struct xs_ctx *x, const struct expected_decline *d)
{
	const struct model	*m = x->m;
	const struct model_table *t;
	long			 i;
	size_t			 j;

	if (d->kind == 0 || (i = table_index(m, d->table)) == -1 ||
	    x->srv_tables[i])
		return (0);
	t = &m->tables[i];
	if (d->kind == 'c')
		for (j = 0; j < t->nconstraints; j++)
			if (strcmp(t->constraints[j].name, d->name) == 0 &&
			    (t->constraints[j].kind == MODEL_CON_CHECK ||
			    t->constraints[j].kind == MODEL_CON_FOREIGN))
				return (x->srv_sub[i][sub_slot(t, 'c', j)] = 1);
	if (d->kind == 'i')
		for (j = 0; j < t->nindexes; j++)
			if (strcmp(t->indexes[j].name, d->name) == 0 &&
			    !t->indexes[j].unique)
				return (x->srv_sub[i][sub_slot(t, 'i', j)] = 1);
	if (d->kind == 'p')
		for (j = 0; j < t->npolicies; j++)
			if (strcmp(t->policies[j].name, d->name) == 0)
				return (x->srv_sub[i][sub_slot(t, 'p', j)] = 1);
	server_component(x, (size_t)i);
	return (1);
}

/* A new object of kind for table (or view, ...) idx. */
static struct xs_obj *
add_object(struct xs_ctx *x, int kind, size_t idx, size_t sub)
{
	struct xs_obj	*o = &x->objs[x->nobjs++];

	o->kind = kind;
	o->idx = idx;
	o->sub = sub;
	need_init(x->m, &o->need);
	return (o);
}

/* A table's object needs its table, and what that needs (closure()). */
static void
table_object_needs(const struct model *m, struct xs_obj *o)
{
	o->need.tables[o->idx] = 1;
}

/* The declined objects of m, each with what its DDL needs. */
static void
find_objects(struct xs_ctx *x)
{
	const struct model	*m = x->m;
	size_t			 i, j, n = 0;

	x->vref = xcalloc(m->nviews + 1, sizeof(*x->vref));
	for (i = 0; i < m->nviews; i++) {
		need_init(m, &x->vref[i]);
		sql_refs(m, m->views[i].query, &x->vref[i]);
	}
	x->fref = xcalloc(m->nfunctions + 1, sizeof(*x->fref));
	for (i = 0; i < m->nfunctions; i++) {
		need_init(m, &x->fref[i]);
		function_refs(m, &m->functions[i], &x->fref[i]);
	}
	n = m->nviews + m->nfunctions + m->ntriggers + m->ntables + 1;
	for (i = 0; i < m->ntables; i++)
		n += m->tables[i].nconstraints + m->tables[i].nindexes +
		    m->tables[i].npolicies;
	x->objs = xcalloc(n, sizeof(*x->objs));
	x->tref = xcalloc(m->ntables + 1, sizeof(*x->tref));
	for (i = 0; i < m->ntables; i++) {
		need_init(m, &x->tref[i]);
		table_refs(m, &m->tables[i], &x->tref[i]);
	}
	n = 0;
	for (i = 0; i < m->nviews; i++) {
		x->objs[n].kind = XS_VIEW;
		x->objs[n].idx = i;
		need_init(m, &x->objs[n].need);
		x->objs[n++].need.views[i] = 1;
	}
	for (i = 0; i < m->nfunctions; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(m->functions[j].name,
			    m->functions[i].name) == 0)
				break;
		if (j < i)
			continue;	/* one object per name */
		x->objs[n].kind = XS_FUNCTION;
		x->objs[n].idx = i;
		need_init(m, &x->objs[n].need);
		mark_function(m, &x->objs[n].need, m->functions[i].name);
		n++;
	}
	for (i = 0; i < m->ntriggers; i++) {
		x->objs[n].kind = XS_TRIGGER;
		x->objs[n].idx = i;
		need_init(m, &x->objs[n].need);
		x->objs[n++].need.trigs[i] = 1;
	}
	x->nobjs = n;
	for (i = 0; i < m->ntables; i++) {
		const struct model_table *t = &m->tables[i];

		if (x->srv_tables[i]) {
			table_object_needs(m, add_object(x, XS_TABLE, i, 0));
			continue;
		}
		for (j = 0; j < t->nconstraints; j++)
			if (x->srv_sub[i][sub_slot(t, 'c', j)])
				table_object_needs(m, add_object(x, XS_CON, i,
				    j));
		for (j = 0; j < t->nindexes; j++)
			if (x->srv_sub[i][sub_slot(t, 'i', j)])
				table_object_needs(m, add_object(x, XS_INDEX,
				    i, j));
		for (j = 0; j < t->npolicies; j++)
			if (x->srv_sub[i][sub_slot(t, 'p', j)])
				table_object_needs(m, add_object(x, XS_POLICY,
				    i, j));
	}
	for (i = 0; i < x->nobjs; i++)
		closure(x, &x->objs[i].need);
}

static void
ctx_free(struct xs_ctx *x)
{
	size_t	i;

	for (i = 0; x->vref != NULL && i < x->m->nviews; i++)
		need_free(&x->vref[i]);
	for (i = 0; x->fref != NULL && i < x->m->nfunctions; i++)
		need_free(&x->fref[i]);
	for (i = 0; x->tref != NULL && i < x->m->ntables; i++)
		need_free(&x->tref[i]);
	free(x->tref);
	for (i = 0; i < x->nobjs; i++) {
		need_free(&x->objs[i].need);
		catalog_free(&x->objs[i].rows);
	}
	for (i = 0; i < x->m->ntables; i++)
		free(x->srv_sub[i]);
	free(x->srv_sub);
	free(x->srv_tables);
	free(x->vref);
	free(x->fref);
	free(x->objs);
}

/*
 * The cache file of object o: the SHA-256 of the DDL of it and of what it
 * needs, and the server's version.  0, or -1 when there is no cache.
 */
static int
object_path(const struct xs_ctx *x, struct xs_obj *o, int version,
    const char *dir, struct vf_error *err)
{
	struct model	sub;
	struct vbuf	key;
	char		hex[65];
	int		rc = -1;

	vbuf_init(&key);
	/* Objects of one table share its DDL: the key names which. */
	vbuf_appendf(&key, "%s\n%d\n%d\n%zu\n%zu\n", OBJ_CACHE_TAG,
	    version, o->kind, o->idx, o->sub);
	sub_model(x->m, &o->need, &sub);
	if (model_render_sql(&sub, &key, err) == 0) {
		vf_sha256_hex(key.data, key.len, hex);
		if (snprintf(o->path, sizeof(o->path), "%s/%s.sqlite", dir,
		    hex) < (int)sizeof(o->path))
			rc = 0;
	}
	sub_free(&sub);
	vbuf_free(&key);
	return (rc);
}

/* How many objects the memory may decline before the whole model goes
   to the server (each costs one more build in memory). */
#define XS_MAX_DECLINED	64

/* Where the split catalog came from, for VERIFIER_STATS. */
static char	split_source[96];

int
expected_hybrid(PGconn *conn, struct scratch *s, const struct model *m,
    struct catalog *cat, struct vf_error *err)
{
	struct xs_ctx	 x;
	struct xs_need	 all;
	struct expected_decline d;
	struct model	 base, sub;
	struct catalog	 mem, srv;
	struct vf_error	 ignored;
	char		 dir[PATH_MAX];
	size_t		 i, r, nhit = 0, nmiss = 0, written = 0;
	int		 set, have_cache, built = 0, rc = 0;

	memset(cat, 0, sizeof(*cat));
	if (m->npartitions > 0 || m->nextensions > 0)
		return (0);
	memset(&x, 0, sizeof(x));
	x.m = m;
	x.srv_tables = xcalloc(m->ntables + 1, 1);
	x.srv_sub = xcalloc(m->ntables + 1, sizeof(*x.srv_sub));
	for (i = 0; i < m->ntables; i++)
		x.srv_sub[i] = xcalloc(m->tables[i].nconstraints +
		    m->tables[i].nindexes + m->tables[i].npolicies + 1, 1);
	/* What the memory declines goes to the server, one at a time. */
	for (i = 0; i < XS_MAX_DECLINED && !built; i++) {
		base_model(&x, &base);
		built = expected_from_model_decl(&base, &mem, NULL, 0, &d);
		base_free(&base);
		if (!built && !server_declined(&x, &d))
			break;
	}
	need_init(m, &all);
	memset(&srv, 0, sizeof(srv));
	if (!built)
		goto done;
	find_objects(&x);
	if (x.nobjs == 0)
		goto done;
	have_cache = expected_cache_dir(dir, sizeof(dir)) == 0;
	for (i = 0; i < x.nobjs; i++) {
		x.objs[i].cached = have_cache && object_path(&x, &x.objs[i],
		    PQserverVersion(conn), dir, &ignored) == 0;
		if (x.objs[i].cached && snapshot_read_file(x.objs[i].path,
		    SNAPSHOT_EXPECTED, m->schema, &x.objs[i].rows,
		    &ignored) == 1) {
			expected_cache_touch(x.objs[i].path);
			nhit++;
			continue;
		}
		catalog_init(&x.objs[i].rows, m->schema);
		x.objs[i].miss = 1;
		need_or(m, &all, &x.objs[i].need);
		nmiss++;
	}
	if (nmiss > 0) {
		sub_model(m, &all, &sub);
		rc = expected_from_server(conn, s, &sub, &srv, err);
		sub_free(&sub);
		if (rc == -1)
			goto done;
	}
	for (i = 0; i < x.nobjs; i++) {
		struct xs_obj *o = &x.objs[i];

		if (o->miss) {
			for (set = 0; set < CATALOG_NSETS; set++)
				for (r = 0; r < srv.sets[set].nrows; r++)
					if (owns(&x, o, &srv, set, r))
						copy_row(&srv, set, r,
						    &o->rows);
			if (o->cached && snapshot_write_file(o->path,
			    SNAPSHOT_EXPECTED, &o->rows, &ignored) == 0)
				written++;
		}
		for (set = 0; set < CATALOG_NSETS; set++)
			for (r = 0; r < o->rows.sets[set].nrows; r++)
				copy_row(&o->rows, set, r, &mem);
	}
	/* The bound, once all are written. */
	if (written > 0)
		expected_cache_trim(dir, EXPECTED_CACHE_MAX_FILES,
		    EXPECTED_CACHE_MAX_BYTES);
	mem.nqueries = srv.nqueries;
	if (nmiss > 0 && nhit > 0)
		snprintf(split_source, sizeof(split_source), "in memory + "
		    "cache (%zu object%s) + server (%zu object%s)", nhit,
		    nhit == 1 ? "" : "s", nmiss, nmiss == 1 ? "" : "s");
	else
		snprintf(split_source, sizeof(split_source), "in memory + "
		    "%s (%zu object%s)", nmiss > 0 ? "server" : "cache",
		    x.nobjs, x.nobjs == 1 ? "" : "s");
	*cat = mem;
	memset(&mem, 0, sizeof(mem));
	cat->source = split_source;
	rc = 1;
done:
	catalog_free(&srv);
	catalog_free(&mem);
	need_free(&all);
	ctx_free(&x);
	return (rc);
}
