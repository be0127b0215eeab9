/*
 * model_view.c: views and materialized views in the model (`views:`,
 * `materialized_views:`, docs/models.md): read and
 * checked (the query is one SELECT that names no other schema, errors at
 * the line and column of the file), rendered as CREATE VIEW, written back
 * as YAML with the query as a block scalar.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"
#include "model_names.h"
#include "pgtree.h"

static const char *const view_keys[] = {
	"columns", "query", "security_barrier", "security_invoker",
	"check_option", "comment", "column_comments", "grants", "triggers", NULL
};
static const char *const matview_keys[] = {
	"columns", "query", "with_data", "with", "indexes", "comment",
	"column_comments", "grants", NULL
};
static const char *const check_options[] = { "local", "cascaded", NULL };

int
ld_char_off(const char *s, int pos)
{
	int	i = 0;

	while (s[i] != '\0' && pos > 1) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		pos--;
	}
	return (i);
}

int
ld_text_error(struct loader *ld, yaml_node_t *n, const char *q, int off,
    const char *fmt, ...)
{
	char		 msg[sizeof(ld->err->msg)];
	va_list		 ap;
	const char	*ls, *p;
	size_t		 i, k = 0, indent = 0;
	int		 line, col, o;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	line = (int)n->start_mark.line + 1;
	col = (int)n->start_mark.column + 1;
	if (off < 0 || (size_t)off > strlen(q))
		goto done;
	ls = q;
	for (p = q; p < q + off; p++)
		if (*p == '\n') {
			k++;
			ls = p + 1;
		}
	o = (int)(q + off - ls);
	if (n->data.scalar.style == YAML_LITERAL_SCALAR_STYLE) {
		line = (int)n->start_mark.line + 2 + (int)k;
		/* The block's indentation: that of its first line that is
		   not blank. */
		for (i = 0, k = 0; i < ld->len && k <= n->start_mark.line;
		    i++)
			if (ld->text[i] == '\n')
				k++;
		for (; i < ld->len; i++) {
			if (ld->text[i] == '\n')
				indent = 0;
			else if (ld->text[i] == ' ')
				indent++;
			else
				break;
		}
		col = (int)indent + pgtree_char_pos(ls, (size_t)o);
	} else if (k == 0 && n->start_mark.line == n->end_mark.line &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		col += pgtree_char_pos(q, (size_t)off) - 1;
done:
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line, col,
	    "%s", msg));
}

/* The query: one SELECT of the model's own schema, kept as written. */
static int
load_query(struct loader *ld, yaml_node_t *n, struct model_view *v,
    const char *what)
{
	struct pgtree		 t;
	struct vf_error		 perr;
	size_t			 len;
	int			 rc;

	if (ld_str(ld, n, "query", &v->query) == -1)
		return (-1);
	len = strlen(v->query);
	while (len > 0 && strchr(" \t\r\n;", v->query[len - 1]) != NULL)
		v->query[--len] = '\0';
	v->qline = (int)n->start_mark.line + 1;
	v->qcol = (int)n->start_mark.column + 1;
	if (len == 0)
		return (ld_at(ld, n, "expected a query for %s, found an empty "
		    "string", what));
	memset(&perr, 0, sizeof(perr));
	if (pgtree_parse(v->query, &t, &perr) == -1)
		return (ld_text_error(ld, n, v->query, perr.col > 0 ?
		    ld_char_off(v->query, perr.col) : -1, "query of %s is not "
		    "SQL: %s", what, perr.msg));
	if (t.tree->n_stmts != 1 || t.tree->stmts[0]->stmt->node_case !=
	    PG_QUERY__NODE__NODE_SELECT_STMT) {
		pgtree_free(&t);
		return (ld_at(ld, n, "query of %s must be one SELECT "
		    "statement", what));
	}
	rc = ld_schema_refs(ld, n, v->query, &t, "query", what);
	pgtree_free(&t);
	return (rc);
}

int
ld_schema_refs(struct loader *ld, yaml_node_t *n, const char *q,
    const struct pgtree *t, const char *label, const char *what)
{
	struct pgtree_refs	 refs;
	size_t			 i;
	int			 rc = 0;

	memset(&refs, 0, sizeof(refs));
	for (i = 0; i < t->tree->n_stmts; i++)
		pgtree_node_foreign_schemas(t->tree->stmts[i]->stmt,
		    ld->m->schema, 0, &refs);
	if (refs.n > 0)
		rc = ld_text_error(ld, n, q, refs.v[0].location, "%s of %s "
		    "refers to schema \"%s\" (a model uses only its own schema "
		    "and pg_catalog)", label, what, refs.v[0].schema);
	pgtree_refs_free(&refs);
	return (rc);
}

