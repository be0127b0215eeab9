/*
 * dump.c: `verifier dump`'s library side: a catalog turned into a model
 * (the reverse of the expected-catalog pipeline), written as YAML and
 * proved by building it back.
 */
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "dump_int.h"
#include "expected.h"

/* A type as the model writes it: types of the schema by bare name. */
char *
dump_type(const char *schema, const char *type)
{
	struct vbuf	prefix, t;
	const char	*p;

	vbuf_init(&prefix);
	vbuf_init(&t);
	vbuf_puts(&t, "");
	vf_quote_ident(&prefix, schema);
	vbuf_putc(&prefix, '.');
	if (strncmp(type, prefix.data, prefix.len) == 0) {
		p = type + prefix.len;
		if (*p == '"') {
			for (p++; *p != '\0'; p++) {
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"') {
					p++;
					break;
				}
				vbuf_putc(&t, *p);
			}
		}
		vbuf_puts(&t, p);
	} else
		vbuf_puts(&t, type);
	vbuf_free(&prefix);
	return (vbuf_steal(&t));
}

/* Strips the outer parentheses PostgreSQL prints around an expression. */
char *
dump_unparen(const char *s)
{
	size_t	n = strlen(s), i;
	int	depth = 0, inq = 0;

	if (n < 2 || s[0] != '(' || s[n - 1] != ')')
		return (xstrdup(s));
	for (i = 0; i < n; i++) {
		if (s[i] == '\'')
			inq = !inq;
		if (inq)
			continue;
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0 && i != n - 1)
			return (xstrdup(s));
	}
	return (xstrndup(s + 1, n - 2));
}

/* A table's replident (catalog.h) into t. */
static void
dump_replident(const char *x, struct model_table *t)
{
	if (x == NULL)
		return;
	if (strcmp(x, "full") == 0)
		t->replident = 'f';
	else if (strcmp(x, "nothing") == 0)
		t->replident = 'n';
	else if (strncmp(x, "index:", 6) == 0) {
		t->replident = 'i';
		t->replident_index = xstrdup(x + 6);
	}
}

static int
yes(const char *s)
{
	return (s != NULL && strcmp(s, "t") == 0);
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

/*
 * Storage parameters from the catalog's "name=value" lines into *out
 * (*n of them); nothing when s is NULL.
 */
void
dump_params(const char *s, struct model_param **out, size_t *n)
{
	const char	*eq, *nl;

	while (s != NULL && *s != '\0') {
		nl = s + strcspn(s, "\n");
		eq = memchr(s, '=', (size_t)(nl - s));
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[*n].name = xstrndup(s, eq != NULL ? (size_t)(eq - s) :
		    (size_t)(nl - s));
		(*out)[*n].value = eq != NULL ? xstrndup(eq + 1,
		    (size_t)(nl - eq - 1)) : xstrdup("");
		(*n)++;
		s = *nl != '\0' ? nl + 1 : nl;
	}
}

/*
 * Splits the catalog's "type COLLATE name" into a new type string and
 * *coll (the name unquoted, or NULL).
 */
static char *
split_collation(const char *type, char **coll)
{
	static const char	 sep[] = " COLLATE ";
	const char		*p, *q;
	struct vbuf		 b;

	*coll = NULL;
	if ((p = strstr(type, sep)) == NULL)
		return (xstrdup(type));
	q = p + sizeof(sep) - 1;
	vbuf_init(&b);
	vbuf_puts(&b, "");
	if (*q == '"' && q[strlen(q) - 1] == '"') {
		for (q++; q[1] != '\0'; q++) {
			if (*q == '"' && q[1] == '"')
				q++;
			vbuf_putc(&b, *q);
		}
	} else
		vbuf_puts(&b, q);
	*coll = vbuf_steal(&b);
	return (xstrndup(type, (size_t)(p - type)));
}

static enum model_fk_action
fk_action(const char *c)
{
	switch (c != NULL ? *c : 'a') {
	case 'r':
		return (MODEL_FK_RESTRICT);
	case 'c':
		return (MODEL_FK_CASCADE);
	case 'n':
		return (MODEL_FK_SET_NULL);
	case 'd':
		return (MODEL_FK_SET_DEFAULT);
	default:
		return (MODEL_FK_NO_ACTION);
	}
}

/* The column names of a constraint (col or refcol), in key order. */
static char **
con_columns(const struct catalog *cat, const char *tbl, const char *con,
    const char *which, size_t *n)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_CONCOLS];
	char				**v = NULL;
	const char			*val;
	size_t				 i;

	*n = 0;
	for (i = 0; i < s->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_CONCOLS, i, "tbl"), tbl) ||
		    strcmp(catalog_get(cat, CATALOG_CONCOLS, i, "con"), con))
			continue;
		val = catalog_get(cat, CATALOG_CONCOLS, i, which);
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(val != NULL ? val : "");
	}
	return (v);
}

