/*
 * model_constraint.c: the keys every constraint kind may add to its
 * mapping (deferrable, initially_deferred, validated, nulls_not_distinct,
 * comment), and exclusion constraints: `exclude:` read from a model file
 * and released.  model_render.c renders them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_constraint.h"

int
ld_con_options(struct loader *ld, yaml_node_t *map, struct model_constraint *c,
    const char *what)
{
	yaml_node_t	*n;
	int		 validated = 1;

	if ((n = ld_map_get(ld, map, "deferrable")) != NULL &&
	    ld_bool(ld, n, "deferrable", &c->deferrable) == -1)
		return (-1);
	if ((n = ld_map_get(ld, map, "initially_deferred")) != NULL) {
		if (ld_bool(ld, n, "initially_deferred",
		    &c->initially_deferred) == -1)
			return (-1);
		if (c->initially_deferred && !c->deferrable)
			return (ld_at(ld, n, "initially_deferred needs "
			    "deferrable: true in %s", what));
	}
	if ((n = ld_map_get(ld, map, "validated")) != NULL) {
		if (ld_bool(ld, n, "validated", &validated) == -1)
			return (-1);
		c->not_valid = !validated;
	}
	if ((n = ld_map_get(ld, map, "nulls_not_distinct")) != NULL &&
	    ld_bool(ld, n, "nulls_not_distinct", &c->nulls_not_distinct) == -1)
		return (-1);
	if ((n = ld_map_get(ld, map, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &c->comment) == -1)
		return (-1);
	return (0);
}

static const char *const exclude_keys[] = {
	"name", "using", "elements", "include", "where", "deferrable",
	"initially_deferred", "comment", NULL
};
static const char *const elem_keys[] = {
	"column", "expression", "with", "opclass", NULL
};
/* The index methods that can back an exclusion constraint. */
static const char *const excl_methods[] = {
	"gist", "spgist", "btree", "hash", NULL
};

/* An operator's name: PostgreSQL's operator characters, 1 to 63 of them. */
static int
ld_operator(struct loader *ld, yaml_node_t *n, const char *what, char **out)
{
	const char	*s;

	if (ld_want(ld, n, YAML_SCALAR_NODE, "with") == -1)
		return (-1);
	s = ld_scalar(n);
	if (strlen(s) > MODEL_NAME_MAX || s[strspn(s, "+-*/<>=~!@#%^&|`?")] !=
	    '\0')
		return (ld_at(ld, n, "expected an operator such as \"&&\" or "
		    "\"=\" for with of %s, found \"%s\"", what, s));
	*out = xstrdup(s);
	return (0);
}

static int
load_elem(struct loader *ld, struct model_table *t, yaml_node_t *en,
    struct model_excl_elem *el, const char *what)
{
	yaml_node_t	*col, *ex, *n;

	el->line = (int)en->start_mark.line + 1;
	el->col = (int)en->start_mark.column + 1;
	if (ld_want(ld, en, YAML_MAPPING_NODE, "an element of an exclusion "
	    "constraint") == -1 ||
	    ld_check_keys(ld, en, "exclusion element", elem_keys) == -1)
		return (-1);
	col = ld_map_get(ld, en, "column");
	ex = ld_map_get(ld, en, "expression");
	if ((col == NULL) == (ex == NULL))
		return (ld_at(ld, en, "expected exactly one of \"column\" and "
		    "\"expression\" in an element of %s", what));
	if ((n = ld_map_get(ld, en, "with")) == NULL)
		return (ld_at(ld, en, "missing key \"with\" (the operator) in "
		    "an element of %s", what));
	if (ld_operator(ld, n, what, &el->op) == -1)
		return (-1);
	if ((n = ld_map_get(ld, en, "opclass")) != NULL &&
	    ld_name(ld, n, "opclass", &el->opclass) == -1)
		return (-1);
	if (ex != NULL)
		return (ld_expr(ld, ex, "exclusion expression",
		    &el->expression, NULL));
	if (ld_want(ld, col, YAML_SCALAR_NODE, "exclusion column") == -1)
		return (-1);
	if (model_find_column(t, ld_scalar(col)) == NULL)
		return (ld_at(ld, col, "%s refers to missing column \"%s\" of "
		    "table \"%s\"", what, ld_scalar(col), t->name));
	el->column = xstrdup(ld_scalar(col));
	return (0);
}

int
ld_exclude(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it, *eit;
	yaml_node_t		*x, *n;
	struct model_constraint	*c;
	char			 what[128];
	int			 w;

	snprintf(what, sizeof(what), "exclusion constraint of table \"%s\"",
	    t->name);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "exclude") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		x = ld_node(ld, *it);
		if (ld_want(ld, x, YAML_MAPPING_NODE, what) == -1 ||
		    ld_check_keys(ld, x, what, exclude_keys) == -1)
			return (-1);
		t->constraints = xrealloc(t->constraints,
		    (t->nconstraints + 1) * sizeof(*t->constraints));
		c = &t->constraints[t->nconstraints++];
		memset(c, 0, sizeof(*c));
		c->kind = MODEL_CON_EXCLUDE;
		c->line = (int)x->start_mark.line + 1;
		c->col = (int)x->start_mark.column + 1;
		c->method = xstrdup("gist");
		if ((n = ld_map_get(ld, x, "name")) != NULL) {
			if (ld_name(ld, n, "name", &c->name) == -1)
				return (-1);
			c->name_given = 1;
		}
		if ((n = ld_map_get(ld, x, "using")) != NULL) {
			if (ld_word(ld, n, "exclusion index method",
			    excl_methods, &w) == -1)
				return (-1);
			free(c->method);
			c->method = xstrdup(excl_methods[w]);
		}
		if ((n = ld_map_get(ld, x, "elements")) == NULL)
			return (ld_at(ld, x, "missing key \"elements\" in %s",
			    what));
		if (ld_want(ld, n, YAML_SEQUENCE_NODE, "elements") == -1)
			return (-1);
		if (n->data.sequence.items.start == n->data.sequence.items.top)
			return (ld_at(ld, n, "expected at least one element "
			    "for %s", what));
		for (eit = n->data.sequence.items.start;
		    eit < n->data.sequence.items.top; eit++) {
			c->elems = xrealloc(c->elems, (c->nelems + 1) *
			    sizeof(*c->elems));
			memset(&c->elems[c->nelems], 0, sizeof(*c->elems));
			c->nelems++;
			if (load_elem(ld, t, ld_node(ld, *eit),
			    &c->elems[c->nelems - 1], what) == -1)
				return (-1);
		}
		if ((n = ld_map_get(ld, x, "include")) != NULL &&
		    ld_columns(ld, n, t, "exclusion include", &c->include,
		    &c->ninclude) == -1)
			return (-1);
		if ((n = ld_map_get(ld, x, "where")) != NULL &&
		    ld_expr(ld, n, "exclusion where", &c->where, NULL) == -1)
			return (-1);
		if (ld_con_options(ld, x, c, what) == -1)
			return (-1);
	}
	return (0);
}

void
model_constraint_free_exclude(struct model_constraint *c)
{
	size_t	i;

	for (i = 0; i < c->nelems; i++) {
		free(c->elems[i].column);
		free(c->elems[i].expression);
		free(c->elems[i].opclass);
		free(c->elems[i].op);
	}
	free(c->elems);
	model_strv_free(c->include, c->ninclude);
	free(c->where);
	free(c->method);
}
