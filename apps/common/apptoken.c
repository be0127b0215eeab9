/*
 * apptoken.c: signing and checking bearer tokens with HMAC-SHA256
 * (libsodium).  Pure functions of their arguments and the clock passed
 * in, so they are unit-tested without a server.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "apptoken.h"
#include "util.h"

#define MAC_VARIANT	sodium_base64_VARIANT_URLSAFE_NO_PADDING
/* Unpadded base64url of the 32-byte MAC: 43 characters. */
#define MAC_B64_LEN	43

/* The HMAC-SHA256 of msg under secret (a key of any length). */
static void
mac(const char *secret, size_t secretlen, const char *msg, size_t len,
    unsigned char out[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state	st;

	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret,
	    secretlen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, len);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

static int
valid_jti(const char *s)
{
	size_t	i;

	for (i = 0; i < 32; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return (0);
	}
	return (s[32] == '\0' || s[32] == '.');
}

int
apptoken_sign(const char *secret, size_t secretlen, const struct apptoken *t,
    char *out, size_t outlen)
{
	unsigned char	md[crypto_auth_hmacsha256_BYTES];
	char		sig[MAC_B64_LEN + 1];
	int		n;

	if (t->uid <= 0 || t->exp < 0 || !valid_jti(t->jti) ||
	    t->jti[32] != '\0')
		return (-1);
	n = snprintf(out, outlen, "v1.%lld.%lld.%s", t->uid, t->exp, t->jti);
	if (n < 0 || (size_t)n >= outlen)
		return (-1);
	if ((size_t)n + 1 + MAC_B64_LEN >= outlen)
		return (-1);
	mac(secret, secretlen, out, (size_t)n, md);
	sodium_bin2base64(sig, sizeof(sig), md, sizeof(md), MAC_VARIANT);
	out[n] = '.';
	memcpy(out + n + 1, sig, MAC_B64_LEN + 1);
	return (0);
}

/* A decimal field of 1-19 digits, no sign, no leading zero; *end after it. */
static int
number(const char *s, long long *v, const char **end)
{
	long long	x;
	size_t		n;

	x = 0;
	for (n = 0; s[n] >= '0' && s[n] <= '9'; n++) {
		if (n == 18 || (n == 0 && s[0] == '0' && s[1] >= '0' &&
		    s[1] <= '9'))
			return (-1);
		x = x * 10 + (s[n] - '0');
	}
	if (n == 0)
		return (-1);
	*v = x;
	*end = s + n;
	return (0);
}

int
apptoken_verify(const char *secret, size_t secretlen, const char *token,
    long long now, struct apptoken *t)
{
	unsigned char	 want[crypto_auth_hmacsha256_BYTES];
	unsigned char	 got[crypto_auth_hmacsha256_BYTES];
	const char	*p, *sig;
	size_t		 len, glen;

	len = strnlen(token, APPTOKEN_MAX);
	if (len >= APPTOKEN_MAX || strncmp(token, "v1.", 3) != 0)
		return (APPTOKEN_MALFORMED);
	p = token + 3;
	if (number(p, &t->uid, &p) == -1 || *p++ != '.' || t->uid <= 0)
		return (APPTOKEN_MALFORMED);
	if (number(p, &t->exp, &p) == -1 || *p++ != '.')
		return (APPTOKEN_MALFORMED);
	if (strlen(p) < 33 || !valid_jti(p) || p[32] != '.')
		return (APPTOKEN_MALFORMED);
	memcpy(t->jti, p, 32);
	t->jti[32] = '\0';
	sig = p + 33;
	if (strlen(sig) != MAC_B64_LEN)
		return (APPTOKEN_MALFORMED);
	/* 43 characters that are not the base64url of 32 bytes are no MAC. */
	if (sodium_base642bin(got, sizeof(got), sig, MAC_B64_LEN, NULL, &glen,
	    NULL, MAC_VARIANT) != 0 || glen != sizeof(got))
		return (APPTOKEN_BADSIG);
	mac(secret, secretlen, token, (size_t)(sig - 1 - token), want);
	if (sodium_memcmp(want, got, sizeof(want)) != 0)
		return (APPTOKEN_BADSIG);
	if (t->exp <= now)
		return (APPTOKEN_EXPIRED);
	return (APPTOKEN_OK);
}

const char *
apptoken_from_header(const char *header)
{
	const char	*p;

	if (header == NULL || strncasecmp(header, "Bearer ", 7) != 0)
		return (NULL);
	p = header + 7;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return (NULL);
	return (p);
}

int
apptoken_new_jti(char out[33])
{
	unsigned char	r[16];

	if (sodium_init() < 0)
		return (-1);
	randombytes_buf(r, sizeof(r));
	vf_hex_encode(r, sizeof(r), out);
	return (0);
}

const char *
apptoken_strerror(int rc)
{
	switch (rc) {
	case APPTOKEN_OK:
		return ("valid");
	case APPTOKEN_EXPIRED:
		return ("the token has expired");
	case APPTOKEN_BADSIG:
		return ("the token signature is not valid");
	default:
		return ("the token is malformed");
	}
}
