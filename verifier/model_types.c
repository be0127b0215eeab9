/*
 * model_types.c: the column types a model may use, PostgreSQL's built-in
 * types by every name its grammar accepts, checked and normalised as
 * written (lower case, single spaces, modifiers glued, array suffixes
 * kept), without a server.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_types.h"

/*
 * PostgreSQL's built-in types by every name the grammar accepts, and how
 * many modifiers each takes.  The serial types are not types (a default
 * plus an owned sequence): model_types_serial() reads them.
 */
static const struct {
	const char	*name;
	int		 maxmods;
	int		 integer;	/* may be an identity column */
} builtin_types[] = {
	{ "bigint", 0, 1 }, { "int8", 0, 1 }, { "integer", 0, 1 },
	{ "int", 0, 1 }, { "int4", 0, 1 }, { "smallint", 0, 1 },
	{ "int2", 0, 1 },
	{ "boolean", 0, 0 }, { "bool", 0, 0 },
	{ "text", 0, 0 }, { "varchar", 1, 0 }, { "character varying", 1, 0 },
	{ "char", 1, 0 }, { "character", 1, 0 }, { "bpchar", 1, 0 },
	{ "name", 0, 0 },
	{ "numeric", 2, 0 }, { "decimal", 2, 0 }, { "real", 0, 0 },
	{ "float4", 0, 0 }, { "double precision", 0, 0 }, { "float8", 0, 0 },
	{ "float", 1, 0 }, { "money", 0, 0 },
	{ "bytea", 0, 0 }, { "uuid", 0, 0 },
	{ "date", 0, 0 }, { "time", 1, 0 }, { "time without time zone", 1, 0 },
	{ "time with time zone", 1, 0 }, { "timetz", 1, 0 },
	{ "timestamp", 1, 0 }, { "timestamp without time zone", 1, 0 },
	{ "timestamp with time zone", 1, 0 }, { "timestamptz", 1, 0 },
	{ "interval", 1, 0 },
	{ "json", 0, 0 }, { "jsonb", 0, 0 }, { "jsonpath", 0, 0 },
	{ "xml", 0, 0 },
	{ "inet", 0, 0 }, { "cidr", 0, 0 }, { "macaddr", 0, 0 },
	{ "macaddr8", 0, 0 },
	{ "bit", 1, 0 }, { "bit varying", 1, 0 }, { "varbit", 1, 0 },
	{ "point", 0, 0 }, { "line", 0, 0 }, { "lseg", 0, 0 }, { "box", 0, 0 },
	{ "path", 0, 0 }, { "polygon", 0, 0 }, { "circle", 0, 0 },
	{ "tsvector", 0, 0 }, { "tsquery", 0, 0 },
	{ "int4range", 0, 0 }, { "int8range", 0, 0 }, { "numrange", 0, 0 },
	{ "tsrange", 0, 0 }, { "tstzrange", 0, 0 }, { "daterange", 0, 0 },
	{ "int4multirange", 0, 0 }, { "int8multirange", 0, 0 },
	{ "nummultirange", 0, 0 }, { "tsmultirange", 0, 0 },
	{ "tstzmultirange", 0, 0 }, { "datemultirange", 0, 0 },
	{ "oid", 0, 0 }, { "regclass", 0, 0 }, { "regtype", 0, 0 },
	{ "regproc", 0, 0 }, { "regprocedure", 0, 0 }, { "regconfig", 0, 0 },
	{ "pg_lsn", 0, 0 }, { "pg_snapshot", 0, 0 }, { "txid_snapshot", 0, 0 },
};

static int
builtin_type(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(builtin_types) / sizeof(builtin_types[0]); i++)
		if (strcmp(builtin_types[i].name, name) == 0)
			return ((int)i);
	return (-1);
}

static size_t
strip_spaces(const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return (len);
}

/*
 * Splits "elem[][3]" into the element type (trimmed, a new string) and the
 * normalised array suffix ("[][3]").  -1 when a suffix is malformed.
 */
int
model_types_split_array(const char *type, char **elem, char **suffix)
{
	struct vbuf	 b;
	size_t		 len = strlen(type), start, i;
	int		 rc = -1;

	vbuf_init(&b);
	vbuf_puts(&b, "");
	len = strip_spaces(type, len);
	while (len > 0 && type[len - 1] == ']') {
		i = len - 1;
		while (i > 0 && isdigit((unsigned char)type[i - 1]))
			i--;
		if (i == 0 || type[i - 1] != '[')
			goto done;
		start = i - 1;
		{
			struct vbuf	t;

			vbuf_init(&t);
			vbuf_append(&t, type + start, len - start);
			vbuf_puts(&t, b.data);
			vbuf_free(&b);
			b = t;
		}
		len = strip_spaces(type, start);
	}
	while (len > 0 && isspace((unsigned char)*type)) {
		type++;
		len--;
	}
	if (len == 0)
		goto done;
	*elem = xstrndup(type, len);
	*suffix = vbuf_steal(&b);
	rc = 0;
done:
	vbuf_free(&b);
	return (rc);
}

