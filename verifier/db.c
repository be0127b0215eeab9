/*
 * db.c: connecting with libpq's conventions and running checked queries.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"

/* Notices ("relation exists, skipping") are not the user's business. */
static void
quiet(void *arg, const char *message)
{
}

/* Drops libpq's trailing newline from a message. */
static void
chomp(char *s)
{
	size_t	n;

	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

PGconn *
db_connect(const char *conninfo, struct vf_error *err)
{
	PGconn	*conn;

	if (conninfo == NULL || *conninfo == '\0')
		conninfo = getenv("DATABASE_URL");
	if (conninfo == NULL)
		conninfo = "";
	conn = PQconnectdb(conninfo);
	if (conn == NULL) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot connect: out of memory");
		return (NULL);
	}
	if (PQstatus(conn) != CONNECTION_OK) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot connect to the database: %s", PQerrorMessage(conn));
		chomp(err->msg);
		PQfinish(conn);
		return (NULL);
	}
	/* Keep notices (e.g. "relation exists, skipping") off our output. */
	PQsetNoticeProcessor(conn, quiet, NULL);
	return (conn);
}

PGconn *
db_connect_like(PGconn *base, const char *dbname, struct vf_error *err)
{
	PQconninfoOption	*opts, *o;
	const char		**keys, **vals;
	PGconn			*conn;
	size_t			 n = 0;

	if ((opts = PQconninfo(base)) == NULL) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "out of memory");
		return (NULL);
	}
	for (o = opts; o->keyword != NULL; o++)
		n++;
	keys = xcalloc(n + 2, sizeof(*keys));
	vals = xcalloc(n + 2, sizeof(*vals));
	n = 0;
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL || *o->val == '\0' ||
		    strcmp(o->keyword, "dbname") == 0)
			continue;
		keys[n] = o->keyword;
		vals[n++] = o->val;
	}
	keys[n] = "dbname";
	vals[n++] = dbname;
	conn = PQconnectdbParams(keys, vals, 0);
	free(keys);
	free(vals);
	PQconninfoFree(opts);
	if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot connect to database %s: %s", dbname,
		    conn != NULL ? PQerrorMessage(conn) : "out of memory");
		if (err != NULL)
			chomp(err->msg);
		PQfinish(conn);
		return (NULL);
	}
	PQsetNoticeProcessor(conn, quiet, NULL);
	return (conn);
}

/*
 * Runs sql and accepts a result of status ok1 or ok2; the message of
 * anything else goes to err.
 */
static PGresult *
run(PGconn *conn, const char *sql, int n, const char *const *params,
    ExecStatusType ok1, ExecStatusType ok2, struct vf_error *err)
{
	PGresult	*res;

	res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
	if (res != NULL && (PQresultStatus(res) == ok1 ||
	    PQresultStatus(res) == ok2))
		return (res);
	if (res != NULL && PQresultErrorMessage(res)[0] == '\0')
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "query returned %s, expected %s",
		    PQresStatus(PQresultStatus(res)), PQresStatus(ok1));
	else
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "%s",
		    res != NULL ? PQresultErrorMessage(res) :
		    PQerrorMessage(conn));
	if (err != NULL)
		chomp(err->msg);
	PQclear(res);
	return (NULL);
}

PGresult *
db_query(PGconn *conn, const char *sql, int n, const char *const *params,
    ExecStatusType expect, struct vf_error *err)
{
	return (run(conn, sql, n, params, expect, expect, err));
}

int
db_exec(PGconn *conn, const char *sql, int n, const char *const *params,
    struct vf_error *err)
{
	PGresult	*res;

	/* Any success will do: a SELECT of a function is a command here. */
	res = run(conn, sql, n, params, PGRES_COMMAND_OK, PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	PQclear(res);
	return (0);
}
