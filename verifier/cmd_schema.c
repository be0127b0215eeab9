/*
 * cmd_schema.c: `verifier diff|draft|check|dump`.  The expected catalog is
 * made exact by PostgreSQL itself: the model's DDL runs in a scratch
 * database (created with a unique name, dropped at the end, also on
 * error) and is read back with the same catalog queries as the database
 * it is compared with.  Migrations are replayed in the same scratch
 * database.  Both catalogs meet in a sqlite store (snapshot.c) where
 * diff.c compares them and emit.c writes the DDL.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pg_query.h>

#include "catalog.h"
#include "cli.h"
#include "cmd_schema.h"
#include "db.h"
#include "diff.h"
#include "emit.h"
#include "model.h"
#include "runner.h"
#include "snapshot.h"
#include "sqlfile.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* Options.                                                            */

enum {
	OPT_SCHEMA = 256,
	OPT_MODELS,
	OPT_MIGRATIONS,
	OPT_DB,
	OPT_FORMAT,
	OPT_SNAPSHOT,
	OPT_MSG,
	OPT_ALLOW_DESTRUCTIVE,
	OPT_FROM_DB,
	OPT_NO_LIVE,
	OPT_OUTPUT,
};

static const struct option long_options[] = {
	{ "schema", required_argument, NULL, OPT_SCHEMA },
	{ "models", required_argument, NULL, OPT_MODELS },
	{ "migrations", required_argument, NULL, OPT_MIGRATIONS },
	{ "db", required_argument, NULL, OPT_DB },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "snapshot", required_argument, NULL, OPT_SNAPSHOT },
	{ "msg", required_argument, NULL, OPT_MSG },
	{ "allow-destructive", no_argument, NULL, OPT_ALLOW_DESTRUCTIVE },
	{ "from-db", no_argument, NULL, OPT_FROM_DB },
	{ "no-live", no_argument, NULL, OPT_NO_LIVE },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

enum format { FMT_TEXT, FMT_JSON, FMT_GITHUB };

struct args {
	const char	*cmd;
	const char	*schema;
	const char	*db;
	const char	*snapshot;
	const char	*msg;
	const char	*output;
	enum format	 format;
	int		 allow_destructive;
	int		 from_db;
	int		 no_live;
	char		 models[PATH_MAX];	/* the model file */
	char		 migrations[PATH_MAX];	/* the migrations folder */
};

/* Whether s is a plain schema name (it also names files and folders). */
static int
plain_name(const char *s)
{
	const char	*p;

	if (*s == '\0' || strlen(s) > MODEL_NAME_MAX)
		return (0);
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return (0);
	return (!(*s >= '0' && *s <= '9'));
}

/*
 * Parses the options of a command; allowed lists the long options it
 * takes.  Returns -1 after printing the synopsis (exit 0), an exit code
 * on a usage error, or 0.
 */
static int
parse_args(int argc, char **argv, const char *synopsis, const char *allowed,
    struct args *a)
{
	const char	*models = "schema_models", *migrations = NULL, *name;
	int		 c, i, formats_github = strstr(allowed, "github") != NULL;

	memset(a, 0, sizeof(*a));
	a->cmd = argv[0];
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		if (c == 'h') {
			printf("usage: verifier %s\n", synopsis);
			return (-1);
		}
		if (c == '?' || c == ':')
			return (cli_bad_usage(a->cmd, "unknown option or missing "
			    "value: '%s'", argv[optind - 1]));
		name = NULL;
		for (i = 0; long_options[i].name != NULL; i++)
			if (long_options[i].val == c)
				name = long_options[i].name;
		if (name == NULL || strstr(allowed, name) == NULL)
			return (cli_bad_usage(a->cmd, "unknown option '%s'",
			    argv[optind - 1]));
		switch (c) {
		case OPT_SCHEMA:
			a->schema = optarg;
			break;
		case OPT_MODELS:
			models = optarg;
			break;
		case OPT_MIGRATIONS:
			migrations = optarg;
			break;
		case OPT_DB:
			a->db = optarg;
			break;
		case OPT_SNAPSHOT:
			a->snapshot = optarg;
			break;
		case OPT_MSG:
			a->msg = optarg;
			break;
		case OPT_OUTPUT:
			a->output = optarg;
			break;
		case OPT_ALLOW_DESTRUCTIVE:
			a->allow_destructive = 1;
			break;
		case OPT_FROM_DB:
			a->from_db = 1;
			break;
		case OPT_NO_LIVE:
			a->no_live = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				a->format = FMT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				a->format = FMT_JSON;
			else if (formats_github && strcmp(optarg, "github") == 0)
				a->format = FMT_GITHUB;
			else
				return (cli_bad_usage(a->cmd, "--format '%s': "
				    "expected text, json%s", optarg,
				    formats_github ? " or github" : ""));
			break;
		}
	}
	if (optind < argc)
		return (cli_bad_usage(a->cmd, "unexpected argument '%s'",
		    argv[optind]));
	if (a->schema == NULL)
		return (cli_bad_usage(a->cmd, "missing --schema NAME"));
	if (!plain_name(a->schema))
		return (cli_bad_usage(a->cmd, "--schema '%s': expected a lower-case "
		    "name (letters, digits, _)", a->schema));
	if (strstr(allowed, "msg") != NULL && (a->msg == NULL ||
	    *a->msg == '\0'))
		return (cli_bad_usage(a->cmd, "missing --msg \"what it does\""));
	snprintf(a->models, sizeof(a->models), "%s/%s.yaml", models,
	    a->schema);
	if (migrations != NULL)
		snprintf(a->migrations, sizeof(a->migrations), "%s",
		    migrations);
	else
		snprintf(a->migrations, sizeof(a->migrations), "migrations/%s",
		    a->schema);
	return (0);
}

static int
report(const char *cmd, const struct vf_error *err)
{
	char	buf[4096];

	fprintf(stderr, "verifier %s: %s\n", cmd,
	    vf_error_str(err, buf, sizeof(buf)));
	return (err->code ? err->code : VF_EXIT_FAIL);
}

/* ------------------------------------------------------------------ */
/* Problems: what check (and the others) report, in three formats.    */

struct problem {
	char	*file;
	int	 line;
	char	*msg;
};

struct problems {
	struct problem	*v;
	size_t		 n;
};

static void
add_problem(struct problems *p, const char *file, int line, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
add_problem(struct problems *p, const char *file, int line, const char *fmt,
    ...)
{
	struct vbuf	b;
	va_list		ap;

	vbuf_init(&b);
	va_start(ap, fmt);
	vbuf_vappendf(&b, fmt, ap);
	va_end(ap);
	p->v = xrealloc(p->v, (p->n + 1) * sizeof(*p->v));
	p->v[p->n].file = file != NULL && *file != '\0' ? xstrdup(file) : NULL;
	p->v[p->n].line = line;
	p->v[p->n].msg = vbuf_steal(&b);
	p->n++;
}

static void
add_error(struct problems *p, const struct vf_error *err)
{
	if (err->col > 0)
		add_problem(p, err->file, err->line, "column %d: %s", err->col,
		    err->msg);
	else
		add_problem(p, err->file, err->line, "%s", err->msg);
}

static void
free_problems(struct problems *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].file);
		free(p->v[i].msg);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* GitHub workflow commands escape %, CR and LF (and , : in properties). */
static void
gh_escape(const char *s, int property)
{
	for (; *s != '\0'; s++) {
		if (*s == '%')
			fputs("%25", stdout);
		else if (*s == '\r')
			fputs("%0D", stdout);
		else if (*s == '\n')
			fputs("%0A", stdout);
		else if (property && *s == ':')
			fputs("%3A", stdout);
		else if (property && *s == ',')
			fputs("%2C", stdout);
		else
			putchar(*s);
	}
}

