/*
 * appjson.c: a small strict JSON reader for request bodies (one object,
 * scalars kept, nested values checked and skipped) and an escaping writer
 * for every string the apps send.  Kore's own writer does not escape.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appjson.h"

struct parser {
	const unsigned char	*p;
	const unsigned char	*end;
	const unsigned char	*start;
	char			*err;
	size_t			 errlen;
};

static int	parse_value(struct parser *, int, struct appjson_member *);

static int
fail(struct parser *ps, const char *what)
{
	if (ps->err != NULL && ps->errlen > 0)
		snprintf(ps->err, ps->errlen, "at byte %zu: %s",
		    (size_t)(ps->p - ps->start), what);
	return (-1);
}

static void
skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
	    *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

size_t
appjson_utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned	c;
	size_t		len, i;

	if (n == 0)
		return (0);
	if (s[0] < 0x80) {
		*cp = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return (0);
	if (n < len)
		return (0);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return (0);
	*cp = c;
	return (len);
}

static void
put_utf8(struct vbuf *b, unsigned c)
{
	char	u[4];

	if (c < 0x80) {
		vbuf_putc(b, (char)c);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		vbuf_append(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		vbuf_append(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		vbuf_append(b, u, 4);
	}
}

static int
hex4(struct parser *ps, unsigned *out)
{
	unsigned	v;
	int		i;

	v = 0;
	for (i = 0; i < 4; i++) {
		if (ps->p >= ps->end)
			return (fail(ps, "truncated \\u escape"));
		v <<= 4;
		if (*ps->p >= '0' && *ps->p <= '9')
			v |= *ps->p - '0';
		else if (*ps->p >= 'a' && *ps->p <= 'f')
			v |= *ps->p - 'a' + 10;
		else if (*ps->p >= 'A' && *ps->p <= 'F')
			v |= *ps->p - 'A' + 10;
		else
			return (fail(ps, "bad \\u escape"));
		ps->p++;
	}
	*out = v;
	return (0);
}

/* A string at ps->p (on the quote); the decoded text into out when not NULL. */
static int
parse_string(struct parser *ps, struct vbuf *out)
{
	unsigned	c, lo;
	size_t		n;

	ps->p++;
	for (;;) {
		if (ps->p >= ps->end)
			return (fail(ps, "unterminated string"));
		if (*ps->p == '"') {
			ps->p++;
			return (0);
		}
		if (*ps->p < 0x20)
			return (fail(ps, "control character in string"));
		if (*ps->p != '\\') {
			n = appjson_utf8_decode(ps->p, ps->end - ps->p, &c);
			if (n == 0)
				return (fail(ps, "invalid UTF-8"));
			if (out != NULL)
				vbuf_append(out, ps->p, n);
			ps->p += n;
			continue;
		}
		ps->p++;
		if (ps->p >= ps->end)
			return (fail(ps, "unterminated string"));
		switch (*ps->p++) {
		case '"': c = '"'; break;
		case '\\': c = '\\'; break;
		case '/': c = '/'; break;
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u':
			if (hex4(ps, &c) == -1)
				return (-1);
			if (c >= 0xdc00 && c <= 0xdfff)
				return (fail(ps, "lone low surrogate"));
			if (c >= 0xd800 && c <= 0xdbff) {
				if (ps->end - ps->p < 2 || ps->p[0] != '\\' ||
				    ps->p[1] != 'u')
					return (fail(ps, "lone high surrogate"));
				ps->p += 2;
				if (hex4(ps, &lo) == -1)
					return (-1);
				if (lo < 0xdc00 || lo > 0xdfff)
					return (fail(ps, "bad surrogate pair"));
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
			}
			if (c == 0)
				return (fail(ps, "\\u0000 is not allowed"));
			break;
		default:
			ps->p--;
			return (fail(ps, "bad escape"));
		}
		if (out != NULL)
			put_utf8(out, c);
	}
}

static int
parse_number(struct parser *ps, struct appjson_member *m)
{
	const unsigned char	*s;
	char			 tmp[32];
	int			 integral;
	long long		 v;
	char			*ep;

	s = ps->p;
	integral = 1;
	if (ps->p < ps->end && *ps->p == '-')
		ps->p++;
	if (ps->p >= ps->end)
		return (fail(ps, "bad number"));
	if (*ps->p == '0') {
		ps->p++;
	} else if (*ps->p >= '1' && *ps->p <= '9') {
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	} else
		return (fail(ps, "bad number"));
	if (ps->p < ps->end && *ps->p == '.') {
		integral = 0;
		ps->p++;
		if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9')
			return (fail(ps, "bad number"));
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	}
	if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
		integral = 0;
		ps->p++;
		if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
			ps->p++;
		if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9')
			return (fail(ps, "bad number"));
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
	}
	if (m == NULL)
		return (0);
	m->type = APPJSON_NUMBER;
	if (!integral || (size_t)(ps->p - s) >= sizeof(tmp))
		return (0);
	memcpy(tmp, s, ps->p - s);
	tmp[ps->p - s] = '\0';
	errno = 0;
	v = strtoll(tmp, &ep, 10);
	if (errno == 0 && *ep == '\0') {
		m->type = APPJSON_INTEGER;
		m->num = v;
	}
	return (0);
}

static int
parse_literal(struct parser *ps, const char *word)
{
	size_t	n;

	n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return (fail(ps, "unexpected character"));
	ps->p += n;
	return (0);
}

