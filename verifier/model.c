/*
 * model.c: the YAML model of one schema (docs/models.md).  Loads a file
 * with libyaml's document API into struct model, checks it (keys, types,
 * references, expressions through PostgreSQL's own parser), gives every
 * unnamed constraint and index the name PostgreSQL would give it, and
 * renders the model as CREATE DDL.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <yaml.h>

#include "model.h"

/* ------------------------------------------------------------------ */
/* A small JSON reader for libpg_query's parse trees.                  */

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jnode {
	enum jtype	  type;
	char		 *str;		/* J_STR value; J_NUM/J_BOOL text */
	char		**keys;		/* J_OBJ: one key per kid */
	struct jnode	**kids;
	size_t		  n;
};

#define JSON_MAX_DEPTH	2000

static void
json_free(struct jnode *j)
{
	size_t	i;

	if (j == NULL)
		return;
	for (i = 0; i < j->n; i++) {
		if (j->keys != NULL)
			free(j->keys[i]);
		json_free(j->kids[i]);
	}
	free(j->keys);
	free(j->kids);
	free(j->str);
	free(j);
}

static void
json_ws(const char **p)
{
	while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
		(*p)++;
}

static void
utf8_put(struct vbuf *b, unsigned long cp)
{
	if (cp < 0x80)
		vbuf_putc(b, (char)cp);
	else if (cp < 0x800) {
		vbuf_putc(b, (char)(0xC0 | (cp >> 6)));
		vbuf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		vbuf_putc(b, (char)(0xE0 | (cp >> 12)));
		vbuf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		vbuf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		vbuf_putc(b, (char)(0xF0 | (cp >> 18)));
		vbuf_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
		vbuf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		vbuf_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

static int
json_hex4(const char *p, unsigned long *out)
{
	unsigned long	v = 0;
	int		i;

	for (i = 0; i < 4; i++) {
		if (!isxdigit((unsigned char)p[i]))
			return (-1);
		v = v * 16 + (unsigned long)(isdigit((unsigned char)p[i]) ?
		    p[i] - '0' : (tolower((unsigned char)p[i]) - 'a' + 10));
	}
	*out = v;
	return (0);
}

/* Reads a JSON string at *p (on the opening quote) into a new string. */
static char *
json_string(const char **p)
{
	struct vbuf	b;
	unsigned long	cp, lo;
	const char	*s = *p + 1;

	vbuf_init(&b);
	vbuf_puts(&b, "");
	for (;;) {
		if (*s == '\0')
			goto bad;
		if (*s == '"')
			break;
		if (*s != '\\') {
			vbuf_putc(&b, *s++);
			continue;
		}
		s++;
		switch (*s) {
		case 'n': vbuf_putc(&b, '\n'); s++; break;
		case 't': vbuf_putc(&b, '\t'); s++; break;
		case 'r': vbuf_putc(&b, '\r'); s++; break;
		case 'b': vbuf_putc(&b, '\b'); s++; break;
		case 'f': vbuf_putc(&b, '\f'); s++; break;
		case 'u':
			if (json_hex4(s + 1, &cp) == -1)
				goto bad;
			s += 5;
			if (cp >= 0xD800 && cp < 0xDC00 && s[0] == '\\' &&
			    s[1] == 'u' && json_hex4(s + 2, &lo) == 0 &&
			    lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				s += 6;
			}
			utf8_put(&b, cp);
			break;
		case '\0':
			goto bad;
		default:
			vbuf_putc(&b, *s++);
			break;
		}
	}
	*p = s + 1;
	return (vbuf_steal(&b));
bad:
	vbuf_free(&b);
	return (NULL);
}

static struct jnode *
json_value(const char **p, int depth)
{
	struct jnode	*j, *kid;
	char		*key;
	const char	*s;

	if (depth > JSON_MAX_DEPTH)
		return (NULL);
	json_ws(p);
	j = xcalloc(1, sizeof(*j));
	switch (**p) {
	case '{':
	case '[':
		j->type = **p == '{' ? J_OBJ : J_ARR;
		(*p)++;
		json_ws(p);
		if (**p == (j->type == J_OBJ ? '}' : ']')) {
			(*p)++;
			return (j);
		}
		for (;;) {
			key = NULL;
			if (j->type == J_OBJ) {
				json_ws(p);
				if (**p != '"' ||
				    (key = json_string(p)) == NULL)
					goto bad;
				json_ws(p);
				if (**p != ':') {
					free(key);
					goto bad;
				}
				(*p)++;
			}
			if ((kid = json_value(p, depth + 1)) == NULL) {
				free(key);
				goto bad;
			}
			j->kids = xrealloc(j->kids,
			    (j->n + 1) * sizeof(*j->kids));
			if (j->type == J_OBJ)
				j->keys = xrealloc(j->keys,
				    (j->n + 1) * sizeof(*j->keys));
			j->kids[j->n] = kid;
			if (j->type == J_OBJ)
				j->keys[j->n] = key;
			j->n++;
			json_ws(p);
			if (**p == ',') {
				(*p)++;
				continue;
			}
			if (**p == (j->type == J_OBJ ? '}' : ']')) {
				(*p)++;
				return (j);
			}
			goto bad;
		}
	case '"':
		j->type = J_STR;
		if ((j->str = json_string(p)) == NULL)
			goto bad;
		return (j);
	default:
		s = *p;
		while (**p != '\0' && strchr(",}] \n\t\r", **p) == NULL)
			(*p)++;
		if (*p == s)
			goto bad;
		j->str = xstrndup(s, (size_t)(*p - s));
		if (strcmp(j->str, "null") == 0)
			j->type = J_NULL;
		else if (strcmp(j->str, "true") == 0 ||
		    strcmp(j->str, "false") == 0)
			j->type = J_BOOL;
		else
			j->type = J_NUM;
		return (j);
	}
bad:
	json_free(j);
	return (NULL);
}

static struct jnode *
json_parse(const char *text)
{
	const char	*p = text;

	return (json_value(&p, 0));
}

/* The value of key in object j, or NULL. */
static const struct jnode *
jget(const struct jnode *j, const char *key)
{
	size_t	i;

	if (j == NULL || j->type != J_OBJ)
		return (NULL);
	for (i = 0; i < j->n; i++)
		if (strcmp(j->keys[i], key) == 0)
			return (j->kids[i]);
	return (NULL);
}

/* A node of the parse tree is {"NodeType": {...}}: its type and body. */
static const char *
jnode_tag(const struct jnode *j, const struct jnode **body)
{
	if (j == NULL || j->type != J_OBJ || j->n != 1)
		return (NULL);
	*body = j->kids[0];
	return (j->keys[0]);
}

/* The sval of the last {"String": {"sval": ...}} of a list, or NULL. */
static const char *
jlast_string(const struct jnode *list)
{
	const struct jnode	*body, *sval;
	const char		*tag;

	if (list == NULL || list->type != J_ARR || list->n == 0)
		return (NULL);
	tag = jnode_tag(list->kids[list->n - 1], &body);
	if (tag == NULL || strcmp(tag, "String") != 0)
		return (NULL);
	sval = jget(body, "sval");
	return (sval != NULL && sval->type == J_STR ? sval->str : NULL);
}

/* ------------------------------------------------------------------ */
/* SQL expressions, checked with PostgreSQL's scanner and parser.      */

/* Reads a protobuf varint; -1 at the end of the buffer. */
static int
pb_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	int	shift = 0;

	*v = 0;
	while (*p < end && shift < 64) {
		*v |= (uint64_t)(**p & 0x7F) << shift;
		if ((*(*p)++ & 0x80) == 0)
			return (0);
		shift += 7;
	}
	return (-1);
}

/* Tokens of pg_query.proto's Token enum that the checks below need. */
#define TOK_LPAREN	40
#define TOK_RPAREN	41
#define TOK_SEMICOLON	59
#define TOK_SQL_COMMENT	275

/* The 1-based character position of byte offset off in s. */
static int
char_pos(const char *s, size_t off)
{
	size_t	i;
	int	pos = 1;

	for (i = 0; i < off && s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			pos++;
	return (pos);
}

/*
 * Checks that expr's parentheses balance and that it holds no ';' and no
 * "--" comment, so that it stays one expression once wrapped in the
 * parentheses of CHECK (...), DEFAULT (...) or an index key.  Uses
 * pg_query_scan (a ScanResult protobuf message: field 2 holds ScanTokens
 * whose field 1 is the byte offset and field 4 the token).  0, or -1 with
 * msg set and *pos the 1-based character position in expr (0: unknown).
 */
static int
expr_scan(const char *expr, char *msg, size_t msglen, int *pos)
{
	PgQueryScanResult	 r;
	const unsigned char	*p, *end, *tend;
	uint64_t		 key, len, v, tok, start;
	int			 depth = 0, rc = -1;

	*pos = 0;
	r = pg_query_scan(expr);
	if (r.error != NULL) {
		snprintf(msg, msglen, "%s", r.error->message);
		*pos = r.error->cursorpos;
		goto done;
	}
	p = (const unsigned char *)r.pbuf.data;
	end = p + r.pbuf.len;
	while (p < end) {
		if (pb_varint(&p, end, &key) == -1)
			goto corrupt;
		if ((key & 7) == 0) {
			if (pb_varint(&p, end, &v) == -1)
				goto corrupt;
			continue;
		}
		if ((key & 7) != 2 || pb_varint(&p, end, &len) == -1 ||
		    len > (uint64_t)(end - p))
			goto corrupt;
		tend = p + len;
		if ((key >> 3) != 2) {
			p = tend;
			continue;
		}
		tok = start = 0;
		while (p < tend) {
			if (pb_varint(&p, tend, &key) == -1 || (key & 7) != 0 ||
			    pb_varint(&p, tend, &v) == -1)
				goto corrupt;
			if ((key >> 3) == 1)
				start = v;
			if ((key >> 3) == 4)
				tok = v;
		}
		if (start <= strlen(expr))
			*pos = char_pos(expr, (size_t)start);
		if (tok == TOK_LPAREN)
			depth++;
		else if (tok == TOK_RPAREN && --depth < 0) {
			snprintf(msg, msglen, "unbalanced \")\"");
			goto done;
		} else if (tok == TOK_SEMICOLON) {
			snprintf(msg, msglen, "\";\" is not allowed");
			goto done;
		} else if (tok == TOK_SQL_COMMENT) {
			snprintf(msg, msglen,
			    "\"--\" comments are not allowed");
			goto done;
		}
	}
	if (depth != 0) {
		snprintf(msg, msglen, "unbalanced \"(\"");
		*pos = 0;
		goto done;
	}
	rc = 0;
	*pos = 0;
	goto done;
corrupt:
	*pos = 0;
	snprintf(msg, msglen, "cannot read the scanner's tokens");
done:
	pg_query_free_scan_result(r);
	return (rc);
}

/*
 * Parses expr as one SQL expression.  On success *tree is the whole parse
 * tree (json_free() it) and *val the expression's node inside it.
 * -1 with msg set (PostgreSQL's message) when expr is not exactly one
 * expression, and *pos (when not NULL) the 1-based character position in
 * expr that the message is about, 0 when none.
 */
static int
expr_parse(const char *expr, struct jnode **tree, const struct jnode **val,
    char *msg, size_t msglen, int *pos)
{
	/* Characters of the "SELECT (" put in front of expr. */
	const int		 prefix = 8;
	int			 epos, nchars;
	PgQueryParseResult	 r;
	struct vbuf		 q;
	const struct jnode	*stmts, *body, *tl, *rt;
	const char		*tag;
	struct jnode		*j = NULL;
	size_t			 i;
	int			 rc = -1;

	*tree = NULL;
	*val = NULL;
	if (pos == NULL)
		pos = &epos;
	*pos = 0;
	if (expr_scan(expr, msg, msglen, pos) == -1)
		return (-1);
	vbuf_init(&q);
	vbuf_puts(&q, "SELECT (");
	vbuf_puts(&q, expr);
	vbuf_puts(&q, ")");
	r = pg_query_parse(q.data);
	if (r.error != NULL) {
		nchars = char_pos(expr, strlen(expr)) - 1;
		*pos = r.error->cursorpos - prefix;
		/* An error at the closing parenthesis we added. */
		if (*pos > nchars && strncmp(r.error->message,
		    "syntax error at or near", 23) == 0)
			snprintf(msg, msglen, "syntax error at end of "
			    "expression");
		else
			snprintf(msg, msglen, "%s", r.error->message);
		if (*pos < 1)
			*pos = 0;
		else if (*pos > nchars + 1)
			*pos = nchars + 1;
		goto done;
	}
	if ((j = json_parse(r.parse_tree)) == NULL) {
		snprintf(msg, msglen, "cannot read the parse tree");
		goto done;
	}
	stmts = jget(j, "stmts");
	if (stmts == NULL || stmts->type != J_ARR || stmts->n != 1)
		goto notone;
	tag = jnode_tag(jget(stmts->kids[0], "stmt"), &body);
	if (tag == NULL || strcmp(tag, "SelectStmt") != 0)
		goto notone;
	for (i = 0; i < body->n; i++)
		if (strcmp(body->keys[i], "targetList") != 0 &&
		    strcmp(body->keys[i], "limitOption") != 0 &&
		    strcmp(body->keys[i], "op") != 0)
			goto notone;
	tl = jget(body, "targetList");
	if (tl == NULL || tl->type != J_ARR || tl->n != 1)
		goto notone;
	tag = jnode_tag(tl->kids[0], &rt);
	if (tag == NULL || strcmp(tag, "ResTarget") != 0 ||
	    jget(rt, "val") == NULL)
		goto notone;
	*val = jget(rt, "val");
	*tree = j;
	j = NULL;
	rc = 0;
	goto done;
notone:
	snprintf(msg, msglen, "not one SQL expression");
done:
	json_free(j);
	pg_query_free_parse_result(r);
	vbuf_free(&q);
	return (rc);
}

/*
 * PostgreSQL's FigureColnameInternal() on a raw parse tree node: sets
 * *name and returns its strength (2 a real name, 1 a fallback, 0 none).
 */
static int
figure_colname(const struct jnode *node, const char **name)
{
	const struct jnode	*b, *f;
	const char		*tag, *s;
	int			 strength;

	if ((tag = jnode_tag(node, &b)) == NULL)
		return (0);
	if (strcmp(tag, "ColumnRef") == 0) {
		if ((s = jlast_string(jget(b, "fields"))) == NULL)
			return (0);
		*name = s;
		return (2);
	}
	if (strcmp(tag, "A_Indirection") == 0) {
		if ((s = jlast_string(jget(b, "indirection"))) != NULL) {
			*name = s;
			return (2);
		}
		return (figure_colname(jget(b, "arg"), name));
	}
	if (strcmp(tag, "FuncCall") == 0) {
		if ((s = jlast_string(jget(b, "funcname"))) == NULL)
			return (0);
		*name = s;
		return (2);
	}
	if (strcmp(tag, "A_Expr") == 0) {
		f = jget(b, "kind");
		if (f != NULL && f->type == J_STR &&
		    strcmp(f->str, "AEXPR_NULLIF") == 0) {
			*name = "nullif";
			return (2);
		}
		return (0);
	}
	if (strcmp(tag, "TypeCast") == 0) {
		strength = figure_colname(jget(b, "arg"), name);
		if (strength <= 1) {
			s = jlast_string(jget(jget(b, "typeName"), "names"));
			if (s == NULL)
				return (strength);
			*name = s;
			return (1);
		}
		return (strength);
	}
	if (strcmp(tag, "CollateClause") == 0)
		return (figure_colname(jget(b, "arg"), name));
	if (strcmp(tag, "GroupingFunc") == 0) {
		*name = "grouping";
		return (2);
	}
	if (strcmp(tag, "SubLink") == 0) {
		f = jget(b, "subLinkType");
		if (f != NULL && f->type == J_STR &&
		    strcmp(f->str, "EXISTS_SUBLINK") == 0) {
			*name = "exists";
			return (2);
		}
		if (f != NULL && f->type == J_STR &&
		    strcmp(f->str, "ARRAY_SUBLINK") == 0) {
			*name = "array";
			return (2);
		}
		return (0);
	}
	if (strcmp(tag, "CaseExpr") == 0) {
		*name = "case";
		return (1);
	}
	if (strcmp(tag, "A_ArrayExpr") == 0) {
		*name = "array";
		return (1);
	}
	if (strcmp(tag, "RowExpr") == 0) {
		*name = "row";
		return (1);
	}
	if (strcmp(tag, "CoalesceExpr") == 0) {
		*name = "coalesce";
		return (2);
	}
	if (strcmp(tag, "MinMaxExpr") == 0) {
		f = jget(b, "op");
		*name = f != NULL && f->type == J_STR &&
		    strcmp(f->str, "IS_LEAST") == 0 ? "least" : "greatest";
		return (2);
	}
	if (strcmp(tag, "SQLValueFunction") == 0) {
		static const struct {
			const char	*op;
			const char	*name;
		} svf[] = {
			{ "SVFOP_CURRENT_DATE", "current_date" },
			{ "SVFOP_CURRENT_TIME", "current_time" },
			{ "SVFOP_CURRENT_TIME_N", "current_time" },
			{ "SVFOP_CURRENT_TIMESTAMP", "current_timestamp" },
			{ "SVFOP_CURRENT_TIMESTAMP_N", "current_timestamp" },
			{ "SVFOP_LOCALTIME", "localtime" },
			{ "SVFOP_LOCALTIME_N", "localtime" },
			{ "SVFOP_LOCALTIMESTAMP", "localtimestamp" },
			{ "SVFOP_LOCALTIMESTAMP_N", "localtimestamp" },
			{ "SVFOP_CURRENT_ROLE", "current_role" },
			{ "SVFOP_CURRENT_USER", "current_user" },
			{ "SVFOP_USER", "user" },
			{ "SVFOP_SESSION_USER", "session_user" },
			{ "SVFOP_CURRENT_CATALOG", "current_catalog" },
			{ "SVFOP_CURRENT_SCHEMA", "current_schema" },
		};
		size_t	i;

		f = jget(b, "op");
		/* The first value of an enum is left out of the JSON. */
		*name = "current_date";
		if (f != NULL && f->type == J_STR)
			for (i = 0; i < sizeof(svf) / sizeof(svf[0]); i++)
				if (strcmp(f->str, svf[i].op) == 0)
					*name = svf[i].name;
		return (2);
	}
	if (strcmp(tag, "XmlSerialize") == 0) {
		*name = "xmlserialize";
		return (2);
	}
	return (0);
}

/*
 * Collects into names (distinct, at most max) the columns a parse tree
 * refers to, the way pull_var_clause() finds Vars: every ColumnRef's last
 * field.  Returns how many distinct names there are (may exceed max).
 */
static size_t
collect_colrefs(const struct jnode *j, const char **names, size_t n,
    size_t max)
{
	const struct jnode	*body;
	const char		*tag, *s;
	size_t			 i;

	if (j == NULL)
		return (n);
	tag = jnode_tag(j, &body);
	if (tag != NULL && strcmp(tag, "ColumnRef") == 0) {
		s = jlast_string(jget(body, "fields"));
		if (s == NULL)
			return (n);
		for (i = 0; i < n && i < max; i++)
			if (strcmp(names[i], s) == 0)
				return (n);
		if (n < max)
			names[n] = s;
		return (n + 1);
	}
	if (j->type == J_OBJ || j->type == J_ARR)
		for (i = 0; i < j->n; i++)
			n = collect_colrefs(j->kids[i], names, n, max);
	return (n);
}

int
model_expr_colname(const char *expr, char out[MODEL_NAME_MAX + 1])
{
	struct jnode		*tree;
	const struct jnode	*val;
	const char		*name = NULL;
	char			 msg[256];
	size_t			 n;

	if (expr_parse(expr, &tree, &val, msg, sizeof(msg), NULL) == -1) {
		snprintf(out, MODEL_NAME_MAX + 1, "expr");
		return (-1);
	}
	(void)figure_colname(val, &name);
	if (name == NULL)
		name = "expr";
	n = strlen(name);
	if (n > MODEL_NAME_MAX) {
		n = MODEL_NAME_MAX;
		while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, name, n);
	out[n] = '\0';
	json_free(tree);
	return (0);
}

/* ------------------------------------------------------------------ */
/* Names, the way PostgreSQL makes them.                               */

/* The longest prefix of s of at most max bytes that ends on a character. */
static size_t
clip_utf8(const char *s, size_t len, size_t max)
{
	size_t	n = len < max ? len : max;

	while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (n);
}

void
model_make_name(char out[MODEL_NAME_MAX + 1], const char *name1,
    const char *name2, const char *label)
{
	size_t	len1, len2 = 0, overhead = 0, avail, n1, n2, o = 0;

	len1 = strlen(name1);
	if (name2 != NULL) {
		len2 = strlen(name2);
		overhead++;
	}
	if (label != NULL)
		overhead += strlen(label) + 1;
	avail = MODEL_NAME_MAX > overhead ? MODEL_NAME_MAX - overhead : 0;
	n1 = len1;
	n2 = len2;
	/* Cut the longer part first, one byte at a time. */
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	n1 = clip_utf8(name1, len1, n1);
	if (name2 != NULL)
		n2 = clip_utf8(name2, len2, n2);
	memcpy(out, name1, n1);
	o = n1;
	if (name2 != NULL) {
		out[o++] = '_';
		memcpy(out + o, name2, n2);
		o += n2;
	}
	if (label != NULL) {
		out[o++] = '_';
		memcpy(out + o, label, strlen(label));
		o += strlen(label);
	}
	out[o] = '\0';
}

/*
 * The middle part of an index or foreign key name: the key names joined
 * with '_', stopping once it reaches NAMEDATALEN bytes, as PostgreSQL's
 * ChooseIndexNameAddition() does.  The caller frees the result.
 */
static char *
join_names(char *const *names, size_t n)
{
	struct vbuf	b;
	size_t		i;

	vbuf_init(&b);
	vbuf_puts(&b, "");
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_putc(&b, '_');
		vbuf_append(&b, names[i], clip_utf8(names[i],
		    strlen(names[i]), MODEL_NAME_MAX));
		if (b.len >= MODEL_NAME_MAX + 1)
			break;
	}
	return (vbuf_steal(&b));
}

/*
 * The key names of an index, PostgreSQL's ChooseIndexColumnNames(): a
 * column's name, an expression's FigureColname, INCLUDE columns last, and
 * a repeated name numbered ("a", "a1").  Caller frees with free_names().
 */
static char **
index_key_names(const struct model_index *ix, size_t *np)
{
	char	**names, buf[MODEL_NAME_MAX + 1], num[32];
	size_t	  n = ix->nkeys + ix->ninclude, i, j, k, len;
	int	  taken, pass;

	names = xcalloc(n, sizeof(*names));
	for (i = 0; i < n; i++) {
		const char *orig;

		if (i < ix->nkeys && ix->keys[i].expression != NULL) {
			(void)model_expr_colname(ix->keys[i].expression, buf);
			orig = buf;
		} else
			orig = i < ix->nkeys ? ix->keys[i].column :
			    ix->include[i - ix->nkeys];
		len = clip_utf8(orig, strlen(orig), MODEL_NAME_MAX);
		names[i] = xstrndup(orig, len);
		for (pass = 1;; pass++) {
			taken = 0;
			for (j = 0; j < i; j++)
				if (strcmp(names[j], names[i]) == 0)
					taken = 1;
			if (!taken)
				break;
			snprintf(num, sizeof(num), "%d", pass);
			k = clip_utf8(orig, strlen(orig),
			    MODEL_NAME_MAX - strlen(num));
			free(names[i]);
			names[i] = xmalloc(k + strlen(num) + 1);
			memcpy(names[i], orig, k);
			strcpy(names[i] + k, num);
		}
	}
	*np = n;
	return (names);
}

static void
free_names(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/*
 * The one column of t that a check expression refers to, or NULL when it
 * refers to none or to several (PostgreSQL names the constraint
 * "t_col_check" or "t_check" by the same rule).
 */
static const char *
check_single_column(const struct model_table *t, const char *expr)
{
	struct jnode		*tree;
	const struct jnode	*val;
	const char		*names[2];
	const struct model_column *c;
	char			 msg[256];
	size_t			 n;

	if (expr_parse(expr, &tree, &val, msg, sizeof(msg), NULL) == -1)
		return (NULL);
	n = collect_colrefs(val, names, 0, 2);
	c = n == 1 ? model_find_column(t, names[0]) : NULL;
	json_free(tree);
	return (c != NULL ? c->name : NULL);
}

/* The base name (name1, name2, label) of a constraint without a name. */
static void
constraint_name_parts(const struct model_table *t,
    const struct model_constraint *c, char **name2, const char **label)
{
	const char	*col;

	*name2 = NULL;
	switch (c->kind) {
	case MODEL_CON_PRIMARY:
		*label = "pkey";
		break;
	case MODEL_CON_UNIQUE:
		*label = "key";
		*name2 = join_names(c->columns, c->ncolumns);
		break;
	case MODEL_CON_FOREIGN:
		*label = "fkey";
		*name2 = join_names(c->columns, c->ncolumns);
		break;
	case MODEL_CON_CHECK:
	default:
		*label = "check";
		if ((col = check_single_column(t, c->expression)) != NULL)
			*name2 = xstrdup(col);
		break;
	}
}

static void
index_name_parts(const struct model_index *ix, char **name2)
{
	char	**names;
	size_t	  n;

	names = index_key_names(ix, &n);
	*name2 = join_names(names, n);
	free_names(names, n);
}

void
model_constraint_default_name(const struct model_table *t,
    const struct model_constraint *c, char out[MODEL_NAME_MAX + 1])
{
	char		*name2;
	const char	*label;

	constraint_name_parts(t, c, &name2, &label);
	model_make_name(out, t->name, name2, label);
	free(name2);
}

void
model_index_default_name(const struct model_table *t,
    const struct model_index *ix, char out[MODEL_NAME_MAX + 1])
{
	char	*name2;

	index_name_parts(ix, &name2);
	model_make_name(out, t->name, name2, "idx");
	free(name2);
}

/* ------------------------------------------------------------------ */
/* Types.                                                              */

/*
 * PostgreSQL's built-in types by every name the grammar accepts, and how
 * many modifiers each takes.  Serial types are left out on purpose: they
 * are a default plus a sequence, which identity columns say better.
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
static int
split_array(const char *type, char **elem, char **suffix)
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
 * "numeric(10,2)").  On success *norm is the new string and *idx the
 * entry in builtin_types.  -1 with msg set otherwise.
 */
static int
builtin_normalise(const char *elem, char **norm, int *idx, char *msg,
    size_t msglen)
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
		if (strstr(key.data, "serial") != NULL)
			snprintf(msg, msglen, "type \"%s\" is not supported "
			    "(expected an integer type with identity)", elem);
		else
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
	*idx = i;
	rc = 0;
	goto done;
syntax:
	snprintf(msg, msglen, "unknown type \"%s\"", elem);
done:
	vbuf_free(&key);
	vbuf_free(&out);
	return (rc);
}

/* ------------------------------------------------------------------ */
/* Loading.                                                            */

/* A foreign key whose referenced table is checked once all are loaded. */
struct pending_fk {
	size_t		 table;		/* index in m->tables */
	size_t		 con;		/* index in its constraints */
	yaml_node_t	*ref_table;	/* the references.table scalar */
	yaml_node_t	*ref_columns;	/* references.columns, or NULL */
	yaml_node_t	*node;		/* the foreign key mapping */
};

struct loader {
	const char		*path;
	yaml_document_t		*doc;
	struct model		*m;
	struct vf_error		*err;
	struct pending_fk	*fks;
	size_t			 nfks;
};

/* Sets the error at node n; returns -1. */
static int
at(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
at(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
{
	char	msg[sizeof(ld->err->msg)];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
	    n != NULL ? (int)n->start_mark.line + 1 : 0,
	    n != NULL ? (int)n->start_mark.column + 1 : 0, "%s", msg));
}

static yaml_node_t *
node(struct loader *ld, int idx)
{
	return (yaml_document_get_node(ld->doc, idx));
}

static const char *
kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return ("a mapping");
	case YAML_SEQUENCE_NODE:
		return ("a sequence");
	case YAML_SCALAR_NODE:
		if (n->data.scalar.length == 0 &&
		    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			return ("nothing");
		return ("a scalar");
	default:
		return ("nothing");
	}
}

