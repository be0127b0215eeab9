/*
 * appjson.h: JSON for the apps, without HTTP: reading a request body that
 * must be one object (jansson, within the apps' limits), and escaping
 * every string that goes out.
 */
#ifndef APPS_APPJSON_H
#define APPS_APPJSON_H

#include <stddef.h>

#include "util.h"

/*
 * Containers nested deeper than this (the body's object counts as one),
 * or more top-level members than this, are refused.
 */
#define APPJSON_MAX_DEPTH	16
#define APPJSON_MAX_MEMBERS	64

struct json_t;

enum appjson_type {
	APPJSON_STRING,
	APPJSON_INTEGER,	/* no fraction or exponent (fits in int64) */
	APPJSON_NUMBER,		/* any other number */
	APPJSON_TRUE,
	APPJSON_FALSE,
	APPJSON_NULL,
	APPJSON_OBJECT,		/* nested values are checked, not read */
	APPJSON_ARRAY
};

struct appjson_member {
	const char		*name;
	enum appjson_type	 type;
	const char		*str;	/* STRING: UTF-8, no NUL inside */
	long long		 num;	/* INTEGER */
};

/*
 * The top-level members of an object, in document order.  name and str
 * point into doc, jansson's tree, which owns them.
 */
struct appjson_obj {
	struct appjson_member	*m;
	size_t			 n;
	struct json_t		*doc;
};

/*
 * Parses data (len bytes, need not be NUL-terminated) as one JSON object
 * with jansson: RFC 8259, strict UTF-8, no NUL byte and no "\u0000", no
 * duplicate names at any depth, no integer past int64 nor real past a
 * double; and within the limits above.  Returns 0 with *out filled (free
 * with appjson_obj_free()), or -1 with *out empty and a short reason in
 * err ("at byte 12: ':' expected") that never quotes the body.
 */
int	appjson_parse_object(const char *data, size_t len,
	    struct appjson_obj *out, char *err, size_t errlen);

/* Frees what appjson_parse_object() filled in; the struct may be reused. */
void	appjson_obj_free(struct appjson_obj *);

/* The member called name, or NULL.  Valid while obj is. */
const struct appjson_member *appjson_get(const struct appjson_obj *,
	    const char *name);

/*
 * Overwrites with zeros, where jansson keeps it, the string value of the
 * member called name (a password), so that it does not stay in freed
 * memory.  Call just before appjson_obj_free().
 */
void	appjson_wipe(struct appjson_obj *, const char *name);

/*
 * Appends s as a JSON string literal (with the quotes) to b: quote,
 * backslash and every control character escaped, and also '<', '>', '&'
 * and U+2028/U+2029 so the text is safe inside HTML and JavaScript.
 * Bytes that are not valid UTF-8 become U+FFFD.
 */
void	appjson_str(struct vbuf *, const char *s);

/* appjson_str() of s, or the literal null when s is NULL. */
void	appjson_str_or_null(struct vbuf *, const char *s);

/* Appends v in decimal (a JSON number). */
void	appjson_int(struct vbuf *, long long v);

/*
 * Appends a PostgreSQL timestamp (microseconds since 2000-01-01 00:00 UTC,
 * the binary form of timestamptz) as a JSON string in RFC 3339 UTC with
 * six fraction digits, "2026-12-02T10:44:03.000123Z": what to_char(ts AT
 * TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') gives.  'infinity' and
 * '-infinity' (INT64 max and min) become null, as to_char makes NULL of them.
 */
void	appjson_pgtime(struct vbuf *, long long usec);

/*
 * Appends the error document {"error":{"code":...,"message":...}}.
 */
void	appjson_error(struct vbuf *, const char *code, const char *message);

#endif