static void
print_problems(const struct args *a, const char *what,
    const struct problems *p)
{
	struct vbuf	b;
	size_t		i;

	if (a->format == FMT_JSON) {
		vbuf_init(&b);
		vbuf_puts(&b, "{\"command\": ");
		diff_json_string(&b, a->cmd);
		vbuf_puts(&b, ", \"schema\": ");
		diff_json_string(&b, a->schema);
		vbuf_appendf(&b, ", \"ok\": %s, \"problems\": [",
		    p->n == 0 ? "true" : "false");
		for (i = 0; i < p->n; i++) {
			vbuf_puts(&b, i > 0 ? ",\n  {\"file\": " :
			    "\n  {\"file\": ");
			diff_json_string(&b, p->v[i].file);
			vbuf_appendf(&b, ", \"line\": %d, \"message\": ",
			    p->v[i].line);
			diff_json_string(&b, p->v[i].msg);
			vbuf_putc(&b, '}');
		}
		vbuf_puts(&b, p->n > 0 ? "\n]}\n" : "]}\n");
		fputs(b.data, stdout);
		vbuf_free(&b);
		return;
	}
	for (i = 0; i < p->n; i++) {
		if (a->format == FMT_GITHUB) {
			fputs("::error ", stdout);
			if (p->v[i].file != NULL) {
				fputs("file=", stdout);
				gh_escape(p->v[i].file, 1);
				if (p->v[i].line > 0)
					printf(",line=%d", p->v[i].line);
				putchar(',');
			}
			fputs("title=verifier ", stdout);
			gh_escape(a->cmd, 1);
			fputs("::", stdout);
			gh_escape(p->v[i].msg, 0);
			putchar('\n');
			continue;
		}
		if (p->v[i].file != NULL && p->v[i].line > 0)
			printf("%s:%d: %s\n", p->v[i].file, p->v[i].line,
			    p->v[i].msg);
		else if (p->v[i].file != NULL)
			printf("%s: %s\n", p->v[i].file, p->v[i].msg);
		else
			printf("%s\n", p->v[i].msg);
	}
	if (a->format == FMT_TEXT) {
		if (p->n == 0)
			printf("%s %s: ok\n", what, a->schema);
		else
			printf("%s %s: %zu problem%s\n", what, a->schema, p->n,
			    p->n == 1 ? "" : "s");
	}
}

/* ------------------------------------------------------------------ */
/* Scratch databases.                                                  */

struct scratch {
	PGconn	*admin;		/* the connection it was created from */
	PGconn	*conn;		/* connected to the scratch database */
	char	 name[64];
};

/*
 * SIGINT, SIGTERM, SIGHUP while a scratch database exists: the running
 * query is cancelled (PQcancel() is safe in a signal handler), so the
 * command fails its step and its cleanup drops the scratch database.
 */
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

/*
 * Creates a scratch database with a unique name on admin's server and
 * connects to it.  The role needs CREATEDB.  Release with scratch_drop().
 */
static int
scratch_create(PGconn *admin, struct scratch *s, struct vf_error *err)
{
	static unsigned	 counter;
	struct vbuf	 sql;
	int		 rc;

	memset(s, 0, sizeof(*s));
	s->admin = admin;
	snprintf(s->name, sizeof(s->name), "vf_scratch_%ld_%ld_%u",
	    (long)getpid(), (long)time(NULL), counter++);
	vbuf_init(&sql);
	vbuf_puts(&sql, "CREATE DATABASE ");
	vf_quote_ident(&sql, s->name);
	vbuf_puts(&sql, " TEMPLATE template0");
	rc = db_exec(admin, sql.data, 0, NULL, err);
	vbuf_free(&sql);
	if (rc == -1) {
		s->name[0] = '\0';
		return (vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
		    "cannot create a scratch database (the role needs "
		    "CREATEDB): %s", err->msg));
	}
	catch_signals(1);
	if ((s->conn = db_connect_like(admin, s->name, err)) == NULL)
		return (-1);
	/* A scratch database is thrown away: no commit waits for the disk. */
	PQclear(PQexec(s->conn, "SET synchronous_commit = off"));
	scratch_cancel = PQgetCancel(s->conn);
	return (0);
}

/* Drops the scratch database, whatever state it is in. */
static void
scratch_drop(struct scratch *s)
{
	struct vbuf	sql;
	struct vf_error	err;

	PGcancel	*c = scratch_cancel;

	scratch_cancel = NULL;
	PQfreeCancel(c);
	PQfinish(s->conn);
	s->conn = NULL;
	if (s->name[0] == '\0' || s->admin == NULL)
		return;
	vbuf_init(&sql);
	vbuf_puts(&sql, "DROP DATABASE IF EXISTS ");
	vf_quote_ident(&sql, s->name);
	vbuf_puts(&sql, " WITH (FORCE)");
	if (db_exec(s->admin, sql.data, 0, NULL, &err) == -1)
		fprintf(stderr, "verifier: could not drop the scratch database "
		    "%s: %s\n", s->name, err.msg);
	vbuf_free(&sql);
	s->name[0] = '\0';
	catch_signals(0);
	if (interrupted) {
		fprintf(stderr, "verifier: interrupted; the scratch database "
		    "was dropped\n");
		exit(130);
	}
}

/* Empties schema in the scratch database. */
static int
reset_schema(PGconn *conn, const char *schema, struct vf_error *err)
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

/* Runs a script of several statements in one transaction. */
static int
run_script(PGconn *conn, const char *script, struct vf_error *err)
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

/*
 * The model's DDL in the scratch database, read back.  Statements run one
 * by one, each in its own transaction: one transaction of thousands of
 * CREATE TABLEs is several times slower in PostgreSQL, and a scratch
 * database needs no atomicity.  A statement the server rejects is
 * reported at the line of the model that wrote it.
 */
static int
model_catalog(PGconn *conn, const struct model *m, struct catalog *cat,
    struct vf_error *err)
{
	struct model_stmt	*stmts = NULL;
	PGresult		*res;
	size_t			 n = 0, i;
	int			 rc = -1;

	if (reset_schema(conn, m->schema, err) == -1)
		return (-1);
	if (model_render_stmts(m, &stmts, &n, err) == -1)
		return (-1);
	for (i = 0; i < n; i++) {
		if (interrupted) {
			vf_error_set(err, VF_EXIT_FAIL, NULL, 0, 0,
			    "interrupted");
			goto done;
		}
		res = PQexec(conn, stmts[i].sql);
		if (PQresultStatus(res) != PGRES_COMMAND_OK &&
		    PQresultStatus(res) != PGRES_TUPLES_OK) {
			vf_error_set(err, VF_EXIT_USAGE, m->path,
			    stmts[i].line, stmts[i].col,
			    "PostgreSQL rejects the model: %s",
			    PQerrorMessage(conn));
			err->msg[strcspn(err->msg, "\n")] = '\0';
			PQclear(res);
			goto done;
		}
		PQclear(res);
	}
	PQclear(PQexec(conn, "RESET search_path"));
	PQclear(PQexec(conn, "RESET standard_conforming_strings"));
	rc = catalog_read(conn, m->schema, cat, err);
done:
	model_stmts_free(stmts, n);
	return (rc);
}

/* Bump when the catalog queries or the store change. */
#define CACHE_TAG	"verifier-expected-1"

/*
 * The folder of the cache of expected catalogs: $VERIFIER_CACHE ("off"
 * disables it), else $XDG_CACHE_HOME/verifier, else ~/.cache/verifier.
 * Returns 0 with dir filled (and made), or -1 when there is none.
 */
static int
cache_dir(char *dir, size_t len)
{
	const char	*env;
	char		 parent[PATH_MAX];
	int		 n;

	if ((env = getenv("VERIFIER_CACHE")) != NULL && *env != '\0') {
		if (strcmp(env, "off") == 0)
			return (-1);
		n = snprintf(dir, len, "%s", env);
	} else if ((env = getenv("XDG_CACHE_HOME")) != NULL && *env != '\0') {
		n = snprintf(dir, len, "%s/verifier", env);
	} else if ((env = getenv("HOME")) != NULL && *env != '\0') {
		n = snprintf(parent, sizeof(parent), "%s/.cache", env);
		if (n < 0 || (size_t)n >= sizeof(parent))
			return (-1);
		(void)mkdir(parent, 0700);
		n = snprintf(dir, len, "%s/verifier", parent);
	} else
		return (-1);
	if (n < 0 || (size_t)n >= len)
		return (-1);
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return (-1);
	return (0);
}

