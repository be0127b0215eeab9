/*
 * expected_mem_seq.c: the in-memory expected catalog's sequences: options
 * resolved as CREATE SEQUENCE resolves them (init_params()), the rows of
 * standalone, serial and identity sequences (CATALOG_SEQUENCES, the
 * columns' identity_opts), nextval() as a serial default prints.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "expected_mem_int.h"

/* The bounds of a sequence's integer type; 0 for another type. */
static int
int_bounds(const char *type, long long *lo, long long *hi)
{
	if (strcmp(type, "smallint") == 0) {
		*lo = -32768;
		*hi = 32767;
	} else if (strcmp(type, "integer") == 0) {
		*lo = -2147483648LL;
		*hi = 2147483647LL;
	} else if (strcmp(type, "bigint") == 0) {
		*lo = INT64_MIN;
		*hi = INT64_MAX;
	} else
		return (0);
	return (1);
}

int
xm_seq_resolve(const char *type, const struct model_seq_opts *o,
    struct xm_seq *s)
{
	if (!int_bounds(type, &s->lo, &s->hi))
		return (0);
	s->inc = o->have & MODEL_SEQ_INCREMENT ? o->increment : 1;
	if (s->inc == 0)
		return (0);
	s->max = o->have & MODEL_SEQ_MAX ? o->max : s->inc > 0 ? s->hi : -1;
	s->min = o->have & MODEL_SEQ_MIN ? o->min : s->inc > 0 ? 1 : s->lo;
	if (s->max < s->lo || s->max > s->hi || s->min < s->lo ||
	    s->min > s->hi || s->min >= s->max)
		return (0);
	s->start = o->have & MODEL_SEQ_START ? o->start :
	    s->inc > 0 ? s->min : s->max;
	if (s->start < s->min || s->start > s->max)
		return (0);
	s->cache = o->have & MODEL_SEQ_CACHE ? o->cache : 1;
	if (s->cache < 1)
		return (0);
	s->cycle = o->have & MODEL_SEQ_CYCLE ? o->cycle : 0;
	return (1);
}

void
xm_seq_row(struct xm_ctx *x, const char *name, const char *type,
    const struct xm_seq *s, const char *owned_tbl, const char *owned_col,
    const char *comment)
{
	char		 n[5][24];
	const char	*cells[11];

	snprintf(n[0], sizeof(n[0]), "%lld", s->start);
	snprintf(n[1], sizeof(n[1]), "%lld", s->inc);
	snprintf(n[2], sizeof(n[2]), "%lld", s->min);
	snprintf(n[3], sizeof(n[3]), "%lld", s->max);
	snprintf(n[4], sizeof(n[4]), "%lld", s->cache);
	cells[0] = name;
	cells[1] = type;
	cells[2] = n[0];
	cells[3] = n[1];
	cells[4] = n[2];
	cells[5] = n[3];
	cells[6] = n[4];
	cells[7] = s->cycle ? "t" : "f";
	cells[8] = owned_tbl;
	cells[9] = owned_col;
	cells[10] = xm_comment(comment);
	xm_row(x, CATALOG_SEQUENCES, cells, 11);
}

int
xm_sequences(struct xm_ctx *x)
{
	const struct model_sequence	*sq;
	const struct model_table	*t;
	struct xm_seq			 s;
	int				 ti;
	size_t				 i;

	for (i = 0; i < x->m->nsequences; i++) {
		sq = &x->m->sequences[i];
		if (sq->type == NULL || !xm_seq_resolve(sq->type, &sq->opts, &s))
			return (xm_decline(x, "sequence \"%s\": options",
			    sq->name));
		if (sq->owned_tbl != NULL) {
			ti = xm_names_get(&x->tables, sq->owned_tbl);
			if (ti < 0 || (t = &x->m->tables[ti],
			    model_find_column(t, sq->owned_col) == NULL))
				return (xm_decline(x, "sequence \"%s\": owned "
				    "by", sq->name));
			xm_dep(x, "sequence", sq->name, NULL, "a", "table",
			    sq->owned_tbl, sq->owned_col);
		}
		xm_seq_row(x, sq->name, sq->type, &s, sq->owned_tbl,
		    sq->owned_col, sq->comment);
	}
	return (1);
}

void
xm_identity_opts(const struct xm_seq *s, struct vbuf *out)
{
	vbuf_appendf(out, "%lld %lld ", s->start, s->inc);
	if (s->inc < 0 && s->min == s->lo)
		vbuf_puts(out, "-");
	else
		vbuf_appendf(out, "%lld", s->min);
	vbuf_putc(out, ' ');
	if (s->inc > 0 && s->max == s->hi)
		vbuf_puts(out, "-");
	else
		vbuf_appendf(out, "%lld", s->max);
	vbuf_appendf(out, " %lld %s", s->cache, s->cycle ? "t" : "f");
}

void
xm_nextval(struct xm_ctx *x, const char *seq, struct vbuf *out)
{
	struct vbuf	 q;
	const char	*p;

	vbuf_init(&q);
	vbuf_puts(&q, x->qschema);
	vbuf_putc(&q, '.');
	vf_quote_ident(&q, seq);
	vbuf_puts(out, "nextval('");
	for (p = q.data; *p != '\0'; p++) {
		if (*p == '\'')
			vbuf_putc(out, '\'');
		vbuf_putc(out, *p);
	}
	vbuf_puts(out, "'::regclass)");
	vbuf_free(&q);
}
