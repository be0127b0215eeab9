/*
 * runner.c: applies migration files to one schema.  One session advisory
 * lock per schema serialises runners; each file runs in its own
 * transaction together with the insert of its version row, so a file is
 * either applied and recorded or not there at all.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "pgtree.h"
#include "runner.h"
#include "sqlfile.h"

/* First key of the two-key advisory lock: "vf" for the verifier. */
#define RUNNER_LOCK_CLASS	"22118"

static void
sleep_ms(int ms)
{
	struct timespec	ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/*
 * Takes the schema's session advisory lock, trying every 50 ms rather
 * than waiting in pg_advisory_lock(): a runner blocked in a statement
 * holds a snapshot, and CREATE INDEX CONCURRENTLY in the lock holder's
 * transaction:false file waits for every older snapshot to go, while the
 * waiter waits for the holder: two pods starting at once would deadlock
 * (PostgreSQL aborts one).  Between tries no transaction is open.
 * Returns 0, or -1 with err set.
 */
static int
lock_schema(PGconn *conn, const char *schema, struct vf_error *err)
{
	PGresult	*res;
	const char	*params[1];
	int		 got;

	params[0] = schema;
	for (;;) {
		res = db_query(conn, "SELECT pg_catalog.pg_try_advisory_lock("
		    RUNNER_LOCK_CLASS ", pg_catalog.hashtext($1))", 1, params,
		    PGRES_TUPLES_OK, err);
		if (res == NULL)
			return (-1);
		got = PQntuples(res) == 1 &&
		    strcmp(PQgetvalue(res, 0, 0), "t") == 0;
		PQclear(res);
		if (got)
			return (0);
		sleep_ms(50);
	}
}

struct applied {
	char	*version;
	char	*checksum;
	char	*description;
	char	*applied_at;
	char	*execution_ms;
	char	*applied_by;
};

struct run {
	PGconn			*conn;
	const struct runner_opts *opts;
	char			*dir;
	struct sqlfile		*files;
	size_t			 nfiles;
	struct applied		*applied;
	size_t			 napplied;
	int			 locked;
	int			 role_set;
	int			 have_table;
	struct vbuf		 table;		/* "schema".schema_migrations */
	char			 state[6];	/* SQLSTATE of the last failure */
};

static void
say(const struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
say(const struct run *r, const char *fmt, ...)
{
	va_list	ap;

	if (r->opts->out == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(r->opts->out, fmt, ap);
	va_end(ap);
	fflush(r->opts->out);
}

static void
applied_free(struct run *r)
{
	size_t	i;

	for (i = 0; i < r->napplied; i++) {
		free(r->applied[i].version);
		free(r->applied[i].checksum);
		free(r->applied[i].description);
		free(r->applied[i].applied_at);
		free(r->applied[i].execution_ms);
		free(r->applied[i].applied_by);
	}
	free(r->applied);
	r->applied = NULL;
	r->napplied = 0;
}

static void
run_cleanup(struct run *r)
{
	struct vf_error	ignore;
	const char	*params[1];

	params[0] = r->opts->schema;
	if (r->locked)
		(void)db_exec(r->conn, "SELECT pg_catalog.pg_advisory_unlock("
		    RUNNER_LOCK_CLASS ", pg_catalog.hashtext($1))", 1, params,
		    &ignore);
	if (r->role_set)
		(void)db_exec(r->conn, "RESET ROLE", 0, NULL, &ignore);
	applied_free(r);
	if (r->files != NULL)
		sqlfile_free_list(r->files, r->nfiles);
	free(r->dir);
	vbuf_free(&r->table);
}

/*
 * Everything before applying: files, schema, role, lock, version table and
 * the applied rows.  With create_table 0 a missing version table is not
 * created (dry runs and status change nothing).
 */
static int
run_prepare(struct run *r, PGconn *conn, const struct runner_opts *opts,
    int create_table, struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	const char	*params[2];
	const char	*owner, *role;
	size_t		 i;
	int		 rc;

	memset(r, 0, sizeof(*r));
	r->conn = conn;
	r->opts = opts;
	vbuf_init(&r->table);
	if (opts->schema == NULL || *opts->schema == '\0')
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "no schema given: expected --schema NAME"));
	vf_quote_ident(&r->table, opts->schema);
	vbuf_puts(&r->table, "." RUNNER_VERSION_TABLE);
	if (opts->dir != NULL)
		r->dir = xstrdup(opts->dir);
	else {
		vbuf_init(&sql);
		vbuf_appendf(&sql, "migrations/%s", opts->schema);
		r->dir = vbuf_steal(&sql);
	}
	if (sqlfile_load_dir(r->dir, &r->files, &r->nfiles, err) == -1)
		return (-1);

	params[0] = opts->schema;
	res = db_query(conn, "SELECT pg_catalog.pg_get_userbyid(n.nspowner), "
	    "pg_catalog.pg_has_role(n.nspowner, 'MEMBER'), "
	    "current_user = pg_catalog.pg_get_userbyid(n.nspowner) "
	    "FROM pg_catalog.pg_namespace n WHERE n.nspname = $1",
	    1, params, PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "no such schema: %s (create it first, e.g. in initdb/)",
		    opts->schema));
	}
	/* Objects a migration creates belong to the schema's owner. */
	owner = PQgetvalue(res, 0, 0);
	role = opts->role;
	if (role == NULL && strcmp(PQgetvalue(res, 0, 2), "f") == 0 &&
	    strcmp(PQgetvalue(res, 0, 1), "t") == 0)
		role = owner;
	rc = 0;
	if (role != NULL && *role != '\0') {
		vbuf_init(&sql);
		vbuf_puts(&sql, "SET ROLE ");
		vf_quote_ident(&sql, role);
		rc = db_exec(conn, sql.data, 0, NULL, err);
		vbuf_free(&sql);
		if (rc == 0)
			r->role_set = 1;
	}
	PQclear(res);
	if (rc == -1)
		return (-1);

	/*
	 * A runner killed mid-statement must not leave its backend running
	 * (and holding the lock) until the statement ends.
	 */
	if (db_exec(conn, "SET client_connection_check_interval = '1s'", 0,
	    NULL, err) == -1)
		return (-1);

	/*
	 * Runners of one schema queue here; other schemas never wait.  A
	 * replay in the caller's transaction works on a schema no other
	 * session can see.
	 */
	if (!opts->in_tx && lock_schema(conn, params[0], err) == -1)
		return (-1);
	r->locked = !opts->in_tx;

	params[1] = RUNNER_VERSION_TABLE;
	res = db_query(conn, "SELECT 1 FROM pg_catalog.pg_class c "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	    "WHERE n.nspname = $1 AND c.relname = $2", 2, params,
	    PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	r->have_table = PQntuples(res) == 1;
	PQclear(res);
	if (!r->have_table && create_table) {
		vbuf_init(&sql);
		vbuf_appendf(&sql, "CREATE TABLE %s ("
		    "version text PRIMARY KEY, description text NOT NULL, "
		    "checksum text NOT NULL, applied_at timestamptz NOT NULL "
		    "DEFAULT now(), execution_ms integer NOT NULL, "
		    "applied_by text NOT NULL DEFAULT session_user)",
		    r->table.data);
		rc = db_exec(conn, sql.data, 0, NULL, err);
		vbuf_free(&sql);
		if (rc == -1)
			return (-1);
		r->have_table = 1;
	}
	if (!r->have_table)
		return (0);

	vbuf_init(&sql);
	vbuf_appendf(&sql, "SELECT version, checksum, description, "
	    "to_char(applied_at AT TIME ZONE 'UTC', "
	    "'YYYY-MM-DD HH24:MI:SS\"Z\"'), execution_ms, applied_by "
	    "FROM %s ORDER BY length(version), version", r->table.data);
	res = db_query(conn, sql.data, 0, NULL, PGRES_TUPLES_OK, err);
	vbuf_free(&sql);
	if (res == NULL)
		return (-1);
	r->napplied = (size_t)PQntuples(res);
	r->applied = xcalloc(r->napplied, sizeof(*r->applied));
	for (i = 0; i < r->napplied; i++) {
		r->applied[i].version = xstrdup(PQgetvalue(res, (int)i, 0));
		r->applied[i].checksum = xstrdup(PQgetvalue(res, (int)i, 1));
		r->applied[i].description = xstrdup(PQgetvalue(res, (int)i, 2));
		r->applied[i].applied_at = xstrdup(PQgetvalue(res, (int)i, 3));
		r->applied[i].execution_ms = xstrdup(PQgetvalue(res, (int)i, 4));
		r->applied[i].applied_by = xstrdup(PQgetvalue(res, (int)i, 5));
	}
	PQclear(res);
	return (0);
}

