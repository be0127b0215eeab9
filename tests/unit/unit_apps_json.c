/*
 * unit_apps_json.c: the apps' JSON reader (request bodies) and escaping
 * writer (every string sent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "appjson.h"

static int
parse(const char *s, struct appjson_obj *obj, char *err, size_t len)
{
	return (appjson_parse_object(s, strlen(s), obj, err, len));
}

static void
bad(const char *s, const char *want)
{
	struct appjson_obj	obj;
	char			err[128];

	err[0] = '\0';
	assert_int_equal(parse(s, &obj, err, sizeof(err)), -1);
	assert_non_null(strstr(err, want));
	assert_null(obj.m);
	assert_int_equal(obj.n, 0);
}

static void
t_scalars(void **state)
{
	struct appjson_obj		 obj;
	const struct appjson_member	*m;
	char				 err[128];

	assert_int_equal(parse(" {\"email\" : \"a@b.io\", \"n\": 42, "
	    "\"neg\": -7, \"f\": 1.5, \"e\": 1e3, \"t\": true, \"no\": false, "
	    "\"z\": null, \"o\": {\"x\": [1, {\"y\": []}]}, \"a\": []}\n",
	    &obj, err, sizeof(err)), 0);
	assert_int_equal(obj.n, 10);
	m = appjson_get(&obj, "email");
	assert_int_equal(m->type, APPJSON_STRING);
	assert_string_equal(m->str, "a@b.io");
	m = appjson_get(&obj, "n");
	assert_int_equal(m->type, APPJSON_INTEGER);
	assert_int_equal(m->num, 42);
	assert_int_equal(appjson_get(&obj, "neg")->num, -7);
	assert_int_equal(appjson_get(&obj, "f")->type, APPJSON_NUMBER);
	assert_int_equal(appjson_get(&obj, "e")->type, APPJSON_NUMBER);
	assert_int_equal(appjson_get(&obj, "t")->type, APPJSON_TRUE);
	assert_int_equal(appjson_get(&obj, "no")->type, APPJSON_FALSE);
	assert_int_equal(appjson_get(&obj, "z")->type, APPJSON_NULL);
	assert_int_equal(appjson_get(&obj, "o")->type, APPJSON_OBJECT);
	assert_int_equal(appjson_get(&obj, "a")->type, APPJSON_ARRAY);
	assert_null(appjson_get(&obj, "missing"));
	appjson_obj_free(&obj);
	assert_int_equal(parse("{}", &obj, err, sizeof(err)), 0);
	assert_int_equal(obj.n, 0);
	appjson_obj_free(&obj);
}

static void
t_integers(void **state)
{
	struct appjson_obj	obj;
	char			err[128];

	assert_int_equal(parse("{\"a\": 9223372036854775807, "
	    "\"b\": 9223372036854775808, \"c\": -0}", &obj, err,
	    sizeof(err)), 0);
	assert_int_equal(appjson_get(&obj, "a")->type, APPJSON_INTEGER);
	assert_true(appjson_get(&obj, "a")->num == 9223372036854775807LL);
	/* Past int64: still a number, no longer an integer. */
	assert_int_equal(appjson_get(&obj, "b")->type, APPJSON_NUMBER);
	assert_int_equal(appjson_get(&obj, "c")->type, APPJSON_INTEGER);
	appjson_obj_free(&obj);
}

