/*
 * model_yaml.c: a model written back as a model file in the canonical
 * form of docs/models.md (model_write_yaml(), for `verifier dump`): keys
 * in a fixed order, shorthands wherever they apply, a name only when it
 * is not the one that would be generated, strings quoted only when YAML
 * needs it.  A new object kind adds its write_*() here.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_load.h"
#include "model_names.h"

/*
 * Whether s can be written as a plain YAML scalar that every YAML reader
 * takes as this very string: it starts with a letter, a digit or '_',
 * holds no ": ", " #" and no control character, does not end in ':' or a
 * space, and is not a word YAML 1.1 reads as a boolean or null.  In a flow
 * sequence ([a, b]) it must not hold ",[]{}" either.
 */
static int
yaml_plain_ok(const char *s, int flow)
{
	static const char *const words[] = {
		"true", "false", "yes", "no", "on", "off", "y", "n", "null",
		NULL
	};
	size_t	len = strlen(s), i;

	if (len == 0 || !(isalnum((unsigned char)s[0]) || s[0] == '_' ||
	    ((unsigned char)s[0] & 0x80)))
		return (0);
	if (s[len - 1] == ':' || s[len - 1] == ' ')
		return (0);
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return (0);
		if (s[i] == ':' && s[i + 1] == ' ')
			return (0);
		if (s[i] == ' ' && s[i + 1] == '#')
			return (0);
		if (flow && strchr(",[]{}", s[i]) != NULL)
			return (0);
	}
	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return (0);
	return (1);
}

void
yaml_scalar(struct vbuf *out, const char *s, int flow)
{
	const unsigned char	*p;

	if (yaml_plain_ok(s, flow)) {
		vbuf_puts(out, s);
		return;
	}
	vbuf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			vbuf_putc(out, '\\');
			vbuf_putc(out, (char)*p);
		} else if (*p == '\n')
			vbuf_puts(out, "\\n");
		else if (*p == '\t')
			vbuf_puts(out, "\\t");
		else if (*p < 0x20 || *p == 0x7F)
			vbuf_appendf(out, "\\x%02x", *p);
		else
			vbuf_putc(out, (char)*p);
	}
	vbuf_putc(out, '"');
}

/* "key: value\n" at indent. */
void
yaml_kv(struct vbuf *out, int indent, const char *key, const char *value)
{
	vbuf_appendf(out, "%*s%s: ", indent, "", key);
	yaml_scalar(out, value, 0);
	vbuf_putc(out, '\n');
}

/* "key: true\n" at indent: a boolean, never quoted. */
static void
yaml_true(struct vbuf *out, int indent, const char *key)
{
	vbuf_appendf(out, "%*s%s: true\n", indent, "", key);
}

/*
 * "key: [a, b]\n" after indent spaces, or a block sequence whose items sit
 * at column inner when a name needs quoting.
 */
static void
yaml_list_at(struct vbuf *out, int indent, const char *key,
    char *const *names, size_t n, int inner)
{
	size_t	i;
	int	flow = 1;

	for (i = 0; i < n; i++)
		if (!yaml_plain_ok(names[i], 1))
			flow = 0;
	vbuf_appendf(out, "%*s%s:", indent, "", key);
	if (flow) {
		vbuf_puts(out, " [");
		for (i = 0; i < n; i++) {
			vbuf_puts(out, i > 0 ? ", " : "");
			vbuf_puts(out, names[i]);
		}
		vbuf_puts(out, "]\n");
		return;
	}
	vbuf_putc(out, '\n');
	for (i = 0; i < n; i++) {
		vbuf_appendf(out, "%*s- ", inner, "");
		yaml_scalar(out, names[i], 0);
		vbuf_putc(out, '\n');
	}
}

static void
yaml_list(struct vbuf *out, int indent, const char *key,
    char *const *names, size_t n)
{
	yaml_list_at(out, indent, key, names, n, indent + 2);
}

/* Whether constraint c would get its name back if the name were left out. */
static int
default_named(const struct model_names *ns, const struct model_table *t,
    const struct model_constraint *c)
{
	char	def[MODEL_NAME_MAX + 1];

	model_constraint_default_name(t, c, def);
	return (strcmp(def, c->name) == 0 && model_names_count(ns,
	    c->name) == 1);
}