static struct sqlfile *
file_of(const struct run *r, const char *version)
{
	size_t	i;

	for (i = 0; i < r->nfiles; i++)
		if (sqlfile_version_cmp(r->files[i].version, version) == 0)
			return (&r->files[i]);
	return (NULL);
}

static const struct applied *
applied_of(const struct run *r, const char *version)
{
	size_t	i;

	for (i = 0; i < r->napplied; i++)
		if (sqlfile_version_cmp(r->applied[i].version, version) == 0)
			return (&r->applied[i]);
	return (NULL);
}

/* Refuses edited applied files and applied versions without a file. */
static int
verify_applied(const struct run *r, struct vf_error *err)
{
	const struct sqlfile	*f;
	size_t			 i;

	for (i = 0; i < r->napplied; i++) {
		f = file_of(r, r->applied[i].version);
		if (f == NULL)
			return (vf_error_set(err, VF_EXIT_USAGE, r->dir, 0, 0,
			    "applied version %s (%s) has no file in this "
			    "folder: restore the file, or roll it back where "
			    "it exists", r->applied[i].version,
			    r->applied[i].description));
		if (strcmp(f->checksum, r->applied[i].checksum) != 0)
			return (vf_error_set(err, VF_EXIT_USAGE, f->path, 0, 0,
			    "edited after it was applied (checksum %.12s, "
			    "applied %.12s): restore it and put the change in "
			    "a new migration", f->checksum,
			    r->applied[i].checksum));
	}
	return (0);
}

