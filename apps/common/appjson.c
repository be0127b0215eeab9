/*
 * appjson.c: request bodies read with jansson, within limits it does not
 * have (nesting, member count), and an escaping writer for every string
 * the apps send.  Kore's own writer does not escape.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "appjson.h"

static int
fail(char *err, size_t errlen, size_t at, const char *what)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "at byte %zu: %s", at, what);
	return (-1);
}

/*
 * What jansson does not check: that the body is an object, that no
 * container is nested deeper than APPJSON_MAX_DEPTH (jansson allows
 * 2048), that the object has at most APPJSON_MAX_MEMBERS members; and NUL
 * bytes, which jansson skips after a number.  Only strings and brackets
 * are followed: the syntax is jansson's to check, so a malformed body may
 * be refused here first, for one of these reasons.
 */
static int
check_limits(const char *data, size_t len, char *err, size_t errlen)
{
	const char	*nul;
	size_t		 i, commas;
	int		 depth, instr, esc;

	if ((nul = memchr(data, '\0', len)) != NULL)
		return (fail(err, errlen, (size_t)(nul - data), "NUL byte"));
	for (i = 0; i < len && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\n' || data[i] == '\r'); i++)
		;
	if (i == len || data[i] != '{')
		return (fail(err, errlen, i, "expected a JSON object"));
	depth = instr = esc = 0;
	commas = 0;
	for (; i < len; i++) {
		if (instr) {
			if (esc)
				esc = 0;
			else if (data[i] == '\\')
				esc = 1;
			else if (data[i] == '"')
				instr = 0;
			continue;
		}
		switch (data[i]) {
		case '"':
			instr = 1;
			break;
		case '{':
		case '[':
			if (++depth > APPJSON_MAX_DEPTH)
				return (fail(err, errlen, i,
				    "nested too deeply"));
			break;
		case '}':
		case ']':
			if (--depth == 0)
				return (0);
			break;
		case ',':
			if (depth == 1 && ++commas >= APPJSON_MAX_MEMBERS)
				return (fail(err, errlen, i + 1,
				    "too many members"));
			break;
		}
	}
	return (0);
}

/* The member type of each jansson type. */
static const enum appjson_type kinds[] = {
	[JSON_OBJECT] = APPJSON_OBJECT,
	[JSON_ARRAY] = APPJSON_ARRAY,
	[JSON_STRING] = APPJSON_STRING,
	[JSON_INTEGER] = APPJSON_INTEGER,
	[JSON_REAL] = APPJSON_NUMBER,
	[JSON_TRUE] = APPJSON_TRUE,
	[JSON_FALSE] = APPJSON_FALSE,
	[JSON_NULL] = APPJSON_NULL,
};

int
appjson_parse_object(const char *data, size_t len, struct appjson_obj *out,
    char *err, size_t errlen)
{
	struct appjson_member	*m;
	json_error_t		 je;
	const char		*key, *near;
	json_t			*v;
	size_t			 n;

	memset(out, 0, sizeof(*out));
	if (check_limits(data, len, err, errlen) == -1)
		return (-1);
	out->doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (out->doc == NULL) {
		/* jansson's reason without its "near '<text of the body>'". */
		near = strstr(je.text, " near ");
		n = (near != NULL) ? (size_t)(near - je.text) : strlen(je.text);
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "at byte %d: %.*s", je.position,
			    (int)n, je.text);
		return (-1);
	}
	out->m = xcalloc(json_object_size(out->doc), sizeof(*out->m));
	json_object_foreach(out->doc, key, v) {
		m = &out->m[out->n++];
		m->name = key;
		m->type = kinds[json_typeof(v)];
		if (m->type == APPJSON_STRING)
			m->str = json_string_value(v);
		else if (m->type == APPJSON_INTEGER)
			m->num = json_integer_value(v);
	}
	return (0);
}

void
appjson_obj_free(struct appjson_obj *obj)
{
	json_decref(obj->doc);
	free(obj->m);
	memset(obj, 0, sizeof(*obj));
}

const struct appjson_member *
appjson_get(const struct appjson_obj *obj, const char *name)
{
	size_t	i;

	for (i = 0; i < obj->n; i++) {
		if (strcmp(obj->m[i].name, name) == 0)
			return (&obj->m[i]);
	}
	return (NULL);
}