/*
 * The expected catalog of model m: PostgreSQL's reading of the model's
 * DDL in a scratch database (created in s when it has none yet).  The
 * result depends only on the DDL and the server's version, so it is kept
 * in a cache file named by their SHA-256 and reused while both stay the
 * same.
 */
static int
expected_catalog(PGconn *conn, struct scratch *s, const struct model *m,
    struct catalog *cat, struct vf_error *err)
{
	struct vbuf	key;
	char		dir[PATH_MAX], path[PATH_MAX + 100], hex[65];
	int		have_cache, found;

	vbuf_init(&key);
	vbuf_appendf(&key, "%s\n%d\n", CACHE_TAG, PQserverVersion(conn));
	if (model_render_sql(m, &key, err) == -1) {
		vbuf_free(&key);
		return (-1);
	}
	vf_sha256_hex(key.data, key.len, hex);
	vbuf_free(&key);
	have_cache = cache_dir(dir, sizeof(dir)) == 0;
	if (have_cache && snprintf(path, sizeof(path), "%s/%s.sqlite", dir,
	    hex) >= (int)sizeof(path))
		have_cache = 0;
	if (have_cache) {
		found = snapshot_read_file(path, SNAPSHOT_EXPECTED, m->schema,
		    cat, err);
		if (found == 1)
			return (0);
	}
	if (s->conn == NULL && scratch_create(conn, s, err) == -1)
		return (-1);
	if (model_catalog(s->conn, m, cat, err) == -1)
		return (-1);
	if (have_cache) {
		struct vf_error	ignored;

		/* A cache that cannot be written is only slower. */
		(void)snapshot_write_file(path, SNAPSHOT_EXPECTED, cat,
		    &ignored);
	}
	return (0);
}

/*
 * Whether dir holds a *.sql file.  (sqlfile_load_dir() on a folder without
 * one hands qsort() a NULL array, which UBSan rejects; skip it.)
 */
static int
has_sql_files(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	size_t		 l;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return (1);	/* let the loader report it */
	while (!found && (de = readdir(d)) != NULL) {
		l = strlen(de->d_name);
		found = de->d_name[0] != '.' && l > 4 &&
		    strcmp(de->d_name + l - 4, ".sql") == 0;
	}
	closedir(d);
	return (found);
}

/* Replays the migrations folder from an empty schema. */
static int
replay(PGconn *conn, const struct args *a, int *applied,
    struct vf_error *err)
{
	struct runner_opts	ro;

	memset(&ro, 0, sizeof(ro));
	ro.schema = a->schema;
	ro.dir = a->migrations;
	ro.role = "";
	if (reset_schema(conn, a->schema, err) == -1)
		return (-1);
	if (!has_sql_files(a->migrations)) {
		if (applied != NULL)
			*applied = 0;
		return (0);
	}
	return (runner_migrate(conn, &ro, applied, err));
}

/* Adds an "unsupported: kind schema.name" problem per unmodelled object. */
static size_t
unsupported(const struct catalog *cat, const char *where,
    struct problems *p)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_UNSUPPORTED];
	size_t				 i;

	for (i = 0; i < s->nrows; i++)
		add_problem(p, NULL, 0, "unsupported: %s %s.%s%s%s",
		    catalog_get(cat, CATALOG_UNSUPPORTED, i, "kind"),
		    cat->schema, catalog_get(cat, CATALOG_UNSUPPORTED, i,
		    "name"), where != NULL ? " in " : "",
		    where != NULL ? where : "");
	return (s->nrows);
}

/* With VERIFIER_STATS set: the queries and time (ms) of a catalog read. */
static void
print_stats(const char *what, const struct catalog *cat, double ms)
{
	if (getenv("VERIFIER_STATS") != NULL)
		fprintf(stderr, "verifier: %s: %d catalog queries in %.1f ms\n",
		    what, cat->nqueries, ms);
}

/* Opens the store and loads both sides (and the model's renames). */
static int
load_store(struct snapshot *snap, const struct args *a,
    const struct catalog *expected, const struct catalog *actual,
    const struct model *m, struct vf_error *err)
{
	if (snapshot_open(snap, a->snapshot, err) == -1)
		return (-1);
	if (snapshot_load(snap, SNAPSHOT_EXPECTED, expected, err) == -1 ||
	    snapshot_load(snap, SNAPSHOT_ACTUAL, actual, err) == -1 ||
	    (m != NULL && snapshot_load_renames(snap, m, err) == -1)) {
		snapshot_close(snap);
		return (-1);
	}
	return (0);
}

/* ------------------------------------------------------------------ */
/* diff                                                                */

/*
 * A model loaded on a thread of its own while the live catalog is read:
 * the read mostly waits for the server, the load (YAML, and every type
 * and expression through libpg_query, which is thread-safe) is this
 * process's own work, so the two overlap.  The thread touches nothing
 * but the job.
 */
struct model_job {
	const char	*path;
	struct model	*m;
	struct vf_error	 err;
	int		 rc;
	int		 threaded;
	pthread_t	 tid;
};

static void *
model_job_run(void *arg)
{
	struct model_job	*j = arg;

	j->rc = model_load(j->path, j->m, &j->err);
	return (NULL);
}

/* Starts loading path into m; model_job_wait() gives the result. */
static void
model_job_start(struct model_job *j, const char *path, struct model *m)
{
	memset(j, 0, sizeof(*j));
	j->path = path;
	j->m = m;
	vf_error_clear(&j->err);
	j->threaded = pthread_create(&j->tid, NULL, model_job_run, j) == 0;
	if (!j->threaded)
		model_job_run(j);	/* no thread: the same work, in line */
}

/* Waits for the load: 0, or -1 with *err set as model_load() sets it. */
static int
model_job_wait(struct model_job *j, struct vf_error *err)
{
	if (j->threaded)
		pthread_join(j->tid, NULL);
	j->threaded = 0;
	if (j->rc == -1)
		*err = j->err;
	return (j->rc);
}