/*
 * A replay in the caller's transaction (a shadow, opts->in_tx) of a
 * transaction:false file: CONCURRENTLY cannot run in a transaction block,
 * and on the replay's tables it changes nothing of the catalog it builds
 * (only how long others would wait), so the keyword is blanked out of
 * CREATE INDEX, DROP INDEX, REINDEX and DETACH PARTITION.  Blanks keep
 * every position, so the server's error positions still point into the
 * file.  A keyword in parentheses (REINDEX (CONCURRENTLY) ...) is left:
 * the statement then fails with its own message.
 */
static void
blank_concurrently(char *stmt)
{
	struct pgtree_scan		 sc;
	const PgQuery__ScanToken	*tok;
	size_t				 i;
	int				 depth = 0;

	if (pgtree_scan(stmt, &sc, NULL) == -1)
		return;
	for (i = 0; i < sc.scan->n_tokens; i++) {
		tok = sc.scan->tokens[i];
		if (tok->token == PG_QUERY__TOKEN__ASCII_40)
			depth++;
		else if (tok->token == PG_QUERY__TOKEN__ASCII_41)
			depth--;
		else if (tok->token == PG_QUERY__TOKEN__CONCURRENTLY &&
		    depth == 0)
			memset(stmt + tok->start, ' ',
			    (size_t)(tok->end - tok->start));
	}
	pgtree_scan_free(&sc);
}

/*
 * Runs the statements of one section.  In a transaction the caller has
 * begun it; the error names the file and the line the server points at.
 */
static int
run_section(struct run *r, const struct sqlfile *f,
    const struct sqlfile_section *sec, struct vf_error *err)
{
	PGresult	*res;
	const char	*pos, *primary, *detail, *state;
	char		*stmt;
	size_t		 i;
	int		 line;

	for (i = 0; i < sec->nstmts; i++) {
		stmt = xstrndup(f->text + sec->stmts[i].off, sec->stmts[i].len);
		if (r->opts->in_tx && !sec->transaction)
			blank_concurrently(stmt);
		res = PQexec(r->conn, stmt);
		free(stmt);
		if (res != NULL && (PQresultStatus(res) == PGRES_COMMAND_OK ||
		    PQresultStatus(res) == PGRES_TUPLES_OK)) {
			PQclear(res);
			continue;
		}
		pos = res ? PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION)
		    : NULL;
		primary = res ? PQresultErrorField(res,
		    PG_DIAG_MESSAGE_PRIMARY) : NULL;
		detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL)
		    : NULL;
		line = sqlfile_stmt_line(f, &sec->stmts[i],
		    pos ? atoi(pos) : 0);
		vf_error_set(err, VF_EXIT_FAIL, f->path, line, 0,
		    "%s%s%s", primary ? primary : PQerrorMessage(r->conn),
		    detail ? " (" : "", detail ? detail : "");
		if (detail)
			strncat(err->msg, ")", sizeof(err->msg) -
			    strlen(err->msg) - 1);
		state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
		snprintf(r->state, sizeof(r->state), "%s", state ? state : "");
		/* active_sql_transaction: e.g. CREATE INDEX CONCURRENTLY. */
		if (r->opts->in_tx && !sec->transaction && state != NULL &&
		    strcmp(state, "25001") == 0)
			strncat(err->msg, "; replaying a transaction:false file "
			    "with such a statement needs a scratch database "
			    "(the role needs CREATEDB)", sizeof(err->msg) -
			    strlen(err->msg) - 1);
		PQclear(res);
		return (-1);
	}
	return (0);
}

