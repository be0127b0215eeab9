/*
 * gen_model.c: the model generator of the differential test (see
 * gen_model.h).  A model is drawn in two passes: the tables with their
 * columns, primary and foreign keys first (foreign keys and owned
 * sequences need to know them), then the YAML, drawing the constraints,
 * indexes, comments and grants of each table as it is written.  Every
 * choice comes from one splitmix64 stream seeded by the caller.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_model.h"

const char *const gen_kind_names[GEN_NKINDS] = {
	"all", "types", "enums", "defaults", "checks", "keys", "fkeys",
	"indexes", "comments", "grants", "sequences", "names", "plain",
	"domains", "storage",
};

/* What a model draws from. */
#define F_TYPES		0x001	/* every type, else a few common ones */
#define F_ENUMS		0x002
#define F_DEFAULTS	0x004
#define F_CHECKS	0x008
#define F_KEYS		0x010	/* primary keys, unique constraints */
#define F_FKEYS		0x020
#define F_INDEXES	0x040
#define F_COMMENTS	0x080
#define F_GRANTS	0x100
#define F_SEQS		0x200	/* sequences, serial, identity */
#define F_NAMES		0x400	/* names of every length, colliding */
#define F_DOMAINS	0x800	/* domains, composite types */
#define F_STORAGE	0x1000	/* unlogged, storage parameters, collations */

static const unsigned kind_flags[GEN_NKINDS] = {
	0x1fff,
	F_TYPES,
	F_ENUMS,
	F_DEFAULTS | F_TYPES | F_SEQS,
	F_CHECKS | F_TYPES,
	F_KEYS,
	F_KEYS | F_FKEYS,
	F_INDEXES | F_TYPES,
	F_COMMENTS | F_KEYS | F_INDEXES,
	F_GRANTS | F_SEQS,
	F_SEQS,
	F_NAMES | F_KEYS | F_FKEYS | F_SEQS,
	0,
	F_DOMAINS | F_COMMENTS,
	F_STORAGE | F_INDEXES,
};

/* Type classes: what defaults, checks and index methods fit. */
enum cls {
	K_INT, K_NUM, K_FLOAT, K_MONEY, K_TEXT, K_VARCHAR, K_CHAR, K_NAME,
	K_BOOL, K_BYTEA, K_UUID, K_DATE, K_TIME, K_TIMETZ, K_TS, K_TSTZ,
	K_INTERVAL, K_JSON, K_JSONB, K_JSONPATH, K_XML, K_INET, K_CIDR, K_MAC,
	K_BIT, K_VARBIT, K_POINT, K_GEOM, K_TSVECTOR, K_TSQUERY, K_RANGE,
	K_MRANGE, K_OID, K_REGCLASS, K_REGTYPE, K_REGPROC, K_REGPROCEDURE,
	K_REGCONFIG, K_LSN, K_SNAP, K_ENUM, K_DOM,
	K_NCLS
};

#define BT	1	/* a default btree operator class: keys, indexes */
#define HS	2	/* hash */
#define GI	4	/* gin on the scalar (jsonb, tsvector) */
#define BR	8	/* brin minmax */

/* Modifiers: none, optional length, numeric (p[,s]), precision, float(p). */
enum mod { M_NONE, M_LEN, M_NUM, M_PREC, M_FLOAT };

struct gtype {
	const char	*spell;		/* '%' where the modifier goes */
	enum cls	 cls;
	enum mod	 mod;
};

static const struct gtype types[] = {
	{ "bigint", K_INT, M_NONE }, { "int8", K_INT, M_NONE },
	{ "integer", K_INT, M_NONE }, { "int", K_INT, M_NONE },
	{ "int4", K_INT, M_NONE }, { "smallint", K_INT, M_NONE },
	{ "int2", K_INT, M_NONE }, { "INTEGER", K_INT, M_NONE },
	{ "BigInt", K_INT, M_NONE },
	{ "numeric%", K_NUM, M_NUM }, { "decimal%", K_NUM, M_NUM },
	{ "real", K_FLOAT, M_NONE }, { "float4", K_FLOAT, M_NONE },
	{ "double precision", K_FLOAT, M_NONE }, { "float8", K_FLOAT, M_NONE },
	{ "float%", K_FLOAT, M_FLOAT },
	{ "money", K_MONEY, M_NONE },
	{ "text", K_TEXT, M_NONE }, { "TEXT", K_TEXT, M_NONE },
	{ "varchar%", K_VARCHAR, M_LEN },
	{ "character varying%", K_VARCHAR, M_LEN },
	{ "char%", K_CHAR, M_LEN }, { "character%", K_CHAR, M_LEN },
	{ "bpchar%", K_CHAR, M_LEN },
	{ "name", K_NAME, M_NONE },
	{ "boolean", K_BOOL, M_NONE }, { "bool", K_BOOL, M_NONE },
	{ "bytea", K_BYTEA, M_NONE }, { "uuid", K_UUID, M_NONE },
	{ "date", K_DATE, M_NONE },
	{ "time%", K_TIME, M_PREC }, { "time% without time zone", K_TIME, M_PREC },
	{ "time% with time zone", K_TIMETZ, M_PREC },
	{ "timetz%", K_TIMETZ, M_PREC },
	{ "timestamp%", K_TS, M_PREC },
	{ "timestamp% without time zone", K_TS, M_PREC },
	{ "timestamp% with time zone", K_TSTZ, M_PREC },
	{ "timestamptz%", K_TSTZ, M_PREC },
	{ "Timestamp% With Time Zone", K_TSTZ, M_PREC },
	{ "interval%", K_INTERVAL, M_PREC },
	{ "json", K_JSON, M_NONE }, { "jsonb", K_JSONB, M_NONE },
	{ "jsonpath", K_JSONPATH, M_NONE }, { "xml", K_XML, M_NONE },
	{ "inet", K_INET, M_NONE }, { "cidr", K_CIDR, M_NONE },
	{ "macaddr", K_MAC, M_NONE }, { "macaddr8", K_MAC, M_NONE },
	{ "bit%", K_BIT, M_LEN }, { "bit varying%", K_VARBIT, M_LEN },
	{ "varbit%", K_VARBIT, M_LEN },
	{ "point", K_POINT, M_NONE }, { "line", K_GEOM, M_NONE },
	{ "lseg", K_GEOM, M_NONE }, { "box", K_GEOM, M_NONE },
	{ "path", K_GEOM, M_NONE }, { "polygon", K_GEOM, M_NONE },
	{ "circle", K_GEOM, M_NONE },
	{ "tsvector", K_TSVECTOR, M_NONE }, { "tsquery", K_TSQUERY, M_NONE },
	{ "int4range", K_RANGE, M_NONE }, { "int8range", K_RANGE, M_NONE },
	{ "numrange", K_RANGE, M_NONE }, { "tsrange", K_RANGE, M_NONE },
	{ "tstzrange", K_RANGE, M_NONE }, { "daterange", K_RANGE, M_NONE },
	{ "int4multirange", K_MRANGE, M_NONE },
	{ "int8multirange", K_MRANGE, M_NONE },
	{ "nummultirange", K_MRANGE, M_NONE },
	{ "tsmultirange", K_MRANGE, M_NONE },
	{ "tstzmultirange", K_MRANGE, M_NONE },
	{ "datemultirange", K_MRANGE, M_NONE },
	{ "oid", K_OID, M_NONE }, { "regclass", K_REGCLASS, M_NONE },
	{ "regtype", K_REGTYPE, M_NONE }, { "regproc", K_REGPROC, M_NONE },
	{ "regprocedure", K_REGPROCEDURE, M_NONE },
	{ "regconfig", K_REGCONFIG, M_NONE },
	{ "pg_lsn", K_LSN, M_NONE }, { "pg_snapshot", K_SNAP, M_NONE },
	{ "txid_snapshot", K_SNAP, M_NONE },
};
#define NTYPES	(sizeof(types) / sizeof(types[0]))

