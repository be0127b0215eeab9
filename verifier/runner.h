/*
 * runner.h: applying migration files to one schema: version table,
 * checksums, a per-schema advisory lock, one transaction per file.
 * Used by `verifier migrate|down|status` and by the apps on start.
 */
#ifndef VERIFIER_RUNNER_H
#define VERIFIER_RUNNER_H

#include <stdio.h>

#include <libpq-fe.h>

#include "util.h"

struct runner_opts {
	const char	*schema;	/* required */
	const char	*dir;		/* migrations folder; NULL: migrations/<schema> */
	const char	*target;	/* --to VERSION, or NULL for head */
	int		 allow_out_of_order;
	int		 dry_run;	/* print what would run, change nothing */
	const char	*lock_timeout;	/* e.g. "10s"; NULL: "10s" */
	const char	*role;		/* SET ROLE to this; NULL: the schema's owner
					   when the session may, "" : never */
	FILE		*out;		/* progress lines; NULL: silent */
	int		 in_tx;		/* runner_migrate() inside the caller's
					   transaction (a shadow, scratch.h):
					   each file in a savepoint, no
					   advisory lock */
	int		 lock_tries;	/* tries of a file that fails on a lock
					   timeout; 0: $VERIFIER_LOCK_TRIES,
					   else RUNNER_LOCK_TRIES */
	int		 lock_backoff_ms;	/* first wait between them,
					   doubling; 0: $VERIFIER_LOCK_BACKOFF_MS,
					   else RUNNER_LOCK_BACKOFF_MS */
};

/* A file that fails on a lock timeout (SQLSTATE 55P03) is tried this many
   times in all, waiting this long before the second try, twice as long
   before each next one. */
#define RUNNER_LOCK_TRIES	5
#define RUNNER_LOCK_BACKOFF_MS	200

/* Name of the version table inside the schema (util.h). */
#define RUNNER_VERSION_TABLE	VF_VERSION_TABLE

/*
 * Applies every pending file up to opts->target (head when NULL), each in
 * its own transaction, under the schema's advisory lock, which is released
 * before return.  Creates the version table if missing.  Refuses, naming
 * the file, an edited applied file, an applied version without a file, and
 * a pending file older than the newest applied one (unless
 * allow_out_of_order).  Returns 0, or -1 with err set: code VF_EXIT_USAGE
 * for bad input (no such schema, unreadable folder, bad file, refusal),
 * VF_EXIT_FAIL when the server rejected a migration (err names the file,
 * its line and the server's message).  A file that fails on a lock
 * timeout is tried again (opts->lock_tries), each retry said on
 * opts->out.  *applied, when not NULL, gets the
 * number of files applied.
 */
int	runner_migrate(PGconn *, const struct runner_opts *, int *applied,
	    struct vf_error *);

/*
 * Runs down sections in reverse order: the newest `steps` applied files,
 * or, when opts->target is set, every applied file newer than it.
 */
int	runner_down(PGconn *, const struct runner_opts *, int steps,
	    struct vf_error *);

/*
 * Prints applied (with time and checksum), pending, edited and missing
 * files to opts->out.  Returns 0 when clean (nothing pending, edited or
 * missing), 1 when not clean, -1 on error.
 */
int	runner_status(PGconn *, const struct runner_opts *, struct vf_error *);

/*
 * The newest applied version of the schema into buf ("" when none or no
 * version table yet).  0 or -1.
 */
int	runner_current_version(PGconn *, const char *schema, char *buf,
	    size_t len, struct vf_error *);

/*
 * Appends the query of the newest applied version of schema (one row, or
 * none; the version table must exist): runner_current_version()'s, for
 * callers that run it themselves (the apps' /healthz, prepared).
 */
void	runner_version_sql(struct vbuf *, const char *schema);

#endif