/* Session or transaction settings for a file: search_path, lock_timeout. */
static int
set_settings(struct run *r, int local, struct vf_error *err)
{
	struct vbuf	 path;
	const char	*params[3];
	int		 rc;

	vbuf_init(&path);
	vf_quote_ident(&path, r->opts->schema);
	params[0] = path.data;
	params[1] = r->opts->lock_timeout ? r->opts->lock_timeout : "10s";
	params[2] = local ? "true" : "false";
	rc = db_exec(r->conn, "SELECT pg_catalog.set_config('search_path', $1, "
	    "$3::boolean), pg_catalog.set_config('lock_timeout', $2, "
	    "$3::boolean)", 3, params, err);
	vbuf_free(&path);
	return (rc);
}

static void
rollback(struct run *r)
{
	PGresult	*res;

	res = PQexec(r->conn, "ROLLBACK");
	PQclear(res);
}

/*
 * Applies one file and records it, all or nothing when transactional (or
 * in a savepoint of the caller's transaction, opts->in_tx).
 */
static int
apply_one(struct run *r, const struct sqlfile *f, struct vf_error *err)
{
	struct vbuf	 sql;
	const char	*params[4];
	char		 ms[32];
	double		 t0;
	int		 tx, sp;

	tx = f->up.transaction;
	sp = r->opts->in_tx;
	r->state[0] = '\0';
	t0 = vf_now_ms();
	if (sp && db_exec(r->conn, "SAVEPOINT vf_file", 0, NULL, err) == -1)
		return (-1);
	if (!sp && tx && db_exec(r->conn, "BEGIN", 0, NULL, err) == -1)
		return (-1);
	if (set_settings(r, tx || sp, err) == -1)
		goto fail;
	if (run_section(r, f, &f->up, err) == -1)
		goto fail;
	snprintf(ms, sizeof(ms), "%.0f", vf_now_ms() - t0);
	params[0] = f->version;
	params[1] = f->slug;
	params[2] = f->checksum;
	params[3] = ms;
	vbuf_init(&sql);
	vbuf_appendf(&sql, "INSERT INTO %s (version, description, checksum, "
	    "execution_ms, applied_by) VALUES ($1, $2, $3, $4, session_user)",
	    r->table.data);
	if (db_exec(r->conn, sql.data, 4, params, err) == -1) {
		vbuf_free(&sql);
		goto fail;
	}
	vbuf_free(&sql);
	if (sp && db_exec(r->conn, "RELEASE SAVEPOINT vf_file", 0, NULL,
	    err) == -1)
		goto fail;
	if (!sp && tx && db_exec(r->conn, "COMMIT", 0, NULL, err) == -1)
		goto fail;
	if (!sp && !tx)
		(void)db_exec(r->conn, "RESET search_path; RESET lock_timeout",
		    0, NULL, NULL);
	say(r, "  applied %s (%s ms)\n", f->name, ms);
	return (0);
fail:
	if (err->file[0] == '\0')
		snprintf(err->file, sizeof(err->file), "%s", f->path);
	if (sp || tx) {
		if (sp)
			PQclear(PQexec(r->conn, "ROLLBACK TO SAVEPOINT vf_file; "
			    "RELEASE SAVEPOINT vf_file"));
		else
			rollback(r);
		strncat(err->msg, "; rolled back: nothing of this file was "
		    "applied", sizeof(err->msg) - strlen(err->msg) - 1);
	} else {
		(void)db_exec(r->conn, "RESET search_path; RESET lock_timeout",
		    0, NULL, NULL);
		strncat(err->msg, "; transaction:false: the statements before "
		    "this one stay applied and the file is not recorded",
		    sizeof(err->msg) - strlen(err->msg) - 1);
	}
	err->code = VF_EXIT_FAIL;
	return (-1);
}

