/*
 * expected.c: the expected-catalog pipeline: render the model's DDL, run
 * it in a scratch database, read the catalog back, keep it in the cache.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected.h"
#include "snapshot.h"

/* Bump when the catalog queries or the store change. */
#define CACHE_TAG	"verifier-expected-4"

/*
 * The model's DDL in the scratch database, read back.  Statements run one
 * by one, each in its own transaction: one transaction of thousands of
 * CREATE TABLEs is several times slower in PostgreSQL, and a scratch
 * database needs no atomicity.
 */
static int
model_catalog(PGconn *conn, const struct model *m, struct catalog *cat,
    struct vf_error *err)
{
	struct model_stmt	*stmts = NULL;
	PGresult		*res;
	size_t			 n = 0, i;
	int			 rc = -1;

	if (scratch_reset_schema(conn, m->schema, err) == -1)
		goto done;
	if (model_render_stmts(m, &stmts, &n, err) == -1)
		goto done;
	for (i = 0; i < n; i++) {
		if (scratch_interrupted()) {
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "interrupted");
			goto done;
		}
		res = PQexec(conn, stmts[i].sql);
		if (PQresultStatus(res) != PGRES_COMMAND_OK &&
		    PQresultStatus(res) != PGRES_TUPLES_OK) {
			vf_error_set(err, VF_EXIT_USAGE, m->path,
			    stmts[i].line, stmts[i].col,
			    "PostgreSQL rejects the model: %s",
			    PQerrorMessage(conn));
			err->msg[strcspn(err->msg, "\n")] = '\0';
			PQclear(res);
			goto done;
		}
		PQclear(res);
	}
	PQclear(PQexec(conn, "RESET search_path"));
	PQclear(PQexec(conn, "RESET standard_conforming_strings"));
	rc = catalog_read(conn, m->schema, cat, err);
done:
	model_stmts_free(stmts, n);
	return (rc);
}

/*
 * The folder of the cache (see expected.h).  Returns 0 with dir filled
 * (and made), or -1 when there is none.
 */
static int
cache_dir(char *dir, size_t len)
{
	const char	*env;
	char		 parent[PATH_MAX];
	int		 n;

	if ((env = getenv("VERIFIER_CACHE")) != NULL && *env != '\0') {
		if (strcmp(env, "off") == 0)
			return (-1);
		n = snprintf(dir, len, "%s", env);
	} else if ((env = getenv("XDG_CACHE_HOME")) != NULL && *env != '\0') {
		n = snprintf(dir, len, "%s/verifier", env);
	} else if ((env = getenv("HOME")) != NULL && *env != '\0') {
		n = snprintf(parent, sizeof(parent), "%s/.cache", env);
		if (n < 0 || (size_t)n >= sizeof(parent))
			return (-1);
		(void)mkdir(parent, 0700);
		n = snprintf(dir, len, "%s/verifier", parent);
	} else
		return (-1);
	if (n < 0 || (size_t)n >= len)
		return (-1);
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return (-1);
	return (0);
}

int
expected_catalog(PGconn *conn, struct scratch *s, const struct model *m,
    struct catalog *cat, struct vf_error *err)
{
	struct vf_error	ignored;
	struct vbuf	key;
	char		dir[PATH_MAX], path[PATH_MAX + 100], hex[65];
	int		have_cache, rc = -1;

	vbuf_init(&key);
	vbuf_appendf(&key, "%s\n%d\n", CACHE_TAG, PQserverVersion(conn));
	if (model_render_sql(m, &key, err) == -1)
		goto done;
	vf_sha256_hex(key.data, key.len, hex);
	have_cache = cache_dir(dir, sizeof(dir)) == 0;
	if (have_cache && snprintf(path, sizeof(path), "%s/%s.sqlite", dir,
	    hex) >= (int)sizeof(path))
		have_cache = 0;
	if (have_cache && snapshot_read_file(path, SNAPSHOT_EXPECTED,
	    m->schema, cat, err) == 1) {
		rc = 0;
		goto done;
	}
	if (s->conn == NULL && scratch_create(conn, s, err) == -1)
		goto done;
	if (model_catalog(s->conn, m, cat, err) == -1)
		goto done;
	/* A cache that cannot be written is only slower. */
	if (have_cache)
		(void)snapshot_write_file(path, SNAPSHOT_EXPECTED, cat,
		    &ignored);
	rc = 0;
done:
	vbuf_free(&key);
	return (rc);
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