static int
want(struct loader *ld, const yaml_node_t *n, yaml_node_type_t type,
    const char *what)
{
	const char	*k = type == YAML_MAPPING_NODE ? "a mapping" :
	    type == YAML_SEQUENCE_NODE ? "a sequence" : "a string";

	if (n->type == type && !(type == YAML_SCALAR_NODE &&
	    n->data.scalar.length == 0 &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE))
		return (0);
	return (at(ld, n, "expected %s for %s, found %s", k, what, kind(n)));
}

static const char *
scalar(const yaml_node_t *n)
{
	return ((const char *)n->data.scalar.value);
}

/* A string value: any non-empty scalar, without NUL bytes. */
static int
get_str(struct loader *ld, yaml_node_t *n, const char *what, char **out)
{
	if (want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	if (strlen(scalar(n)) != n->data.scalar.length)
		return (at(ld, n, "%s contains a NUL character", what));
	*out = xstrdup(scalar(n));
	return (0);
}

/* A name: a non-empty string of at most MODEL_NAME_MAX bytes. */
static int
get_name(struct loader *ld, yaml_node_t *n, const char *what, char **out)
{
	if (want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	if (strlen(scalar(n)) != n->data.scalar.length)
		return (at(ld, n, "%s contains a NUL character", what));
	if (n->data.scalar.length == 0)
		return (at(ld, n, "expected a name for %s, found an empty "
		    "string", what));
	if (n->data.scalar.length > MODEL_NAME_MAX)
		return (at(ld, n, "%s \"%s\" is longer than %d bytes", what,
		    scalar(n), MODEL_NAME_MAX));
	*out = xstrdup(scalar(n));
	return (0);
}

static int
get_bool(struct loader *ld, yaml_node_t *n, const char *what, int *out)
{
	if (n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (strcmp(scalar(n), "true") == 0) {
			*out = 1;
			return (0);
		}
		if (strcmp(scalar(n), "false") == 0) {
			*out = 0;
			return (0);
		}
	}
	return (at(ld, n, "expected true or false for %s, found %s%s%s%s",
	    what, kind(n), n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.length > 0 ? " \"" : "",
	    n->type == YAML_SCALAR_NODE ? scalar(n) : "",
	    n->type == YAML_SCALAR_NODE && n->data.scalar.length > 0 ?
	    "\"" : ""));
}

/* One of words (NULL-terminated); *out gets its index. */
static int
get_word(struct loader *ld, yaml_node_t *n, const char *what,
    const char *const *words, int *out)
{
	struct vbuf	b;
	int		i;

	if (want(ld, n, YAML_SCALAR_NODE, what) == -1)
		return (-1);
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(scalar(n), words[i]) == 0) {
			*out = i;
			return (0);
		}
	vbuf_init(&b);
	for (i = 0; words[i] != NULL; i++) {
		vbuf_puts(&b, i > 0 ? ", " : "");
		vbuf_puts(&b, words[i]);
	}
	at(ld, n, "unknown %s \"%s\" (expected one of: %s)", what, scalar(n),
	    b.data);
	vbuf_free(&b);
	return (-1);
}

/*
 * Checks that map (a mapping, already checked) has only keys of allowed
 * (NULL-terminated), each once.
 */
static int
check_keys(struct loader *ld, yaml_node_t *map, const char *what,
    const char *const *allowed)
{
	yaml_node_pair_t	*p, *q;
	yaml_node_t		*k, *k2;
	struct vbuf		 b;
	int			 i, ok;

	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = node(ld, p->key);
		if (k->type != YAML_SCALAR_NODE)
			return (at(ld, k, "expected a key for %s, found %s",
			    what, kind(k)));
		ok = 0;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(scalar(k), allowed[i]) == 0)
				ok = 1;
		if (!ok) {
			vbuf_init(&b);
			for (i = 0; allowed[i] != NULL; i++) {
				vbuf_puts(&b, i > 0 ? ", " : "");
				vbuf_puts(&b, allowed[i]);
			}
			at(ld, k, "unknown key \"%s\" in %s (expected one of: "
			    "%s)", scalar(k), what, b.data);
			vbuf_free(&b);
			return (-1);
		}
		for (q = map->data.mapping.pairs.start; q < p; q++) {
			k2 = node(ld, q->key);
			if (strcmp(scalar(k2), scalar(k)) == 0)
				return (at(ld, k, "duplicate key \"%s\" in %s "
				    "(first at line %d)", scalar(k), what,
				    (int)k2->start_mark.line + 1));
		}
	}
	return (0);
}