/*
 * A whole number from environment variable name, def when unset or not a
 * number of at least min.
 */
static int
env_int(const char *name, int def, int min)
{
	const char	*v = getenv(name);
	char		*end;
	long		 n;

	if (v == NULL || *v == '\0')
		return (def);
	n = strtol(v, &end, 10);
	return (*end != '\0' || n < min || n > 1000000 ? def : (int)n);
}

/*
 * step (apply_one(), down_one()) of file f, tried again while it fails
 * on a lock timeout (SQLSTATE
 * 55P03, lock_not_available): a busy table's lock queue is a passing
 * state, and each try holds no lock longer than lock_timeout.  The file
 * is tried whole each time: a transactional one was rolled back, and a
 * transaction:false one drafted by `draft --online` starts by dropping
 * what a failed try left (an invalid index).  Between tries the wait
 * starts at the backoff and doubles; each retry is said.  Not in a
 * shadow transaction (opts->in_tx), where nothing else holds a lock.
 */
static int
retrying(struct run *r, const struct sqlfile *f,
    int (*step)(struct run *, const struct sqlfile *, struct vf_error *),
    struct vf_error *err)
{
	size_t	n;
	int	tries, wait, i;

	tries = r->opts->lock_tries > 0 ? r->opts->lock_tries :
	    env_int("VERIFIER_LOCK_TRIES", RUNNER_LOCK_TRIES, 1);
	wait = r->opts->lock_backoff_ms > 0 ? r->opts->lock_backoff_ms :
	    env_int("VERIFIER_LOCK_BACKOFF_MS", RUNNER_LOCK_BACKOFF_MS, 0);
	for (i = 1; ; i++) {
		if (step(r, f, err) == 0)
			return (0);
		if (r->opts->in_tx || strcmp(r->state, "55P03") != 0)
			return (-1);
		if (i >= tries) {
			n = strlen(err->msg);
			if (tries > 1 && n < sizeof(err->msg))
				snprintf(err->msg + n, sizeof(err->msg) - n,
				    "; gave up after %d tries on a lock "
				    "timeout", tries);
			return (-1);
		}
		say(r, "  lock timeout on %s (try %d of %d): retrying in "
		    "%d ms\n", f->name, i, tries, wait);
		sleep_ms(wait);
		wait = wait > 60000 ? 120000 : wait * 2;
	}
}

int
runner_migrate(PGconn *conn, const struct runner_opts *opts, int *napplied,
    struct vf_error *err)
{
	struct run		 r;
	const struct sqlfile	*target, *newest;
	const char		*head;
	double			 t0;
	size_t			 i;
	int			 rc, n, npending;

	rc = -1;
	n = 0;
	head = "none";
	t0 = vf_now_ms();
	if (napplied != NULL)
		*napplied = 0;
	if (run_prepare(&r, conn, opts, !opts->dry_run, err) == -1)
		goto cleanup;
	if (verify_applied(&r, err) == -1)
		goto cleanup;
	target = NULL;
	if (opts->target != NULL) {
		if ((target = file_of(&r, opts->target)) == NULL) {
			vf_error_set(err, VF_EXIT_USAGE, r.dir, 0, 0,
			    "no migration file with version %s", opts->target);
			goto cleanup;
		}
	}
	newest = NULL;
	if (r.napplied > 0)
		newest = file_of(&r, r.applied[r.napplied - 1].version);
	if (target != NULL && newest != NULL &&
	    sqlfile_version_cmp(target->version, newest->version) < 0 &&
	    applied_of(&r, target->version) != NULL) {
		vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "%s is at %s, past %s: use `verifier down --to %s`",
		    opts->schema, newest->version, target->version,
		    target->version);
		goto cleanup;
	}
	/* Pending files older than the newest applied one. */
	npending = 0;
	for (i = 0; i < r.nfiles; i++) {
		if (applied_of(&r, r.files[i].version) != NULL)
			continue;
		if (target != NULL && sqlfile_version_cmp(r.files[i].version,
		    target->version) > 0)
			continue;
		npending++;
		if (newest != NULL && !opts->allow_out_of_order &&
		    sqlfile_version_cmp(r.files[i].version,
		    newest->version) < 0) {
			vf_error_set(err, VF_EXIT_USAGE, r.files[i].path, 0, 0,
			    "pending but older than the newest applied "
			    "version %s: give it a newer version, or pass "
			    "--allow-out-of-order", newest->version);
			goto cleanup;
		}
	}
	if (npending == 0) {
		head = r.napplied ? r.applied[r.napplied - 1].version : "none";
		say(&r, "%s: up to date at %s\n", opts->schema, head);
		rc = 0;
		goto cleanup;
	}
	say(&r, "%s: %d pending file%s%s\n", opts->schema, npending,
	    npending == 1 ? "" : "s", opts->dry_run ? " (dry run)" : "");
	for (i = 0; i < r.nfiles; i++) {
		if (applied_of(&r, r.files[i].version) != NULL)
			continue;
		if (target != NULL && sqlfile_version_cmp(r.files[i].version,
		    target->version) > 0)
			break;
		if (opts->dry_run) {
			say(&r, "  would apply %s (%zu statement%s%s)\n",
			    r.files[i].name, r.files[i].up.nstmts,
			    r.files[i].up.nstmts == 1 ? "" : "s",
			    r.files[i].up.transaction ? "" :
			    ", transaction:false");
			continue;
		}
		if (retrying(&r, &r.files[i], apply_one, err) == -1)
			goto cleanup;
		n++;
		head = r.files[i].version;
	}
	if (opts->dry_run)
		say(&r, "%s: dry run, nothing changed\n", opts->schema);
	else
		say(&r, "%s: applied %d file%s in %.0f ms, now at %s\n",
		    opts->schema, n, n == 1 ? "" : "s", vf_now_ms() - t0, head);
	rc = 0;
