/*
 * expected.c: the expected-catalog pipeline: render the model's DDL, run
 * it on the server (a shadow transaction or a scratch database), read the
 * catalog back, keep it in the cache.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "expected.h"
#include "snapshot.h"

/* Bump when the catalog queries or the store change. */
#define CACHE_TAG	"verifier-expected-10"

/*
 * Whether a model of n statements should rather go to a scratch database
 * (when the role has CREATEDB) than to a shadow transaction: every table,
 * index and sequence created in one transaction holds a lock until its
 * end, in PostgreSQL's lock table, which every session shares (a, its
 * size).  The bench's table (primary key, unique constraint, index,
 * identity, TOAST table) is four statements and holds about seven
 * locks: two a statement, and the shadow takes at most half the table.
 */
static int
too_many_locks(size_t n, const struct scratch_access *a)
{
	return ((long)n * 2 > a->lock_slots / 2);
}

/*
 * In a shadow transaction, the n statements in one round trip (a
 * multi-statement query, which the server parses whole before it runs
 * the first: only when the connection's strings are standard, as the
 * first statement makes them): 1 when they all ran; else 0, with the
 * transaction back where it was (a savepoint), for the caller to run
 * them one by one and name the one that fails.
 */
static int
batch_stmts(PGconn *conn, const struct model_stmt *stmts, size_t n)
{
	const char	*scs, *mode;
	struct vbuf	 all;
	PGresult	*res;
	size_t		 i;
	int		 ok;

	scs = PQparameterStatus(conn, "standard_conforming_strings");
	mode = getenv("VERIFIER_BATCH");
	if (n < 2 || scs == NULL || strcmp(scs, "on") != 0 ||
	    (mode != NULL && strcmp(mode, "off") == 0))
		return (0);
	res = PQexec(conn, "SAVEPOINT vf_batch");
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	PQclear(res);
	if (!ok)
		return (0);
	vbuf_init(&all);
	for (i = 0; i < n; i++)
		vbuf_puts(&all, stmts[i].sql);
	res = PQexec(conn, all.data);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK;
	PQclear(res);
	vbuf_free(&all);
	PQclear(PQexec(conn, ok ? "RELEASE SAVEPOINT vf_batch" :
	    "ROLLBACK TO SAVEPOINT vf_batch"));
	return (ok);
}

/*
 * The model's statements stmts (n of them) run on conn and read back:
 * in a scratch database (shadow 0), each in its own transaction (one
 * transaction of thousands of CREATE TABLEs is several times slower in
 * PostgreSQL, and a scratch database needs no atomicity), the schema
 * emptied first; in a shadow transaction (shadow 1, see scratch.h),
 * whose schema is already empty, inside it.  *retry is set when the
 * shadow ran out of PostgreSQL's lock table (or, in shadow_catalog(),
 * could not be opened): a scratch database may do it.
 */
static int
model_catalog(PGconn *conn, const struct model *m,
    const struct model_stmt *stmts, size_t n, int shadow,
    struct catalog *cat, int *retry, struct vf_error *err)
{
	PGresult	*res;
	size_t		 i;

	if (!shadow && scratch_reset_schema(conn, m->schema, err) == -1)
		return (-1);
	i = shadow && batch_stmts(conn, stmts, n) ? n : 0;
	for (; i < n; i++) {
		if (scratch_interrupted())
			return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "interrupted"));
		res = PQexec(conn, stmts[i].sql);
		if (PQresultStatus(res) == PGRES_COMMAND_OK ||
		    PQresultStatus(res) == PGRES_TUPLES_OK) {
			PQclear(res);
			continue;
		}
		if (scratch_interrupted())
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "interrupted");
		else if (shadow && scratch_out_of_locks(res)) {
			*retry = 1;
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    SCRATCH_NO_LOCKS_MSG);
		} else if (scratch_lock_timeout(res))
			vf_error_set(err, VF_EXIT_FAIL, m->path, stmts[i].line,
			    stmts[i].col, "a lock was not granted within "
			    SCRATCH_LOCK_TIMEOUT " (another session holds "
			    "it); nothing was changed: %s",
			    PQerrorMessage(conn));
		else
			vf_error_set(err, VF_EXIT_USAGE, m->path,
			    stmts[i].line, stmts[i].col,
			    "PostgreSQL rejects the model: %s",
			    PQerrorMessage(conn));
		err->msg[strcspn(err->msg, "\n")] = '\0';
		PQclear(res);
		return (-1);
	}
	PQclear(PQexec(conn, "RESET search_path"));
	PQclear(PQexec(conn, "RESET standard_conforming_strings"));
	if (shadow)
		return (catalog_read_in_tx(conn, m->schema, cat, err));
	return (catalog_read(conn, m->schema, cat, err));
}