/* The types of a model that does not test types. */
static const struct gtype common[] = {
	{ "bigint", K_INT, M_NONE }, { "integer", K_INT, M_NONE },
	{ "text", K_TEXT, M_NONE }, { "boolean", K_BOOL, M_NONE },
	{ "numeric(12,2)", K_NUM, M_NONE }, { "timestamptz", K_TSTZ, M_NONE },
	{ "date", K_DATE, M_NONE }, { "uuid", K_UUID, M_NONE },
	{ "varchar(40)", K_VARCHAR, M_NONE }, { "jsonb", K_JSONB, M_NONE },
};
#define NCOMMON	(sizeof(common) / sizeof(common[0]))

#define NV	8	/* at most this many forms per class, NULL-ended */

struct gclass {
	int		 flags;
	const char	*defaults[NV];	/* SQL as written */
	const char	*checks[NV];	/* '`' is the column */
};

static const char *const text_defaults[NV] = { "'x'", "''", "'it''s'",
	"'a\"b'", "'h\xc3\xa9llo'", "'back\\slash'", "'multi word'", NULL };
static const char *const text_checks[NV] = { "length(`) <= 50", "` <> ''",
	"` IN ('a', 'b', 'it''s')", "` ~ '^[a-z]*$'", "char_length(`) > 0",
	"` LIKE 'a%'", "lower(`) = `", "` IS NOT NULL AND length(`) > 1" };
static const char *const time_checks[NV] = { "` > '2000-01-01'",
	"` < 'infinity'", "` BETWEEN '2000-01-01' AND '2100-12-31'", NULL };

static const struct gclass classes[K_NCLS] = {
	[K_INT] = { BT | HS | BR,
	    { "0", "-1", "42", "(-7)", "1 + 2", "-32768", NULL },
	    { "` > 0", "` >= -10", "` <> 3", "` BETWEEN 1 AND 100",
	      "` IN (1, 2, 3)", "` > 0 AND ` < 1000", "` < 0 OR ` > 10",
	      "NOT (` = 5)" } },
	[K_NUM] = { BT | HS | BR, { "0", "1.5", "-2.25", "'3.14'", "0.0", NULL },
	    { "` >= 0.5", "` BETWEEN -1.5 AND 2", "` > 0",
	      "` IN (1.5, 2.5)", "` <> 0 OR ` IS NULL", NULL } },
	[K_FLOAT] = { BT | HS | BR,
	    { "0", "1.5", "-0.5", "'NaN'", "'Infinity'", "1e10", NULL },
	    { "` >= 0", "` <> 'NaN'", "` < 1e10", NULL } },
	[K_MONEY] = { BT, { "'12.34'", "'0'", NULL }, { "` >= '0'", NULL } },
	[K_TEXT] = { BT | HS | BR, { 0 }, { 0 } },	/* text_* */
	[K_VARCHAR] = { BT | HS | BR, { 0 }, { 0 } },
	[K_CHAR] = { BT | HS | BR, { 0 }, { 0 } },
	[K_NAME] = { BT | HS | BR, { "'x'", "CURRENT_USER", "'it''s'", NULL },
	    { "` <> ''", "length(`) < 60", NULL } },
	[K_BOOL] = { BT | HS, { "true", "false", "TRUE", "'t'", "'yes'", NULL },
	    { "`", "NOT `", "` IS NOT NULL", "` = true", "` IS TRUE", NULL } },
	[K_BYTEA] = { BT | HS | BR, { "'\\x00ff'", "''", "'\\xDEADBEEF'", NULL },
	    { "length(`) < 100", NULL } },
	[K_UUID] = { BT | HS | BR, { "gen_random_uuid()",
	    "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", NULL },
	    { "` <> '00000000-0000-0000-0000-000000000000'", NULL } },
	[K_DATE] = { BT | HS | BR, { "CURRENT_DATE", "'2024-02-29'",
	    "'infinity'", NULL }, { 0 } },			/* time_checks */
	[K_TIME] = { BT | HS | BR, { "'12:34:56'", "LOCALTIME", "'00:00'", NULL },
	    { "` > '00:00'", "` IS NOT NULL", NULL } },
	[K_TIMETZ] = { BT | HS | BR, { "CURRENT_TIME", "'12:00:00+02'", NULL },
	    { "` IS NOT NULL", NULL } },
	[K_TS] = { BT | HS | BR, { "now()", "LOCALTIMESTAMP", "CURRENT_TIMESTAMP",
	    "'2024-01-01 00:00:00'", "'-infinity'", NULL }, { 0 } },
	[K_TSTZ] = { BT | HS | BR, { "now()", "CURRENT_TIMESTAMP",
	    "statement_timestamp()", "'2024-01-01 00:00:00+00'",
	    "transaction_timestamp()", "clock_timestamp()", NULL }, { 0 } },
	[K_INTERVAL] = { BT | HS | BR, { "'1 day'", "'-01:30:00'", "'P1Y2M'",
	    "'0'", NULL }, { "` >= '0 seconds'", "` < '1 year'", NULL } },
	[K_JSON] = { 0, { "'{}'", "'[]'", "'{\"a\": \"it''s\"}'", "'null'", NULL },
	    { "` IS NOT NULL", NULL } },
	[K_JSONB] = { BT | HS | GI, { "'{}'", "'[]'", "'{\"a\": \"it''s\"}'",
	    "'null'", NULL }, { "jsonb_typeof(`) = 'object'", "` ? 'a'",
	    "` @> '{}'", NULL } },
	[K_JSONPATH] = { 0, { "'$.a'", "'$'", NULL }, { "` IS NOT NULL", NULL } },
	[K_XML] = { 0, { NULL }, { "` IS NOT NULL", NULL } },
	[K_INET] = { BT | HS | BR, { "'10.0.0.1'", "'::1/128'",
	    "'192.168.0.0/16'", NULL }, { "family(`) = 4", "masklen(`) > 0",
	    NULL } },
	[K_CIDR] = { BT | HS, { "'10.0.0.0/8'", "'::/0'", NULL },
	    { "masklen(`) > 0", NULL } },
	[K_MAC] = { BT | HS | BR, { "'08:00:2b:01:02:03'", NULL },
	    { "` IS NOT NULL", NULL } },
	[K_BIT] = { BT | BR, { NULL }, { "length(`) > 0", NULL } },
	[K_VARBIT] = { BT | BR, { NULL }, { "length(`) > 0", NULL } },
	[K_POINT] = { 0, { "'(0,0)'", "'(1.5,-2)'", NULL },
	    { "` IS NOT NULL", NULL } },
	[K_GEOM] = { 0, { NULL }, { "` IS NOT NULL", NULL } },
	[K_TSVECTOR] = { BT | GI, { "''", "'a b'", NULL },
	    { "length(`) < 100", NULL } },
	[K_TSQUERY] = { BT, { "'a & b'", NULL }, { "` IS NOT NULL", NULL } },
	[K_RANGE] = { BT | HS, { "'empty'", NULL }, { "NOT isempty(`)", NULL } },
	[K_MRANGE] = { BT | HS, { "'{}'", NULL }, { "NOT isempty(`)", NULL } },
	[K_OID] = { BT | HS | BR, { "0", "'16'", NULL },
	    { "` <> 0", "` IS NOT NULL", NULL } },
	[K_REGCLASS] = { BT, { "'pg_class'", NULL }, { "` IS NOT NULL", NULL } },
	[K_REGTYPE] = { BT, { "'integer'", "'text'", NULL },
	    { "` IS NOT NULL", NULL } },
	[K_REGPROC] = { BT, { "'now'", NULL }, { "` IS NOT NULL", NULL } },
	[K_REGPROCEDURE] = { BT, { "'now()'", NULL }, { "` IS NOT NULL", NULL } },
	[K_REGCONFIG] = { BT, { "'english'", "'simple'", NULL },
	    { "` IS NOT NULL", NULL } },
	[K_LSN] = { BT | HS | BR, { "'0/0'", "'16/B374D848'", NULL },
	    { "` > '0/0'", NULL } },
	[K_SNAP] = { 0, { NULL }, { "` IS NOT NULL", NULL } },
	[K_ENUM] = { BT | HS, { NULL }, { NULL } },		/* by label */
	[K_DOM] = { 0, { NULL }, { NULL } },	/* a domain or composite */
};