cleanup:
	if (napplied != NULL)
		*napplied = n;
	run_cleanup(&r);
	return (rc);
}

/*
 * Runs the down section of applied file f and deletes its version row,
 * all or nothing when it is transactional.  0, or -1 with err set.
 */
static int
down_one(struct run *r, const struct sqlfile *f, struct vf_error *err)
{
	struct vbuf	 sql;
	const char	*params[1];
	double		 t0;
	int		 rc;

	r->state[0] = '\0';
	t0 = vf_now_ms();
	if (f->down.transaction &&
	    db_exec(r->conn, "BEGIN", 0, NULL, err) == -1)
		return (-1);
	if (set_settings(r, f->down.transaction, err) == -1 ||
	    run_section(r, f, &f->down, err) == -1)
		goto fail;
	params[0] = f->version;
	vbuf_init(&sql);
	vbuf_appendf(&sql, "DELETE FROM %s WHERE version = $1",
	    r->table.data);
	rc = db_exec(r->conn, sql.data, 1, params, err);
	vbuf_free(&sql);
	if (rc == -1)
		goto fail;
	if (f->down.transaction &&
	    db_exec(r->conn, "COMMIT", 0, NULL, err) == -1)
		goto fail;
	if (!f->down.transaction)
		(void)db_exec(r->conn, "RESET search_path; RESET lock_timeout",
		    0, NULL, NULL);
	say(r, "  rolled back %s (%.0f ms)\n", f->name, vf_now_ms() - t0);
	return (0);
fail:
	if (f->down.transaction)
		rollback(r);
	else
		(void)db_exec(r->conn, "RESET search_path; RESET lock_timeout",
		    0, NULL, NULL);
	if (err->file[0] == '\0')
		snprintf(err->file, sizeof(err->file), "%s", f->path);
	strncat(err->msg, f->down.transaction ? "; rolled back: the "
	    "file stays applied" : "; transaction:false: the statements "
	    "before this one stay applied",
	    sizeof(err->msg) - strlen(err->msg) - 1);
	err->code = VF_EXIT_FAIL;
	return (-1);
}

int
runner_down(PGconn *conn, const struct runner_opts *opts, int steps,
    struct vf_error *err)
{
	struct run		 r;
	const struct sqlfile	*f;
	size_t			 i, first;
	int			 rc, n;

