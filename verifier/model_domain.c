/*
 * model_domain.c: domains (`domains:`) and composite types
 * (`composite_types:`) of a model: their reader, the order they are
 * created in (a type before the types that use it), their CREATE DDL and
 * their release.  Columns name them as they name enums: by bare name,
 * with array suffixes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"
#include "model_types.h"

const char *
model_user_type(const struct model *m, const char *type, size_t *len)
{
	const char	*name;
	size_t		 i, n;

	for (i = 0; i < m->ndomains + m->ncomposites; i++) {
		name = i < m->ndomains ? m->domains[i].name :
		    m->composites[i - m->ndomains].name;
		n = strlen(name);
		if (strncmp(type, name, n) == 0 &&
		    (type[n] == '\0' || type[n] == '[')) {
			*len = n;
			return (name);
		}
	}
	return (NULL);
}

/* The index (domains first, then composite types) of type's user type. */
static long
user_type_index(const struct model *m, const char *type)
{
	size_t		 len, i;
	const char	*name;

	if ((name = model_user_type(m, type, &len)) == NULL)
		return (-1);
	for (i = 0; i < m->ndomains; i++)
		if (m->domains[i].name == name)
			return ((long)i);
	for (i = 0; i < m->ncomposites; i++)
		if (m->composites[i].name == name)
			return ((long)(m->ndomains + i));
	return (-1);
}

/*
 * The domains and composite types in an order that creates each after
 * the ones it uses: indexes (domains first, then composite types) into a
 * new array of m->ndomains + m->ncomposites.  -1 when some use each other
 * in a circle; *stuck is then one of them.
 */
static int
type_order(const struct model *m, size_t **order, size_t *stuck)
{
	size_t	 n = m->ndomains + m->ncomposites, done = 0, i, j;
	char	*placed;
	int	 ready, progress;
	long	 dep;

	*order = xcalloc(n + 1, sizeof(**order));
	placed = xcalloc(n + 1, 1);
	while (done < n) {
		progress = 0;
		for (i = 0; i < n; i++) {
			if (placed[i])
				continue;
			ready = 1;
			if (i < m->ndomains) {
				dep = user_type_index(m, m->domains[i].type);
				ready = dep < 0 || placed[dep];
			} else {
				const struct model_composite *c =
				    &m->composites[i - m->ndomains];

				for (j = 0; j < c->nattrs && ready; j++) {
					dep = user_type_index(m,
					    c->attrs[j].type);
					ready = dep < 0 || placed[dep];
				}
			}
			if (!ready)
				continue;
			placed[i] = 1;
			(*order)[done++] = i;
			progress = 1;
		}
		if (!progress) {
			for (i = 0; placed[i]; i++)
				;
			*stuck = i;
			free(placed);
			return (-1);
		}
	}
	free(placed);
	return (0);
}

/*
 * A type of a domain or attribute at scalar tn: an enum, domain or
 * composite type of the model by bare name, or a built-in type,
 * normalised, each with its array suffix.  *out is a new string.
 */
static int
load_type(struct loader *ld, yaml_node_t *tn, const char *what, char **out)
{
	const struct model	*m = ld->m;
	char			*elem = NULL, *suffix = NULL, *norm = NULL;
	char			 msg[512];
	const char		*name = NULL;
	size_t			 i, len;
	int			 integer, rc = -1;

	if (tn->type != YAML_SCALAR_NODE)
		return (ld_at(ld, tn, "expected a type for %s, found %s", what,
		    ld_kind(tn)));
	if (ld_want(ld, tn, YAML_SCALAR_NODE, "type") == -1)
		return (-1);
	if (model_types_split_array(ld_scalar(tn), &elem, &suffix) == -1)
		return (ld_at(ld, tn, "unknown type \"%s\" for %s",
		    ld_scalar(tn), what));
	for (i = 0; i < m->nenums; i++)
		if (strcmp(m->enums[i].name, elem) == 0)
			name = elem;
	if (name == NULL && model_user_type(m, elem, &len) != NULL &&
	    len == strlen(elem))
		name = elem;
	if (name == NULL && model_types_serial(elem) != NULL) {
		ld_at(ld, tn, "type \"%s\" of %s is not a type (serial is a "
		    "default plus a sequence)", ld_scalar(tn), what);
		goto done;
	}
	if (name == NULL) {
		if (model_types_normalise(elem, &norm, &integer, msg,
		    sizeof(msg)) == -1) {
			ld_at(ld, tn, "%s for %s", msg, what);
			goto done;
		}
		name = norm;
	}
	*out = xmalloc(strlen(name) + strlen(suffix) + 1);
	strcpy(*out, name);
	strcat(*out, suffix);
	rc = 0;
done:
	free(elem);
	free(suffix);
	free(norm);
	return (rc);
}

