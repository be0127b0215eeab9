/*
 * scratch.c: scratch databases and the signal handling that drops them on
 * Ctrl-C.  The handler only cancels the running query (PQcancel() is safe
 * in a signal handler) and sets a flag; the caller fails its step and its
 * cleanup drops the database.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "scratch.h"

static PGcancel *volatile	scratch_cancel;
static volatile sig_atomic_t	interrupted;

static void
on_signal(int sig)
{
	char	errbuf[256];

	interrupted = 1;
	if (scratch_cancel != NULL)
		(void)PQcancel(scratch_cancel, errbuf, sizeof(errbuf));
}

static void
catch_signals(int on)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on ? on_signal : SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int
scratch_create(PGconn *admin, struct scratch *s, struct vf_error *err)
{
	static unsigned	 counter;
	struct vbuf	 sql;
	char		 why[sizeof(err->msg)];
	int		 rc = -1;

	memset(s, 0, sizeof(*s));
	s->admin = admin;
	snprintf(s->name, sizeof(s->name), "vf_scratch_%ld_%ld_%u",
	    (long)getpid(), (long)time(NULL), counter++);
	vbuf_init(&sql);
	vbuf_puts(&sql, "CREATE DATABASE ");
	vf_quote_ident(&sql, s->name);
	vbuf_puts(&sql, " TEMPLATE template0");
	if (db_exec(admin, sql.data, 0, NULL, err) == -1) {
		s->name[0] = '\0';
		snprintf(why, sizeof(why), "%s", err->msg);
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "cannot create a "
		    "scratch database (the role needs CREATEDB): %s", why);
		goto done;
	}
	catch_signals(1);
	if ((s->conn = db_connect_like(admin, s->name, err)) == NULL)
		goto done;
	/* A scratch database is thrown away: no commit waits for the disk. */
	PQclear(PQexec(s->conn, "SET synchronous_commit = off"));
	/* As initdb/ makes it: migrations install extensions there. */
	if (db_exec(s->conn, "CREATE SCHEMA " VF_EXTENSIONS_SCHEMA, 0, NULL,
	    err) == -1)
		goto done;
	scratch_cancel = PQgetCancel(s->conn);
	rc = 0;
done:
	vbuf_free(&sql);
	return (rc);
}

int
scratch_drop(struct scratch *s, struct vf_error *err)
{
	struct vbuf	 sql;
	PGcancel	*c = scratch_cancel;
	char		 why[sizeof(err->msg)];
	int		 rc = 0;

	scratch_cancel = NULL;
	PQfreeCancel(c);
	PQfinish(s->conn);
	s->conn = NULL;
	if (s->name[0] == '\0' || s->admin == NULL)
		return (0);
	vbuf_init(&sql);
	vbuf_puts(&sql, "DROP DATABASE IF EXISTS ");
	vf_quote_ident(&sql, s->name);
	vbuf_puts(&sql, " WITH (FORCE)");
	if (db_exec(s->admin, sql.data, 0, NULL, err) == -1) {
		snprintf(why, sizeof(why), "%s", err->msg);
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "could not drop the "
		    "scratch database %s: %s", s->name, why);
		rc = -1;
	}
	vbuf_free(&sql);
	s->name[0] = '\0';
	catch_signals(0);
	return (rc);
}

int
scratch_interrupted(void)
{
	return (interrupted != 0);
}

int
scratch_reset_schema(PGconn *conn, const char *schema, struct vf_error *err)
{
	struct vbuf	sql;
	int		rc;

	vbuf_init(&sql);
	vbuf_puts(&sql, "DROP SCHEMA IF EXISTS ");
	vf_quote_ident(&sql, schema);
	vbuf_puts(&sql, " CASCADE");
	rc = db_exec(conn, sql.data, 0, NULL, err);
	if (rc == 0) {
		vbuf_reset(&sql);
		vbuf_puts(&sql, "CREATE SCHEMA ");
		vf_quote_ident(&sql, schema);
		rc = db_exec(conn, sql.data, 0, NULL, err);
	}
	vbuf_free(&sql);
	return (rc);
}

int
scratch_run_script(PGconn *conn, const char *script, struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	int		 rc = 0;

	vbuf_init(&sql);
	vbuf_puts(&sql, "BEGIN;\n");
	vbuf_puts(&sql, script);
	vbuf_puts(&sql, "\n;COMMIT;");
	res = PQexec(conn, sql.data);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "%s",
		    PQerrorMessage(conn));
		err->msg[strcspn(err->msg, "\n")] = '\0';
		rc = -1;
	}
	PQclear(res);
	if (rc == -1)
		PQclear(PQexec(conn, "ROLLBACK"));
	PQclear(PQexec(conn, "RESET search_path"));
	vbuf_free(&sql);
	return (rc);
}
