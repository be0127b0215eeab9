/*
 * move.c: a service's schema moved to a PostgreSQL of its own with
 * logical replication (move.h): connections, state, preflight, build,
 * copy and verify (cutover, finish and abort: move_cutover.c).  Every
 * step can run again: what it made before is found and kept or made
 * again, so an interrupted move resumes where it stopped.  Every name
 * reaches SQL quoted, every value as $n but the subscription's connection
 * string, a utility statement's literal (quoted).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compare.h"
#include "db.h"
#include "model.h"
#include "move.h"
#include "move_int.h"
#include "runner.h"

static const char *const step_names[] = {
	"none", "preflight", "build", "copy", "verify", "cutover", "finish",
};

const char *
move_step_name(enum move_step s)
{
	return (step_names[s]);
}

int
move_scalar(PGconn *conn, const char *sql, int n, const char *const *params,
    char *buf, size_t len, struct vf_error *err)
{
	PGresult	*res;

	if ((res = db_query(conn, sql, n, params, PGRES_TUPLES_OK,
	    err)) == NULL)
		return (-1);
	snprintf(buf, len, "%s", PQntuples(res) > 0 ? PQgetvalue(res, 0, 0) :
	    "");
	PQclear(res);
	return (0);
}

int
move_exec_named(PGconn *conn, const char *fmt, const char *name,
    struct vf_error *err)
{
	struct vbuf	q, id;
	int		rc;

	vbuf_init(&id);
	vf_quote_ident(&id, name);
	vbuf_init(&q);
	vbuf_appendf(&q, fmt, id.data);
	rc = db_exec(conn, q.data, 0, NULL, err);
	vbuf_free(&q);
	vbuf_free(&id);
	return (rc);
}

void
move_say(struct move *m, const char *fmt, ...)
{
	va_list	ap;

	if (m->out == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(m->out, fmt, ap);
	va_end(ap);
	fputc('\n', m->out);
	fflush(m->out);
}

static void
nap_ms(long ms)
{
	struct timespec	ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

/* "system identifier/database" of the source: which server a move is from. */
static int
source_id(struct move *m, char *buf, size_t len, struct vf_error *err)
{
	return (move_scalar(m->src, "SELECT system_identifier::text || '/' || "
	    "pg_catalog.current_database() FROM pg_catalog.pg_control_system()",
	    0, NULL, buf, len, err));
}

int
move_connect(struct move *m, const char *src, const char *tgt,
    struct vf_error *err)
{
	static const char *const set =
	    "SELECT pg_catalog.set_config('TimeZone', 'UTC', false), "
	    "pg_catalog.set_config('DateStyle', 'ISO, YMD', false), "
	    "pg_catalog.set_config('IntervalStyle', 'postgres', false), "
	    "pg_catalog.set_config('extra_float_digits', '3', false), "
	    "pg_catalog.set_config('bytea_output', 'hex', false)";
	struct vf_error	 e;

	if ((m->src = db_connect(src, err)) == NULL)
		return (-1);
	vf_error_clear(&e);
	if (tgt == NULL || *tgt == '\0' ||
	    (m->tgt = db_connect(tgt, &e)) == NULL)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: cannot reach the target: %s", e.msg));
	snprintf(m->name, sizeof(m->name), "vf_move_%s", m->schema);
	/* Row texts, and so the checksums, the same on both sides. */
	if (db_exec(m->src, set, 0, NULL, err) == -1 ||
	    db_exec(m->tgt, set, 0, NULL, err) == -1)
		return (-1);
	return (0);
}

void
move_close(struct move *m)
{
	PQfinish(m->src);
	PQfinish(m->tgt);
	m->src = m->tgt = NULL;
}

