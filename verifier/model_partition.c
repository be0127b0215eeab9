/*
 * model_partition.c: partitioned tables in the model (docs/models.md,
 * "Partitioned tables"): a table's partition_by and its partitions,
 * nested as users write them and kept flat in struct model (parents
 * first), and the CREATE TABLE ... PARTITION OF statement of one.
 * The key and the bounds are checked by PostgreSQL's parser; what they
 * mean (columns, types, overlapping bounds) by the server when the model
 * is built.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"
#include "pgtree.h"

static const char *const partition_keys[] = {
	"values", "from", "to", "in", "modulus", "remainder", "default",
	"partition_by", "partitions", "indexes", NULL
};
static const char *const key_keep[] = {
	"relation", "table_elts", "partspec", "oncommit", NULL
};
static const char *const bound_keep[] = {
	"relation", "inh_relations", "partbound", "oncommit", NULL
};

/* The 1-based character position of the first comment or ';' in text,
   or 0 (also when text does not scan: the parse says why). */
static int
stray_at(const char *text)
{
	struct pgtree_scan	 sc;
	struct vf_error		 e;
	size_t			 i;
	int			 pos = 0;

	if (pgtree_scan(text, &sc, &e) == -1)
		return (0);
	for (i = 0; i < sc.scan->n_tokens && pos == 0; i++)
		if (sc.scan->tokens[i]->token ==
		    PG_QUERY__TOKEN__SQL_COMMENT ||
		    sc.scan->tokens[i]->token == PG_QUERY__TOKEN__C_COMMENT ||
		    sc.scan->tokens[i]->token == PG_QUERY__TOKEN__ASCII_59)
			pos = pgtree_char_pos(text,
			    (size_t)sc.scan->tokens[i]->start);
	pgtree_scan_free(&sc);
	return (pos);
}

/*
 * text read from scalar n, put after pre, must be one CREATE TABLE with
 * nothing but the fields of keep, and name no other schema.
 */
static int
check_wrapped(struct loader *ld, yaml_node_t *n, const char *pre,
    const char *text, const char *what, const char *const *keep)
{
	struct vbuf		 sql;
	struct pgtree		 t;
	struct pgtree_refs	 refs;
	struct vf_error		 perr;
	PgQuery__Node		*st;
	int			 rc = -1, pos, npre = (int)strlen(pre);

	vbuf_init(&sql);
	vbuf_puts(&sql, pre);
	vbuf_puts(&sql, text);
	memset(&refs, 0, sizeof(refs));
	/* A comment would swallow what the DDL puts after the text. */
	if ((pos = stray_at(text)) > 0) {
		ld_expr_error(ld, n, text, pos, "%s is not valid: it holds a "
		    "comment or a ';'", what);
		goto done;
	}
	if (pgtree_parse(sql.data, &t, &perr) == -1) {
		pos = perr.col > npre ? perr.col - npre : 0;
		ld_expr_error(ld, n, text, pos, "%s is not valid: %s", what,
		    perr.msg);
		goto done;
	}
	st = t.tree->n_stmts == 1 ? t.tree->stmts[0]->stmt : NULL;
	if (st == NULL || st->node_case != PG_QUERY__NODE__NODE_CREATE_STMT ||
	    !pgtree_only_fields(&st->create_stmt->base, keep) ||
	    st->create_stmt->oncommit != PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP) {
		pgtree_free(&t);
		ld_at(ld, n, "%s is not valid: \"%s\" has more than %s", what,
		    text, keep == key_keep ? "a partition key" : "a bound");
		goto done;
	}
	pgtree_free(&t);
	if (pgtree_foreign_schemas(sql.data, ld->m->schema,
	    PGTREE_REFS_EXTENSIONS, &refs, &perr) == -1) {
		ld_at(ld, n, "%s is not valid: %s", what, perr.msg);
		goto done;
	}
	if (refs.n > 0) {
		pos = refs.v[0].location >= npre ?
		    pgtree_char_pos(sql.data, (size_t)refs.v[0].location) -
		    npre : 0;
		ld_expr_error(ld, n, text, pos, "%s refers to schema \"%s\" "
		    "(a model uses only its own schema, pg_catalog and "
		    "extensions)", what,
		    refs.v[0].schema);
		goto done;
	}
	rc = 0;
done:
	pgtree_refs_free(&refs);
	vbuf_free(&sql);
	return (rc);
}