static void
dump_constraints(const struct catalog *cat, struct model_table *t,
    struct problems *p)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_CONSTRAINTS];
	static const char		 kinds[] = "pufcx";
	struct model_constraint		*c;
	const char			*name, *x;
	size_t				 i, k;

	for (k = 0; k < 5; k++) {
		for (i = 0; i < s->nrows; i++) {
			if (strcmp(catalog_get(cat, CATALOG_CONSTRAINTS, i,
			    "tbl"), t->name) != 0 || *catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "kind") != kinds[k])
				continue;
			name = catalog_get(cat, CATALOG_CONSTRAINTS, i, "name");
			t->constraints = xrealloc(t->constraints,
			    (t->nconstraints + 1) * sizeof(*t->constraints));
			c = &t->constraints[t->nconstraints++];
			memset(c, 0, sizeof(*c));
			c->name = xstrdup(name);
			c->name_given = 1;
			switch (kinds[k]) {
			case 'p':
				c->kind = MODEL_CON_PRIMARY;
				break;
			case 'u':
				c->kind = MODEL_CON_UNIQUE;
				break;
			case 'f':
				c->kind = MODEL_CON_FOREIGN;
				break;
			case 'x':
				c->kind = MODEL_CON_EXCLUDE;
				break;
			default:
				c->kind = MODEL_CON_CHECK;
				break;
			}
			dump_constraint_options(cat, i, c);
			if (kinds[k] == 'x') {
				dump_exclude(cat, i, t->name, c);
				continue;
			}
			if (kinds[k] == 'c') {
				x = catalog_get(cat, CATALOG_CONSTRAINTS, i,
				    "check_expr");
				c->expression = dump_unparen(x != NULL ? x :
				    "true");
				continue;
			}
			c->columns = con_columns(cat, t->name, name, "col",
			    &c->ncolumns);
			if (kinds[k] != 'f')
				continue;
			c->ref_table = xstrdup(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "ref_table"));
			c->ref_columns = con_columns(cat, t->name, name,
			    "refcol", &c->nref_columns);
			c->on_delete = fk_action(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "on_delete"));
			c->on_update = fk_action(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "on_update"));
		}
	}
}

/*
 * Whether an index body (pg_get_indexdef() from USING on) says NULLS NOT
 * DISTINCT, before its WHERE clause (where, or NULL) where the words
 * could be in a string.
 */
static int
index_nulls_not_distinct(const char *body, const char *where)
{
	static const char	 nnd[] = " NULLS NOT DISTINCT";
	const char		*p;
	size_t			 n;

	if (body == NULL)
		return (0);
	n = strlen(body);
	if (where != NULL && n > strlen(where) + 7)
		n -= strlen(where) + 7;
	for (p = strstr(body, nnd); p != NULL; p = strstr(p + 1, nnd))
		if ((size_t)(p - body) < n && (p[sizeof(nnd) - 1] == '\0' ||
		    p[sizeof(nnd) - 1] == ' '))
			return (1);
	return (0);
}

