/*
 * unit_apps_json.c: the apps' JSON reader (request bodies: jansson within
 * the apps' limits) and escaping writer (every string sent).
 */
#include <limits.h>
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
	if (strstr(err, want) == NULL)
		fail_msg("%s: got \"%s\", want \"%s\"", s, err, want);
	/* A position, and never the text of the body (it may be a password). */
	assert_int_equal(strncmp(err, "at byte ", 8), 0);
	assert_null(strstr(err, " near "));
	assert_null(obj.m);
	assert_int_equal(obj.n, 0);
	assert_null(obj.doc);
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
	    "\"b\": -9223372036854775808, \"c\": -0, \"d\": 1.0}", &obj, err,
	    sizeof(err)), 0);
	assert_int_equal(appjson_get(&obj, "a")->type, APPJSON_INTEGER);
	assert_true(appjson_get(&obj, "a")->num == 9223372036854775807LL);
	assert_true(appjson_get(&obj, "b")->num == -9223372036854775807LL - 1);
	assert_int_equal(appjson_get(&obj, "c")->type, APPJSON_INTEGER);
	assert_int_equal(appjson_get(&obj, "c")->num, 0);
	assert_int_equal(appjson_get(&obj, "d")->type, APPJSON_NUMBER);
	appjson_obj_free(&obj);
	/* jansson refuses what int64 or a double cannot hold. */
	bad("{\"a\": 9223372036854775808}", "too big integer");
	bad("{\"a\": 1e400}", "real number overflow");
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
	bad("", "at byte 0: expected a JSON object");
	bad(" \n", "at byte 2: expected a JSON object");
	bad("[1]", "expected a JSON object");
	bad("\"s\"", "expected a JSON object");
	bad("{", "at byte 1: string or '}' expected");
	bad("{\"a\" 1}", "':' expected");
	bad("{\"a\": 1,}", "string or '}' expected");
	bad("{\"a\": 1} x", "end of file expected");
	bad("{\"a\": 01}", "invalid token");
	bad("{\"a\": 1.}", "invalid token");
	bad("{\"a\": -}", "invalid token");
	bad("{\"a\": tru}", "invalid token");
	bad("{\"a\": \"x}", "premature end of input");
	bad("{\"a\": \"\\x\"}", "invalid escape");
	bad("{\"a\": \"\\u12\"}", "invalid escape");
	bad("{\"a\": \"\\u0000\"}", "\\u0000 is not allowed");
	bad("{\"\\u0000\": 1}", "NUL byte in object key");
	bad("{\"a\": \"\\ud800\"}", "invalid Unicode");
	bad("{\"a\": \"\\udc00\"}", "invalid Unicode");
	bad("{\"a\": \"\\ud800\\u0041\"}", "invalid Unicode");
	bad("{\"a\": \"tab\there\"}", "control character 0x9");
	bad("{\"a\": \"\xc3\"}", "unable to decode byte 0xc3");
	bad("{\"a\": \"\xc0\xaf\"}", "unable to decode byte 0xc0");
	bad("{\"a\": \"\xed\xa0\x80\"}", "unable to decode byte 0xed");
	bad("{\"a\": \"\xf4\x90\x80\x80\"}", "unable to decode byte 0xf4");
	bad("{\"a\": 1, \"a\": 2}", "at byte 12: duplicate object key");
	/* Duplicates are refused at every depth, not only at the top. */
	bad("{\"a\": {\"b\": 1, \"b\": 2}}", "duplicate object key");
	bad("{\"a\": [1 2]}", "']' expected");
	bad("{\"password\": \"hunter2\x01\"}", "control character 0x1");
}