int
cmd_diff(int argc, char **argv)
{
	struct args	 a;
	struct model	 m;
	struct vf_error	 err;
	struct catalog	 expected, actual;
	struct snapshot	 snap;
	struct scratch	 s;
	struct problems	 probs;
	struct diff	 d;
	struct vbuf	 out;
	struct model_job job;
	PGconn		*conn = NULL;
	double		 t0, t1;
	int		 rc, read_rc = -1, have_model = 0;

	rc = parse_args(argc, argv, "diff --schema S [--models DIR] "
	    "[--db URL] [--format text|json] [--snapshot FILE]\n"
	    "       the models against the live database; exit 0 when equal, "
	    "1 when they differ, 2 on bad input",
	    "schema models migrations db format snapshot", &a);
	if (rc != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	memset(&expected, 0, sizeof(expected));
	memset(&actual, 0, sizeof(actual));
	memset(&s, 0, sizeof(s));
	memset(&probs, 0, sizeof(probs));
	memset(&d, 0, sizeof(d));
	snap.db = NULL;
	model_job_start(&job, a.models, &m);
	t0 = t1 = 0;
	if ((conn = db_connect(a.db, &err)) != NULL) {
		t0 = vf_now_ms();
		read_rc = catalog_read(conn, a.schema, &actual, &err);
		t1 = vf_now_ms();
	}
	/* A bad model is reported first, as if it had been loaded first. */
	if (model_job_wait(&job, &err) == -1) {
		catalog_free(&actual);
		PQfinish(conn);
		return (report(a.cmd, &err));
	}
	have_model = 1;
	rc = VF_EXIT_FAIL;
	if (read_rc == -1)
		goto fail;
	print_stats("live database", &actual, t1 - t0);
	if (unsupported(&actual, NULL, &probs) > 0) {
		print_problems(&a, "diff", &probs);
		goto done;
	}
	t0 = vf_now_ms();
	if (expected_catalog(conn, &s, &m, &expected, &err) == -1)
		goto fail;
	print_stats(s.conn != NULL ? "models (scratch database, DDL, read "
	    "back)" : "models (from the cache)", &expected, vf_now_ms() - t0);
	t0 = vf_now_ms();
	if (load_store(&snap, &a, &expected, &actual, &m, &err) == -1)
		goto fail;
	t1 = vf_now_ms();
	if (diff_compute(&snap, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED, &d,
	    &err) == -1)
		goto fail;
	if (getenv("VERIFIER_STATS") != NULL)
		fprintf(stderr, "verifier: sqlite store loaded in %.1f ms, "
		    "diff computed in %.1f ms\n", t1 - t0, vf_now_ms() - t1);
	if (a.format == FMT_JSON) {
		vbuf_init(&out);
		vbuf_puts(&out, "{\"schema\": ");
		diff_json_string(&out, a.schema);
		vbuf_puts(&out, ", \"differences\": ");
		diff_json(&out, &d);
		vbuf_puts(&out, "}\n");
		fputs(out.data, stdout);
		vbuf_free(&out);
	} else if (d.n == 0)
		printf("schema %s matches its models (%s)\n", a.schema,
		    a.models);
	else
		diff_print_text(stdout, a.schema, &d, cli_color(STDOUT_FILENO));
	rc = d.n > 0 ? VF_EXIT_FAIL : VF_EXIT_OK;
	goto done;
fail:
	rc = report(a.cmd, &err);
done:
	diff_free(&d);
	snapshot_close(&snap);
	catalog_free(&expected);
	catalog_free(&actual);
	scratch_drop(&s);
	PQfinish(conn);
	free_problems(&probs);
	if (have_model)
		model_free(&m);
	return (rc);
}

/* ------------------------------------------------------------------ */
/* draft                                                               */

/* A file-name slug of msg: lower-case words joined by '_'. */
static void
make_slug(const char *msg, char *out, size_t len)
{
	size_t	n = 0;
	int	sep = 0;

	for (; *msg != '\0' && n + 2 < len && n < 60; msg++) {
		char	c = *msg;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sep && n > 0)
				out[n++] = '_';
			out[n++] = c;
			sep = 0;
		} else
			sep = 1;
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, len, "migration");
}

/* Checks that applying up to `before` gives `after`, compared in a store. */
static int
same_catalog(const struct catalog *want, const struct catalog *got,
    struct diff *d, struct vf_error *err)
{
	struct snapshot	snap;
	int		rc;

	if (snapshot_open(&snap, NULL, err) == -1)
		return (-1);
	rc = snapshot_load(&snap, SNAPSHOT_EXPECTED, want, err);
	if (rc == 0)
		rc = snapshot_load(&snap, SNAPSHOT_ACTUAL, got, err);
	if (rc == 0)
		rc = diff_compute(&snap, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED, d,
		    err);
	snapshot_close(&snap);
	return (rc);
}

/*
 * Proves a draft in the scratch database: replay, apply up, compare with
 * the models; apply down, compare with the replay.
 */
static int
prove_draft(struct scratch *s, const struct args *a, const char *up,
    const char *down, const struct catalog *expected,
    const struct catalog *before, struct problems *p, struct vf_error *err)
{
	struct catalog	 cat;
	struct diff	 d;
	struct vbuf	 line;
	size_t		 i;
	int		 step;

	vbuf_init(&line);
	for (step = 0; step < 2; step++) {
		if (step == 0 && replay(s->conn, a, NULL, err) == -1)
			goto fail;
		if (run_script(s->conn, step == 0 ? up : down, err) == -1) {
			add_problem(p, NULL, 0, "the drafted %s section fails "
			    "on a replay of the migrations: %s",
			    step == 0 ? "up" : "down", err->msg);
			continue;
		}
		if (catalog_read(s->conn, a->schema, &cat, err) == -1)
			goto fail;
		if (same_catalog(step == 0 ? expected : before, &cat, &d,
		    err) == -1) {
			catalog_free(&cat);
			goto fail;
		}
		for (i = 0; i < d.n; i++) {
			vbuf_reset(&line);
			diff_describe(&line, a->schema, &d.v[i]);
			add_problem(p, NULL, 0, "after the drafted %s section: "
			    "%s", step == 0 ? "up" : "down", line.data);
		}
		diff_free(&d);
		catalog_free(&cat);
	}
	vbuf_free(&line);
	return (0);
fail:
	vbuf_free(&line);
	return (-1);
}

/* The newest version in the folder, "" when none. */
static void
newest_version(const char *dir, char *out, size_t len)
{
	struct sqlfile	*files;
	size_t		 n;
	struct vf_error	 err;

	out[0] = '\0';
	if (!has_sql_files(dir) ||
	    sqlfile_load_dir(dir, &files, &n, &err) == -1)
		return;
	if (n > 0)
		snprintf(out, len, "%s", files[n - 1].version);
	sqlfile_free_list(files, n);
}

