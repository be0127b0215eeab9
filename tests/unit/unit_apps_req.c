/*
 * unit_apps_req.c: route matching, query strings and the validation of
 * the apps' request bodies.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "appreq.h"

static const struct approute routes[] = {
	{ "POST", "/invoices", NULL },
	{ "GET", "/invoices", NULL },
	{ "GET", "/invoices/{id}", NULL },
	{ "POST", "/invoices/{id}/pay", NULL },
	{ "DELETE", "/tokens/current", NULL },
};
#define NROUTES	(sizeof(routes) / sizeof(routes[0]))

static int
match(const char *method, const char *path, long long *id, char *allow)
{
	return (approute_match(routes, NROUTES, method, path, id, allow, 64));
}

static void
t_routes(void **state)
{
	static const char *const not_found[] = {
		"/invoices/0", "/invoices/01", "/invoices/1234567890123456789",
		"/invoices/-1", "/invoices/", "/invoices/abc",
		"/invoices/1/payx", "/invoices/1/", "/nope",
	};
	static const struct {
		const char	*method, *path, *allow;
	} bad_method[] = {
		{ "DELETE", "/invoices", "POST, GET" },
		{ "GET", "/invoices/9/pay", "POST" },
		{ "GET", "/tokens/current", "DELETE" },
	};
	char		allow[64];
	long long	id;
	size_t		i;

	assert_int_equal(match("POST", "/invoices", &id, allow), 0);
	assert_int_equal(id, 0);
	assert_int_equal(match("GET", "/invoices", &id, allow), 1);
	assert_int_equal(match("GET", "/invoices/42", &id, allow), 2);
	assert_int_equal(id, 42);
	assert_int_equal(match("POST", "/invoices/123456789012345678/pay",
	    &id, allow), 3);
	assert_true(id == 123456789012345678LL);
	assert_int_equal(match("DELETE", "/tokens/current", &id, allow), 4);
	/* Not ids: zero, leading zero, too long, signs, empty, text. */
	for (i = 0; i < sizeof(not_found) / sizeof(not_found[0]); i++)
		assert_int_equal(match("GET", not_found[i], &id, allow),
		    APPROUTE_NOT_FOUND);
	/* Known path, other method: 405 with the methods it takes. */
	for (i = 0; i < sizeof(bad_method) / sizeof(bad_method[0]); i++) {
		assert_int_equal(match(bad_method[i].method,
		    bad_method[i].path, &id, allow), APPROUTE_BAD_METHOD);
		assert_string_equal(allow, bad_method[i].allow);
	}
}

static void
t_qs(void **state)
{
	char	v[16];

	assert_int_equal(appreq_qs_get("a=1&b=two&c", "b", v, sizeof(v)), 1);
	assert_string_equal(v, "two");
	assert_int_equal(appreq_qs_get("a=1&b=two&c", "c", v, sizeof(v)), 1);
	assert_string_equal(v, "");
	assert_int_equal(appreq_qs_get("a=1&b=two", "x", v, sizeof(v)), 0);
	assert_int_equal(appreq_qs_get(NULL, "x", v, sizeof(v)), 0);
	assert_int_equal(appreq_qs_get("", "x", v, sizeof(v)), 0);
	assert_int_equal(appreq_qs_get("s=a+b%20c%2F", "s", v, sizeof(v)), 1);
	assert_string_equal(v, "a b c/");
	assert_int_equal(appreq_qs_get("st%61tus=open", "status", v,
	    sizeof(v)), 1);
	assert_string_equal(v, "open");
	assert_int_equal(appreq_qs_get("s=%zz", "s", v, sizeof(v)), -1);
	assert_int_equal(appreq_qs_get("s=%4", "s", v, sizeof(v)), -1);
	assert_int_equal(appreq_qs_get("s=%00", "s", v, sizeof(v)), -1);
	assert_int_equal(appreq_qs_get("s=0123456789abcdef", "s", v,
	    sizeof(v)), -1);
	/* The first occurrence wins. */
	assert_int_equal(appreq_qs_get("a=1&a=2", "a", v, sizeof(v)), 1);
	assert_string_equal(v, "1");
}

