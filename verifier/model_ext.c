/*
 * model_ext.c: the extensions a schema uses (`extensions: [citext]`).
 * They live in the one schema every service shares, VF_EXTENSIONS_SCHEMA:
 * an extension is database-wide, so two services cannot each make it in
 * their own schema.  initdb/ makes that schema and installs the
 * extensions (a service role cannot); a model lists the ones it needs, and
 * names their types either qualified ("extensions.citext") or, for the
 * types of the contrib extensions below, bare ("citext").  An extension
 * may also be installed in the service's own schema, written
 * {name: citext, schema: own}: its types are then the schema's, bare.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_load.h"

/* Types of PostgreSQL's contrib extensions, by bare name. */
static const struct {
	const char	*type;
	const char	*ext;
} ext_types[] = {
	{ "citext", "citext" }, { "hstore", "hstore" },
	{ "ltree", "ltree" }, { "lquery", "ltree" },
	{ "ltxtquery", "ltree" }, { "cube", "cube" }, { "seg", "seg" },
	{ "isbn", "isn" }, { "isbn13", "isn" }, { "issn", "isn" },
	{ "issn13", "isn" }, { "ismn", "isn" }, { "ismn13", "isn" },
	{ "ean13", "isn" }, { "upc", "isn" },
};

void
model_ext_free(struct model *m)
{
	size_t	i;

	for (i = 0; i < m->nextensions; i++)
		free(m->extensions[i].name);
	free(m->extensions);
	m->extensions = NULL;
	m->nextensions = 0;
}

/* One entry written {name: citext, schema: own}: into e. */
static int
ld_ext_map(struct loader *ld, yaml_node_t *map, struct model_extension *e)
{
	static const char *const keys[] = { "name", "schema", NULL };
	yaml_node_t	*n, *s;

	if (ld_check_keys(ld, map, "an extension", keys) == -1)
		return (-1);
	if ((n = ld_map_get(ld, map, "name")) == NULL)
		return (ld_at(ld, map, "an extension needs a name"));
	if (ld_name(ld, n, "an extension", &e->name) == -1)
		return (-1);
	if ((s = ld_map_get(ld, map, "schema")) == NULL)
		return (0);
	if (s->type != YAML_SCALAR_NODE ||
	    (strcmp(ld_scalar(s), "own") != 0 &&
	    strcmp(ld_scalar(s), VF_EXTENSIONS_SCHEMA) != 0)) {
		ld_at(ld, s, "schema of extension \"%s\" must be own or "
		    VF_EXTENSIONS_SCHEMA, e->name);
		/* Not counted yet: the caller does not release it. */
		free(e->name);
		e->name = NULL;
		return (-1);
	}
	e->own = strcmp(ld_scalar(s), "own") == 0;
	return (0);
}

int
ld_extensions(struct loader *ld, yaml_node_t *seq)
{
	struct model		*m = ld->m;
	struct model_extension	*e;
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	const char		*p;
	size_t			 i;

	if (ld_want(ld, seq, YAML_SEQUENCE_NODE, "extensions") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		n = ld_node(ld, *it);
		m->extensions = xrealloc(m->extensions,
		    (m->nextensions + 1) * sizeof(*m->extensions));
		e = &m->extensions[m->nextensions];
		memset(e, 0, sizeof(*e));
		if (n->type == YAML_MAPPING_NODE) {
			if (ld_ext_map(ld, n, e) == -1)
				return (-1);
			n = ld_map_get(ld, n, "name");
		} else if (ld_name(ld, n, "an extension", &e->name) == -1)
			return (-1);
		m->nextensions++;
		e->line = (int)n->start_mark.line + 1;
		e->col = (int)n->start_mark.column + 1;
		/* The names of the control files: lower case, digits, _ -. */
		for (p = e->name; *p != '\0'; p++)
			if (!islower((unsigned char)*p) &&
			    !isdigit((unsigned char)*p) && *p != '_' &&
			    *p != '-')
				return (ld_at(ld, n, "extension name \"%s\" "
				    "is not the name of an extension (lower "
				    "case letters, digits, _ and -)",
				    e->name));
		for (i = 0; i + 1 < m->nextensions; i++)
			if (strcmp(m->extensions[i].name, e->name) == 0)
				return (ld_at(ld, n, "extension \"%s\" twice "
				    "in extensions", e->name));
	}
	return (0);
}

