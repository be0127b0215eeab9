/*
 * appjson.h: JSON for the apps, without HTTP: escaping every string that
 * goes out, and reading a request body that must be one object.
 */
#ifndef APPS_APPJSON_H
#define APPS_APPJSON_H

#include <stddef.h>

#include "util.h"

/* Nesting deeper than this, or more members than this, is refused. */
#define APPJSON_MAX_DEPTH	16
#define APPJSON_MAX_MEMBERS	64

enum appjson_type {
	APPJSON_STRING,
	APPJSON_INTEGER,	/* no fraction or exponent, fits in int64 */
	APPJSON_NUMBER,		/* any other number */
	APPJSON_TRUE,
	APPJSON_FALSE,
	APPJSON_NULL,
	APPJSON_OBJECT,		/* nested values are checked, not kept */
	APPJSON_ARRAY
};

struct appjson_member {
	char			*name;
	enum appjson_type	 type;
	char			*str;	/* STRING: decoded UTF-8, no NUL inside */
	long long		 num;	/* INTEGER */
};

/* The top-level members of an object, in document order. */
struct appjson_obj {
	struct appjson_member	*m;
	size_t			 n;
};

/*
 * Parses data (len bytes, need not be NUL-terminated) as one JSON object
 * (RFC 8259: \u escapes with surrogate pairs, strict UTF-8, no trailing
 * bytes but white space).  Duplicate names and "\u0000" are refused.
 * Returns 0 with *out filled (free with appjson_obj_free()), or -1 with
 * a short reason in err ("at byte 12: expected ':'").
 */
int	appjson_parse_object(const char *data, size_t len,
	    struct appjson_obj *out, char *err, size_t errlen);

/* Frees what appjson_parse_object() filled in; the struct may be reused. */
void	appjson_obj_free(struct appjson_obj *);

/* The member called name, or NULL.  Valid while obj is. */
const struct appjson_member *appjson_get(const struct appjson_obj *,
	    const char *name);

/*
 * Appends s as a JSON string literal (with the quotes) to b: quote,
 * backslash and every control character escaped, and also '<', '>', '&'
 * and U+2028/U+2029 so the text is safe inside HTML and JavaScript.
 * Bytes that are not valid UTF-8 become U+FFFD.
 */
void	appjson_str(struct vbuf *, const char *s);

/* appjson_str() of s, or the literal null when s is NULL. */
void	appjson_str_or_null(struct vbuf *, const char *s);

/*
 * Appends the error document {"error":{"code":...,"message":...}}.
 */
void	appjson_error(struct vbuf *, const char *code, const char *message);

/*
 * Length of the valid UTF-8 sequence at s (1-4), or 0 when the bytes at
 * s (at most n of them) are not one.  *cp gets the code point.
 */
size_t	appjson_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

#endif