static const char *const array_checks[] = { "cardinality(`) < 10",
	"array_length(`, 1) > 0", "` <> '{}'", "array_ndims(`) = 1" };

static const char *const comments[] = { "plain words", "it's",
	"with \"double\" quotes", "back\\slash and 'single'",
	"caf\xc3\xa9 \xc3\xbcn\xc3\xaf" "code", "two\nlines", "  spaces around  ",
	"100% sure; -- not a comment", "$$dollar$$", "#hash: colon" };
#define NCOMMENTS	(sizeof(comments) / sizeof(comments[0]))

static const char *const labels[] = { "new", "paid", "it's", "with space",
	"\xc3\x9cn\xc3\xaf" "code", "UPPER", "a-b", "void", "true", "null", "1",
	"a\"b", "back\\slash",
	"a label of exactly sixty-three bytes, the longest one allowed .",
};
#define NLABELS	(sizeof(labels) / sizeof(labels[0]))

/* Column names PostgreSQL prints quoted: keywords, capitals, quotes. */
static const char *const odd_names[] = { "user", "order", "select", "Mixed",
	"with space", "quote\"d", "a-b", "1st", "\xc3\xa9", "table", "check",
	"default", "primary", "key", "Name", "from" };
#define NODD	(sizeof(odd_names) / sizeof(odd_names[0]))

static const char *const actions[] = { "no action", "restrict", "cascade",
	"set null", "set default" };

#define MAXCOLS		40
#define MAXFKS		3
#define MAXENUMS	8
#define MAXDOMS		6	/* domains, then as many composite types */

struct gcol {
	char	 name[64];
	char	 type[96];	/* as written in the model */
	char	 fktype[96];	/* the type of a column that references it */
	enum cls cls;
	int	 len;		/* char(n), bit(n): n; 0 unlimited */
	int	 array, enumi, nullable, serial, identity, pk, owned;
};

struct gfk {
	int	 ref;		/* the referenced table */
	int	 cols[2], n;	/* referencing columns */
};

struct gtable {
	char		 name[64];
	struct gcol	 cols[MAXCOLS];
	int		 ncols;
	int		 pk[2], npk;	/* primary key columns */
	int		 pk_form;	/* 0 inline, 1 list, 2 named mapping */
	struct gfk	 fks[MAXFKS];
	int		 nfks;
};

struct genum {
	char	 name[64];
	int	 labels[6], nlabels;
};

struct gen {
	uint64_t	 s;
	unsigned	 f;
	struct vbuf	*out;
	struct gen_stats *st;
	struct gtable	*t;
	int		 nt;
	struct genum	 enums[MAXENUMS];
	int		 nenums;
	int		 nseqs;
	int		 ndoms;		/* dm0.. and ct0.. */
	int		 nnames;	/* explicit constraint and index names */
};

