/*
 * apptoken.h: the bearer tokens auth issues and billing checks, without
 * HTTP and without a database: "v1.<user id>.<expiry>.<token id>.<mac>",
 * where mac is the unpadded base64url HMAC-SHA256, under a secret shared
 * through the environment, of everything before the last dot.  Checking
 * one needs only the secret, so billing never reads the auth schema.
 */
#ifndef APPS_APPTOKEN_H
#define APPS_APPTOKEN_H

#include <stddef.h>

/* Longest token, with its NUL. */
#define APPTOKEN_MAX		128
/* A secret shorter than this is refused at start. */
#define APPTOKEN_SECRET_MIN	32

#define APPTOKEN_OK		0
#define APPTOKEN_MALFORMED	(-1)
#define APPTOKEN_BADSIG		(-2)
#define APPTOKEN_EXPIRED	(-3)

struct apptoken {
	long long	uid;		/* > 0 */
	long long	exp;		/* Unix seconds */
	char		jti[33];	/* 32 lower-case hex digits */
};

/*
 * Writes the signed token of t into out (at least APPTOKEN_MAX bytes).
 * Returns 0, or -1 when t is not valid (uid <= 0, exp < 0, bad jti).
 */
int	apptoken_sign(const char *secret, size_t secretlen,
	    const struct apptoken *t, char *out, size_t outlen);

/*
 * Checks token against secret and the clock now (Unix seconds): returns
 * APPTOKEN_OK with *t filled, APPTOKEN_MALFORMED, APPTOKEN_BADSIG (the
 * MAC is compared in constant time) or APPTOKEN_EXPIRED (exp <= now).
 */
int	apptoken_verify(const char *secret, size_t secretlen,
	    const char *token, long long now, struct apptoken *t);

/*
 * The token in an Authorization header value ("Bearer <token>", scheme
 * case-insensitive).  Returns a pointer into header, or NULL when the
 * header is NULL or not a bearer credential.
 */
const char	*apptoken_from_header(const char *header);

/* 32 random lower-case hex digits (a token id) into out. 0 or -1. */
int	apptoken_new_jti(char out[33]);

/* Human text for a verify result, for 401 messages. */
const char	*apptoken_strerror(int);

#endif