int
move_state(struct move *m, enum move_step *step, struct vf_error *err)
{
	const char	*params[1] = { m->schema };
	char		 buf[64];
	size_t		 i;

	*step = MOVE_NONE;
	if (move_scalar(m->tgt, "SELECT pg_catalog.to_regclass('public."
	    MOVE_STATE_TABLE "') IS NOT NULL", 0, NULL, buf, sizeof(buf),
	    err) == -1)
		return (-1);
	if (strcmp(buf, "t") != 0)
		return (0);
	if (move_scalar(m->tgt, "SELECT step FROM public." MOVE_STATE_TABLE
	    " WHERE schema_name = $1", 1, params, buf, sizeof(buf), err) == -1)
		return (-1);
	for (i = 1; i < sizeof(step_names) / sizeof(step_names[0]); i++)
		if (strcmp(buf, step_names[i]) == 0)
			*step = (enum move_step)i;
	return (0);
}

int
move_set_state(struct move *m, enum move_step s, struct vf_error *err)
{
	const char	*params[3];
	char		 src[128];

	if (source_id(m, src, sizeof(src), err) == -1)
		return (-1);
	params[0] = m->schema;
	params[1] = move_step_name(s);
	params[2] = src;
	if (db_exec(m->tgt, "CREATE TABLE IF NOT EXISTS public."
	    MOVE_STATE_TABLE " (schema_name text PRIMARY KEY, step text NOT "
	    "NULL, source text NOT NULL, schema_existed boolean NOT NULL, "
	    "updated_at timestamptz NOT NULL DEFAULT now())", 0, NULL,
	    err) == -1)
		return (-1);
	/* schema_existed: the first time only, before the build drops it. */
	return (db_exec(m->tgt, "INSERT INTO public." MOVE_STATE_TABLE
	    " (schema_name, step, source, schema_existed) VALUES ($1::text, $2, $3, "
	    "EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = "
	    "$1::text)) ON CONFLICT (schema_name) DO UPDATE SET step = "
	    "EXCLUDED.step, updated_at = now()", 3, params, err));
}

/*
 * Drops schema S on the target and, when recreate, makes it again empty
 * with the same owner and grants: the empty schema initdb/ may have made
 * there is given back as it was.
 */
int
move_reset_schema(struct move *m, int recreate, struct vf_error *err)
{
	const char	*params[1] = { m->schema };
	PGresult	*res;
	int		 i, rc = -1;

	if ((res = db_query(m->tgt, "SELECT s FROM (SELECT 0 AS k, "
	    "pg_catalog.format('CREATE SCHEMA %I AUTHORIZATION %I', n.nspname, "
	    "pg_catalog.pg_get_userbyid(n.nspowner)) AS s FROM "
	    "pg_catalog.pg_namespace n WHERE n.nspname = $1 UNION ALL SELECT 1, "
	    "pg_catalog.format('GRANT %s ON SCHEMA %I TO %s%s', "
	    "a.privilege_type, n.nspname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
	    "ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee))"
	    " END, CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' "
	    "END) FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode("
	    "n.nspacl) a WHERE n.nspname = $1) x "
	    "ORDER BY k, s", 1, params, PGRES_TUPLES_OK, err)) == NULL)
		return (-1);
	if (move_exec_named(m->tgt, "DROP SCHEMA IF EXISTS %s CASCADE", m->schema,
	    err) == -1)
		goto done;
	for (i = 0; recreate && i < PQntuples(res); i++)
		if (db_exec(m->tgt, PQgetvalue(res, i, 0), 0, NULL, err) == -1)
			goto done;
	rc = 0;
done:
	PQclear(res);
	return (rc);
}

/* Whether conn's role is a superuser; its name into role. */
static int
superuser(PGconn *conn, char *role, size_t len, int *yes,
    struct vf_error *err)
{
	PGresult	*res;

	if ((res = db_query(conn, "SELECT current_user, rolsuper FROM "
	    "pg_catalog.pg_roles WHERE rolname = current_user", 0, NULL,
	    PGRES_TUPLES_OK, err)) == NULL)
		return (-1);
	snprintf(role, len, "%s", PQgetvalue(res, 0, 0));
	*yes = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
	PQclear(res);
	return (0);
}

