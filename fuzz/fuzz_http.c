/*
 * fuzz_http.c: libFuzzer harness for what the apps do with request bytes
 * before any database is involved: the body reader (the limits checked
 * before jansson, jansson's tree read into members) and the body
 * validators, the GET /invoices query parser, bearer header parsing and
 * token verification.  The first byte picks the path.  Properties: a
 * refusal has a reason that does not quote the body; every string member
 * is valid UTF-8 without NUL; a string member written back with
 * appjson_str() parses to the same string; a token signed from fuzzed
 * fields verifies to the same fields; the fuzzed token itself never
 * verifies with a wrong signature.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appjson.h"
#include "appreq.h"
#include "apptoken.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char	secret[] = "fuzz-secret-0123456789abcdef";

static void
json_path(const char *data, size_t len)
{
	struct appjson_obj		 obj, back;
	struct appreq_credentials	 cr;
	struct appreq_customer		 cu;
	struct appreq_invoice		 inv;
	struct vbuf			 b;
	char				 err[128], msg[256];
	size_t				 i, n;

	err[0] = '\0';
	if (appjson_parse_object(data, len, &obj, err, sizeof(err)) == -1) {
		if (strncmp(err, "at byte ", 8) != 0 ||
		    strstr(err, " near ") != NULL || obj.m != NULL ||
		    obj.doc != NULL)
			abort();
		return;
	}
	if (obj.n > APPJSON_MAX_MEMBERS)
		abort();
	(void)appreq_credentials(&obj, 1, &cr, msg, sizeof(msg));
	(void)appreq_credentials(&obj, 0, &cr, msg, sizeof(msg));
	(void)appreq_customer(&obj, &cu, msg, sizeof(msg));
	(void)appreq_invoice(&obj, &inv, msg, sizeof(msg));
	vbuf_init(&b);
	for (i = 0; i < obj.n; i++) {
		if (obj.m[i].type != APPJSON_STRING)
			continue;
		n = strlen(obj.m[i].str);
		if (vf_utf8_invalid_at(obj.m[i].str, n) != n)
			abort();
		vbuf_reset(&b);
		vbuf_puts(&b, "{\"k\":");
		appjson_str(&b, obj.m[i].str);
		vbuf_puts(&b, "}");
		if (appjson_parse_object(b.data, b.len, &back, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "escaped string does not parse: %s: %s\n",
			    err, b.data);
			abort();
		}
		if (back.n != 1 || back.m[0].type != APPJSON_STRING ||
		    strcmp(back.m[0].str, obj.m[i].str) != 0)
			abort();
		appjson_obj_free(&back);
	}
	vbuf_free(&b);
	appjson_wipe(&obj, "password");
	appjson_obj_free(&obj);
}

static void
token_path(const char *s)
{
	struct apptoken	 t, t2;
	char		 out[512];
	const char	*tok;
	unsigned long	 h;
	size_t		 i;

	tok = apptoken_from_header(s);
	if (apptoken_verify(secret, sizeof(secret) - 1, tok ? tok : s,
	    1700000000, &t) == APPTOKEN_OK) {
		/* Only a correctly signed token may verify. */
		if (apptoken_sign(secret, sizeof(secret) - 1, &t, out,
		    sizeof(out)) == -1 || strcmp(out, tok ? tok : s) != 0)
			abort();
	}
	/* Sign fields derived from the input, then verify them. */
	for (h = 5381, i = 0; s[i] != '\0'; i++)
		h = h * 33 + (unsigned char)s[i];
	memset(&t, 0, sizeof(t));
	t.uid = (long long)(h % 1000000000UL) + 1;
	t.exp = 1700000000LL + (long long)(h % 100000UL) + 1;
	for (i = 0; i < 32; i++)
		t.jti[i] = "0123456789abcdef"[(h >> (i % 28)) & 15];
	t.jti[32] = '\0';
	if (apptoken_sign(secret, sizeof(secret) - 1, &t, out,
	    sizeof(out)) == -1)
		abort();
	if (apptoken_verify(secret, sizeof(secret) - 1, out, 1700000000,
	    &t2) != APPTOKEN_OK || t2.uid != t.uid || t2.exp != t.exp ||
	    strcmp(t2.jti, t.jti) != 0)
		abort();
	if (apptoken_verify("other-secret", 12, out, 1700000000, &t2) ==
	    APPTOKEN_OK)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct appreq_invoice_list	 l;
	char				*s, msg[256];

	if (len < 1)
		return (0);
	s = xstrndup((const char *)data + 1, len - 1);
	switch (data[0] % 3) {
	case 0:
		json_path((const char *)data + 1, len - 1);
		break;
	case 1:
		(void)appreq_invoice_list(s, &l, msg, sizeof(msg));
		break;
	default:
		token_path(s);
		break;
	}
	free(s);
	return (0);
}