/* partition_by: range, list or hash, then the key in parentheses. */
static int
load_key(struct loader *ld, yaml_node_t *n, const char *of, char **out)
{
	static const char *const methods[] = { "range", "list", "hash" };
	char		 what[256];
	const char	*s;
	size_t		 i, len;

	snprintf(what, sizeof(what), "partition_by of %s", of);
	if (ld_str(ld, n, what, out) == -1)
		return (-1);
	s = *out;
	for (i = 0; i < 3; i++) {
		len = strlen(methods[i]);
		if (strncasecmp(s, methods[i], len) == 0 &&
		    (s[len] == ' ' || s[len] == '('))
			break;
	}
	if (i == 3 || strchr(s, '(') == NULL) {
		ld_at(ld, n, "expected \"range (...)\", \"list (...)\" or "
		    "\"hash (...)\" for %s, found \"%s\"", what, s);
		goto fail;
	}
	if (check_wrapped(ld, n, "CREATE TABLE x () PARTITION BY ", s, what,
	    key_keep) == -1)
		goto fail;
	return (0);
fail:
	free(*out);
	*out = NULL;
	return (-1);
}

/* values: what follows FOR VALUES (which may be written too). */
static int
load_values(struct loader *ld, yaml_node_t *n, const char *of, char **out)
{
	char		 what[256];
	const char	*s;

	snprintf(what, sizeof(what), "values of %s", of);
	if (ld_want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	s = ld_scalar(n);
	if (strncasecmp(s, "for values ", 11) == 0)
		s += 11;
	if (strncasecmp(s, "from", 4) != 0 && strncasecmp(s, "in", 2) != 0 &&
	    strncasecmp(s, "with", 4) != 0)
		return (ld_at(ld, n, "expected \"FROM (...) TO (...)\", "
		    "\"IN (...)\" or \"WITH (MODULUS m, REMAINDER r)\" for "
		    "%s, found \"%s\"", what, ld_scalar(n)));
	if (strlen(ld_scalar(n)) != n->data.scalar.length)
		return (ld_at(ld, n, "%s contains a NUL character", what));
	if (check_wrapped(ld, n, "CREATE TABLE x PARTITION OF y FOR VALUES ",
	    s, what, bound_keep) == -1)
		return (-1);
	*out = xstrdup(s);
	return (0);
}

/*
 * A list of bound values (from, to, in; a scalar is a list of one), as
 * SQL: each a literal, but MINVALUE, MAXVALUE and a plain null or ~.
 */
static int
bound_list(struct loader *ld, yaml_node_t *n, const char *what,
    struct vbuf *out)
{
	yaml_node_item_t	*it;
	yaml_node_t		*x;
	const char		*s;
	int			 single = n->type == YAML_SCALAR_NODE;

	if (!single && ld_want(ld, n, YAML_SEQUENCE_NODE, what) == -1)
		return (-1);
	if (!single && n->data.sequence.items.start ==
	    n->data.sequence.items.top)
		return (ld_at(ld, n, "expected at least one value for %s",
		    what));
	vbuf_putc(out, '(');
	for (it = single ? NULL : n->data.sequence.items.start;
	    single || it < n->data.sequence.items.top; it++) {
		x = single ? n : ld_node(ld, *it);
		if (x->type != YAML_SCALAR_NODE)
			return (ld_want(ld, x, YAML_SCALAR_NODE, what));
		if (strlen(ld_scalar(x)) != x->data.scalar.length)
			return (ld_at(ld, x, "%s contains a NUL character",
			    what));
		if (out->data[out->len - 1] != '(')
			vbuf_puts(out, ", ");
		s = ld_scalar(x);
		if (strcasecmp(s, "minvalue") == 0 ||
		    strcasecmp(s, "maxvalue") == 0)
			vbuf_puts(out, s);
		else if (x->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    (strcmp(s, "null") == 0 || strcmp(s, "~") == 0))
			vbuf_puts(out, "NULL");
		else
			vf_quote_literal(out, s);
		if (single)
			break;
	}
	vbuf_putc(out, ')');
	return (0);
}

/* modulus or remainder: an integer from min on. */
static int
bound_int(struct loader *ld, yaml_node_t *n, const char *what, long min,
    struct vbuf *out)
{
	char	*end;
	long	 v;

	if (ld_want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	errno = 0;
	v = strtol(ld_scalar(n), &end, 10);
	if (end == ld_scalar(n) || *end != '\0' || errno != 0 || v < min ||
	    v > 2147483647)
		return (ld_at(ld, n, "expected an integer from %ld for %s, "
		    "found \"%s\"", min, what, ld_scalar(n)));
	vbuf_appendf(out, "%ld", v);
	return (0);
}

/*
 * The bound of partition sub of v: values, from and to, in, modulus and
 * remainder, or default: true, exactly one of them; *out gets what
 * follows FOR VALUES (NULL for the default partition).
 */
static int
load_bound(struct loader *ld, yaml_node_t *k, yaml_node_t *v,
    const char *sub, const char *of, char **out)
{
	static const char *const forms[][2] = {
		{ "values", NULL }, { "from", "to" }, { "in", NULL },
		{ "modulus", "remainder" }, { "default", NULL }
	};
	yaml_node_t	*n, *first = NULL, *second;
	struct vbuf	 b;
	char		 what[256];
	size_t		 i, f = 0;
	int		 isdef = 0, rc = -1;

	for (i = 0; i < 5; i++) {
		if ((n = ld_map_get(ld, v, forms[i][0])) == NULL &&
		    (forms[i][1] == NULL ||
		    (n = ld_map_get(ld, v, forms[i][1])) == NULL))
			continue;
		if (first != NULL)
			return (ld_at(ld, n, "%s has two bounds (%s and %s; "
			    "a partition has one of values, from and to, in, "
			    "modulus and remainder, default: true)", sub,
			    forms[f][0], forms[i][0]));
		first = n;
		f = i;
	}
	if (first == NULL)
		return (ld_at(ld, k, "%s of %s needs a bound: values, from and "
		    "to, in, modulus and remainder, or default: true", sub,
		    of));
	if (f == 0)
		return (load_values(ld, first, sub, out));
	if (f == 4) {
		if (ld_bool(ld, first, "default", &isdef) == -1)
			return (-1);
		if (!isdef)
			return (ld_at(ld, first, "%s has default: false (a "
			    "partition that is not the default one needs a "
			    "bound)", sub));
		return (0);
	}
	n = ld_map_get(ld, v, forms[f][0]);
	second = forms[f][1] != NULL ? ld_map_get(ld, v, forms[f][1]) : NULL;
	if (n == NULL || (forms[f][1] != NULL && second == NULL))
		return (ld_at(ld, first, "%s has %s but no %s", sub,
		    n == NULL ? forms[f][1] : forms[f][0],
		    n == NULL ? forms[f][0] : forms[f][1]));
	vbuf_init(&b);
	snprintf(what, sizeof(what), "%s of %s", forms[f][0], sub);
	if (f == 1) {
		vbuf_puts(&b, "FROM ");
		if (bound_list(ld, n, what, &b) == -1)
			goto done;
		snprintf(what, sizeof(what), "to of %s", sub);
		vbuf_puts(&b, " TO ");
		if (bound_list(ld, second, what, &b) == -1)
			goto done;
	} else if (f == 2) {
		vbuf_puts(&b, "IN ");
		if (bound_list(ld, n, what, &b) == -1)
			goto done;
	} else {
		vbuf_puts(&b, "WITH (MODULUS ");
		if (bound_int(ld, n, what, 1, &b) == -1)
			goto done;
		snprintf(what, sizeof(what), "remainder of %s", sub);
		vbuf_puts(&b, ", REMAINDER ");
		if (bound_int(ld, second, what, 0, &b) == -1)
			goto done;
		vbuf_putc(&b, ')');
	}
	*out = vbuf_steal(&b);
	rc = 0;
done:
	vbuf_free(&b);
	return (rc);
}

/*
 * The local indexes of partition p, read as a table's are
 * (model_objects.c) on a stand-in with the columns of top, its top table.
 */
static int
load_indexes(struct loader *ld, const struct model_table *top,
    struct model_partition *p, yaml_node_t *seq)
{
	struct model_table	t;
	int			rc;

	memset(&t, 0, sizeof(t));
	t.name = p->name;
	t.partition = 1;
	t.columns = top->columns;
	t.ncolumns = top->ncolumns;
	rc = ld_indexes(ld, &t, seq);
	p->indexes = t.indexes;
	p->nindexes = t.nindexes;
	return (rc);
}

/*
 * The partitions of parent (described as of, "table \"events\""), under
 * top table top: a mapping of name to partition, each read with its own
 * indexes and partitions.
 */
static int
load_partitions(struct loader *ld, const struct model_table *top,
    const char *parent, const char *of, const char *key, yaml_node_t *map)
{
	struct model		*m = ld->m;
	struct model_partition	*p;
	yaml_node_pair_t	*pr;
	yaml_node_t		*k, *v, *n;
	char			 what[256], in[300], sub[160];

	snprintf(what, sizeof(what), "partitions of %s", of);
	snprintf(in, sizeof(in), " in %s", what);
	if (ld_want(ld, map, YAML_MAPPING_NODE, what) == -1 ||
	    ld_check_names(ld, map, "partition", in) == -1)
		return (-1);
	if (key == NULL)
		return (ld_at(ld, map, "%s has partitions but no "
		    "partition_by", of));
	for (pr = map->data.mapping.pairs.start;
	    pr < map->data.mapping.pairs.top; pr++) {
		k = ld_node(ld, pr->key);
		v = ld_node(ld, pr->value);
		m->partitions = xrealloc(m->partitions, (m->npartitions + 1) *
		    sizeof(*m->partitions));
		p = &m->partitions[m->npartitions++];
		memset(p, 0, sizeof(*p));
		p->name = xstrdup(ld_scalar(k));
		p->parent = xstrdup(parent);
		p->line = (int)k->start_mark.line + 1;
		p->col = (int)k->start_mark.column + 1;
		snprintf(sub, sizeof(sub), "partition \"%s\"", p->name);
		if (ld_want(ld, v, YAML_MAPPING_NODE, sub) == -1 ||
		    ld_check_keys(ld, v, sub, partition_keys) == -1)
			return (-1);
		if (load_bound(ld, k, v, sub, of, &p->values) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "partition_by")) != NULL &&
		    load_key(ld, n, sub, &p->partition_by) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "indexes")) != NULL &&
		    load_indexes(ld, top, p, n) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "partitions")) != NULL) {
			/* p moves when the list grows: copy what we need. */
			char	*name = xstrdup(p->name), *pk =
			    p->partition_by != NULL ? xstrdup(p->partition_by) :
			    NULL;
			int	 rc;

			rc = load_partitions(ld, top, name, sub, pk, n);
			free(name);
			free(pk);
			if (rc == -1)
				return (-1);
		}
	}
	return (0);
}