/* The value of key in map, or NULL. */
static yaml_node_t *
map_get(struct loader *ld, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k;

	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = node(ld, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp(scalar(k), key) == 0)
			return (node(ld, p->value));
	}
	return (NULL);
}

/*
 * The keys of a name -> value mapping, which must be distinct names:
 * checks them and reports a repeated one as "duplicate <what>".
 */
static int
check_names(struct loader *ld, yaml_node_t *map, const char *what,
    const char *in)
{
	yaml_node_pair_t	*p, *q;
	yaml_node_t		*k, *k2;
	char			*name;

	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = node(ld, p->key);
		if (k->type != YAML_SCALAR_NODE)
			return (at(ld, k, "expected a %s name%s, found %s",
			    what, in, kind(k)));
		if (get_name(ld, k, what, &name) == -1)
			return (-1);
		free(name);
		for (q = map->data.mapping.pairs.start; q < p; q++) {
			k2 = node(ld, q->key);
			if (strcmp(scalar(k2), scalar(k)) == 0)
				return (at(ld, k, "duplicate %s \"%s\"%s "
				    "(first at line %d)", what, scalar(k), in,
				    (int)k2->start_mark.line + 1));
		}
	}
	return (0);
}

/*
 * The first schema other than schema and pg_catalog that a parse tree
 * qualifies a name with (a function, type, operator or relation), or
 * NULL.  *loc gets the byte offset in the parsed query of the node that
 * names it, -1 when unknown.
 */
static const char *
foreign_schema(const struct jnode *j, const char *schema, int *loc)
{
	const struct jnode	*body, *sv, *l;
	const char		*s, *tag;
	size_t			 i;

	if (j == NULL || (j->type != J_OBJ && j->type != J_ARR))
		return (NULL);
	for (i = 0; i < j->n; i++) {
		s = NULL;
		if (j->type == J_OBJ && (strcmp(j->keys[i], "funcname") == 0 ||
		    strcmp(j->keys[i], "names") == 0 ||
		    strcmp(j->keys[i], "name") == 0) &&
		    j->kids[i]->type == J_ARR && j->kids[i]->n >= 2) {
			tag = jnode_tag(j->kids[i]->kids[0], &body);
			sv = tag != NULL && strcmp(tag, "String") == 0 ?
			    jget(body, "sval") : NULL;
			s = sv != NULL && sv->type == J_STR ? sv->str : NULL;
		} else if (j->type == J_OBJ &&
		    strcmp(j->keys[i], "schemaname") == 0 &&
		    j->kids[i]->type == J_STR)
			s = j->kids[i]->str;
		if (s != NULL && strcmp(s, schema) != 0 &&
		    strcmp(s, "pg_catalog") != 0) {
			l = jget(j, "location");
			*loc = l != NULL && l->type == J_NUM ? atoi(l->str) :
			    -1;
			return (s);
		}
		if ((s = foreign_schema(j->kids[i], schema, loc)) != NULL)
			return (s);
	}
	return (NULL);
}

/*
 * The error of an expression at n, at its 1-based character position pos
 * in the scalar when the scalar is written on one line as it reads
 * (plain, or quoted without escapes), else at the scalar.
 */
static int
expr_error(struct loader *ld, yaml_node_t *n, const char *expr, int pos,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int
expr_error(struct loader *ld, yaml_node_t *n, const char *expr, int pos,
    const char *fmt, ...)
{
	char	msg[sizeof(ld->err->msg)];
	va_list	ap;
	int	line, col, quoted, nchars;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	line = (int)n->start_mark.line + 1;
	col = (int)n->start_mark.column + 1;
	quoted = n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	nchars = char_pos(expr, strlen(expr)) - 1;
	if (pos > 0 && n->start_mark.line == n->end_mark.line &&
	    (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ||
	    n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
	    n->end_mark.index - n->start_mark.index ==
	    (size_t)nchars + (quoted ? 2 : 0))
		col += pos - 1 + quoted;
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line, col,
	    "%s", msg));
}

/*
 * An expression: a string that PostgreSQL parses as one expression and
 * that names no schema but the model's own and pg_catalog.
 */
static int
get_expr(struct loader *ld, yaml_node_t *n, const char *what, char **out,
    struct jnode **tree, const struct jnode **val)
{
	struct jnode		*t;
	const struct jnode	*v;
	const char		*other;
	char			 msg[512];
	int			 pos, loc, rc;

	if (get_str(ld, n, what, out) == -1)
		return (-1);
	if (expr_parse(*out, &t, &v, msg, sizeof(msg), &pos) == -1) {
		rc = expr_error(ld, n, *out, pos, "%s is not one SQL "
		    "expression: %s", what, msg);
		free(*out);
		*out = NULL;
		return (rc);
	}
	if ((other = foreign_schema(v, ld->m->schema, &loc)) != NULL) {
		/* Locations count bytes of "SELECT (" + expr. */
		pos = loc >= 8 && (size_t)(loc - 8) <= strlen(*out) ?
		    char_pos(*out, (size_t)(loc - 8)) : 0;
		rc = expr_error(ld, n, *out, pos, "%s refers to schema \"%s\" "
		    "(a model uses only its own schema and pg_catalog)", what,
		    other);
		json_free(t);
		free(*out);
		*out = NULL;
		return (rc);
	}
	if (tree != NULL) {
		*tree = t;
		*val = v;
	} else
		json_free(t);
	return (0);
}

/* A sequence of names of the table's columns, at least one. */
static int
get_columns(struct loader *ld, yaml_node_t *seq, const struct model_table *t,
    const char *what, char ***out, size_t *n)
{
	yaml_node_item_t	*it, *it2;
	yaml_node_t		*c, *c2;
	char			**cols = NULL;
	size_t			  nc = 0;

	if (want(ld, seq, YAML_SEQUENCE_NODE, what) == -1)
		return (-1);
	if (seq->data.sequence.items.start == seq->data.sequence.items.top)
		return (at(ld, seq, "expected at least one column for %s",
		    what));
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		c = node(ld, *it);
		if (want(ld, c, YAML_SCALAR_NODE, what) == -1)
			goto bad;
		if (model_find_column(t, scalar(c)) == NULL) {
			at(ld, c, "%s refers to missing column \"%s\" of "
			    "table \"%s\"", what, scalar(c), t->name);
			goto bad;
		}
		for (it2 = seq->data.sequence.items.start; it2 < it; it2++) {
			c2 = node(ld, *it2);
			if (strcmp(scalar(c2), scalar(c)) == 0) {
				at(ld, c, "column \"%s\" appears twice in %s",
				    scalar(c), what);
				goto bad;
			}
		}
		cols = xrealloc(cols, (nc + 1) * sizeof(*cols));
		cols[nc++] = xstrdup(scalar(c));
	}
	*out = cols;
	*n = nc;
	return (0);
bad:
	free_names(cols, nc);
	return (-1);
}

static void
free_constraint(struct model_constraint *c)
{
	free(c->name);
	free_names(c->columns, c->ncolumns);
	free(c->ref_table);
	free_names(c->ref_columns, c->nref_columns);
	free(c->expression);
}

static void
free_index(struct model_index *ix)
{
	size_t	i;

	free(ix->name);
	for (i = 0; i < ix->nkeys; i++) {
		free(ix->keys[i].column);
		free(ix->keys[i].expression);
	}
	free(ix->keys);
	free_names(ix->include, ix->ninclude);
	free(ix->method);
	free(ix->where);
}

static void
free_table(struct model_table *t)
{
	size_t	i;

	free(t->name);
	free(t->comment);
	free(t->renamed_from);
	for (i = 0; i < t->ncolumns; i++) {
		free(t->columns[i].name);
		free(t->columns[i].type);
		free(t->columns[i].default_expr);
		free(t->columns[i].generated);
		free(t->columns[i].comment);
		free(t->columns[i].renamed_from);
	}
	free(t->columns);
	for (i = 0; i < t->nconstraints; i++)
		free_constraint(&t->constraints[i]);
	free(t->constraints);
	for (i = 0; i < t->nindexes; i++)
		free_index(&t->indexes[i]);
	free(t->indexes);
}

void
model_free(struct model *m)
{
	size_t	i;

	if (m == NULL)
		return;
	free(m->path);
	free(m->schema);
	for (i = 0; i < m->nenums; i++) {
		free(m->enums[i].name);
		free_names(m->enums[i].values, m->enums[i].nvalues);
	}
	free(m->enums);
	for (i = 0; i < m->ntables; i++)
		free_table(&m->tables[i]);
	free(m->tables);
	memset(m, 0, sizeof(*m));
}

