/*
 * appkore.c: what both kore apps share.  The parent migrates the app's
 * schema before any worker exists (no sandbox there, and a failure means
 * nothing is ever served); workers route every request through
 * app_dispatch() and talk to PostgreSQL through the appq state machine.
 */
#include <sys/types.h>

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/seccomp.h>
#include <kore/tasks.h>

#include <libpq-fe.h>

#include "apperr.h"
#include "appkore.h"
#include "db.h"
#include "runner.h"

/*
 * Debian 12's glibc does stat() and fstat() with newfstatat, which kore
 * 4.1's worker filter does not list: libpq (in PQconnectdb) needs it.
 */
KORE_SECCOMP_FILTER("app",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(uname),
	KORE_SYSCALL_ALLOW(getdents64),
	KORE_SYSCALL_ALLOW(getsockname),
	KORE_SYSCALL_ALLOW(getpeername),
	KORE_SYSCALL_ALLOW(sendmsg),
	KORE_SYSCALL_ALLOW(recvmsg),
	/* Task threads: glibc tries clone3 first, then clone (allowed). */
	KORE_SYSCALL_DENY(clone3, ENOSYS),
	KORE_SYSCALL_ALLOW(rseq),
	/* What ASan does around thread start (the ASan build of the tests). */
	KORE_SYSCALL_ALLOW(gettid),
	KORE_SYSCALL_ALLOW(sched_getaffinity),
)

const struct app_def	*app;
char			*app_token_secret;
size_t			 app_token_secret_len;
long long		 app_token_ttl = 900;

static char		*conninfo;
static char		*page_index;
static char		*page_openapi;
static char		*page_css;
static char		*page_js;
static size_t		 len_index, len_openapi, len_css, len_js;
static struct appq_stmt	 st_health;	/* GET /healthz, sql set at start-up */

static int	h_healthz(struct http_request *, long long);
static int	h_index(struct http_request *, long long);
static int	h_openapi(struct http_request *, long long);
static int	h_css(struct http_request *, long long);
static int	h_js(struct http_request *, long long);

static const struct approute common_routes[] = {
	{ "GET", "/healthz", h_healthz },
	{ "GET", "/openapi.json", h_openapi },
	{ "GET", "/", h_index },
	{ "GET", "/docs/swagger-ui.css", h_css },
	{ "GET", "/docs/swagger-ui-bundle.js", h_js },
};

static void	die(const char *, ...) __attribute__((format(printf, 1, 2)))
		    __attribute__((noreturn));

/* Start-up failure: say why, leave no pidfile, serve nothing. */
static void
die(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s: ", app != NULL ? app->name : "app");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (kore_pidfile != NULL)
		(void)unlink(kore_pidfile);
	/*
	 * _exit: the libraries' exit handlers have nothing to do for a
	 * process that served nothing, and under ASan one of them deadlocks.
	 */
	fflush(stdout);
	fflush(stderr);
	_exit(1);
}

/* Appends key='value' (libpq quoting) to b. */
static void
conninfo_add(struct vbuf *b, const char *key, const char *value)
{
	const char	*p;

	vbuf_appendf(b, "%s%s='", b->len > 0 ? " " : "", key);
	for (p = value; *p != '\0'; p++) {
		if (*p == '\'' || *p == '\\')
			vbuf_putc(b, '\\');
		vbuf_putc(b, *p);
	}
	vbuf_putc(b, '\'');
}

/*
 * The app's connection: $DATABASE_URL (or libpq's PG* variables for what
 * it leaves out) with the app's own role and password.
 */
static char *
make_conninfo(const char *password)
{
	PQconninfoOption	*opts, *o;
	const char		*base;
	char			*perr;
	struct vbuf		 b;
	int			 have_timeout, have_name;

	base = getenv("DATABASE_URL");
	perr = NULL;
	opts = PQconninfoParse(base != NULL ? base : "", &perr);
	if (opts == NULL)
		die("DATABASE_URL: %s", perr != NULL ? perr : "out of memory");
	vbuf_init(&b);
	have_timeout = have_name = 0;
	for (o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL || *o->val == '\0' ||
		    strcmp(o->keyword, "user") == 0 ||
		    strcmp(o->keyword, "password") == 0)
			continue;
		if (strcmp(o->keyword, "connect_timeout") == 0)
			have_timeout = 1;
		if (strcmp(o->keyword, "application_name") == 0)
			have_name = 1;
		conninfo_add(&b, o->keyword, o->val);
	}
	PQconninfoFree(opts);
	conninfo_add(&b, "user", app->role);
	conninfo_add(&b, "password", password);
	if (!have_timeout)
		conninfo_add(&b, "connect_timeout", "5");
	if (!have_name)
		conninfo_add(&b, "application_name", app->name);
	return (vbuf_steal(&b));
}