static const char *const domain_keys[] = {
	"type", "default", "not_null", "collation", "checks", "comment", NULL
};
static const char *const check_keys[] = { "name", "expression", NULL };
static const char *const composite_keys[] = { "attributes", "comment",
	NULL };

static int
load_checks(struct loader *ld, struct model_domain *d, yaml_node_t *seq,
    const char *what)
{
	struct model_domain_check	*k;
	yaml_node_item_t		*it;
	yaml_node_t			*ch, *n;
	char				 cwhat[160], name[MODEL_NAME_MAX + 1];
	size_t				 i, num;

	snprintf(cwhat, sizeof(cwhat), "check of %s", what);
	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "checks") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		ch = ld_node(ld, *it);
		if (ld_want(ld, ch, YAML_MAPPING_NODE, cwhat) == -1 ||
		    ld_check_keys(ld, ch, cwhat, check_keys) == -1)
			return (-1);
		d->checks = xrealloc(d->checks, (d->nchecks + 1) *
		    sizeof(*d->checks));
		k = &d->checks[d->nchecks++];
		memset(k, 0, sizeof(*k));
		k->line = (int)ch->start_mark.line + 1;
		k->col = (int)ch->start_mark.column + 1;
		if ((n = ld_map_get(ld, ch, "name")) != NULL) {
			if (ld_name(ld, n, "name", &k->name) == -1)
				return (-1);
			k->name_given = 1;
		}
		if ((n = ld_map_get(ld, ch, "expression")) == NULL)
			return (ld_at(ld, ch, "missing key \"expression\" in "
			    "%s", cwhat));
		if (ld_expr(ld, n, "check expression", &k->expression,
		    NULL) == -1)
			return (-1);
	}
	/* Named ones first: the generated names go around them. */
	for (i = 0; i < d->nchecks; i++) {
		if (!d->checks[i].name_given)
			continue;
		for (num = 0; num < i; num++)
			if (d->checks[num].name_given && strcmp(
			    d->checks[num].name, d->checks[i].name) == 0)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, d->checks[i].line,
				    d->checks[i].col, "duplicate check name "
				    "\"%s\" in %s", d->checks[i].name, what));
	}
	for (i = 0; i < d->nchecks; i++) {
		if (d->checks[i].name_given)
			continue;
		for (num = 0;; num++) {
			char	label[32];
			size_t	j;
			int	taken = 0;

			snprintf(label, sizeof(label), num == 0 ? "check" :
			    "check%zu", num);
			model_make_name(name, d->name, NULL, label);
			for (j = 0; j < d->nchecks; j++)
				if (d->checks[j].name != NULL &&
				    strcmp(d->checks[j].name, name) == 0)
					taken = 1;
			if (!taken)
				break;
		}
		d->checks[i].name = xstrdup(name);
	}
	return (0);
}

static int
load_domain(struct loader *ld, struct model_domain *d, yaml_node_t *v)
{
	yaml_node_t	*n;
	char		 what[128];

	snprintf(what, sizeof(what), "domain \"%s\"", d->name);
	if (v->type == YAML_SCALAR_NODE)
		return (load_type(ld, v, what, &d->type));
	if (ld_want(ld, v, YAML_MAPPING_NODE, what) == -1 ||
	    ld_check_keys(ld, v, what, domain_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "type")) == NULL)
		return (ld_at(ld, v, "missing key \"type\" in %s", what));
	if (load_type(ld, n, what, &d->type) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "default")) != NULL &&
	    ld_expr(ld, n, "default", &d->default_expr, NULL) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "not_null")) != NULL &&
	    ld_bool(ld, n, "not_null", &d->not_null) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "collation")) != NULL &&
	    ld_name(ld, n, "collation", &d->collation) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "checks")) != NULL &&
	    load_checks(ld, d, n, what) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &d->comment) == -1)
		return (-1);
	return (0);
}