/* NUL bytes anywhere (jansson would read one after a number as nothing). */
static void
t_nul(void **state)
{
	struct appjson_obj	obj;
	char			err[128];

	assert_int_equal(appjson_parse_object("{\"a\": 1\0}", 9, &obj, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "at byte 7: NUL byte");
	assert_int_equal(appjson_parse_object("{\"a\": \"x\0\"}", 11, &obj,
	    err, sizeof(err)), -1);
	assert_string_equal(err, "at byte 8: NUL byte");
	assert_int_equal(appjson_parse_object("{}\0", 3, &obj, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "at byte 2: NUL byte");
}

/* As deep as allowed, and one deeper, counting the body's object. */
static void
t_depth(void **state)
{
	struct appjson_obj	obj;
	struct vbuf		b;
	char			err[128];
	int			i;

	vbuf_init(&b);
	vbuf_puts(&b, "{\"a\": ");
	for (i = 1; i < APPJSON_MAX_DEPTH; i++)
		vbuf_puts(&b, i % 2 ? "[" : "{\"\\\"[{\": ");
	vbuf_puts(&b, "\"]]\"");
	for (i = APPJSON_MAX_DEPTH - 1; i >= 1; i--)
		vbuf_puts(&b, i % 2 ? "]" : "}");
	vbuf_puts(&b, "}");
	assert_int_equal(parse(b.data, &obj, err, sizeof(err)), 0);
	assert_int_equal(appjson_get(&obj, "a")->type, APPJSON_ARRAY);
	appjson_obj_free(&obj);
	vbuf_reset(&b);
	vbuf_puts(&b, "{\"a\": ");
	for (i = 0; i < APPJSON_MAX_DEPTH; i++)
		vbuf_puts(&b, "[");
	for (i = 0; i < APPJSON_MAX_DEPTH; i++)
		vbuf_puts(&b, "]");
	vbuf_puts(&b, "}");
	bad(b.data, "at byte 21: nested too deeply");
	vbuf_free(&b);
}

static void
t_too_many(void **state)
{
	struct appjson_obj	obj;
	char			err[128], *s;
	size_t			i, n;

	s = malloc(24 * (APPJSON_MAX_MEMBERS + 2));
	n = 0;
	s[n++] = '{';
	for (i = 0; i <= APPJSON_MAX_MEMBERS; i++)
		n += (size_t)sprintf(s + n, "%s\"k%zu\":1", i ? "," : "", i);
	s[n++] = '}';
	s[n] = '\0';
	assert_int_equal(parse(s, &obj, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "too many members"));
	/* Commas inside strings and nested values do not count. */
	n = 0;
	s[n++] = '{';
	for (i = 0; i < APPJSON_MAX_MEMBERS; i++)
		n += (size_t)sprintf(s + n, "%s\"k,%zu\":[1,2]", i ? "," : "",
		    i);
	s[n++] = '}';
	s[n] = '\0';
	assert_int_equal(parse(s, &obj, err, sizeof(err)), 0);
	assert_int_equal(obj.n, APPJSON_MAX_MEMBERS);
	assert_string_equal(obj.m[APPJSON_MAX_MEMBERS - 1].name, "k,63");
	appjson_obj_free(&obj);
	free(s);
}

static void
t_wipe(void **state)
{
	struct appjson_obj	obj;
	char			err[128];
	const char		*pw;

	assert_int_equal(parse("{\"email\": \"a@b.io\", \"password\": "
	    "\"correct horse\", \"n\": 1}", &obj, err, sizeof(err)), 0);
	pw = appjson_get(&obj, "password")->str;
	appjson_wipe(&obj, "password");
	assert_int_equal(pw[0], '\0');
	assert_string_equal(appjson_get(&obj, "email")->str, "a@b.io");
	appjson_wipe(&obj, "n");
	appjson_wipe(&obj, "missing");
	appjson_obj_free(&obj);
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

/* ts(usec, expected): appjson_pgtime() of usec is expected. */
static void
ts(long long usec, const char *want)
{
	struct vbuf	b;

	vbuf_init(&b);
	appjson_pgtime(&b, usec);
	assert_string_equal(b.data, want);
	vbuf_free(&b);
}

static void
t_numbers_times(void **state)
{
	struct vbuf	b;

	vbuf_init(&b);
	appjson_int(&b, 0);
	vbuf_putc(&b, ' ');
	appjson_int(&b, 42);
	vbuf_putc(&b, ' ');
	appjson_int(&b, -7);
	vbuf_putc(&b, ' ');
	appjson_int(&b, LLONG_MAX);
	vbuf_putc(&b, ' ');
	appjson_int(&b, LLONG_MIN);
	assert_string_equal(b.data, "0 42 -7 9223372036854775807 "
	    "-9223372036854775808");
	vbuf_free(&b);
	/* Expected values from Python's datetime (UTC). */
	ts(0, "\"2000-01-01T00:00:00.000000Z\"");
	ts(-1, "\"1999-12-31T23:59:59.999999Z\"");
	ts(849523443000123LL, "\"2026-12-02T10:44:03.000123Z\"");
	ts(762566399999999LL, "\"2024-02-29T23:59:59.999999Z\"");
	ts(-946684800000000LL, "\"1970-01-01T00:00:00.000000Z\"");
	ts(3160900800000000LL, "\"2100-03-01T12:00:00.000000Z\"");
	ts(-63082281600000000LL, "\"0001-01-01T00:00:00.000000Z\"");
	ts(252455615999999999LL, "\"9999-12-31T23:59:59.999999Z\"");
	ts(LLONG_MAX, "null");
	ts(LLONG_MIN, "null");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_scalars),
		cmocka_unit_test(t_integers),
		cmocka_unit_test(t_escapes),
		cmocka_unit_test(t_malformed),
		cmocka_unit_test(t_nul),
		cmocka_unit_test(t_depth),
		cmocka_unit_test(t_too_many),
		cmocka_unit_test(t_wipe),
		cmocka_unit_test(t_not_nul_terminated),
		cmocka_unit_test(t_escape_out),
		cmocka_unit_test(t_roundtrip),
		cmocka_unit_test(t_numbers_times),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