/* Reads a static file; a missing one is served as 503 later. */
static char *
load_file(const char *path, size_t *len, int required)
{
	struct vf_error	 err;
	char		*data, msg[4096];

	vf_error_clear(&err);
	if (vf_read_file(path, &data, len, &err) == -1) {
		if (required)
			die("%s", vf_error_str(&err, msg, sizeof(msg)));
		fprintf(stderr, "%s: warning: %s (run make deps)\n",
		    app->name, vf_error_str(&err, msg, sizeof(msg)));
		*len = 0;
		return (NULL);
	}
	return (data);
}

static const char index_fmt[] =
    "<!doctype html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>%s API reference</title>\n"
    "<link rel=\"stylesheet\" href=\"/docs/swagger-ui.css\">\n"
    "</head>\n"
    "<body>\n"
    "<div id=\"swagger-ui\"></div>\n"
    "<script src=\"/docs/swagger-ui-bundle.js\"></script>\n"
    "<script>\n"
    "window.ui = SwaggerUIBundle({ url: \"/openapi.json\", "
    "dom_id: \"#swagger-ui\", deepLinking: true });\n"
    "</script>\n"
    "</body>\n"
    "</html>\n";

void
app_configure(const struct app_def *def)
{
	struct runner_opts	 opts;
	struct vf_error		 err;
	struct vbuf		 path, page;
	PGconn			*conn;
	const char		*pw, *s, *ui;
	char			 msg[4096], version[128], *ep;
	int			 applied;
	long long		 ttl;

	app = def;
	setvbuf(stdout, NULL, _IOLBF, 0);
	setvbuf(stderr, NULL, _IONBF, 0);

	if ((pw = getenv(app->password_env)) == NULL || *pw == '\0')
		die("%s is not set (make start-db writes it to .run/env)",
		    app->password_env);
	if ((s = getenv("TOKEN_SECRET")) == NULL ||
	    strlen(s) < APPTOKEN_SECRET_MIN)
		die("TOKEN_SECRET must be set, at least %d characters",
		    APPTOKEN_SECRET_MIN);
	app_token_secret = xstrdup(s);
	app_token_secret_len = strlen(s);
	if ((s = getenv("TOKEN_TTL")) != NULL && *s != '\0') {
		errno = 0;
		ttl = strtoll(s, &ep, 10);
		if (errno != 0 || *ep != '\0' || ttl < 10 || ttl > 86400)
			die("TOKEN_TTL: seconds from 10 to 86400");
		app_token_ttl = ttl;
	}
	conninfo = make_conninfo(pw);

	/* Migrate to head, under the runner's advisory lock, as the role. */
	vf_error_clear(&err);
	memset(&opts, 0, sizeof(opts));
	opts.schema = app->schema;
	opts.dir = getenv("MIGRATIONS_DIR");
	opts.out = stdout;
	if ((conn = db_connect(conninfo, &err)) == NULL)
		die("cannot migrate: %s", vf_error_str(&err, msg, sizeof(msg)));
	applied = 0;
	if (runner_migrate(conn, &opts, &applied, &err) == -1) {
		PQfinish(conn);
		die("migration failed: %s",
		    vf_error_str(&err, msg, sizeof(msg)));
	}
	if (runner_current_version(conn, app->schema, version,
	    sizeof(version), &err) == -1) {
		PQfinish(conn);
		die("%s", vf_error_str(&err, msg, sizeof(msg)));
	}
	PQfinish(conn);
	printf("%s: schema %s at version %s (%d file%s applied now)\n",
	    app->name, app->schema, version[0] ? version : "(none)", applied,
	    applied == 1 ? "" : "s");

	vbuf_init(&path);
	runner_version_sql(&path, app->schema);
	st_health.sql = vbuf_steal(&path);

	/* Files are read here: workers run sandboxed. */
	s = getenv("OPENAPI_FILE");
	page_openapi = load_file(s != NULL ? s : app->openapi_path,
	    &len_openapi, 1);
	ui = getenv("SWAGGER_UI_DIR");
	if (ui == NULL)
		ui = "node_modules/swagger-ui-dist";
	vbuf_init(&path);
	vbuf_appendf(&path, "%s/swagger-ui.css", ui);
	page_css = load_file(path.data, &len_css, 0);
	vbuf_reset(&path);
	vbuf_appendf(&path, "%s/swagger-ui-bundle.js", ui);
	page_js = load_file(path.data, &len_js, 0);
	vbuf_free(&path);
	vbuf_init(&page);
	vbuf_appendf(&page, index_fmt, app->name);
	len_index = page.len;
	page_index = vbuf_steal(&page);

	if (app->init != NULL && app->init() == -1)
		die("start-up failed");
	if (!kore_pgsql_register("db", conninfo))
		die("cannot register the database");
}