static int	is_shorthand(const struct model_names *,
    const struct model_table *,
		    size_t);

static int
has_shorthand(const struct model_names *ns, const struct model_table *t,
    const struct model_column *col,
    enum model_con_kind kind)
{
	size_t	i;

	for (i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == kind &&
		    t->constraints[i].ncolumns == 1 &&
		    strcmp(t->constraints[i].columns[0], col->name) == 0 &&
		    is_shorthand(ns, t, i))
			return (1);
	return (0);
}

static size_t
column_pos(const struct model_table *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return (i);
	return (t->ncolumns);
}

/* Whether c says more than its kind, columns and name. */
static int
has_options(const struct model_constraint *c)
{
	return (c->deferrable || c->not_valid || c->nulls_not_distinct ||
	    c->no_inherit ||
	    c->comment != NULL);
}

/* The options of c that differ from the defaults, at indent. */
static void
write_con_options(struct vbuf *out, int indent,
    const struct model_constraint *c)
{
	if (c->deferrable)
		yaml_true(out, indent, "deferrable");
	if (c->initially_deferred)
		yaml_true(out, indent, "initially_deferred");
	if (c->nulls_not_distinct)
		yaml_true(out, indent, "nulls_not_distinct");
	if (c->not_valid)
		vbuf_appendf(out, "%*svalidated: false\n", indent, "");
	if (c->no_inherit)
		yaml_true(out, indent, "no_inherit");
	if (c->comment != NULL)
		yaml_kv(out, indent, "comment", c->comment);
}

/* An exclusion constraint, as an item of exclude:. */
static void
write_exclude(const struct model_names *ns, const struct model_table *t,
    const struct model_constraint *c, struct vbuf *out)
{
	const struct model_excl_elem	*el;
	size_t				 i;

	if (!default_named(ns, t, c)) {
		yaml_kv(out, 6, "- name", c->name);
		vbuf_appendf(out, "%8s", "");
	} else
		vbuf_appendf(out, "%6s- ", "");
	if (strcmp(c->method, "gist") != 0) {
		yaml_kv(out, 0, "using", c->method);
		vbuf_appendf(out, "%8s", "");
	}
	vbuf_puts(out, "elements:\n");
	for (i = 0; i < c->nelems; i++) {
		el = &c->elems[i];
		if (el->column != NULL)
			yaml_kv(out, 10, "- column", el->column);
		else
			yaml_kv(out, 10, "- expression", el->expression);
		if (el->opclass != NULL)
			yaml_kv(out, 12, "opclass", el->opclass);
		vbuf_appendf(out, "%12swith: ", "");
		/* Operators start with characters YAML reserves. */
		vbuf_appendf(out, "\"%s\"\n", el->op);
	}
	if (c->ninclude > 0)
		yaml_list(out, 8, "include", c->include, c->ninclude);
	if (c->where != NULL)
		yaml_kv(out, 8, "where", c->where);
	write_con_options(out, 8, c);
}

/* Whether constraint i is written as a column's shorthand. */
static int
is_shorthand(const struct model_names *ns, const struct model_table *t,
    size_t i)
{
	const struct model_constraint	*c = &t->constraints[i];
	size_t				 j;

	if ((c->kind != MODEL_CON_PRIMARY && c->kind != MODEL_CON_UNIQUE) ||
	    c->ncolumns != 1 || !default_named(ns, t, c) || has_options(c))
		return (0);
	if (c->kind == MODEL_CON_PRIMARY)
		return (1);
	/*
	 * The loader puts column shorthands first, in column order: a unique
	 * constraint is written as one only when that keeps its place.
	 */
	for (j = 0; j < i; j++) {
		if (t->constraints[j].kind != MODEL_CON_UNIQUE)
			continue;
		if (!is_shorthand(ns, t, j) || column_pos(t,
		    t->constraints[j].columns[0]) >= column_pos(t,
		    c->columns[0]))
			return (0);
	}
	return (1);
}