/* 0 when m does not list extension name, 1 when in the shared schema,
   2 when in the model's own. */
static int
has_extension(const struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->nextensions; i++)
		if (strcmp(m->extensions[i].name, name) == 0)
			return (m->extensions[i].own ? 2 : 1);
	return (0);
}

int
model_ext_type(const struct model *m, const char *elem, char **norm,
    char *msg, size_t msglen)
{
	static const char	 prefix[] = VF_EXTENSIONS_SCHEMA ".";
	const char		*p;
	size_t			 i;

	if (strncmp(elem, prefix, sizeof(prefix) - 1) == 0) {
		p = elem + sizeof(prefix) - 1;
		if (*p == '\0')
			return (0);
		for (; *p != '\0'; p++)
			if (!islower((unsigned char)*p) &&
			    !isdigit((unsigned char)*p) && *p != '_')
				return (0);
		if (m->nextensions == 0) {
			snprintf(msg, msglen, "type \"%s\" is in schema "
			    "%s, and the model lists no extensions", elem,
			    VF_EXTENSIONS_SCHEMA);
			return (-1);
		}
		*norm = xstrdup(elem);
		return (1);
	}
	for (i = 0; i < sizeof(ext_types) / sizeof(ext_types[0]); i++) {
		if (strcmp(ext_types[i].type, elem) != 0)
			continue;
		switch (has_extension(m, ext_types[i].ext)) {
		case 0:
			snprintf(msg, msglen, "type \"%s\" comes from "
			    "extension %s, which the model does not list in "
			    "extensions", elem, ext_types[i].ext);
			return (-1);
		case 2:
			/* In the schema: bare, as PostgreSQL prints it. */
			*norm = xstrdup(elem);
			return (1);
		default:
			break;
		}
		*norm = xmalloc(sizeof(prefix) + strlen(elem));
		strcpy(*norm, prefix);
		strcat(*norm, elem);
		return (1);
	}
	return (0);
}

void
model_ext_render(const struct model *m, struct vbuf *out,
    void (*stmt)(void *arg, int line, int col), void *arg)
{
	size_t	i;

	if (m->nextensions == 0)
		return;
	for (i = 0; i < m->nextensions; i++) {
		if (!m->extensions[i].own)
			continue;
		vbuf_puts(out, "CREATE EXTENSION IF NOT EXISTS ");
		vf_quote_ident(out, m->extensions[i].name);
		vbuf_puts(out, " SCHEMA ");
		vf_quote_ident(out, m->schema);
		vbuf_puts(out, ";\n");
		stmt(arg, m->extensions[i].line, m->extensions[i].col);
	}
	vbuf_puts(out, "CREATE SCHEMA IF NOT EXISTS ");
	vf_quote_ident(out, VF_EXTENSIONS_SCHEMA);
	vbuf_puts(out, ";\n");
	stmt(arg, 0, 0);
	for (i = 0; i < m->nextensions; i++) {
		if (m->extensions[i].own)
			continue;
		vbuf_puts(out, "CREATE EXTENSION IF NOT EXISTS ");
		vf_quote_ident(out, m->extensions[i].name);
		vbuf_puts(out, " SCHEMA ");
		vf_quote_ident(out, VF_EXTENSIONS_SCHEMA);
		vbuf_puts(out, ";\n");
		stmt(arg, m->extensions[i].line, m->extensions[i].col);
	}
}
