/*
 * apperr.h: what HTTP answer a failed database statement gets, without
 * kore or libpq: transient failures (the database going away, a write
 * pause such as `verifier move --cutover`, lock and serialization
 * conflicts) are 503 with Retry-After, bad values 422, the rest 500.
 */
#ifndef APPS_APPERR_H
#define APPS_APPERR_H

/* The Retry-After every 503 of the apps carries, in seconds. */
#define APPERR_RETRY_AFTER	"1"

struct apperr {
	int		 status;	/* 503, 422 or 500 */
	const char	*code;		/* the error document's "error" */
	const char	*message;	/* its "message" */
};

/*
 * The answer to a failed statement: sqlstate is PostgreSQL's SQLSTATE
 * (NULL when there was no server answer: no connection, a broken one),
 * broken says the connection is no longer usable, write that the
 * statement writes (apperr_is_write()).  503 for connection exceptions
 * (08), shutdowns and cannot-connect-now (57P), resources (53), a
 * statement gone from the session (26000), read-only transactions
 * (25006), lock not available (55P03), serialization failures and
 * deadlocks (40001, 40P01), and insufficient privilege (42501) on a
 * write, which is how a write pause revokes; 422 for data and integrity
 * errors (22, 23); 500 otherwise.  Never fails.
 */
void	apperr_map(const char *sqlstate, int broken, int write,
	    struct apperr *out);

/*
 * Whether sql writes: it has the keyword INSERT, UPDATE, DELETE or MERGE
 * (any case, a whole word, outside quotes and comments).  Returns 1 or 0.
 */
int	apperr_is_write(const char *sql);

#endif