/* The options of o that were set, one "key: value" line each. */
static void
write_seq_opts(struct vbuf *out, int indent, const struct model_seq_opts *o)
{
	static const char *const keys[] = { "start", "increment", "min",
	    "max", "cache" };
	const long long	vals[] = { o->start, o->increment, o->min, o->max,
			    o->cache };
	size_t		i;

	for (i = 0; i < 5; i++)
		if (o->have & (1u << i))
			vbuf_appendf(out, "%*s%s: %lld\n", indent, "", keys[i],
			    vals[i]);
	if (o->have & MODEL_SEQ_CYCLE)
		vbuf_appendf(out, "%*scycle: %s\n", indent, "",
		    o->cycle ? "true" : "false");
}

/* "with:" and one "name: value" line per storage parameter. */
void
model_yaml_with(struct vbuf *out, int indent, const struct model_param *p,
    size_t n)
{
	size_t	i;

	if (n == 0)
		return;
	vbuf_appendf(out, "%*swith:\n", indent, "");
	for (i = 0; i < n; i++) {
		/* A boolean reads as one, the loader keeps its text. */
		if (strcmp(p[i].value, "true") == 0 ||
		    strcmp(p[i].value, "false") == 0)
			vbuf_appendf(out, "%*s%s: %s\n", indent + 2, "",
			    p[i].name, p[i].value);
		else
			yaml_kv(out, indent + 2, p[i].name, p[i].value);
	}
}

static void
write_column(const struct model_names *ns, const struct model_table *t,
    const struct model_column *c,
    struct vbuf *out)
{
	int	pk, uq;

	pk = has_shorthand(ns, t, c, MODEL_CON_PRIMARY);
	uq = has_shorthand(ns, t, c, MODEL_CON_UNIQUE);
	vbuf_appendf(out, "%6s", "");
	yaml_scalar(out, c->name, 0);
	vbuf_putc(out, ':');
	if (!c->nullable && c->default_expr == NULL &&
	    c->identity == MODEL_IDENTITY_NONE && c->generated == NULL &&
	    !pk && !uq && c->comment == NULL && c->renamed_from == NULL &&
	    c->collation == NULL && c->nseq_grants == 0) {
		vbuf_putc(out, ' ');
		yaml_scalar(out, c->type, 0);
		vbuf_putc(out, '\n');
		return;
	}
	vbuf_putc(out, '\n');
	yaml_kv(out, 8, "type", c->type);
	if (c->collation != NULL)
		yaml_kv(out, 8, "collation", c->collation);
	if (c->nullable)
		yaml_true(out, 8, "nullable");
	if (c->default_expr != NULL)
		yaml_kv(out, 8, "default", c->default_expr);
	if (c->identity != MODEL_IDENTITY_NONE && c->identity_opts.have == 0)
		yaml_kv(out, 8, "identity", c->identity ==
		    MODEL_IDENTITY_ALWAYS ? "always" : "by default");
	else if (c->identity != MODEL_IDENTITY_NONE) {
		vbuf_appendf(out, "%8sidentity:\n", "");
		yaml_kv(out, 10, "kind", c->identity ==
		    MODEL_IDENTITY_ALWAYS ? "always" : "by default");
		write_seq_opts(out, 10, &c->identity_opts);
	}
	if (c->generated != NULL)
		yaml_kv(out, 8, "generated", c->generated);
	if (pk)
		yaml_true(out, 8, "primary_key");
	if (uq)
		yaml_true(out, 8, "unique");
	if (c->comment != NULL)
		yaml_kv(out, 8, "comment", c->comment);
	if (c->renamed_from != NULL)
		yaml_kv(out, 8, "renamed_from", c->renamed_from);
	model_grants_write(out, 8, "sequence_grants", c->seq_grants,
	    c->nseq_grants);
}

