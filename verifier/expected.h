/*
 * expected.h: the expected catalog of a model, the side a database is
 * compared with.  It is made exact by PostgreSQL itself: the model's DDL
 * runs in a scratch database and is read back with the same catalog
 * queries as the database it is compared with.  The result depends only
 * on the DDL and the server's version, so it is cached in a sqlite file
 * named by their SHA-256 (see expected_catalog()).
 */
#ifndef VERIFIER_EXPECTED_H
#define VERIFIER_EXPECTED_H

#include <sys/types.h>

#include <pthread.h>

#include <libpq-fe.h>

#include "catalog.h"
#include "model.h"
#include "scratch.h"
#include "util.h"

/*
 * Fills cat (which need not be initialised) with the expected catalog of
 * model m: from the cache when it holds it, else from the server
 * (expected_from_server(): a shadow transaction on conn or the scratch
 * database s, which the caller drops), then written to the cache.  The cache
 * folder is $VERIFIER_CACHE ("off" disables it), else
 * $XDG_CACHE_HOME/verifier, else ~/.cache/verifier; a cache that cannot
 * be read or written is only slower.  Statements run one by one and a
 * statement the server rejects is reported at the model line that wrote
 * it (code VF_EXIT_USAGE).  Returns 0 (release cat with catalog_free()),
 * or -1 with err set.  s->conn is still NULL afterwards when the cache
 * answered.
 *
 * The model is first built in memory (expected_from_model()); the cache
 * and the server are for models it declines.  VERIFIER_EXPECTED changes
 * that, for tests: "server" skips the memory, "compare" builds both and
 * fails (VF_EXIT_FAIL, "the expected catalog in memory differs from the
 * server's: ...") when the memory's differs from the server's.
 */
int	expected_catalog(PGconn *conn, struct scratch *s, const struct model *m,
	    struct catalog *cat, struct vf_error *err);

/* The cache's bound: the least recently used files go first.  A file
   is a model's catalog, or one declined object's rows (about 124 KiB:
   the bytes bind first). */
#define EXPECTED_CACHE_MAX_FILES	2048
#define EXPECTED_CACHE_MAX_BYTES	((off_t)256 * 1024 * 1024)

/*
 * expected_cache.c: the folder of the cache (see expected_catalog()):
 * 0 with dir filled (and made), or -1 when there is none or it is off.
 */
int	expected_cache_dir(char *dir, size_t len);

/* Marks a cache file as just used. */
void	expected_cache_touch(const char *path);

/*
 * Deletes the least recently used cache files of dir (*.sqlite) until at
 * most max_files are left, together at most max_bytes (the newest stays).
 */
void	expected_cache_trim(const char *dir, size_t max_files,
	    off_t max_bytes);

/*
 * The expected catalog of m built in memory, without a server
 * (expected_mem.c): every row printed as the catalog queries print it.
 * Returns 1 with cat filled (release with catalog_free()), or 0 when some
 * object of m is one it cannot print exactly (cat left empty; why, when
 * not NULL, names the first such object): the caller asks the server.
 */
int	expected_from_model(const struct model *m, struct catalog *cat,
	    char *why, size_t whylen);

/*
 * What the memory declined, when it is one object of a table
 * (expected_from_model_decl()): kind 'c' a constraint, 'i' an index, 'p'
 * a policy (name set), 't' the table itself (a column, its storage);
 * 0 something else.
 */
struct expected_decline {
	int	kind;
	char	table[MODEL_NAME_MAX + 1];
	char	name[MODEL_NAME_MAX + 1];
};

/* expected_from_model(), and what it declined into d. */
int	expected_from_model_decl(const struct model *m, struct catalog *cat,
	    char *why, size_t whylen, struct expected_decline *d);

/*
 * Whether two catalogs hold the same rows, set by set, in any order:
 * 1, or 0 with msg naming the first set that differs and a row found on
 * one side only (its cells joined by " | ", NULL as "NULL").
 */
int	expected_equal(const struct catalog *a, const char *aname,
	    const struct catalog *b, const char *bname, char *msg, size_t len);

/*
 * expected_split.c: the expected catalog of m when the memory declines it
 * only for its views, functions and triggers: the rest built in memory,
 * each of those objects (a view, the functions of one name, a trigger)
 * from the cache, keyed by the SHA-256 of its DDL, the DDL of what it
 * needs and the server's version, or from the server (the objects the
 * cache misses, with the tables, types, sequences, functions and views
 * their DDL needs, in one expected_from_server()), and merged.  1 with cat
 * filled (cat->source says how many objects came from where), 0 when it
 * does not apply (m has none of them, or partitions or extensions, or the
 * memory declines the rest too: the caller sends the whole model), -1
 * with err set as expected_from_server() sets it.
 */
int	expected_hybrid(PGconn *conn, struct scratch *s, const struct model *m,
	    struct catalog *cat, struct vf_error *err);

/*
 * The expected catalog of m from the server, without the cache: the
 * model's DDL run and read back in the scratch database s when the
 * command has one (s->conn), else in a shadow transaction on conn when
 * the role may open one (scratch.h; s->shadows counts them), else (or
 * when the model is too large for one transaction's locks, or the shadow
 * failed in a way a scratch database may not) in a scratch database s
 * created from conn, when the role has CREATEDB (the caller drops it).
 * 0, or -1 with err set as expected_catalog() sets it; a role that may
 * use neither gets SCRATCH_NEEDS_FMT (VF_EXIT_FAIL).
 */
int	expected_from_server(PGconn *conn, struct scratch *s,
	    const struct model *m, struct catalog *cat, struct vf_error *err);

/*
 * A model loaded on a thread of its own while the caller does something
 * else (diff reads the live catalog, which mostly waits for the server;
 * the load, YAML and every type and expression through libpg_query,
 * which is thread-safe, is this process's own work).  The thread touches
 * nothing but the job.
 */
struct expected_job {
	const char	*path;
	struct model	*m;
	struct vf_error	 err;
	int		 rc;
	int		 threaded;
	pthread_t	 tid;
};

/*
 * Starts model_load(path, m) (in line when no thread can be made); path
 * and m must stay valid until expected_job_wait(), which every start
 * needs.
 */
void	expected_job_start(struct expected_job *j, const char *path,
	    struct model *m);

/* Waits for the load: 0, or -1 with *err set as model_load() sets it. */
int	expected_job_wait(struct expected_job *j, struct vf_error *err);

#endif