int
ld_partitioning(struct loader *ld, struct model_table *t, yaml_node_t *v)
{
	yaml_node_t	*n;
	char		 of[160];

	snprintf(of, sizeof(of), "table \"%s\"", t->name);
	if ((n = ld_map_get(ld, v, "partition_by")) != NULL &&
	    load_key(ld, n, of, &t->partition_by) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "partitions")) != NULL &&
	    load_partitions(ld, t, t->name, of, t->partition_by, n) == -1)
		return (-1);
	return (0);
}

void
model_partition_sql(const struct model *m, const struct model_partition *p,
    struct vbuf *out)
{
	const char	*names[2] = { p->name, p->parent };
	int		 i;

	for (i = 0; i < 2; i++) {
		vbuf_puts(out, i == 0 ? "CREATE TABLE " : " PARTITION OF ");
		vf_quote_ident(out, m->schema);
		vbuf_putc(out, '.');
		vf_quote_ident(out, names[i]);
	}
	/* Checked as one bound and one key by the loader. */
	if (p->values != NULL)
		vbuf_appendf(out, " FOR VALUES %s", p->values);
	else
		vbuf_puts(out, " DEFAULT");
	if (p->partition_by != NULL)
		vbuf_appendf(out, " PARTITION BY %s", p->partition_by);
	vbuf_puts(out, ";\n");
}