void
model_yaml_index(const struct model_names *ns, const struct model_table *t,
    const struct model_index *ix, int indent, struct vbuf *out)
{
	const struct model_index_key	*k;
	char				 def[MODEL_NAME_MAX + 1];
	char				**cols;
	size_t				 i;
	int				 simple = 1, first = 1;

	model_index_default_name(t, ix, def);
	vbuf_appendf(out, "%*s- ", indent, "");
#define NEXT_KEY()	do {						\
		if (!first)						\
			vbuf_appendf(out, "%*s", indent + 2, "");			\
		first = 0;						\
	} while (0)
	if (strcmp(def, ix->name) != 0 || model_names_count(ns,
	    ix->name) != 1) {
		NEXT_KEY();
		yaml_kv(out, 0, "name", ix->name);
	}
	if (ix->unique) {
		NEXT_KEY();
		yaml_true(out, 0, "unique");
	}
	if (strcmp(ix->method, "btree") != 0) {
		NEXT_KEY();
		yaml_kv(out, 0, "method", ix->method);
	}
	for (i = 0; i < ix->nkeys; i++)
		if (ix->keys[i].column == NULL || ix->keys[i].desc ||
		    ix->keys[i].nulls != MODEL_NULLS_DEFAULT ||
		    ix->keys[i].collation != NULL ||
		    ix->keys[i].opclass != NULL)
			simple = 0;
	NEXT_KEY();
	if (simple) {
		cols = xcalloc(ix->nkeys, sizeof(*cols));
		for (i = 0; i < ix->nkeys; i++)
			cols[i] = ix->keys[i].column;
		yaml_list_at(out, 0, "columns", cols, ix->nkeys,
		    indent + 4);
		free(cols);
	} else {
		vbuf_puts(out, "columns:\n");
		for (i = 0; i < ix->nkeys; i++) {
			k = &ix->keys[i];
			vbuf_appendf(out, "%*s- ", indent + 4, "");
			if (k->column != NULL && !k->desc &&
			    k->nulls == MODEL_NULLS_DEFAULT &&
			    k->collation == NULL && k->opclass == NULL) {
				yaml_scalar(out, k->column, 0);
				vbuf_putc(out, '\n');
				continue;
			}
			if (k->column != NULL)
				yaml_kv(out, 0, "column", k->column);
			else
				yaml_kv(out, 0, "expression", k->expression);
			if (k->desc)
				yaml_true(out, indent + 6, "desc");
			if (k->nulls != MODEL_NULLS_DEFAULT)
				yaml_kv(out, indent + 6, "nulls", k->nulls ==
				    MODEL_NULLS_FIRST ? "first" : "last");
			if (k->collation != NULL)
				yaml_kv(out, indent + 6, "collation", k->collation);
			if (k->opclass != NULL)
				yaml_kv(out, indent + 6, "opclass", k->opclass);
		}
	}
	if (ix->ninclude > 0)
		yaml_list(out, indent + 2, "include", ix->include, ix->ninclude);
	if (ix->where != NULL)
		yaml_kv(out, indent + 2, "where", ix->where);
	model_yaml_with(out, indent + 2, ix->with, ix->nwith);
	if (ix->comment != NULL)
		yaml_kv(out, indent + 2, "comment", ix->comment);
	if (ix->nulls_not_distinct)
		yaml_true(out, indent + 2, "nulls_not_distinct");
#undef NEXT_KEY
}

static void
write_table(const struct model_names *ns, const struct model_table *t,
    struct vbuf *out)
{
	const struct model_constraint	*c;
	const struct model_constraint	*pk = NULL;
	size_t				 i;
	int				 any;

	vbuf_appendf(out, "%2s", "");
	yaml_scalar(out, t->name, 0);
	vbuf_puts(out, ":\n");
	if (t->comment != NULL)
		yaml_kv(out, 4, "comment", t->comment);
	if (t->renamed_from != NULL)
		yaml_kv(out, 4, "renamed_from", t->renamed_from);
	if (t->unlogged)
		yaml_true(out, 4, "unlogged");
	model_yaml_with(out, 4, t->with, t->nwith);
	vbuf_appendf(out, "%4scolumns:%s\n", "", t->ncolumns == 0 ? " {}" : "");
	for (i = 0; i < t->ncolumns; i++)
		write_column(ns, t, &t->columns[i], out);