void
dump_indexes(const struct catalog *cat, struct model_table *t)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_INDEXES];
	const struct catalog_set	*ks = &cat->sets[CATALOG_INDEXKEYS];
	struct model_index		*ix;
	struct model_index_key		*key;
	const char			*name, *x;
	size_t				 i, j;

	for (i = 0; i < s->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_INDEXES, i, "tbl"),
		    t->name) != 0)
			continue;
		name = catalog_get(cat, CATALOG_INDEXES, i, "name");
		t->indexes = xrealloc(t->indexes, (t->nindexes + 1) *
		    sizeof(*t->indexes));
		ix = &t->indexes[t->nindexes++];
		memset(ix, 0, sizeof(*ix));
		ix->name = xstrdup(name);
		ix->name_given = 1;
		ix->unique = yes(catalog_get(cat, CATALOG_INDEXES, i, "uniq"));
		ix->method = xstrdup(catalog_get(cat, CATALOG_INDEXES, i,
		    "method"));
		x = catalog_get(cat, CATALOG_INDEXES, i, "where_expr");
		ix->where = x != NULL ? dump_unparen(x) : NULL;
		ix->comment = dup_or_null(catalog_get(cat, CATALOG_INDEXES, i,
		    "comment"));
		dump_params(catalog_get(cat, CATALOG_INDEXES, i, "reloptions"),
		    &ix->with, &ix->nwith);
		ix->nulls_not_distinct = index_nulls_not_distinct(
		    catalog_get(cat, CATALOG_INDEXES, i, "body"), x);
		for (j = 0; j < ks->nrows; j++) {
			if (strcmp(catalog_get(cat, CATALOG_INDEXKEYS, j, "idx"),
			    name) != 0)
				continue;
			if (yes(catalog_get(cat, CATALOG_INDEXKEYS, j,
			    "included"))) {
				ix->include = xrealloc(ix->include,
				    (ix->ninclude + 1) * sizeof(char *));
				ix->include[ix->ninclude++] = xstrdup(
				    catalog_get(cat, CATALOG_INDEXKEYS, j,
				    "col"));
				continue;
			}
			ix->keys = xrealloc(ix->keys, (ix->nkeys + 1) *
			    sizeof(*ix->keys));
			key = &ix->keys[ix->nkeys++];
			memset(key, 0, sizeof(*key));
			key->column = dup_or_null(catalog_get(cat,
			    CATALOG_INDEXKEYS, j, "col"));
			if (key->column == NULL)
				key->expression = xstrdup(catalog_get(cat,
				    CATALOG_INDEXKEYS, j, "expr"));
			key->desc = yes(catalog_get(cat, CATALOG_INDEXKEYS, j,
			    "descending"));
			/* Default: NULLS LAST ascending, FIRST descending. */
			if (yes(catalog_get(cat, CATALOG_INDEXKEYS, j,
			    "nulls_first")) != key->desc)
				key->nulls = key->desc ? MODEL_NULLS_LAST :
				    MODEL_NULLS_FIRST;
			key->collation = dup_or_null(catalog_get(cat,
			    CATALOG_INDEXKEYS, j, "collation"));
			key->opclass = dup_or_null(catalog_get(cat,
			    CATALOG_INDEXKEYS, j, "opclass"));
		}
	}
}

void
dump_rel_indexes(const struct catalog *cat, char *name,
    struct model_index **v, size_t *n)
{
	struct model_table	t;

	/* A stand-in: only its name and indexes are used. */
	memset(&t, 0, sizeof(t));
	t.name = name;
	dump_indexes(cat, &t);
	*v = t.indexes;
	*n = t.nindexes;
}

/* The largest value of a sequence type; its smallest is -max - 1. */
static long long
seq_type_max(const char *type)
{
	if (strcmp(type, "smallint") == 0)
		return (32767);
	if (strcmp(type, "integer") == 0)
		return (2147483647);
	return (9223372036854775807LL);
}

/*
 * The options of sequence row i that differ from what PostgreSQL gives a
 * sequence of its type and increment.
 */
static void
seq_opts(const struct catalog *cat, size_t i, struct model_seq_opts *o)
{
	long long	tmax, min, max, start;

	memset(o, 0, sizeof(*o));
	tmax = seq_type_max(catalog_get(cat, CATALOG_SEQUENCES, i, "type"));
	o->increment = strtoll(catalog_get(cat, CATALOG_SEQUENCES, i,
	    "increment"), NULL, 10);
	o->start = strtoll(catalog_get(cat, CATALOG_SEQUENCES, i, "start"),
	    NULL, 10);
	o->min = strtoll(catalog_get(cat, CATALOG_SEQUENCES, i, "min"), NULL,
	    10);
	o->max = strtoll(catalog_get(cat, CATALOG_SEQUENCES, i, "max"), NULL,
	    10);
	o->cache = strtoll(catalog_get(cat, CATALOG_SEQUENCES, i, "cache"),
	    NULL, 10);
	o->cycle = yes(catalog_get(cat, CATALOG_SEQUENCES, i, "cycle"));
	if (o->increment != 1)
		o->have |= MODEL_SEQ_INCREMENT;
	min = o->increment > 0 ? 1 : -tmax - 1;
	max = o->increment > 0 ? tmax : -1;
	if (o->min != min)
		o->have |= MODEL_SEQ_MIN;
	if (o->max != max)
		o->have |= MODEL_SEQ_MAX;
	start = o->increment > 0 ? o->min : o->max;
	if (o->start != start)
		o->have |= MODEL_SEQ_START;
	if (o->cache != 1)
		o->have |= MODEL_SEQ_CACHE;
	if (o->cycle)
		o->have |= MODEL_SEQ_CYCLE;
}