const struct model_table *
model_find_table(const struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->ntables; i++)
		if (strcmp(m->tables[i].name, name) == 0)
			return (&m->tables[i]);
	return (NULL);
}

const struct model_column *
model_find_column(const struct model_table *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return (&t->columns[i]);
	return (NULL);
}

const struct model_enum *
model_find_enum(const struct model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->nenums; i++)
		if (strcmp(m->enums[i].name, name) == 0)
			return (&m->enums[i]);
	return (NULL);
}

static struct model_constraint *
add_constraint(struct model_table *t, enum model_con_kind kind,
    const yaml_node_t *n)
{
	struct model_constraint	*c;

	t->constraints = xrealloc(t->constraints,
	    (t->nconstraints + 1) * sizeof(*t->constraints));
	c = &t->constraints[t->nconstraints++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->line = (int)n->start_mark.line + 1;
	c->col = (int)n->start_mark.column + 1;
	return (c);
}

static int
load_enums(struct loader *ld, yaml_node_t *map)
{
	struct model		*m = ld->m;
	struct model_enum	*e;
	yaml_node_pair_t	*p;
	yaml_node_item_t	*it, *it2;
	yaml_node_t		*k, *v, *lab, *lab2;
	char			 what[128];

	if (want(ld, map, YAML_MAPPING_NODE, "enums") == -1 ||
	    check_names(ld, map, "enum", "") == -1)
		return (-1);
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = node(ld, p->key);
		v = node(ld, p->value);
		m->enums = xrealloc(m->enums, (m->nenums + 1) *
		    sizeof(*m->enums));
		e = &m->enums[m->nenums++];
		memset(e, 0, sizeof(*e));
		e->name = xstrdup(scalar(k));
		e->line = (int)k->start_mark.line + 1;
		e->col = (int)k->start_mark.column + 1;
		snprintf(what, sizeof(what), "enum \"%s\"", e->name);
		if (want(ld, v, YAML_SEQUENCE_NODE, what) == -1)
			return (-1);
		if (v->data.sequence.items.start == v->data.sequence.items.top)
			return (at(ld, v, "expected at least one label for %s",
			    what));
		for (it = v->data.sequence.items.start;
		    it < v->data.sequence.items.top; it++) {
			lab = node(ld, *it);
			e->values = xrealloc(e->values, (e->nvalues + 1) *
			    sizeof(*e->values));
			if (get_name(ld, lab, "enum label",
			    &e->values[e->nvalues]) == -1)
				return (-1);
			e->nvalues++;
			for (it2 = v->data.sequence.items.start; it2 < it;
			    it2++) {
				lab2 = node(ld, *it2);
				if (strcmp(scalar(lab2), scalar(lab)) == 0)
					return (at(ld, lab, "duplicate label "
					    "\"%s\" in %s", scalar(lab), what));
			}
		}
	}
	return (0);
}

/* The label of a default that is a string literal, possibly cast. */
static const char *
literal_label(const struct jnode *val)
{
	const struct jnode	*b, *sv;
	const char		*tag;

	tag = jnode_tag(val, &b);
	if (tag != NULL && strcmp(tag, "TypeCast") == 0)
		tag = jnode_tag(jget(b, "arg"), &b);
	if (tag == NULL || strcmp(tag, "A_Const") != 0)
		return (NULL);
	sv = jget(jget(b, "sval"), "sval");
	if (sv == NULL || sv->type != J_STR) {
		/* An empty string literal prints as "sval": {}. */
		if (jget(b, "sval") != NULL)
			return ("");
		return (NULL);
	}
	return (sv->str);
}

static const char *const column_keys[] = {
	"type", "nullable", "default", "identity", "generated", "primary_key",
	"unique", "comment", "renamed_from", NULL
};