/* The tables of m's schema on the source without a replica identity. */
static int
no_identity(struct move *m, char *buf, size_t len, struct vf_error *err)
{
	const char	*params[1] = { m->schema };

	return (move_scalar(m->src, "SELECT string_agg(c.relname, ', ' ORDER BY "
	    "c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace"
	    " n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind "
	    "= 'r' AND c.relreplident <> 'f' AND NOT EXISTS (SELECT 1 FROM "
	    "pg_catalog.pg_index i WHERE i.indrelid = c.oid AND CASE "
	    "c.relreplident WHEN 'd' THEN i.indisprimary WHEN 'i' THEN "
	    "i.indisreplident ELSE false END)", 1, params, buf, len, err));
}

#define SYSID "SELECT system_identifier::text FROM pg_catalog.pg_control_system()"

int
move_preflight(struct move *m, int resuming, struct vf_error *err)
{
	const char	*params[1] = { m->schema };
	char		 role[128], buf[1024];
	int		 yes;

	if (superuser(m->src, role, sizeof(role), &yes, err) == -1)
		return (-1);
	if (!yes)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the source's role \"%s\" is not a superuser; "
		    "a publication FOR TABLES IN SCHEMA needs one", role));
	if (superuser(m->tgt, role, sizeof(role), &yes, err) == -1)
		return (-1);
	if (!yes)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the target's role \"%s\" is not a superuser; "
		    "a subscription needs one", role));
	if (move_scalar(m->src, "SELECT pg_catalog.current_setting('wal_level')",
	    0, NULL, buf, sizeof(buf), err) == -1)
		return (-1);
	if (strcmp(buf, "logical") != 0)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the source has wal_level = %s; set wal_level "
		    "= logical in its postgresql.conf (or run ALTER SYSTEM SET "
		    "wal_level = logical) and restart it", buf));
	/* On one server, CREATE SUBSCRIPTION would wait for its own slot. */
	if (move_scalar(m->src, SYSID, 0, NULL, buf, sizeof(buf), err) == -1 ||
	    move_scalar(m->tgt, SYSID, 0, NULL, role, sizeof(role), err) == -1)
		return (-1);
	if (strcmp(buf, role) == 0)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the target is on the source's server (system "
		    "identifier %s); move to another server", buf));
	if (move_scalar(m->src, "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM "
	    "pg_catalog.pg_namespace WHERE nspname = $1", 1, params,
	    m->owner, sizeof(m->owner), err) == -1)
		return (-1);
	if (m->owner[0] == '\0')
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the source has no schema \"%s\"", m->schema));
	if (no_identity(m, buf, sizeof(buf), err) == -1)
		return (-1);
	if (buf[0] != '\0')
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: tables of %s without a primary key or replica "
		    "identity (their UPDATE and DELETE would fail once "
		    "published): %s", m->schema, buf));
	params[0] = m->owner;
	if (move_scalar(m->tgt, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname "
	    "= $1", 1, params, buf, sizeof(buf), err) == -1)
		return (-1);
	if (buf[0] == '\0')
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the target has no role \"%s\" (the owner of %s "
		    "on the source); create it there first (initdb/)",
		    m->owner, m->schema));
	if (resuming)
		return (0);
	params[0] = m->schema;
	if (move_scalar(m->tgt, "SELECT (SELECT count(*) FROM pg_catalog.pg_class "
	    "c WHERE c.relnamespace = n.oid) + (SELECT count(*) FROM "
	    "pg_catalog.pg_proc p WHERE p.pronamespace = n.oid) + (SELECT "
	    "count(*) FROM pg_catalog.pg_type t WHERE t.typnamespace = n.oid "
	    "AND t.typrelid = 0 AND t.typelem = 0) FROM pg_catalog.pg_namespace"
	    " n WHERE n.nspname = $1", 1, params, buf, sizeof(buf),
	    err) == -1)
		return (-1);
	if (buf[0] != '\0' && strcmp(buf, "0") != 0)
		return (vf_error_set(err, VF_EXIT_USAGE, NULL, 0, 0,
		    "preflight: the target already has schema \"%s\" with %s "
		    "objects; drop it there or move to another database",
		    m->schema, buf));
	return (0);
}