	for (i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == MODEL_CON_PRIMARY &&
		    !is_shorthand(ns, t, i))
			pk = &t->constraints[i];
	if (pk != NULL && default_named(ns, t, pk) && !has_options(pk))
		yaml_list(out, 4, "primary_key", pk->columns, pk->ncolumns);
	else if (pk != NULL) {
		vbuf_appendf(out, "%4sprimary_key:\n", "");
		if (!default_named(ns, t, pk))
			yaml_kv(out, 6, "name", pk->name);
		yaml_list(out, 6, "columns", pk->columns, pk->ncolumns);
		write_con_options(out, 6, pk);
	}

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		c = &t->constraints[i];
		if (c->kind != MODEL_CON_UNIQUE || is_shorthand(ns, t, i))
			continue;
		if (!any++)
			vbuf_appendf(out, "%4sunique:\n", "");
		if (default_named(ns, t, c))
			yaml_list(out, 6, "- columns", c->columns, c->ncolumns);
		else {
			yaml_kv(out, 6, "- name", c->name);
			yaml_list(out, 8, "columns", c->columns, c->ncolumns);
		}
		write_con_options(out, 8, c);
	}

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		c = &t->constraints[i];
		if (c->kind != MODEL_CON_FOREIGN)
			continue;
		if (!any++)
			vbuf_appendf(out, "%4sforeign_keys:\n", "");
		if (!default_named(ns, t, c)) {
			yaml_kv(out, 6, "- name", c->name);
			yaml_list(out, 8, "columns", c->columns, c->ncolumns);
		} else
			yaml_list(out, 6, "- columns", c->columns, c->ncolumns);
		vbuf_appendf(out, "%8sreferences:\n", "");
		yaml_kv(out, 10, "table", c->ref_table);
		yaml_list(out, 10, "columns", c->ref_columns, c->nref_columns);
		if (c->on_delete != MODEL_FK_NO_ACTION)
			yaml_kv(out, 8, "on_delete",
			    model_fk_actions[c->on_delete]);
		if (c->on_update != MODEL_FK_NO_ACTION)
			yaml_kv(out, 8, "on_update",
			    model_fk_actions[c->on_update]);
		write_con_options(out, 8, c);
	}

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		c = &t->constraints[i];
		if (c->kind != MODEL_CON_CHECK)
			continue;
		if (!any++)
			vbuf_appendf(out, "%4schecks:\n", "");
		if (!default_named(ns, t, c)) {
			yaml_kv(out, 6, "- name", c->name);
			yaml_kv(out, 8, "expression", c->expression);
		} else
			yaml_kv(out, 6, "- expression", c->expression);
		write_con_options(out, 8, c);
	}

	if (t->nindexes > 0)
		vbuf_appendf(out, "%4sindexes:\n", "");
	for (i = 0; i < t->nindexes; i++)
		model_yaml_index(ns, t, &t->indexes[i], 6, out);

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		if (t->constraints[i].kind != MODEL_CON_EXCLUDE)
			continue;
		if (!any++)
			vbuf_appendf(out, "%4sexclude:\n", "");
		write_exclude(ns, t, &t->constraints[i], out);
	}
	model_grants_write(out, 4, "grants", t->grants, t->ngrants);
	model_write_policies(t, out);
	if (t->replident == 'i') {
		vbuf_puts(out, "    replica_identity:\n");
		yaml_kv(out, 6, "index", t->replident_index);
	} else if (t->replident != 0)
		vbuf_puts(out, t->replident == 'f' ?
		    "    replica_identity: full\n" :
		    "    replica_identity: nothing\n");
}

