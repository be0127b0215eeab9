/*
 * auth.c: the auth app.  Users (argon2id password hashes through
 * libsodium), logins that issue signed bearer tokens, the current user,
 * and revocation.  Owns the schema auth; runs as auth_svc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include <kore/hooks.h>

#include "appkore.h"

static int	users_create(struct http_request *, long long);
static int	tokens_create(struct http_request *, long long);
static int	users_me(struct http_request *, long long);
static int	tokens_revoke(struct http_request *, long long);

static const struct approute routes[] = {
	{ "POST", "/users", users_create },
	{ "GET", "/users/me", users_me },
	{ "POST", "/tokens", tokens_create },
	{ "DELETE", "/tokens/current", tokens_revoke },
};

/* Verified against for unknown emails, so both failures cost the same. */
static char	dummy_hash[crypto_pwhash_STRBYTES];

static int
auth_init(void)
{
	unsigned char	pw[32];

	if (sodium_init() < 0)
		return (-1);
	randombytes_buf(pw, sizeof(pw));
	if (crypto_pwhash_str(dummy_hash, (const char *)pw, sizeof(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return (-1);
	return (0);
}

static const struct app_def auth_app = {
	.name = "auth",
	.schema = "auth",
	.role = "auth_svc",
	.password_env = "AUTH_SVC_PASSWORD",
	.openapi_path = "apps/auth/openapi.json",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.init = auth_init,
};

void
kore_parent_configure(int argc, char **argv)
{
	app_configure(&auth_app);
}

/* Frees a parsed body after wiping the clear password in it. */
static void
wipe_free(struct appjson_obj *obj)
{
	appjson_wipe(obj, "password");
	appjson_obj_free(obj);
}

/*
 * {"id":..,"email":..,"created_at":..} from columns 0-2 of row 0 (a
 * binary result: int8, text, timestamptz).
 */
static void
user_json(struct vbuf *b, PGresult *res)
{
	vbuf_puts(b, "{\"id\":");
	appjson_int(b, appq_int8(res, 0, 0));
	vbuf_puts(b, ",\"email\":");
	appq_str(b, res, 0, 1);
	vbuf_puts(b, ",\"created_at\":");
	appq_ts(b, res, 0, 2);
	vbuf_putc(b, '}');
}

/* The statements of the handlers below (prepared per connection). */
static struct appq_stmt st_user_insert = {
	"INSERT INTO auth.users (email, password_hash) VALUES ($1, $2) "
	"ON CONFLICT DO NOTHING RETURNING id, email, created_at", 0
};
static struct appq_stmt st_token_insert = {
	"INSERT INTO auth.tokens (id, user_id, expires_at) "
	"VALUES ($1::uuid, $2::bigint, to_timestamp($3::bigint)) "
	"RETURNING id", 0
};
static struct appq_stmt st_login = {
	"SELECT id, password_hash FROM auth.users "
	"WHERE lower(email) = lower($1)", 0
};
static struct appq_stmt st_me = {
	"SELECT u.id, u.email, u.created_at "
	"FROM auth.tokens t JOIN auth.users u ON u.id = t.user_id "
	"WHERE t.id = $1::uuid AND t.user_id = $2::bigint "
	"AND t.revoked_at IS NULL AND t.expires_at > now()", 0
};
static struct appq_stmt st_revoke = {
	"UPDATE auth.tokens SET revoked_at = now() "
	"WHERE id = $1::uuid AND user_id = $2::bigint "
	"AND revoked_at IS NULL RETURNING id", 0
};

static void
user_created(struct http_request *req, struct appq *q, PGresult *res)
{
	if (PQntuples(res) == 0) {
		appq_fail(q, 409, "conflict",
		    "a user with this email already exists");
		return;
	}
	user_json(appq_body(q, 201), res);
}

/*
 * Reads the body of POST /users (new_user 1) or POST /tokens into *obj
 * and *c.  Returns 0, or -1 after sending 400/413/415 or 422 (obj freed).
 */
static int
read_credentials(struct http_request *req, int new_user,
    struct appjson_obj *obj, struct appreq_credentials *c)
{
	char	msg[128];

	if (app_read_json(req, obj) == -1)
		return (-1);
	if (appreq_credentials(obj, new_user, c, msg, sizeof(msg)) == -1) {
		wipe_free(obj);
		app_send_error(req, 422, "validation_failed", msg);
		return (-1);
	}
	return (0);
}

/*
 * Runs sql with $1 the bearer token's id and $2 its user, the result
 * going to cb: the body of the handlers about the token sent.
 */
static int
token_query(struct http_request *req, struct appq_stmt *st, appq_cb cb)
{
	struct apptoken	t;
	char		uid[24];

	if (app_bearer(req, &t) == -1)
		return (KORE_RESULT_OK);
	snprintf(uid, sizeof(uid), "%lld", t.uid);
	appq_set(appq_new(req, NULL, NULL), st, cb, 2, t.jti, uid);
	return (appq_run(req));
}

/* A new user while its password is hashed on a task thread. */
struct newuser {
	char	*email;
	char	*password;
	size_t	 pwlen;
	char	 hash[crypto_pwhash_STRBYTES];
};

static void
newuser_free(void *p)
{
	struct newuser	*u = p;

	sodium_memzero(u->password, u->pwlen);
	free(u->password);
	free(u->email);
	sodium_memzero(u->hash, sizeof(u->hash));
	free(u);
}

/* Task thread: argon2id of the password (about 0.1 s, 64 MiB). */
static int
newuser_hash(void *arg)
{
	struct newuser	*u = arg;

	return (crypto_pwhash_str(u->hash, u->password, u->pwlen,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1);
}

static void
newuser_hashed(struct http_request *req, struct appq *q, int rc)
{
	struct newuser	*u = q->ctx;

	if (rc != 0) {
		appq_fail(q, 500, "internal_error", "cannot hash the password");
		return;
	}
	appq_set(q, &st_user_insert, user_created, 2, u->email, u->hash);
}

/* POST /users {email, password}: 201, 409 on a taken email, 422. */
static int
users_create(struct http_request *req, long long id)
{
	struct appjson_obj		 obj;
	struct appreq_credentials	 c;
	struct newuser			*u;
	struct appq			*q;

	if (read_credentials(req, 1, &obj, &c) == -1)
		return (KORE_RESULT_OK);
	u = xcalloc(1, sizeof(*u));
	u->email = xstrdup(c.email);
	u->password = xstrdup(c.password);
	u->pwlen = strlen(c.password);
	wipe_free(&obj);
	q = appq_new(req, u, newuser_free);
	appq_work(q, newuser_hash, u, newuser_hashed);
	return (appq_run(req));
}

/* State of a login: look-up, verification (task thread), token row. */
struct login {
	char		*password;
	size_t		 pwlen;
	char		*hash;		/* the stored hash; NULL: unknown email */
	struct apptoken	 tok;
};

static void
login_free(void *p)
{
	struct login	*l = p;

	sodium_memzero(l->password, l->pwlen);
	free(l->password);
	free(l->hash);
	free(l);
}

static void
token_saved(struct http_request *req, struct appq *q, PGresult *res)
{
	struct login	*l = q->ctx;
	struct vbuf	*b;
	char		 token[APPTOKEN_MAX];

	if (apptoken_sign(app_token_secret, app_token_secret_len, &l->tok,
	    token, sizeof(token)) == -1) {
		appq_fail(q, 500, "internal_error", "cannot sign the token");
		return;
	}
	b = appq_body(q, 200);
	vbuf_puts(b, "{\"access_token\":");
	appjson_str(b, token);
	vbuf_appendf(b, ",\"token_type\":\"bearer\",\"expires_in\":%lld}",
	    app_token_ttl);
}

/*
 * Task thread: 1 when the password matches.  An unknown email costs one
 * verification too (against a hash made at start), so both failures
 * take the same time.
 */
static int
login_verify(void *arg)
{
	struct login	*l = arg;
	int		 ok;

	ok = crypto_pwhash_str_verify(l->hash != NULL ? l->hash : dummy_hash,
	    l->password, l->pwlen) == 0;
	return (ok && l->hash != NULL);
}

static void
login_verified(struct http_request *req, struct appq *q, int ok)
{
	struct login	*l = q->ctx;
	char		 uid[24], exp[24];

	if (!ok) {
		appq_fail(q, 401, "invalid_credentials",
		    "wrong email or password");
		return;
	}
	if (apptoken_new_jti(l->tok.jti) == -1) {
		appq_fail(q, 500, "internal_error", "cannot make a token");
		return;
	}
	l->tok.exp = (long long)time(NULL) + app_token_ttl;
	snprintf(uid, sizeof(uid), "%lld", l->tok.uid);
	snprintf(exp, sizeof(exp), "%lld", l->tok.exp);
	appq_set(q, &st_token_insert, token_saved, 3, l->tok.jti, uid, exp);
}

static void
login_checked(struct http_request *req, struct appq *q, PGresult *res)
{
	struct login	*l = q->ctx;

	if (PQntuples(res) == 1) {
		l->tok.uid = appq_int8(res, 0, 0);
		l->hash = xstrdup(PQgetvalue(res, 0, 1));
	}
	appq_work(q, login_verify, l, login_verified);
}

/* POST /tokens {email, password}: 200 with a token, 401, 422. */
static int
tokens_create(struct http_request *req, long long id)
{
	struct appjson_obj		 obj;
	struct appreq_credentials	 c;
	struct login			*l;
	struct appq			*q;

	if (read_credentials(req, 0, &obj, &c) == -1)
		return (KORE_RESULT_OK);
	l = xcalloc(1, sizeof(*l));
	l->password = xstrdup(c.password);
	l->pwlen = strlen(c.password);
	q = appq_new(req, l, login_free);
	appq_set(q, &st_login, login_checked, 1, c.email);
	wipe_free(&obj);
	return (appq_run(req));
}

static void
me_found(struct http_request *req, struct appq *q, PGresult *res)
{
	if (PQntuples(res) == 0) {
		appq_fail(q, 401, "unauthorized", "the token was revoked");
		return;
	}
	user_json(appq_body(q, 200), res);
}

/* GET /users/me: the token's user, 401 when revoked. */
static int
users_me(struct http_request *req, long long id)
{
	return (token_query(req, &st_me, me_found));
}

static void
revoked(struct http_request *req, struct appq *q, PGresult *res)
{
	if (PQntuples(res) == 0)
		appq_fail(q, 401, "unauthorized",
		    "the token was revoked already");
	else
		appq_reply(q, 204, NULL);
}

/* DELETE /tokens/current: revokes the token sent. 204, 401. */
static int
tokens_revoke(struct http_request *req, long long id)
{
	return (token_query(req, &st_revoke, revoked));
}
