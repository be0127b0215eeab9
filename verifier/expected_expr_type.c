/*
 * expected_expr_type.c: the types that expected_expr.c knows, their
 * names, and how their constants and casts print (expected_expr_int.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expected_expr_int.h"

/* format_type()'s name of a type without type modifier, and pg_type's. */
static const struct {
	enum xt		 tid;
	const char	*printed;
	const char	*internal;
} xt_names[] = {
	{ XT_INT2, "smallint", "int2" },
	{ XT_INT4, "integer", "int4" },
	{ XT_INT8, "bigint", "int8" },
	{ XT_NUMERIC, "numeric", "numeric" },
	{ XT_FLOAT4, "real", "float4" },
	{ XT_FLOAT8, "double precision", "float8" },
	{ XT_TEXT, "text", "text" },
	{ XT_VARCHAR, "character varying", "varchar" },
	{ XT_BPCHAR, "bpchar", "bpchar" },
	{ XT_BOOL, "boolean", "bool" },
	{ XT_UUID, "uuid", "uuid" },
	{ XT_JSON, "json", "json" },
	{ XT_JSONB, "jsonb", "jsonb" },
	{ XT_DATE, "date", "date" },
	{ XT_TIMESTAMP, "timestamp without time zone", "timestamp" },
	{ XT_TIMESTAMPTZ, "timestamp with time zone", "timestamptz" },
	{ XT_TEXTARR, "text[]", NULL },
};

#define NXT_NAMES	(sizeof(xt_names) / sizeof(xt_names[0]))

/*
 * The names of the types known here, as format_type() prints them and as
 * a model may write them (docs/models.md), and how many type modifiers
 * they take (MOD_NONE, MOD_ONE: optional, MOD_TWO: one or two, optional).
 * "char" alone is left out: format_type() prints the internal type
 * "char" so, while SQL reads it as character(1).
 */
enum { MOD_NONE, MOD_ONE, MOD_TWO };

static const struct {
	const char	*name;
	enum xt		 tid;
	int		 mods;
} xt_aliases[] = {
	{ "smallint", XT_INT2, MOD_NONE }, { "int2", XT_INT2, MOD_NONE },
	{ "integer", XT_INT4, MOD_NONE }, { "int", XT_INT4, MOD_NONE },
	{ "int4", XT_INT4, MOD_NONE },
	{ "bigint", XT_INT8, MOD_NONE }, { "int8", XT_INT8, MOD_NONE },
	{ "numeric", XT_NUMERIC, MOD_TWO }, { "decimal", XT_NUMERIC, MOD_TWO },
	{ "real", XT_FLOAT4, MOD_NONE }, { "float4", XT_FLOAT4, MOD_NONE },
	{ "double precision", XT_FLOAT8, MOD_NONE },
	{ "float8", XT_FLOAT8, MOD_NONE },
	{ "text", XT_TEXT, MOD_NONE },
	{ "character varying", XT_VARCHAR, MOD_ONE },
	{ "varchar", XT_VARCHAR, MOD_ONE },
	{ "character", XT_BPCHAR, MOD_ONE }, { "bpchar", XT_BPCHAR, MOD_ONE },
	{ "char", XT_BPCHAR, -1 },
	{ "boolean", XT_BOOL, MOD_NONE }, { "bool", XT_BOOL, MOD_NONE },
	{ "uuid", XT_UUID, MOD_NONE },
	{ "json", XT_JSON, MOD_NONE }, { "jsonb", XT_JSONB, MOD_NONE },
	{ "date", XT_DATE, MOD_NONE },
	{ "timestamp with time zone", XT_TIMESTAMPTZ, MOD_ONE },
	{ "timestamptz", XT_TIMESTAMPTZ, MOD_ONE },
	{ "timestamp without time zone", XT_TIMESTAMP, MOD_ONE },
	{ "timestamp", XT_TIMESTAMP, MOD_ONE },
	{ "text[]", XT_TEXTARR, MOD_NONE },
};