int
cmd_draft(int argc, char **argv)
{
	struct args	 a;
	struct model	 m;
	struct vf_error	 err;
	struct catalog	 expected, actual;
	struct snapshot	 snap;
	struct scratch	 s;
	struct problems	 probs;
	struct vbuf	 up, down, destr, file;
	struct stat	 sb;
	PGconn		*conn = NULL;
	char		 version[32], newest[64], slug[80], path[PATH_MAX + 200];
	size_t		 nup = 0, ndown = 0;
	time_t		 now;
	struct tm	 tm;
	int		 rc, have_model = 0;

	rc = parse_args(argc, argv, "draft --schema S --msg \"what it does\" "
	    "[--models DIR] [--migrations DIR]\n"
	    "                [--db URL] [--from-db] [--allow-destructive] "
	    "[--snapshot FILE]\n"
	    "       writes migrations/S/<version>_<slug>.sql (up and down); "
	    "exit 0 when written\n"
	    "       or nothing to do, 1 when refused (destructive steps) or "
	    "failed, 2 on bad input",
	    "schema models migrations db msg from-db allow-destructive "
	    "snapshot", &a);
	if (rc != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	memset(&expected, 0, sizeof(expected));
	memset(&actual, 0, sizeof(actual));
	memset(&s, 0, sizeof(s));
	memset(&probs, 0, sizeof(probs));
	snap.db = NULL;
	vbuf_init(&up);
	vbuf_init(&down);
	vbuf_init(&destr);
	vbuf_init(&file);
	if (model_load(a.models, &m, &err) == -1) {
		rc = report(a.cmd, &err);
		goto done;
	}
	have_model = 1;
	if (stat(a.migrations, &sb) == -1 && errno == ENOENT)
		(void)mkdir(a.migrations, 0755);
	if (stat(a.migrations, &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		vf_error_set(&err, VF_EXIT_USAGE, a.migrations, 0, 0,
		    "no such migrations folder");
		goto fail;
	}
	if ((conn = db_connect(a.db, &err)) == NULL)
		goto fail;
	if (scratch_create(conn, &s, &err) == -1)
		goto fail;
	if (a.from_db) {
		if (catalog_read(conn, a.schema, &actual, &err) == -1)
			goto fail;
	} else {
		if (replay(s.conn, &a, NULL, &err) == -1 ||
		    catalog_read(s.conn, a.schema, &actual, &err) == -1)
			goto fail;
	}
	if (unsupported(&actual, a.from_db ? "the live database" :
	    "the replay of the migrations", &probs) > 0) {
		print_problems(&a, "draft", &probs);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	if (expected_catalog(conn, &s, &m, &expected, &err) == -1)
		goto fail;
	if (load_store(&snap, &a, &expected, &actual, &m, &err) == -1)
		goto fail;
	if (emit_migration(&snap, a.schema, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED,
	    &up, &nup, &destr, &err) == -1)
		goto fail;
	if (nup == 0) {
		printf("draft: nothing to do: the %s match the models "
		    "(%s); no file written\n", a.from_db ? "live database" :
		    "migrations", a.models);
		rc = VF_EXIT_OK;
		goto done;
	}
	if (destr.len > 0 && !a.allow_destructive) {
		fprintf(stderr, "verifier draft: refusing destructive steps "
		    "(run again with --allow-destructive to write them):\n");
		fputs(destr.data, stderr);
		rc = VF_EXIT_FAIL;
		goto done;
	}
	if (emit_migration(&snap, a.schema, SNAPSHOT_EXPECTED, SNAPSHOT_ACTUAL,
	    &down, &ndown, NULL, &err) == -1)
		goto fail;
	if (!a.from_db) {
		if (prove_draft(&s, &a, up.data, down.data, &expected, &actual,
		    &probs, &err) == -1)
			goto fail;
		if (probs.n > 0) {
			fprintf(stderr, "verifier draft: the draft does not do "
			    "what it should; no file written:\n");
			print_problems(&a, "draft", &probs);
			fprintf(stderr, "-- migrate:up\n%s-- migrate:down\n%s",
			    up.data, down.data);
			rc = VF_EXIT_FAIL;
			goto done;
		}
	}
	/* Version: now in UTC, after the newest file whatever the clock. */
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(version, sizeof(version), "%Y%m%d%H%M%S", &tm);
	newest_version(a.migrations, newest, sizeof(newest));
	if (newest[0] != '\0' && sqlfile_version_cmp(version, newest) <= 0) {
		unsigned long long v = strtoull(newest, NULL, 10) + 1;

		snprintf(version, sizeof(version), "%llu", v);
	}
	make_slug(a.msg, slug, sizeof(slug));
	snprintf(path, sizeof(path), "%s/%s_%s.sql", a.migrations, version,
	    slug);
	vbuf_puts(&file, "-- ");
	vbuf_puts(&file, a.msg[strcspn(a.msg, "\n")] == '\0' ? a.msg :
	    "(message)");
	vbuf_appendf(&file, "\n-- drafted by verifier draft from %s\n"
	    "-- migrate:up\n%s\n-- migrate:down\n%s", a.models, up.data,
	    ndown > 0 ? down.data : "");
	if (vf_write_file_atomic(path, file.data, file.len, &err) == -1)
		goto fail;
	printf("draft: wrote %s (%zu change%s)\n", path, nup,
	    nup == 1 ? "" : "s");
	if (destr.len > 0) {
		printf("draft: it has destructive steps, marked in the file:\n");
		fputs(destr.data, stdout);
	}
	rc = VF_EXIT_OK;
	goto done;
fail:
	rc = report(a.cmd, &err);
done:
	snapshot_close(&snap);
	catalog_free(&expected);
	catalog_free(&actual);
	scratch_drop(&s);
	PQfinish(conn);
	free_problems(&probs);
	vbuf_free(&up);
	vbuf_free(&down);
	vbuf_free(&destr);
	vbuf_free(&file);
	if (have_model)
		model_free(&m);
	return (rc);
}

/* ------------------------------------------------------------------ */
/* check                                                               */

/*
 * The schemas a statement refers to, from PostgreSQL's parse tree walked
 * with sqlite's json_tree: RangeVar and CREATE SCHEMA schemanames, the
 * first part of qualified names (types, functions, operators, objects of
 * DROP and COMMENT), schemas named as objects (DROP/GRANT ... SCHEMA) and
 * the schemas of a SET search_path.
 */
static const char refs_sql[] =
    "SELECT DISTINCT s FROM ("
    "SELECT value AS s FROM json_tree(?1) WHERE key IN ('schemaname', "
    "'newschema') AND type = 'text' "
    "UNION ALL SELECT json_extract(value, '$[0].String.sval') FROM "
    "json_tree(?1) WHERE type = 'array' AND key IN ('names', 'funcname', "
    "'typeName', 'opname', 'collname', 'defnames', 'opclass', 'items', "
    "'objname') AND json_array_length(value) >= 2 "
    "AND json_extract(value, '$[1].String.sval') IS NOT NULL "
    "AND (path NOT LIKE '%.CommentStmt.object.List' "
    "OR json_array_length(value) >= 3 OR COALESCE(json_extract(?1, "
    "substr(path, 1, length(path) - 12) || '.objtype'), '') "
    "<> 'OBJECT_COLUMN') "
    "UNION ALL SELECT json_extract(value, '$.String.sval') FROM "
    "json_tree(?1) WHERE path LIKE '%.objects' AND type = 'object' "
    "AND (json_extract(?1, substr(path, 1, length(path) - 8) || "
    "'.removeType') = 'OBJECT_SCHEMA' OR json_extract(?1, substr(path, 1, "
    "length(path) - 8) || '.objtype') = 'OBJECT_SCHEMA') "
    "UNION ALL SELECT value FROM json_tree(?1) WHERE key = 'sval' "
    "AND type = 'text' AND fullkey LIKE '%.VariableSetStmt.args[%' "
    "AND json_extract(?1, substr(fullkey, 1, instr(fullkey, "
    "'.VariableSetStmt') + 15) || '.name') = 'search_path'"
    ") WHERE s IS NOT NULL AND s <> ?2 AND s NOT IN ('pg_catalog', "
    "'information_schema') ORDER BY s";

static int
check_refs(struct snapshot *snap, const struct args *a,
    const struct sqlfile *f, const struct sqlfile_section *sec,
    const char *section, struct problems *p, struct vf_error *err)
{
	sqlite3_stmt		*st = NULL;
	PgQueryParseResult	 r;
	char			*text;
	size_t			 i;

	if (snapshot_prepare(snap, refs_sql, &st, err) == -1)
		return (-1);
	for (i = 0; i < sec->nstmts; i++) {
		text = xstrndup(f->text + sec->stmts[i].off,
		    sec->stmts[i].len);
		r = pg_query_parse(text);
		free(text);
		if (r.error != NULL) {
			add_problem(p, f->path, sec->stmts[i].line,
			    "does not parse: %s", r.error->message);
			pg_query_free_parse_result(r);
			continue;
		}
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, r.parse_tree, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, a->schema, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			add_problem(p, f->path, sec->stmts[i].line,
			    "the %s section refers to schema \"%s\"; a "
			    "migration of %s touches nothing outside it",
			    section, (const char *)sqlite3_column_text(st, 0),
			    a->schema);
		pg_query_free_parse_result(r);
	}
	sqlite3_finalize(st);
	return (0);
}

/* Lines of a that are not in b, as problems. */
static void
lines_missing(const char *a, const char *b, const char *fmt_prefix,
    struct problems *p)
{
	const char	*s, *e, *q;
	size_t		 n;
	int		 found;

	for (s = a; *s != '\0'; s = *e ? e + 1 : e) {
		e = s + strcspn(s, "\n");
		n = (size_t)(e - s);
		found = 0;
		for (q = b; *q != '\0'; q += strcspn(q, "\n"),
		    q += *q == '\n') {
			if (strncmp(q, s, n) == 0 &&
			    (q[n] == '\n' || q[n] == '\0')) {
				found = 1;
				break;
			}
		}
		if (!found && n > 0)
			add_problem(p, NULL, 0, "%s: %.*s", fmt_prefix, (int)n,
			    s);
	}
}

static void
diff_problems(const struct diff *d, const char *schema, const char *prefix,
    struct problems *p)
{
	struct vbuf	line;
	size_t		i;

	vbuf_init(&line);
	for (i = 0; i < d->n; i++) {
		vbuf_reset(&line);
		diff_describe(&line, schema, &d->v[i]);
		add_problem(p, NULL, 0, "%s: %s", prefix, line.data);
	}
	vbuf_free(&line);
}

/* At head, no edited file, no missing file: from the version table. */
static int
check_versions(PGconn *conn, const struct args *a, const struct sqlfile *files,
    size_t nfiles, struct problems *p, struct vf_error *err)
{
	PGresult	*res;
	struct vbuf	 sql;
	const char	*params[1];
	size_t		 i;
	int		 j, found, rc = -1;

	params[0] = a->schema;
	res = db_query(conn, "SELECT pg_catalog.to_regclass(pg_catalog."
	    "quote_ident($1) || '." RUNNER_VERSION_TABLE "') IS NOT NULL, "
	    "EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)",
	    1, params, PGRES_TUPLES_OK, err);
	if (res == NULL)
		return (-1);
	if (strcmp(PQgetvalue(res, 0, 1), "t") != 0) {
		add_problem(p, NULL, 0, "live database: schema %s does not "
		    "exist (--no-live skips the live checks)", a->schema);
		PQclear(res);
		return (0);
	}
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		PQclear(res);
		if (nfiles > 0)
			add_problem(p, NULL, 0, "live database: no migration "
			    "applied to %s yet (%zu pending)", a->schema,
			    nfiles);
		return (0);
	}
	PQclear(res);
	vbuf_init(&sql);
	vbuf_puts(&sql, "SELECT version, checksum FROM ");
	vf_quote_ident(&sql, a->schema);
	vbuf_puts(&sql, "." RUNNER_VERSION_TABLE " ORDER BY version");
	res = db_query(conn, sql.data, 0, NULL, PGRES_TUPLES_OK, err);
	vbuf_free(&sql);
	if (res == NULL)
		return (-1);
	for (i = 0; i < nfiles; i++) {
		found = 0;
		for (j = 0; j < PQntuples(res); j++) {
			if (sqlfile_version_cmp(PQgetvalue(res, j, 0),
			    files[i].version) != 0)
				continue;
			found = 1;
			if (strcmp(PQgetvalue(res, j, 1), files[i].checksum)
			    != 0)
				add_problem(p, files[i].path, 0, "live "
				    "database: applied, then edited (checksum "
				    "differs)");
		}
		if (!found)
			add_problem(p, files[i].path, 0, "live database: not "
			    "applied (not at head)");
	}
	for (j = 0; j < PQntuples(res); j++) {
		found = 0;
		for (i = 0; i < nfiles; i++)
			if (sqlfile_version_cmp(PQgetvalue(res, j, 0),
			    files[i].version) == 0)
				found = 1;
		if (!found)
			add_problem(p, NULL, 0, "live database: version %s is "
			    "applied but has no file in %s",
			    PQgetvalue(res, j, 0), a->migrations);
	}
	PQclear(res);
	rc = 0;
	return (rc);
}

int
cmd_check(int argc, char **argv)
{
	struct args	 a;
	struct model	 m;
	struct vf_error	 err;
	struct catalog	 expected, replayed, live;
	struct snapshot	 snap, refs;
	struct scratch	 s;
	struct problems	 probs;
	struct sqlfile	*files = NULL;
	struct diff	 d;
	PGconn		*conn = NULL;
	char		*before = NULL, *after = NULL;
	size_t		 nfiles = 0, i;
	int		 rc, have_model = 0, have_files = 0, replay_ok = 0;

	rc = parse_args(argc, argv, "check --schema S [--models DIR] "
	    "[--migrations DIR] [--db URL]\n"
	    "                [--no-live] [--format text|json|github] "
	    "[--snapshot FILE]\n"
	    "       the models load; the migrations replay from empty, touch "
	    "nothing outside S\n"
	    "       and equal the models; the live database is at head with no "
	    "edited file\n"
	    "       and no drift (unless --no-live).  Exit 0 ok, 1 with every "
	    "problem listed, 2 bad input",
	    "schema models migrations db format snapshot no-live github", &a);
	if (rc != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	memset(&expected, 0, sizeof(expected));
	memset(&replayed, 0, sizeof(replayed));
	memset(&live, 0, sizeof(live));
	memset(&s, 0, sizeof(s));
	memset(&probs, 0, sizeof(probs));
	memset(&d, 0, sizeof(d));
	snap.db = NULL;
	refs.db = NULL;

	/* 1. The models load. */
	if (model_load(a.models, &m, &err) == -1) {
		add_error(&probs, &err);
		print_problems(&a, "check", &probs);
		free_problems(&probs);
		return (VF_EXIT_USAGE);
	}
	have_model = 1;
	/* 2. The files parse and refer to no other schema. */
	if (!has_sql_files(a.migrations)) {
		files = NULL;
		nfiles = 0;
		have_files = 1;
	} else if (sqlfile_load_dir(a.migrations, &files, &nfiles, &err) ==
	    -1)
		add_error(&probs, &err);
	else {
		have_files = 1;
		if (snapshot_open(&refs, NULL, &err) == -1)
			goto fail;
		for (i = 0; i < nfiles; i++) {
			if (check_refs(&refs, &a, &files[i], &files[i].up,
			    "up", &probs, &err) == -1 ||
			    check_refs(&refs, &a, &files[i], &files[i].down,
			    "down", &probs, &err) == -1)
				goto fail;
		}
	}
	/* 3. Replay from empty, nothing changed outside the schema. */
	if ((conn = db_connect(a.db, &err)) == NULL)
		goto fail;
	if (scratch_create(conn, &s, &err) == -1)
		goto fail;
	if (have_files) {
		if (reset_schema(s.conn, a.schema, &err) == -1 ||
		    catalog_outside(s.conn, a.schema, &before, &err) == -1)
			goto fail;
		if (replay(s.conn, &a, NULL, &err) == -1)
			add_error(&probs, &err);
		else
			replay_ok = 1;
		if (catalog_outside(s.conn, a.schema, &after, &err) == -1)
			goto fail;
		lines_missing(after, before, "the migrations create or change "
		    "something outside the schema", &probs);
		lines_missing(before, after, "the migrations drop or change "
		    "something outside the schema", &probs);
	}
	if (replay_ok) {
		if (catalog_read(s.conn, a.schema, &replayed, &err) == -1)
			goto fail;
		unsupported(&replayed, "the replay of the migrations", &probs);
	}
	/* 4. The replay equals the models. */
	if (expected_catalog(conn, &s, &m, &expected, &err) == -1) {
		add_error(&probs, &err);
		goto out;
	}
	if (replay_ok) {
		if (load_store(&snap, &a, &expected, &replayed, NULL, &err) ==
		    -1 || diff_compute(&snap, SNAPSHOT_ACTUAL,
		    SNAPSHOT_EXPECTED, &d, &err) == -1)
			goto fail;
		diff_problems(&d, a.schema, "the migrations differ from the "
		    "models (run verifier draft)", &probs);
		diff_free(&d);
	}
	/* 5. The live database: at head, no edited file, no drift. */
	if (!a.no_live) {
		if (have_files && check_versions(conn, &a, files, nfiles,
		    &probs, &err) == -1)
			goto fail;
		if (catalog_read(conn, a.schema, &live, &err) == -1)
			goto fail;
		unsupported(&live, "the live database", &probs);
		snapshot_close(&snap);
		if (load_store(&snap, &a, &expected, &live, NULL, &err) == -1 ||
		    diff_compute(&snap, SNAPSHOT_ACTUAL, SNAPSHOT_EXPECTED, &d,
		    &err) == -1)
			goto fail;
		diff_problems(&d, a.schema, "drift: the live database differs "
		    "from the models", &probs);
		diff_free(&d);
	}
out:
	print_problems(&a, "check", &probs);
	rc = probs.n > 0 ? VF_EXIT_FAIL : VF_EXIT_OK;
	goto done;
fail:
	rc = report(a.cmd, &err);
done:
	snapshot_close(&snap);
	snapshot_close(&refs);
	catalog_free(&expected);
	catalog_free(&replayed);
	catalog_free(&live);
	scratch_drop(&s);
	PQfinish(conn);
	free(before);
	free(after);
	free_problems(&probs);
	if (have_files)
		sqlfile_free_list(files, nfiles);
	if (have_model)
		model_free(&m);
	return (rc);
}

/* ------------------------------------------------------------------ */
/* dump                                                                */

/* A type as the model writes it: enums of the schema by bare name. */
static char *
model_type(const char *schema, const char *type)
{
	struct vbuf	prefix, t;
	const char	*p;

	vbuf_init(&prefix);
	vbuf_init(&t);
	vbuf_puts(&t, "");
	vf_quote_ident(&prefix, schema);
	vbuf_putc(&prefix, '.');
	if (strncmp(type, prefix.data, prefix.len) == 0) {
		p = type + prefix.len;
		if (*p == '"') {
			for (p++; *p != '\0'; p++) {
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"') {
					p++;
					break;
				}
				vbuf_putc(&t, *p);
			}
		}
		vbuf_puts(&t, p);
	} else
		vbuf_puts(&t, type);
	vbuf_free(&prefix);
	return (vbuf_steal(&t));
}

/* Strips the outer parentheses PostgreSQL prints around an expression. */
static char *
unparen(const char *s)
{
	size_t	n = strlen(s), i;
	int	depth = 0, inq = 0;

	if (n < 2 || s[0] != '(' || s[n - 1] != ')')
		return (xstrdup(s));
	for (i = 0; i < n; i++) {
		if (s[i] == '\'')
			inq = !inq;
		if (inq)
			continue;
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0 && i != n - 1)
			return (xstrdup(s));
	}
	return (xstrndup(s + 1, n - 2));
}

static int
yes(const char *s)
{
	return (s != NULL && strcmp(s, "t") == 0);
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static enum model_fk_action
fk_action(const char *c)
{
	switch (c != NULL ? *c : 'a') {
	case 'r':
		return (MODEL_FK_RESTRICT);
	case 'c':
		return (MODEL_FK_CASCADE);
	case 'n':
		return (MODEL_FK_SET_NULL);
	case 'd':
		return (MODEL_FK_SET_DEFAULT);
	default:
		return (MODEL_FK_NO_ACTION);
	}
}

/* The column names of a constraint (col or refcol), in key order. */
static char **
con_columns(const struct catalog *cat, const char *tbl, const char *con,
    const char *which, size_t *n)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_CONCOLS];
	char				**v = NULL;
	const char			*val;
	size_t				 i;

	*n = 0;
	for (i = 0; i < s->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_CONCOLS, i, "tbl"), tbl) ||
		    strcmp(catalog_get(cat, CATALOG_CONCOLS, i, "con"), con))
			continue;
		val = catalog_get(cat, CATALOG_CONCOLS, i, which);
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(val != NULL ? val : "");
	}
	return (v);
}