/*
 * An identity's options (catalog.h: "start increment min max cache
 * cycle", min/max "-" at the type's bound): those that differ from
 * PostgreSQL's defaults.
 */
static void
identity_opts(const char *s, const char *type, struct model_seq_opts *o)
{
	char		 f[6][32];
	long long	 tmax = seq_type_max(type), min, max;
	size_t		 i, n;

	memset(o, 0, sizeof(*o));
	for (i = 0; s != NULL && i < 6; i++) {
		n = strcspn(s, " ");
		if (n == 0 || n >= sizeof(f[i]))
			return;
		memcpy(f[i], s, n);
		f[i][n] = '\0';
		s += n;
		if (*s == ' ')
			s++;
	}
	if (s == NULL)
		return;
	o->start = strtoll(f[0], NULL, 10);
	o->increment = strtoll(f[1], NULL, 10);
	min = o->increment > 0 ? 1 : -tmax - 1;
	max = o->increment > 0 ? tmax : -1;
	o->min = strcmp(f[2], "-") == 0 ? -tmax - 1 : strtoll(f[2], NULL, 10);
	o->max = strcmp(f[3], "-") == 0 ? tmax : strtoll(f[3], NULL, 10);
	o->cache = strtoll(f[4], NULL, 10);
	o->cycle = strcmp(f[5], "t") == 0;
	if (o->increment != 1)
		o->have |= MODEL_SEQ_INCREMENT;
	if (o->min != min)
		o->have |= MODEL_SEQ_MIN;
	if (o->max != max)
		o->have |= MODEL_SEQ_MAX;
	if (o->start != (o->increment > 0 ? o->min : o->max))
		o->have |= MODEL_SEQ_START;
	if (o->cache != 1)
		o->have |= MODEL_SEQ_CACHE;
	if (o->cycle)
		o->have |= MODEL_SEQ_CYCLE;
}

/* nextval('<schema>.<name>'::regclass), as PostgreSQL prints it. */
static char *
nextval_expr(const char *schema, const char *name)
{
	struct vbuf	q, out;
	size_t		i;

	vbuf_init(&q);
	vbuf_init(&out);
	vf_quote_ident(&q, schema);
	vbuf_putc(&q, '.');
	vf_quote_ident(&q, name);
	vbuf_puts(&out, "nextval('");
	for (i = 0; i < q.len; i++) {
		if (q.data[i] == '\'')
			vbuf_putc(&out, '\'');
		vbuf_putc(&out, q.data[i]);
	}
	vbuf_puts(&out, "'::regclass)");
	vbuf_free(&q);
	return (vbuf_steal(&out));
}

/*
 * Whether sequence row i is what a serial column makes: owned by a NOT
 * NULL column of its type whose default is its nextval, named as
 * PostgreSQL names it, with every option at its default.  The column
 * becomes serial, bigserial or smallserial, without the default.
 */
static int
dump_serial(const struct catalog *cat, struct model *m, size_t i)
{
	static const char *const bases[] = { "integer", "bigint", "smallint" };
	static const char *const serials[] = { "serial", "bigserial",
	    "smallserial" };
	const char		*tbl, *col, *name, *type;
	struct model_seq_opts	 o;
	struct model_column	*c = NULL;
	char			 def[MODEL_NAME_MAX + 1], *nv;
	size_t			 j, k;
	int			 ok;

	tbl = catalog_get(cat, CATALOG_SEQUENCES, i, "owned_tbl");
	col = catalog_get(cat, CATALOG_SEQUENCES, i, "owned_col");
	name = catalog_get(cat, CATALOG_SEQUENCES, i, "name");
	type = catalog_get(cat, CATALOG_SEQUENCES, i, "type");
	if (tbl == NULL || col == NULL)
		return (0);
	seq_opts(cat, i, &o);
	model_make_name(def, tbl, col, "seq");
	if (o.have != 0 || strcmp(def, name) != 0)
		return (0);
	for (j = 0; j < m->ntables && c == NULL; j++)
		if (strcmp(m->tables[j].name, tbl) == 0)
			for (k = 0; k < m->tables[j].ncolumns; k++)
				if (strcmp(m->tables[j].columns[k].name,
				    col) == 0)
					c = &m->tables[j].columns[k];
	if (c == NULL || c->nullable || c->default_expr == NULL ||
	    strcmp(c->type, type) != 0)
		return (0);
	nv = nextval_expr(cat->schema, name);
	ok = strcmp(nv, c->default_expr) == 0;
	free(nv);
	for (k = 0; ok && k < 3; k++)
		if (strcmp(type, bases[k]) == 0) {
			free(c->type);
			c->type = xstrdup(serials[k]);
			free(c->default_expr);
			c->default_expr = NULL;
			return (1);
		}
	return (0);
}

