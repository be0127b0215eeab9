/*
 * db.h: libpq the pg_dump way: one connect helper, one query helper that
 * checks the status and reports the server's message.
 */
#ifndef VERIFIER_DB_H
#define VERIFIER_DB_H

#include <libpq-fe.h>

#include "util.h"

/*
 * Connects with libpq's conventions: conninfo (a URL or key=value string)
 * when not NULL, else $DATABASE_URL, else libpq's PG* variables.
 * Returns a connection the caller closes with PQfinish(), or NULL with
 * err set (code VF_EXIT_FAIL).
 */
PGconn	*db_connect(const char *conninfo, struct vf_error *);

/*
 * Connects to database dbname with every other setting of base (host,
 * port, user, password...).  NULL with err set (VF_EXIT_FAIL) on failure.
 */
PGconn	*db_connect_like(PGconn *base, const char *dbname, struct vf_error *);

/*
 * Runs sql with text parameters $1..$n (params may be NULL when n is 0)
 * and checks the result status against expect (PGRES_COMMAND_OK or
 * PGRES_TUPLES_OK).  Returns the result, which the caller PQclear()s, or
 * NULL with err set to the server's message (code VF_EXIT_FAIL).
 */
PGresult	*db_query(PGconn *, const char *sql, int n,
		    const char *const *params, ExecStatusType expect,
		    struct vf_error *);

/* db_query() for statements whose result is not needed. 0 or -1. */
int	 db_exec(PGconn *, const char *sql, int n, const char *const *params,
	    struct vf_error *);

#endif
