/*
 * scratch.c: scratch databases, shadow transactions (the schema built
 * afresh on the command's own connection, always rolled back) and the
 * signal handling that drops or rolls them back on Ctrl-C.  The handler
 * only cancels the running query (PQcancel() is safe in a signal
 * handler) and sets a flag; the caller fails its step and its cleanup
 * drops the database or rolls the transaction back.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
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
	int		 rc = -1, shadows = s->shadows;

	memset(s, 0, sizeof(*s));
	s->shadows = shadows;
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

/* Runs script between open and close; undo on error. */
static int
run_script(PGconn *conn, const char *script, const char *open,
    const char *close, const char *undo, struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	int		 rc = 0;

	vbuf_init(&sql);
	vbuf_puts(&sql, open);
	vbuf_puts(&sql, script);
	vbuf_puts(&sql, close);
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
		PQclear(PQexec(conn, undo));
	PQclear(PQexec(conn, "RESET search_path"));
	vbuf_free(&sql);
	return (rc);
}

int
scratch_run_script(PGconn *conn, const char *script, struct vf_error *err)
{
	return (run_script(conn, script, "BEGIN;\n", "\n;COMMIT;", "ROLLBACK",
	    err));
}

int
scratch_run_script_in_tx(PGconn *conn, const char *script,
    struct vf_error *err)
{
	return (run_script(conn, script, "SAVEPOINT vf_script;\n",
	    "\n;RELEASE SAVEPOINT vf_script;", "ROLLBACK TO SAVEPOINT "
	    "vf_script; RELEASE SAVEPOINT vf_script", err));
}

int
scratch_access(PGconn *conn, const char *schema, struct scratch_access *a,
    struct vf_error *err)
{
	const char	*params[1];
	PGresult	*res;

	memset(a, 0, sizeof(*a));
	params[0] = schema;
	res = db_query(conn, "SELECT n.oid IS NOT NULL, "
	    "COALESCE(pg_catalog.pg_has_role(n.nspowner, 'USAGE'), false), "
	    "pg_catalog.has_database_privilege(pg_catalog.current_database(), "
	    "'CREATE'), r.rolcreatedb OR r.rolsuper, "
	    "current_user::pg_catalog.text, "
	    "pg_catalog.current_database()::pg_catalog.text, "
	    "pg_catalog.current_setting('max_locks_per_transaction')::bigint * "
	    "(pg_catalog.current_setting('max_connections')::bigint + "
	    "pg_catalog.current_setting('max_prepared_transactions')::bigint) "
	    "FROM pg_catalog.pg_roles r "
	    "LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = $1 "
	    "WHERE r.rolname = current_user", 1, params, PGRES_TUPLES_OK,
	    err);
	if (res == NULL)
		return (-1);
	if (PQntuples(res) == 1) {
		a->has_schema = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
		a->owner = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
		a->create = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		a->createdb = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
		snprintf(a->role, sizeof(a->role), "%s", PQgetvalue(res, 0, 4));
		snprintf(a->db, sizeof(a->db), "%s", PQgetvalue(res, 0, 5));
		a->lock_slots = strtol(PQgetvalue(res, 0, 6), NULL, 10);
	}
	PQclear(res);
	return (0);
}

enum scratch_shadow
scratch_shadow_mode(const struct scratch_access *a)
{
	if (a->create && (a->owner || !a->has_schema))
		return (SCRATCH_SHADOW_RENAME);
	if (a->owner && a->has_schema)
		return (SCRATCH_SHADOW_IN_PLACE);
	return (SCRATCH_SHADOW_NONE);
}

static int
sqlstate_is(const PGresult *res, const char *code)
{
	const char	*state;

	state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	return (state != NULL && strcmp(state, code) == 0);
}

int
scratch_lock_timeout(const PGresult *res)
{
	return (sqlstate_is(res, "55P03"));
}

int
scratch_out_of_locks(const PGresult *res)
{
	return (sqlstate_is(res, "53200"));
}

/*
 * Runs one statement of the shadow's opening; a lock not granted in time
 * and a full lock table are named as such.  0, or -1 with err set (-2
 * when a scratch database may do what the shadow could not: not for a
 * lock or an interrupt).
 */
static int
shadow_exec(PGconn *conn, const char *sql, const char *schema, int n,
    const char *const *params, struct vf_error *err)
{
	PGresult	*res;
	const char	*msg;
	int		 rc = 0;

	res = PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
		rc = -1;
		if (scratch_interrupted())
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "interrupted");
		else if (scratch_lock_timeout(res))
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "schema "
			    "\"%s\" or one of its objects is locked by another "
			    "session (lock_timeout " SCRATCH_LOCK_TIMEOUT "); "
			    "nothing was changed: try again when it is free",
			    schema);
		else if (scratch_out_of_locks(res)) {
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    SCRATCH_NO_LOCKS_MSG);
			rc = -2;
		} else {
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "shadow "
			    "transaction of schema \"%s\": %s", schema,
			    msg != NULL ? msg : PQerrorMessage(conn));
			err->msg[strcspn(err->msg, "\n")] = '\0';
			rc = -2;
		}
	}
	PQclear(res);
	return (rc);
}

/*
 * The statements that empty schema in place (or drop the extensions of
 * the renamed one, ext_only): every object in it that does not come with
 * another (indexes, owned sequences, row and array types) nor with an
 * extension, dropped with CASCADE; grants on the schema revoked.
 */
