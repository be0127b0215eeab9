/*
 * scratch.h: scratch databases, made to be thrown away: the expected
 * catalog is PostgreSQL's reading of the model's DDL run in one, and
 * migrations are replayed in one.  Each is created with a unique name
 * and dropped at the end, also on error and on Ctrl-C: while one exists,
 * SIGINT, SIGTERM and SIGHUP cancel the running query instead of killing
 * the process, so the command fails its step and drops the database.
 */
#ifndef VERIFIER_SCRATCH_H
#define VERIFIER_SCRATCH_H

#include <libpq-fe.h>

#include "util.h"

/* Zero-initialised (memset) when it may reach scratch_drop() uncreated. */
struct scratch {
	PGconn	*admin;		/* the connection it was created from */
	PGconn	*conn;		/* connected to the scratch database */
	char	 name[64];	/* "" when there is none */
};

/*
 * Creates a scratch database with a unique name on admin's server
 * (the role needs CREATEDB), connects s->conn to it and catches the
 * signals above; the database has the schema VF_EXTENSIONS_SCHEMA, as
 * initdb/ makes it.  admin must stay open until scratch_drop().  Returns 0,
 * or -1 with err set; either way release s with scratch_drop().
 */
int	scratch_create(PGconn *admin, struct scratch *s, struct vf_error *err);

/*
 * Closes s->conn, drops the scratch database whatever state it is in and
 * restores the default signal handling.  Nothing to do when none was
 * created.  Returns 0, or -1 with err naming the database when the DROP
 * failed (it may be left behind).
 */
int	scratch_drop(struct scratch *s, struct vf_error *err);

/*
 * Whether a signal came while a scratch database existed: the caller
 * stops as soon as it sees it and, after scratch_drop(), exits with 130.
 */
int	scratch_interrupted(void);

/* Drops schema (CASCADE) on conn and creates it again, empty.  0 or -1. */
int	scratch_reset_schema(PGconn *conn, const char *schema,
	    struct vf_error *err);

/*
 * Runs a script of several statements on conn in one transaction (rolled
 * back on error), then resets search_path.  0, or -1 with err holding the
 * first line of the server's message.
 */
int	scratch_run_script(PGconn *conn, const char *script,
	    struct vf_error *err);

#endif