int
app_send_json(struct http_request *req, int status, const struct vbuf *body)
{
	http_response_header(req, "cache-control", "no-store");
	/* Every 503 of the apps is transient: say when to come back. */
	if (status == 503)
		http_response_header(req, "retry-after", APPERR_RETRY_AFTER);
	if (body == NULL) {
		http_response(req, status, NULL, 0);
	} else {
		http_response_header(req, "content-type",
		    "application/json; charset=utf-8");
		http_response(req, status, body->data, body->len);
	}
	return (KORE_RESULT_OK);
}

int
app_send_error(struct http_request *req, int status, const char *code,
    const char *message)
{
	struct vbuf	b;

	vbuf_init(&b);
	appjson_error(&b, code, message);
	if (status == 401)
		http_response_header(req, "www-authenticate", "Bearer");
	app_send_json(req, status, &b);
	vbuf_free(&b);
	return (KORE_RESULT_OK);
}

int
app_read_json(struct http_request *req, struct appjson_obj *obj)
{
	const char	*ctype;
	char		 buf[APP_BODY_MAX + 1], msg[256];
	ssize_t		 r;
	size_t		 len;
	size_t		 n;

	memset(obj, 0, sizeof(*obj));
	if (req->content_length > APP_BODY_MAX) {
		app_send_error(req, 413, "payload_too_large",
		    "the body is larger than 16384 bytes");
		return (-1);
	}
	if (!http_request_header(req, "content-type", &ctype) ||
	    strncasecmp(ctype, "application/json", 16) != 0 ||
	    (ctype[16] != '\0' && ctype[16] != ';' && ctype[16] != ' ')) {
		app_send_error(req, 415, "unsupported_media_type",
		    "send the body as application/json");
		return (-1);
	}
	len = 0;
	if (req->http_body != NULL || req->http_body_fd != -1) {
		for (;;) {
			r = http_body_read(req, buf + len, sizeof(buf) - len);
			if (r == -1) {
				app_send_error(req, 400, "bad_request",
				    "cannot read the body");
				return (-1);
			}
			if (r == 0)
				break;
			len += (size_t)r;
			if (len == sizeof(buf)) {
				app_send_error(req, 413, "payload_too_large",
				    "the body is larger than 16384 bytes");
				return (-1);
			}
		}
	}
	for (n = 0; n < len && strchr(" \t\r\n", buf[n]) != NULL; n++)
		;
	if (n == len) {
		app_send_error(req, 400, "bad_request",
		    "a JSON object body is required");
		return (-1);
	}
	if (appjson_parse_object(buf, len, obj, msg, sizeof(msg)) == -1) {
		app_send_error(req, 400, "malformed_json", msg);
		return (-1);
	}
	return (0);
}

int
app_bearer(struct http_request *req, struct apptoken *t)
{
	const char	*hdr, *tok;
	int		 rc;

	if (!http_request_header(req, "authorization", &hdr) ||
	    (tok = apptoken_from_header(hdr)) == NULL) {
		app_send_error(req, 401, "unauthorized",
		    "a bearer token is required");
		return (-1);
	}
	rc = apptoken_verify(app_token_secret, app_token_secret_len, tok,
	    (long long)time(NULL), t);
	if (rc != APPTOKEN_OK) {
		app_send_error(req, 401, "unauthorized",
		    apptoken_strerror(rc));
		return (-1);
	}
	return (0);
}