/*
 * The tables of m's schema on conn (relkind r, and p when with_parents),
 * quoted as schema.table, one per array entry; *n their number.  Free
 * with model_strv_free() (model.h).
 */
int
move_tables(PGconn *conn, const char *schema, int with_parents, char ***out,
    size_t *n, struct vf_error *err)
{
	const char	*params[1] = { schema };
	PGresult	*res;
	struct vbuf	 b;
	int		 i;

	if ((res = db_query(conn, with_parents ?
	    "SELECT c.relname FROM pg_catalog.pg_class c JOIN "
	    "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
	    "n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1" :
	    "SELECT c.relname FROM pg_catalog.pg_class c JOIN "
	    "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
	    "n.nspname = $1 AND c.relkind = 'r' ORDER BY 1", 1, params,
	    PGRES_TUPLES_OK, err)) == NULL)
		return (-1);
	*n = (size_t)PQntuples(res);
	*out = xcalloc(*n + 1, sizeof(**out));
	for (i = 0; i < PQntuples(res); i++) {
		vbuf_init(&b);
		vf_quote_ident(&b, schema);
		vbuf_putc(&b, '.');
		vf_quote_ident(&b, PQgetvalue(res, i, 0));
		(*out)[i] = vbuf_steal(&b);
	}
	PQclear(res);
	return (0);
}

/* The source's catalog of the schema against the target's, into p. */
static int
same_catalog(struct move *m, struct problems *p, struct vf_error *err)
{
	struct catalog	src, tgt;
	struct diff	d;
	int		rc = -1;

	memset(&src, 0, sizeof(src));
	memset(&tgt, 0, sizeof(tgt));
	memset(&d, 0, sizeof(d));
	if (catalog_read(m->src, m->schema, &src, err) == -1 ||
	    catalog_read(m->tgt, m->schema, &tgt, err) == -1 ||
	    compare_catalogs(&src, &tgt, &d, err) == -1)
		goto done;
	compare_diff_problems(&d, m->schema, "build: the target differs from "
	    "the source", p);
	rc = d.n > 0 ? 1 : 0;
done:
	diff_free(&d);
	catalog_free(&src);
	catalog_free(&tgt);
	return (rc);
}

int
move_build(struct move *m, struct problems *p, struct vf_error *err)
{
	struct runner_opts	 o;
	struct vbuf		 q;
	char			**t = NULL;
	size_t			 n = 0, i;
	int			 applied = 0, rc;

	if (move_set_state(m, MOVE_PREFLIGHT, err) == -1)
		return (-1);
	/*
	 * The move made S or found it empty (preflight): begin it again,
	 * empty, with the owner and grants it had.
	 */
	if (move_reset_schema(m, 1, err) == -1)
		return (-1);
	vbuf_init(&q);
	vbuf_puts(&q, "CREATE SCHEMA IF NOT EXISTS ");
	vf_quote_ident(&q, m->schema);
	vbuf_puts(&q, " AUTHORIZATION ");
	vf_quote_ident(&q, m->owner);
	rc = db_exec(m->tgt, q.data, 0, NULL, err);
	vbuf_free(&q);
	if (rc == -1)
		return (-1);
	memset(&o, 0, sizeof(o));
	o.schema = m->schema;
	o.dir = m->migrations;
	o.role = m->owner;
	if (runner_migrate(m->tgt, &o, &applied, err) == -1)
		return (-1);
	move_say(m, "build: %s created on the target by %d migration files, as "
	    "%s", m->schema, applied, m->owner);
	if ((rc = same_catalog(m, p, err)) != 0)
		return (rc == 1 ? vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "build: the target's catalog of %s differs from the "
		    "source's", m->schema) : -1);
	move_say(m, "build: the target's catalog of %s equals the source's",
	    m->schema);
	/* Seed rows of the migrations and the version table: from the copy. */
	if (move_tables(m->tgt, m->schema, 1, &t, &n, err) == -1)
		return (-1);
	rc = 0;
	if (n > 0) {
		vbuf_init(&q);
		vbuf_puts(&q, "TRUNCATE ");
		for (i = 0; i < n; i++)
			vbuf_appendf(&q, "%s%s", i > 0 ? ", " : "", t[i]);
		rc = db_exec(m->tgt, q.data, 0, NULL, err);
		vbuf_free(&q);
	}
	model_strv_free(t, n);
	if (rc == -1 || move_set_state(m, MOVE_BUILD, err) == -1)
		return (-1);
	move_say(m, "build: %zu tables emptied on the target; their rows, the "
	    "version table's too, come with the copy", n);
	return (0);
}