static int
load_column(struct loader *ld, struct model_table *t, yaml_node_t *k,
    yaml_node_t *v, int *pk, int *uq)
{
	static const char *const identities[] = { "always", "by default",
	    NULL };
	struct model_column	*c;
	yaml_node_t		*n, *tn;
	struct jnode		*tree = NULL;
	const struct jnode	*val;
	char			 what[256], msg[512], *elem = NULL;
	char			*suffix = NULL, *norm = NULL;
	const char		*label;
	int			 idx, bi = -1, rc = -1, ident;
	size_t			 i;

	t->columns = xrealloc(t->columns, (t->ncolumns + 1) *
	    sizeof(*t->columns));
	c = &t->columns[t->ncolumns++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(scalar(k));
	c->enum_index = -1;
	c->line = (int)k->start_mark.line + 1;
	c->col = (int)k->start_mark.column + 1;
	*pk = *uq = 0;
	snprintf(what, sizeof(what), "column \"%s\" of table \"%s\"", c->name,
	    t->name);

	if (v->type == YAML_SCALAR_NODE)
		tn = v;
	else {
		if (v->type != YAML_MAPPING_NODE)
			return (at(ld, v, "expected a mapping or a type for "
			    "%s, found %s", what, kind(v)));
		if (check_keys(ld, v, what, column_keys) == -1)
			return (-1);
		if ((tn = map_get(ld, v, "type")) == NULL)
			return (at(ld, v, "missing key \"type\" in %s", what));
	}
	if (want(ld, tn, YAML_SCALAR_NODE, "type") == -1)
		goto done;
	if (split_array(scalar(tn), &elem, &suffix) == -1) {
		at(ld, tn, "unknown type \"%s\" for %s", scalar(tn), what);
		goto done;
	}
	for (i = 0; i < ld->m->nenums; i++)
		if (strcmp(ld->m->enums[i].name, elem) == 0)
			c->enum_index = (int)i;
	if (c->enum_index >= 0) {
		c->type = xmalloc(strlen(elem) + strlen(suffix) + 1);
		strcpy(c->type, elem);
		strcat(c->type, suffix);
	} else {
		if (builtin_normalise(elem, &norm, &bi, msg,
		    sizeof(msg)) == -1) {
			at(ld, tn, "%s for %s", msg, what);
			goto done;
		}
		c->type = xmalloc(strlen(norm) + strlen(suffix) + 1);
		strcpy(c->type, norm);
		strcat(c->type, suffix);
	}
	if (v->type == YAML_SCALAR_NODE) {
		rc = 0;
		goto done;
	}

	if ((n = map_get(ld, v, "nullable")) != NULL &&
	    get_bool(ld, n, "nullable", &c->nullable) == -1)
		goto done;
	if ((n = map_get(ld, v, "identity")) != NULL) {
		if (get_word(ld, n, "identity", identities, &ident) == -1)
			goto done;
		c->identity = ident == 0 ? MODEL_IDENTITY_ALWAYS :
		    MODEL_IDENTITY_BY_DEFAULT;
		if (bi < 0 || !builtin_types[bi].integer || suffix[0] != '\0') {
			at(ld, n, "identity %s needs type smallint, integer or "
			    "bigint, not \"%s\"", what, c->type);
			goto done;
		}
		if (c->nullable) {
			at(ld, n, "identity %s cannot be nullable", what);
			goto done;
		}
	}
	if ((n = map_get(ld, v, "generated")) != NULL) {
		if (c->identity != MODEL_IDENTITY_NONE) {
			at(ld, n, "%s has both identity and generated", what);
			goto done;
		}
		if (get_expr(ld, n, "generated", &c->generated, NULL,
		    NULL) == -1)
			goto done;
	}
	if ((n = map_get(ld, v, "default")) != NULL) {
		if (c->identity != MODEL_IDENTITY_NONE || c->generated) {
			at(ld, n, "%s has a default and is %s", what,
			    c->generated ? "generated" : "an identity");
			goto done;
		}
		if (get_expr(ld, n, "default", &c->default_expr, &tree,
		    &val) == -1)
			goto done;
		if (c->enum_index >= 0 && suffix[0] == '\0' &&
		    (label = literal_label(val)) != NULL) {
			const struct model_enum *e =
			    &ld->m->enums[c->enum_index];

			for (idx = 0; idx < (int)e->nvalues; idx++)
				if (strcmp(e->values[idx], label) == 0)
					break;
			if (idx == (int)e->nvalues) {
				at(ld, n, "default '%s' of %s is not a label "
				    "of enum \"%s\"", label, what, e->name);
				goto done;
			}
		}
	}
	if ((n = map_get(ld, v, "primary_key")) != NULL) {
		if (get_bool(ld, n, "primary_key", pk) == -1)
			goto done;
		if (*pk && c->nullable) {
			at(ld, n, "primary key %s cannot be nullable", what);
			goto done;
		}
	}
	if ((n = map_get(ld, v, "unique")) != NULL &&
	    get_bool(ld, n, "unique", uq) == -1)
		goto done;
	if ((n = map_get(ld, v, "comment")) != NULL &&
	    get_str(ld, n, "comment", &c->comment) == -1)
		goto done;
	if ((n = map_get(ld, v, "renamed_from")) != NULL &&
	    get_name(ld, n, "renamed_from", &c->renamed_from) == -1)
		goto done;
	rc = 0;
done:
	json_free(tree);
	free(elem);
	free(suffix);
	free(norm);
	return (rc);
}

static const char *const table_keys[] = {
	"comment", "renamed_from", "columns", "primary_key", "unique",
	"foreign_keys", "checks", "indexes", NULL
};
static const char *const named_cols_keys[] = { "name", "columns", NULL };
static const char *const fk_keys[] = {
	"name", "columns", "references", "on_delete", "on_update",
	"deferrable", "initially_deferred", NULL
};
static const char *const ref_keys[] = { "table", "columns", NULL };
static const char *const check_keys_[] = { "name", "expression", NULL };
static const char *const index_keys[] = {
	"name", "unique", "method", "columns", "include", "where", NULL
};
static const char *const index_key_keys[] = {
	"column", "expression", "desc", "nulls", NULL
};
static const char *const fk_actions[] = {
	"no action", "restrict", "cascade", "set null", "set default", NULL
};
static const char *const methods[] = {
	"btree", "hash", "gist", "spgist", "gin", "brin", NULL
};
static const char *const nulls_words[] = { "first", "last", NULL };

/* The optional name key of a constraint or index mapping. */
static int
get_opt_name(struct loader *ld, yaml_node_t *map, char **name, int *given)
{
	yaml_node_t	*n;

	if ((n = map_get(ld, map, "name")) == NULL)
		return (0);
	if (get_name(ld, n, "name", name) == -1)
		return (-1);
	*given = 1;
	return (0);
}

static int
load_unique(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it;
	yaml_node_t		*u, *cols;
	struct model_constraint	*c;
	char			 what[128];

	snprintf(what, sizeof(what), "unique constraint of table \"%s\"",
	    t->name);
	if (want(ld, seq, YAML_SEQUENCE_NODE, what) == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		u = node(ld, *it);
		if (want(ld, u, YAML_MAPPING_NODE, what) == -1 ||
		    check_keys(ld, u, what, named_cols_keys) == -1)
			return (-1);
		c = add_constraint(t, MODEL_CON_UNIQUE, u);
		if (get_opt_name(ld, u, &c->name, &c->name_given) == -1)
			return (-1);
		if ((cols = map_get(ld, u, "columns")) == NULL)
			return (at(ld, u, "missing key \"columns\" in %s",
			    what));
		if (get_columns(ld, cols, t, what, &c->columns,
		    &c->ncolumns) == -1)
			return (-1);
	}
	return (0);
}

static int
load_fks(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it;
	yaml_node_t		*f, *n, *ref, *rt;
	struct model_constraint	*c;
	struct pending_fk	*pf;
	char			 what[128];
	int			 w;

	snprintf(what, sizeof(what), "foreign key of table \"%s\"", t->name);
	if (want(ld, seq, YAML_SEQUENCE_NODE, "foreign_keys") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		f = node(ld, *it);
		if (want(ld, f, YAML_MAPPING_NODE, what) == -1 ||
		    check_keys(ld, f, what, fk_keys) == -1)
			return (-1);
		c = add_constraint(t, MODEL_CON_FOREIGN, f);
		if (get_opt_name(ld, f, &c->name, &c->name_given) == -1)
			return (-1);
		if ((n = map_get(ld, f, "columns")) == NULL)
			return (at(ld, f, "missing key \"columns\" in %s",
			    what));
		if (get_columns(ld, n, t, what, &c->columns,
		    &c->ncolumns) == -1)
			return (-1);
		if ((ref = map_get(ld, f, "references")) == NULL)
			return (at(ld, f, "missing key \"references\" in %s",
			    what));
		if (want(ld, ref, YAML_MAPPING_NODE, "references") == -1 ||
		    check_keys(ld, ref, "references", ref_keys) == -1)
			return (-1);
		if ((rt = map_get(ld, ref, "table")) == NULL)
			return (at(ld, ref, "missing key \"table\" in "
			    "references of %s", what));
		if (get_name(ld, rt, "referenced table", &c->ref_table) == -1)
			return (-1);
		if ((n = map_get(ld, f, "on_delete")) != NULL) {
			if (get_word(ld, n, "on_delete action", fk_actions,
			    &w) == -1)
				return (-1);
			c->on_delete = (enum model_fk_action)w;
		}
		if ((n = map_get(ld, f, "on_update")) != NULL) {
			if (get_word(ld, n, "on_update action", fk_actions,
			    &w) == -1)
				return (-1);
			c->on_update = (enum model_fk_action)w;
		}
		if ((n = map_get(ld, f, "deferrable")) != NULL &&
		    get_bool(ld, n, "deferrable", &c->deferrable) == -1)
			return (-1);
		if ((n = map_get(ld, f, "initially_deferred")) != NULL) {
			if (get_bool(ld, n, "initially_deferred",
			    &c->initially_deferred) == -1)
				return (-1);
			if (c->initially_deferred && !c->deferrable)
				return (at(ld, n, "initially_deferred needs "
				    "deferrable: true in %s", what));
		}
		ld->fks = xrealloc(ld->fks, (ld->nfks + 1) * sizeof(*ld->fks));
		pf = &ld->fks[ld->nfks++];
		pf->table = (size_t)(t - ld->m->tables);
		pf->con = t->nconstraints - 1;
		pf->ref_table = rt;
		pf->ref_columns = map_get(ld, ref, "columns");
		pf->node = f;
	}
	return (0);
}

static int
load_checks(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it;
	yaml_node_t		*ch, *n;
	struct model_constraint	*c;
	char			 what[128];

	snprintf(what, sizeof(what), "check of table \"%s\"", t->name);
	if (want(ld, seq, YAML_SEQUENCE_NODE, "checks") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		ch = node(ld, *it);
		if (want(ld, ch, YAML_MAPPING_NODE, what) == -1 ||
		    check_keys(ld, ch, what, check_keys_) == -1)
			return (-1);
		c = add_constraint(t, MODEL_CON_CHECK, ch);
		if (get_opt_name(ld, ch, &c->name, &c->name_given) == -1)
			return (-1);
		if ((n = map_get(ld, ch, "expression")) == NULL)
			return (at(ld, ch, "missing key \"expression\" in %s",
			    what));
		if (get_expr(ld, n, "check expression", &c->expression, NULL,
		    NULL) == -1)
			return (-1);
	}
	return (0);
}

static int
load_index_key(struct loader *ld, struct model_table *t, yaml_node_t *kn,
    struct model_index_key *key, const char *what)
{
	yaml_node_t	*n, *col, *ex;
	int		 w;

	key->line = (int)kn->start_mark.line + 1;
	key->col = (int)kn->start_mark.column + 1;
	if (kn->type == YAML_SCALAR_NODE) {
		col = kn;
		ex = NULL;
	} else {
		if (kn->type != YAML_MAPPING_NODE)
			return (at(ld, kn, "expected a column name or a "
			    "mapping for a key of %s, found %s", what,
			    kind(kn)));
		if (check_keys(ld, kn, "index key", index_key_keys) == -1)
			return (-1);
		col = map_get(ld, kn, "column");
		ex = map_get(ld, kn, "expression");
		if ((col == NULL) == (ex == NULL))
			return (at(ld, kn, "expected exactly one of \"column\" "
			    "and \"expression\" in a key of %s", what));
		if ((n = map_get(ld, kn, "desc")) != NULL &&
		    get_bool(ld, n, "desc", &key->desc) == -1)
			return (-1);
		if ((n = map_get(ld, kn, "nulls")) != NULL) {
			if (get_word(ld, n, "nulls order", nulls_words,
			    &w) == -1)
				return (-1);
			key->nulls = w == 0 ? MODEL_NULLS_FIRST :
			    MODEL_NULLS_LAST;
		}
	}
	if (ex != NULL)
		return (get_expr(ld, ex, "index expression", &key->expression,
		    NULL, NULL));
	if (want(ld, col, YAML_SCALAR_NODE, "index column") == -1)
		return (-1);
	if (model_find_column(t, scalar(col)) == NULL)
		return (at(ld, col, "%s refers to missing column \"%s\" of "
		    "table \"%s\"", what, scalar(col), t->name));
	key->column = xstrdup(scalar(col));
	return (0);
}

static int
load_indexes(struct loader *ld, struct model_table *t, yaml_node_t *seq)
{
	yaml_node_item_t	*it, *kit;
	yaml_node_t		*in, *n;
	struct model_index	*ix;
	char			 what[128];
	int			 w;

	snprintf(what, sizeof(what), "index of table \"%s\"", t->name);
	if (want(ld, seq, YAML_SEQUENCE_NODE, "indexes") == -1)
		return (-1);
	for (it = seq->data.sequence.items.start;
	    it < seq->data.sequence.items.top; it++) {
		in = node(ld, *it);
		if (want(ld, in, YAML_MAPPING_NODE, what) == -1 ||
		    check_keys(ld, in, what, index_keys) == -1)
			return (-1);
		t->indexes = xrealloc(t->indexes, (t->nindexes + 1) *
		    sizeof(*t->indexes));
		ix = &t->indexes[t->nindexes++];
		memset(ix, 0, sizeof(*ix));
		ix->line = (int)in->start_mark.line + 1;
		ix->col = (int)in->start_mark.column + 1;
		ix->method = xstrdup("btree");
		if (get_opt_name(ld, in, &ix->name, &ix->name_given) == -1)
			return (-1);
		if ((n = map_get(ld, in, "unique")) != NULL &&
		    get_bool(ld, n, "unique", &ix->unique) == -1)
			return (-1);
		if ((n = map_get(ld, in, "method")) != NULL) {
			if (get_word(ld, n, "index method", methods, &w) == -1)
				return (-1);
			free(ix->method);
			ix->method = xstrdup(methods[w]);
		}
		if ((n = map_get(ld, in, "columns")) == NULL)
			return (at(ld, in, "missing key \"columns\" in %s",
			    what));
		if (want(ld, n, YAML_SEQUENCE_NODE, "index columns") == -1)
			return (-1);
		if (n->data.sequence.items.start == n->data.sequence.items.top)
			return (at(ld, n, "expected at least one key for %s",
			    what));
		for (kit = n->data.sequence.items.start;
		    kit < n->data.sequence.items.top; kit++) {
			ix->keys = xrealloc(ix->keys, (ix->nkeys + 1) *
			    sizeof(*ix->keys));
			memset(&ix->keys[ix->nkeys], 0, sizeof(*ix->keys));
			ix->nkeys++;
			if (load_index_key(ld, t, node(ld, *kit),
			    &ix->keys[ix->nkeys - 1], what) == -1)
				return (-1);
		}
		if ((n = map_get(ld, in, "include")) != NULL &&
		    get_columns(ld, n, t, "index include", &ix->include,
		    &ix->ninclude) == -1)
			return (-1);
		if ((n = map_get(ld, in, "where")) != NULL &&
		    get_expr(ld, n, "index where", &ix->where, NULL,
		    NULL) == -1)
			return (-1);
	}
	return (0);
}

static int
load_table(struct loader *ld, yaml_node_t *k, yaml_node_t *v)
{
	struct model		*m = ld->m;
	struct model_table	*t;
	struct model_constraint	*c;
	yaml_node_pair_t	*p;
	yaml_node_t		*cols, *n, *pkn = NULL, *ck, *cv;
	char			 what[128], in[128], colswhat[128];
	int			 pk, uq;
	size_t			 i, npk = 0;

	m->tables = xrealloc(m->tables, (m->ntables + 1) * sizeof(*m->tables));
	t = &m->tables[m->ntables++];
	memset(t, 0, sizeof(*t));
	t->name = xstrdup(scalar(k));
	t->line = (int)k->start_mark.line + 1;
	t->col = (int)k->start_mark.column + 1;
	snprintf(what, sizeof(what), "table \"%s\"", t->name);
	if (want(ld, v, YAML_MAPPING_NODE, what) == -1 ||
	    check_keys(ld, v, what, table_keys) == -1)
		return (-1);
	if ((n = map_get(ld, v, "comment")) != NULL &&
	    get_str(ld, n, "comment", &t->comment) == -1)
		return (-1);
	if ((n = map_get(ld, v, "renamed_from")) != NULL &&
	    get_name(ld, n, "renamed_from", &t->renamed_from) == -1)
		return (-1);

	/* Columns first, whatever the order of the keys. */
	if ((cols = map_get(ld, v, "columns")) == NULL)
		return (at(ld, v, "missing key \"columns\" in %s", what));
	snprintf(in, sizeof(in), " in table \"%s\"", t->name);
	snprintf(colswhat, sizeof(colswhat), "columns of table \"%s\"",
	    t->name);
	if (want(ld, cols, YAML_MAPPING_NODE, colswhat) == -1 ||
	    check_names(ld, cols, "column", in) == -1)
		return (-1);
	if (cols->data.mapping.pairs.start == cols->data.mapping.pairs.top)
		return (at(ld, cols, "expected at least one column in %s",
		    what));
	/* Column shorthands become constraints after the primary key. */
	for (p = cols->data.mapping.pairs.start;
	    p < cols->data.mapping.pairs.top; p++) {
		ck = node(ld, p->key);
		cv = node(ld, p->value);
		if (load_column(ld, t, ck, cv, &pk, &uq) == -1)
			return (-1);
		if (pk) {
			if (npk++ > 0)
				return (at(ld, map_get(ld, cv, "primary_key"),
				    "second primary_key column in %s (a "
				    "composite key goes in the table's "
				    "primary_key)", what));
			pkn = ck;
		}
	}
	if ((n = map_get(ld, v, "primary_key")) != NULL) {
		if (npk > 0)
			return (at(ld, n, "%s has a primary_key and a column "
			    "with primary_key: true", what));
		c = add_constraint(t, MODEL_CON_PRIMARY, n);
		if (n->type == YAML_MAPPING_NODE) {
			if (check_keys(ld, n, "primary_key",
			    named_cols_keys) == -1 ||
			    get_opt_name(ld, n, &c->name, &c->name_given) == -1)
				return (-1);
			if ((cols = map_get(ld, n, "columns")) == NULL)
				return (at(ld, n, "missing key \"columns\" in "
				    "primary_key of %s", what));
		} else if (n->type == YAML_SEQUENCE_NODE)
			cols = n;
		else
			return (at(ld, n, "expected a sequence or a mapping "
			    "for primary_key of %s, found %s", what, kind(n)));
		if (get_columns(ld, cols, t, "primary key", &c->columns,
		    &c->ncolumns) == -1)
			return (-1);
		for (i = 0; i < c->ncolumns; i++)
			if (model_find_column(t, c->columns[i])->nullable)
				return (at(ld, n, "primary key column \"%s\" "
				    "of %s cannot be nullable", c->columns[i],
				    what));
	} else if (pkn != NULL) {
		c = add_constraint(t, MODEL_CON_PRIMARY, pkn);
		c->columns = xcalloc(1, sizeof(*c->columns));
		c->columns[0] = xstrdup(scalar(pkn));
		c->ncolumns = 1;
	}
	/* Unique shorthands, in column order. */
	cols = map_get(ld, v, "columns");
	for (p = cols->data.mapping.pairs.start;
	    p < cols->data.mapping.pairs.top; p++) {
		cv = node(ld, p->value);
		if (cv->type != YAML_MAPPING_NODE ||
		    (n = map_get(ld, cv, "unique")) == NULL ||
		    strcmp(scalar(n), "true") != 0)
			continue;
		c = add_constraint(t, MODEL_CON_UNIQUE, n);
		c->columns = xcalloc(1, sizeof(*c->columns));
		c->columns[0] = xstrdup(scalar(node(ld, p->key)));
		c->ncolumns = 1;
	}
	if ((n = map_get(ld, v, "unique")) != NULL &&
	    load_unique(ld, t, n) == -1)
		return (-1);
	if ((n = map_get(ld, v, "foreign_keys")) != NULL &&
	    load_fks(ld, t, n) == -1)
		return (-1);
	if ((n = map_get(ld, v, "checks")) != NULL &&
	    load_checks(ld, t, n) == -1)
		return (-1);
	if ((n = map_get(ld, v, "indexes")) != NULL &&
	    load_indexes(ld, t, n) == -1)
		return (-1);
	return (0);
}

/* Whether set a (n names) holds the same names as set b (nb names). */
static int
same_set(char *const *a, size_t n, char *const *b, size_t nb)
{
	size_t	i, j;

	if (n != nb)
		return (0);
	for (i = 0; i < n; i++) {
		for (j = 0; j < nb; j++)
			if (strcmp(a[i], b[j]) == 0)
				break;
		if (j == nb)
			return (0);
	}
	return (1);
}

/*
 * Whether cols of t may be referenced by a foreign key: PostgreSQL wants
 * them to be, as a set, the primary key, a unique constraint, or the key
 * columns of a unique index without expressions and without WHERE.
 */
static int
unique_key(const struct model_table *t, char *const *cols, size_t n)
{
	const struct model_index	*ix;
	size_t				 i, j;
	int				 ok;

	for (i = 0; i < t->nconstraints; i++)
		if ((t->constraints[i].kind == MODEL_CON_PRIMARY ||
		    t->constraints[i].kind == MODEL_CON_UNIQUE) &&
		    same_set(cols, n, t->constraints[i].columns,
		    t->constraints[i].ncolumns))
			return (1);
	for (i = 0; i < t->nindexes; i++) {
		ix = &t->indexes[i];
		if (!ix->unique || ix->where != NULL || ix->nkeys != n)
			continue;
		ok = 1;
		for (j = 0; j < ix->nkeys && ok; j++)
			if (ix->keys[j].column == NULL)
				ok = 0;
		for (j = 0; j < n && ok; j++) {
			size_t	k;

			for (k = 0; k < ix->nkeys; k++)
				if (strcmp(ix->keys[k].column, cols[j]) == 0)
					break;
			if (k == ix->nkeys)
				ok = 0;
		}
		if (ok)
			return (1);
	}
	return (0);
}

static int
resolve_fks(struct loader *ld)
{
	struct pending_fk	*pf;
	struct model_table	*t;
	const struct model_table *rt;
	struct model_constraint	*c;
	const struct model_constraint *pk;
	char			 what[128];
	size_t			 i, j;

	for (i = 0; i < ld->nfks; i++) {
		pf = &ld->fks[i];
		t = &ld->m->tables[pf->table];
		c = &t->constraints[pf->con];
		snprintf(what, sizeof(what), "foreign key of table \"%s\"",
		    t->name);
		if ((rt = model_find_table(ld->m, c->ref_table)) == NULL)
			return (at(ld, pf->ref_table, "%s references missing "
			    "table \"%s\"", what, c->ref_table));
		if (pf->ref_columns != NULL) {
			if (get_columns(ld, pf->ref_columns, rt, what,
			    &c->ref_columns, &c->nref_columns) == -1)
				return (-1);
		} else {
			pk = NULL;
			for (j = 0; j < rt->nconstraints; j++)
				if (rt->constraints[j].kind ==
				    MODEL_CON_PRIMARY)
					pk = &rt->constraints[j];
			if (pk == NULL)
				return (at(ld, pf->ref_table, "%s references "
				    "table \"%s\", which has no primary key "
				    "(expected references.columns)", what,
				    rt->name));
			c->ref_columns = xcalloc(pk->ncolumns,
			    sizeof(*c->ref_columns));
			for (j = 0; j < pk->ncolumns; j++)
				c->ref_columns[j] = xstrdup(pk->columns[j]);
			c->nref_columns = pk->ncolumns;
		}
		if (c->nref_columns != c->ncolumns)
			return (at(ld, pf->ref_columns != NULL ?
			    pf->ref_columns : pf->ref_table, "%s has %zu "
			    "column%s but references %zu", what, c->ncolumns,
			    c->ncolumns == 1 ? "" : "s", c->nref_columns));
		if (!unique_key(rt, c->ref_columns, c->nref_columns))
			return (at(ld, pf->ref_columns != NULL ?
			    pf->ref_columns : pf->ref_table, "%s references "
			    "columns of table \"%s\" that are not its primary "
			    "key, a unique constraint or a plain unique index",
			    what, rt->name));
	}
	return (0);
}

/* renamed_from must not name an object that is still in the model. */
static int
check_renames(struct loader *ld)
{
	const struct model	*m = ld->m;
	const struct model_table *t, *t2;
	const struct model_column *c, *c2;
	size_t			 i, j, k;

	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		if (t->renamed_from != NULL) {
			if (model_find_table(m, t->renamed_from) != NULL)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, t->line, t->col, "table \"%s\" "
				    "is renamed_from \"%s\", which is still a "
				    "table of the model", t->name,
				    t->renamed_from));
			for (j = 0; j < i; j++) {
				t2 = &m->tables[j];
				if (t2->renamed_from != NULL &&
				    strcmp(t2->renamed_from,
				    t->renamed_from) == 0)
					return (vf_error_set(ld->err,
					    VF_EXIT_USAGE, ld->path, t->line,
					    t->col, "tables \"%s\" and \"%s\" "
					    "are both renamed_from \"%s\"",
					    t2->name, t->name,
					    t->renamed_from));
			}
		}
		for (j = 0; j < t->ncolumns; j++) {
			c = &t->columns[j];
			if (c->renamed_from == NULL)
				continue;
			if (model_find_column(t, c->renamed_from) != NULL)
				return (vf_error_set(ld->err, VF_EXIT_USAGE,
				    ld->path, c->line, c->col, "column \"%s\" "
				    "of table \"%s\" is renamed_from \"%s\", "
				    "which is still a column of the table",
				    c->name, t->name, c->renamed_from));
			for (k = 0; k < j; k++) {
				c2 = &t->columns[k];
				if (c2->renamed_from != NULL &&
				    strcmp(c2->renamed_from,
				    c->renamed_from) == 0)
					return (vf_error_set(ld->err,
					    VF_EXIT_USAGE, ld->path, c->line,
					    c->col, "columns \"%s\" and \"%s\" "
					    "of table \"%s\" are both "
					    "renamed_from \"%s\"", c2->name,
					    c->name, t->name,
					    c->renamed_from));
			}
		}
	}
	for (i = 0; i < m->nenums; i++)
		if ((t = model_find_table(m, m->enums[i].name)) != NULL)
			return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
			    m->enums[i].line, m->enums[i].col, "enum \"%s\" "
			    "has the name of a table (line %d): both are "
			    "types", m->enums[i].name, t->line));
	return (0);
}