	rc = -1;
	n = 0;
	if (run_prepare(&r, conn, opts, 0, err) == -1)
		goto cleanup;
	if (verify_applied(&r, err) == -1)
		goto cleanup;
	/* The applied rows to undo: [first, napplied). */
	if (opts->target != NULL) {
		if (strcmp(opts->target, "0") != 0 &&
		    applied_of(&r, opts->target) == NULL) {
			vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
			    "version %s is not applied to %s: expected an "
			    "applied version, or 0 for all", opts->target,
			    opts->schema);
			goto cleanup;
		}
		for (first = r.napplied; first > 0; first--)
			if (sqlfile_version_cmp(r.applied[first - 1].version,
			    opts->target) <= 0)
				break;
	} else {
		if (steps < 1)
			steps = 1;
		first = r.napplied > (size_t)steps ? r.napplied - (size_t)steps
		    : 0;
	}
	for (i = r.napplied; i > first; i--) {
		f = file_of(&r, r.applied[i - 1].version);
		if (!f->down.present || f->down.nstmts == 0) {
			vf_error_set(err, VF_EXIT_USAGE, f->path, 0, 0,
			    "no down section to roll back with");
			goto cleanup;
		}
	}
	if (first == r.napplied) {
		say(&r, "%s: nothing to roll back\n", opts->schema);
		rc = 0;
		goto cleanup;
	}
	for (i = r.napplied; i > first; i--) {
		f = file_of(&r, r.applied[i - 1].version);
		if (opts->dry_run) {
			say(&r, "  would roll back %s\n", f->name);
			continue;
		}
		if (retrying(&r, f, down_one, err) == -1) {
			rc = -1;
			goto cleanup;
		}
		n++;
	}
	say(&r, "%s: %s %d file%s, now at %s\n", opts->schema,
	    opts->dry_run ? "would roll back" : "rolled back",
	    (int)(r.napplied - first), r.napplied - first == 1 ? "" : "s",
	    first > 0 ? r.applied[first - 1].version : "none");
	rc = 0;
cleanup:
	run_cleanup(&r);
	return (rc);
}

int
runner_status(PGconn *conn, const struct runner_opts *opts,
    struct vf_error *err)
{
	struct run		 r;
	const struct applied	*a;
	const struct sqlfile	*f;
	size_t			 i;
	int			 rc, dirty, npending;

	rc = -1;
	dirty = npending = 0;
	if (run_prepare(&r, conn, opts, 0, err) == -1)
		goto cleanup;
	say(&r, "%s: %zu applied, folder %s\n", opts->schema, r.napplied,
	    r.dir);
	for (i = 0; i < r.napplied; i++) {
		a = &r.applied[i];
		f = file_of(&r, a->version);
		if (f == NULL) {
			say(&r, "  missing  %s_%s  applied %s, no file\n",
			    a->version, a->description, a->applied_at);
			dirty = 1;
		} else if (strcmp(f->checksum, a->checksum) != 0) {
			say(&r, "  edited   %s  applied %s, checksum %.12s, "
			    "file now %.12s\n", f->name, a->applied_at,
			    a->checksum, f->checksum);
			dirty = 1;
		} else
			say(&r, "  applied  %s  %s  %s ms  by %s  sha256:%.12s\n",
			    f->name, a->applied_at, a->execution_ms,
			    a->applied_by, a->checksum);
	}
	for (i = 0; i < r.nfiles; i++) {
		if (applied_of(&r, r.files[i].version) != NULL)
			continue;
		say(&r, "  pending  %s\n", r.files[i].name);
		npending++;
		dirty = 1;
	}
	say(&r, "%s: %s\n", opts->schema, dirty ? (npending ?
	    "not at head" : "not clean") : "at head, clean");
	rc = dirty ? 1 : 0;
cleanup:
	run_cleanup(&r);
	return (rc);
}

void
runner_version_sql(struct vbuf *b, const char *schema)
{
	vbuf_puts(b, "SELECT version FROM ");
	vf_quote_ident(b, schema);
	vbuf_puts(b, "." RUNNER_VERSION_TABLE
	    " ORDER BY length(version) DESC, version DESC LIMIT 1");
}

int
runner_current_version(PGconn *conn, const char *schema, char *buf,
    size_t len, struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	const char	*params[2];

	buf[0] = '\0';
	params[0] = schema;
	params[1] = RUNNER_VERSION_TABLE;
	res = db_query(conn, "SELECT 1 FROM pg_catalog.pg_class c "
	    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	    "WHERE n.nspname = $1 AND c.relname = $2", 2, params,
	    PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return (0);
	}
	PQclear(res);
	vbuf_init(&sql);
	runner_version_sql(&sql, schema);
	res = db_query(conn, sql.data, 0, NULL, PGRES_TUPLES_OK, err);
	vbuf_free(&sql);
	if (res == NULL)
		return (-1);
	if (PQntuples(res) == 1)
		snprintf(buf, len, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return (0);
}