/* The domains and composite types of m. */
static void
write_user_types(const struct model *m, struct vbuf *out)
{
	const struct model_domain	*d;
	const struct model_composite	*c;
	char				 def[MODEL_NAME_MAX + 1], label[32];
	size_t				 i, j;
	int				 named;

	if (m->ndomains > 0)
		vbuf_puts(out, "\ndomains:\n");
	for (i = 0; i < m->ndomains; i++) {
		d = &m->domains[i];
		vbuf_puts(out, "  ");
		yaml_scalar(out, d->name, 0);
		if (d->default_expr == NULL && !d->not_null &&
		    d->collation == NULL && d->nchecks == 0 &&
		    d->comment == NULL) {
			vbuf_puts(out, ": ");
			yaml_scalar(out, d->type, 0);
			vbuf_putc(out, '\n');
			continue;
		}
		vbuf_puts(out, ":\n");
		yaml_kv(out, 4, "type", d->type);
		if (d->default_expr != NULL)
			yaml_kv(out, 4, "default", d->default_expr);
		if (d->not_null)
			yaml_true(out, 4, "not_null");
		if (d->collation != NULL)
			yaml_kv(out, 4, "collation", d->collation);
		if (d->nchecks > 0)
			vbuf_appendf(out, "%4schecks:\n", "");
		/* Names only when not all are the loader's: d_check, then
		   d_check1, ... */
		for (j = 0, named = 0; j < d->nchecks; j++) {
			snprintf(label, sizeof(label), j == 0 ? "check" :
			    "check%zu", j);
			model_make_name(def, d->name, NULL, label);
			if (strcmp(d->checks[j].name, def) != 0)
				named = 1;
		}
		for (j = 0; j < d->nchecks; j++) {
			if (!named) {
				yaml_kv(out, 6, "- expression",
				    d->checks[j].expression);
				continue;
			}
			yaml_kv(out, 6, "- name", d->checks[j].name);
			yaml_kv(out, 8, "expression", d->checks[j].expression);
		}
		if (d->comment != NULL)
			yaml_kv(out, 4, "comment", d->comment);
	}
	if (m->ncomposites > 0)
		vbuf_puts(out, "\ncomposite_types:\n");
	for (i = 0; i < m->ncomposites; i++) {
		c = &m->composites[i];
		vbuf_puts(out, "  ");
		yaml_scalar(out, c->name, 0);
		vbuf_puts(out, ":\n");
		if (c->comment != NULL)
			yaml_kv(out, 4, "comment", c->comment);
		vbuf_appendf(out, "%4sattributes:%s\n", "",
		    c->nattrs == 0 ? " {}" : "");
		for (j = 0; j < c->nattrs; j++) {
			vbuf_puts(out, "      ");
			yaml_scalar(out, c->attrs[j].name, 0);
			vbuf_puts(out, ": ");
			yaml_scalar(out, c->attrs[j].type, 0);
			vbuf_putc(out, '\n');
		}
	}
}

/*
 * partition_by of parent (a table or a partition, its keys at indent),
 * then its partitions, nested as they are written.
 */
static void
write_partitions(const struct model *m, const struct model_names *ns,
    const char *parent, const char *key, int indent, struct vbuf *out)
{
	const struct model_partition	*p;
	struct model_table		 t;
	size_t				 i, j;
	int				 any = 0;

	if (key != NULL)
		yaml_kv(out, indent, "partition_by", key);
	for (i = 0; i < m->npartitions; i++) {
		p = &m->partitions[i];
		if (strcmp(p->parent, parent) != 0)
			continue;
		if (!any++)
			vbuf_appendf(out, "%*spartitions:\n", indent, "");
		vbuf_appendf(out, "%*s", indent + 2, "");
		yaml_scalar(out, p->name, 0);
		vbuf_puts(out, ":\n");
		if (p->values != NULL)
			yaml_kv(out, indent + 4, "values", p->values);
		else
			yaml_true(out, indent + 4, "default");
		if (p->nindexes > 0) {
			memset(&t, 0, sizeof(t));
			t.name = p->name;
			t.partition = 1;
			vbuf_appendf(out, "%*sindexes:\n", indent + 4, "");
			for (j = 0; j < p->nindexes; j++)
				model_yaml_index(ns, &t, &p->indexes[j],
				    indent + 6, out);
		}
		write_partitions(m, ns, p->name, p->partition_by, indent + 4,
		    out);
	}
}

