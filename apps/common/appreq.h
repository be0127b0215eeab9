/*
 * appreq.h: what the apps check in a request before any database work,
 * without HTTP: route matching, query strings, and the body fields of
 * each route.  Messages returned here go to the client as they are.
 */
#ifndef APPS_APPREQ_H
#define APPS_APPREQ_H

#include <stddef.h>

#include "appjson.h"

struct http_request;

/* A route handler: the id is the {id} of the path, 0 when it has none. */
typedef int	(*approute_fn)(struct http_request *, long long id);

struct approute {
	const char	*method;	/* "GET", "POST", "DELETE" */
	const char	*pattern;	/* exact, or with one "{id}" segment */
	approute_fn	 fn;
};

#define APPROUTE_NOT_FOUND	(-1)
#define APPROUTE_BAD_METHOD	(-2)

/*
 * Finds the route for method and path.  {id} matches a positive decimal
 * of at most 18 digits without a leading zero.  Returns the index in
 * routes with *id set, APPROUTE_NOT_FOUND, or APPROUTE_BAD_METHOD when
 * the path exists with other methods, which are then listed in allow
 * ("GET, POST").
 */
int	approute_match(const struct approute *, size_t n, const char *method,
	    const char *path, long long *id, char *allow, size_t allowlen);

/*
 * The value of name in a query string (without '?'), percent- and
 * '+'-decoded into buf.  Returns 1 when found, 0 when absent, -1 when
 * the value is badly encoded, holds a NUL or does not fit in buf.
 */
int	appreq_qs_get(const char *qs, const char *name, char *buf,
	    size_t len);

/* A positive int64 of at most 18 digits in s.  0 or -1. */
int	appreq_parse_id(const char *s, long long *out);

/* 1 when s looks like a deliverable address (see appreq.c), else 0. */
int	appreq_valid_email(const char *s);

/* Limits of the auth app's bodies. */
#define APPREQ_PASSWORD_MIN	12
#define APPREQ_PASSWORD_MAX	256	/* characters */

struct appreq_credentials {
	const char	*email;		/* point into the parsed object */
	const char	*password;
};

/*
 * {email, password} of POST /users (policy != 0: address syntax and
 * password length are checked) or POST /tokens (policy 0: only that both
 * are strings).  Returns 0, or -1 with a message in msg (a 422).
 */
int	appreq_credentials(const struct appjson_obj *, int policy,
	    struct appreq_credentials *, char *msg, size_t len);

struct appreq_customer {
	const char	*name;		/* 1-200 characters */
	const char	*email;		/* NULL when absent or null */
};

/* The body of POST /customers.  0, or -1 with msg (a 422). */
int	appreq_customer(const struct appjson_obj *, struct appreq_customer *,
	    char *msg, size_t len);

struct appreq_invoice {
	long long	customer_id;
	long long	amount_cents;	/* 0 .. 10^15 */
	char		currency[4];	/* three upper-case letters; EUR */
};

/* The body of POST /invoices.  0, or -1 with msg (a 422). */
int	appreq_invoice(const struct appjson_obj *, struct appreq_invoice *,
	    char *msg, size_t len);

#define APPREQ_LIMIT_DEFAULT	20
#define APPREQ_LIMIT_MAX	100

struct appreq_invoice_list {
	char		status[8];	/* "" for any */
	long long	customer_id;	/* 0 for any */
	long long	after;		/* 0: from the start */
	int		limit;
};

/* The query of GET /invoices.  0, or -1 with msg (a 422). */
int	appreq_invoice_list(const char *qs, struct appreq_invoice_list *,
	    char *msg, size_t len);

#endif
