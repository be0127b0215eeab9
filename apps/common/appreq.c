/*
 * appreq.c: route matching, query strings and body validation of the
 * apps.  Nothing here knows HTTP or the database.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "appreq.h"

int
appreq_parse_id(const char *s, long long *out)
{
	long long	v;
	size_t		n;

	v = 0;
	for (n = 0; s[n] >= '0' && s[n] <= '9'; n++) {
		if (n == 18)
			return (-1);
		v = v * 10 + (s[n] - '0');
	}
	if (n == 0 || s[n] != '\0' || s[0] == '0')
		return (-1);
	*out = v;
	return (0);
}

/* Matches path against pattern; *id set when the pattern has {id}. */
static int
path_match(const char *pattern, const char *path, long long *id)
{
	const char	*brace, *rest;
	char		 digits[24];
	size_t		 pre, n;

	brace = strstr(pattern, "{id}");
	if (brace == NULL) {
		*id = 0;
		return (strcmp(pattern, path) == 0);
	}
	pre = (size_t)(brace - pattern);
	if (strncmp(pattern, path, pre) != 0)
		return (0);
	rest = brace + 4;
	n = strcspn(path + pre, "/");
	if (n == 0 || n >= sizeof(digits))
		return (0);
	memcpy(digits, path + pre, n);
	digits[n] = '\0';
	if (strcmp(path + pre + n, rest) != 0)
		return (0);
	return (appreq_parse_id(digits, id) == 0);
}

int
approute_match(const struct approute *routes, size_t n, const char *method,
    const char *path, long long *id, char *allow, size_t allowlen)
{
	size_t		i;
	long long	v;
	int		seen;
	size_t		used;

	seen = 0;
	used = 0;
	if (allowlen > 0)
		allow[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!path_match(routes[i].pattern, path, &v))
			continue;
		if (strcmp(routes[i].method, method) == 0) {
			*id = v;
			return ((int)i);
		}
		if (allowlen > used) {
			used += snprintf(allow + used, allowlen - used, "%s%s",
			    seen ? ", " : "", routes[i].method);
			if (used >= allowlen)
				used = allowlen;
		}
		seen = 1;
	}
	return (seen ? APPROUTE_BAD_METHOD : APPROUTE_NOT_FOUND);
}

/* Decodes s[0..n) into buf; -1 on bad encoding, NUL or overflow. */
static int
qs_decode(const char *s, size_t n, char *buf, size_t len)
{
	size_t	i, o;
	int	hi, lo;
	char	c;

	o = 0;
	for (i = 0; i < n; i++) {
		c = s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (i + 2 >= n)
				return (-1);
			hi = vf_hexval((unsigned char)s[i + 1]);
			lo = vf_hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return (-1);
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if (c == '\0' || o + 1 >= len)
			return (-1);
		buf[o++] = c;
	}
	buf[o] = '\0';
	return (0);
}

int
appreq_qs_get(const char *qs, const char *name, char *buf, size_t len)
{
	const char	*p, *amp, *eq;
	char		 key[64];
	size_t		 n;

	if (qs == NULL || len == 0)
		return (0);
	for (p = qs; *p != '\0'; p = (*amp == '\0') ? amp : amp + 1) {
		amp = p + strcspn(p, "&");
		eq = memchr(p, '=', (size_t)(amp - p));
		n = (size_t)((eq != NULL ? eq : amp) - p);
		if (n == 0 || n >= sizeof(key))
			continue;
		if (qs_decode(p, n, key, sizeof(key)) == -1)
			continue;
		if (strcmp(key, name) != 0)
			continue;
		if (eq == NULL) {
			buf[0] = '\0';
			return (1);
		}
		if (qs_decode(eq + 1, (size_t)(amp - eq - 1), buf, len) == -1)
			return (-1);
		return (1);
	}
	return (0);
}

/*
 * A pragmatic address check: one '@'; a local part of 1-64 characters
 * from the RFC 5322 atom set with single dots inside; a domain of
 * dot-separated labels (letters, digits, inner '-'), at least two, the
 * last not all digits; 254 characters at most.  Non-ASCII is refused.
 */
int
appreq_valid_email(const char *s)
{
	const char	*at, *p, *label;
	size_t		 n, labels;
	int		 alldigit;

	n = strlen(s);
	if (n < 3 || n > 254)
		return (0);
	at = strchr(s, '@');
	if (at == NULL || strchr(at + 1, '@') != NULL || at == s ||
	    at - s > 64)
		return (0);
	if (s[0] == '.' || at[-1] == '.')
		return (0);
	for (p = s; p < at; p++) {
		if (*p == '.' && p[1] == '.')
			return (0);
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') ||
		    strchr(".!#$%&'*+/=?^_`{|}~-", *p) != NULL))
			return (0);
	}
	labels = 0;
	label = at + 1;
	alldigit = 1;
	for (p = at + 1;; p++) {
		if (*p == '.' || *p == '\0') {
			if (p == label || label[0] == '-' || p[-1] == '-' ||
			    p - label > 63)
				return (0);
			labels++;
			if (*p == '\0')
				break;
			label = p + 1;
			alldigit = 1;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-'))
			return (0);
		if (!(*p >= '0' && *p <= '9'))
			alldigit = 0;
	}
	return (labels >= 2 && !alldigit);
}