/* columns: distinct names. */
static int
load_columns(struct loader *ld, yaml_node_t *seq, struct model_view *v,
    const char *what)
{
	yaml_node_item_t	*it;
	yaml_node_t		*c;
	char			*name;
	size_t			 i;

	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "view columns") == -1)
		return (-1);
	if (seq->data.sequence.items.start == seq->data.sequence.items.top)
		return (ld_at(ld, seq, "expected at least one column name "
		    "for %s", what));
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		c = ld_node(ld, *it);
		if (ld_name(ld, c, "view column", &name) == -1)
			return (-1);
		for (i = 0; i < v->ncolumns; i++)
			if (strcmp(v->columns[i], name) == 0) {
				free(name);
				return (ld_at(ld, c, "duplicate column \"%s\" "
				    "in columns of %s", ld_scalar(c), what));
			}
		v->columns = xrealloc(v->columns, (v->ncolumns + 1) *
		    sizeof(*v->columns));
		v->columns[v->ncolumns++] = name;
	}
	return (0);
}

/* A view may not take the name of another relation or type. */
static int
check_name(struct loader *ld, yaml_node_t *k, const struct model_view *v,
    const char *kind)
{
	const struct model	*m = ld->m;
	size_t			 i;

	for (i = 0; i + 1 < m->nviews; i++)
		if (strcmp(m->views[i].name, v->name) == 0)
			return (ld_at(ld, k, "materialized view \"%s\" has the "
			    "name of a view (line %d)", v->name,
			    m->views[i].line));
	for (i = 0; i < m->ntables; i++)
		if (strcmp(m->tables[i].name, v->name) == 0)
			return (ld_at(ld, k, "%s \"%s\" has the name of a "
			    "table (line %d)", kind, v->name,
			    m->tables[i].line));
	for (i = 0; i < m->nsequences; i++)
		if (strcmp(m->sequences[i].name, v->name) == 0)
			return (ld_at(ld, k, "%s \"%s\" has the name of a "
			    "sequence (line %d)", kind, v->name,
			    m->sequences[i].line));
	for (i = 0; i < m->nenums; i++)
		if (strcmp(m->enums[i].name, v->name) == 0)
			return (ld_at(ld, k, "%s \"%s\" has the name of an "
			    "enum (line %d): both are types", kind, v->name,
			    m->enums[i].line));
	return (0);
}

/*
 * A materialized view's indexes, read as a table's are (model_objects.c)
 * on a stand-in table whose columns are not checked: they are the
 * query's, which PostgreSQL knows when the model's DDL runs.
 */
static int
load_indexes(struct loader *ld, yaml_node_t *seq, struct model_view *v)
{
	struct model_table	t;
	int			rc;

	memset(&t, 0, sizeof(t));
	t.name = v->name;
	t.open_columns = 1;
	rc = ld_indexes(ld, &t, seq);
	v->indexes = t.indexes;
	v->nindexes = t.nindexes;
	return (rc);
}

/* column_comments: a mapping of column names to comments. */
static int
load_col_comments(struct loader *ld, yaml_node_t *map, struct model_view *v,
    const char *what)
{
	yaml_node_pair_t	*p;
	struct model_param	*c;
	char			 w[160], in[170];

	snprintf(w, sizeof(w), "column_comments of %s", what);
	snprintf(in, sizeof(in), " in %s", w);
	if (ld_want(ld, map, YAML_MAPPING_NODE, w) == -1 ||
	    ld_check_names(ld, map, "column", in) == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		v->col_comments = xrealloc(v->col_comments,
		    (v->ncol_comments + 1) * sizeof(*v->col_comments));
		c = &v->col_comments[v->ncol_comments++];
		c->name = xstrdup(ld_scalar(ld_node(ld, p->key)));
		c->value = NULL;
		if (ld_str(ld, ld_node(ld, p->value), "comment",
		    &c->value) == -1)
			return (-1);
	}
	return (0);
}