/*
 * The names taken in the schema: relations (tables, indexes, identity
 * sequences) and constraints, which PostgreSQL keeps apart.
 */
struct name_entry {
	char	name[MODEL_NAME_MAX + 1];
	int	rel;		/* a relation name */
	int	con;		/* a constraint name */
	size_t	table;		/* the constraint's table */
	int	line;
};

/* The entries, and an open-addressing hash of them by name. */
struct names {
	struct name_entry	*v;
	size_t			 n, cap;
	size_t			*slots;		/* entry index + 1; 0: empty */
	size_t			 nslots;	/* a power of two, or 0 */
};

static size_t
name_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/*
 * The first entry named name that is a relation (rel) or a constraint
 * (con) of table (any table when NULL), or NULL.  Linear probing keeps
 * entries of one name in the order they were added.
 */
static const struct name_entry *
names_find(const struct names *ns, const char *name, int rel, int con,
    const size_t *table)
{
	const struct name_entry	*e;
	size_t			 h;

	if (ns->nslots == 0)
		return (NULL);
	for (h = name_hash(name) & (ns->nslots - 1); ns->slots[h] != 0;
	    h = (h + 1) & (ns->nslots - 1)) {
		e = &ns->v[ns->slots[h] - 1];
		if (strcmp(e->name, name) != 0)
			continue;
		if (rel && e->rel)
			return (e);
		if (con && e->con && (table == NULL || e->table == *table))
			return (e);
	}
	return (NULL);
}

static void
names_slot(struct names *ns, size_t idx)
{
	size_t	h;

	for (h = name_hash(ns->v[idx].name) & (ns->nslots - 1);
	    ns->slots[h] != 0; h = (h + 1) & (ns->nslots - 1))
		;
	ns->slots[h] = idx + 1;
}

static void
names_add(struct names *ns, const char *name, int rel, int con,
    size_t table, int line)
{
	struct name_entry	*e;
	size_t			 i;

	if (ns->n == ns->cap) {
		ns->cap = ns->cap == 0 ? 64 : ns->cap * 2;
		ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
	}
	e = &ns->v[ns->n++];
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->rel = rel;
	e->con = con;
	e->table = table;
	e->line = line;
	if (ns->n * 2 > ns->nslots) {
		/* Grow and add everything again, in order. */
		free(ns->slots);
		ns->nslots = ns->nslots == 0 ? 128 : ns->nslots * 2;
		ns->slots = xcalloc(ns->nslots, sizeof(*ns->slots));
		for (i = 0; i < ns->n; i++)
			names_slot(ns, i);
	} else
		names_slot(ns, ns->n - 1);
}

/*
 * PostgreSQL's ChooseRelationName()/ChooseConstraintName(): the base name,
 * then label1, label2... until it is free.
 */
static char *
choose_name(const struct names *ns, const char *name1, const char *name2,
    const char *label, int rel, int con)
{
	char	out[MODEL_NAME_MAX + 1], mod[64];
	int	pass = 0;

	snprintf(mod, sizeof(mod), "%s", label);
	for (;;) {
		model_make_name(out, name1, name2, mod);
		if (names_find(ns, out, rel, con, NULL) == NULL)
			break;
		snprintf(mod, sizeof(mod), "%s%d", label, ++pass);
	}
	return (xstrdup(out));
}

static int
assign_names(struct loader *ld)
{
	struct model		*m = ld->m;
	struct model_table	*t;
	struct model_constraint	*c;
	struct model_index	*ix;
	const struct name_entry	*e;
	struct names		 ns;
	char			*name2, seq[MODEL_NAME_MAX + 1];
	const char		*label;
	size_t			 i, j;
	int			 rel, rc = -1;

	memset(&ns, 0, sizeof(ns));
	for (i = 0; i < m->ntables; i++)
		names_add(&ns, m->tables[i].name, 1, 0, i, m->tables[i].line);
	/* Explicit names first: they are the user's, and must not clash. */
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->nconstraints; j++) {
			c = &t->constraints[j];
			if (!c->name_given)
				continue;
			rel = c->kind == MODEL_CON_PRIMARY ||
			    c->kind == MODEL_CON_UNIQUE;
			e = names_find(&ns, c->name, rel, 1, &i);
			if (e != NULL) {
				vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
				    c->line, c->col, "duplicate name \"%s\" "
				    "(already used at line %d)", c->name,
				    e->line);
				goto done;
			}
			names_add(&ns, c->name, rel, 1, i, c->line);
		}
		for (j = 0; j < t->nindexes; j++) {
			ix = &t->indexes[j];
			if (!ix->name_given)
				continue;
			e = names_find(&ns, ix->name, 1, 0, NULL);
			if (e != NULL) {
				vf_error_set(ld->err, VF_EXIT_USAGE, ld->path,
				    ix->line, ix->col, "duplicate name \"%s\" "
				    "(already used at line %d)", ix->name,
				    e->line);
				goto done;
			}
			names_add(&ns, ix->name, 1, 0, i, ix->line);
		}
	}
	/* Identity sequences are created with their tables. */
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->ncolumns; j++) {
			if (t->columns[j].identity == MODEL_IDENTITY_NONE)
				continue;
			model_make_name(seq, t->name, t->columns[j].name,
			    "seq");
			if (names_find(&ns, seq, 1, 0, NULL) == NULL)
				names_add(&ns, seq, 1, 0, i,
				    t->columns[j].line);
		}
	}
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->nconstraints; j++) {
			c = &t->constraints[j];
			if (c->name_given)
				continue;
			rel = c->kind == MODEL_CON_PRIMARY ||
			    c->kind == MODEL_CON_UNIQUE;
			constraint_name_parts(t, c, &name2, &label);
			c->name = choose_name(&ns, t->name, name2, label,
			    rel, 1);
			free(name2);
			names_add(&ns, c->name, rel, 1, i, c->line);
		}
		for (j = 0; j < t->nindexes; j++) {
			ix = &t->indexes[j];
			if (ix->name_given)
				continue;
			index_name_parts(ix, &name2);
			ix->name = choose_name(&ns, t->name, name2, "idx",
			    1, 0);
			free(name2);
			names_add(&ns, ix->name, 1, 0, i, ix->line);
		}
	}
	rc = 0;
done:
	free(ns.v);
	free(ns.slots);
	return (rc);
}

static const char *const root_keys[] = { "schema", "enums", "tables", NULL };

static int
load_root(struct loader *ld, yaml_node_t *root)
{
	yaml_node_t		*n, *tables;
	yaml_node_pair_t	*p;

	if (want(ld, root, YAML_MAPPING_NODE, "the model") == -1 ||
	    check_keys(ld, root, "the model", root_keys) == -1)
		return (-1);
	if ((n = map_get(ld, root, "schema")) == NULL)
		return (at(ld, root, "missing key \"schema\" in the model"));
	if (get_name(ld, n, "schema", &ld->m->schema) == -1)
		return (-1);
	if ((n = map_get(ld, root, "enums")) != NULL &&
	    load_enums(ld, n) == -1)
		return (-1);
	if ((tables = map_get(ld, root, "tables")) != NULL) {
		if (want(ld, tables, YAML_MAPPING_NODE, "tables") == -1 ||
		    check_names(ld, tables, "table", "") == -1)
			return (-1);
		for (p = tables->data.mapping.pairs.start;
		    p < tables->data.mapping.pairs.top; p++)
			if (load_table(ld, node(ld, p->key),
			    node(ld, p->value)) == -1)
				return (-1);
	}
	if (resolve_fks(ld) == -1 || check_renames(ld) == -1 ||
	    assign_names(ld) == -1)
		return (-1);
	return (0);
}

/* The byte at 0-based line and character column of text, or 0. */
static char
char_at(const char *text, size_t len, size_t line, size_t col)
{
	size_t	i = 0;

	while (line > 0 && i < len) {
		if (text[i++] == '\n')
			line--;
	}
	while (col > 0 && i < len) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		col--;
	}
	return (i < len ? text[i] : 0);
}

static int
yaml_error(struct loader *ld, yaml_parser_t *yp, const char *text,
    size_t len)
{
	size_t	off, k;
	int	line, col;

	if (yp->error == YAML_READER_ERROR) {
		off = yp->problem_offset < len ? yp->problem_offset : len;
		/* libyaml names the bad continuation byte: show its lead. */
		for (k = 1; k <= 3 && k <= off; k++)
			if ((unsigned char)text[off - k] >= 0xC0) {
				off -= k;
				break;
			}
		vf_offset_to_linecol(text, off, &line, &col);
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line,
		    col, "invalid YAML: %s (expected UTF-8 text)",
		    yp->problem ? yp->problem : "unreadable input"));
	}
	line = (int)yp->problem_mark.line + 1;
	col = (int)yp->problem_mark.column + 1;
	if (yp->problem != NULL && char_at(text, len, yp->problem_mark.line,
	    yp->problem_mark.column) == '\t')
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line,
		    col, "invalid YAML: a tab character (indent with "
		    "spaces)"));
	if (yp->context != NULL)
		return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line,
		    col, "invalid YAML: %s %s (line %d, column %d)",
		    yp->problem ? yp->problem : "error", yp->context,
		    (int)yp->context_mark.line + 1,
		    (int)yp->context_mark.column + 1));
	return (vf_error_set(ld->err, VF_EXIT_USAGE, ld->path, line, col,
	    "invalid YAML: %s", yp->problem ? yp->problem : "error"));
}

int
model_parse(const char *path, const char *text, size_t len, struct model *m,
    struct vf_error *err)
{
	yaml_parser_t	 yp;
	yaml_document_t	 doc, extra;
	yaml_node_t	*root;
	struct loader	 ld;
	int		 rc = -1, have_doc = 0, have_extra = 0;