static void
dump_constraints(const struct catalog *cat, struct model_table *t,
    struct problems *p)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_CONSTRAINTS];
	static const char		 kinds[] = "pufc";
	struct model_constraint		*c;
	const char			*name, *x;
	size_t				 i, k;

	for (k = 0; k < 4; k++) {
		for (i = 0; i < s->nrows; i++) {
			if (strcmp(catalog_get(cat, CATALOG_CONSTRAINTS, i,
			    "tbl"), t->name) != 0 || *catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "kind") != kinds[k])
				continue;
			name = catalog_get(cat, CATALOG_CONSTRAINTS, i, "name");
			if (kinds[k] != 'f' && yes(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "is_deferrable")))
				add_problem(p, NULL, 0, "unsupported: "
				    "deferrable constraint %s.%s.%s",
				    cat->schema, t->name, name);
			t->constraints = xrealloc(t->constraints,
			    (t->nconstraints + 1) * sizeof(*t->constraints));
			c = &t->constraints[t->nconstraints++];
			memset(c, 0, sizeof(*c));
			c->name = xstrdup(name);
			c->name_given = 1;
			switch (kinds[k]) {
			case 'p':
				c->kind = MODEL_CON_PRIMARY;
				break;
			case 'u':
				c->kind = MODEL_CON_UNIQUE;
				break;
			case 'f':
				c->kind = MODEL_CON_FOREIGN;
				break;
			default:
				c->kind = MODEL_CON_CHECK;
				break;
			}
			if (kinds[k] == 'c') {
				x = catalog_get(cat, CATALOG_CONSTRAINTS, i,
				    "check_expr");
				c->expression = unparen(x != NULL ? x : "true");
				continue;
			}
			c->columns = con_columns(cat, t->name, name, "col",
			    &c->ncolumns);
			if (kinds[k] != 'f')
				continue;
			c->ref_table = xstrdup(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "ref_table"));
			c->ref_columns = con_columns(cat, t->name, name,
			    "refcol", &c->nref_columns);
			c->on_delete = fk_action(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "on_delete"));
			c->on_update = fk_action(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "on_update"));
			c->deferrable = yes(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "is_deferrable"));
			c->initially_deferred = yes(catalog_get(cat,
			    CATALOG_CONSTRAINTS, i, "is_deferred"));
		}
	}
}