static void
t_email(void **state)
{
	assert_true(appreq_valid_email("ada@example.com"));
	assert_true(appreq_valid_email("a.b+tag@mail.example.co.uk"));
	assert_true(appreq_valid_email("O'Brien@Example.COM"));
	assert_false(appreq_valid_email(""));
	assert_false(appreq_valid_email("ada"));
	assert_false(appreq_valid_email("@example.com"));
	assert_false(appreq_valid_email("ada@"));
	assert_false(appreq_valid_email("ada@localhost"));
	assert_false(appreq_valid_email("ada@@example.com"));
	assert_false(appreq_valid_email("a@b@example.com"));
	assert_false(appreq_valid_email(".ada@example.com"));
	assert_false(appreq_valid_email("ada.@example.com"));
	assert_false(appreq_valid_email("a..da@example.com"));
	assert_false(appreq_valid_email("ada lovelace@example.com"));
	assert_false(appreq_valid_email("ada@exa_mple.com"));
	assert_false(appreq_valid_email("ada@-example.com"));
	assert_false(appreq_valid_email("ada@example-.com"));
	assert_false(appreq_valid_email("ada@example..com"));
	assert_false(appreq_valid_email("ada@1.2.3.4"));
	assert_false(appreq_valid_email("caf\xc3\xa9@example.com"));
	assert_false(appreq_valid_email("<x>@example.com"));
}

static int
body(const char *json, struct appjson_obj *obj)
{
	char	err[128];

	return (appjson_parse_object(json, strlen(json), obj, err,
	    sizeof(err)));
}

/*
 * Checks that the body json is refused (new_user: as POST /users does,
 * else as POST /tokens) with the message want (NULL: any message).
 */
static void
credentials_refused(const char *json, int new_user, const char *want)
{
	struct appjson_obj		obj;
	struct appreq_credentials	c;
	char				msg[128];

	assert_int_equal(body(json, &obj), 0);
	assert_int_equal(appreq_credentials(&obj, new_user, &c, msg,
	    sizeof(msg)), -1);
	if (want != NULL)
		assert_string_equal(msg, want);
	appjson_obj_free(&obj);
}

static void
t_credentials(void **state)
{
	static const char	*short_pw = "{\"email\":\"ada@example.com\","
	    "\"password\":\"short passw\"}";
	struct appjson_obj		obj;
	struct appreq_credentials	c;
	char				msg[128];

	assert_int_equal(body("{\"email\":\"ada@example.com\","
	    "\"password\":\"correct horse\"}", &obj), 0);
	assert_int_equal(appreq_credentials(&obj, 1, &c, msg, sizeof(msg)), 0);
	assert_string_equal(c.email, "ada@example.com");
	assert_string_equal(c.password, "correct horse");
	appjson_obj_free(&obj);

	/* 11 characters, or 12 characters in 24 bytes. */
	credentials_refused(short_pw, 1, "password: at least 12 characters");
	credentials_refused("{\"email\":\"ada@example.com\",\"password\":"
	    "\"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"}", 1, NULL);
	/* Login does not apply the policy. */
	assert_int_equal(body(short_pw, &obj), 0);
	assert_int_equal(appreq_credentials(&obj, 0, &c, msg, sizeof(msg)), 0);
	appjson_obj_free(&obj);

	credentials_refused("{\"email\":\"nope\",\"password\":"
	    "\"correct horse\"}", 1, "email: not a valid address");
	credentials_refused("{\"email\":1,\"password\":\"x\"}", 0,
	    "email: a string is required");
	credentials_refused("{\"email\":\"a@b.io\"}", 0,
	    "password: a string is required");
}

static void
t_customer(void **state)
{
	struct appjson_obj	obj;
	struct appreq_customer	c;
	char			msg[128];

	assert_int_equal(body("{\"name\":\"Acme\"}", &obj), 0);
	assert_int_equal(appreq_customer(&obj, &c, msg, sizeof(msg)), 0);
	assert_string_equal(c.name, "Acme");
	assert_null(c.email);
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"name\":\"Acme\",\"email\":null}", &obj), 0);
	assert_int_equal(appreq_customer(&obj, &c, msg, sizeof(msg)), 0);
	assert_null(c.email);
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"name\":\"Acme\",\"email\":\"x\"}", &obj), 0);
	assert_int_equal(appreq_customer(&obj, &c, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "email: not a valid address");
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"name\":\"  \"}", &obj), 0);
	assert_int_equal(appreq_customer(&obj, &c, msg, sizeof(msg)), -1);
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"name\":[]}", &obj), 0);
	assert_int_equal(appreq_customer(&obj, &c, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "name: a string is required");
	appjson_obj_free(&obj);
}