	memset(m, 0, sizeof(*m));
	memset(&ld, 0, sizeof(ld));
	ld.path = path;
	ld.doc = &doc;
	ld.m = m;
	ld.err = err;
	if (!yaml_parser_initialize(&yp)) {
		vf_error_set(err, VF_EXIT_USAGE, path, 0, 0,
		    "cannot start the YAML parser");
		return (-1);
	}
	yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&yp, &doc)) {
		yaml_error(&ld, &yp, text, len);
		goto done;
	}
	have_doc = 1;
	if ((root = yaml_document_get_root_node(&doc)) == NULL) {
		vf_error_set(err, VF_EXIT_USAGE, path, 1, 1, "empty model "
		    "(expected a mapping with schema and tables)");
		goto done;
	}
	if (!yaml_parser_load(&yp, &extra)) {
		yaml_error(&ld, &yp, text, len);
		goto done;
	}
	have_extra = 1;
	if (yaml_document_get_root_node(&extra) != NULL) {
		at(&ld, yaml_document_get_root_node(&extra),
		    "expected one YAML document, found a second one");
		goto done;
	}
	m->path = xstrdup(path);
	rc = load_root(&ld, root);
done:
	if (rc == -1)
		model_free(m);
	free(ld.fks);
	if (have_extra)
		yaml_document_delete(&extra);
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&yp);
	return (rc);
}

int
model_load(const char *path, struct model *m, struct vf_error *err)
{
	char	*text = NULL;
	size_t	 len;
	int	 rc;

	memset(m, 0, sizeof(*m));
	if (vf_read_file(path, &text, &len, err) == -1)
		return (-1);
	rc = model_parse(path, text, len, m, err);
	free(text);
	return (rc);
}

/* ------------------------------------------------------------------ */
/* DDL.                                                                */

static void
put_qualified(struct vbuf *out, const char *schema, const char *name)
{
	vf_quote_ident(out, schema);
	vbuf_putc(out, '.');
	vf_quote_ident(out, name);
}

static void
put_column_list(struct vbuf *out, char *const *cols, size_t n)
{
	size_t	i;

	vbuf_putc(out, '(');
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_puts(out, ", ");
		vf_quote_ident(out, cols[i]);
	}
	vbuf_putc(out, ')');
}

static void
put_type(struct vbuf *out, const struct model *m, const struct model_column *c)
{
	const struct model_enum	*e;

	if (c->enum_index < 0) {
		/* A built-in type, normalised from a closed grammar. */
		vbuf_puts(out, c->type);
		return;
	}
	e = &m->enums[c->enum_index];
	put_qualified(out, m->schema, e->name);
	vbuf_puts(out, c->type + strlen(e->name));
}

static const char *
fk_action_sql(enum model_fk_action a)
{
	switch (a) {
	case MODEL_FK_RESTRICT:
		return ("RESTRICT");
	case MODEL_FK_CASCADE:
		return ("CASCADE");
	case MODEL_FK_SET_NULL:
		return ("SET NULL");
	case MODEL_FK_SET_DEFAULT:
		return ("SET DEFAULT");
	case MODEL_FK_NO_ACTION:
	default:
		return ("NO ACTION");
	}
}

static void
render_table(const struct model *m, const struct model_table *t,
    struct vbuf *out)
{
	const struct model_column	*c;
	const struct model_constraint	*k;
	size_t				 i;

	vbuf_puts(out, "CREATE TABLE ");
	put_qualified(out, m->schema, t->name);
	vbuf_puts(out, " (\n");
	for (i = 0; i < t->ncolumns; i++) {
		c = &t->columns[i];
		vbuf_puts(out, i > 0 ? ",\n\t" : "\t");
		vf_quote_ident(out, c->name);
		vbuf_putc(out, ' ');
		put_type(out, m, c);
		if (c->identity == MODEL_IDENTITY_ALWAYS)
			vbuf_puts(out, " GENERATED ALWAYS AS IDENTITY");
		else if (c->identity == MODEL_IDENTITY_BY_DEFAULT)
			vbuf_puts(out, " GENERATED BY DEFAULT AS IDENTITY");
		if (c->generated != NULL)
			vbuf_appendf(out, " GENERATED ALWAYS AS (%s) STORED",
			    c->generated);
		if (c->default_expr != NULL)
			vbuf_appendf(out, " DEFAULT (%s)", c->default_expr);
		if (!c->nullable)
			vbuf_puts(out, " NOT NULL");
	}
	for (i = 0; i < t->nconstraints; i++) {
		k = &t->constraints[i];
		/*
		 * Unique constraints come after, one statement each: CREATE
		 * TABLE silently keeps one of two that have the same columns.
		 */
		if (k->kind == MODEL_CON_FOREIGN || k->kind == MODEL_CON_UNIQUE)
			continue;
		vbuf_puts(out, ",\n\tCONSTRAINT ");
		vf_quote_ident(out, k->name);
		switch (k->kind) {
		case MODEL_CON_PRIMARY:
			vbuf_puts(out, " PRIMARY KEY ");
			put_column_list(out, k->columns, k->ncolumns);
			break;
		case MODEL_CON_CHECK:
		default:
			vbuf_appendf(out, " CHECK (%s)", k->expression);
			break;
		}
	}
	vbuf_puts(out, "\n);\n");
}

static void
render_fk(const struct model *m, const struct model_table *t,
    const struct model_constraint *k, struct vbuf *out)
{
	vbuf_puts(out, "ALTER TABLE ");
	put_qualified(out, m->schema, t->name);
	vbuf_puts(out, " ADD CONSTRAINT ");
	vf_quote_ident(out, k->name);
	vbuf_puts(out, " FOREIGN KEY ");
	put_column_list(out, k->columns, k->ncolumns);
	vbuf_puts(out, " REFERENCES ");
	put_qualified(out, m->schema, k->ref_table);
	vbuf_putc(out, ' ');
	put_column_list(out, k->ref_columns, k->nref_columns);
	if (k->on_delete != MODEL_FK_NO_ACTION)
		vbuf_appendf(out, " ON DELETE %s", fk_action_sql(k->on_delete));
	if (k->on_update != MODEL_FK_NO_ACTION)
		vbuf_appendf(out, " ON UPDATE %s", fk_action_sql(k->on_update));
	if (k->deferrable)
		vbuf_puts(out, k->initially_deferred ?
		    " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
	vbuf_puts(out, ";\n");
}

static void
render_index(const struct model *m, const struct model_table *t,
    const struct model_index *ix, struct vbuf *out)
{
	const struct model_index_key	*k;
	size_t				 i;

	vbuf_puts(out, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
	vf_quote_ident(out, ix->name);
	vbuf_puts(out, " ON ");
	put_qualified(out, m->schema, t->name);
	/* method is one of a fixed list of words. */
	vbuf_appendf(out, " USING %s (", ix->method);
	for (i = 0; i < ix->nkeys; i++) {
		k = &ix->keys[i];
		if (i > 0)
			vbuf_puts(out, ", ");
		if (k->column != NULL)
			vf_quote_ident(out, k->column);
		else
			vbuf_appendf(out, "(%s)", k->expression);
		if (k->desc)
			vbuf_puts(out, " DESC");
		if (k->nulls == MODEL_NULLS_FIRST)
			vbuf_puts(out, " NULLS FIRST");
		else if (k->nulls == MODEL_NULLS_LAST)
			vbuf_puts(out, " NULLS LAST");
	}
	vbuf_putc(out, ')');
	if (ix->ninclude > 0) {
		vbuf_puts(out, " INCLUDE ");
		put_column_list(out, ix->include, ix->ninclude);
	}
	if (ix->where != NULL)
		vbuf_appendf(out, " WHERE (%s)", ix->where);
	vbuf_puts(out, ";\n");
}

/* Where the statements of a rendering start, and what they are about. */
struct render {
	struct vbuf		*out;
	int			 collect;	/* fill stmts */
	struct model_stmt	*stmts;
	size_t			 n;
	size_t			 mark;		/* start of the current one */
};

static void
stmt_done(struct render *r, int line, int col)
{
	struct model_stmt	*st;

	if (r->collect) {
		r->stmts = xrealloc(r->stmts, (r->n + 1) * sizeof(*r->stmts));
		st = &r->stmts[r->n++];
		st->sql = xstrndup(r->out->data + r->mark,
		    r->out->len - r->mark);
		st->line = line;
		st->col = col;
	}
	r->mark = r->out->len;
}

static int
render(const struct model *m, struct render *r, struct vf_error *err)
{
	const struct model_table	*t;
	const struct model_enum		*e;
	struct vbuf			*out = r->out;
	size_t				 i, j;

	if (m->schema == NULL)
		return (vf_error_set(err, VF_EXIT_USAGE, m->path, 0, 0,
		    "the model has no schema"));
	r->mark = out->len;
	/* vf_quote_literal() writes standard strings: make sure they are. */
	vbuf_puts(out, "SET standard_conforming_strings = on;\n");
	stmt_done(r, 0, 0);
	vbuf_puts(out, "SET search_path TO ");
	vf_quote_ident(out, m->schema);
	vbuf_puts(out, ";\n");
	stmt_done(r, 0, 0);
	for (i = 0; i < m->nenums; i++) {
		e = &m->enums[i];
		vbuf_puts(out, "CREATE TYPE ");
		put_qualified(out, m->schema, e->name);
		vbuf_puts(out, " AS ENUM (");
		for (j = 0; j < e->nvalues; j++) {
			if (j > 0)
				vbuf_puts(out, ", ");
			vf_quote_literal(out, e->values[j]);
		}
		vbuf_puts(out, ");\n");
		stmt_done(r, e->line, e->col);
	}
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		render_table(m, t, out);
		stmt_done(r, t->line, t->col);
		for (j = 0; j < t->nconstraints; j++) {
			if (t->constraints[j].kind != MODEL_CON_UNIQUE)
				continue;
			vbuf_puts(out, "ALTER TABLE ");
			put_qualified(out, m->schema, t->name);
			vbuf_puts(out, " ADD CONSTRAINT ");
			vf_quote_ident(out, t->constraints[j].name);
			vbuf_puts(out, " UNIQUE ");
			put_column_list(out, t->constraints[j].columns,
			    t->constraints[j].ncolumns);
			vbuf_puts(out, ";\n");
			stmt_done(r, t->constraints[j].line,
			    t->constraints[j].col);
		}
	}
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->nconstraints; j++) {
			if (t->constraints[j].kind != MODEL_CON_FOREIGN)
				continue;
			render_fk(m, t, &t->constraints[j], out);
			stmt_done(r, t->constraints[j].line,
			    t->constraints[j].col);
		}
	}
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		for (j = 0; j < t->nindexes; j++) {
			render_index(m, t, &t->indexes[j], out);
			stmt_done(r, t->indexes[j].line, t->indexes[j].col);
		}
	}
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		if (t->comment != NULL) {
			vbuf_puts(out, "COMMENT ON TABLE ");
			put_qualified(out, m->schema, t->name);
			vbuf_puts(out, " IS ");
			vf_quote_literal(out, t->comment);
			vbuf_puts(out, ";\n");
			stmt_done(r, t->line, t->col);
		}
		for (j = 0; j < t->ncolumns; j++) {
			if (t->columns[j].comment == NULL)
				continue;
			vbuf_puts(out, "COMMENT ON COLUMN ");
			put_qualified(out, m->schema, t->name);
			vbuf_putc(out, '.');
			vf_quote_ident(out, t->columns[j].name);
			vbuf_puts(out, " IS ");
			vf_quote_literal(out, t->columns[j].comment);
			vbuf_puts(out, ";\n");
			stmt_done(r, t->columns[j].line, t->columns[j].col);
		}
	}
	return (0);
}

int
model_render_sql(const struct model *m, struct vbuf *out,
    struct vf_error *err)
{
	struct render	r;

	memset(&r, 0, sizeof(r));
	r.out = out;
	return (render(m, &r, err));
}

int
model_render_stmts(const struct model *m, struct model_stmt **stmts,
    size_t *n, struct vf_error *err)
{
	struct render	r;
	struct vbuf	out;
	int		rc;

	*stmts = NULL;
	*n = 0;
	vbuf_init(&out);
	vbuf_puts(&out, "");
	memset(&r, 0, sizeof(r));
	r.out = &out;
	r.collect = 1;
	if ((rc = render(m, &r, err)) == -1)
		model_stmts_free(r.stmts, r.n);
	else {
		*stmts = r.stmts;
		*n = r.n;
	}
	vbuf_free(&out);
	return (rc);
}

void
model_stmts_free(struct model_stmt *stmts, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(stmts[i].sql);
	free(stmts);
}

/* ------------------------------------------------------------------ */
/* Writing a model back as YAML (the canonical form).                  */

/*
 * Whether s can be written as a plain YAML scalar that every YAML reader
 * takes as this very string: it starts with a letter, a digit or '_',
 * holds no ": ", " #" and no control character, does not end in ':' or a
 * space, and is not a word YAML 1.1 reads as a boolean or null.  In a flow
 * sequence ([a, b]) it must not hold ",[]{}" either.
 */
static int
yaml_plain_ok(const char *s, int flow)
{
	static const char *const words[] = {
		"true", "false", "yes", "no", "on", "off", "y", "n", "null",
		NULL
	};
	size_t	len = strlen(s), i;

	if (len == 0 || !(isalnum((unsigned char)s[0]) || s[0] == '_' ||
	    ((unsigned char)s[0] & 0x80)))
		return (0);
	if (s[len - 1] == ':' || s[len - 1] == ' ')
		return (0);
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return (0);
		if (s[i] == ':' && s[i + 1] == ' ')
			return (0);
		if (s[i] == ' ' && s[i + 1] == '#')
			return (0);
		if (flow && strchr(",[]{}", s[i]) != NULL)
			return (0);
	}
	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return (0);
	return (1);
}

