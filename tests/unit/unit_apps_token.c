/*
 * unit_apps_token.c: signing and checking the bearer tokens that auth
 * issues and billing verifies.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "apptoken.h"

static const char	secret[] = "0123456789abcdef0123456789abcdef";
#define SLEN		(sizeof(secret) - 1)
#define NOW		1800000000LL

static void
make(char *out, long long uid, long long exp)
{
	struct apptoken	t;

	t.uid = uid;
	t.exp = exp;
	memcpy(t.jti, "00112233445566778899aabbccddeeff", 33);
	assert_int_equal(apptoken_sign(secret, SLEN, &t, out, APPTOKEN_MAX), 0);
}

static void
t_roundtrip(void **state)
{
	struct apptoken	t;
	char		tok[APPTOKEN_MAX];

	make(tok, 42, NOW + 900);
	assert_int_equal(strncmp(tok, "v1.42.1800000900."
	    "00112233445566778899aabbccddeeff.", 50), 0);
	assert_int_equal(strlen(tok), 50 + 43);
	memset(&t, 0, sizeof(t));
	assert_int_equal(apptoken_verify(secret, SLEN, tok, NOW, &t),
	    APPTOKEN_OK);
	assert_int_equal(t.uid, 42);
	assert_int_equal(t.exp, NOW + 900);
	assert_string_equal(t.jti, "00112233445566778899aabbccddeeff");
}

static void
t_known_mac(void **state)
{
	struct apptoken	t;
	char		tok[APPTOKEN_MAX];

	/*
	 * The MAC as `openssl dgst -sha256 -hmac SECRET -binary | basenc
	 * --base64url` computes it (padding dropped).
	 */
	make(tok, 1, 2000000000LL);
	assert_string_equal(tok, "v1.1.2000000000."
	    "00112233445566778899aabbccddeeff."
	    "TARDGzxuj6esIsbcYAlNBez-HKkHdF6TaiueSxR55OA");
	assert_int_equal(apptoken_verify(secret, SLEN, tok, NOW, &t),
	    APPTOKEN_OK);
}

static void
t_expired(void **state)
{
	struct apptoken	t;
	char		tok[APPTOKEN_MAX];

	make(tok, 7, NOW);
	assert_int_equal(apptoken_verify(secret, SLEN, tok, NOW, &t),
	    APPTOKEN_EXPIRED);
	assert_int_equal(apptoken_verify(secret, SLEN, tok, NOW - 1, &t),
	    APPTOKEN_OK);
}

static void
t_tampered(void **state)
{
	struct apptoken	t;
	char		tok[APPTOKEN_MAX], bad[APPTOKEN_MAX];
	size_t		i, n;

	make(tok, 7, NOW + 60);
	/* Another user id with the old MAC. */
	strcpy(bad, tok);
	bad[3] = '8';
	assert_int_equal(apptoken_verify(secret, SLEN, bad, NOW, &t),
	    APPTOKEN_BADSIG);
	/* Every single changed character of the MAC is caught. */
	n = strlen(tok);
	for (i = n - 43; i < n; i++) {
		strcpy(bad, tok);
		bad[i] = (bad[i] == 'A') ? 'B' : 'A';
		assert_int_not_equal(apptoken_verify(secret, SLEN, bad, NOW,
		    &t), APPTOKEN_OK);
	}
	/* A later expiry with the old MAC. */
	strcpy(bad, tok);
	bad[5] = '9';
	assert_int_equal(apptoken_verify(secret, SLEN, bad, NOW, &t),
	    APPTOKEN_BADSIG);
	/* Another secret. */
	assert_int_equal(apptoken_verify("another secret of 32 characters!",
	    32, tok, NOW, &t), APPTOKEN_BADSIG);
}

static void
t_malformed(void **state)
{
	struct apptoken	t;
	char		tok[APPTOKEN_MAX], bad[APPTOKEN_MAX * 2];
	const char	*cases[] = {
		"",
		"v1",
		"v2.1.1800000900.00112233445566778899aabbccddeeff.x",
		"v1.0.1800000900.00112233445566778899aabbccddeeff."
		    "8WIgaj3TO0n6pqPnEkPbJMGXI3UlBuEt-eSO_TV4E78",
		"v1.01.1800000900.00112233445566778899aabbccddeeff."
		    "8WIgaj3TO0n6pqPnEkPbJMGXI3UlBuEt-eSO_TV4E78",
		"v1.-1.1800000900.00112233445566778899aabbccddeeff."
		    "8WIgaj3TO0n6pqPnEkPbJMGXI3UlBuEt-eSO_TV4E78",
		"v1.1.1800000900.00112233445566778899AABBCCDDEEFF."
		    "8WIgaj3TO0n6pqPnEkPbJMGXI3UlBuEt-eSO_TV4E78",
		"v1.1.1800000900.0011223344556677."
		    "8WIgaj3TO0n6pqPnEkPbJMGXI3UlBuEt-eSO_TV4E78",
		"v1.1.1800000900.00112233445566778899aabbccddeeff.short",
		"v1.1234567890123456789.1.00112233445566778899aabbccddeeff."
		    "8WIgaj3TO0n6pqPnEkPbJMGXI3UlBuEt-eSO_TV4E78",
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(apptoken_verify(secret, SLEN, cases[i], NOW,
		    &t), APPTOKEN_MALFORMED);
	make(tok, 7, NOW + 60);
	snprintf(bad, sizeof(bad), "%sAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	    tok);
	assert_int_equal(apptoken_verify(secret, SLEN, bad, NOW, &t),
	    APPTOKEN_MALFORMED);
}

static void
t_sign_refuses(void **state)
{
	struct apptoken	t;
	char		tok[APPTOKEN_MAX];

	t.uid = 0;
	t.exp = NOW;
	memcpy(t.jti, "00112233445566778899aabbccddeeff", 33);
	assert_int_equal(apptoken_sign(secret, SLEN, &t, tok, sizeof(tok)), -1);
	t.uid = 1;
	memcpy(t.jti, "0011223344556677889XaabbccddeefF", 33);
	assert_int_equal(apptoken_sign(secret, SLEN, &t, tok, sizeof(tok)), -1);
	memcpy(t.jti, "00112233445566778899aabbccddeeff", 33);
	assert_int_equal(apptoken_sign(secret, SLEN, &t, tok, 40), -1);
}

static void
t_header(void **state)
{
	assert_string_equal(apptoken_from_header("Bearer abc"), "abc");
	assert_string_equal(apptoken_from_header("bearer   abc"), "abc");
	assert_null(apptoken_from_header(NULL));
	assert_null(apptoken_from_header("Basic abc"));
	assert_null(apptoken_from_header("Bearer "));
	assert_null(apptoken_from_header("Bearerabc"));
}

static void
t_jti(void **state)
{
	char	a[33], b[33];
	size_t	i;

	assert_int_equal(apptoken_new_jti(a), 0);
	assert_int_equal(apptoken_new_jti(b), 0);
	assert_int_equal(strlen(a), 32);
	for (i = 0; i < 32; i++)
		assert_non_null(strchr("0123456789abcdef", a[i]));
	assert_string_not_equal(a, b);
	assert_string_equal(apptoken_strerror(APPTOKEN_EXPIRED),
	    "the token has expired");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_roundtrip),
		cmocka_unit_test(t_known_mac),
		cmocka_unit_test(t_expired),
		cmocka_unit_test(t_tampered),
		cmocka_unit_test(t_malformed),
		cmocka_unit_test(t_sign_refuses),
		cmocka_unit_test(t_header),
		cmocka_unit_test(t_jti),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
