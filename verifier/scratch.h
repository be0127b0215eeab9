/*
 * scratch.h: places made to be thrown away, where the model's DDL runs
 * or the migrations are replayed so that PostgreSQL prints the catalog:
 * a scratch database (needs CREATEDB), created with a unique name and
 * dropped at the end; or a shadow transaction on the connection the
 * command already has, where the schema is built afresh under its own
 * name and which is always rolled back, so that nothing of it is ever
 * committed.  While either exists, SIGINT, SIGTERM and SIGHUP cancel the
 * running query instead of killing the process, so the command fails its
 * step and drops the database or rolls the transaction back (and a
 * process killed outright has its transaction rolled back by the server).
 */
#ifndef VERIFIER_SCRATCH_H
#define VERIFIER_SCRATCH_H

#include <libpq-fe.h>

#include "util.h"

/* Zero-initialised (memset) before its first use. */
struct scratch {
	PGconn	*admin;		/* the connection it was created from */
	PGconn	*conn;		/* connected to the scratch database */
	char	 name[64];	/* "" when there is none */
	int	 shadows;	/* shadow transactions opened for the command */
};

/*
 * What a role that can use neither a shadow nor a scratch database is
 * told (printf arguments: role, schema, schema, database).
 */
#define SCRATCH_NEEDS_FMT \
	"role \"%s\" can build schema \"%s\" neither in a shadow " \
	"transaction (it needs to own schema \"%s\", or CREATE on database " \
	"\"%s\" when the schema does not exist) nor in a scratch database " \
	"(it needs CREATEDB)"

/*
 * Creates a scratch database with a unique name on admin's server
 * (the role needs CREATEDB), connects s->conn to it and catches the
 * signals above; the database has the schema VF_EXTENSIONS_SCHEMA, as
 * initdb/ makes it (s->shadows is kept; the rest of s is overwritten).
 * admin must stay open until scratch_drop().  Returns 0,
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

/*
 * scratch_run_script() inside the transaction conn is in (a shadow): in
 * a savepoint, rolled back to on error, so that the transaction goes on.
 */
int	scratch_run_script_in_tx(PGconn *conn, const char *script,
	    struct vf_error *err);

/*
 * What the session's role may do in the database it is connected to,
 * for a schema: which of the two places it can use.
 */
struct scratch_access {
	int	has_schema;	/* the schema exists */
	int	owner;		/* the role has its owner's privileges */
	int	create;		/* CREATE on the database */
	int	createdb;	/* CREATEDB, or superuser */
	long	lock_slots;	/* PostgreSQL's lock table: locks all
				   sessions may hold at once */
	char	role[64];	/* current_user */
	char	db[64];		/* current_database() */
};

/* Fills a for schema on conn (outside a transaction).  0 or -1. */
int	scratch_access(PGconn *conn, const char *schema,
	    struct scratch_access *a, struct vf_error *err);

/*
 * The shadow a role may open (see scratch_shadow_begin()): RENAME when
 * it has CREATE on the database and owns the schema or it does not
 * exist; IN_PLACE when it owns the schema but has no CREATE on the
 * database; NONE otherwise.
 */
enum scratch_shadow {
	SCRATCH_SHADOW_NONE = 0,
	SCRATCH_SHADOW_RENAME,
	SCRATCH_SHADOW_IN_PLACE
};
enum scratch_shadow	scratch_shadow_mode(const struct scratch_access *a);

/* What a shadow that filled PostgreSQL's lock table is told. */
#define SCRATCH_NO_LOCKS_MSG \
	"the shadow transaction ran out of PostgreSQL's lock table (raise " \
	"max_locks_per_transaction, or give the role CREATEDB for a scratch " \
	"database); nothing was changed"

/* How long a shadow waits for a lock before it fails. */
#define SCRATCH_LOCK_TIMEOUT	"5s"

/*
 * Opens a shadow of schema on conn: BEGIN (repeatable read), a local
 * lock_timeout of SCRATCH_LOCK_TIMEOUT, then an empty schema of that
 * name: with RENAME the existing one is renamed to a unique name (no
 * lock on its objects) and a new one created; with IN_PLACE every object
 * in it is dropped (each is locked until the rollback) and its grants
 * revoked.  Extensions installed in the schema are dropped in both (the
 * model creates them again).  Catches the signals as scratch_create()
 * does.  Returns 0, or -1 with err set (VF_EXIT_FAIL; a lock not granted
 * in time is said so), or -2 with err set when a scratch database may do
 * what the shadow could not (PostgreSQL's lock table full, err then
 * SCRATCH_NO_LOCKS_MSG; an object of the schema the role may not drop,
 * e.g. an extension it does not own); either way the caller ends it with
 * scratch_shadow_end(), and until then conn is inside the transaction.
 */
int	scratch_shadow_begin(PGconn *conn, const char *schema,
	    enum scratch_shadow mode, struct vf_error *err);

/*
 * Rolls the shadow on conn back (whatever state it is in: nothing of it
 * is ever committed) and restores the signal handling.
 */
void	scratch_shadow_end(PGconn *conn);

/*
 * Whether a failed result is PostgreSQL refusing a lock within
 * lock_timeout (55P03), or its lock table full (53200, "out of shared
 * memory": max_locks_per_transaction).
 */
int	scratch_lock_timeout(const PGresult *res);
int	scratch_out_of_locks(const PGresult *res);

#endif
