/*
 * expected_mem_type.c: a model column's type as PostgreSQL's
 * format_type() prints it (the catalog's columns.type), and what the
 * in-memory build knows of each built-in type: whether it takes a
 * collation, which index methods have a default operator class for it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"

/* The printed names of the built-in types, by every model spelling;
   flags: what an index method may do with it. */
enum {
	T_BTREE = 1 << 0,
	T_HASH = 1 << 1,
	T_GIN = 1 << 2,		/* jsonb, tsvector (arrays: any T_BTREE) */
	T_GIST = 1 << 3,
	T_COLL = 1 << 4,	/* collatable */
	T_INT = 1 << 5,
	T_BRIN = 1 << 6,	/* a default minmax operator class */
	T_SPGIST = 1 << 7
};

#define BH	(T_BTREE | T_HASH)

static const struct {
	const char	*spelling;
	const char	*printed;
	int		 flags;
} types[] = {
	{ "bigint", "bigint", BH | T_INT | T_BRIN }, { "int8", "bigint", BH | T_INT | T_BRIN },
	{ "integer", "integer", BH | T_INT | T_BRIN }, { "int", "integer", BH | T_INT | T_BRIN },
	{ "int4", "integer", BH | T_INT | T_BRIN },
	{ "smallint", "smallint", BH | T_INT | T_BRIN },
	{ "int2", "smallint", BH | T_INT | T_BRIN },
	{ "boolean", "boolean", BH }, { "bool", "boolean", BH },
	{ "text", "text", BH | T_COLL | T_BRIN | T_SPGIST },
	{ "varchar", "character varying", BH | T_COLL | T_BRIN | T_SPGIST },
	{ "character varying", "character varying", BH | T_COLL | T_BRIN | T_SPGIST },
	{ "char", "character", BH | T_COLL },
	{ "character", "character", BH | T_COLL },
	{ "bpchar", "character", BH | T_COLL },
	{ "numeric", "numeric", BH | T_BRIN }, { "decimal", "numeric", BH | T_BRIN },
	{ "real", "real", BH | T_BRIN }, { "float4", "real", BH | T_BRIN },
	{ "double precision", "double precision", BH | T_BRIN },
	{ "float8", "double precision", BH | T_BRIN },
	{ "float", "double precision", BH | T_BRIN },
	{ "money", "money", T_BTREE },
	{ "bytea", "bytea", BH }, { "uuid", "uuid", BH | T_BRIN },
	{ "date", "date", BH | T_BRIN },
	{ "time", "time without time zone", BH },
	{ "time without time zone", "time without time zone", BH },
	{ "time with time zone", "time with time zone", BH },
	{ "timetz", "time with time zone", BH },
	{ "timestamp", "timestamp without time zone", BH | T_BRIN },
	{ "timestamp without time zone", "timestamp without time zone", BH | T_BRIN },
	{ "timestamp with time zone", "timestamp with time zone", BH | T_BRIN },
	{ "timestamptz", "timestamp with time zone", BH | T_BRIN },
	{ "interval", "interval", BH },
	{ "json", "json", 0 }, { "jsonb", "jsonb", BH | T_GIN },
	{ "inet", "inet", BH }, { "cidr", "cidr", BH },
	{ "macaddr", "macaddr", BH }, { "macaddr8", "macaddr8", T_BTREE },
	{ "bit", "bit", T_BTREE }, { "bit varying", "bit varying", T_BTREE },
	{ "varbit", "bit varying", T_BTREE },
	{ "point", "point", T_GIST | T_SPGIST }, { "box", "box", T_GIST | T_SPGIST },
	{ "polygon", "polygon", T_GIST }, { "circle", "circle", T_GIST },
	{ "line", "line", 0 }, { "lseg", "lseg", 0 }, { "path", "path", 0 },
	{ "tsvector", "tsvector", T_BTREE | T_GIN | T_GIST },
	{ "tsquery", "tsquery", T_BTREE | T_GIST },
	{ "int4range", "int4range", T_BTREE | T_GIST | T_SPGIST },
	{ "int8range", "int8range", T_BTREE | T_GIST | T_SPGIST },
	{ "numrange", "numrange", T_BTREE | T_GIST | T_SPGIST },
	{ "tsrange", "tsrange", T_BTREE | T_GIST | T_SPGIST },
	{ "tstzrange", "tstzrange", T_BTREE | T_GIST | T_SPGIST },
	{ "daterange", "daterange", T_BTREE | T_GIST | T_SPGIST },
	{ "int4multirange", "int4multirange", T_BTREE },
	{ "int8multirange", "int8multirange", T_BTREE },
	{ "nummultirange", "nummultirange", T_BTREE },
	{ "tsmultirange", "tsmultirange", T_BTREE },
	{ "tstzmultirange", "tstzmultirange", T_BTREE },
	{ "datemultirange", "datemultirange", T_BTREE },
	{ "xml", "xml", 0 }, { "jsonpath", "jsonpath", 0 },
	{ "name", "name", BH }, { "oid", "oid", BH },
	{ "pg_lsn", "pg_lsn", BH },
	{ "regclass", "regclass", 0 }, { "regtype", "regtype", 0 },
	{ "regproc", "regproc", 0 }, { "regprocedure", "regprocedure", 0 },
	{ "regconfig", "regconfig", 0 },
	{ "pg_snapshot", "pg_snapshot", 0 },
	{ "txid_snapshot", "txid_snapshot", 0 },
};

