/*
 * model_grant.c: privileges in the model (`grants:` on the schema, its
 * tables and their columns, its sequences, its enums): read and checked, released,
 * rendered as GRANT, written back as YAML.  Roles are not the model's:
 * expected.c checks that each one exists before the model is built.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"

/* In PostgreSQL's ACL order, as aclexplode() lists them. */
static const char *const table_privs[] = { "INSERT", "SELECT", "UPDATE",
	"DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", NULL };
static const char *const column_privs[] = { "INSERT", "SELECT", "UPDATE",
	"REFERENCES", NULL };
static const char *const sequence_privs[] = { "SELECT", "UPDATE", "USAGE",
	NULL };
static const char *const schema_privs[] = { "USAGE", "CREATE", NULL };
static const char *const type_privs[] = { "USAGE", NULL };

static const char *const on_words[] = { "SCHEMA", "TABLE", "SEQUENCE",
	"TYPE" };

const char *const *
model_grant_privileges(enum model_grant_on on, int columns)
{
	switch (on) {
	case MODEL_GRANT_SCHEMA:
		return (schema_privs);
	case MODEL_GRANT_SEQUENCE:
		return (sequence_privs);
	case MODEL_GRANT_TYPE:
		return (type_privs);
	case MODEL_GRANT_TABLE:
		break;
	}
	return (columns ? column_privs : table_privs);
}

void
model_column_seq_name(const struct model_table *t,
    const struct model_column *c, char out[MODEL_NAME_MAX + 1])
{
	if (c->seq_name != NULL)
		snprintf(out, MODEL_NAME_MAX + 1, "%s", c->seq_name);
	else
		model_make_name(out, t->name, c->name, "seq");
}

void
model_grants_free(struct model_grant *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		model_strv_free(v[i].privileges, v[i].nprivileges);
		free(v[i].to);
		model_strv_free(v[i].columns, v[i].ncolumns);
	}
	free(v);
}

static const char *const grant_keys[] = { "to", "privileges", "columns",
	"with_grant_option", NULL };

/* "A, B, C" of words, for messages. */
static void
word_list(struct vbuf *b, const char *const *words)
{
	size_t	i;

	for (i = 0; words[i] != NULL; i++) {
		vbuf_puts(b, i > 0 ? ", " : "");
		vbuf_puts(b, words[i]);
	}
}

/* Index of word w (any case) in words, or -1. */
static int
word_index(const char *const *words, const char *w)
{
	int	i;

	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(words[i], w) == 0)
			return (i);
	return (-1);
}

/*
 * The privileges of one entry (a word or a sequence of words; ALL is every
 * privilege of the kind) into g, in the kind's order.
 */
static int
load_privileges(struct loader *ld, yaml_node_t *n, const char *what,
    const char *const *privs, struct model_grant *g)
{
	yaml_node_item_t	*it;
	yaml_node_t		*w;
	struct vbuf		 b;
	int			 have[16], i, k, rc = -1;

	memset(have, 0, sizeof(have));
	vbuf_init(&b);
	if (n->type == YAML_SCALAR_NODE && n->data.scalar.length > 0 &&
	    strcasecmp(ld_scalar(n), "all") == 0) {
		for (i = 0; privs[i] != NULL; i++)
			have[i] = 1;
	} else if (n->type == YAML_SEQUENCE_NODE) {
		if (n->data.sequence.items.start ==
		    n->data.sequence.items.top) {
			ld_at(ld, n, "expected at least one privilege in the "
			    "grant of %s", what);
			goto done;
		}
		for (it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++) {
			w = ld_node(ld, *it);
			if (ld_want(ld, w, YAML_SCALAR_NODE, "a privilege") ==
			    -1)
				goto done;
			if ((k = word_index(privs, ld_scalar(w))) == -1) {
				word_list(&b, privs);
				ld_at(ld, w, "unknown privilege \"%s\" in the "
				    "grant of %s (expected one of %s or ALL)",
				    ld_scalar(w), what, b.data);
				goto done;
			}
			if (have[k]) {
				ld_at(ld, w, "privilege %s twice in the grant "
				    "of %s", privs[k], what);
				goto done;
			}
			have[k] = 1;
		}
	} else {
		ld_at(ld, n, "expected a sequence of privileges or ALL for "
		    "the grant of %s, found %s", what, ld_kind(n));
		goto done;
	}
	for (i = 0; privs[i] != NULL; i++) {
		if (!have[i])
			continue;
		g->privileges = xrealloc(g->privileges,
		    (g->nprivileges + 1) * sizeof(*g->privileges));
		g->privileges[g->nprivileges++] = xstrdup(privs[i]);
	}
	rc = 0;
done:
	vbuf_free(&b);
	return (rc);
}

/* Whether a and b name the same columns in the same order. */
static int
same_columns(const struct model_grant *a, const struct model_grant *b)
{
	size_t	i;

	if (a->ncolumns != b->ncolumns)
		return (0);
	for (i = 0; i < a->ncolumns; i++)
		if (strcmp(a->columns[i], b->columns[i]) != 0)
			return (0);
	return (1);
}

