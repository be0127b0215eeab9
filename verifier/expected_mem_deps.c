/*
 * expected_mem_deps.c: the in-memory expected catalog's CATALOG_DEPS
 * rows: each once (the query's SELECT DISTINCT), and those of a printed
 * expression (a default, check, predicate or policy) on the sequences and
 * types of the schema it names.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expected_mem_int.h"

/* The hash of a row's n cells (NULL apart from ""). */
static size_t
row_hash(char *const *cells, size_t n)
{
	size_t	h = 0, i;

	for (i = 0; i < n; i++)
		h = h * 31 + (cells[i] != NULL ? vf_str_hash(cells[i]) : 7);
	return (h);
}

static int
cell_eq(const char *a, const char *b)
{
	return (a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0);
}

/* The slot of row r of CATALOG_DEPS in x->dep_slots, or the empty one
   where it would go, for the cells of a row. */
static size_t
dep_slot(const struct xm_ctx *x, char *const *cells)
{
	const struct catalog_set	*set = &x->cat->sets[CATALOG_DEPS];
	char				*const *row;
	size_t				 h, i;

	for (h = row_hash(cells, 7) & (x->dep_nslots - 1);
	    x->dep_slots[h] != 0; h = (h + 1) & (x->dep_nslots - 1)) {
		row = &set->cells[(x->dep_slots[h] - 1) * 7];
		for (i = 0; i < 7 && cell_eq(row[i], cells[i]); i++)
			;
		if (i == 7)
			break;
	}
	return (h);
}

void
xm_dep(struct xm_ctx *x, const char *kind, const char *name, const char *col,
    const char *deptype, const char *ref_kind, const char *ref_name,
    const char *ref_col)
{
	const struct catalog_set	*set = &x->cat->sets[CATALOG_DEPS];
	char				*cells[7];
	size_t				 h, i;

	cells[0] = (char *)(uintptr_t)kind;
	cells[1] = (char *)(uintptr_t)name;
	cells[2] = (char *)(uintptr_t)col;
	cells[3] = (char *)(uintptr_t)deptype;
	cells[4] = (char *)(uintptr_t)ref_kind;
	cells[5] = (char *)(uintptr_t)ref_name;
	cells[6] = (char *)(uintptr_t)ref_col;
	/* SELECT DISTINCT: each row once; the slots hold row numbers + 1,
	   half of them free at most. */
	if ((set->nrows + 1) * 2 > x->dep_nslots) {
		free(x->dep_slots);
		x->dep_nslots = x->dep_nslots == 0 ? 256 : x->dep_nslots * 2;
		x->dep_slots = xcalloc(x->dep_nslots, sizeof(*x->dep_slots));
		for (i = 0; i < set->nrows; i++)
			x->dep_slots[dep_slot(x, &set->cells[i * 7])] = i + 1;
	}
	h = dep_slot(x, cells);
	if (x->dep_slots[h] != 0)
		return;
	xm_row(x, CATALOG_DEPS, (const char *const *)cells, 7);
	x->dep_slots[h] = set->nrows;
}

/*
 * An identifier of printed SQL at p (bare or double-quoted) into out:
 * the characters after it, or NULL when there is none.
 */
static const char *
read_ident(const char *p, struct vbuf *out)
{
	if (*p == '"') {
		for (p++; *p != '\0'; p++) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				return (p + 1);
			vbuf_putc(out, *p);
		}
		return (NULL);
	}
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
	    *p == '_' || *p == '$')
		vbuf_putc(out, *p++);
	return (out->len > 0 ? p : NULL);
}

int
xm_expr_deps(struct xm_ctx *x, const char *expr, const char *kind,
    const char *name, const char *col, size_t upto)
{
	const char	*p, *q;
	struct vbuf	 id;
	size_t		 ql = strlen(x->qschema);
	int		 ok = 1, rel, e;

	vbuf_init(&id);
	for (p = expr; ok && (p = strstr(p, x->qschema)) != NULL; p = q) {
		q = p + ql;
		if (*q != '.' || (p > expr && (p[-1] == '_' ||
		    (p[-1] >= 'a' && p[-1] <= 'z') ||
		    (p[-1] >= '0' && p[-1] <= '9')))) {
			/* Part of another word: no name of the schema. */
			if (*q == '.')
				ok = 0;
			continue;
		}
		vbuf_reset(&id);
		vbuf_puts(&id, "");
		if ((q = read_ident(q + 1, &id)) == NULL) {
			ok = 0;
			break;
		}
		if (p > expr && p[-1] == '\'' &&
		    strncmp(q, "'::regclass", 11) == 0) {
			rel = xm_names_get(&x->rels, id.data);
			e = xm_names_get(&x->seqtab, id.data);
			if (rel != REL_SEQUENCE || e < 0 || (size_t)e > upto)
				ok = 0;
			else
				xm_dep(x, kind, name, col, "n", "sequence",
				    id.data, NULL);
		} else if (p >= expr + 2 && p[-1] == ':' && p[-2] == ':') {
			if ((e = xm_names_get(&x->types, id.data)) <= 0 ||
			    (upto == 0 && e != XM_ENUM))
				ok = 0;
			else
				xm_dep(x, kind, name, col, "n",
				    xm_type_kind(e), id.data, NULL);
		} else
			ok = 0;
	}
	vbuf_free(&id);
	return (ok);
}