/* The entry of a printed or written name, or -1. */
static int
find(const char *name, int printed)
{
	size_t	i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(printed ? types[i].printed : types[i].spelling,
		    name) == 0)
			return ((int)i);
	return (-1);
}

/* The flags of a printed type (an array's are its element's, T_GIN
   when the element has T_BTREE); enums: btree and hash. */
static int
printed_flags(const char *type, int *array)
{
	char	 buf[128];
	size_t	 n = strlen(type);
	char	*p;
	int	 i;

	*array = 0;
	if (n >= 2 && strcmp(type + n - 2, "[]") == 0) {
		*array = 1;
		n -= 2;
	}
	if (n >= sizeof(buf))
		return (0);
	memcpy(buf, type, n);
	buf[n] = '\0';
	/* Modifiers: "character varying(20)", "time(3) with time zone". */
	if ((p = strchr(buf, '(')) != NULL) {
		char	*q = strchr(p, ')');

		if (q == NULL)
			return (0);
		memmove(p, q + 1, strlen(q + 1) + 1);
	}
	if ((i = find(buf, 1)) != -1)
		return (types[i].flags);
	/* An enum of the model: schema-qualified. */
	if (strchr(buf, '.') != NULL)
		return (BH);
	return (0);
}

int
xm_type_indexable(const char *type, const char *method)
{
	int	array, f = printed_flags(type, &array);

	if (array) {
		if (strcmp(method, "gin") == 0)
			return ((f & T_BTREE) != 0);
		/* btree and hash compare arrays by their elements' own. */
		if (strcmp(method, "btree") == 0)
			return ((f & T_BTREE) != 0);
		return (0);
	}
	if (strcmp(method, "btree") == 0)
		return ((f & T_BTREE) != 0);
	if (strcmp(method, "hash") == 0)
		return ((f & T_HASH) != 0);
	if (strcmp(method, "gin") == 0)
		return ((f & T_GIN) != 0);
	if (strcmp(method, "gist") == 0)
		return ((f & T_GIST) != 0);
	if (strcmp(method, "brin") == 0)
		return ((f & T_BRIN) != 0);
	if (strcmp(method, "spgist") == 0)
		return ((f & T_SPGIST) != 0);
	return (0);
}

int
xm_type_collatable(const char *type)
{
	int	array;

	return ((printed_flags(type, &array) & T_COLL) != 0);
}

/* Parses "(a)" or "(a,b)" at p: the number of modifiers (0 when p is not
   at one), -1 when malformed or too large. */
static int
mods(const char *p, long *a, long *b)
{
	char	*end;
	int	 n = 0;

	if (*p != '(')
		return (0);
	for (p++;; p++) {
		long	v;

		if (!isdigit((unsigned char)*p))
			return (-1);
		v = strtol(p, &end, 10);
		if (end - p > 9)
			return (-1);
		if (n == 0)
			*a = v;
		else if (n == 1)
			*b = v;
		else
			return (-1);
		n++;
		p = end;
		if (*p == ')')
			return (p[1] == '\0' || p[1] == ' ' ? n : -1);
		if (*p != ',')
			return (-1);
	}
}