static void
yaml_scalar(struct vbuf *out, const char *s, int flow)
{
	const unsigned char	*p;

	if (yaml_plain_ok(s, flow)) {
		vbuf_puts(out, s);
		return;
	}
	vbuf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			vbuf_putc(out, '\\');
			vbuf_putc(out, (char)*p);
		} else if (*p == '\n')
			vbuf_puts(out, "\\n");
		else if (*p == '\t')
			vbuf_puts(out, "\\t");
		else if (*p < 0x20 || *p == 0x7F)
			vbuf_appendf(out, "\\x%02x", *p);
		else
			vbuf_putc(out, (char)*p);
	}
	vbuf_putc(out, '"');
}

/* "key: value\n" at indent. */
static void
yaml_kv(struct vbuf *out, int indent, const char *key, const char *value)
{
	vbuf_appendf(out, "%*s%s: ", indent, "", key);
	yaml_scalar(out, value, 0);
	vbuf_putc(out, '\n');
}

/* "key: true\n" at indent: a boolean, never quoted. */
static void
yaml_true(struct vbuf *out, int indent, const char *key)
{
	vbuf_appendf(out, "%*s%s: true\n", indent, "", key);
}

/*
 * "key: [a, b]\n" after indent spaces, or a block sequence whose items sit
 * at column inner when a name needs quoting.
 */
static void
yaml_list_at(struct vbuf *out, int indent, const char *key,
    char *const *names, size_t n, int inner)
{
	size_t	i;
	int	flow = 1;

	for (i = 0; i < n; i++)
		if (!yaml_plain_ok(names[i], 1))
			flow = 0;
	vbuf_appendf(out, "%*s%s:", indent, "", key);
	if (flow) {
		vbuf_puts(out, " [");
		for (i = 0; i < n; i++) {
			vbuf_puts(out, i > 0 ? ", " : "");
			vbuf_puts(out, names[i]);
		}
		vbuf_puts(out, "]\n");
		return;
	}
	vbuf_putc(out, '\n');
	for (i = 0; i < n; i++) {
		vbuf_appendf(out, "%*s- ", inner, "");
		yaml_scalar(out, names[i], 0);
		vbuf_putc(out, '\n');
	}
}

static void
yaml_list(struct vbuf *out, int indent, const char *key,
    char *const *names, size_t n)
{
	yaml_list_at(out, indent, key, names, n, indent + 2);
}

/* How many entries are named name. */
static size_t
names_count(const struct names *ns, const char *name)
{
	size_t	h, n = 0;

	if (ns->nslots == 0)
		return (0);
	for (h = name_hash(name) & (ns->nslots - 1); ns->slots[h] != 0;
	    h = (h + 1) & (ns->nslots - 1))
		if (strcmp(ns->v[ns->slots[h] - 1].name, name) == 0)
			n++;
	return (n);
}

/* Whether constraint c would get its name back if the name were left out. */
static int
default_named(const struct names *ns, const struct model_table *t,
    const struct model_constraint *c)
{
	char	def[MODEL_NAME_MAX + 1];

	model_constraint_default_name(t, c, def);
	return (strcmp(def, c->name) == 0 && names_count(ns, c->name) == 1);
}

static int	is_shorthand(const struct names *, const struct model_table *,
		    size_t);

static int
has_shorthand(const struct names *ns, const struct model_table *t,
    const struct model_column *col,
    enum model_con_kind kind)
{
	size_t	i;

	for (i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == kind &&
		    t->constraints[i].ncolumns == 1 &&
		    strcmp(t->constraints[i].columns[0], col->name) == 0 &&
		    is_shorthand(ns, t, i))
			return (1);
	return (0);
}

static size_t
column_pos(const struct model_table *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return (i);
	return (t->ncolumns);
}

/* Whether constraint i is written as a column's shorthand. */
static int
is_shorthand(const struct names *ns, const struct model_table *t, size_t i)
{
	const struct model_constraint	*c = &t->constraints[i];
	size_t				 j;

	if ((c->kind != MODEL_CON_PRIMARY && c->kind != MODEL_CON_UNIQUE) ||
	    c->ncolumns != 1 || !default_named(ns, t, c))
		return (0);
	if (c->kind == MODEL_CON_PRIMARY)
		return (1);
	/*
	 * The loader puts column shorthands first, in column order: a unique
	 * constraint is written as one only when that keeps its place.
	 */
	for (j = 0; j < i; j++) {
		if (t->constraints[j].kind != MODEL_CON_UNIQUE)
			continue;
		if (!is_shorthand(ns, t, j) || column_pos(t,
		    t->constraints[j].columns[0]) >= column_pos(t,
		    c->columns[0]))
			return (0);
	}
	return (1);
}

static void
write_column(const struct names *ns, const struct model_table *t,
    const struct model_column *c,
    struct vbuf *out)
{
	int	pk, uq;

	pk = has_shorthand(ns, t, c, MODEL_CON_PRIMARY);
	uq = has_shorthand(ns, t, c, MODEL_CON_UNIQUE);
	vbuf_appendf(out, "%6s", "");
	yaml_scalar(out, c->name, 0);
	vbuf_putc(out, ':');
	if (!c->nullable && c->default_expr == NULL &&
	    c->identity == MODEL_IDENTITY_NONE && c->generated == NULL &&
	    !pk && !uq && c->comment == NULL && c->renamed_from == NULL) {
		vbuf_putc(out, ' ');
		yaml_scalar(out, c->type, 0);
		vbuf_putc(out, '\n');
		return;
	}
	vbuf_putc(out, '\n');
	yaml_kv(out, 8, "type", c->type);
	if (c->nullable)
		yaml_true(out, 8, "nullable");
	if (c->default_expr != NULL)
		yaml_kv(out, 8, "default", c->default_expr);
	if (c->identity != MODEL_IDENTITY_NONE)
		yaml_kv(out, 8, "identity", c->identity ==
		    MODEL_IDENTITY_ALWAYS ? "always" : "by default");
	if (c->generated != NULL)
		yaml_kv(out, 8, "generated", c->generated);
	if (pk)
		yaml_true(out, 8, "primary_key");
	if (uq)
		yaml_true(out, 8, "unique");
	if (c->comment != NULL)
		yaml_kv(out, 8, "comment", c->comment);
	if (c->renamed_from != NULL)
		yaml_kv(out, 8, "renamed_from", c->renamed_from);
}

static void
write_index(const struct names *ns, const struct model_table *t,
    const struct model_index *ix,
    struct vbuf *out)
{
	const struct model_index_key	*k;
	char				 def[MODEL_NAME_MAX + 1];
	char				**cols;
	size_t				 i;
	int				 simple = 1, first = 1;

	model_index_default_name(t, ix, def);
	vbuf_appendf(out, "%6s- ", "");
#define NEXT_KEY()	do {						\
		if (!first)						\
			vbuf_appendf(out, "%8s", "");			\
		first = 0;						\
	} while (0)
	if (strcmp(def, ix->name) != 0 || names_count(ns, ix->name) != 1) {
		NEXT_KEY();
		yaml_kv(out, 0, "name", ix->name);
	}
	if (ix->unique) {
		NEXT_KEY();
		yaml_true(out, 0, "unique");
	}
	if (strcmp(ix->method, "btree") != 0) {
		NEXT_KEY();
		yaml_kv(out, 0, "method", ix->method);
	}
	for (i = 0; i < ix->nkeys; i++)
		if (ix->keys[i].column == NULL || ix->keys[i].desc ||
		    ix->keys[i].nulls != MODEL_NULLS_DEFAULT)
			simple = 0;
	NEXT_KEY();
	if (simple) {
		cols = xcalloc(ix->nkeys, sizeof(*cols));
		for (i = 0; i < ix->nkeys; i++)
			cols[i] = ix->keys[i].column;
		yaml_list_at(out, 0, "columns", cols, ix->nkeys, 10);
		free(cols);
	} else {
		vbuf_puts(out, "columns:\n");
		for (i = 0; i < ix->nkeys; i++) {
			k = &ix->keys[i];
			vbuf_appendf(out, "%10s- ", "");
			if (k->column != NULL && !k->desc &&
			    k->nulls == MODEL_NULLS_DEFAULT) {
				yaml_scalar(out, k->column, 0);
				vbuf_putc(out, '\n');
				continue;
			}
			if (k->column != NULL)
				yaml_kv(out, 0, "column", k->column);
			else
				yaml_kv(out, 0, "expression", k->expression);
			if (k->desc)
				yaml_true(out, 12, "desc");
			if (k->nulls != MODEL_NULLS_DEFAULT)
				yaml_kv(out, 12, "nulls", k->nulls ==
				    MODEL_NULLS_FIRST ? "first" : "last");
		}
	}
	if (ix->ninclude > 0)
		yaml_list(out, 8, "include", ix->include, ix->ninclude);
	if (ix->where != NULL)
		yaml_kv(out, 8, "where", ix->where);
#undef NEXT_KEY
}

static void
write_table(const struct names *ns, const struct model_table *t,
    struct vbuf *out)
{
	const struct model_constraint	*c;
	const struct model_constraint	*pk = NULL;
	size_t				 i;
	int				 any;

	vbuf_appendf(out, "%2s", "");
	yaml_scalar(out, t->name, 0);
	vbuf_puts(out, ":\n");
	if (t->comment != NULL)
		yaml_kv(out, 4, "comment", t->comment);
	if (t->renamed_from != NULL)
		yaml_kv(out, 4, "renamed_from", t->renamed_from);
	vbuf_appendf(out, "%4scolumns:\n", "");
	for (i = 0; i < t->ncolumns; i++)
		write_column(ns, t, &t->columns[i], out);

	for (i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == MODEL_CON_PRIMARY &&
		    !is_shorthand(ns, t, i))
			pk = &t->constraints[i];
	if (pk != NULL && default_named(ns, t, pk))
		yaml_list(out, 4, "primary_key", pk->columns, pk->ncolumns);
	else if (pk != NULL) {
		vbuf_appendf(out, "%4sprimary_key:\n", "");
		yaml_kv(out, 6, "name", pk->name);
		yaml_list(out, 6, "columns", pk->columns, pk->ncolumns);
	}

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		c = &t->constraints[i];
		if (c->kind != MODEL_CON_UNIQUE || is_shorthand(ns, t, i))
			continue;
		if (!any++)
			vbuf_appendf(out, "%4sunique:\n", "");
		if (default_named(ns, t, c))
			yaml_list(out, 6, "- columns", c->columns, c->ncolumns);
		else {
			yaml_kv(out, 6, "- name", c->name);
			yaml_list(out, 8, "columns", c->columns, c->ncolumns);
		}
	}

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		c = &t->constraints[i];
		if (c->kind != MODEL_CON_FOREIGN)
			continue;
		if (!any++)
			vbuf_appendf(out, "%4sforeign_keys:\n", "");
		if (!default_named(ns, t, c)) {
			yaml_kv(out, 6, "- name", c->name);
			yaml_list(out, 8, "columns", c->columns, c->ncolumns);
		} else
			yaml_list(out, 6, "- columns", c->columns, c->ncolumns);
		vbuf_appendf(out, "%8sreferences:\n", "");
		yaml_kv(out, 10, "table", c->ref_table);
		yaml_list(out, 10, "columns", c->ref_columns, c->nref_columns);
		if (c->on_delete != MODEL_FK_NO_ACTION)
			yaml_kv(out, 8, "on_delete", fk_actions[c->on_delete]);
		if (c->on_update != MODEL_FK_NO_ACTION)
			yaml_kv(out, 8, "on_update", fk_actions[c->on_update]);
		if (c->deferrable)
			yaml_true(out, 8, "deferrable");
		if (c->initially_deferred)
			yaml_true(out, 8, "initially_deferred");
	}

	for (i = 0, any = 0; i < t->nconstraints; i++) {
		c = &t->constraints[i];
		if (c->kind != MODEL_CON_CHECK)
			continue;
		if (!any++)
			vbuf_appendf(out, "%4schecks:\n", "");
		if (!default_named(ns, t, c)) {
			yaml_kv(out, 6, "- name", c->name);
			yaml_kv(out, 8, "expression", c->expression);
		} else
			yaml_kv(out, 6, "- expression", c->expression);
	}

	if (t->nindexes > 0)
		vbuf_appendf(out, "%4sindexes:\n", "");
	for (i = 0; i < t->nindexes; i++)
		write_index(ns, t, &t->indexes[i], out);
}

void
model_write_yaml(const struct model *m, struct vbuf *out)
{
	const struct model_table	*t;
	struct names			 ns;
	size_t				 i, j;

	/* Every name, to know which ones are shared. */
	memset(&ns, 0, sizeof(ns));
	for (i = 0; i < m->ntables; i++) {
		t = &m->tables[i];
		names_add(&ns, t->name, 1, 0, i, 0);
		for (j = 0; j < t->nconstraints; j++)
			names_add(&ns, t->constraints[j].name, 0, 1, i, 0);
		for (j = 0; j < t->nindexes; j++)
			names_add(&ns, t->indexes[j].name, 1, 0, i, 0);
	}

	yaml_kv(out, 0, "schema", m->schema != NULL ? m->schema : "");
	if (m->nenums > 0) {
		vbuf_puts(out, "\nenums:\n");
		for (i = 0; i < m->nenums; i++) {
			struct vbuf	key;

			vbuf_init(&key);
			vbuf_puts(&key, "");
			yaml_scalar(&key, m->enums[i].name, 0);
			yaml_list(out, 2, key.data, m->enums[i].values,
			    m->enums[i].nvalues);
			vbuf_free(&key);
		}
	}
	if (m->ntables > 0) {
		vbuf_puts(out, "\ntables:\n");
		for (i = 0; i < m->ntables; i++) {
			if (i > 0)
				vbuf_putc(out, '\n');
			write_table(&ns, &m->tables[i], out);
		}
	}
	free(ns.v);
	free(ns.slots);
}