/*
 * Keeps, of the extensions a shadow read, only those m lists: the shared
 * schema's extensions are the database's, already there whatever the
 * model says, where a scratch database holds only the model's.
 */
static void
model_extensions_only(const struct model *m, struct catalog *cat)
{
	struct catalog_set	*s = &cat->sets[CATALOG_EXTENSIONS];
	const char		*name;
	size_t			 r, k, j, kept = 0;

	for (r = 0; r < s->nrows; r++) {
		name = catalog_get(cat, CATALOG_EXTENSIONS, r, "name");
		for (k = 0; k < m->nextensions; k++)
			if (name != NULL &&
			    strcmp(m->extensions[k].name, name) == 0)
				break;
		if (k == m->nextensions) {
			for (j = 0; j < s->ncols; j++)
				free(s->cells[r * s->ncols + j]);
			continue;
		}
		if (kept != r)
			memmove(&s->cells[kept * s->ncols],
			    &s->cells[r * s->ncols], s->ncols * sizeof(char *));
		kept++;
	}
	s->nrows = kept;
}

/* The model built in a shadow transaction on conn, always rolled back. */
static int
shadow_catalog(PGconn *conn, struct scratch *s, const struct model *m,
    const struct model_stmt *stmts, size_t n, enum scratch_shadow mode,
    struct catalog *cat, int *retry, struct vf_error *err)
{
	int	rc;

	s->shadows++;
	if ((rc = scratch_shadow_begin(conn, m->schema, mode, err)) == 0)
		rc = model_catalog(conn, m, stmts, n, 1, cat, retry, err);
	if (rc == 0) {
		model_extensions_only(m, cat);
		cat->source = "shadow transaction, DDL, read back, rolled back";
	}
	else if (rc == -2) {
		*retry = 1;
		rc = -1;
	}
	scratch_shadow_end(conn);
	return (rc);
}

int
expected_from_server(PGconn *conn, struct scratch *s, const struct model *m,
    struct catalog *cat, struct vf_error *err)
{
	struct scratch_access	 a;
	struct model_stmt	*stmts = NULL;
	enum scratch_shadow	 mode;
	size_t			 n = 0;
	int			 retry = 0, rc = -1;

	memset(cat, 0, sizeof(*cat));
	if (model_render_stmts(m, &stmts, &n, err) == -1)
		goto done;
	/* The command's scratch database, when it has one, costs nothing. */
	if (s->conn == NULL) {
		if (scratch_access(conn, m->schema, &a, err) == -1)
			goto done;
		mode = scratch_shadow_mode(&a);
		/* In place, every live table of the schema stays locked
		   until the rollback: only when nothing else may. */
		if (mode == SCRATCH_SHADOW_IN_PLACE && a.createdb)
			mode = SCRATCH_SHADOW_NONE;
		if (mode != SCRATCH_SHADOW_NONE &&
		    (!a.createdb || !too_many_locks(n, &a))) {
			rc = shadow_catalog(conn, s, m, stmts, n, mode, cat,
			    &retry, err);
			if (rc == 0 || !retry || !a.createdb)
				goto done;
		} else if (!a.createdb) {
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    SCRATCH_NEEDS_FMT, a.role, m->schema, m->schema,
			    a.db);
			goto done;
		}
		if (scratch_create(conn, s, err) == -1)
			goto done;
	}
	rc = model_catalog(s->conn, m, stmts, n, 0, cat, &retry, err);
	if (rc == 0)
		cat->source = "scratch database, DDL, read back";
done:
	model_stmts_free(stmts, n);
	return (rc);
}

/*
 * The first of n grants whose role is not one of roles (a query's rows:
 * name, "t" for the schema's owner), or is the owner (*owner set).
 */
static const struct model_grant *
unknown_role(const struct model_grant *g, size_t n, const PGresult *roles,
    int *owner)
{
	size_t	i;
	int	r;

	for (i = 0; i < n; i++) {
		if (strcmp(g[i].to, "PUBLIC") == 0)
			continue;
		for (r = 0; r < PQntuples(roles); r++)
			if (strcmp(PQgetvalue(roles, r, 0), g[i].to) == 0)
				break;
		if (r == PQntuples(roles))
			return (&g[i]);
		if (strcmp(PQgetvalue(roles, r, 1), "t") == 0) {
			*owner = 1;
			return (&g[i]);
		}
	}
	return (NULL);
}