/* splitmix64: the one source of every choice. */
static uint64_t
next(struct gen *g)
{
	uint64_t	z;

	z = (g->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

/* A number in [0, n). */
static int
rnd(struct gen *g, int n)
{
	return (n <= 1 ? 0 : (int)(next(g) % (uint64_t)n));
}

/* One time in n. */
static int
one_in(struct gen *g, int n)
{
	return (rnd(g, n) == 0);
}

size_t
gen_stats_objects(const struct gen_stats *st)
{
	return (st->tables + st->columns + st->enums + st->sequences +
	    st->defaults + st->checks + st->keys + st->foreign_keys +
	    st->indexes + st->comments + st->grants);
}

/* A YAML scalar: plain when it surely reads back as itself, else quoted. */
static void
yq(struct vbuf *b, const char *s)
{
	const char	*p;
	int		 plain = *s >= 'a' && *s <= 'z';

	for (p = s; plain && *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			plain = 0;
	if (plain && strcmp(s, "true") != 0 && strcmp(s, "false") != 0 &&
	    strcmp(s, "null") != 0 && strcmp(s, "yes") != 0 &&
	    strcmp(s, "no") != 0 && strcmp(s, "on") != 0 &&
	    strcmp(s, "off") != 0 && strcmp(s, "y") != 0 &&
	    strcmp(s, "n") != 0) {
		vbuf_puts(b, s);
		return;
	}
	vbuf_putc(b, '"');
	for (p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			vbuf_appendf(b, "\\%c", *p);
		else if (*p == '\n')
			vbuf_puts(b, "\\n");
		else
			vbuf_putc(b, *p);
	}
	vbuf_putc(b, '"');
}

/* "  key: " then a quoted scalar and a newline, at indent ind. */
static void
kv(struct gen *g, int ind, const char *key, const char *val)
{
	vbuf_appendf(g->out, "%*s%s: ", ind, "", key);
	yq(g->out, val);
	vbuf_putc(g->out, '\n');
}

/* A flow list of names: [a, "b c"]. */
static void
name_list(struct gen *g, const struct gtable *t, const int *cols, int n)
{
	int	i;

	vbuf_putc(g->out, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_puts(g->out, ", ");
		yq(g->out, t->cols[cols[i]].name);
	}
	vbuf_puts(g->out, "]\n");
}

/*
 * A name of len bytes (at least the tag's) made of tag then filler that
 * holds two-byte UTF-8 characters, never cut in the middle of one.
 */
static void
make_name(char *dst, const char *tag, int len)
{
	static const char	 fill[] = "_abcd\xc3\xa9" "fgh_ijk";
	size_t			 n = strlen(tag), k = 0;

	if (len > 63)
		len = 63;
	memcpy(dst, tag, n);
	while ((int)n < len) {
		if ((unsigned char)fill[k] >= 0x80) {
			if ((int)n + 2 > len) {
				dst[n++] = 'z';
				continue;
			}
			dst[n++] = fill[k++];
		}
		dst[n++] = fill[k++];
		if (fill[k] == '\0')
			k = 0;
	}
	dst[n] = '\0';
}

/* "a", "b", ... "z", "ba", ...: letters that name column j. */
static void
letters(char *dst, int j)
{
	char	tmp[16];
	int	n = 0, i;

	do {
		tmp[n++] = (char)('a' + j % 26);
		j /= 26;
	} while (j > 0);
	for (i = 0; i < n; i++)
		dst[i] = tmp[n - 1 - i];
	dst[n] = '\0';
}

/* The type of column c drawn from the model's flags. */
static void
draw_type(struct gen *g, struct gcol *c)
{
	const struct gtype	*ty;
	const char		*pct;
	char			 mod[32] = "";
	int			 p;

	if (g->ndoms > 0 && one_in(g, 6)) {
		c->cls = K_DOM;
		snprintf(c->type, sizeof(c->type), "%s%d", one_in(g, 2) ?
		    "dm" : "ct", rnd(g, g->ndoms));
		c->array = one_in(g, 4);
		goto array;
	}
	if (g->nenums > 0 && one_in(g, 8)) {
		c->enumi = rnd(g, g->nenums);
		c->cls = K_ENUM;
		snprintf(c->type, sizeof(c->type), "%s",
		    g->enums[c->enumi].name);
		c->array = one_in(g, 3);
		goto array;
	}
	ty = g->f & F_TYPES ? &types[rnd(g, NTYPES)] : &common[rnd(g, NCOMMON)];
	c->cls = ty->cls;
	c->len = c->cls == K_CHAR || c->cls == K_BIT ? 1 : 0;
	if (strncmp(ty->spell, "bpchar", 6) == 0)
		c->len = 0;
	switch (ty->mod) {
	case M_NONE:
		break;
	case M_LEN:
		if (one_in(g, 3))
			break;
		c->len = 1 + rnd(g, c->cls == K_BIT || c->cls == K_VARBIT ?
		    64 : 200);
		snprintf(mod, sizeof(mod), "(%d)", c->len);
		break;
	case M_NUM:
		p = 4 + rnd(g, 27);
		if (one_in(g, 3))
			break;
		if (one_in(g, 3))
			snprintf(mod, sizeof(mod), "(%d)", p);
		else
			snprintf(mod, sizeof(mod), one_in(g, 2) ? "(%d,%d)" :
			    "(%d, %d)", p, rnd(g, p - 1));
		break;
	case M_PREC:
		if (one_in(g, 2))
			snprintf(mod, sizeof(mod), "(%d)", rnd(g, 7));
		break;
	case M_FLOAT:
		if (!one_in(g, 3))
			snprintf(mod, sizeof(mod), "(%d)", 1 + rnd(g, 53));
		break;
	}
	if ((pct = strchr(ty->spell, '%')) != NULL)
		snprintf(c->type, sizeof(c->type), "%.*s%s%s",
		    (int)(pct - ty->spell), ty->spell, mod, pct + 1);
	else
		snprintf(c->type, sizeof(c->type), "%s", ty->spell);
	c->array = one_in(g, 6);
array:
	snprintf(c->fktype, sizeof(c->fktype), "%s", c->type);
	if (c->array) {
		p = rnd(g, 4);
		strncat(c->type, p == 0 ? "[][]" : p == 1 ? "[4]" : "[]",
		    sizeof(c->type) - strlen(c->type) - 1);
		snprintf(c->fktype, sizeof(c->fktype), "%s", c->type);
	}
}

static int
flags_of(const struct gcol *c)
{
	int	f = classes[c->cls].flags;

	if (c->array)
		return ((f & BT ? BT | GI : 0) | (f & HS ? HS : 0));
	return (f);
}

/* Pass one: table t's name, columns and primary key. */
static void
draw_table(struct gen *g, int i)
{
	struct gtable	*t = &g->t[i];
	struct gcol	*c;
	char		 tag[32];
	int		 j, n, len, v;

	snprintf(tag, sizeof(tag), "t%d", i);
	if (g->f & F_NAMES) {
		len = 1 + (i * 11) % 63;
		if (i % 4 == 3) {
			/* 58 bytes in common: their _pkey collide. */
			make_name(t->name, "t", 58);
			snprintf(t->name + 58, 6, "%.5s", tag);
		} else
			make_name(t->name, tag, len);
	} else
		snprintf(t->name, sizeof(t->name), "%s", tag);
	n = 2 + rnd(g, g->f & F_TYPES ? 12 : 6);
	/* The primary key's columns first. */
	v = g->f & F_KEYS ? rnd(g, 8) : 7;
	if (v < 7) {
		c = &t->cols[t->ncols];
		c->enumi = -1;
		snprintf(c->name, sizeof(c->name), "id");
		t->pk[t->npk++] = t->ncols++;
		c->pk = 1;
		t->pk_form = one_in(g, 4) ? 2 : 0;
		switch (v) {
		case 0:
		case 1:
			if (g->f & F_SEQS) {
				snprintf(c->type, sizeof(c->type), v ?
				    "bigserial" : "serial");
				snprintf(c->fktype, sizeof(c->fktype), v ?
				    "bigint" : "integer");
				c->serial = 1;
				break;
			}
			/* FALLTHROUGH */
		case 2:
			snprintf(c->type, sizeof(c->type), "bigint");
			snprintf(c->fktype, sizeof(c->fktype), "bigint");
			c->identity = g->f & F_SEQS ? 1 + rnd(g, 3) : 0;
			break;
		case 3:
			snprintf(c->type, sizeof(c->type), "uuid");
			snprintf(c->fktype, sizeof(c->fktype), "uuid");
			c->cls = K_UUID;
			break;
		case 4:
			snprintf(c->type, sizeof(c->type), "text");
			snprintf(c->fktype, sizeof(c->fktype), "text");
			c->cls = K_TEXT;
			break;
		default:	/* composite */
			snprintf(c->type, sizeof(c->type), "integer");
			snprintf(c->fktype, sizeof(c->fktype), "integer");
			c = &t->cols[t->ncols];
			c->enumi = -1;
			snprintf(c->name, sizeof(c->name), "line");
			snprintf(c->type, sizeof(c->type), "smallint");
			snprintf(c->fktype, sizeof(c->fktype), "smallint");
			c->pk = 1;
			t->pk[t->npk++] = t->ncols++;
			t->pk_form = 1 + rnd(g, 2);
			break;
		}
	}
	for (j = 0; j < n; j++) {
		c = &t->cols[t->ncols];
		c->enumi = -1;
		letters(tag, t->ncols);
		if (g->f & F_NAMES)
			make_name(c->name, tag, 1 + (i * 13 + j * 5) % 63);
		else
			snprintf(c->name, sizeof(c->name), "c%s", tag);
		if ((g->f & F_NAMES) && j % 7 == 3)
			snprintf(c->name, sizeof(c->name), "%s",
			    odd_names[(i + j) % NODD]);
		draw_type(g, c);
		c->nullable = one_in(g, 3);
		if ((g->f & F_SEQS) && one_in(g, 10)) {
			v = rnd(g, 6);
			snprintf(c->type, sizeof(c->type), "%s", (const char *[])
			    { "serial", "serial4", "bigserial", "serial8",
			    "smallserial", "serial2" }[v]);
			c->cls = K_INT;
			c->array = c->nullable = 0;
			c->enumi = -1;
			c->serial = 1;
		} else if ((g->f & F_SEQS) && one_in(g, 10)) {
			snprintf(c->type, sizeof(c->type), "%s", (const char *[])
			    { "smallint", "integer", "bigint" }[rnd(g, 3)]);
			c->cls = K_INT;
			c->array = c->nullable = 0;
			c->enumi = -1;
			c->identity = 1 + rnd(g, 3);
		}
		t->ncols++;
	}
	if ((g->f & F_NAMES) && i % 2 == 0) {
		/*
		 * Two long columns with 40 bytes in common: their generated
		 * key and index names collide once cut.  Only the first is
		 * serial: PostgreSQL chooses the sequence names of one CREATE
		 * TABLE before it creates any, so two that collide fail
		 * ("relation ... already exists"); sequence names collide
		 * across tables instead (the tables with 58 bytes in common).
		 */
		for (j = 0; j < 2; j++) {
			c = &t->cols[t->ncols++];
			c->enumi = -1;
			make_name(c->name, "long", 40);
			snprintf(c->name + 40, 24, "_%s_%d", j ? "second" :
			    "first", i);
			c->serial = j == 0 && (g->f & F_SEQS);
			snprintf(c->type, sizeof(c->type), "%s",
			    c->serial ? "bigserial" : "bigint");
			snprintf(c->fktype, sizeof(c->fktype), "bigint");
			c->cls = K_INT;
			c->pk = -1;	/* marks: unique and indexed */
		}
	}
	/* Foreign keys to an earlier table, or to itself. */
	if ((g->f & F_FKEYS) && i > 0)
		for (v = rnd(g, MAXFKS + 1); v > 0; v--) {
			const struct gtable	*r;
			struct gfk		*fk = &t->fks[t->nfks];

			fk->ref = one_in(g, 6) ? i : rnd(g, i);
			r = &g->t[fk->ref];
			if (r->npk == 0 || t->ncols + r->npk > MAXCOLS)
				continue;
			for (j = 0; j < r->npk; j++) {
				c = &t->cols[t->ncols];
				c->enumi = -1;
				snprintf(tag, sizeof(tag), "_%d_%d", t->nfks, j);
				if (g->f & F_NAMES) {
					make_name(c->name, "ref", 63 -
					    (int)strlen(tag));
					strcat(c->name, tag);
				} else
					snprintf(c->name, sizeof(c->name),
					    "r%s", tag);
				snprintf(c->type, sizeof(c->type), "%s",
				    r->cols[r->pk[j]].fktype);
				memcpy(c->fktype, c->type, sizeof(c->fktype));
				c->cls = r->cols[r->pk[j]].cls;
				c->nullable = one_in(g, 2);
				fk->cols[fk->n++] = t->ncols++;
			}
			t->nfks++;
		}
}

static void
stats_comment(struct gen *g, int ind)
{
	kv(g, ind, "comment", comments[rnd(g, NCOMMENTS)]);
	g->st->comments++;
}

/*
 * The list key (grants, sequence_grants) at indent ind; kinds: 't' table,
 * 's' sequence, 'n' schema, 'e' enum.
 */
static void
grants(struct gen *g, int ind, const char *key, int kind,
    const struct gtable *t)
{
	static const char *const roles[] = { "auth_svc", "billing_svc",
		"public" };
	static const char *const tpriv[] = { "SELECT", "INSERT", "UPDATE",
		"DELETE", "TRUNCATE", "REFERENCES", "TRIGGER" };
	static const char *const spriv[] = { "SELECT", "UPDATE", "USAGE" };
	int	r, k, n, cols[3];

	vbuf_appendf(g->out, "%*s%s:\n", ind, "", key);
	for (r = 0; r < 3; r++) {
		if (r > 0 && one_in(g, 2))
			continue;
		vbuf_appendf(g->out, "%*s- to: %s\n", ind + 2, "", roles[r]);
		g->st->grants++;
		if (kind == 'e')
			vbuf_appendf(g->out, "%*sprivileges: [USAGE]\n",
			    ind + 4, "");
		else if (kind == 'n')
			vbuf_appendf(g->out, "%*sprivileges: [%s]\n", ind + 4,
			    "", one_in(g, 2) ? "USAGE" : "usage, CREATE");
		else if (one_in(g, 4))
			vbuf_appendf(g->out, "%*sprivileges: ALL\n", ind + 4, "");
		else {
			vbuf_appendf(g->out, "%*sprivileges: [", ind + 4, "");
			n = 1 + rnd(g, kind == 's' ? 3 : 4);
			for (k = 0; k < n; k++)
				vbuf_appendf(g->out, "%s%s", k ? ", " : "",
				    kind == 's' ? spriv[(r + k) % 3] :
				    tpriv[(r * 2 + k) % 7]);
			vbuf_puts(g->out, "]\n");
		}
		if (r < 2 && one_in(g, 3))
			vbuf_appendf(g->out, "%*swith_grant_option: true\n",
			    ind + 4, "");
	}
	if (kind == 't' && t->ncols >= 2 && one_in(g, 2)) {
		/* A column grant. */
		vbuf_appendf(g->out, "%*s- to: billing_svc\n", ind + 2, "");
		vbuf_appendf(g->out, "%*sprivileges: [SELECT, UPDATE]\n",
		    ind + 4, "");
		cols[0] = 0;
		cols[1] = t->ncols - 1;
		vbuf_appendf(g->out, "%*scolumns: ", ind + 4, "");
		name_list(g, t, cols, 2);
		g->st->grants++;
	}
}

/* A default literal of column c: SQL, or NULL when none fits. */
static const char *
draw_default(struct gen *g, const struct gcol *c, char *buf, size_t len)
{
	const char *const	*v;
	int			 n, k;

	if (c->nullable && one_in(g, 8))
		return ("NULL");
	if (c->array) {
		if (c->cls == K_INT && one_in(g, 2))
			return ("'{1,2,3}'");
		if (c->cls == K_TEXT && one_in(g, 2))
			return ("'{a,\"b c\",it''s}'");
		return ("'{}'");
	}
	if (c->cls == K_ENUM) {
		snprintf(buf, len, "'");
		for (v = &labels[g->enums[c->enumi].labels[rnd(g,
		    g->enums[c->enumi].nlabels)]], k = 0; (*v)[k]; k++)
			snprintf(buf + strlen(buf), len - strlen(buf), "%s",
			    (*v)[k] == '\'' ? "''" : (char[2]){ (*v)[k], 0 });
		strncat(buf, "'", len - strlen(buf) - 1);
		return (buf);
	}
	if (c->cls == K_BIT || c->cls == K_VARBIT) {
		n = c->cls == K_BIT ? (c->len ? c->len : 1) :
		    rnd(g, (c->len ? c->len : 8) + 1);
		snprintf(buf, len, "B'");
		for (k = 0; k < n; k++)
			strncat(buf, one_in(g, 2) ? "1" : "0",
			    len - strlen(buf) - 1);
		strncat(buf, "'", len - strlen(buf) - 1);
		return (buf);
	}
	if (c->cls == K_TEXT || c->cls == K_VARCHAR || c->cls == K_CHAR) {
		for (k = 0; k < 10; k++) {
			const char *d = text_defaults[rnd(g, 7)];

			/* Fits in the length (quotes and escapes count
			 * more than they hold: good enough). */
			if (c->len == 0 || (int)strlen(d) - 2 <= c->len)
				return (d);
		}
		return ("''");
	}
	v = classes[c->cls].defaults;
	for (n = 0; n < NV && v[n] != NULL; n++)
		;
	return (n == 0 ? NULL : v[rnd(g, n)]);
}

/* A check expression on column c into b ('`' replaced). */
static int
draw_check(struct gen *g, const struct gcol *c, struct vbuf *b)
{
	const char *const	*v;
	const char		*e, *p;
	struct vbuf		 col;
	int			 n, k;

	vbuf_init(&col);
	if (one_in(g, 3)) {	/* quoted even when it need not be */
		vbuf_putc(&col, '"');
		for (p = c->name; *p; p++)
			vbuf_puts(&col, *p == '"' ? "\"\"" : (char[2]){ *p, 0 });
		vbuf_putc(&col, '"');
	} else
		vf_quote_ident(&col, c->name);
	if (c->array)
		e = array_checks[rnd(g, 4)];
	else if (c->cls == K_ENUM) {
		e = NULL;
		vbuf_appendf(b, "%s <> ", col.data);
		vf_quote_literal(b, labels[g->enums[c->enumi].labels[0]]);
		if (one_in(g, 2)) {
			vbuf_appendf(b, " OR %s IS NULL", col.data);
		}
	} else {
		v = c->cls == K_TEXT || c->cls == K_VARCHAR ||
		    c->cls == K_CHAR ? text_checks :
		    c->cls == K_DATE || c->cls == K_TS || c->cls == K_TSTZ ?
		    time_checks : classes[c->cls].checks;
		for (n = 0; n < NV && v[n] != NULL; n++)
			;
		e = n == 0 ? "` IS NOT NULL" : v[rnd(g, n)];
	}
	for (p = e; p != NULL && *p; p++) {
		if (*p == '`')
			vbuf_puts(b, col.data);
		else
			vbuf_putc(b, *p);
	}
	k = b->len > 0;
	vbuf_free(&col);
	return (k);
}

/* An explicit name of every length from 1 to 63, unique in the schema. */
static void
explicit_name(struct gen *g, char *dst, const char *suffix)
{
	char	tag[32];

	snprintf(tag, sizeof(tag), "n%d%s", g->nnames, suffix);
	make_name(dst, tag, g->f & F_NAMES ? 1 + (g->nnames * 7) % 63 : 0);
	g->nnames++;
}

/* The columns of t with all of flags fl, into v; how many. */
static int
pick(const struct gtable *t, int fl, int *v)
{
	int	j, n = 0;

	for (j = 0; j < t->ncols; j++)
		if ((flags_of(&t->cols[j]) & fl) == fl)
			v[n++] = j;
	return (n);
}

static void
identity_opts(struct gen *g, const struct gcol *c, int ind)
{
	int	desc = one_in(g, 3), lo, hi;

	vbuf_appendf(g->out, "%*sidentity:\n", ind, "");
	vbuf_appendf(g->out, "%*skind: %s\n", ind + 2, "",
	    c->identity == 1 ? "always" : "by default");
	lo = 1 + rnd(g, 100);
	hi = lo + 100 + rnd(g, 20000);
	if (desc) {
		vbuf_appendf(g->out, "%*sincrement: -%d\n", ind + 2, "",
		    1 + rnd(g, 50));
		vbuf_appendf(g->out, "%*smin: -%d\n", ind + 2, "", hi);
		vbuf_appendf(g->out, "%*smax: -%d\n", ind + 2, "", lo);
	} else {
		vbuf_appendf(g->out, "%*sstart: %d\n", ind + 2, "",
		    lo + rnd(g, 100));
		if (one_in(g, 2))
			vbuf_appendf(g->out, "%*sincrement: %d\n", ind + 2, "",
			    1 + rnd(g, 50));
		vbuf_appendf(g->out, "%*smin: %d\n", ind + 2, "", lo);
		if (one_in(g, 2))
			vbuf_appendf(g->out, "%*smax: %d\n", ind + 2, "", hi);
	}
	if (one_in(g, 2))
		vbuf_appendf(g->out, "%*scache: %d\n", ind + 2, "",
		    1 + rnd(g, 30));
	if (one_in(g, 3))
		vbuf_appendf(g->out, "%*scycle: true\n", ind + 2, "");
}

static void
write_column(struct gen *g, const struct gtable *t, int j)
{
	const struct gcol	*c = &t->cols[j];
	struct vbuf		*o = g->out;
	const char		*d;
	char			 buf[128];

	g->st->columns++;
	vbuf_puts(o, "      ");
	yq(o, c->name);
	vbuf_puts(o, ":");
	if (!c->nullable && !c->identity && !c->pk &&
	    !((g->f & (F_DEFAULTS | F_COMMENTS)) && one_in(g, 2))) {
		vbuf_putc(o, ' ');
		yq(o, c->type);
		vbuf_putc(o, '\n');
		return;
	}
	vbuf_putc(o, '\n');
	kv(g, 8, "type", c->type);
	if (c->nullable)
		vbuf_puts(o, "        nullable: true\n");
	if ((g->f & F_STORAGE) && (c->cls == K_TEXT || c->cls == K_VARCHAR ||
	    c->cls == K_CHAR) && one_in(g, 2))
		vbuf_appendf(o, "        collation: %s\n", one_in(g, 2) ? "C" :
		    "POSIX");
	if (c->identity) {
		if (one_in(g, 2))
			vbuf_appendf(o, "        identity: %s\n",
			    c->identity == 1 ? "always" : "by default");
		else
			identity_opts(g, c, 8);
		g->st->sequences++;
	}
	if (c->serial)
		g->st->sequences++;
	if ((g->f & F_DEFAULTS) && !c->identity && !c->serial &&
	    !one_in(g, 4) && (d = draw_default(g, c, buf, sizeof(buf))) !=
	    NULL) {
		kv(g, 8, "default", d);
		g->st->defaults++;
	} else if ((g->f & F_DEFAULTS) && g->nseqs > 0 && c->cls == K_INT &&
	    !c->array && !c->identity && !c->serial && one_in(g, 3)) {
		snprintf(buf, sizeof(buf), "nextval('s%d')", rnd(g, g->nseqs));
		kv(g, 8, "default", buf);
		g->st->defaults++;
	}
	if (c->pk == 1 && t->npk == 1 && t->pk_form == 0) {
		vbuf_puts(o, "        primary_key: true\n");
		g->st->keys++;
	}
	if (((c->pk == -1 && (g->f & F_KEYS)) || ((g->f & F_KEYS) &&
	    c->pk == 0 && (flags_of(c) & BT) && one_in(g, 8)))) {
		vbuf_puts(o, "        unique: true\n");
		g->st->keys++;
	}
	if ((g->f & F_COMMENTS) && one_in(g, 2))
		stats_comment(g, 8);
	if ((g->f & F_GRANTS) && (c->serial || c->identity) && one_in(g, 2)) {
		grants(g, 8, "sequence_grants", 's', t);
	}
}

static void
write_keys(struct gen *g, const struct gtable *t)
{
	struct vbuf	*o = g->out;
	char		 name[64];
	int		 v[MAXCOLS], n, k, cols[3];

	if (t->npk > 0 && t->pk_form == 1) {
		vbuf_puts(o, "    primary_key: ");
		name_list(g, t, t->pk, t->npk);
		g->st->keys++;
	} else if (t->npk > 0 && t->pk_form == 2) {
		vbuf_puts(o, "    primary_key:\n");
		explicit_name(g, name, "_pk");
		kv(g, 6, "name", name);
		vbuf_puts(o, "      columns: ");
		name_list(g, t, t->pk, t->npk);
		if ((g->f & F_COMMENTS) && one_in(g, 2))
			stats_comment(g, 6);
		g->st->keys++;
	}
	n = pick(t, BT, v);
	if (n == 0 || one_in(g, 3))
		return;
	vbuf_puts(o, "    unique:\n");
	for (k = 1 + rnd(g, 3); k > 0; k--) {
		cols[0] = v[rnd(g, n)];
		cols[1] = v[rnd(g, n)];
		if (one_in(g, 3)) {
			explicit_name(g, name, "_uq");
			vbuf_puts(o, "      - name: ");
			yq(o, name);
			vbuf_puts(o, "\n        columns: ");
		} else
			vbuf_puts(o, "      - columns: ");
		name_list(g, t, cols, cols[0] == cols[1] ? 1 : 2);
		if (one_in(g, 5))
			vbuf_puts(o, "        deferrable: true\n");
		else if (one_in(g, 5))
			vbuf_puts(o, "        nulls_not_distinct: true\n");
		if ((g->f & F_COMMENTS) && one_in(g, 3))
			stats_comment(g, 8);
		g->st->keys++;
	}
}

static void
write_fks(struct gen *g, const struct gtable *t)
{
	struct vbuf		*o = g->out;
	const struct gtable	*r;
	const struct gfk	*fk;
	char			 name[64];
	int			 k, a;

	if (t->nfks == 0)
		return;
	vbuf_puts(o, "    foreign_keys:\n");
	for (k = 0; k < t->nfks; k++) {
		fk = &t->fks[k];
		r = &g->t[fk->ref];
		if (one_in(g, 4)) {
			explicit_name(g, name, "_fk");
			vbuf_puts(o, "      - name: ");
			yq(o, name);
			vbuf_puts(o, "\n        columns: ");
		} else
			vbuf_puts(o, "      - columns: ");
		name_list(g, t, fk->cols, fk->n);
		vbuf_puts(o, "        references:\n");
		kv(g, 10, "table", r->name);
		if (one_in(g, 2)) {
			vbuf_puts(o, "          columns: ");
			name_list(g, r, r->pk, r->npk);
		}
		if ((a = rnd(g, 7)) < 5)
			vbuf_appendf(o, "        on_delete: %s\n", actions[a]);
		if ((a = rnd(g, 7)) < 5)
			vbuf_appendf(o, "        on_update: %s\n", actions[a]);
		if (one_in(g, 4)) {
			vbuf_puts(o, "        deferrable: true\n");
			if (one_in(g, 2))
				vbuf_puts(o, "        initially_deferred: true\n");
		}
		if (one_in(g, 8))
			vbuf_puts(o, "        validated: false\n");
		if ((g->f & F_COMMENTS) && one_in(g, 3))
			stats_comment(g, 8);
		g->st->foreign_keys++;
	}
}

static void
write_checks(struct gen *g, const struct gtable *t)
{
	struct vbuf	*o = g->out, e;
	char		 name[64];
	int		 k, v[MAXCOLS], n, ints;

	vbuf_puts(o, "    checks:\n");
	vbuf_init(&e);
	for (k = 1 + rnd(g, 4); k > 0; k--) {
		vbuf_reset(&e);
		ints = 0;
		for (n = 0; n < t->ncols; n++)
			if (t->cols[n].cls == K_INT && !t->cols[n].array &&
			    t->cols[n].enumi == -1)
				v[ints++] = n;
		if (ints >= 2 && one_in(g, 5)) {
			/* Two columns: named <table>_check. */
			vf_quote_ident(&e, t->cols[v[0]].name);
			vbuf_puts(&e, one_in(g, 2) ? " <= " : " <> ");
			vf_quote_ident(&e, t->cols[v[ints - 1]].name);
		} else
			draw_check(g, &t->cols[rnd(g, t->ncols)], &e);
		if (one_in(g, 3)) {
			explicit_name(g, name, "_ck");
			vbuf_puts(o, "      - name: ");
			yq(o, name);
			vbuf_puts(o, "\n        expression: ");
		} else
			vbuf_puts(o, "      - expression: ");
		yq(o, e.data);
		vbuf_putc(o, '\n');
		if (one_in(g, 10))
			vbuf_puts(o, "        validated: false\n");
		if ((g->f & F_COMMENTS) && one_in(g, 4))
			stats_comment(g, 8);
		g->st->checks++;
	}
	vbuf_free(&e);
}

/* One index key: a bare name, or a mapping with desc / nulls. */
static void
index_key(struct gen *g, const struct gtable *t, int col, int btree)
{
	struct vbuf	*o = g->out;
	int		 d = btree && one_in(g, 3), nl = btree ? rnd(g, 4) : 0;

	if (!d && nl < 2) {
		vbuf_puts(o, "          - ");
		yq(o, t->cols[col].name);
		vbuf_putc(o, '\n');
		return;
	}
	vbuf_puts(o, "          - column: ");
	yq(o, t->cols[col].name);
	vbuf_putc(o, '\n');
	if (d)
		vbuf_puts(o, "            desc: true\n");
	if (nl >= 2)
		vbuf_appendf(o, "            nulls: %s\n", nl == 2 ? "first" :
		    "last");
}

static void
write_indexes(struct gen *g, const struct gtable *t)
{
	struct vbuf	*o = g->out;
	char		 name[64];
	struct vbuf	 e;
	size_t		 mark = o->len;
	int		 v[MAXCOLS], keys[3], n, k, j, m, kind, fl, any = 0;

	vbuf_init(&e);
	vbuf_puts(o, "    indexes:\n");
	for (j = 0; j < t->ncols; j++)	/* colliding names */
		if (t->cols[j].pk == -1) {
			vbuf_puts(o, "      - columns: ");
			name_list(g, t, &j, 1);
			g->st->indexes++;
			any = 1;
		}
	for (k = g->f & F_INDEXES ? 1 + rnd(g, 4) : 0; k > 0; k--) {
		kind = rnd(g, 8);	/* 0-3 btree, hash, gin, brin, expr */
		fl = kind == 4 ? HS : kind == 5 ? GI : kind == 6 ? BR : BT;
		if (kind == 5) {	/* gin: arrays, jsonb, tsvector */
			n = 0;
			for (j = 0; j < t->ncols; j++)
				if ((flags_of(&t->cols[j]) & GI) &&
				    (t->cols[j].array ||
				    t->cols[j].cls == K_JSONB ||
				    t->cols[j].cls == K_TSVECTOR))
					v[n++] = j;
		} else
			n = pick(t, fl, v);
		if (kind == 7) {	/* an expression the server prints */
			for (n = 0, j = 0; j < t->ncols; j++)
				if (t->cols[j].cls == K_TEXT && !t->cols[j].array)
					v[n++] = j;
		}
		if (n == 0)
			continue;
		vbuf_puts(o, "      - ");
		if (one_in(g, 3)) {
			explicit_name(g, name, "_ix");
			vbuf_puts(o, "name: ");
			yq(o, name);
			vbuf_puts(o, "\n        ");
		}
		if (kind <= 3 && one_in(g, 3))
			vbuf_puts(o, "unique: true\n        ");
		if (kind >= 4 && kind <= 6)
			vbuf_appendf(o, "method: %s\n        ", kind == 4 ?
			    "hash" : kind == 5 ? "gin" : "brin");
		vbuf_puts(o, "columns:\n");
		if (kind == 7) {
			vbuf_reset(&e);
			vbuf_puts(&e, "lower(");
			vf_quote_ident(&e, t->cols[v[rnd(g, n)]].name);
			vbuf_putc(&e, ')');
			kv(g, 12, "- expression", e.data);
		} else {
			m = kind <= 3 || kind == 6 ? 1 + rnd(g, 3) : 1;
			for (j = 0; j < m; j++) {
				keys[j] = v[(j * 7 + k) % n];
				index_key(g, t, keys[j], kind <= 3);
			}
			/* A column not among the keys, as INCLUDE wants. */
			j = rnd(g, t->ncols);
			if (kind <= 3 && one_in(g, 3) && j != keys[0] &&
			    (m < 2 || j != keys[1]) && (m < 3 || j != keys[2])) {
				vbuf_puts(o, "        include: ");
				name_list(g, t, &j, 1);
			}
		}
		if ((kind == 7 || kind <= 1) && one_in(g, 4)) {
			vbuf_reset(&e);
			vf_quote_ident(&e, t->cols[v[0]].name);
			vbuf_puts(&e, " IS NOT NULL");
			kv(g, 8, "where", e.data);
		}
		if ((g->f & F_STORAGE) && kind <= 3 && one_in(g, 3))
			vbuf_appendf(o, "        with: {fillfactor: %d}\n",
			    60 + rnd(g, 41));
		if ((g->f & F_COMMENTS) && one_in(g, 3))
			stats_comment(g, 8);
		g->st->indexes++;
		any = 1;
	}
	vbuf_free(&e);
	if (!any) {	/* no column fits: no indexes: key */
		o->len = mark;
		o->data[mark] = '\0';
	}
}

static void
write_table(struct gen *g, const struct gtable *t)
{
	struct vbuf	*o = g->out;
	int		 j;

	vbuf_puts(o, "  ");
	yq(o, t->name);
	vbuf_puts(o, ":\n");
	g->st->tables++;
	if ((g->f & F_COMMENTS) && !one_in(g, 3))
		stats_comment(g, 4);
	/* A permanent table's foreign key cannot reach an unlogged one. */
	if ((g->f & F_STORAGE) && !(g->f & F_FKEYS) && one_in(g, 3))
		vbuf_puts(o, "    unlogged: true\n");
	if ((g->f & F_STORAGE) && one_in(g, 2)) {
		vbuf_appendf(o, "    with:\n      fillfactor: %d\n",
		    50 + rnd(g, 51));
		if (one_in(g, 2))
			vbuf_appendf(o, "      autovacuum_enabled: %s\n",
			    one_in(g, 2) ? "false" : "true");
		if (one_in(g, 3))
			vbuf_puts(o, "      toast.autovacuum_enabled: false\n");
	}
	vbuf_puts(o, "    columns:\n");
	for (j = 0; j < t->ncols; j++)
		write_column(g, t, j);
	if (g->f & F_KEYS)
		write_keys(g, t);
	write_fks(g, t);
	if ((g->f & F_CHECKS) && !one_in(g, 4))
		write_checks(g, t);
	if ((g->f & F_INDEXES) || (g->f & F_NAMES))
		write_indexes(g, t);
	if ((g->f & F_GRANTS) && !one_in(g, 3))
		grants(g, 4, "grants", 't', t);
}

static void
write_enums(struct gen *g)
{
	struct vbuf	*o = g->out;
	struct genum	*e;
	int		 i, k;

	vbuf_puts(o, "enums:\n");
	for (i = 0; i < g->nenums; i++) {
		e = &g->enums[i];
		vbuf_puts(o, "  ");
		yq(o, e->name);
		if ((g->f & (F_COMMENTS | F_GRANTS)) && one_in(g, 2)) {
			vbuf_puts(o, ":\n    values: [");
			for (k = 0; k < e->nlabels; k++) {
				vbuf_puts(o, k ? ", " : "");
				yq(o, labels[e->labels[k]]);
			}
			vbuf_puts(o, "]\n");
			if (g->f & F_COMMENTS)
				stats_comment(g, 4);
			if (g->f & F_GRANTS)
				grants(g, 4, "grants", 'e', NULL);
		} else {
			vbuf_puts(o, ": [");
			for (k = 0; k < e->nlabels; k++) {
				vbuf_puts(o, k ? ", " : "");
				yq(o, labels[e->labels[k]]);
			}
			vbuf_puts(o, "]\n");
		}
		g->st->enums++;
	}
}

/* Domains dm0.. (over built-in types, or the previous domain) and
 * composite types ct0.. (whose attributes may use the domains). */
static void
write_domains(struct gen *g)
{
	static const char *const base[] = { "integer", "text", "varchar(20)",
		"numeric(10,2)", "bigint" };
	struct vbuf	*o = g->out;
	int		 i, b, k;

	vbuf_puts(o, "domains:\n");
	for (i = 0; i < g->ndoms; i++) {
		g->st->enums++;		/* types: counted with the enums */
		b = i > 0 && one_in(g, 4) ? -1 : rnd(g, 5);
		if (b >= 0 && one_in(g, 4)) {
			vbuf_appendf(o, "  dm%d: \"%s\"\n", i, base[b]);
			continue;
		}
		vbuf_appendf(o, "  dm%d:\n", i);
		if (b < 0)
			vbuf_appendf(o, "    type: dm%d\n", i - 1);
		else
			vbuf_appendf(o, "    type: \"%s\"\n", base[b]);
		if (b >= 0 && one_in(g, 2)) {
			kv(g, 4, "default", b == 1 || b == 2 ? "'x'" : "0");
			g->st->defaults++;
		}
		if (one_in(g, 3))
			vbuf_puts(o, "    not_null: true\n");
		if ((b == 1 || b == 2) && one_in(g, 3))
			vbuf_puts(o, "    collation: C\n");
		if (one_in(g, 2)) {
			vbuf_puts(o, "    checks:\n");
			for (k = 1 + rnd(g, 2); k > 0; k--) {
				if (k == 2)
					vbuf_appendf(o, "      - name: dm%d_n%d\n"
					    "        expression: ", i, k);
				else
					vbuf_puts(o, "      - expression: ");
				yq(o, b < 0 ? "VALUE IS NOT NULL" : b == 1 ||
				    b == 2 ? "length(VALUE) < 100" :
				    one_in(g, 2) ? "VALUE >= 0" :
				    "VALUE BETWEEN -5 AND 100000");
				vbuf_putc(o, '\n');
				g->st->checks++;
			}
		}
		if ((g->f & F_COMMENTS) && one_in(g, 2))
			stats_comment(g, 4);
	}
	vbuf_puts(o, "composite_types:\n");
	for (i = 0; i < g->ndoms; i++) {
		g->st->enums++;
		vbuf_appendf(o, "  ct%d:\n", i);
		if ((g->f & F_COMMENTS) && one_in(g, 2))
			stats_comment(g, 4);
		if (one_in(g, 6)) {
			vbuf_puts(o, "    attributes: {}\n");
			continue;
		}
		vbuf_puts(o, "    attributes:\n");
		vbuf_puts(o, "      a: integer\n");
		if (one_in(g, 2))
			vbuf_puts(o, "      \"B c\": \"numeric(8,2)\"\n");
		vbuf_appendf(o, "      d: %s\n", one_in(g, 2) ? "text" : "dm0");
		if (i > 0 && one_in(g, 2))
			vbuf_appendf(o, "      nested: ct%d\n", i - 1);
		if (one_in(g, 3))
			vbuf_puts(o, "      arr: \"dm0[]\"\n");
	}
}

static void
write_sequences(struct gen *g)
{
	static const char *const sty[] = { "smallint", "integer", "bigint" };
	struct vbuf	*o = g->out;
	struct gcol	*c;
	int		 i, j, lo, hi, tries;

	vbuf_puts(o, "sequences:\n");
	for (i = 0; i < g->nseqs; i++) {
		vbuf_appendf(o, "  s%d:", i);
		g->st->sequences++;
		if (one_in(g, 5)) {
			vbuf_puts(o, " {}\n");
			continue;
		}
		vbuf_putc(o, '\n');
		if (!one_in(g, 3))
			vbuf_appendf(o, "    type: %s\n", sty[rnd(g, 3)]);
		lo = 1 + rnd(g, 100);
		hi = lo + 100 + rnd(g, 20000);
		if (one_in(g, 3)) {
			vbuf_appendf(o, "    increment: -%d\n", 1 + rnd(g, 9));
			if (one_in(g, 2)) {
				vbuf_appendf(o, "    min: -%d\n", hi);
				vbuf_appendf(o, "    max: -%d\n", lo);
				vbuf_appendf(o, "    start: -%d\n", lo + 50);
			}
		} else {
			vbuf_appendf(o, "    start: %d\n", lo + rnd(g, 100));
			vbuf_appendf(o, "    increment: %d\n", 1 + rnd(g, 9));
			vbuf_appendf(o, "    min: %d\n", lo);
			vbuf_appendf(o, "    max: %d\n", hi);
		}
		if (one_in(g, 2))
			vbuf_appendf(o, "    cache: %d\n", 1 + rnd(g, 20));
		if (one_in(g, 3))
			vbuf_puts(o, "    cycle: true\n");
		/* Owned by a plain column of some table. */
		for (tries = 0; tries < 4 && one_in(g, 2); tries++) {
			struct gtable *t = &g->t[rnd(g, g->nt)];

			j = rnd(g, t->ncols);
			c = &t->cols[j];
			if (c->serial || c->identity || c->owned)
				continue;
			c->owned = 1;
			vbuf_puts(o, "    owned_by: ");
			{
				char	ob[160];

				snprintf(ob, sizeof(ob), "%s.%s", t->name,
				    c->name);
				yq(o, ob);
			}
			vbuf_putc(o, '\n');
			break;
		}
		if ((g->f & F_COMMENTS) && one_in(g, 2))
			stats_comment(g, 4);
		if ((g->f & F_GRANTS) && one_in(g, 2))
			grants(g, 4, "grants", 's', NULL);
	}
}

void
gen_model(struct vbuf *out, const char *schema, uint64_t seed, int ntables,
    enum gen_kind kind, struct gen_stats *st)
{
	struct gen_stats	 own;
	struct gen		 g;
	char			 tag[16];
	int			 i, k, l;

	memset(&g, 0, sizeof(g));
	g.s = seed ^ ((uint64_t)kind << 56);
	g.f = kind_flags[kind];
	g.out = out;
	g.st = st != NULL ? st : &own;
	memset(g.st, 0, sizeof(*g.st));
	g.nt = ntables < 1 ? 1 : ntables;
	g.t = xcalloc((size_t)g.nt, sizeof(*g.t));
	if (g.f & F_ENUMS) {
		g.nenums = 1 + rnd(&g, MAXENUMS);
		for (i = 0; i < g.nenums; i++) {
			snprintf(tag, sizeof(tag), "e%d", i);
			make_name(g.enums[i].name, tag, g.f & F_NAMES ?
			    1 + rnd(&g, 63) : 0);
			g.enums[i].nlabels = 1 + rnd(&g, 6);
			for (k = 0, l = rnd(&g, (int)NLABELS);
			    k < g.enums[i].nlabels; k++)
				g.enums[i].labels[k] = (l + k * 5) %
				    (int)NLABELS;
		}
	}
	if (g.f & F_SEQS)
		g.nseqs = 1 + g.nt / 4;
	if (g.f & F_DOMAINS)
		g.ndoms = 1 + rnd(&g, MAXDOMS);
	for (i = 0; i < g.nt; i++)
		draw_table(&g, i);

	vbuf_appendf(out, "# generated by gen_models: seed %llu, %d tables, "
	    "kind %s\nschema: ", (unsigned long long)seed, g.nt,
	    gen_kind_names[kind]);
	yq(out, schema);
	vbuf_putc(out, '\n');
	if (g.f & F_GRANTS) {
		grants(&g, 0, "grants", 'n', NULL);
	}
	if (g.nenums > 0)
		write_enums(&g);
	if (g.ndoms > 0)
		write_domains(&g);
	if (g.nseqs > 0)
		write_sequences(&g);
	vbuf_puts(out, "tables:\n");
	for (i = 0; i < g.nt; i++)
		write_table(&g, &g.t[i]);
	free(g.t);
}