/* key='value' of every setting of src the subscription needs. */
static char *
src_conninfo(struct move *m)
{
	static const char *const keys[] = {
		"host", "hostaddr", "port", "user", "password", "dbname",
		"sslmode", NULL,
	};
	PQconninfoOption	*opts, *o;
	struct vbuf		 b;
	const char		*s;
	size_t			 i;

	if (m->source_conninfo != NULL)
		return (xstrdup(m->source_conninfo));
	vbuf_init(&b);
	if ((opts = PQconninfo(m->src)) == NULL)
		return (vbuf_steal(&b));
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL || *o->val == '\0')
			continue;
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(keys[i], o->keyword) == 0)
				break;
		if (keys[i] == NULL)
			continue;
		vbuf_appendf(&b, "%s%s='", b.len > 0 ? " " : "", o->keyword);
		for (s = o->val; *s != '\0'; s++) {
			if (*s == '\'' || *s == '\\')
				vbuf_putc(&b, '\\');
			vbuf_putc(&b, *s);
		}
		vbuf_putc(&b, '\'');
	}
	PQconninfoFree(opts);
	return (vbuf_steal(&b));
}

/* Whether the publication (on the source) or subscription (target) exists. */
int
move_exists(PGconn *conn, const char *sql, const char *name, int *yes,
    struct vf_error *err)
{
	const char	*params[1] = { name };
	char		 buf[8];

	if (move_scalar(conn, sql, 1, params, buf, sizeof(buf), err) == -1)
		return (-1);
	*yes = buf[0] != '\0';
	return (0);
}

/* The publication and the subscription, each when missing. */
static int
subscribe(struct move *m, struct vf_error *err)
{
	struct vbuf	 q;
	char		*ci;
	int		 yes, rc;

	if (move_exists(m->src, MOVE_PUB_EXISTS, m->name, &yes, err) == -1)
		return (-1);
	if (!yes) {
		vbuf_init(&q);
		vbuf_puts(&q, "CREATE PUBLICATION ");
		vf_quote_ident(&q, m->name);
		vbuf_puts(&q, " FOR TABLES IN SCHEMA ");
		vf_quote_ident(&q, m->schema);
		rc = db_exec(m->src, q.data, 0, NULL, err);
		vbuf_free(&q);
		if (rc == -1)
			return (-1);
		move_say(m, "copy: publication %s FOR TABLES IN SCHEMA %s created "
		    "on the source", m->name, m->schema);
	}
	if (move_exists(m->tgt, MOVE_SUB_EXISTS, m->name, &yes, err) == -1)
		return (-1);
	if (yes)
		return (0);
	ci = src_conninfo(m);
	vbuf_init(&q);
	vbuf_puts(&q, "CREATE SUBSCRIPTION ");
	vf_quote_ident(&q, m->name);
	vbuf_puts(&q, " CONNECTION ");
	vf_quote_literal(&q, ci);
	vbuf_puts(&q, " PUBLICATION ");
	vf_quote_ident(&q, m->name);
	vbuf_puts(&q, " WITH (copy_data = true)");
	rc = db_exec(m->tgt, q.data, 0, NULL, err);
	vbuf_free(&q);
	free(ci);
	if (rc == -1)
		return (-1);
	move_say(m, "copy: subscription %s created on the target, copying",
	    m->name);
	return (0);
}