int
ld_views(struct loader *ld, yaml_node_t *map, int materialized)
{
	struct model		*m = ld->m;
	struct model_view	*v;
	yaml_node_pair_t	*p;
	yaml_node_t		*k, *val, *n;
	char			 what[128];
	int			 w;

	const char		*kind = materialized ? "materialized view" :
				    "view";

	if (ld_want(ld, map, YAML_MAPPING_NODE, materialized ?
	    "materialized_views" : "views") == -1 ||
	    ld_check_names(ld, map, kind, "") == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		val = ld_node(ld, p->value);
		m->views = xrealloc(m->views, (m->nviews + 1) *
		    sizeof(*m->views));
		v = &m->views[m->nviews++];
		memset(v, 0, sizeof(*v));
		v->name = xstrdup(ld_scalar(k));
		v->line = (int)k->start_mark.line + 1;
		v->col = (int)k->start_mark.column + 1;
		v->materialized = materialized;
		v->with_data = 1;
		snprintf(what, sizeof(what), "%s \"%s\"", kind, v->name);
		if (check_name(ld, k, v, kind) == -1 ||
		    ld_want(ld, val, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, val, what, materialized ? matview_keys :
		    view_keys) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "with_data")) != NULL &&
		    ld_bool(ld, n, "with_data", &v->with_data) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "query")) == NULL)
			return (ld_at(ld, val, "missing key \"query\" in %s",
			    what));
		if (load_query(ld, n, v, what) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "columns")) != NULL &&
		    load_columns(ld, n, v, what) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "security_barrier")) != NULL &&
		    ld_bool(ld, n, "security_barrier",
		    &v->security_barrier) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "security_invoker")) != NULL &&
		    ld_bool(ld, n, "security_invoker",
		    &v->security_invoker) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "check_option")) != NULL) {
			if (ld_word(ld, n, "check_option", check_options,
			    &w) == -1)
				return (-1);
			v->check_option = xstrdup(check_options[w]);
		}
		if ((n = ld_map_get(ld, val, "comment")) != NULL &&
		    ld_str(ld, n, "comment", &v->comment) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "with")) != NULL &&
		    ld_with(ld, n, what, &v->with, &v->nwith) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "column_comments")) != NULL &&
		    load_col_comments(ld, n, v, what) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "indexes")) != NULL &&
		    load_indexes(ld, n, v) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "grants")) != NULL &&
		    ld_grants(ld, n, MODEL_GRANT_TABLE, what, NULL, &v->grants,
		    &v->ngrants) == -1)
			return (-1);
		if ((n = ld_map_get(ld, val, "triggers")) != NULL &&
		    ld_triggers(ld, v->name, NULL, n) == -1)
			return (-1);
	}
	return (0);
}

void
model_render_view(const struct model *m, const struct model_view *v,
    int comment, struct vbuf *out)
{
	size_t	i, n = 0;

	if (comment) {
		if (v->comment != NULL)
			model_put_comment(m, out, v->materialized ?
			    "MATERIALIZED VIEW" : "VIEW", v->name, v->comment);
		for (i = 0; i < v->ncol_comments; i++) {
			vbuf_puts(out, "COMMENT ON COLUMN ");
			vf_quote_ident(out, m->schema);
			vbuf_putc(out, '.');
			vf_quote_ident(out, v->name);
			vbuf_putc(out, '.');
			vf_quote_ident(out, v->col_comments[i].name);
			vbuf_puts(out, " IS ");
			vf_quote_literal(out, v->col_comments[i].value);
			vbuf_puts(out, ";\n");
		}
		return;
	}
	vbuf_puts(out, v->materialized ? "CREATE MATERIALIZED VIEW " :
	    "CREATE VIEW ");
	vf_quote_ident(out, m->schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, v->name);
	if (v->ncolumns > 0) {
		vbuf_puts(out, " (");
		for (i = 0; i < v->ncolumns; i++) {
			if (i > 0)
				vbuf_puts(out, ", ");
			vf_quote_ident(out, v->columns[i]);
		}
		vbuf_putc(out, ')');
	}
	model_put_with(out, v->with, v->nwith);
	if (v->security_barrier || v->security_invoker) {
		vbuf_puts(out, " WITH (");
		if (v->security_barrier) {
			model_put_param(out, "security_barrier", "true");
			n++;
		}
		if (v->security_invoker) {
			if (n > 0)
				vbuf_puts(out, ", ");
			model_put_param(out, "security_invoker", "true");
		}
		vbuf_putc(out, ')');
	}
	vbuf_puts(out, " AS\n");
	vbuf_puts(out, v->query);
	/* A query that ends in a -- comment needs its own line. */
	if (strstr(v->query, "--") != NULL)
		vbuf_putc(out, '\n');
	if (v->check_option != NULL)
		vbuf_appendf(out, " WITH %s CHECK OPTION",
		    strcmp(v->check_option, "local") == 0 ? "LOCAL" :
		    "CASCADED");
	if (v->materialized && !v->with_data)
		vbuf_puts(out, " WITH NO DATA");
	vbuf_puts(out, ";\n");
}

