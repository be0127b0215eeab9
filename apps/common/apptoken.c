/*
 * apptoken.c: signing and checking bearer tokens with HMAC-SHA256
 * (OpenSSL libcrypto).  Pure functions of their arguments and the clock
 * passed in, so they are unit-tested without a server.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "apptoken.h"

/* Unpadded base64url of 32 bytes: 43 characters. */
#define MAC_B64_LEN	43

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static void
b64url_encode(const unsigned char *in, size_t len, char *out)
{
	size_t		i;
	unsigned	v;
	char		*o;

	o = out;
	for (i = 0; i + 3 <= len; i += 3) {
		v = (in[i] << 16) | (in[i + 1] << 8) | in[i + 2];
		*o++ = b64url[(v >> 18) & 63];
		*o++ = b64url[(v >> 12) & 63];
		*o++ = b64url[(v >> 6) & 63];
		*o++ = b64url[v & 63];
	}
	if (len - i == 1) {
		v = in[i] << 16;
		*o++ = b64url[(v >> 18) & 63];
		*o++ = b64url[(v >> 12) & 63];
	} else if (len - i == 2) {
		v = (in[i] << 16) | (in[i + 1] << 8);
		*o++ = b64url[(v >> 18) & 63];
		*o++ = b64url[(v >> 12) & 63];
		*o++ = b64url[(v >> 6) & 63];
	}
	*o = '\0';
}

static int
mac(const char *secret, size_t secretlen, const char *msg, size_t len,
    char out[MAC_B64_LEN + 1])
{
	unsigned char	md[EVP_MAX_MD_SIZE];
	unsigned int	mdlen;

	mdlen = 0;
	if (HMAC(EVP_sha256(), secret, (int)secretlen,
	    (const unsigned char *)msg, len, md, &mdlen) == NULL ||
	    mdlen != 32)
		return (-1);
	b64url_encode(md, mdlen, out);
	return (0);
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
	char	sig[MAC_B64_LEN + 1];
	int	n;

	if (t->uid <= 0 || t->exp < 0 || !valid_jti(t->jti) ||
	    t->jti[32] != '\0')
		return (-1);
	n = snprintf(out, outlen, "v1.%lld.%lld.%s", t->uid, t->exp, t->jti);
	if (n < 0 || (size_t)n >= outlen)
		return (-1);
	if (mac(secret, secretlen, out, (size_t)n, sig) == -1)
		return (-1);
	if ((size_t)n + 1 + MAC_B64_LEN >= outlen)
		return (-1);
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
	char		 want[MAC_B64_LEN + 1];
	const char	*p, *sig;
	size_t		 len;

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
	if (mac(secret, secretlen, token, (size_t)(sig - 1 - token),
	    want) == -1)
		return (APPTOKEN_MALFORMED);
	if (CRYPTO_memcmp(want, sig, MAC_B64_LEN) != 0)
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
	int		i;

	if (RAND_bytes(r, sizeof(r)) != 1)
		return (-1);
	for (i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
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