static void
dump_indexes(const struct catalog *cat, struct model_table *t)
{
	const struct catalog_set	*s = &cat->sets[CATALOG_INDEXES];
	const struct catalog_set	*ks = &cat->sets[CATALOG_INDEXKEYS];
	struct model_index		*ix;
	struct model_index_key		*key;
	const char			*name, *x;
	size_t				 i, j;

	for (i = 0; i < s->nrows; i++) {
		if (strcmp(catalog_get(cat, CATALOG_INDEXES, i, "tbl"),
		    t->name) != 0)
			continue;
		name = catalog_get(cat, CATALOG_INDEXES, i, "name");
		t->indexes = xrealloc(t->indexes, (t->nindexes + 1) *
		    sizeof(*t->indexes));
		ix = &t->indexes[t->nindexes++];
		memset(ix, 0, sizeof(*ix));
		ix->name = xstrdup(name);
		ix->name_given = 1;
		ix->unique = yes(catalog_get(cat, CATALOG_INDEXES, i, "uniq"));
		ix->method = xstrdup(catalog_get(cat, CATALOG_INDEXES, i,
		    "method"));
		x = catalog_get(cat, CATALOG_INDEXES, i, "where_expr");
		ix->where = x != NULL ? unparen(x) : NULL;
		for (j = 0; j < ks->nrows; j++) {
			if (strcmp(catalog_get(cat, CATALOG_INDEXKEYS, j, "idx"),
			    name) != 0)
				continue;
			if (yes(catalog_get(cat, CATALOG_INDEXKEYS, j,
			    "included"))) {
				ix->include = xrealloc(ix->include,
				    (ix->ninclude + 1) * sizeof(char *));
				ix->include[ix->ninclude++] = xstrdup(
				    catalog_get(cat, CATALOG_INDEXKEYS, j,
				    "col"));
				continue;
			}
			ix->keys = xrealloc(ix->keys, (ix->nkeys + 1) *
			    sizeof(*ix->keys));
			key = &ix->keys[ix->nkeys++];
			memset(key, 0, sizeof(*key));
			key->column = dup_or_null(catalog_get(cat,
			    CATALOG_INDEXKEYS, j, "col"));
			if (key->column == NULL)
				key->expression = xstrdup(catalog_get(cat,
				    CATALOG_INDEXKEYS, j, "expr"));
			key->desc = yes(catalog_get(cat, CATALOG_INDEXKEYS, j,
			    "descending"));
			/* Default: NULLS LAST ascending, FIRST descending. */
			if (yes(catalog_get(cat, CATALOG_INDEXKEYS, j,
			    "nulls_first")) != key->desc)
				key->nulls = key->desc ? MODEL_NULLS_LAST :
				    MODEL_NULLS_FIRST;
		}
	}
}

