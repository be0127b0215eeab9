/*
 * appkore.h: the kore side that both apps share: start-up (environment,
 * migration of the own schema through the verifier library, static
 * files), the one kore handler that routes every request, JSON
 * responses and errors, request bodies, bearer tokens, and an async
 * PostgreSQL query machine for handlers.
 */
#ifndef APPS_APPKORE_H
#define APPS_APPKORE_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include "appjson.h"
#include "appreq.h"
#include "apptoken.h"

/* Bodies above this get 413 from the app (kore's own limit is higher). */
#define APP_BODY_MAX	16384
/* Parameters of one query. */
#define APPQ_MAXPARAMS	8

/* What an app is. */
struct app_def {
	const char		*name;		/* "auth": logs, healthz */
	const char		*schema;	/* the schema it owns */
	const char		*role;		/* the role it logs in as */
	const char		*password_env;	/* where that role's password is */
	const char		*openapi_path;	/* default of $OPENAPI_FILE */
	const struct approute	*routes;
	size_t			 nroutes;
	int			(*init)(void);	/* in the parent after migrating; 0/-1 */
};

/* Set by app_configure() in the parent, read-only in workers. */
extern const struct app_def	*app;
extern char			*app_token_secret;
extern size_t			 app_token_secret_len;
extern long long		 app_token_ttl;	/* seconds */

/*
 * kore_parent_configure() of an app: reads the environment, migrates the
 * schema with runner_migrate() as the app's role, loads the static files
 * and registers the pool.  On any failure it prints the reason (the
 * runner's message names the file) to stderr and exits 1, so the app
 * serves nothing.
 */
void	app_configure(const struct app_def *);

/* The only kore handler: every route of app_def plus the shared ones. */
int	app_dispatch(struct http_request *);

/*
 * Sends body (a JSON document, may be NULL for no body) with status and
 * the JSON content type.  Returns KORE_RESULT_OK for the handler.
 */
int	app_send_json(struct http_request *, int status, const struct vbuf *);

/* Sends the error document.  Returns KORE_RESULT_OK. */
int	app_send_error(struct http_request *, int status, const char *code,
	    const char *message);

/*
 * Reads the body as one JSON object into obj: 413 past APP_BODY_MAX, 415
 * unless the content type is application/json, 400 when empty or
 * malformed.  Returns 0, or -1 after sending the error.
 */
int	app_read_json(struct http_request *, struct appjson_obj *);

/*
 * Checks the Authorization header: a bearer token signed with the
 * shared secret and not expired.  Returns 0 with *t filled, or -1 after
 * sending 401.
 */
int	app_bearer(struct http_request *, struct apptoken *);

struct appq;

/*
 * Called with the result of a query (PGRES_TUPLES_OK or
 * PGRES_COMMAND_OK; res is valid only during the call).  It must call
 * appq_reply(), appq_body(), appq_fail() or appq_set() (for a next
 * query).
 */
typedef void	(*appq_cb)(struct http_request *, struct appq *,
		    PGresult *);

/*
 * Called in the worker after appq_work()'s function returned rc; like
 * appq_cb it must reply, fail or set a next query (or more work).
 */
typedef void	(*appq_done)(struct http_request *, struct appq *, int rc);

/*
 * A statement the app runs on requests: prepared on a pooled connection
 * the first time it runs there (as "appq_<id>"), then executed by name.
 * Results come in binary (read them with appq_int8(), appq_ts() and
 * PQgetvalue() for text, enum and char columns).  Declare it static and
 * zeroed but for sql: id is given at first use.
 */
struct appq_stmt {
	const char	*sql;
	int		 id;
};

/* Statements an app may have (a bit each in a connection's mask). */
#define APPQ_MAXSTMTS	64

struct appq {
	struct kore_pgsql	 sql;
	struct appq_stmt	*query;
	int			 nparams;
	char			*params[APPQ_MAXPARAMS];	/* NULL: SQL NULL */
	appq_cb			 cb;
	int			 called;	/* cb ran for this query */
	int			 next;		/* cb set another query */
	int			 status;	/* response, once decided */
	struct vbuf		 body;
	int			 have_body;
	void			*ctx;		/* the handler's own state */
	void			(*ctx_free)(void *);
	/* Blocking work (password hashing) on a kore task thread. */
	struct kore_task	 task;
	int			(*work_fn)(void *);
	void			*work_arg;
	appq_done		 work_done;
	int			 work_state;	/* 0 none, 1 to start, 2 running */
};

/*
 * Creates the request's query state (freed with the request, together
 * with ctx through ctx_free when not NULL).  Call once per request.
 */
struct appq	*appq_new(struct http_request *, void *ctx,
		    void (*ctx_free)(void *));

/*
 * Sets the statement to run with n text parameters (const char *, NULL
 * for SQL NULL; copied), its result (binary) going to cb.
 */
void	appq_set(struct appq *, struct appq_stmt *, appq_cb cb, int n, ...);

/* The int8 column col of row (binary result); 0 when NULL. */
long long	appq_int8(PGresult *, int row, int col);

/*
 * Appends the timestamptz column col of row (binary result) as a JSON
 * string in RFC 3339 UTC (appjson_pgtime()), or null.
 */
void	appq_ts(struct vbuf *, PGresult *, int row, int col);

/* Appends the text column col of row as a JSON string, or null. */
void	appq_str(struct vbuf *, PGresult *, int row, int col);

/*
 * Runs fn(arg) on a kore task thread, so the worker keeps serving other
 * requests meanwhile, then done(req, q, rc) in the worker.  fn must touch
 * nothing but arg (no kore, no request, no logging); arg must stay valid
 * until done runs (use the ctx).  Call from a handler before appq_run()
 * or from a result callback.
 */
void	appq_work(struct appq *, int (*fn)(void *), void *arg, appq_done done);

/* Decides the response: status and body (taken; may be NULL). */
void	appq_reply(struct appq *, int status, struct vbuf *body);
/*
 * Decides a response with a body: status, and returns the body, empty,
 * for the caller to write the document into (owned by q).
 */
struct vbuf	*appq_body(struct appq *, int status);

/* Decides an error response. */
void	appq_fail(struct appq *, int status, const char *code,
	    const char *message);

/*
 * Runs the request's queries to the response: the handler returns what
 * this returns, on the first call and on every wake-up.  A database
 * that is unreachable, or a connection that broke (a PostgreSQL
 * restart), gives 503; the connection is reset for the next request.
 */
int	appq_run(struct http_request *);

#endif