/* The sequences of the schema: serial columns, or sequences of the model. */
static void
dump_sequences(const struct catalog *cat, struct model *m)
{
	struct model_sequence	*sq;
	const char		*x;
	size_t			 i;

	for (i = 0; i < cat->sets[CATALOG_SEQUENCES].nrows; i++) {
		if (dump_serial(cat, m, i))
			continue;
		m->sequences = xrealloc(m->sequences, (m->nsequences + 1) *
		    sizeof(*m->sequences));
		sq = &m->sequences[m->nsequences++];
		memset(sq, 0, sizeof(*sq));
		sq->name = xstrdup(catalog_get(cat, CATALOG_SEQUENCES, i,
		    "name"));
		sq->type = xstrdup(catalog_get(cat, CATALOG_SEQUENCES, i,
		    "type"));
		seq_opts(cat, i, &sq->opts);
		sq->comment = dup_or_null(catalog_get(cat, CATALOG_SEQUENCES,
		    i, "comment"));
		if ((x = catalog_get(cat, CATALOG_SEQUENCES, i,
		    "owned_tbl")) != NULL) {
			sq->owned_tbl = xstrdup(x);
			sq->owned_col = xstrdup(catalog_get(cat,
			    CATALOG_SEQUENCES, i, "owned_col"));
		}
	}
}

void
dump_model(const struct catalog *cat, struct model *m, struct problems *p)
{
	const struct catalog_set	*en = &cat->sets[CATALOG_ENUMS];
	const struct catalog_set	*tb = &cat->sets[CATALOG_TABLES];
	const struct catalog_set	*co = &cat->sets[CATALOG_COLUMNS];
	struct model_enum		*e = NULL;
	struct model_table		*t;
	struct model_column		*c;
	const char			*name, *label, *x;
	char				*base;
	size_t				 i, j, k, len;

	memset(m, 0, sizeof(*m));
	m->path = xstrdup("<dump>");
	m->schema = xstrdup(cat->schema);
	for (i = 0; i < en->nrows; i++) {
		name = catalog_get(cat, CATALOG_ENUMS, i, "enum");
		if (e == NULL || strcmp(e->name, name) != 0) {
			m->enums = xrealloc(m->enums, (m->nenums + 1) *
			    sizeof(*m->enums));
			e = &m->enums[m->nenums++];
			memset(e, 0, sizeof(*e));
			e->name = xstrdup(name);
			e->comment = dup_or_null(catalog_get(cat,
			    CATALOG_ENUMS, i, "comment"));
		}
		if ((label = catalog_get(cat, CATALOG_ENUMS, i, "label")) ==
		    NULL)
			continue;
		if (*label == '\0')
			problems_add(p, NULL, 0, "unsupported: empty label of "
			    "enum %s.%s", cat->schema, name);
		e->values = xrealloc(e->values, (e->nvalues + 1) *
		    sizeof(char *));
		e->values[e->nvalues++] = xstrdup(label);
	}
	for (i = 0; i < m->nenums; i++)
		if (m->enums[i].nvalues == 0)
			problems_add(p, NULL, 0, "unsupported: enum without "
			    "labels %s.%s", cat->schema, m->enums[i].name);
	dump_user_types(cat, m, p);
	m->tables = xcalloc(tb->nrows + 1, sizeof(*m->tables));
	for (i = 0; i < tb->nrows; i++) {
		t = &m->tables[m->ntables++];
		t->name = xstrdup(catalog_get(cat, CATALOG_TABLES, i, "name"));
		t->comment = dup_or_null(catalog_get(cat, CATALOG_TABLES, i,
		    "comment"));
		t->unlogged = yes(catalog_get(cat, CATALOG_TABLES, i,
		    "unlogged"));
		dump_params(catalog_get(cat, CATALOG_TABLES, i, "reloptions"),
		    &t->with, &t->nwith);
		dump_replident(catalog_get(cat, CATALOG_TABLES, i,
		    "replident"), t);
		for (j = 0; j < co->nrows; j++) {
			if (strcmp(catalog_get(cat, CATALOG_COLUMNS, j, "tbl"),
			    t->name) != 0)
				continue;
			t->columns = xrealloc(t->columns, (t->ncolumns + 1) *
			    sizeof(*t->columns));
			c = &t->columns[t->ncolumns++];
			memset(c, 0, sizeof(*c));
			c->name = xstrdup(catalog_get(cat, CATALOG_COLUMNS, j,
			    "name"));
			x = catalog_get(cat, CATALOG_COLUMNS, j, "type");
			base = split_collation(x, &c->collation);
			c->type = dump_type(cat->schema, base);
			free(base);
			c->enum_index = -1;
			len = strcspn(c->type, "[");
			for (k = 0; k < m->nenums; k++)
				if (strlen(m->enums[k].name) == len &&
				    strncmp(m->enums[k].name, c->type, len) == 0)
					c->enum_index = (int)k;
			c->nullable = !yes(catalog_get(cat, CATALOG_COLUMNS, j,
			    "not_null"));
			c->default_expr = dup_or_null(catalog_get(cat,
			    CATALOG_COLUMNS, j, "default_expr"));
			x = catalog_get(cat, CATALOG_COLUMNS, j, "identity");
			c->identity = x == NULL ? MODEL_IDENTITY_NONE :
			    strcmp(x, "always") == 0 ? MODEL_IDENTITY_ALWAYS :
			    MODEL_IDENTITY_BY_DEFAULT;
			if (c->identity != MODEL_IDENTITY_NONE)
				identity_opts(catalog_get(cat, CATALOG_COLUMNS,
				    j, "identity_opts"), c->type,
				    &c->identity_opts);
			x = catalog_get(cat, CATALOG_COLUMNS, j, "generated");
			c->generated = x != NULL ? dump_unparen(x) : NULL;
			c->comment = dup_or_null(catalog_get(cat,
			    CATALOG_COLUMNS, j, "comment"));
		}
		dump_constraints(cat, t, p);
		dump_indexes(cat, t);
	}
	dump_sequences(cat, m);
	dump_partitions(cat, m);
	dump_extensions(cat, m);
	dump_functions(cat, m);
	dump_views(cat, m);
	dump_grants(cat, m);
	dump_policies(cat, m);
	dump_triggers(cat, m);
}