/* A string member called name: 1 found, 0 absent or null, -1 other type. */
static int
get_string(const struct appjson_obj *obj, const char *name, const char **out)
{
	const struct appjson_member	*m;

	*out = NULL;
	m = appjson_get(obj, name);
	if (m == NULL || m->type == APPJSON_NULL)
		return (0);
	if (m->type != APPJSON_STRING)
		return (-1);
	*out = m->str;
	return (1);
}

int
appreq_credentials(const struct appjson_obj *obj, int policy,
    struct appreq_credentials *c, char *msg, size_t len)
{
	size_t	n;

	if (get_string(obj, "email", &c->email) != 1) {
		snprintf(msg, len, "email: a string is required");
		return (-1);
	}
	if (get_string(obj, "password", &c->password) != 1) {
		snprintf(msg, len, "password: a string is required");
		return (-1);
	}
	if (!policy)
		return (0);
	if (!appreq_valid_email(c->email)) {
		snprintf(msg, len, "email: not a valid address");
		return (-1);
	}
	n = vf_utf8_len(c->password, SIZE_MAX);
	if (n < APPREQ_PASSWORD_MIN) {
		snprintf(msg, len, "password: at least %d characters",
		    APPREQ_PASSWORD_MIN);
		return (-1);
	}
	if (n > APPREQ_PASSWORD_MAX) {
		snprintf(msg, len, "password: at most %d characters",
		    APPREQ_PASSWORD_MAX);
		return (-1);
	}
	return (0);
}

int
appreq_customer(const struct appjson_obj *obj, struct appreq_customer *c,
    char *msg, size_t len)
{
	size_t	n;
	int	rc;

	if (get_string(obj, "name", &c->name) != 1) {
		snprintf(msg, len, "name: a string is required");
		return (-1);
	}
	n = vf_utf8_len(c->name, SIZE_MAX);
	if (n < 1 || n > 200 || strspn(c->name, " \t") == strlen(c->name)) {
		snprintf(msg, len, "name: 1 to 200 characters, not blank");
		return (-1);
	}
	rc = get_string(obj, "email", &c->email);
	if (rc == -1 || (rc == 1 && !appreq_valid_email(c->email))) {
		snprintf(msg, len, "email: not a valid address");
		return (-1);
	}
	return (0);
}

int
appreq_invoice(const struct appjson_obj *obj, struct appreq_invoice *inv,
    char *msg, size_t len)
{
	const struct appjson_member	*m;
	const char			*cur;
	int				 rc;

	m = appjson_get(obj, "customer_id");
	if (m == NULL || m->type != APPJSON_INTEGER || m->num <= 0) {
		snprintf(msg, len, "customer_id: a positive integer is required");
		return (-1);
	}
	inv->customer_id = m->num;
	m = appjson_get(obj, "amount_cents");
	if (m == NULL || m->type != APPJSON_INTEGER || m->num < 0 ||
	    m->num > 1000000000000000LL) {
		snprintf(msg, len,
		    "amount_cents: an integer from 0 to 10^15 is required");
		return (-1);
	}
	inv->amount_cents = m->num;
	rc = get_string(obj, "currency", &cur);
	if (rc == 0)
		cur = "EUR";
	if (rc == -1 || strlen(cur) != 3 || cur[0] < 'A' || cur[0] > 'Z' ||
	    cur[1] < 'A' || cur[1] > 'Z' || cur[2] < 'A' || cur[2] > 'Z') {
		snprintf(msg, len,
		    "currency: three upper-case letters (ISO 4217)");
		return (-1);
	}
	memcpy(inv->currency, cur, 4);
	return (0);
}

int
appreq_invoice_list(const char *qs, struct appreq_invoice_list *l, char *msg,
    size_t len)
{
	char		v[64];
	long long	n;
	int		rc;

	memset(l, 0, sizeof(*l));
	l->limit = APPREQ_LIMIT_DEFAULT;
	rc = appreq_qs_get(qs, "status", v, sizeof(v));
	if (rc == -1 || (rc == 1 && strcmp(v, "draft") != 0 &&
	    strcmp(v, "open") != 0 && strcmp(v, "paid") != 0 &&
	    strcmp(v, "void") != 0)) {
		snprintf(msg, len, "status: one of draft, open, paid, void");
		return (-1);
	}
	if (rc == 1)
		memcpy(l->status, v, strlen(v) + 1);	/* checked: <= 5 */
	rc = appreq_qs_get(qs, "customer_id", v, sizeof(v));
	if (rc == -1 || (rc == 1 && appreq_parse_id(v, &l->customer_id) == -1)) {
		snprintf(msg, len, "customer_id: a positive integer");
		return (-1);
	}
	rc = appreq_qs_get(qs, "after", v, sizeof(v));
	if (rc == -1 || (rc == 1 && appreq_parse_id(v, &l->after) == -1)) {
		snprintf(msg, len, "after: a positive integer (an invoice id)");
		return (-1);
	}
	rc = appreq_qs_get(qs, "limit", v, sizeof(v));
	if (rc == -1 || (rc == 1 && (appreq_parse_id(v, &n) == -1 ||
	    n > APPREQ_LIMIT_MAX))) {
		snprintf(msg, len, "limit: an integer from 1 to %d",
		    APPREQ_LIMIT_MAX);
		return (-1);
	}
	if (rc == 1)
		l->limit = (int)n;
	return (0);
}