int
ld_grants(struct loader *ld, yaml_node_t *seq, enum model_grant_on on,
    const char *what, const struct model_table *t, struct model_grant **out,
    size_t *nout)
{
	yaml_node_item_t	*it;
	yaml_node_t		*e, *n, *cols;
	struct model_grant	*g;
	const char *const	*privs;
	char			 gwhat[160];
	size_t			 i, j;

	snprintf(gwhat, sizeof(gwhat), "grants of %s", what);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, gwhat) == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		e = ld_node(ld, *it);
		*out = xrealloc(*out, (*nout + 1) * sizeof(**out));
		g = &(*out)[(*nout)++];
		memset(g, 0, sizeof(*g));
		g->line = (int)e->start_mark.line + 1;
		g->col = (int)e->start_mark.column + 1;
		if (ld_want(ld, e, YAML_MAPPING_NODE, "a grant") == -1 ||
		    ld_check_keys(ld, e, "a grant", grant_keys) == -1)
			return (-1);
		if ((n = ld_map_get(ld, e, "to")) == NULL)
			return (ld_at(ld, e, "missing key \"to\" in a grant of "
			    "%s", what));
		if (ld_name(ld, n, "to", &g->to) == -1)
			return (-1);
		if (strcasecmp(g->to, "public") == 0) {
			free(g->to);
			g->to = xstrdup("PUBLIC");
		}
		g->to_line = (int)n->start_mark.line + 1;
		g->to_col = (int)n->start_mark.column + 1;
		if ((cols = ld_map_get(ld, e, "columns")) != NULL) {
			if (t == NULL)
				return (ld_at(ld, cols, "a grant of %s names "
				    "columns (only a table's grants do)",
				    what));
			if (ld_columns(ld, cols, t, "the column list of a grant",
			    &g->columns, &g->ncolumns) == -1)
				return (-1);
		}
		if ((n = ld_map_get(ld, e, "privileges")) == NULL)
			return (ld_at(ld, e, "missing key \"privileges\" in a "
			    "grant of %s", what));
		privs = model_grant_privileges(on, 0);
		if (load_privileges(ld, n, what, privs, g) == -1)
			return (-1);
		if (cols != NULL)
			for (j = 0; j < g->nprivileges; j++)
				if (word_index(column_privs,
				    g->privileges[j]) == -1)
					return (ld_at(ld, n, "privilege %s "
					    "in the grant of %s cannot name "
					    "columns (a column grant is "
					    "INSERT, SELECT, UPDATE or "
					    "REFERENCES)", g->privileges[j],
					    what));
		if ((n = ld_map_get(ld, e, "with_grant_option")) != NULL &&
		    ld_bool(ld, n, "with_grant_option", &g->grant_option) ==
		    -1)
			return (-1);
		for (i = 0; i + 1 < *nout; i++)
			if (strcmp((*out)[i].to, g->to) == 0 &&
			    (*out)[i].grant_option == g->grant_option &&
			    same_columns(&(*out)[i], g))
				return (ld_at(ld, e, "second grant of %s to "
				    "%s with the same columns and grant "
				    "option as line %d (one entry holds its "
				    "privileges)", what, g->to,
				    (*out)[i].line));
	}
	return (0);
}

static void
put_role(struct vbuf *out, const char *role)
{
	if (strcmp(role, "PUBLIC") == 0)
		vbuf_puts(out, role);
	else
		vf_quote_ident(out, role);
}

void
model_grant_render(struct vbuf *out, enum model_grant_on on,
    const char *schema, const char *name, const struct model_grant *g)
{
	size_t	i, j;

	vbuf_puts(out, "GRANT ");
	for (i = 0; i < g->nprivileges; i++) {
		vbuf_puts(out, i > 0 ? ", " : "");
		vbuf_puts(out, g->privileges[i]);
		if (g->ncolumns == 0)
			continue;
		vbuf_puts(out, " (");
		for (j = 0; j < g->ncolumns; j++) {
			vbuf_puts(out, j > 0 ? ", " : "");
			vf_quote_ident(out, g->columns[j]);
		}
		vbuf_putc(out, ')');
	}
	vbuf_appendf(out, " ON %s ", on_words[on]);
	if (on != MODEL_GRANT_SCHEMA) {
		vf_quote_ident(out, schema);
		vbuf_putc(out, '.');
	}
	vf_quote_ident(out, name);
	vbuf_puts(out, " TO ");
	put_role(out, g->to);
	vbuf_puts(out, g->grant_option ? " WITH GRANT OPTION;\n" : ";\n");
}

void
model_grants_write(struct vbuf *out, int indent, const char *key,
    const struct model_grant *g, size_t n)
{
	size_t	i;

	if (n == 0)
		return;
	vbuf_appendf(out, "%*s%s:\n", indent, "", key);
	for (i = 0; i < n; i++) {
		vbuf_appendf(out, "%*s- to: ", indent + 2, "");
		model_yaml_scalar(out, g[i].to);
		vbuf_putc(out, '\n');
		model_yaml_list(out, indent + 4, "privileges",
		    g[i].privileges, g[i].nprivileges);
		if (g[i].ncolumns > 0)
			model_yaml_list(out, indent + 4, "columns",
			    g[i].columns, g[i].ncolumns);
		if (g[i].grant_option)
			vbuf_appendf(out, "%*swith_grant_option: true\n",
			    indent + 4, "");
	}
}
