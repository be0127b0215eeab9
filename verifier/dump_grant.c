/*
 * dump_grant.c: the catalog's privileges back into the model: on the
 * schema, its tables (whole or by column), its standalone sequences and
 * its enums.  One entry per role and grant option; column grants that
 * give the same privileges share an entry.  Grants on objects a model cannot name (a
 * serial's sequence, a domain) are left out; the proof of the dump reports
 * them.
 */
#include <stdlib.h>
#include <string.h>

#include "dump_int.h"

/* An entry being built: the privileges as bits of the kind's list. */
struct acc {
	const char	*to;
	int		 go;
	unsigned	 mask;
	int		 cols;		/* a column entry */
	char		**columns;
	size_t		 ncolumns;
};

static unsigned
priv_bit(const char *const *privs, const char *priv)
{
	unsigned	i;

	for (i = 0; privs[i] != NULL; i++)
		if (strcmp(privs[i], priv) == 0)
			return (1u << i);
	return (0);
}

/* The entry of (to, go, cols, mask) in *v, made when absent (mask 0:
   any mask). */
static struct acc *
acc_get(struct acc **v, size_t *n, const char *to, int go, int cols,
    unsigned mask)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].to, to) == 0 && (*v)[i].go == go &&
		    (*v)[i].cols == cols && (mask == 0 ||
		    (*v)[i].mask == mask))
			return (&(*v)[i]);
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].to = to;
	(*v)[*n].go = go;
	(*v)[*n].cols = cols;
	(*v)[*n].mask = mask;
	return (&(*v)[(*n)++]);
}

/* The grants of object (on_kind, name); t its table (columns) or NULL. */
static void
object_grants(const struct catalog *cat, enum model_grant_on on,
    const char *on_kind, const char *name, const struct model_table *t,
    struct model_grant **out, size_t *nout)
{
	const struct catalog_set	*gs = &cat->sets[CATALOG_GRANTS];
	const char *const		*privs = model_grant_privileges(on, 0);
	const char *const		*cprivs = model_grant_privileges(on, 1);
	struct acc			*v = NULL, *a, *percol = NULL;
	struct model_grant		*g;
	const char			*col, *to;
	size_t				 i, j, k, n = 0, npercol = 0;
	int				 go;

	for (i = 0; i < gs->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_GRANTS, i, "on_kind"),
		    on_kind) != 0 || strcmp(catalog_get(cat, CATALOG_GRANTS,
		    i, "name"), name) != 0)
			continue;
		to = catalog_get(cat, CATALOG_GRANTS, i, "grantee");
		go = strcmp(catalog_get(cat, CATALOG_GRANTS, i, "grantable"),
		    "t") == 0;
		col = catalog_get(cat, CATALOG_GRANTS, i, "col");
		if (col == NULL) {
			a = acc_get(&v, &n, to, go, 0, 0);
			a->mask |= priv_bit(privs, catalog_get(cat,
			    CATALOG_GRANTS, i, "privilege"));
			continue;
		}
		/* One accumulator per role, option and column first. */
		for (j = 0; j < npercol; j++)
			if (strcmp(percol[j].to, to) == 0 &&
			    percol[j].go == go &&
			    strcmp(percol[j].columns[0], col) == 0)
				break;
		if (j == npercol) {
			percol = xrealloc(percol, (npercol + 1) *
			    sizeof(*percol));
			a = &percol[npercol++];
			memset(a, 0, sizeof(*a));
			a->to = to;
			a->go = go;
			a->cols = 1;
			a->columns = xcalloc(1, sizeof(char *));
			a->columns[0] = xstrdup(col);
			a->ncolumns = 1;
		}
		percol[j].mask |= priv_bit(cprivs, catalog_get(cat,
		    CATALOG_GRANTS, i, "privilege"));
	}
	/* Columns with the same privileges share an entry, in table order. */
	for (k = 0; t != NULL && k < t->ncolumns; k++)
		for (j = 0; j < npercol; j++) {
			if (strcmp(percol[j].columns[0], t->columns[k].name) !=
			    0 || percol[j].mask == 0)
				continue;
			a = acc_get(&v, &n, percol[j].to, percol[j].go, 1,
			    percol[j].mask);
			a->columns = xrealloc(a->columns, (a->ncolumns + 1) *
			    sizeof(char *));
			a->columns[a->ncolumns++] =
			    xstrdup(t->columns[k].name);
		}
	for (i = 0; i < n; i++) {
		if (v[i].mask == 0) {
			model_strv_free(v[i].columns, v[i].ncolumns);
			continue;
		}
		*out = xrealloc(*out, (*nout + 1) * sizeof(**out));
		g = &(*out)[(*nout)++];
		memset(g, 0, sizeof(*g));
		g->to = xstrdup(v[i].to);
		g->grant_option = v[i].go;
		g->columns = v[i].columns;
		g->ncolumns = v[i].ncolumns;
		for (j = 0; (v[i].cols ? cprivs : privs)[j] != NULL; j++) {
			if ((v[i].mask & (1u << j)) == 0)
				continue;
			g->privileges = xrealloc(g->privileges,
			    (g->nprivileges + 1) * sizeof(char *));
			g->privileges[g->nprivileges++] =
			    xstrdup((v[i].cols ? cprivs : privs)[j]);
		}
	}
	for (j = 0; j < npercol; j++)
		model_strv_free(percol[j].columns, percol[j].ncolumns);
	free(percol);
	free(v);
}

void
dump_grants(const struct catalog *cat, struct model *m)
{
	struct model_column	*c;
	char			 seq[MODEL_NAME_MAX + 1];
	size_t			 i, j;

	object_grants(cat, MODEL_GRANT_SCHEMA, "schema", m->schema, NULL,
	    &m->grants, &m->ngrants);
	for (i = 0; i < m->ntables; i++)
		object_grants(cat, MODEL_GRANT_TABLE, "table",
		    m->tables[i].name, &m->tables[i], &m->tables[i].grants,
		    &m->tables[i].ngrants);
	for (i = 0; i < m->nsequences; i++)
		object_grants(cat, MODEL_GRANT_SEQUENCE, "sequence",
		    m->sequences[i].name, NULL, &m->sequences[i].grants,
		    &m->sequences[i].ngrants);
	for (i = 0; i < m->ntables; i++)
		for (j = 0; j < m->tables[i].ncolumns; j++) {
			c = &m->tables[i].columns[j];
			if (c->identity == MODEL_IDENTITY_NONE &&
			    model_serial_base(c->type) == NULL)
				continue;
			model_column_seq_name(&m->tables[i], c, seq);
			object_grants(cat, MODEL_GRANT_SEQUENCE, "sequence",
			    seq, NULL, &c->seq_grants, &c->nseq_grants);
		}
	for (i = 0; i < m->nenums; i++)
		object_grants(cat, MODEL_GRANT_TYPE, "type", m->enums[i].name,
		    NULL, &m->enums[i].grants, &m->enums[i].ngrants);
	/* A view's privileges are a table's. */
	for (i = 0; i < m->nviews; i++)
		object_grants(cat, MODEL_GRANT_TABLE, "table",
		    m->views[i].name, NULL, &m->views[i].grants,
		    &m->views[i].ngrants);
}