/*
 * Checks and normalises a built-in type: lower case, single spaces, the
 * modifiers glued to the word before them ("numeric(10, 2)" becomes
 * "numeric(10,2)").  On success *norm is the new string and *integer
 * whether it may be an identity column.  -1 with msg set otherwise.
 */
int
model_types_normalise(const char *elem, char **norm, int *integer,
    char *msg, size_t msglen)
{
	struct vbuf	 key, out;
	const char	*p = elem;
	int		 nwords = 0, nmods = 0, modsafter = 0, rc = -1, i;

	vbuf_init(&key);
	vbuf_init(&out);
	vbuf_puts(&key, "");
	vbuf_puts(&out, "");
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		if (isalpha((unsigned char)*p) || *p == '_') {
			if (nwords > 0)
				vbuf_putc(&key, ' ');
			if (nwords > 0)
				vbuf_putc(&out, ' ');
			while (isalnum((unsigned char)*p) || *p == '_') {
				char	lc = (char)tolower((unsigned char)*p++);

				vbuf_putc(&key, lc);
				vbuf_putc(&out, lc);
			}
			nwords++;
			continue;
		}
		if (*p == '(' && nwords > 0 && nmods == 0) {
			modsafter = nwords;
			vbuf_putc(&out, '(');
			p++;
			for (;;) {
				while (isspace((unsigned char)*p))
					p++;
				if (!isdigit((unsigned char)*p))
					goto syntax;
				while (isdigit((unsigned char)*p))
					vbuf_putc(&out, *p++);
				nmods++;
				while (isspace((unsigned char)*p))
					p++;
				if (*p == ',') {
					vbuf_putc(&out, ',');
					p++;
					continue;
				}
				if (*p == ')') {
					vbuf_putc(&out, ')');
					p++;
					break;
				}
				goto syntax;
			}
			continue;
		}
		goto syntax;
	}
	if (nwords == 0 || (i = builtin_type(key.data)) == -1) {
		snprintf(msg, msglen, "unknown type \"%s\"", elem);
		goto done;
	}
	if (nmods > builtin_types[i].maxmods) {
		snprintf(msg, msglen, "type \"%s\" takes %s", key.data,
		    builtin_types[i].maxmods == 0 ? "no modifier" :
		    builtin_types[i].maxmods == 1 ? "at most one modifier" :
		    "at most two modifiers");
		goto done;
	}
	/* time(3) with time zone: the precision follows the first word. */
	if (nmods > 0 && modsafter != nwords &&
	    !(modsafter == 1 && strncmp(key.data, "time", 4) == 0)) {
		snprintf(msg, msglen, "misplaced modifier in type \"%s\"",
		    elem);
		goto done;
	}
	*norm = vbuf_steal(&out);
	*integer = builtin_types[i].integer;
	rc = 0;
	goto done;
syntax:
	snprintf(msg, msglen, "unknown type \"%s\"", elem);
done:
	vbuf_free(&key);
	vbuf_free(&out);
	return (rc);
}

/* The serial types by every name, and what each is written back as. */
static const struct {
	const char	*name;
	const char	*canon;
	const char	*base;
} serial_types[] = {
	{ "serial", "serial", "integer" }, { "serial4", "serial", "integer" },
	{ "bigserial", "bigserial", "bigint" },
	{ "serial8", "bigserial", "bigint" },
	{ "smallserial", "smallserial", "smallint" },
	{ "serial2", "smallserial", "smallint" },
};

const char *
model_types_serial(const char *elem)
{
	char	buf[32];
	size_t	i, n = strlen(elem);

	while (n > 0 && isspace((unsigned char)elem[n - 1]))
		n--;
	while (n > 0 && isspace((unsigned char)*elem)) {
		elem++;
		n--;
	}
	if (n == 0 || n >= sizeof(buf))
		return (NULL);
	for (i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)elem[i]);
	buf[n] = '\0';
	for (i = 0; i < sizeof(serial_types) / sizeof(serial_types[0]); i++)
		if (strcmp(serial_types[i].name, buf) == 0)
			return (serial_types[i].canon);
	return (NULL);
}

const char *
model_serial_base(const char *type)
{
	size_t	i;

	if (type == NULL)
		return (NULL);
	for (i = 0; i < sizeof(serial_types) / sizeof(serial_types[0]); i++)
		if (strcmp(serial_types[i].canon, type) == 0)
			return (serial_types[i].base);
	return (NULL);
}