void
appjson_wipe(struct appjson_obj *obj, const char *name)
{
	const struct appjson_member	*m;

	/*
	 * jansson hands out its string as const, but it is the tree's own
	 * copy, malloc'd and not shared, so writing to it before the tree
	 * is freed is safe.
	 */
	if ((m = appjson_get(obj, name)) != NULL && m->type == APPJSON_STRING)
		explicit_bzero((void *)(uintptr_t)m->str, strlen(m->str));
}

void
appjson_str(struct vbuf *b, const char *s)
{
	const char	*p, *run;
	unsigned	 c;
	size_t		 n, left;

	vbuf_putc(b, '"');
	p = s;
	left = strlen(s);
	while (left > 0) {
		/* A run of printable ASCII that needs no escape: one append. */
		for (run = p; left > 0 && (unsigned char)*p >= 0x20 &&
		    (unsigned char)*p < 0x7f && *p != '"' && *p != '\\' &&
		    *p != '<' && *p != '>' && *p != '&'; p++, left--)
			;
		if (p > run)
			vbuf_append(b, run, (size_t)(p - run));
		if (left == 0)
			break;
		n = vf_utf8_decode(p, left, &c);
		if (n == 0) {
			vbuf_puts(b, "\\ufffd");
			p++;
			left--;
			continue;
		}
		switch (c) {
		case '"': vbuf_puts(b, "\\\""); break;
		case '\\': vbuf_puts(b, "\\\\"); break;
		case '\n': vbuf_puts(b, "\\n"); break;
		case '\r': vbuf_puts(b, "\\r"); break;
		case '\t': vbuf_puts(b, "\\t"); break;
		case '\b': vbuf_puts(b, "\\b"); break;
		case '\f': vbuf_puts(b, "\\f"); break;
		default:
			if (c < 0x20 || c == '<' || c == '>' || c == '&' ||
			    c == 0x7f || c == 0x2028 || c == 0x2029)
				vbuf_appendf(b, "\\u%04x", c);
			else
				vbuf_append(b, p, n);
		}
		p += n;
		left -= n;
	}
	vbuf_putc(b, '"');
}

void
appjson_str_or_null(struct vbuf *b, const char *s)
{
	if (s == NULL)
		vbuf_puts(b, "null");
	else
		appjson_str(b, s);
}

void
appjson_int(struct vbuf *b, long long v)
{
	char			 d[24], *p;
	unsigned long long	 u;

	p = d + sizeof(d);
	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	vbuf_append(b, p, (size_t)(d + sizeof(d) - p));
}

/* Writes v as n decimal digits, zero-padded, at p. */
static void
put_digits(char *p, long long v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
appjson_pgtime(struct vbuf *b, long long usec)
{
	const long long	 day_us = 86400LL * 1000000LL;
	long long	 days, us, z, era, doe, yoe, doy, mp, y, m, d;
	char		 s[40];

	if (usec == LLONG_MAX || usec == LLONG_MIN) {
		vbuf_puts(b, "null");
		return;
	}
	days = usec / day_us;
	us = usec % day_us;
	if (us < 0) {
		us += day_us;
		days--;
	}
	/*
	 * Civil date of a day count (proleptic Gregorian): shift the epoch
	 * to 0000-03-01 so that leap days end a 400-year era's years.
	 */
	z = days + 10957 + 719468;	/* 2000-01-01 is day 10957 of 1970 */
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	if (y < 0 || y > 9999) {
		vbuf_appendf(b, "\"%lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lldZ\"",
		    y, m, d, us / 3600000000LL, us / 60000000LL % 60,
		    us / 1000000 % 60, us % 1000000);
		return;
	}
	/* "YYYY-MM-DDTHH:MM:SS.ffffffZ" with the quotes: 29 bytes. */
	memcpy(s, "\"0000-00-00T00:00:00.000000Z\"", 30);
	put_digits(s + 1, y, 4);
	put_digits(s + 6, m, 2);
	put_digits(s + 9, d, 2);
	put_digits(s + 12, us / 3600000000LL, 2);
	put_digits(s + 15, us / 60000000LL % 60, 2);
	put_digits(s + 18, us / 1000000 % 60, 2);
	put_digits(s + 21, us % 1000000, 6);
	vbuf_append(b, s, 29);
}

void
appjson_error(struct vbuf *b, const char *code, const char *message)
{
	vbuf_puts(b, "{\"error\":{\"code\":");
	appjson_str(b, code);
	vbuf_puts(b, ",\"message\":");
	appjson_str(b, message);
	vbuf_puts(b, "}}");
}