/*
 * The first role of m's policies that is not one of roles (a query's
 * rows), with its table and policy; -1 when every one is.
 */
static int
unknown_policy_role(const struct model *m, const PGresult *roles,
    const struct model_table **pt, const struct model_policy **pp)
{
	const struct model_policy	*p;
	size_t				 i, j, k;
	int				 r;

	for (i = 0; i < m->ntables; i++)
		for (j = 0; j < m->tables[i].npolicies; j++) {
			p = &m->tables[i].policies[j];
			for (k = 0; k < p->nroles; k++) {
				if (strcmp(p->roles[k], "PUBLIC") == 0)
					continue;
				for (r = 0; r < PQntuples(roles); r++)
					if (strcmp(PQgetvalue(roles, r, 0),
					    p->roles[k]) == 0)
						break;
				if (r < PQntuples(roles))
					continue;
				*pt = &m->tables[i];
				*pp = p;
				return ((int)k);
			}
		}
	return (-1);
}

/*
 * Every role the model grants to exists in conn's cluster (roles are
 * cluster-wide: the scratch database sees the same ones), checked before
 * the cache and the scratch database, so that the error names the model's
 * line rather than the server's GRANT.  Nor is it the owner of the schema
 * in conn's database: its privileges come with ownership, and the
 * catalog never compares them.
 */
static int
check_roles(PGconn *conn, const struct model *m, struct vf_error *err)
{
	const struct model_grant	*g;
	const struct model_table	*pt = NULL;
	const struct model_policy	*pp = NULL;
	const char			*params[1];
	PGresult			*res;
	size_t				 i, j, any = m->ngrants;
	int				 owner = 0, k;

	for (i = 0; i < m->ntables; i++)
		any += m->tables[i].ngrants;
	for (i = 0; i < m->nsequences; i++)
		any += m->sequences[i].ngrants;
	for (i = 0; i < m->nenums; i++)
		any += m->enums[i].ngrants;
	for (i = 0; i < m->ntables; i++)
		for (j = 0; j < m->tables[i].ncolumns; j++)
			any += m->tables[i].columns[j].nseq_grants;
	for (i = 0; i < m->ntables; i++)
		for (j = 0; j < m->tables[i].npolicies; j++)
			any += m->tables[i].policies[j].nroles;
	if (any == 0)
		return (0);
	params[0] = m->schema;
	res = db_query(conn, "SELECT r.rolname::pg_catalog.text, "
	    "CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n "
	    "WHERE n.nspname = $1 AND n.nspowner = r.oid) THEN 't' ELSE 'f' "
	    "END FROM pg_catalog.pg_roles r", 1, params, PGRES_TUPLES_OK,
	    err);
	if (res == NULL)
		return (-1);
	g = unknown_role(m->grants, m->ngrants, res, &owner);
	for (i = 0; g == NULL && i < m->nsequences; i++)
		g = unknown_role(m->sequences[i].grants,
		    m->sequences[i].ngrants, res, &owner);
	for (i = 0; g == NULL && i < m->ntables; i++)
		g = unknown_role(m->tables[i].grants, m->tables[i].ngrants,
		    res, &owner);
	for (i = 0; g == NULL && i < m->nenums; i++)
		g = unknown_role(m->enums[i].grants, m->enums[i].ngrants, res,
		    &owner);
	for (i = 0; g == NULL && i < m->ntables; i++)
		for (j = 0; g == NULL && j < m->tables[i].ncolumns; j++)
			g = unknown_role(m->tables[i].columns[j].seq_grants,
			    m->tables[i].columns[j].nseq_grants, res, &owner);
	if (g == NULL && (k = unknown_policy_role(m, res, &pt, &pp)) != -1) {
		PQclear(res);
		return (vf_error_set(err, VF_EXIT_USAGE, m->path,
		    pp->role_lines[k], pp->role_cols[k], "policy \"%s\" of "
		    "table \"%s\" is for role \"%s\", which does not exist "
		    "(roles are made in initdb/, not by a model)", pp->name,
		    pt->name, pp->roles[k]));
	}
	PQclear(res);
	if (g != NULL && owner)
		return (vf_error_set(err, VF_EXIT_USAGE, m->path, g->to_line,
		    g->to_col, "grant to role \"%s\", which owns schema "
		    "\"%s\" (its privileges come with ownership)", g->to,
		    m->schema));
	if (g != NULL)
		return (vf_error_set(err, VF_EXIT_USAGE, m->path, g->to_line,
		    g->to_col, "grant to role \"%s\", which does not exist "
		    "(roles are made in initdb/, not by a model)", g->to));
	return (0);
}

