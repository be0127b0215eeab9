/*
 * model_partition.c: partitioned tables in the model (docs/models.md,
 * "Partitioned tables"): a table's partition_by and its partitions,
 * nested as users write them and kept flat in struct model (parents
 * first), and the CREATE TABLE ... PARTITION OF statement of one.
 * The key and the bounds are checked by PostgreSQL's parser; what they
 * mean (columns, types, overlapping bounds) by the server when the model
 * is built.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"
#include "pgtree.h"

static const char *const partition_keys[] = {
	"values", "default", "partition_by", "partitions", NULL
};
static const char *const key_keep[] = {
	"relation", "table_elts", "partspec", "oncommit", NULL
};
static const char *const bound_keep[] = {
	"relation", "inh_relations", "partbound", "oncommit", NULL
};

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
	if (pgtree_foreign_schemas(sql.data, ld->m->schema, 0, &refs,
	    &perr) == -1) {
		ld_at(ld, n, "%s is not valid: %s", what, perr.msg);
		goto done;
	}
	if (refs.n > 0) {
		pos = refs.v[0].location >= npre ?
		    pgtree_char_pos(sql.data, (size_t)refs.v[0].location) -
		    npre : 0;
		ld_expr_error(ld, n, text, pos, "%s refers to schema \"%s\" "
		    "(a model uses only its own schema and pg_catalog)", what,
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
 * The partitions of parent (described as of, "table \"events\""): a
 * mapping of name to partition, each read with its own partitions.
 */
static int
load_partitions(struct loader *ld, const char *parent, const char *of,
    const char *key, yaml_node_t *map)
{
	struct model		*m = ld->m;
	struct model_partition	*p;
	yaml_node_pair_t	*pr;
	yaml_node_t		*k, *v, *n, *dn;
	char			 what[256], in[300], sub[160];
	int			 isdef;

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
		isdef = 0;
		if ((dn = ld_map_get(ld, v, "default")) != NULL &&
		    ld_bool(ld, dn, "default", &isdef) == -1)
			return (-1);
		n = ld_map_get(ld, v, "values");
		if (n != NULL && isdef)
			return (ld_at(ld, n, "%s has values and default: true "
			    "(a default partition has no bound)", sub));
		if (n == NULL && !isdef)
			return (ld_at(ld, k, "%s of %s needs values or "
			    "default: true", sub, of));
		if (n != NULL && load_values(ld, n, sub, &p->values) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "partition_by")) != NULL &&
		    load_key(ld, n, sub, &p->partition_by) == -1)
			return (-1);
		if ((n = ld_map_get(ld, v, "partitions")) != NULL) {
			/* p moves when the list grows: copy what we need. */
			char	*name = xstrdup(p->name), *pk =
			    p->partition_by != NULL ? xstrdup(p->partition_by) :
			    NULL;
			int	 rc;

			rc = load_partitions(ld, name, sub, pk, n);
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
	    load_partitions(ld, t->name, of, t->partition_by, n) == -1)
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