void
model_write_yaml(const struct model *m, struct vbuf *out)
{
	const struct model_table	*t;
	struct model_names			 ns;
	size_t				 i, j;

	/* Every name, to know which ones are shared. */
	memset(&ns, 0, sizeof(ns));
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		model_names_add(&ns, t->name, 1, 0, i, 0);
		for (j = 0; j < t->nconstraints; j++)
			model_names_add(&ns, t->constraints[j].name, 0, 1, i,
			    0);
		for (j = 0; j < t->nindexes; j++)
			model_names_add(&ns, t->indexes[j].name, 1, 0, i, 0);
	}
	for (i = 0; i < m->npartitions; i++)
		for (j = 0; j < m->partitions[i].nindexes; j++)
			model_names_add(&ns, m->partitions[i].indexes[j].name,
			    1, 0, m->ntables + m->nviews + i, 0);
	for (i = 0; i < m->nviews; i++) {
		model_names_add(&ns, m->views[i].name, 1, 0, m->ntables + i,
		    0);
		for (j = 0; j < m->views[i].nindexes; j++)
			model_names_add(&ns, m->views[i].indexes[j].name, 1, 0,
			    m->ntables + i, 0);
	}

	yaml_kv(out, 0, "schema", m->schema != NULL ? m->schema : "");
	for (i = 0; i < m->nextensions; i++) {
		vbuf_puts(out, i == 0 ? "extensions: [" : ", ");
		if (m->extensions[i].own)
			vbuf_puts(out, "{name: ");
		vbuf_puts(out, m->extensions[i].name);
		if (m->extensions[i].own)
			vbuf_puts(out, ", schema: own}");
		vbuf_puts(out, i + 1 == m->nextensions ? "]\n" : "");
	}
	if (m->nenums > 0) {
		vbuf_puts(out, "\nenums:\n");
		for (i = 0; i < m->nenums; i++) {
			struct vbuf	key;

			vbuf_init(&key);
			vbuf_puts(&key, "");
			yaml_scalar(&key, m->enums[i].name, 0);
			if (m->enums[i].comment == NULL &&
			    m->enums[i].ngrants == 0)
				yaml_list(out, 2, key.data, m->enums[i].values,
				    m->enums[i].nvalues);
			else {
				vbuf_appendf(out, "  %s:\n", key.data);
				yaml_list(out, 4, "values", m->enums[i].values,
				    m->enums[i].nvalues);
				if (m->enums[i].comment != NULL)
					yaml_kv(out, 4, "comment",
					    m->enums[i].comment);
				model_grants_write(out, 4, "grants",
				    m->enums[i].grants, m->enums[i].ngrants);
			}
			vbuf_free(&key);
		}
	}
	write_user_types(m, out);
	if (m->nsequences > 0) {
		vbuf_puts(out, "\nsequences:\n");
		for (i = 0; i < m->nsequences; i++) {
			const struct model_sequence *sq = &m->sequences[i];

			vbuf_puts(out, "  ");
			yaml_scalar(out, sq->name, 0);
			if (strcmp(sq->type, "bigint") == 0 &&
			    sq->opts.have == 0 && sq->owned_tbl == NULL &&
			    sq->comment == NULL && sq->ngrants == 0) {
				vbuf_puts(out, ": {}\n");
				continue;
			}
			vbuf_puts(out, ":\n");
			if (strcmp(sq->type, "bigint") != 0)
				yaml_kv(out, 4, "type", sq->type);
			write_seq_opts(out, 4, &sq->opts);
			if (sq->owned_tbl != NULL) {
				struct vbuf	ob;

				vbuf_init(&ob);
				vbuf_puts(&ob, sq->owned_tbl);
				vbuf_putc(&ob, '.');
				vbuf_puts(&ob, sq->owned_col);
				yaml_kv(out, 4, "owned_by", ob.data);
				vbuf_free(&ob);
			}
			if (sq->comment != NULL)
				yaml_kv(out, 4, "comment", sq->comment);
			model_grants_write(out, 4, "grants", sq->grants,
			    sq->ngrants);
		}
	}
	if (m->ntables > 0) {
		vbuf_puts(out, "\ntables:\n");
		for (i = 0; i < m->ntables; i++) {
			if (i > 0)
				vbuf_putc(out, '\n');
			write_table(&ns, &m->tables[i], out);
			write_partitions(m, &ns, m->tables[i].name,
			    m->tables[i].partition_by, 4, out);
			model_write_triggers(m, m->tables[i].name, 4, out);
		}
	}
	model_write_functions(m, out);
	model_write_views(m, &ns, out);
	if (m->ngrants > 0) {
		vbuf_putc(out, '\n');
		model_grants_write(out, 0, "grants", m->grants, m->ngrants);
	}
	model_names_free(&ns);
}

void
model_yaml_scalar(struct vbuf *out, const char *s)
{
	yaml_scalar(out, s, 0);
}

void
model_yaml_list(struct vbuf *out, int indent, const char *key,
    char *const *names, size_t n)
{
	yaml_list(out, indent, key, names, n);
}
