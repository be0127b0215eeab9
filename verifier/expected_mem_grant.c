/*
 * expected_mem_grant.c: the in-memory expected catalog's privileges
 * (CATALOG_GRANTS, catalog_grant.c): one row per object, column, grantee
 * and privilege, as aclexplode() lists the ACL the model's GRANTs make;
 * a privilege granted twice is one row, grantable when either was.  The
 * USAGE every type grants to PUBLIC is left out, as the query does.
 */
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"

struct grow {
	const char	*on, *name, *col, *grantee, *priv;
	int		 grantable;
};

struct grows {
	struct grow	*v;
	size_t		 n, cap;
	struct xm_names	 seen;	/* row key -> index in v */
};

static void
add(struct grows *g, const char *on, const char *name, const char *col,
    const char *grantee, const char *priv, int grantable)
{
	struct vbuf	key;
	int		i;

	if (strcmp(on, "type") == 0 && strcmp(grantee, "PUBLIC") == 0 &&
	    strcmp(priv, "USAGE") == 0)
		return;
	vbuf_init(&key);
	vbuf_appendf(&key, "%s\x1f%s\x1f%s\x1f%s\x1f%s", on, name,
	    col != NULL ? col : "\x1e", grantee, priv);
	if ((i = xm_names_get(&g->seen, key.data)) >= 0) {
		g->v[i].grantable |= grantable;
		vbuf_free(&key);
		return;
	}
	if (g->n == g->cap) {
		g->cap = g->cap == 0 ? 16 : g->cap * 2;
		g->v = xrealloc(g->v, g->cap * sizeof(*g->v));
	}
	xm_names_put(&g->seen, key.data, (int)g->n);
	g->v[g->n].on = on;
	g->v[g->n].name = name;
	g->v[g->n].col = col;
	g->v[g->n].grantee = grantee;
	g->v[g->n].priv = priv;
	g->v[g->n].grantable = grantable;
	g->n++;
	vbuf_free(&key);
}

/* The n grants gs on object name (kind on). */
static void
add_grants(struct grows *g, const char *on, const char *name,
    const struct model_grant *gs, size_t n)
{
	size_t	i, j, c;

	for (i = 0; i < n; i++)
		for (j = 0; j < gs[i].nprivileges; j++) {
			if (gs[i].ncolumns == 0)
				add(g, on, name, NULL, gs[i].to,
				    gs[i].privileges[j], gs[i].grant_option);
			for (c = 0; c < gs[i].ncolumns; c++)
				add(g, on, name, gs[i].columns[c], gs[i].to,
				    gs[i].privileges[j], gs[i].grant_option);
		}
}

int
xm_grants(struct xm_ctx *x)
{
	const struct model		*m = x->m;
	const struct model_table	*t;
	const struct model_column	*c;
	struct grows			 g;
	const char			*cells[6];
	char				 seq[MODEL_NAME_MAX + 1];
	size_t				 i, j;
	int				 ok = 0;

	memset(&g, 0, sizeof(g));
	add_grants(&g, "schema", m->schema, m->grants, m->ngrants);
	for (i = 0; i < m->nenums; i++)
		add_grants(&g, "type", m->enums[i].name, m->enums[i].grants,
		    m->enums[i].ngrants);
	for (i = 0; i < m->nsequences; i++)
		add_grants(&g, "sequence", m->sequences[i].name,
		    m->sequences[i].grants, m->sequences[i].ngrants);
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		add_grants(&g, "table", t->name, t->grants, t->ngrants);
		for (j = 0; j < t->ncolumns; j++) {
			c = &t->columns[j];
			if (c->nseq_grants == 0)
				continue;
			/* The model grants on the unnumbered name. */
			model_column_seq_name(t, c, seq);
			if (x->cols[i][j].seq == NULL ||
			    strcmp(seq, x->cols[i][j].seq) != 0) {
				xm_decline(x, "table \"%s\" column \"%s\": "
				    "sequence grants", t->name, c->name);
				goto done;
			}
			add_grants(&g, "sequence", x->cols[i][j].seq,
			    c->seq_grants, c->nseq_grants);
		}
	}
	for (i = 0; i < g.n; i++) {
		cells[0] = g.v[i].on;
		cells[1] = g.v[i].name;
		cells[2] = g.v[i].col;
		cells[3] = g.v[i].grantee;
		cells[4] = g.v[i].priv;
		cells[5] = g.v[i].grantable ? "t" : "f";
		xm_row(x, CATALOG_GRANTS, cells, 6);
	}
	ok = 1;
done:
	free(g.v);
	xm_names_free(&g.seen);
	return (ok);
}