const char *
xt_printed(const struct xtype *t)
{
	size_t	i;

	if (t->tid == XT_ENUM)
		return (t->ename);
	for (i = 0; i < NXT_NAMES; i++)
		if (xt_names[i].tid == t->tid)
			return (xt_names[i].printed);
	return ("?");
}

int
xt_same(const struct xtype *a, const struct xtype *b)
{
	return (a->tid == b->tid &&
	    (a->tid != XT_ENUM || strcmp(a->ename, b->ename) == 0));
}

/*
 * The type of a column printed as format_type() prints it, or written as
 * a model writes a built-in type (lower case, modifiers glued: "int",
 * "varchar(20)", "timestamptz"); kind 'e': an enum, a qualified name.
 * XT_NONE when not known here.
 */
void
xt_of_column(const char *type, char kind, struct xtype *t)
{
	char		 base[64];
	const char	*open, *close, *p;
	size_t		 i, n;
	int		 nmods = 0;

	t->tid = XT_NONE;
	t->ename = NULL;
	t->mod = 0;
	if (type == NULL || strlen(type) >= sizeof(base))
		return;
	if (kind == 'e') {
		if (strpbrk(type, "([ ") == NULL && strchr(type, '.') != NULL) {
			t->tid = XT_ENUM;
			t->ename = type;
		}
		return;
	}
	/* The name without its "(n)" or "(p,s)". */
	if ((open = strchr(type, '(')) != NULL) {
		if ((close = strchr(open, ')')) == NULL)
			return;
		for (p = open + 1, nmods = 1; p < close; p++) {
			if (*p == ',' && p > open + 1 && isdigit(
			    (unsigned char)p[-1]) && nmods == 1)
				nmods = 2;
			else if (!isdigit((unsigned char)*p))
				return;
		}
		if (close == open + 1 || !isdigit((unsigned char)close[-1]))
			return;
		n = (size_t)(open - type);
		memcpy(base, type, n);
		snprintf(base + n, sizeof(base) - n, "%s", close + 1);
	} else
		snprintf(base, sizeof(base), "%s", type);
	for (i = 0; i < sizeof(xt_aliases) / sizeof(xt_aliases[0]); i++) {
		if (strcmp(base, xt_aliases[i].name) != 0)
			continue;
		if ((nmods == 0 && xt_aliases[i].mods >= 0) ||
		    (nmods == 1 && xt_aliases[i].mods != MOD_NONE) ||
		    (nmods == 2 && xt_aliases[i].mods == MOD_TWO))
			t->tid = xt_aliases[i].tid;
		/* character alone is character(1). */
		t->mod = nmods > 0 || strcmp(base, "character") == 0;
		return;
	}
}

/* '...' as ruleutils' simple_quote_literal() writes it; 0 if unsure. */
int
xt_put_literal(struct vbuf *b, const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++)
		/* A backslash is doubled or not by a server setting. */
		if (*p == '\\' || (unsigned char)*p < 0x20)
			return (0);
	vbuf_putc(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'')
			vbuf_putc(b, '\'');
		vbuf_putc(b, *p);
	}
	vbuf_putc(b, '\'');
	return (1);
}

/*
 * Whether s is an integer as its type's output function prints it: an
 * optional '-' and digits without leading zeros ("-0" excluded), within
 * [lo, hi].
 */