/* The number of tables of the subscription and of those ready. */
static int
tables_ready(struct move *m, long *all, long *ready, struct vf_error *err)
{
	const char	*params[1] = { m->name };
	PGresult	*res;

	if ((res = db_query(m->tgt, "SELECT count(*), count(*) FILTER (WHERE "
	    "r.srsubstate = 'r') FROM pg_catalog.pg_subscription_rel r JOIN "
	    "pg_catalog.pg_subscription s ON s.oid = r.srsubid WHERE "
	    "s.subname = $1", 1, params, PGRES_TUPLES_OK, err)) == NULL)
		return (-1);
	*all = atol(PQgetvalue(res, 0, 0));
	*ready = atol(PQgetvalue(res, 0, 1));
	PQclear(res);
	return (0);
}

/* The rows of every table of the schema on conn. */
static int
count_rows(PGconn *conn, const char *schema, long long *rows,
    struct vf_error *err)
{
	struct vbuf	 q;
	char		**t, buf[32];
	size_t		 n, i;
	int		 rc;

	if (move_tables(conn, schema, 0, &t, &n, err) == -1)
		return (-1);
	vbuf_init(&q);
	vbuf_puts(&q, "SELECT 0");
	for (i = 0; i < n; i++)
		vbuf_appendf(&q, " + (SELECT count(*) FROM ONLY %s)", t[i]);
	rc = move_scalar(conn, q.data, 0, NULL, buf, sizeof(buf), err);
	vbuf_free(&q);
	model_strv_free(t, n);
	*rows = atoll(buf);
	return (rc);
}

/*
 * Waits until the subscription's walsender on the source reports the
 * target has replayed the source's WAL position of now; *lag the bytes
 * it was behind then.  0, or -1 (err set) after m->timeout_s.
 */
int
move_catch_up(struct move *m, const char *step, struct vf_error *err)
{
	const char	*params[2];
	PGresult	*res;
	char		 lsn[64];
	double		 t0;
	long long	 left = -1;

	if (move_scalar(m->src, "SELECT pg_catalog.pg_current_wal_lsn()::text", 0,
	    NULL, lsn, sizeof(lsn), err) == -1)
		return (-1);
	params[0] = lsn;
	params[1] = m->name;
	t0 = vf_now_ms();
	for (;;) {
		if ((res = db_query(m->src, "SELECT pg_catalog.pg_wal_lsn_diff("
		    "$1::pg_lsn, replay_lsn)::bigint, COALESCE(extract(epoch "
		    "FROM replay_lag), 0)::numeric(10,1) FROM "
		    "pg_catalog.pg_stat_replication WHERE application_name = $2"
		    " AND replay_lsn IS NOT NULL", 2, params, PGRES_TUPLES_OK,
		    err)) == NULL)
			return (-1);
		if (PQntuples(res) > 0) {
			left = atoll(PQgetvalue(res, 0, 0));
			if (left <= 0) {
				move_say(m, "%s: the target has replayed the source "
				    "up to %s (lag %s s)", step, lsn,
				    PQgetvalue(res, 0, 1));
				PQclear(res);
				return (0);
			}
		}
		PQclear(res);
		if (vf_now_ms() - t0 > m->timeout_s * 1000.0)
			return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "%s: the target has not replayed the source up to "
			    "%s after %d s (%lld bytes behind)", step, lsn,
			    m->timeout_s, left));
		nap_ms(100);
	}
}

/* Bytes of WAL the subscription is behind the source ("?" before it runs). */
static int
lag_bytes(struct move *m, char *buf, size_t len, struct vf_error *err)
{
	const char	*params[1] = { m->name };

	if (move_scalar(m->src, "SELECT pg_catalog.pg_wal_lsn_diff("
	    "pg_catalog.pg_current_wal_lsn(), replay_lsn)::bigint FROM "
	    "pg_catalog.pg_stat_replication WHERE application_name = $1 AND "
	    "replay_lsn IS NOT NULL", 1, params, buf, len, err) == -1)
		return (-1);
	if (buf[0] == '\0')
		snprintf(buf, len, "?");
	return (0);
}