static int
load_composite(struct loader *ld, struct model_composite *c, yaml_node_t *v)
{
	struct model_attribute	*a;
	yaml_node_pair_t	*p;
	yaml_node_t		*n, *k;
	char			 what[128], awhat[300], in[160];

	snprintf(what, sizeof(what), "composite type \"%s\"", c->name);
	if (ld_want(ld, v, YAML_MAPPING_NODE, what) == -1 ||
	    ld_check_keys(ld, v, what, composite_keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "comment")) != NULL &&
	    ld_str(ld, n, "comment", &c->comment) == -1)
		return (-1);
	if ((n = ld_map_get(ld, v, "attributes")) == NULL)
		return (ld_at(ld, v, "missing key \"attributes\" in %s", what));
	snprintf(in, sizeof(in), " in %s", what);
	if (ld_want(ld, n, YAML_MAPPING_NODE, "attributes") == -1 ||
	    ld_check_names(ld, n, "attribute", in) == -1)
		return (-1);
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = ld_node(ld, p->key);
		c->attrs = xrealloc(c->attrs, (c->nattrs + 1) *
		    sizeof(*c->attrs));
		a = &c->attrs[c->nattrs++];
		memset(a, 0, sizeof(*a));
		a->name = xstrdup(ld_scalar(k));
		a->line = (int)k->start_mark.line + 1;
		a->col = (int)k->start_mark.column + 1;
		snprintf(awhat, sizeof(awhat), "attribute \"%s\" of %s",
		    a->name, what);
		if (load_type(ld, ld_node(ld, p->value), awhat,
		    &a->type) == -1)
			return (-1);
	}
	return (0);
}

/* Whether name is taken by an enum, or by a type read before index i. */
static int
type_name_taken(struct loader *ld, yaml_node_t *k, size_t i)
{
	const struct model	*m = ld->m;
	const char		*name = ld_scalar(k);
	size_t			 j;

	for (j = 0; j < m->nenums; j++)
		if (strcmp(m->enums[j].name, name) == 0)
			return (ld_at(ld, k, "type \"%s\" has the name of an "
			    "enum (line %d)", name, m->enums[j].line));
	for (j = 0; j < i && j < m->ndomains + m->ncomposites; j++)
		if (strcmp(j < m->ndomains ? m->domains[j].name :
		    m->composites[j - m->ndomains].name, name) == 0)
			return (ld_at(ld, k, "type \"%s\" has the name of "
			    "another type (line %d)", name, j < m->ndomains ?
			    m->domains[j].line :
			    m->composites[j - m->ndomains].line));
	return (0);
}