/* Shared routes. */

static int
send_static(struct http_request *req, const char *data, size_t len,
    const char *type)
{
	if (data == NULL)
		return (app_send_error(req, 503, "not_installed",
		    "swagger-ui-dist is missing: run make deps"));
	http_response_header(req, "content-type", type);
	http_response_header(req, "cache-control", "public, max-age=300");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response(req, 200, data, len);
	return (KORE_RESULT_OK);
}

static int
h_index(struct http_request *req, long long id)
{
	return (send_static(req, page_index, len_index,
	    "text/html; charset=utf-8"));
}

static int
h_openapi(struct http_request *req, long long id)
{
	return (send_static(req, page_openapi, len_openapi,
	    "application/json; charset=utf-8"));
}

static int
h_css(struct http_request *req, long long id)
{
	return (send_static(req, page_css, len_css, "text/css; charset=utf-8"));
}

static int
h_js(struct http_request *req, long long id)
{
	return (send_static(req, page_js, len_js,
	    "application/javascript; charset=utf-8"));
}

/*
 * GET /healthz: the schema's newest version (the runner's order, as
 * runner_current_version() reads it) through the query machine, on a
 * pooled connection like any request: a probe must not stall the worker
 * nor hold a connection of its own.  503 when the database cannot be
 * reached.
 */
static void
health_done(struct http_request *req, struct appq *q, PGresult *res)
{
	struct vbuf	*b;

	b = appq_body(q, 200);
	vbuf_puts(b, "{\"status\":\"ok\",\"service\":");
	appjson_str(b, app->name);
	vbuf_puts(b, ",\"schema\":");
	appjson_str(b, app->schema);
	vbuf_puts(b, ",\"version\":");
	appjson_str(b, PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "");
	vbuf_puts(b, "}");
}

static int
h_healthz(struct http_request *req, long long id)
{
	struct appq	*q;

	q = appq_new(req, NULL, NULL);
	appq_set(q, &st_health, health_done, 0);
	return (appq_run(req));
}

int
app_dispatch(struct http_request *req)
{
	const char	*method;
	char		 allow[64];
	long long	 id;
	int		 r;

	if (http_state_exists(req))
		return (appq_run(req));
	method = http_method_text(req->method);
	r = approute_match(common_routes,
	    sizeof(common_routes) / sizeof(common_routes[0]), method,
	    req->path, &id, allow, sizeof(allow));
	if (r >= 0)
		return (common_routes[r].fn(req, id));
	if (r == APPROUTE_NOT_FOUND) {
		r = approute_match(app->routes, app->nroutes, method,
		    req->path, &id, allow, sizeof(allow));
		if (r >= 0)
			return (app->routes[r].fn(req, id));
	}
	if (r == APPROUTE_BAD_METHOD) {
		http_response_header(req, "allow", allow);
		return (app_send_error(req, 405, "method_not_allowed",
		    "this path does not take that method"));
	}
	return (app_send_error(req, 404, "not_found", "no such route"));
}

/* The query machine. */

/*
 * Prepared statements.  kore pools connections per worker and may close
 * one (an error) and open another at the same address, or PQreset() it
 * after a PostgreSQL restart, so a connection is known by its PGconn and
 * its server process id: when the pid changed, nothing is prepared there.
 */
#define APPQ_MAXCONNS	64

struct prepared {
	PGconn			*db;
	int			 pid;
	unsigned long long	 mask;	/* bit id-1: statement prepared */
};

static struct prepared	prepared[APPQ_MAXCONNS];
static int		prepared_next;		/* slot to reuse when full */
static int		stmt_count;		/* ids given so far */

/* The entry of db (a new or reused slot when db is new or restarted). */
static struct prepared *
prepared_of(PGconn *db)
{
	struct prepared	*p, *freeslot;
	int		 i, pid;

	pid = PQbackendPID(db);
	freeslot = NULL;
	for (i = 0; i < APPQ_MAXCONNS; i++) {
		p = &prepared[i];
		if (p->db == db) {
			if (p->pid != pid) {
				p->pid = pid;
				p->mask = 0;
			}
			return (p);
		}
		if (p->db == NULL && freeslot == NULL)
			freeslot = p;
	}
	if ((p = freeslot) == NULL) {
		/* A slot of a connection kore closed; its statements may be
		 * re-prepared on a live one: "already exists" is accepted. */
		p = &prepared[prepared_next];
		prepared_next = (prepared_next + 1) % APPQ_MAXCONNS;
	}
	p->db = db;
	p->pid = pid;
	p->mask = 0;
	return (p);
}