int
xt_canon_int(const char *s, long long lo, long long hi)
{
	const char	*p = s;
	char		*end;
	long long	 v;

	if (*p == '-')
		p++;
	if (!isdigit((unsigned char)*p) || (*p == '0' && (p[1] != '\0' ||
	    p != s)))
		return (0);
	for (; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return (0);
	errno = 0;
	v = strtoll(s, &end, 10);
	return (errno == 0 && *end == '\0' && v >= lo && v <= hi);
}

/*
 * Whether s is a number as numeric_out() prints it: xt_canon_int() digits,
 * then optionally '.' and digits (at most maxfrac of them, the last not
 * 0 when nozero), the integer part at most maxint digits.
 */
static int
canon_num(const char *s, size_t maxint, size_t maxfrac, int nozero)
{
	const char	*p = s, *dot;
	size_t		 n;

	if (*p == '-')
		p++;
	for (n = 0; isdigit((unsigned char)p[n]); n++)
		;
	if (n == 0 || n > maxint || (p[0] == '0' && n > 1))
		return (0);
	dot = p + n;
	if (*dot == '\0')
		return (!(p != s && n == 1 && p[0] == '0'));
	if (*dot != '.')
		return (0);
	for (n = 0; isdigit((unsigned char)dot[1 + n]); n++)
		;
	if (n == 0 || n > maxfrac || dot[1 + n] != '\0')
		return (0);
	if (nozero && dot[n] == '0')
		return (0);
	/* No negative zero: numeric_out() prints "-0.00" as "0.00". */
	if (p != s && strspn(p, "0.") == strlen(p))
		return (0);
	return (1);
}

/* The significant digits of a canon_num() number. */
static size_t
sig_digits(const char *s)
{
	size_t	n = 0;

	for (; *s == '-' || *s == '0' || *s == '.'; s++)
		;
	for (; *s != '\0'; s++)
		if (isdigit((unsigned char)*s))
			n++;
	return (n);
}

/* Whether s is a uuid as uuid_out() prints it. */
static int
canon_uuid(const char *s)
{
	size_t	i;

	if (strlen(s) != 36)
		return (0);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return (0);
		} else if (!isdigit((unsigned char)s[i]) &&
		    !(s[i] >= 'a' && s[i] <= 'f'))
			return (0);
	}
	return (1);
}

/* Whether s is a text[] as array_out() prints it without quotes. */
static int
canon_textarr(const char *s)
{
	const char	*p;
	size_t		 n;

	if (strcmp(s, "{}") == 0)
		return (1);
	if (*s != '{')
		return (0);
	for (p = s + 1;; p++) {
		for (n = 0; (p[n] >= 'a' && p[n] <= 'z') || p[n] == '_' ||
		    isdigit((unsigned char)p[n]); n++)
			;
		if (n == 0 || (n == 4 && strncmp(p, "null", 4) == 0))
			return (0);
		p += n;
		if (strcmp(p, "}") == 0)
			return (1);
		if (*p != ',')
			return (0);
	}
}

/* The boolean a literal spells: 1, 0, or -1 when not one of these. */
static int
bool_word(const char *s)
{
	static const char *const yes[] = { "true", "t", "yes", "on", "1" };
	static const char *const no[] = { "false", "f", "no", "off", "0" };
	size_t	i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return (1);
		if (strcasecmp(s, no[i]) == 0)
			return (0);
	}
	return (-1);
}

/*
 * The constant of type t that the string literal raw becomes, printed
 * as get_const_expr() prints it, appended to b: 1, or 0 when not known.
 */
int
xt_const_print(const struct xtype *t, const char *raw, struct vbuf *b)
{
	const char	*label = xt_printed(t);
	int		 v;

	switch (t->tid) {
	case XT_BOOL:
		if ((v = bool_word(raw)) == -1)
			return (0);
		vbuf_puts(b, v ? "true" : "false");
		return (1);
	case XT_INT4:
		if (!xt_canon_int(raw, -2147483647LL - 1, 2147483647LL))
			return (0);
		if (raw[0] != '-') {
			vbuf_puts(b, raw);
			return (1);
		}
		break;
	case XT_INT2:
		if (!xt_canon_int(raw, -32768, 32767))
			return (0);
		break;
	case XT_INT8:
		if (!xt_canon_int(raw, -9223372036854775807LL - 1,
		    9223372036854775807LL))
			return (0);
		break;
	case XT_NUMERIC:
		if (!canon_num(raw, 30, 30, 0))
			return (0);
		/* Bare when it reads back as a numeric: with a '.'. */
		if (raw[0] != '-' && strchr(raw, '.') != NULL) {
			vbuf_puts(b, raw);
			return (1);
		}
		break;
	case XT_FLOAT4:
	case XT_FLOAT8:
		/* No more significant digits than the type keeps (FLT_DIG,
		   DBL_DIG), no exponent: the shortest output is the same. */
		if (!canon_num(raw, 6, 3, 1) || sig_digits(raw) >
		    (t->tid == XT_FLOAT4 ? 6 : 15))
			return (0);
		break;
	case XT_TEXT:
	case XT_VARCHAR:
	case XT_BPCHAR:
	case XT_ENUM:
		break;
	case XT_UUID:
		if (!canon_uuid(raw))
			return (0);
		break;
	case XT_JSON:
	case XT_JSONB:
		if (strcmp(raw, "{}") != 0 && strcmp(raw, "[]") != 0)
			return (0);
		break;
	case XT_TEXTARR:
		if (!canon_textarr(raw))
			return (0);
		break;
	case XT_DATE:
	case XT_TIMESTAMP:
	case XT_TIMESTAMPTZ:
		/* Any other value is printed by DateStyle and TimeZone. */
		if (strcmp(raw, "infinity") != 0 &&
		    strcmp(raw, "-infinity") != 0)
			return (0);
		break;
	default:
		return (0);
	}
	if (!xt_put_literal(b, raw))
		return (0);
	vbuf_appendf(b, "::%s", label);
	return (1);
}

