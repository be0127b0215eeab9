/*
 * model_storage.c: storage parameters (`with:`) of a table or an index:
 * read from a model file on the value readers of model_load.h (called by
 * model_objects.c), and written as DDL (model_render.c's WITH, emit's
 * ALTER ... SET and RESET).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"

/*
 * Whether s is a storage parameter's name as PostgreSQL spells them:
 * lower-case letters, digits and '_', starting with a letter, with at most
 * one namespace in front ("toast.autovacuum_enabled").
 */
static int
param_name_ok(const char *s)
{
	const char	*p;
	int		 dots = 0, start = 1;

	for (p = s; *p != '\0'; p++) {
		if (*p == '.') {
			if (start || ++dots > 1)
				return (0);
			start = 1;
			continue;
		}
		if (start && !(*p >= 'a' && *p <= 'z'))
			return (0);
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return (0);
		start = 0;
	}
	return (!start && p - s <= MODEL_NAME_MAX);
}

int
ld_with(struct loader *ld, yaml_node_t *map, const char *what,
    struct model_param **out, size_t *nout)
{
	yaml_node_pair_t	*p, *q;
	yaml_node_t		*k, *v, *k2;
	struct model_param	*pr;
	char			 w[300];

	snprintf(w, sizeof(w), "storage parameters of %s", what);
	if (ld_want(ld, map, YAML_MAPPING_NODE, w) == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = ld_node(ld, p->key);
		v = ld_node(ld, p->value);
		if (k->type != YAML_SCALAR_NODE)
			return (ld_at(ld, k, "expected a parameter name in %s, "
			    "found %s", w, ld_kind(k)));
		if (!param_name_ok(ld_scalar(k)))
			return (ld_at(ld, k, "expected a parameter name "
			    "(fillfactor, toast.autovacuum_enabled, ...) in "
			    "%s, found \"%s\"", w, ld_scalar(k)));
		for (q = map->data.mapping.pairs.start; q < p; q++) {
			k2 = ld_node(ld, q->key);
			if (strcmp(ld_scalar(k2), ld_scalar(k)) == 0)
				return (ld_at(ld, k, "duplicate parameter "
				    "\"%s\" in %s (first at line %d)",
				    ld_scalar(k), w,
				    (int)k2->start_mark.line + 1));
		}
		if (v->type != YAML_SCALAR_NODE || v->data.scalar.length == 0)
			return (ld_at(ld, v, "expected a value for parameter "
			    "\"%s\" in %s, found %s", ld_scalar(k), w,
			    v->type == YAML_SCALAR_NODE ? "an empty string" :
			    ld_kind(v)));
		*out = xrealloc(*out, (*nout + 1) * sizeof(**out));
		pr = &(*out)[(*nout)++];
		pr->name = xstrdup(ld_scalar(k));
		pr->value = NULL;
		if (ld_str(ld, v, "parameter value", &pr->value) == -1)
			return (-1);
	}
	return (0);
}

void
model_put_param(struct vbuf *out, const char *name, const char *value)
{
	const char	*dot;

	/* "toast.x" is a namespace and a name, each an identifier. */
	if ((dot = strchr(name, '.')) != NULL) {
		char	*ns = xstrndup(name, (size_t)(dot - name));

		vf_quote_ident(out, ns);
		vbuf_putc(out, '.');
		free(ns);
		name = dot + 1;
	}
	vf_quote_ident(out, name);
	if (value != NULL) {
		vbuf_puts(out, " = ");
		vf_quote_literal(out, value);
	}
}

void
model_put_with(struct vbuf *out, const struct model_param *p, size_t n)
{
	size_t	i;

	if (n == 0)
		return;
	vbuf_puts(out, " WITH (");
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_puts(out, ", ");
		model_put_param(out, p[i].name, p[i].value);
	}
	vbuf_putc(out, ')');
}