enum { Q_SETUP, Q_QUERY, Q_WAIT, Q_WORK, Q_SEND };

/*
 * Frees the request's state.  kore calls this again and again while a
 * task of the request still runs (it keeps the request until then), so
 * it is idempotent and leaves what the task uses alone until it ended.
 */
static void
appq_free(struct http_request *req)
{
	struct appq	*q;
	int		 i;

	if ((q = http_state_get(req)) == NULL)
		return;
	/*
	 * libpq closes the socket of a connection that broke; kore would
	 * then try to unregister fd -1 and die.  The fd is gone already.
	 */
	if (q->sql.conn != NULL && PQsocket(q->sql.conn->db) == -1)
		q->sql.flags &= ~KORE_PGSQL_SCHEDULED;
	kore_pgsql_cleanup(&q->sql);
	if (q->work_state == 2) {
		/* kore destroys a finished task of a dead request (req NULL). */
		if (q->task.req != NULL) {
			if (kore_task_state(&q->task) != KORE_TASK_STATE_FINISHED)
				return;
			kore_task_destroy(&q->task);
		}
		q->work_state = 0;
	}
	for (i = 0; i < q->nparams; i++)
		free(q->params[i]);
	q->nparams = 0;
	vbuf_free(&q->body);
	if (q->ctx != NULL && q->ctx_free != NULL)
		q->ctx_free(q->ctx);
	q->ctx = NULL;
}

struct appq *
appq_new(struct http_request *req, void *ctx, void (*ctx_free)(void *))
{
	struct appq	*q;

	q = http_state_create(req, sizeof(*q), appq_free);
	kore_pgsql_init(&q->sql);
	kore_pgsql_bind_request(&q->sql, req);
	vbuf_init(&q->body);
	q->ctx = ctx;
	q->ctx_free = ctx_free;
	req->fsm_state = Q_SETUP;
	return (q);
}

void
appq_set(struct appq *q, struct appq_stmt *st, appq_cb cb, int n, ...)
{
	va_list		 ap;
	const char	*v;
	int		 i;

	if (n > APPQ_MAXPARAMS)
		fatal("appq_set: %d parameters", n);
	for (i = 0; i < q->nparams; i++)
		free(q->params[i]);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		v = va_arg(ap, const char *);
		q->params[i] = (v != NULL) ? xstrdup(v) : NULL;
	}
	va_end(ap);
	q->nparams = n;
	q->query = st;
	q->cb = cb;
	q->called = 0;
	q->next = 1;
}

void
appq_work(struct appq *q, int (*fn)(void *), void *arg, appq_done done)
{
	q->work_fn = fn;
	q->work_arg = arg;
	q->work_done = done;
	q->work_state = 1;
}

/* The task thread's entry: the appq around the task. */
static int
appq_task_entry(struct kore_task *t)
{
	struct appq	*q;

	q = (struct appq *)(void *)((char *)t - offsetof(struct appq, task));
	return (q->work_fn(q->work_arg));
}

void
appq_reply(struct appq *q, int status, struct vbuf *body)
{
	q->status = status;
	vbuf_reset(&q->body);
	q->have_body = 0;
	if (body != NULL) {
		vbuf_append(&q->body, body->data, body->len);
		vbuf_free(body);
		vbuf_init(body);
		q->have_body = 1;
	}
}

struct vbuf *
appq_body(struct appq *q, int status)
{
	q->status = status;
	vbuf_reset(&q->body);
	q->have_body = 1;
	return (&q->body);
}

void
appq_fail(struct appq *q, int status, const char *code, const char *message)
{
	appjson_error(appq_body(q, status), code, message);
}

/* Moves the request's state machine to state: HTTP_STATE_CONTINUE. */
static int
q_goto(struct http_request *req, int state)
{
	req->fsm_state = state;
	return (HTTP_STATE_CONTINUE);
}

/*
 * A failed query: the answer apperr_map() gives (503 with Retry-After
 * when the database, the connection or writes are away for a while); on
 * to sending it.  Returns HTTP_STATE_CONTINUE for the state function.
 */