int
dump_schema(PGconn *conn, struct scratch *s, const char *schema,
    const char *path, struct vbuf *yaml, struct problems *p,
    struct vf_error *err)
{
	struct catalog	 live, back;
	struct model	 m, dumped;
	struct diff	 d;
	struct vbuf	 line;
	size_t		 i;
	int		 rc = -1;

	memset(&m, 0, sizeof(m));
	memset(&live, 0, sizeof(live));
	memset(&back, 0, sizeof(back));
	memset(&d, 0, sizeof(d));
	vbuf_init(&line);
	if (catalog_read(conn, schema, &live, err) == -1)
		goto done;
	compare_unsupported(&live, NULL, p);
	dump_model(&live, &dumped, p);
	vbuf_puts(yaml, "# Written by verifier dump; format: docs/models.md.\n");
	model_write_yaml(&dumped, yaml);
	model_free(&dumped);
	rc = 0;
	if (p->n > 0)
		goto done;
	/* Prove it: load the file, build it, compare with the database. */
	if (model_parse(path != NULL ? path : "<dump>", yaml->data, yaml->len,
	    &m, err) == -1) {
		problems_add(p, NULL, 0, "unsupported: the dump does not load "
		    "as a model: %s", err->msg);
		goto done;
	}
	if (expected_catalog(conn, s, &m, &back, err) == -1) {
		problems_add(p, NULL, 0, "the dump does not build: %s",
		    err->msg);
		goto done;
	}
	if (compare_catalogs(&live, &back, &d, err) == -1) {
		rc = -1;
		goto done;
	}
	for (i = 0; i < d.n; i++) {
		vbuf_reset(&line);
		diff_describe(&line, schema, &d.v[i]);
		problems_add(p, NULL, 0, "unsupported: a model cannot say "
		    "this (%s)", line.data);
	}
done:
	diff_free(&d);
	catalog_free(&live);
	catalog_free(&back);
	vbuf_free(&line);
	model_free(&m);
	return (rc);
}