static void
t_escapes(void **state)
{
	struct appjson_obj	obj;
	char			err[128];

	assert_int_equal(parse("{\"s\": \"q\\\"b\\\\s\\/n\\n\\t\\u00e9\\u20ac"
	    "\\ud83d\\ude00\", \"u\": \"caf\xc3\xa9\"}", &obj, err,
	    sizeof(err)), 0);
	assert_string_equal(appjson_get(&obj, "s")->str,
	    "q\"b\\s/n\n\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	assert_string_equal(appjson_get(&obj, "u")->str, "caf\xc3\xa9");
	appjson_obj_free(&obj);
}

static void
t_malformed(void **state)
{
	char	deep[64];
	int	i;

	bad("", "expected a JSON object");
	bad("[1]", "expected a JSON object");
	bad("\"s\"", "expected a JSON object");
	bad("{", "expected a member name");
	bad("{\"a\" 1}", "expected ':'");
	bad("{\"a\": 1,}", "expected a member name");
	bad("{\"a\": 1} x", "trailing characters");
	bad("{\"a\": 01}", "expected ',' or '}'");
	bad("{\"a\": 1.}", "bad number");
	bad("{\"a\": -}", "bad number");
	bad("{\"a\": tru}", "unexpected character");
	bad("{\"a\": \"x}", "unterminated string");
	bad("{\"a\": \"\\x\"}", "bad escape");
	bad("{\"a\": \"\\u12\"}", "bad \\u escape");
	bad("{\"a\": \"\\u0000\"}", "\\u0000 is not allowed");
	bad("{\"a\": \"\\ud800\"}", "lone high surrogate");
	bad("{\"a\": \"\\udc00\"}", "lone low surrogate");
	bad("{\"a\": \"\\ud800\\u0041\"}", "bad surrogate pair");
	bad("{\"a\": \"tab\there\"}", "control character");
	bad("{\"a\": \"\xc3\"}", "invalid UTF-8");
	bad("{\"a\": \"\xc0\xaf\"}", "invalid UTF-8");
	bad("{\"a\": \"\xed\xa0\x80\"}", "invalid UTF-8");
	bad("{\"a\": 1, \"a\": 2}", "duplicate member name");
	bad("{\"a\": [1 2]}", "expected ',' or ']'");
	for (i = 0; i < 20; i++)
		deep[i] = '[';
	deep[20] = '\0';
	memmove(deep + 6, deep, 21);
	memcpy(deep, "{\"a\": ", 6);
	bad(deep, "nested too deeply");
}

static void
t_too_many(void **state)
{
	struct appjson_obj	obj;
	char			err[128], *s;
	size_t			i, n;

	s = malloc(16 * (APPJSON_MAX_MEMBERS + 2));
	n = 0;
	s[n++] = '{';
	for (i = 0; i <= APPJSON_MAX_MEMBERS; i++)
		n += (size_t)sprintf(s + n, "%s\"k%zu\":1", i ? "," : "", i);
	s[n++] = '}';
	s[n] = '\0';
	assert_int_equal(parse(s, &obj, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "too many members"));
	free(s);
}

static void
t_not_nul_terminated(void **state)
{
	struct appjson_obj	obj;
	char			err[128];
	const char		buf[] = "{\"a\":1}GARBAGE";

	assert_int_equal(appjson_parse_object(buf, 7, &obj, err,
	    sizeof(err)), 0);
	assert_int_equal(appjson_get(&obj, "a")->num, 1);
	appjson_obj_free(&obj);
}

static void
esc(const char *in, const char *want)
{
	struct vbuf	b;

	vbuf_init(&b);
	appjson_str(&b, in);
	assert_string_equal(b.data, want);
	vbuf_free(&b);
}

static void
t_escape_out(void **state)
{
	struct vbuf	b;

	esc("plain", "\"plain\"");
	esc("q\"b\\", "\"q\\\"b\\\\\"");
	esc("a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\"");
	esc("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	esc("<script>&", "\"\\u003cscript\\u003e\\u0026\"");
	esc("caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\"");
	esc("\xe2\x80\xa8", "\"\\u2028\"");
	esc("bad\xff\xc3", "\"bad\\ufffd\\ufffd\"");
	esc("", "\"\"");
	vbuf_init(&b);
	appjson_str_or_null(&b, NULL);
	appjson_str_or_null(&b, "x");
	assert_string_equal(b.data, "null\"x\"");
	vbuf_reset(&b);
	appjson_error(&b, "not_found", "no \"such\" thing");
	assert_string_equal(b.data, "{\"error\":{\"code\":\"not_found\","
	    "\"message\":\"no \\\"such\\\" thing\"}}");
	vbuf_free(&b);
}

static void
t_roundtrip(void **state)
{
	struct appjson_obj	obj;
	struct vbuf		b;
	char			err[128];
	const char		*s = "x\"\\\n\x01<>&\xc3\xa9\xf0\x9f\x98\x80";

	vbuf_init(&b);
	vbuf_puts(&b, "{\"k\":");
	appjson_str(&b, s);
	vbuf_puts(&b, "}");
	assert_int_equal(parse(b.data, &obj, err, sizeof(err)), 0);
	assert_string_equal(appjson_get(&obj, "k")->str, s);
	appjson_obj_free(&obj);
	vbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_scalars),
		cmocka_unit_test(t_integers),
		cmocka_unit_test(t_escapes),
		cmocka_unit_test(t_malformed),
		cmocka_unit_test(t_too_many),
		cmocka_unit_test(t_not_nul_terminated),
		cmocka_unit_test(t_escape_out),
		cmocka_unit_test(t_roundtrip),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