static const char shadow_drops_sql[] =
	"SELECT 'DROP ' || pg_catalog.upper(o.type) || ' IF EXISTS ' || "
	"o.identity || ' CASCADE' FROM ("
	"SELECT 'pg_catalog.pg_extension'::pg_catalog.regclass AS classid, "
	"e.oid AS objid, 0 AS ord FROM pg_catalog.pg_extension e "
	"WHERE e.extnamespace = $1::pg_catalog.regnamespace "
	"UNION ALL SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 1 "
	"FROM pg_catalog.pg_class c "
	"WHERE c.relnamespace = $1::pg_catalog.regnamespace "
	"AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 2 "
	"FROM pg_catalog.pg_proc p "
	"WHERE p.pronamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 3 "
	"FROM pg_catalog.pg_type t "
	"WHERE t.typnamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, "
	"k.oid, 4 FROM pg_catalog.pg_collation k "
	"WHERE k.collnamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, "
	"op.oid, 4 FROM pg_catalog.pg_operator op "
	"WHERE op.oprnamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, "
	"f.oid, 4 FROM pg_catalog.pg_opfamily f "
	"WHERE f.opfnamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass, "
	"g.oid, 4 FROM pg_catalog.pg_ts_config g "
	"WHERE g.cfgnamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	"UNION ALL SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, "
	"d.oid, 4 FROM pg_catalog.pg_ts_dict d "
	"WHERE d.dictnamespace = $1::pg_catalog.regnamespace AND NOT $2 "
	") x CROSS JOIN LATERAL pg_catalog.pg_identify_object(x.classid, "
	"x.objid, 0) o "
	"WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
	"WHERE d.classid = x.classid AND d.objid = x.objid "
	"AND d.deptype IN ('e', 'i', 'a')) "
	"UNION ALL SELECT * FROM (SELECT 'REVOKE ALL ON SCHEMA ' || "
	"pg_catalog.quote_ident(n.nspname) || ' FROM ' || "
	"CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident("
	"pg_catalog.pg_get_userbyid(a.grantee)) END || ' CASCADE' "
	"FROM pg_catalog.pg_namespace n "
	"CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a "
	"WHERE n.oid = $1::pg_catalog.regnamespace AND NOT $2 "
	"AND a.grantee <> n.nspowner GROUP BY n.nspname, a.grantee) r";

/* Runs the drops above for schema (quoted), ext_only or not. */
static int
shadow_drops(PGconn *conn, const char *quoted, const char *schema,
    int ext_only, struct vf_error *err)
{
	const char	*params[2];
	PGresult	*res;
	int		 i, rc = 0;

	params[0] = quoted;
	params[1] = ext_only ? "true" : "false";
	res = db_query(conn, shadow_drops_sql, 2, params, PGRES_TUPLES_OK,
	    err);
	if (res == NULL)
		return (-1);
	for (i = 0; rc >= 0 && i < PQntuples(res); i++)
		rc = shadow_exec(conn, PQgetvalue(res, i, 0), schema, 0, NULL,
		    err);
	PQclear(res);
	return (rc);
}

static PGcancel	*shadow_saved_cancel;

int
scratch_shadow_begin(PGconn *conn, const char *schema,
    enum scratch_shadow mode, struct vf_error *err)
{
	static unsigned	 counter;
	struct vbuf	 sql, quoted;
	PGresult	*res;
	const char	*params[1];
	char		 name[64];
	int		 exists, rc = -1;

	shadow_saved_cancel = scratch_cancel;
	scratch_cancel = PQgetCancel(conn);
	catch_signals(1);
	vbuf_init(&sql);
	vbuf_init(&quoted);
	vf_quote_ident(&quoted, schema);
	if (mode == SCRATCH_SHADOW_NONE) {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "no shadow "
		    "transaction of schema \"%s\" for this role", schema);
		goto done;
	}
	if ((rc = shadow_exec(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ",
	    schema, 0, NULL, err)) < 0 ||
	    (rc = shadow_exec(conn, "SET LOCAL lock_timeout = '"
	    SCRATCH_LOCK_TIMEOUT "'", schema, 0, NULL, err)) < 0)
		goto done;
	rc = -1;
	params[0] = schema;
	res = db_query(conn, "SELECT 1 FROM pg_catalog.pg_namespace "
	    "WHERE nspname = $1", 1, params, PGRES_TUPLES_OK, err);
	if (res == NULL)
		goto done;
	exists = PQntuples(res) == 1;
	PQclear(res);
	if (exists && mode == SCRATCH_SHADOW_IN_PLACE) {
		rc = shadow_drops(conn, quoted.data, schema, 0, err);
		goto done;
	}
	if (exists) {
		snprintf(name, sizeof(name), "vf_shadow_%ld_%ld_%u",
		    (long)getpid(), (long)time(NULL), counter++);
		vbuf_appendf(&sql, "ALTER SCHEMA %s RENAME TO ", quoted.data);
		vf_quote_ident(&sql, name);
		if ((rc = shadow_exec(conn, sql.data, schema, 0, NULL,
		    err)) < 0)
			goto done;
		vbuf_reset(&quoted);
		vf_quote_ident(&quoted, name);
		if ((rc = shadow_drops(conn, quoted.data, schema, 1, err)) < 0)
			goto done;
	}
	vbuf_reset(&sql);
	vbuf_puts(&sql, "CREATE SCHEMA ");
	vf_quote_ident(&sql, schema);
	rc = shadow_exec(conn, sql.data, schema, 0, NULL, err);
done:
	vbuf_free(&sql);
	vbuf_free(&quoted);
	return (rc);
}

void
scratch_shadow_end(PGconn *conn)
{
	PGcancel	*c = scratch_cancel;

	if (PQtransactionStatus(conn) != PQTRANS_IDLE)
		PQclear(PQexec(conn, "ROLLBACK"));
	scratch_cancel = shadow_saved_cancel;
	shadow_saved_cancel = NULL;
	PQfreeCancel(c);
	if (scratch_cancel == NULL)
		catch_signals(0);
}
