/*
 * compare.c: the comparisons the schema commands report on, each turning
 * what differs into problems (problems.h) for the CLI to print.
 */
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "db.h"

static void
push_rename(struct snapshot_rename **v, size_t *n, const char *kind,
    const char *e_tbl, const char *a_tbl, const char *e_name,
    const char *a_name)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].kind = kind;
	(*v)[*n].e_tbl = e_tbl;
	(*v)[*n].a_tbl = a_tbl;
	(*v)[*n].e_name = e_name;
	(*v)[*n].a_name = a_name;
	(*n)++;
}

/*
 * The renamed_from hints of m (tables and columns) into *v, which the
 * caller frees; its strings are m's.
 */
static void
model_renames(const struct model *m, struct snapshot_rename **v, size_t *n)
{
	const struct model_table	*t;
	const struct model_column	*c;
	size_t				 i, j;

	*v = NULL;
	*n = 0;
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		if (t->renamed_from != NULL)
			push_rename(v, n, "table", NULL, NULL, t->name,
			    t->renamed_from);
		for (j = 0; j < t->ncolumns; j++) {
			c = &t->columns[j];
			if (c->renamed_from == NULL)
				continue;
			/* The table in the database has either name. */
			push_rename(v, n, "column", t->name, t->name, c->name,
			    c->renamed_from);
			if (t->renamed_from != NULL)
				push_rename(v, n, "column", t->name,
				    t->renamed_from, c->name, c->renamed_from);
		}
	}
}

int
compare_load(struct snapshot *snap, const char *path,
    const struct catalog *expected, const struct catalog *actual,
    const struct model *m, struct vf_error *err)
{
	struct snapshot_rename	*renames = NULL;
	size_t			 nrenames = 0;
	int			 rc = -1;

	if (snapshot_open(snap, path, err) == -1)
		goto done;
	if (m != NULL)
		model_renames(m, &renames, &nrenames);
	if (snapshot_load(snap, SNAPSHOT_EXPECTED, expected, err) == -1 ||
	    snapshot_load(snap, SNAPSHOT_ACTUAL, actual, err) == -1 ||
	    (m != NULL && snapshot_load_renames(snap, renames, nrenames,
	    err) == -1)) {
		snapshot_close(snap);
		goto done;
	}
	rc = 0;
done:
	free(renames);
	return (rc);
}

int
compare_catalogs(const struct catalog *want, const struct catalog *got,
    struct diff *d, struct vf_error *err)
{
	struct snapshot	snap;
	int		rc;

	if (snapshot_open(&snap, NULL, err) == -1)
		return (-1);
	rc = snapshot_load(&snap, SNAPSHOT_EXPECTED, want, err);
	if (rc == 0)
		rc = snapshot_load(&snap, SNAPSHOT_ACTUAL, got, err);
	if (rc == 0)
		rc = diff_compute(&snap, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED, d,
		    err);
	snapshot_close(&snap);
	return (rc);
}

void
compare_diff_problems(const struct diff *d, const char *schema,
    const char *prefix, struct problems *p)
{
	struct vbuf	line;
	size_t		i;

	vbuf_init(&line);
	for (i = 0; i < d->n; i++) {
		vbuf_reset(&line);
		diff_describe(&line, schema, &d->v[i]);
		problems_add(p, NULL, 0, "%s: %s", prefix, line.data);
	}
	vbuf_free(&line);
}

size_t
compare_unsupported(const struct catalog *cat, const char *where,
    struct problems *p)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_UNSUPPORTED];
	size_t				 i;

	for (i = 0; i < s->nrows; i++)
		problems_add(p, NULL, 0, "unsupported: %s %s.%s%s%s",
		    catalog_get(cat, CATALOG_UNSUPPORTED, i, "kind"),
		    cat->schema, catalog_get(cat, CATALOG_UNSUPPORTED, i,
		    "name"), where != NULL ? " in " : "",
		    where != NULL ? where : "");
	return (s->nrows);
}

void
compare_outside(const char *a, const char *b, const char *prefix,
    struct problems *p)
{
	const char	*s, *e, *q;
	size_t		 n;
	int		 found;

	for (s = a; *s != '\0'; s = *e ? e + 1 : e) {
		e = s + strcspn(s, "\n");
		n = (size_t)(e - s);
		found = 0;
		for (q = b; *q != '\0'; q += strcspn(q, "\n"),
		    q += *q == '\n') {
			if (strncmp(q, s, n) == 0 &&
			    (q[n] == '\n' || q[n] == '\0')) {
				found = 1;
				break;
			}
		}
		if (!found && n > 0)
			problems_add(p, NULL, 0, "%s: %.*s", prefix, (int)n, s);
	}
}

int
compare_versions(PGconn *conn, const char *schema, const char *dir,
    const struct sqlfile *files, size_t nfiles, struct problems *p,
    struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	const char	*params[1];
	size_t		 i;
	int		 j, found, rc = -1;

	vbuf_init(&sql);
	params[0] = schema;
	res = db_query(conn, "SELECT pg_catalog.to_regclass(pg_catalog."
	    "quote_ident($1) || '." VF_VERSION_TABLE "') IS NOT NULL, "
	    "EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)",
	    1, params, PGRES_TUPLES_OK, err);
	if (res == NULL)
		goto done;
	if (strcmp(PQgetvalue(res, 0, 1), "t") != 0) {
		problems_add(p, NULL, 0, "live database: schema %s does not "
		    "exist (--no-live skips the live checks)", schema);
		rc = 0;
		goto done;
	}
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		if (nfiles > 0)
			problems_add(p, NULL, 0, "live database: no migration "
			    "applied to %s yet (%zu pending)", schema, nfiles);
		rc = 0;
		goto done;
	}
	PQclear(res);
	vbuf_puts(&sql, "SELECT version, checksum FROM ");
	vf_quote_ident(&sql, schema);
	vbuf_puts(&sql, "." VF_VERSION_TABLE " ORDER BY version");
	if ((res = db_query(conn, sql.data, 0, NULL, PGRES_TUPLES_OK, err)) ==
	    NULL)
		goto done;
	for (i = 0; i < nfiles; i++) {
		found = 0;
		for (j = 0; j < PQntuples(res); j++) {
			if (sqlfile_version_cmp(PQgetvalue(res, j, 0),
			    files[i].version) != 0)
				continue;
			found = 1;
			if (strcmp(PQgetvalue(res, j, 1), files[i].checksum)
			    != 0)
				problems_add(p, files[i].path, 0, "live "
				    "database: applied, then edited (checksum "
				    "differs)");
		}
		if (!found)
			problems_add(p, files[i].path, 0, "live database: not "
			    "applied (not at head)");
	}
	for (j = 0; j < PQntuples(res); j++) {
		found = 0;
		for (i = 0; i < nfiles; i++)
			if (sqlfile_version_cmp(PQgetvalue(res, j, 0),
			    files[i].version) == 0)
				found = 1;
		if (!found)
			problems_add(p, NULL, 0, "live database: version %s is "
			    "applied but has no file in %s",
			    PQgetvalue(res, j, 0), dir);
	}
	rc = 0;
done:
	PQclear(res);
	vbuf_free(&sql);
	return (rc);
}