/* Whether q can be a literal block scalar that reads back as q. */
static int
block_ok(const char *q)
{
	const unsigned char	*p;

	if (q[0] == ' ' || q[0] == '\n' || q[0] == '\0')
		return (0);
	for (p = (const unsigned char *)q; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
			return (0);
		/* Trailing spaces of a line are kept, but hard to see. */
		if (*p == ' ' && (p[1] == '\n' || p[1] == '\0'))
			return (0);
	}
	return (1);
}

void
yaml_block(struct vbuf *out, int indent, const char *key, const char *text,
    int exact)
{
	const char	*p;
	size_t		 len = strlen(text);
	int		 nl = len > 0 && text[len - 1] == '\n';

	/* Exact: the chomping that reads back text's last newline, or its
	   lack of one; more than one is for a quoted scalar. */
	if (!block_ok(text) || (exact && nl && len > 1 &&
	    text[len - 2] == '\n')) {
		yaml_kv(out, indent, key, text);
		return;
	}
	vbuf_appendf(out, "%*s%s: |%s\n%*s", indent, "", key,
	    exact && !nl ? "-" : "", indent + 2, "");
	for (p = text; *p != '\0'; p++) {
		vbuf_putc(out, *p);
		if (*p == '\n' && p[1] != '\n' && p[1] != '\0')
			vbuf_appendf(out, "%*s", indent + 2, "");
	}
	if (!exact || !nl)
		vbuf_putc(out, '\n');
}

/* The views (materialized or not) of m, under their key. */
static void
write_views(const struct model *m, const struct model_names *ns,
    int materialized, struct vbuf *out)
{
	struct model_table	 t;
	const struct model_view	*v;
	size_t			 i, j, n = 0;

	for (i = 0; i < m->nviews; i++) {
		v = &m->views[i];
		if (v->materialized != materialized)
			continue;
		if (n++ == 0)
			vbuf_puts(out, materialized ?
			    "\nmaterialized_views:\n" : "\nviews:\n");
		vbuf_puts(out, "  ");
		yaml_scalar(out, v->name, 0);
		vbuf_puts(out, ":\n");
		if (v->ncolumns > 0) {
			vbuf_puts(out, "    columns: [");
			for (j = 0; j < v->ncolumns; j++) {
				if (j > 0)
					vbuf_puts(out, ", ");
				yaml_scalar(out, v->columns[j], 1);
			}
			vbuf_puts(out, "]\n");
		}
		yaml_block(out, 4, "query", v->query, 0);
		if (v->security_barrier)
			vbuf_puts(out, "    security_barrier: true\n");
		if (v->security_invoker)
			vbuf_puts(out, "    security_invoker: true\n");
		if (v->check_option != NULL)
			yaml_kv(out, 4, "check_option", v->check_option);
		if (v->materialized && !v->with_data)
			vbuf_puts(out, "    with_data: false\n");
		model_yaml_with(out, 4, v->with, v->nwith);
		if (v->nindexes > 0) {
			memset(&t, 0, sizeof(t));
			t.name = v->name;
			t.open_columns = 1;
			vbuf_puts(out, "    indexes:\n");
			for (j = 0; j < v->nindexes; j++)
				model_yaml_index(ns, &t, &v->indexes[j], 6,
				    out);
		}
		if (v->comment != NULL)
			yaml_kv(out, 4, "comment", v->comment);
		if (v->ncol_comments > 0)
			vbuf_puts(out, "    column_comments:\n");
		for (j = 0; j < v->ncol_comments; j++) {
			vbuf_puts(out, "      ");
			yaml_scalar(out, v->col_comments[j].name, 0);
			vbuf_puts(out, ": ");
			yaml_scalar(out, v->col_comments[j].value, 0);
			vbuf_putc(out, '\n');
		}
		model_grants_write(out, 4, "grants", v->grants, v->ngrants);
		model_write_triggers(m, v->name, 4, out);
	}
}

void
model_write_views(const struct model *m, const struct model_names *ns,
    struct vbuf *out)
{
	write_views(m, ns, 0, out);
	write_views(m, ns, 1, out);
}

void
model_views_free(struct model_view *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].query);
		model_strv_free(v[i].columns, v[i].ncolumns);
		free(v[i].check_option);
		free(v[i].comment);
		model_indexes_free(v[i].indexes, v[i].nindexes);
		model_params_free(v[i].with, v[i].nwith);
		model_grants_free(v[i].grants, v[i].ngrants);
		model_params_free(v[i].col_comments, v[i].ncol_comments);
	}
	free(v);
}