int
ld_user_types(struct loader *ld, yaml_node_t *domains, yaml_node_t *comps)
{
	struct model		*m = ld->m;
	yaml_node_pair_t	*p;
	yaml_node_t		*k;
	size_t			*order = NULL, stuck, i;

	/* Every name first: types may use each other in any order. */
	if (domains != NULL) {
		if (ld_want(ld, domains, YAML_MAPPING_NODE, "domains") == -1 ||
		    ld_check_names(ld, domains, "domain", "") == -1)
			return (-1);
		for (p = domains->data.mapping.pairs.start;
		    p < domains->data.mapping.pairs.top; p++) {
			k = ld_node(ld, p->key);
			if (type_name_taken(ld, k, m->ndomains) == -1)
				return (-1);
			m->domains = xrealloc(m->domains, (m->ndomains + 1) *
			    sizeof(*m->domains));
			memset(&m->domains[m->ndomains], 0,
			    sizeof(*m->domains));
			m->domains[m->ndomains].name = xstrdup(ld_scalar(k));
			m->domains[m->ndomains].line =
			    (int)k->start_mark.line + 1;
			m->domains[m->ndomains++].col =
			    (int)k->start_mark.column + 1;
		}
	}
	if (comps != NULL) {
		if (ld_want(ld, comps, YAML_MAPPING_NODE,
		    "composite_types") == -1 ||
		    ld_check_names(ld, comps, "composite type", "") == -1)
			return (-1);
		for (p = comps->data.mapping.pairs.start;
		    p < comps->data.mapping.pairs.top; p++) {
			k = ld_node(ld, p->key);
			if (type_name_taken(ld, k, m->ndomains +
			    m->ncomposites) == -1)
				return (-1);
			m->composites = xrealloc(m->composites,
			    (m->ncomposites + 1) * sizeof(*m->composites));
			memset(&m->composites[m->ncomposites], 0,
			    sizeof(*m->composites));
			m->composites[m->ncomposites].name =
			    xstrdup(ld_scalar(k));
			m->composites[m->ncomposites].line =
			    (int)k->start_mark.line + 1;
			m->composites[m->ncomposites++].col =
			    (int)k->start_mark.column + 1;
		}
	}
	for (i = 0; domains != NULL && i < m->ndomains; i++) {
		p = &domains->data.mapping.pairs.start[i];
		if (load_domain(ld, &m->domains[i], ld_node(ld,
		    p->value)) == -1)
			return (-1);
	}
	for (i = 0; comps != NULL && i < m->ncomposites; i++) {
		p = &comps->data.mapping.pairs.start[i];
		if (load_composite(ld, &m->composites[i], ld_node(ld,
		    p->value)) == -1)
			return (-1);
	}
	if (type_order(m, &order, &stuck) == -1) {
		free(order);
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
		    stuck < m->ndomains ? m->domains[stuck].line :
		    m->composites[stuck - m->ndomains].line,
		    stuck < m->ndomains ? m->domains[stuck].col :
		    m->composites[stuck - m->ndomains].col,
		    "type \"%s\" uses itself (through its own or another "
		    "type's definition)", stuck < m->ndomains ?
		    m->domains[stuck].name :
		    m->composites[stuck - m->ndomains].name));
	}
	free(order);
	return (0);
}

/* type as SQL: a type of the model schema-qualified, with its suffix. */
static void
put_type(struct vbuf *out, const struct model *m, const char *type)
{
	const char	*name;
	size_t		 i, n;

	for (i = 0; i < m->nenums; i++) {
		n = strlen(m->enums[i].name);
		if (strncmp(type, m->enums[i].name, n) == 0 &&
		    (type[n] == '\0' || type[n] == '[')) {
			vf_quote_ident(out, m->schema);
			vbuf_putc(out, '.');
			vf_quote_ident(out, m->enums[i].name);
			vbuf_puts(out, type + n);
			return;
		}
	}
	if ((name = model_user_type(m, type, &n)) != NULL) {
		vf_quote_ident(out, m->schema);
		vbuf_putc(out, '.');
		vf_quote_ident(out, name);
		vbuf_puts(out, type + n);
		return;
	}
	/* A built-in type, normalised from a closed grammar. */
	vbuf_puts(out, type);
}

/* "schema"."name". */
static void
put_qname(struct vbuf *out, const struct model *m, const char *name)
{
	vf_quote_ident(out, m->schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, name);
}

void
model_render_type(struct vbuf *out, const struct model *m, const char *type)
{
	put_type(out, m, type);
}