static int
appq_sql_error(struct http_request *req, struct appq *q)
{
	struct apperr	 e;
	const char	*state;
	int		 broken;

	state = NULL;
	if (q->sql.result != NULL)
		state = PQresultErrorField(q->sql.result, PG_DIAG_SQLSTATE);
	broken = q->sql.conn == NULL ||
	    PQstatus(q->sql.conn->db) != CONNECTION_OK;
	kore_log(LOG_NOTICE, "%s %s: database error: %s%s%s", app->name,
	    req->path, state != NULL ? state : "", state != NULL ? " " : "",
	    q->sql.error != NULL ? q->sql.error : "(no message)");
	/* Its statements are gone from the server (DISCARD): prepare again. */
	if (state != NULL && strcmp(state, "26000") == 0 && q->sql.conn != NULL)
		prepared_of(q->sql.conn->db)->mask = 0;
	apperr_map(state, broken, q->query != NULL &&
	    apperr_is_write(q->query->sql), &e);
	appq_fail(q, e.status, e.code, e.message);
	return (q_goto(req, Q_SEND));
}

/*
 * The state after a result callback or a task's done function: Q_WORK
 * when it asked for work on a task thread, Q_SETUP when it asked for
 * another query, else Q_SEND.  Returns HTTP_STATE_CONTINUE.
 */
static int
appq_after_callback(struct http_request *req, struct appq *q)
{
	if (q->work_state == 1)
		return (q_goto(req, Q_WORK));
	if (q->next) {
		kore_pgsql_cleanup(&q->sql);
		kore_pgsql_init(&q->sql);
		kore_pgsql_bind_request(&q->sql, req);
		return (q_goto(req, Q_SETUP));
	}
	return (q_goto(req, Q_SEND));
}

static int
q_setup(struct http_request *req)
{
	struct appq	*q;

	q = http_state_get(req);
	if (q->work_state == 1)
		return (q_goto(req, Q_WORK));
	if (!kore_pgsql_setup(&q->sql, "db", KORE_PGSQL_ASYNC)) {
		/* Still INIT: the pool is busy and we were queued. */
		if (q->sql.state == KORE_PGSQL_STATE_INIT)
			return (HTTP_STATE_RETRY);
		return (appq_sql_error(req, q));
	}
	/* A connection that broke earlier (PostgreSQL restarted). */
	if (PQstatus(q->sql.conn->db) != CONNECTION_OK) {
		PQreset(q->sql.conn->db);
		if (PQstatus(q->sql.conn->db) != CONNECTION_OK) {
			appq_fail(q, 503, "database_unavailable",
			    "the database is not available; try again");
			return (q_goto(req, Q_SEND));
		}
	}
	return (q_goto(req, Q_QUERY));
}

/*
 * Makes sure st is prepared on q's connection: on first use there, one
 * blocking round trip (PQprepare).  Returns 0, or -1 with the failed
 * result in q->sql (for appq_sql_error()).
 */
static int
stmt_prepare(struct appq *q, struct appq_stmt *st)
{
	struct prepared	*p;
	PGresult	*res;
	const char	*state;
	char		 name[32];

	if (st->id == 0) {
		if (stmt_count == APPQ_MAXSTMTS)
			fatal("appq: more than %d statements", APPQ_MAXSTMTS);
		st->id = ++stmt_count;
	}
	p = prepared_of(q->sql.conn->db);
	if (p->mask & (1ULL << (st->id - 1)))
		return (0);
	snprintf(name, sizeof(name), "appq_%d", st->id);
	res = PQprepare(q->sql.conn->db, name, st->sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		if (state == NULL || strcmp(state, "42P05") != 0) {
			q->sql.result = res;
			q->sql.error = kore_strdup(PQresultErrorMessage(res));
			q->sql.state = KORE_PGSQL_STATE_ERROR;
			return (-1);
		}
	}
	PQclear(res);
	p->mask |= 1ULL << (st->id - 1);
	return (0);
}

/*
 * Sends the prepared statement (binary results) and waits for it the way
 * kore does for its own queries (kore_pgsql_query_params() cannot run a
 * prepared name): read event on the socket, request asleep until it.
 */