static void
t_invoice(void **state)
{
	struct appjson_obj	obj;
	struct appreq_invoice	inv;
	char			msg[128];

	assert_int_equal(body("{\"customer_id\":3,\"amount_cents\":0}", &obj),
	    0);
	assert_int_equal(appreq_invoice(&obj, &inv, msg, sizeof(msg)), 0);
	assert_int_equal(inv.customer_id, 3);
	assert_int_equal(inv.amount_cents, 0);
	assert_string_equal(inv.currency, "EUR");
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"customer_id\":3,\"amount_cents\":1999,"
	    "\"currency\":\"USD\"}", &obj), 0);
	assert_int_equal(appreq_invoice(&obj, &inv, msg, sizeof(msg)), 0);
	assert_string_equal(inv.currency, "USD");
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"customer_id\":3,\"amount_cents\":1,"
	    "\"currency\":\"usd\"}", &obj), 0);
	assert_int_equal(appreq_invoice(&obj, &inv, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "currency: three upper-case letters (ISO 4217)");
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"customer_id\":3,\"amount_cents\":-1}", &obj),
	    0);
	assert_int_equal(appreq_invoice(&obj, &inv, msg, sizeof(msg)), -1);
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"customer_id\":3,\"amount_cents\":1.5}", &obj),
	    0);
	assert_int_equal(appreq_invoice(&obj, &inv, msg, sizeof(msg)), -1);
	appjson_obj_free(&obj);
	assert_int_equal(body("{\"customer_id\":\"3\",\"amount_cents\":1}",
	    &obj), 0);
	assert_int_equal(appreq_invoice(&obj, &inv, msg, sizeof(msg)), -1);
	assert_string_equal(msg, "customer_id: a positive integer is required");
	appjson_obj_free(&obj);
}

static void
t_invoice_list(void **state)
{
	struct appreq_invoice_list	l;
	char				msg[128];

	assert_int_equal(appreq_invoice_list(NULL, &l, msg, sizeof(msg)), 0);
	assert_string_equal(l.status, "");
	assert_int_equal(l.limit, APPREQ_LIMIT_DEFAULT);
	assert_int_equal(l.after, 0);
	assert_int_equal(appreq_invoice_list("status=paid&customer_id=4&"
	    "limit=100&after=77", &l, msg, sizeof(msg)), 0);
	assert_string_equal(l.status, "paid");
	assert_int_equal(l.customer_id, 4);
	assert_int_equal(l.limit, 100);
	assert_int_equal(l.after, 77);
	assert_int_equal(appreq_invoice_list("status=lost", &l, msg,
	    sizeof(msg)), -1);
	assert_string_equal(msg, "status: one of draft, open, paid, void");
	assert_int_equal(appreq_invoice_list("limit=101", &l, msg,
	    sizeof(msg)), -1);
	assert_int_equal(appreq_invoice_list("limit=0", &l, msg,
	    sizeof(msg)), -1);
	assert_int_equal(appreq_invoice_list("after=x", &l, msg,
	    sizeof(msg)), -1);
	assert_int_equal(appreq_invoice_list("customer_id=-2", &l, msg,
	    sizeof(msg)), -1);
}

static void
t_parse_id(void **state)
{
	long long	v;

	assert_int_equal(appreq_parse_id("1", &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(appreq_parse_id("999999999999999999", &v), 0);
	assert_int_equal(appreq_parse_id("1000000000000000000", &v), -1);
	assert_int_equal(appreq_parse_id("0", &v), -1);
	assert_int_equal(appreq_parse_id("", &v), -1);
	assert_int_equal(appreq_parse_id("1a", &v), -1);
	assert_int_equal(appreq_parse_id(" 1", &v), -1);
	assert_int_equal(vf_utf8_len("caf\xc3\xa9", SIZE_MAX), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_routes),
		cmocka_unit_test(t_qs),
		cmocka_unit_test(t_email),
		cmocka_unit_test(t_credentials),
		cmocka_unit_test(t_customer),
		cmocka_unit_test(t_invoice),
		cmocka_unit_test(t_invoice_list),
		cmocka_unit_test(t_parse_id),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