/* A built-in elem ("varchar(20)", "time(3) with time zone") printed. */
static int
builtin(const char *elem, struct vbuf *out, int *integer)
{
	char		 key[128];
	const char	*p, *pr;
	long		 a = 0, b = 0;
	size_t		 k = 0;
	int		 nm = 0, i;

	/* The words without the modifiers, and the modifiers. */
	for (p = elem; *p != '\0'; p++) {
		if (*p == '(') {
			if (nm != 0 || (nm = mods(p, &a, &b)) <= 0)
				return (0);
			p = strchr(p, ')');
			continue;
		}
		if (k + 1 >= sizeof(key))
			return (0);
		key[k++] = *p;
	}
	key[k] = '\0';
	if ((i = find(key, 0)) == -1)
		return (0);
	pr = types[i].printed;
	*integer = (types[i].flags & T_INT) != 0;
	if (strcmp(pr, "character varying") == 0 ||
	    strcmp(pr, "bit varying") == 0) {
		if (nm == 1 && (a < 1 || a > 10485760))
			return (0);
		vbuf_puts(out, pr);
		if (nm == 1)
			vbuf_appendf(out, "(%ld)", a);
		return (1);
	}
	if (strcmp(pr, "character") == 0 || strcmp(pr, "bit") == 0) {
		/* char and bit alone are char(1) and bit(1); bpchar alone
		   has no length. */
		if (nm == 0 && strcmp(key, "bpchar") == 0) {
			vbuf_puts(out, "bpchar");
			return (1);
		}
		if (nm == 1 && (a < 1 || a > 10485760))
			return (0);
		vbuf_appendf(out, "%s(%ld)", pr, nm == 1 ? a : 1);
		return (1);
	}
	if (strcmp(pr, "numeric") == 0) {
		if (nm >= 1 && (a < 1 || a > 1000 || (nm == 2 && b > a)))
			return (0);
		vbuf_puts(out, pr);
		if (nm >= 1)
			vbuf_appendf(out, "(%ld,%ld)", a, nm == 2 ? b : 0);
		return (1);
	}
	if (strcmp(key, "float") == 0) {
		if (nm == 1 && (a < 1 || a > 53))
			return (0);
		vbuf_puts(out, nm == 1 && a <= 24 ? "real" : "double precision");
		return (1);
	}
	if (strncmp(pr, "time", 4) == 0 || strcmp(pr, "interval") == 0) {
		/* A precision above 6 is cut to 6, with a warning. */
		if (nm == 1 && a > 6)
			a = 6;
		if (nm == 0) {
			vbuf_puts(out, pr);
			return (1);
		}
		if ((p = strchr(pr, ' ')) == NULL)
			vbuf_appendf(out, "%s(%ld)", pr, a);
		else
			vbuf_appendf(out, "%.*s(%ld)%s", (int)(p - pr), pr, a,
			    p);
		return (1);
	}
	if (nm != 0)
		return (0);
	vbuf_puts(out, pr);
	return (1);
}

int
xm_format_typestr(const struct xm_ctx *x, const char *t, struct vbuf *out,
    int *user)
{
	char		*elem;
	size_t		 n, len;
	int		 integer = 0, ok, array = 0, kind;

	*user = 0;
	if (t == NULL)
		return (0);
	/* The array suffix, "[]" or "[3]", any number: printed "[]". */
	len = strlen(t);
	while (len > 0 && t[len - 1] == ']') {
		n = len - 1;
		while (n > 0 && isdigit((unsigned char)t[n - 1]))
			n--;
		if (n == 0 || t[n - 1] != '[')
			return (0);
		len = n - 1;
		array = 1;
	}
	elem = xstrndup(t, len);
	if ((kind = xm_names_get(&x->types, elem)) > 0) {
		*user = kind;
		vbuf_puts(out, x->qschema);
		vbuf_putc(out, '.');
		vf_quote_ident(out, elem);
		ok = 1;
	} else
		ok = builtin(elem, out, &integer);
	free(elem);
	if (ok && array)
		vbuf_puts(out, "[]");
	return (ok);
}

int
xm_format_type(const struct xm_ctx *x, const struct model_column *c,
    struct vbuf *out, int *user)
{
	const char	*serial;

	*user = 0;
	if ((serial = model_serial_base(c->type)) != NULL) {
		vbuf_puts(out, serial);
		return (1);
	}
	return (xm_format_typestr(x, c->type, out, user));
}