/*
 * Fills m (model.h's rules for models filled by code) from the catalog;
 * what a model cannot hold goes to p as "unsupported: ...".
 */
static void
dump_model(const struct catalog *cat, struct model *m, struct problems *p)
{
	const struct catalog_set	*en = &cat->sets[CATALOG_ENUMS];
	const struct catalog_set	*tb = &cat->sets[CATALOG_TABLES];
	const struct catalog_set	*co = &cat->sets[CATALOG_COLUMNS];
	const struct catalog_set	*sq = &cat->sets[CATALOG_SEQUENCES];
	struct model_enum		*e = NULL;
	struct model_table		*t;
	struct model_column		*c;
	const char			*name, *label, *x;
	size_t				 i, j, k, len;

	memset(m, 0, sizeof(*m));
	m->path = xstrdup("<dump>");
	m->schema = xstrdup(cat->schema);
	for (i = 0; i < sq->nrows; i++)
		add_problem(p, NULL, 0, "unsupported: sequence %s.%s (models "
		    "have no sequences; use identity columns)", cat->schema,
		    catalog_get(cat, CATALOG_SEQUENCES, i, "name"));
	for (i = 0; i < en->nrows; i++) {
		name = catalog_get(cat, CATALOG_ENUMS, i, "enum");
		if (e == NULL || strcmp(e->name, name) != 0) {
			m->enums = xrealloc(m->enums, (m->nenums + 1) *
			    sizeof(*m->enums));
			e = &m->enums[m->nenums++];
			memset(e, 0, sizeof(*e));
			e->name = xstrdup(name);
		}
		if ((label = catalog_get(cat, CATALOG_ENUMS, i, "label")) ==
		    NULL)
			continue;
		if (*label == '\0')
			add_problem(p, NULL, 0, "unsupported: empty label of "
			    "enum %s.%s", cat->schema, name);
		e->values = xrealloc(e->values, (e->nvalues + 1) *
		    sizeof(char *));
		e->values[e->nvalues++] = xstrdup(label);
	}
	for (i = 0; i < m->nenums; i++)
		if (m->enums[i].nvalues == 0)
			add_problem(p, NULL, 0, "unsupported: enum without "
			    "labels %s.%s", cat->schema, m->enums[i].name);
	m->tables = xcalloc(tb->nrows + 1, sizeof(*m->tables));
	for (i = 0; i < tb->nrows; i++) {
		t = &m->tables[m->ntables++];
		t->name = xstrdup(catalog_get(cat, CATALOG_TABLES, i, "name"));
		t->comment = dup_or_null(catalog_get(cat, CATALOG_TABLES, i,
		    "comment"));
		for (j = 0; j < co->nrows; j++) {
			if (strcmp(catalog_get(cat, CATALOG_COLUMNS, j, "tbl"),
			    t->name) != 0)
				continue;
			t->columns = xrealloc(t->columns, (t->ncolumns + 1) *
			    sizeof(*t->columns));
			c = &t->columns[t->ncolumns++];
			memset(c, 0, sizeof(*c));
			c->name = xstrdup(catalog_get(cat, CATALOG_COLUMNS, j,
			    "name"));
			c->type = model_type(cat->schema, catalog_get(cat,
			    CATALOG_COLUMNS, j, "type"));
			c->enum_index = -1;
			len = strcspn(c->type, "[");
			for (k = 0; k < m->nenums; k++)
				if (strlen(m->enums[k].name) == len &&
				    strncmp(m->enums[k].name, c->type, len) == 0)
					c->enum_index = (int)k;
			c->nullable = !yes(catalog_get(cat, CATALOG_COLUMNS, j,
			    "not_null"));
			c->default_expr = dup_or_null(catalog_get(cat,
			    CATALOG_COLUMNS, j, "default_expr"));
			x = catalog_get(cat, CATALOG_COLUMNS, j, "identity");
			c->identity = x == NULL ? MODEL_IDENTITY_NONE :
			    strcmp(x, "always") == 0 ? MODEL_IDENTITY_ALWAYS :
			    MODEL_IDENTITY_BY_DEFAULT;
			x = catalog_get(cat, CATALOG_COLUMNS, j, "generated");
			c->generated = x != NULL ? unparen(x) : NULL;
			c->comment = dup_or_null(catalog_get(cat,
			    CATALOG_COLUMNS, j, "comment"));
		}
		if (t->ncolumns == 0)
			add_problem(p, NULL, 0, "unsupported: table without "
			    "columns %s.%s", cat->schema, t->name);
		dump_constraints(cat, t, p);
		dump_indexes(cat, t);
	}
}

int
cmd_dump(int argc, char **argv)
{
	struct args	 a;
	struct vf_error	 err;
	struct catalog	 live, back;
	struct snapshot	 snap;
	struct scratch	 s;
	struct problems	 probs;
	struct model	 m, dumped;
	struct diff	 d;
	struct vbuf	 yaml, line;
	PGconn		*conn = NULL;
	size_t		 i;
	int		 rc, have_model = 0;

	rc = parse_args(argc, argv, "dump --schema S [--db URL] "
	    "[--output FILE]\n"
	    "       the live schema as a model file (docs/models.md), proved "
	    "by loading it back;\n"
	    "       exit 1 when the schema holds what a model cannot say",
	    "schema db output", &a);
	if (rc != 0)
		return (rc < 0 ? VF_EXIT_OK : rc);
	vf_error_clear(&err);
	memset(&live, 0, sizeof(live));
	memset(&back, 0, sizeof(back));
	memset(&s, 0, sizeof(s));
	memset(&probs, 0, sizeof(probs));
	memset(&d, 0, sizeof(d));
	snap.db = NULL;
	vbuf_init(&yaml);
	vbuf_init(&line);
	if ((conn = db_connect(a.db, &err)) == NULL)
		goto fail;
	if (catalog_read(conn, a.schema, &live, &err) == -1)
		goto fail;
	unsupported(&live, NULL, &probs);
	dump_model(&live, &dumped, &probs);
	vbuf_puts(&yaml, "# Written by verifier dump; format: docs/models.md.\n");
	model_write_yaml(&dumped, &yaml);
	model_free(&dumped);
	if (probs.n > 0)
		goto refuse;
	/* Prove it: load the file, build it, compare with the database. */
	if (model_parse(a.output != NULL ? a.output : "<dump>", yaml.data,
	    yaml.len, &m, &err) == -1) {
		add_problem(&probs, NULL, 0, "unsupported: the dump does not "
		    "load as a model: %s", err.msg);
		goto refuse;
	}
	have_model = 1;
	if (expected_catalog(conn, &s, &m, &back, &err) == -1) {
		add_problem(&probs, NULL, 0, "the dump does not build: %s",
		    err.msg);
		goto refuse;
	}
	if (same_catalog(&live, &back, &d, &err) == -1)
		goto fail;
	for (i = 0; i < d.n; i++) {
		vbuf_reset(&line);
		diff_describe(&line, a.schema, &d.v[i]);
		add_problem(&probs, NULL, 0, "unsupported: a model cannot say "
		    "this (%s)", line.data);
	}
	if (probs.n > 0)
		goto refuse;
	if (a.output != NULL) {
		if (vf_write_file_atomic(a.output, yaml.data, yaml.len, &err) ==
		    -1)
			goto fail;
	} else
		fputs(yaml.data, stdout);
	rc = VF_EXIT_OK;
	goto done;
refuse:
	for (i = 0; i < probs.n; i++)
		fprintf(stderr, "verifier dump: %s\n", probs.v[i].msg);
	rc = VF_EXIT_FAIL;
	goto done;
fail:
	rc = report(a.cmd, &err);
done:
	diff_free(&d);
	snapshot_close(&snap);
	catalog_free(&live);
	catalog_free(&back);
	scratch_drop(&s);
	PQfinish(conn);
	free_problems(&probs);
	vbuf_free(&yaml);
	vbuf_free(&line);
	if (have_model)
		model_free(&m);
	return (rc);
}