void
model_render_user_types(const struct model *m, struct vbuf *out,
    void (*done)(void *, int, int), void *arg)
{
	const struct model_domain	*d;
	const struct model_composite	*c;
	size_t				*order = NULL, stuck, i, j, k;

	if (type_order(m, &order, &stuck) == -1) {
		/* The loader refuses circles; render in file order. */
		for (i = 0; i < m->ndomains + m->ncomposites; i++)
			order[i] = i;
	}
	for (k = 0; k < m->ndomains + m->ncomposites; k++) {
		i = order[k];
		if (i >= m->ndomains) {
			c = &m->composites[i - m->ndomains];
			vbuf_puts(out, "CREATE TYPE ");
			put_qname(out, m, c->name);
			vbuf_puts(out, " AS (");
			for (j = 0; j < c->nattrs; j++) {
				vbuf_puts(out, j > 0 ? ", " : "");
				vf_quote_ident(out, c->attrs[j].name);
				vbuf_putc(out, ' ');
				put_type(out, m, c->attrs[j].type);
			}
			vbuf_puts(out, ");\n");
			done(arg, c->line, c->col);
			if (c->comment != NULL) {
				model_put_comment(m, out, "TYPE", c->name,
				    c->comment);
				done(arg, c->line, c->col);
			}
			continue;
		}
		d = &m->domains[i];
		vbuf_puts(out, "CREATE DOMAIN ");
		put_qname(out, m, d->name);
		vbuf_puts(out, " AS ");
		put_type(out, m, d->type);
		if (d->collation != NULL) {
			vbuf_puts(out, " COLLATE ");
			vf_quote_ident(out, d->collation);
		}
		if (d->default_expr != NULL)
			vbuf_appendf(out, " DEFAULT (%s)", d->default_expr);
		if (d->not_null)
			vbuf_puts(out, " NOT NULL");
		for (j = 0; j < d->nchecks; j++) {
			vbuf_puts(out, " CONSTRAINT ");
			vf_quote_ident(out, d->checks[j].name);
			vbuf_appendf(out, " CHECK (%s)",
			    d->checks[j].expression);
		}
		vbuf_puts(out, ";\n");
		done(arg, d->line, d->col);
		if (d->comment != NULL) {
			model_put_comment(m, out, "DOMAIN", d->name,
			    d->comment);
			done(arg, d->line, d->col);
		}
	}
	free(order);
}

void
model_domains_free(struct model *m)
{
	size_t	i, j;

	for (i = 0; i < m->ndomains; i++) {
		free(m->domains[i].name);
		free(m->domains[i].type);
		free(m->domains[i].default_expr);
		free(m->domains[i].collation);
		free(m->domains[i].comment);
		for (j = 0; j < m->domains[i].nchecks; j++) {
			free(m->domains[i].checks[j].name);
			free(m->domains[i].checks[j].expression);
		}
		free(m->domains[i].checks);
	}
	free(m->domains);
	m->domains = NULL;
	m->ndomains = 0;
	for (i = 0; i < m->ncomposites; i++) {
		free(m->composites[i].name);
		free(m->composites[i].comment);
		for (j = 0; j < m->composites[i].nattrs; j++) {
			free(m->composites[i].attrs[j].name);
			free(m->composites[i].attrs[j].type);
		}
		free(m->composites[i].attrs);
	}
	free(m->composites);
	m->composites = NULL;
	m->ncomposites = 0;
}

int
ld_user_types_names(struct loader *ld)
{
	const struct model	*m = ld->m;
	const char		*name, *kind;
	size_t			 i, j;
	int			 line, col;

	for (i = 0; i < m->ndomains + m->ncomposites; i++) {
		if (i < m->ndomains) {
			name = m->domains[i].name;
			line = m->domains[i].line;
			col = m->domains[i].col;
			kind = "domain";
		} else {
			name = m->composites[i - m->ndomains].name;
			line = m->composites[i - m->ndomains].line;
			col = m->composites[i - m->ndomains].col;
			kind = "composite type";
		}
		for (j = 0; j < m->ntables; j++)
			if (strcmp(m->tables[j].name, name) == 0)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, line, col, "%s \"%s\" has the "
				    "name of a table (line %d): both are types",
				    kind, name, m->tables[j].line));
		/* A composite type is a relation too. */
		for (j = 0; i >= m->ndomains && j < m->nsequences; j++)
			if (strcmp(m->sequences[j].name, name) == 0)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, line, col, "%s \"%s\" has the "
				    "name of a sequence (line %d): both are "
				    "relations", kind, name,
				    m->sequences[j].line));
	}
	return (0);
}