/* The rank of a number type in the implicit cast chain, 0 if none. */
int
xt_num_rank(enum xt tid)
{
	switch (tid) {
	case XT_INT2: return (1);
	case XT_INT4: return (2);
	case XT_INT8: return (3);
	case XT_NUMERIC: return (4);
	case XT_FLOAT4: return (5);
	case XT_FLOAT8: return (6);
	default: return (0);
	}
}

int
xt_is_int(enum xt tid)
{
	return (tid == XT_INT2 || tid == XT_INT4 || tid == XT_INT8);
}

int
xt_is_float(enum xt tid)
{
	return (tid == XT_FLOAT4 || tid == XT_FLOAT8);
}

/*
 * The explicit cast of a value of type from to type to that PostgreSQL
 * shows as "(v)::to": between numbers, to text from the strings, to
 * varchar (no modifier) from text and varchar, between timestamps and
 * dates.
 */
int
xt_castable(enum xt from, enum xt to)
{
	if (xt_num_rank(from) != 0 && xt_num_rank(to) != 0)
		return (1);
	switch (to) {
	case XT_TEXT:
		return (from == XT_TEXT || from == XT_VARCHAR ||
		    from == XT_BPCHAR);
	case XT_VARCHAR:
		return (from == XT_TEXT || from == XT_VARCHAR);
	case XT_DATE:
	case XT_TIMESTAMP:
	case XT_TIMESTAMPTZ:
		return (from == XT_DATE || from == XT_TIMESTAMP ||
		    from == XT_TIMESTAMPTZ);
	default:
		return (0);
	}
}

/*
 * Whether a value of type from is stored in a column of type to with an
 * assignment cast that pg_get_expr() does not show (at the top of the
 * expression, implicit casts are hidden).
 */
int
xt_assignable(enum xt from, enum xt to)
{
	switch (from) {
	case XT_INT2: case XT_INT4: case XT_INT8: case XT_NUMERIC:
		return (xt_num_rank(to) != 0 || to == XT_TEXT ||
		    to == XT_VARCHAR || to == XT_BPCHAR);
	case XT_TIMESTAMPTZ:
	case XT_TIMESTAMP:
	case XT_DATE:
		return (to == XT_TIMESTAMPTZ || to == XT_TIMESTAMP ||
		    to == XT_DATE);
	case XT_TEXT:
	case XT_VARCHAR:
		return (to == XT_TEXT || to == XT_VARCHAR || to == XT_BPCHAR);
	default:
		return (0);
	}
}

enum xt
xt_of_internal(const char *name)
{
	size_t	i;

	for (i = 0; i < NXT_NAMES; i++)
		if (xt_names[i].internal != NULL &&
		    strcmp(name, xt_names[i].internal) == 0)
			return (xt_names[i].tid);
	return (XT_NONE);
}