static int
q_query(struct http_request *req)
{
	struct appq	*q;
	const char	*vals[APPQ_MAXPARAMS];
	char		 name[32];
	int		 i, fd;

	q = http_state_get(req);
	q->next = 0;
	if (stmt_prepare(q, q->query) == -1)
		return (appq_sql_error(req, q));
	for (i = 0; i < q->nparams; i++)
		vals[i] = q->params[i];
	snprintf(name, sizeof(name), "appq_%d", q->query->id);
	if (!PQsendQueryPrepared(q->sql.conn->db, name, q->nparams, vals,
	    NULL, NULL, 1) || (fd = PQsocket(q->sql.conn->db)) < 0) {
		q->sql.error = kore_strdup(PQerrorMessage(q->sql.conn->db));
		q->sql.state = KORE_PGSQL_STATE_ERROR;
		return (appq_sql_error(req, q));
	}
	kore_platform_schedule_read(fd, q->sql.conn);
	q->sql.state = KORE_PGSQL_STATE_WAIT;
	q->sql.flags |= KORE_PGSQL_SCHEDULED;
	http_request_sleep(req);
	return (q_goto(req, Q_WAIT));
}

long long
appq_int8(PGresult *res, int row, int col)
{
	const unsigned char	*v;
	unsigned long long	 u;
	int			 i;

	if (PQgetisnull(res, row, col) || PQgetlength(res, row, col) != 8)
		return (0);
	v = (const unsigned char *)PQgetvalue(res, row, col);
	u = 0;
	for (i = 0; i < 8; i++)
		u = u << 8 | v[i];
	return ((long long)u);
}

void
appq_ts(struct vbuf *b, PGresult *res, int row, int col)
{
	if (PQgetisnull(res, row, col) || PQgetlength(res, row, col) != 8)
		vbuf_puts(b, "null");
	else
		appjson_pgtime(b, appq_int8(res, row, col));
}

void
appq_str(struct vbuf *b, PGresult *res, int row, int col)
{
	appjson_str_or_null(b, PQgetisnull(res, row, col) ? NULL :
	    PQgetvalue(res, row, col));
}

static int
q_wait(struct http_request *req)
{
	struct appq	*q;

	q = http_state_get(req);
	switch (q->sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_RESULT:
	case KORE_PGSQL_STATE_DONE:
		if (!q->called && q->sql.result != NULL) {
			q->called = 1;
			q->cb(req, q, q->sql.result);
		}
		kore_pgsql_continue(&q->sql);
		return (HTTP_STATE_CONTINUE);
	case KORE_PGSQL_STATE_COMPLETE:
		return (appq_after_callback(req, q));
	case KORE_PGSQL_STATE_ERROR:
		return (appq_sql_error(req, q));
	default:
		kore_pgsql_continue(&q->sql);
		return (HTTP_STATE_CONTINUE);
	}
}

static int
q_work(struct http_request *req)
{
	struct appq	*q;
	int		 rc;

	q = http_state_get(req);
	if (q->work_state == 1) {
		kore_task_create(&q->task, appq_task_entry);
		kore_task_bind_request(&q->task, req);
		q->work_state = 2;
		kore_task_run(&q->task);
		return (HTTP_STATE_RETRY);
	}
	if (kore_task_state(&q->task) != KORE_TASK_STATE_FINISHED)
		return (HTTP_STATE_RETRY);
	rc = kore_task_result(&q->task);
	kore_task_destroy(&q->task);
	q->work_state = 0;
	q->next = 0;
	q->work_done(req, q, rc);
	return (appq_after_callback(req, q));
}

static int
q_send(struct http_request *req)
{
	struct appq	*q;

	q = http_state_get(req);
	if (q->status == 0)
		appq_fail(q, 500, "internal_error", "no response");
	app_send_json(req, q->status, q->have_body ? &q->body : NULL);
	return (HTTP_STATE_COMPLETE);
}

static struct http_state appq_states[] = {
	KORE_HTTP_STATE(q_setup),
	KORE_HTTP_STATE(q_query),
	KORE_HTTP_STATE(q_wait),
	KORE_HTTP_STATE(q_work),
	KORE_HTTP_STATE(q_send),
};

int
appq_run(struct http_request *req)
{
	return (http_state_run(appq_states,
	    sizeof(appq_states) / sizeof(appq_states[0]), req));
}