int
move_copy(struct move *m, struct vf_error *err)
{
	char		 lag[32];
	long long	 rows = -1, last_rows = -2;
	long		 all = 0, ready = -1, last_ready = -2;
	double		 t0, t1;

	if (subscribe(m, err) == -1)
		return (-1);
	t0 = vf_now_ms();
	for (;;) {
		if (tables_ready(m, &all, &ready, err) == -1 ||
		    count_rows(m->tgt, m->schema, &rows, err) == -1 ||
		    lag_bytes(m, lag, sizeof(lag), err) == -1)
			return (-1);
		if (ready != last_ready || rows != last_rows)
			move_say(m, "copy: %ld/%ld tables ready, %lld rows on the "
			    "target, lag %s bytes, %.1f s", ready, all, rows,
			    lag, (vf_now_ms() - t0) / 1000.0);
		last_ready = ready;
		last_rows = rows;
		if (all > 0 && ready == all)
			break;
		if (vf_now_ms() - t0 > m->timeout_s * 1000.0)
			return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "copy: %ld of %ld tables ready after %d s", ready,
			    all, m->timeout_s));
		nap_ms(ready == all ? 100 : 500);
	}
	t1 = vf_now_ms();
	move_say(m, "copy: %lld rows in %.1f s (%.0f rows/s)", rows,
	    (t1 - t0) / 1000.0, rows / ((t1 - t0) / 1000.0 + 1e-9));
	if (move_catch_up(m, "copy", err) == -1)
		return (-1);
	return (move_set_state(m, MOVE_COPY, err));
}

/*
 * Row count and checksum of table t on conn, as "count checksum"; the
 * count alone when not full.
 */
static int
table_sum(PGconn *conn, const char *t, int full, char *buf, size_t len,
    struct vf_error *err)
{
	struct vbuf	q;
	int		rc;

	vbuf_init(&q);
	if (full)
		vbuf_appendf(&q, "SELECT count(*) || ' ' || COALESCE(sum(('x' "
		    "|| left(md5(r::text), 16))::bit(64)::bigint), 0) FROM ONLY "
		    "%s r", t);
	else
		vbuf_appendf(&q, "SELECT count(*) FROM ONLY %s", t);
	rc = move_scalar(conn, q.data, 0, NULL, buf, len, err);
	vbuf_free(&q);
	return (rc);
}

/*
 * One comparison of every table (full: counts and checksums, else counts):
 * the first that differs into bad.
 */
int
move_compare_sums(struct move *m, char **t, size_t n, int full, int print,
    char *bad, size_t badlen, struct vf_error *err)
{
	char	a[128], b[128];
	size_t	i;

	bad[0] = '\0';
	for (i = 0; i < n; i++) {
		if (table_sum(m->src, t[i], full, a, sizeof(a), err) == -1 ||
		    table_sum(m->tgt, t[i], full, b, sizeof(b), err) == -1)
			return (-1);
		if (strcmp(a, b) != 0) {
			snprintf(bad, badlen, "%s: source %s, target %s (%s)",
			    t[i], a, b, full ? "rows checksum" : "rows");
			return (0);
		}
		if (print)
			move_say(m, "verify: %s: rows checksum %s on both sides",
			    t[i], a);
	}
	return (0);
}

int
move_verify(struct move *m, struct vf_error *err)
{
	char	**t, bad[512];
	size_t	 n;
	int	 tries, rc = -1;

	if (move_tables(m->src, m->schema, 0, &t, &n, err) == -1)
		return (-1);
	for (tries = 0; tries < 3; tries++) {
		if (move_catch_up(m, "verify", err) == -1 ||
		    move_compare_sums(m, t, n, 1, 0, bad, sizeof(bad), err) == -1)
			goto done;
		if (bad[0] == '\0')
			break;
		nap_ms(500);
	}
	if (bad[0] != '\0') {
		vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0, "verify: %s "
		    "differs", bad);
		goto done;
	}
	/* Equal: print them, from the same state when nothing wrote since. */
	if (move_compare_sums(m, t, n, 1, 1, bad, sizeof(bad), err) == -1)
		goto done;
	move_say(m, "verify: %zu tables equal on the source and the target", n);
	rc = move_set_state(m, MOVE_VERIFY, err);
done:
	model_strv_free(t, n);
	return (rc);
}