/*
 * Every extension the model lists can be installed on conn's server, so
 * that a missing one is reported at the model's line.
 */
static int
check_extensions(PGconn *conn, const struct model *m, struct vf_error *err)
{
	PGresult	*res;
	size_t		 i;
	int		 r;

	if (m->nextensions == 0)
		return (0);
	res = db_query(conn, "SELECT name::pg_catalog.text "
	    "FROM pg_catalog.pg_available_extensions", 0, NULL,
	    PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	for (i = 0; i < m->nextensions; i++) {
		for (r = 0; r < PQntuples(res); r++)
			if (strcmp(PQgetvalue(res, r, 0),
			    m->extensions[i].name) == 0)
				break;
		if (r == PQntuples(res)) {
			PQclear(res);
			return (vf_error_set(err, VF_EXIT_USAGE, m->path,
			    m->extensions[i].line, m->extensions[i].col,
			    "extension \"%s\" is not available on this "
			    "server (pg_available_extensions)",
			    m->extensions[i].name));
		}
	}
	PQclear(res);
	return (0);
}

/*
 * Compare mode: the server's catalog of the whole model replaces cat, the
 * one built by `how` ("in memory", "split"), when they are equal; else
 * the difference is the error.  cat is released either way on error.
 */
static int
compare_server(PGconn *conn, struct scratch *s, const struct model *m,
    struct catalog *cat, const char *how, struct vf_error *err)
{
	struct catalog	srv;
	char		msg[sizeof(err->msg)];

	if (expected_from_server(conn, s, m, &srv, err) == -1) {
		catalog_free(cat);
		return (-1);
	}
	if (!expected_equal(cat, "in memory", &srv, "on the server", msg,
	    sizeof(msg))) {
		catalog_free(cat);
		catalog_free(&srv);
		return (vf_error_set(err, VF_EXIT_FAIL, m->path, 0, 0, "the "
		    "expected catalog %s differs from the server's: %s",
		    strcmp(how, "split") == 0 ? "built in memory and split "
		    "by object" : how, msg));
	}
	catalog_free(cat);
	*cat = srv;
	return (0);
}

int
expected_catalog(PGconn *conn, struct scratch *s, const struct model *m,
    struct catalog *cat, struct vf_error *err)
{
	struct vf_error	ignored;
	struct catalog	mem;
	struct vbuf	key;
	const char	*mode;
	char		dir[PATH_MAX], path[PATH_MAX + 100], hex[65];
	int		have_cache, have_mem = 0, h, rc = -1;

	vbuf_init(&key);
	if (check_roles(conn, m, err) == -1 ||
	    check_extensions(conn, m, err) == -1)
		goto done;
	mode = getenv("VERIFIER_EXPECTED");
	/* The memory prints as PostgreSQL 15 does, and only as it. */
	if ((mode == NULL || strcmp(mode, "server") != 0) &&
	    PQserverVersion(conn) / 10000 == 15) {
		if (expected_from_model(m, &mem, NULL, 0) == 1)
			have_mem = 1;
	}
	if (have_mem && (mode == NULL || strcmp(mode, "compare") != 0)) {
		*cat = mem;
		cat->source = "in memory";
		have_mem = 0;
		rc = 0;
		goto done;
	}
	if (have_mem) {
		*cat = mem;
		have_mem = 0;
		rc = compare_server(conn, s, m, cat, "in memory", err);
		goto done;
	}
	/* Declined only for its views, functions and triggers: those
	   alone go to the server (or come from the cache, each its own). */
	if ((mode == NULL || strcmp(mode, "server") != 0) &&
	    PQserverVersion(conn) / 10000 == 15) {
		if ((h = expected_hybrid(conn, s, m, cat, err)) == -1)
			goto done;
		if (h == 1 && (mode == NULL || strcmp(mode, "compare") != 0)) {
			rc = 0;
			goto done;
		}
		if (h == 1) {
			rc = compare_server(conn, s, m, cat, "split", err);
			goto done;
		}
	}
	vbuf_appendf(&key, "%s\n%d\n", CACHE_TAG, PQserverVersion(conn));
	if (model_render_sql(m, &key, err) == -1)
		goto done;
	vf_sha256_hex(key.data, key.len, hex);
	have_cache = expected_cache_dir(dir, sizeof(dir)) == 0;
	if (have_cache && snprintf(path, sizeof(path), "%s/%s.sqlite", dir,
	    hex) >= (int)sizeof(path))
		have_cache = 0;
	if (have_cache && snapshot_read_file(path, SNAPSHOT_EXPECTED,
	    m->schema, cat, err) == 1) {
		expected_cache_touch(path);
		cat->source = "from the cache";
		rc = 0;
		goto done;
	}
	if (expected_from_server(conn, s, m, cat, err) == -1)
		goto done;
	/* A cache that cannot be written is only slower. */
	if (have_cache)
		if (snapshot_write_file(path, SNAPSHOT_EXPECTED, cat,
		    &ignored) == 0)
			expected_cache_trim(dir, EXPECTED_CACHE_MAX_FILES,
			    EXPECTED_CACHE_MAX_BYTES);
	rc = 0;
done:
	if (have_mem)
		catalog_free(&mem);
	vbuf_free(&key);
	return (rc);
}

/* A row's cells joined by " | ", NULL as "NULL"; the caller frees it. */
static char *
row_text(const struct catalog_set *set, size_t row)
{
	struct vbuf	b;
	const char	*c;
	size_t		 j;

	vbuf_init(&b);
	for (j = 0; j < set->ncols; j++) {
		c = set->cells[row * set->ncols + j];
		vbuf_appendf(&b, "%s%s", j ? " | " : "", c ? c : "NULL");
	}
	return (vbuf_steal(&b));
}

static int
cmp_text(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* The rows of a set as sorted text; n of them, each to free(). */
static char **
set_rows(const struct catalog_set *set)
{
	char	**v;
	size_t	  i;

	v = xcalloc(set->nrows ? set->nrows : 1, sizeof(char *));
	for (i = 0; i < set->nrows; i++)
		v[i] = row_text(set, i);
	qsort(v, set->nrows, sizeof(char *), cmp_text);
	return (v);
}

int
expected_equal(const struct catalog *a, const char *aname,
    const struct catalog *b, const char *bname, char *msg, size_t len)
{
	const char	*only_a, *only_b;
	char		**ra, **rb;
	size_t		  i, j, k, na, nb;
	int		  set, c, equal = 1;

	for (set = 0; equal && set < CATALOG_NSETS; set++) {
		na = a->sets[set].nrows;
		nb = b->sets[set].nrows;
		ra = set_rows(&a->sets[set]);
		rb = set_rows(&b->sets[set]);
		only_a = only_b = NULL;
		for (i = j = 0; i < na || j < nb; ) {
			c = i == na ? 1 : j == nb ? -1 : strcmp(ra[i], rb[j]);
			if (c == 0) {
				i++;
				j++;
			} else if (c < 0) {
				if (only_a == NULL)
					only_a = ra[i];
				i++;
			} else {
				if (only_b == NULL)
					only_b = rb[j];
				j++;
			}
		}
		if (only_a != NULL || only_b != NULL) {
			equal = 0;
			snprintf(msg, len, "%s: only %s: %s; only %s: %s",
			    catalog_set_name(set), aname,
			    only_a ? only_a : "-", bname,
			    only_b ? only_b : "-");
		}
		for (k = 0; k < na; k++)
			free(ra[k]);
		for (k = 0; k < nb; k++)
			free(rb[k]);
		free(ra);
		free(rb);
	}
	return (equal);
}

static void *
job_run(void *arg)
{
	struct expected_job	*j = arg;

	j->rc = model_load(j->path, j->m, &j->err);
	return (NULL);
}

void
expected_job_start(struct expected_job *j, const char *path, struct model *m)
{
	memset(j, 0, sizeof(*j));
	j->path = path;
	j->m = m;
	vf_error_clear(&j->err);
	j->threaded = pthread_create(&j->tid, NULL, job_run, j) == 0;
	if (!j->threaded)
		job_run(j);	/* no thread: the same work, in line */
}

int
expected_job_wait(struct expected_job *j, struct vf_error *err)
{
	if (j->threaded)
		pthread_join(j->tid, NULL);
	j->threaded = 0;
	if (j->rc == -1)
		*err = j->err;
	return (j->rc);
}
