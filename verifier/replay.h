/*
 * replay.h: a schema's migrations folder replayed from empty in a scratch
 * database or a shadow transaction (scratch.h), the way check and draft
 * learn what the migrations make.
 */
#ifndef VERIFIER_REPLAY_H
#define VERIFIER_REPLAY_H

#include <libpq-fe.h>

#include "util.h"

/*
 * Whether dir holds a *.sql file; 1 too when dir cannot be opened, so
 * that the loader reports it.  (sqlfile_load_dir() on a folder without
 * one hands qsort() a NULL array, which UBSan rejects: callers skip it.)
 */
int	replay_has_files(const char *dir);

/*
 * Empties schema on conn (a scratch database) and applies every file of
 * dir to it with the runner, as the session's own role.  *applied (when
 * not NULL) gets the number of files applied.  0, or -1 with err set as
 * runner_migrate() sets it.
 */
int	replay_migrations(PGconn *conn, const char *schema, const char *dir,
	    int *applied, struct vf_error *err);

/*
 * replay_migrations() inside the shadow transaction conn is in, whose
 * schema is already empty: each file in a savepoint.  A transaction:false
 * file with a statement PostgreSQL refuses in a transaction block fails
 * with err saying that it needs a scratch database.
 */
int	replay_migrations_in_tx(PGconn *conn, const char *schema,
	    const char *dir, int *applied, struct vf_error *err);

#endif