/* An object or array at ps->p, checked and not kept. */
static int
parse_container(struct parser *ps, int depth)
{
	unsigned char	close;

	if (depth >= APPJSON_MAX_DEPTH)
		return (fail(ps, "nested too deeply"));
	close = (*ps->p == '{') ? '}' : ']';
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return (0);
	}
	for (;;) {
		skip_ws(ps);
		if (close == '}') {
			if (ps->p >= ps->end || *ps->p != '"')
				return (fail(ps, "expected a member name"));
			if (parse_string(ps, NULL) == -1)
				return (-1);
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':')
				return (fail(ps, "expected ':'"));
			ps->p++;
		}
		if (parse_value(ps, depth + 1, NULL) == -1)
			return (-1);
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			return (0);
		}
		return (fail(ps, close == '}' ? "expected ',' or '}'" :
		    "expected ',' or ']'"));
	}
}

/* Any value; its type (and scalar value) into m when not NULL. */
static int
parse_value(struct parser *ps, int depth, struct appjson_member *m)
{
	struct vbuf	s;

	skip_ws(ps);
	if (ps->p >= ps->end)
		return (fail(ps, "expected a value"));
	switch (*ps->p) {
	case '"':
		if (m == NULL)
			return (parse_string(ps, NULL));
		vbuf_init(&s);
		vbuf_puts(&s, "");
		if (parse_string(ps, &s) == -1) {
			vbuf_free(&s);
			return (-1);
		}
		m->type = APPJSON_STRING;
		m->str = vbuf_steal(&s);
		return (0);
	case '{':
	case '[':
		if (m != NULL)
			m->type = (*ps->p == '{') ? APPJSON_OBJECT : APPJSON_ARRAY;
		return (parse_container(ps, depth));
	case 't':
		if (m != NULL)
			m->type = APPJSON_TRUE;
		return (parse_literal(ps, "true"));
	case 'f':
		if (m != NULL)
			m->type = APPJSON_FALSE;
		return (parse_literal(ps, "false"));
	case 'n':
		if (m != NULL)
			m->type = APPJSON_NULL;
		return (parse_literal(ps, "null"));
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return (parse_number(ps, m));
		return (fail(ps, "unexpected character"));
	}
}

int
appjson_parse_object(const char *data, size_t len, struct appjson_obj *out,
    char *err, size_t errlen)
{
	struct parser		 ps;
	struct appjson_member	*m;
	struct vbuf		 name;
	size_t			 i;

	out->m = NULL;
	out->n = 0;
	ps.start = ps.p = (const unsigned char *)data;
	ps.end = ps.p + len;
	ps.err = err;
	ps.errlen = errlen;
	vbuf_init(&name);

	skip_ws(&ps);
	if (ps.p >= ps.end || *ps.p != '{') {
		fail(&ps, "expected a JSON object");
		goto bad;
	}
	ps.p++;
	skip_ws(&ps);
	if (ps.p < ps.end && *ps.p == '}') {
		ps.p++;
		goto tail;
	}
	for (;;) {
		skip_ws(&ps);
		if (ps.p >= ps.end || *ps.p != '"') {
			fail(&ps, "expected a member name");
			goto bad;
		}
		vbuf_reset(&name);
		vbuf_puts(&name, "");
		if (parse_string(&ps, &name) == -1)
			goto bad;
		for (i = 0; i < out->n; i++) {
			if (strcmp(out->m[i].name, name.data) == 0) {
				fail(&ps, "duplicate member name");
				goto bad;
			}
		}
		if (out->n >= APPJSON_MAX_MEMBERS) {
			fail(&ps, "too many members");
			goto bad;
		}
		skip_ws(&ps);
		if (ps.p >= ps.end || *ps.p != ':') {
			fail(&ps, "expected ':'");
			goto bad;
		}
		ps.p++;
		out->m = xrealloc(out->m, (out->n + 1) * sizeof(*out->m));
		m = &out->m[out->n++];
		memset(m, 0, sizeof(*m));
		m->name = xstrdup(name.data);
		if (parse_value(&ps, 1, m) == -1)
			goto bad;
		skip_ws(&ps);
		if (ps.p < ps.end && *ps.p == ',') {
			ps.p++;
			continue;
		}
		if (ps.p < ps.end && *ps.p == '}') {
			ps.p++;
			break;
		}
		fail(&ps, "expected ',' or '}'");
		goto bad;
	}
tail:
	skip_ws(&ps);
	if (ps.p != ps.end) {
		fail(&ps, "trailing characters after the object");
		goto bad;
	}
	vbuf_free(&name);
	return (0);
bad:
	vbuf_free(&name);
	appjson_obj_free(out);
	return (-1);
}

void
appjson_obj_free(struct appjson_obj *obj)
{
	size_t	i;

	for (i = 0; i < obj->n; i++) {
		free(obj->m[i].name);
		free(obj->m[i].str);
	}
	free(obj->m);
	obj->m = NULL;
	obj->n = 0;
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
appjson_str(struct vbuf *b, const char *s)
{
	const unsigned char	*p;
	unsigned		 c;
	size_t			 n, left;

	vbuf_putc(b, '"');
	p = (const unsigned char *)s;
	left = strlen(s);
	while (left > 0) {
		n = appjson_utf8_decode(p, left, &c);
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
appjson_error(struct vbuf *b, const char *code, const char *message)
{
	vbuf_puts(b, "{\"error\":{\"code\":");
	appjson_str(b, code);
	vbuf_puts(b, ",\"message\":");
	appjson_str(b, message);
	vbuf_puts(b, "}}");
}
